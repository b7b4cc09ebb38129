"""Checks q1-q5: inspecting the portfolio, days past due, buckets and penalty interest."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from autograder.checks.preparation import reference as ref
from autograder.checks.preparation.common import (
    as_numbers,
    call_quietly,
    not_function,
    note,
    number,
    reference,
    result,
)
from autograder.checks.result import CheckResult
from course.portfolio import bucket_index


def check_overview(answer: Any) -> CheckResult:
    """q1_1: counts and totals of the portfolio in a dict."""
    portfolio, _ = reference()
    as_of = portfolio.attrs["as_of"]
    expected = {
        "accounts": len(portfolio),
        "overdue_accounts": int((portfolio["days_past_due"] > 0).sum()),
        "total_overdue_amount": round(float(portfolio["overdue_amount"].sum()), 2),
        "promised_today": int((portfolio["promise_due_date"] == as_of).sum()),
    }
    if not isinstance(answer, dict):
        return result("q1_1", 0.0, [note("wrong_type", name="overview", want="dict")])
    notes, right = [], 0
    missing = [k for k in expected if k not in answer]
    if missing:
        notes.append(note("missing_keys", keys=", ".join(missing)))
    for key, want in expected.items():
        if key in missing:
            continue
        got = number(answer[key])
        ok = got is not None and abs(got - want) <= 0.05
        right += ok
        notes.append(note("key_right" if ok else "key_wrong", ok=ok, key=key))
        if not ok and got is not None:
            notes += _overview_hint(key, got, len(portfolio))
    return result("q1_1", right / len(expected), notes)


def _overview_hint(key: str, got: float, accounts: int) -> list:
    """The usual slip behind a wrong overview figure (names the slip, never the figure)."""
    if key == "overdue_accounts" and got == accounts:
        return [note("overview_strict")]
    if key == "promised_today" and got == 0:
        return [note("overview_promise_date")]
    return []


DPD_CASES = [  # (due date, expected DPD) with as_of 2026-11-23
    ("2026-11-23", 0),
    ("2026-11-22", 1),
    ("2026-11-30", 0),
    ("2026-10-24", 30),
    ("2026-10-23", 31),
    ("2025-11-23", 365),
]


def check_days_past_due(func: Any) -> CheckResult:
    """q2_1: days_past_due(due_dates, as_of) on edge cases and on the whole portfolio."""
    if (bad := not_function("q2_1", func, "days_past_due")) is not None:
        return bad
    as_of = pd.Timestamp("2026-11-23")
    dues = pd.Series(pd.to_datetime([d for d, _ in DPD_CASES]))
    want = np.array([w for _, w in DPD_CASES], dtype=float)
    got, error = call_quietly(func, dues, as_of)
    if error:
        return result("q2_1", 0.0, [note("raised", name="days_past_due", error=error)])
    values = as_numbers(got, len(want))
    if values is None:
        return result("q2_1", 0.0, [note("wrong_length")])
    hits = values == want
    notes = [note("cases_right", ok=bool(hits.all()), right=int(hits.sum()), total=len(want))]
    if values[0] != 0:
        notes.append(note("dpd_due_today"))
    if values[2] < 0:
        notes.append(note("dpd_future"))
    if np.any(np.abs(values[[1, 3, 4, 5]] - want[[1, 3, 4, 5]]) == 1):
        notes.append(note("dpd_off_by_one"))
    portfolio, _ = reference()
    full, error = call_quietly(func, portfolio["due_date"].copy(), portfolio.attrs["as_of"])
    full = None if error else as_numbers(full, len(portfolio))
    whole = full is not None and bool(np.array_equal(full, portfolio["days_past_due"]))
    weight = len(want)  # the whole portfolio counts as much as all edge cases together
    return result("q2_1", (hits.sum() + weight * whole) / (2 * weight), notes)


BUCKET_CASES = [0, 1, 15, 30, 31, 59, 60, 61, 90, 91, 120, 121, 150, 151, 400]


def check_to_bucket(func: Any) -> CheckResult:
    """q3_1: to_bucket(days_past_due) labels, edges included."""
    if (bad := not_function("q3_1", func, "to_bucket")) is not None:
        return bad
    want = [ref.BUCKET_LABELS[i] for i in bucket_index(np.array(BUCKET_CASES))]
    got, error = call_quietly(func, pd.Series(BUCKET_CASES))
    if error:
        return result("q3_1", 0.0, [note("raised", name="to_bucket", error=error)])
    try:
        labels = [str(x) for x in list(got)]
    except TypeError:
        labels = []
    if len(labels) != len(want):
        return result("q3_1", 0.0, [note("wrong_length")])
    hits = [a == b for a, b in zip(labels, want, strict=True)]
    notes = [note("cases_right", ok=all(hits), right=sum(hits), total=len(want))]
    if not set(labels) <= set(ref.BUCKET_LABELS):
        notes.append(note("bucket_labels"))
    if not hits[0]:
        notes.append(note("bucket_zero"))
    if not all(hits[1:]):
        notes.append(note("bucket_edges"))
    return result("q3_1", sum(hits) / len(hits), notes)


def _as_counts(table: Any) -> pd.Series | None:
    if isinstance(table, dict):
        table = pd.Series(table)
    if isinstance(table, pd.DataFrame):
        numeric = table.select_dtypes("number")
        if numeric.shape[1] == 0:
            return None
        table = numeric.iloc[:, 0]
    if not isinstance(table, pd.Series):
        return None
    return pd.Series(table.to_numpy(), index=[str(i) for i in table.index])


def check_bucket_counts(table: Any) -> CheckResult:
    """q4_1: accounts per bucket, in bucket order M0..M6+."""
    portfolio, _ = reference()
    labels = list(ref.BUCKET_LABELS)
    want = portfolio["bucket"].astype(str).value_counts().reindex(labels, fill_value=0)
    counts = _as_counts(table)
    if counts is None:
        return result("q4_1", 0.0, [note("wrong_type", name="bucket_counts", want="pandas Series")])
    if not set(counts.index) >= set(labels):
        return result("q4_1", 0.0, [note("bucket_labels")])
    got = counts.reindex(labels)
    wrong = int(sum(number(g) != w for g, w in zip(got, want, strict=True)))
    fraction = (len(labels) - wrong) / len(labels)
    notes = []
    total = number(pd.to_numeric(got, errors="coerce").sum())
    if total is not None and round(total) != len(portfolio):
        notes.append(note("bucket_total", got=round(total), want=len(portfolio)))
    elif wrong:
        notes.append(note("bucket_counts_wrong", wrong=wrong))
    if [i for i in counts.index if i in labels] != labels:
        fraction *= 0.8
        notes.append(note("bucket_order"))
    return result("q4_1", fraction, notes)


def _per_account(values: Any, portfolio: pd.DataFrame) -> np.ndarray | None:
    """Learner values aligned to the portfolio rows, by account_id index or by position."""
    if isinstance(values, pd.Series) and set(portfolio["account_id"]) <= set(
        map(str, values.index)
    ):
        values = values.copy()
        values.index = values.index.map(str)
        values = values.reindex(portfolio["account_id"])
    return as_numbers(values, len(portfolio))


def _size(values: Any) -> int | None:
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__len__"):
        return None
    return len(values)


def check_penalty(penalty: Any) -> CheckResult:
    """q5_1: contractual penalty interest per account (overdue amount x product rate x DPD)."""
    portfolio, _ = reference()
    got = _per_account(penalty, portfolio)
    if got is None:
        size = _size(penalty)
        if size is not None and 0 < size < len(portfolio):
            lost = note("rows_lost", name="penalty", got=size, want=len(portfolio))
            return result("q5_1", 0.0, [lost])
        return result("q5_1", 0.0, [note("wrong_length")])
    want = ref.reference_penalty(portfolio).to_numpy()
    hits = np.isclose(got, want, atol=0.011)
    share = float(hits.mean())
    notes = [note("penalty_share", ok=share == 1.0, share=f"{share:.0%}")]
    if share < 1:
        rate = portfolio["product"].astype(str).map({"car_loan": 0.0003}).fillna(0.0005)
        dpd = portfolio["days_past_due"]
        on_balance = (portfolio["balance"] * rate * dpd).round(2).to_numpy()
        one_rate = (portfolio["overdue_amount"] * 0.0005 * dpd).round(2).to_numpy()
        if np.isclose(got, on_balance, atol=0.011).mean() > share:
            notes.append(note("penalty_balance"))
        elif np.isclose(got, one_rate, atol=0.011).mean() > share:
            notes.append(note("penalty_rate"))
        else:
            notes.append(note("penalty_days"))
    return result("q5_1", share, notes)
