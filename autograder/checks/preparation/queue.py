"""Checks q6 and q9: the day's work queue in priority order and the pre-call brief."""

from __future__ import annotations

import unicodedata
from typing import Any

import pandas as pd

from autograder.checks.preparation import reference as ref
from autograder.checks.preparation.common import (
    note,
    number,
    reference,
    result,
)
from autograder.checks.result import CheckResult


def _as_ids(queue: Any) -> list[str] | None:
    if isinstance(queue, pd.DataFrame):
        if "account_id" not in queue.columns:
            return None
        queue = queue["account_id"]
    if isinstance(queue, (str, bytes)) or not hasattr(queue, "__iter__"):
        return None
    return [str(x) for x in queue]


def check_queue(queue: Any) -> CheckResult:
    """q6_1: today's work queue in the seeds' priority order (partial credit per tier)."""
    portfolio, _ = reference()
    ids = _as_ids(queue)
    if ids is None:
        return result("q6_1", 0.0, [note("wrong_type", name="queue", want="list of account_id")])
    tiers = ref.reference_tiers(portfolio)
    expected = ref.reference_queue(portfolio)
    notes = []
    members = len(set(ids) & set(expected)) / len(set(ids) | set(expected))
    if members < 1 or len(ids) != len(set(ids)):
        members *= 0.5 if len(ids) != len(set(ids)) else 1
        notes.append(note("queue_members"))
    want_pos = {a: i for i, a in enumerate(expected)}
    tiers_right = 0
    for tier in range(1, 7):
        block = {want_pos[a] for a in tiers.index[tiers == tier]}
        placed = {i for i, a in enumerate(ids) if tiers.get(a) == tier}
        tiers_right += block == placed
    balance = portfolio.set_index("account_id")["balance"]
    pairs = [
        (a, b)
        for a, b in zip(ids, ids[1:], strict=False)
        if a in tiers.index and tiers.get(a) == tiers.get(b)
    ]
    in_order = [(-balance[a], a) <= (-balance[b], b) for a, b in pairs]
    within = sum(in_order) / len(in_order) if in_order else 0.0
    first = {a for a in tiers.index[tiers == 1]}
    if set(ids[: len(first)]) != first:
        notes.append(note("queue_fpd_first"))
    second = {a for a in tiers.index[tiers == 2]}
    if set(ids[len(first) : len(first) + len(second)]) != second:
        notes.append(note("queue_promise_second"))
    if tiers_right < 6:
        notes.append(note("queue_tiers"))
    if within < 1:
        notes.append(note("queue_within"))
    notes.append(note("queue_score", ok=tiers_right == 6, share=f"{tiers_right}/6"))
    fraction = 0.15 * members + 0.65 * tiers_right / 6 + 0.2 * within
    return result("q6_1", fraction, notes)


def _plain(value: Any) -> str:
    """An id as typed, without stray spaces or full-width letters ("Ｍ4 " is M4)."""
    return unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else ""


BRIEF_KEYS = ("account_id", "amount_due", "dpd", "bucket", "likely_excuse", "goal")


def check_brief(brief: Any, account_id: str) -> CheckResult:
    """q9_1: the facts of a pre-call brief are right and the goal is a dated commitment."""
    if not isinstance(brief, dict):
        return result("q9_1", 0.0, [note("wrong_type", name="brief", want="dict")])
    portfolio, _ = reference()
    row = portfolio.index[portfolio["account_id"] == account_id]
    if str(brief.get("account_id")) != account_id or len(row) != 1:
        return result("q9_1", 0.0, [note("key_wrong", key="account_id")])
    i = row[0]
    penalty = ref.reference_penalty(portfolio.loc[[i]]).iloc[0]
    overdue = float(portfolio.at[i, "overdue_amount"])
    notes = []
    missing = [k for k in BRIEF_KEYS if k not in brief]
    if missing:
        notes.append(note("missing_keys", keys=", ".join(missing)))
    amount = number(brief.get("amount_due"))
    checks = {
        "amount_due": amount is not None and abs(amount - round(overdue + penalty, 2)) <= 0.011,
        "dpd": number(brief.get("dpd")) == portfolio.at[i, "days_past_due"],
        "bucket": _plain(brief.get("bucket")).upper() == str(portfolio.at[i, "bucket"]),
        "likely_excuse": _plain(brief.get("likely_excuse")).lower() in ref.EXCUSE_IDS,
        "goal": ref.dated_goal(brief.get("goal", "")),
    }
    for key, ok in checks.items():
        if key in missing:
            continue
        if ok:
            notes.append(note("key_right", ok=True, key=key))
        elif key == "amount_due" and amount is not None and abs(amount - overdue) <= 0.011:
            notes.append(note("brief_amount_no_penalty"))
        elif key in ("amount_due", "dpd") and number(brief.get(key)) is None:
            notes.append(note("not_number", key=key, value=repr(brief.get(key))[:40]))
        elif key == "likely_excuse":
            notes.append(note("brief_excuse"))
        elif key == "goal":
            notes.append(note("brief_goal"))
        else:
            notes.append(note("key_wrong", key=key))
    return result("q9_1", sum(checks.values()) / len(checks), notes)
