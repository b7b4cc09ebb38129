"""Checks of 01-account-preparation: full, partial and zero credit, each with a helpful note."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest

from autograder.checks import preparation as prep
from autograder.checks.preparation import reference as ref
from course import contact_rules, product_terms

PORTFOLIO, CONTACTS = ref.reference()
AS_OF = PORTFOLIO.attrs["as_of"]
LABELS = ["M0", "M1", "M2", "M3", "M4", "M5", "M6+"]
BRIEF_ID = "AC0000784"


# ---- right answers, written as a learner would ---------------------------------------------


def dpd_right(due, as_of):
    return (as_of - due).dt.days.clip(lower=0)


def bucket_right(dpd):
    return pd.cut(dpd, [-1, 0, 30, 60, 90, 120, 150, np.inf], labels=LABELS).astype(str)


def rates():
    return (
        PORTFOLIO["product"]
        .astype(str)
        .map(product_terms().set_index("product")["daily_penalty_rate"])
    )


def queue_with(order):
    owed = PORTFOLIO[PORTFOLIO["days_past_due"] > 0].copy()
    rules = {
        "fpd": owed["first_payment_default"],
        "today": owed["promise_due_date"] == AS_OF,
        "partial": owed["partial_payments"] > 0,
        "large": owed["balance"] >= 50_000,
        "skip": ~owed["phone_reachable"],
    }
    owed["tier"] = np.select([rules[k] for k in order], [1, 2, 3, 4, 5], default=6)
    owed = owed.sort_values(["tier", "balance", "account_id"], ascending=[True, False, True])
    return owed["account_id"].tolist()


def whom_right(debtor, contacts):
    if debtor["phone_reachable"]:
        return [(debtor["account_id"], "collect")]
    registered = contacts[contacts["registered_emergency_contact"]]
    return [(c, "request_callback") for c in registered["contact_id"]]


def whom_everyone(debtor, contacts):
    if debtor["phone_reachable"]:
        return [(debtor["account_id"], "collect")]
    return [(c, "request_callback") for c in contacts["contact_id"]]


def whom_collect_from_contacts(debtor, contacts):
    return [(c, "collect") for c, _ in whom_right(debtor, contacts)]


def can_call_with(end: time, zone_of_debtor: bool = True):
    def can_call(when, timezone, country):
        zone = timezone if zone_of_debtor else "Asia/Shanghai"
        local = when.astimezone(ZoneInfo(zone)).time()
        limit = end if country == "CN" else time.fromisoformat(contact_rules("US")["window_end"])
        return time(8, 0) <= local < limit

    return can_call


def plan_with(cap: bool = True, aware: bool = True):
    def plan(country, timezone, day, proposed, calls_last_7_days=0):
        check = can_call_with(time(22, 0))
        zone = ZoneInfo(timezone)
        times = sorted(datetime.combine(day, time.fromisoformat(t), tzinfo=zone) for t in proposed)
        kept = [t for t in times if check(t, timezone, country)]
        limit = 6 if country == "CN" else max(0, 7 - calls_last_7_days)
        kept = kept[:limit] if cap else kept
        return kept if aware else [t.replace(tzinfo=None) for t in kept]

    return plan


def brief(**changes):
    row = PORTFOLIO.set_index("account_id").loc[BRIEF_ID]
    penalty = round(float(row["overdue_amount"] * 0.0003 * row["days_past_due"]), 2)
    answer = {
        "account_id": BRIEF_ID,
        "amount_due": round(float(row["overdue_amount"]) + penalty, 2),
        "dpd": int(row["days_past_due"]),
        "bucket": str(row["bucket"]),
        "likely_excuse": "cash_flow",
        "goal": "今天通过官方 App 还款并确认时间 / pay today through the official app",
    }
    answer.update(changes)
    return answer


def overview(**changes):
    answer = {
        "accounts": 1000,
        "overdue_accounts": int((PORTFOLIO["days_past_due"] > 0).sum()),
        "total_overdue_amount": round(float(PORTFOLIO["overdue_amount"].sum()), 2),
        "promised_today": int((PORTFOLIO["promise_due_date"] == AS_OF).sum()),
    }
    answer.update(changes)
    return answer


def raises(*_args):
    raise RuntimeError("boom")


COUNTS = bucket_right(PORTFOLIO["days_past_due"]).value_counts().reindex(LABELS)
RIGHT_PENALTY = (PORTFOLIO["overdue_amount"] * rates() * PORTFOLIO["days_past_due"]).round(2)
ORDER = ["fpd", "today", "partial", "large", "skip"]

# (id, why, check, answer, lowest fraction, highest fraction, a note that must appear)
CASES = [
    (
        "q1-right",
        "the four figures",
        prep.check_overview,
        overview(),
        1,
        1,
        "promised_today is right",
    ),
    (
        "q1-one-wrong",
        "one figure off",
        prep.check_overview,
        overview(accounts=999),
        0.75,
        0.75,
        "accounts is not right",
    ),
    (
        "q1-missing",
        "a key missing",
        prep.check_overview,
        {k: v for k, v in overview().items() if k != "promised_today"},
        0.75,
        0.75,
        "missing",
    ),
    ("q1-not-dict", "a list is no overview", prep.check_overview, [1, 2], 0, 0, "dict"),
    ("q2-right", "clip at zero", prep.check_days_past_due, dpd_right, 1, 1, "6/6"),
    (
        "q2-negative",
        "future due dates go negative",
        prep.check_days_past_due,
        lambda d, a: (a - d).dt.days,
        0.3,
        0.6,
        "never a negative",
    ),
    (
        "q2-off-by-one",
        "counts the due day",
        prep.check_days_past_due,
        lambda d, a: (a - d).dt.days.clip(lower=0) + 1,
        0,
        0.2,
        "off by one",
    ),
    ("q2-raises", "learner code fails", prep.check_days_past_due, raises, 0, 0, "raised"),
    (
        "q2-not-function",
        "a number is no function",
        prep.check_days_past_due,
        3,
        0,
        0,
        "must be a function",
    ),
    ("q3-right", "every edge", prep.check_to_bucket, bucket_right, 1, 1, "15/15"),
    (
        "q3-floor-30",
        "dpd // 30 puts 30 in M2",
        prep.check_to_bucket,
        lambda d: pd.Series([LABELS[min(6, x // 30 + (x > 0))] for x in d]),
        0.4,
        0.8,
        "Mind the edges",
    ),
    (
        "q3-all-m1",
        "one label for all",
        prep.check_to_bucket,
        lambda d: ["M1"] * len(d),
        0,
        0.3,
        "0 DPD (not overdue) is M0",
    ),
    ("q3-short", "wrong length", prep.check_to_bucket, lambda d: ["M0"], 0, 0, "one value"),
    ("q4-right", "counts in order", prep.check_bucket_counts, COUNTS, 1, 1, "All correct"),
    (
        "q4-reversed",
        "right counts, wrong order",
        prep.check_bucket_counts,
        COUNTS[::-1],
        0.8,
        0.8,
        "order",
    ),
    ("q4-dict", "a dict is accepted", prep.check_bucket_counts, COUNTS.to_dict(), 1, 1, "All"),
    (
        "q4-edges",
        "counts from wrong edges",
        prep.check_bucket_counts,
        bucket_right(PORTFOLIO["days_past_due"] + 1).value_counts().reindex(LABELS),
        0.01,
        0.9,
        "wrong count",
    ),
    ("q4-text", "text is no table", prep.check_bucket_counts, "M1", 0, 0, "Series"),
    ("q5-right", "per-product rate", prep.check_penalty, RIGHT_PENALTY, 1, 1, "100%"),
    (
        "q5-by-account-id",
        "indexed by account_id",
        prep.check_penalty,
        RIGHT_PENALTY.set_axis(PORTFOLIO["account_id"])[::-1],
        1,
        1,
        "100%",
    ),
    (
        "q5-balance",
        "interest on the whole balance",
        prep.check_penalty,
        (PORTFOLIO["balance"] * rates() * PORTFOLIO["days_past_due"]).round(2),
        0.05,
        0.5,
        "not on the whole balance",
    ),
    (
        "q5-one-rate",
        "0.05% for car loans too",
        prep.check_penalty,
        (PORTFOLIO["overdue_amount"] * 0.0005 * PORTFOLIO["days_past_due"]).round(2),
        0.7,
        0.99,
        "own daily rate",
    ),
    ("q5-short", "wrong length", prep.check_penalty, RIGHT_PENALTY[:10], 0, 0, "one value"),
    ("q6-right", "seeds' order", prep.check_queue, queue_with(ORDER), 1, 1, "6/6"),
    (
        "q6-promise-first",
        "promised-today before first-payment default",
        prep.check_queue,
        queue_with(["today", "fpd", "partial", "large", "skip"]),
        0.5,
        0.9,
        "First-payment",
    ),
    (
        "q6-with-m0",
        "current accounts queued too",
        prep.check_queue,
        queue_with(ORDER) + PORTFOLIO.loc[PORTFOLIO["days_past_due"] == 0, "account_id"].tolist(),
        0.7,
        0.99,
        "exactly once",
    ),
    ("q6-reversed", "backwards", prep.check_queue, queue_with(ORDER)[::-1], 0, 0.4, "Priority"),
    ("q6-number", "a number is no queue", prep.check_queue, 5, 0, 0, "list"),
    ("q7-right", "debtor first, registered only", prep.check_whom_to_call, whom_right, 1, 1, "6/6"),
    (
        "q7-everyone",
        "calls every contact",
        prep.check_whom_to_call,
        whom_everyone,
        0.1,
        0.5,
        "third-party disclosure",
    ),
    (
        "q7-collect",
        "presses contacts for payment",
        prep.check_whom_to_call,
        whom_collect_from_contacts,
        0.01,
        0.7,
        "call-back request",
    ),
    ("q7-raises", "learner code fails", prep.check_whom_to_call, raises, 0, 0, "raised"),
    ("q8a-right", "local window", prep.check_can_call, can_call_with(time(22, 0)), 1, 1, "11/11"),
    (
        "q8a-23h",
        "calls until midnight",
        prep.check_can_call,
        can_call_with(time(23, 59)),
        0.6,
        0.95,
        "22:00",
    ),
    (
        "q8a-beijing",
        "judges in Beijing time",
        prep.check_can_call,
        can_call_with(time(22, 0), zone_of_debtor=False),
        0.3,
        0.9,
        "local time",
    ),
    ("q8a-text", "returns text", prep.check_can_call, lambda *a: "yes", 0, 0, "test cases"),
    ("q8b-right", "window and cap", prep.check_plan_attempts, plan_with(), 1, 1, "6/6"),
    (
        "q8b-no-cap",
        "ignores the attempt caps",
        prep.check_plan_attempts,
        plan_with(cap=False),
        0.3,
        0.8,
        "at most 6",
    ),
    (
        "q8b-naive",
        "drops the time zone: half credit where times are due",
        prep.check_plan_attempts,
        plan_with(aware=False),
        0.6,
        0.7,
        "time zone",
    ),
    ("q9-right", "facts and a dated goal", prep.check_brief, brief(), 1, 1, "goal is right"),
    (
        "q9-no-penalty",
        "forgets penalty interest",
        prep.check_brief,
        brief(amount_due=float(PORTFOLIO.set_index("account_id").at[BRIEF_ID, "overdue_amount"])),
        0.8,
        0.8,
        "includes penalty",
    ),
    (
        "q9-vague",
        "a vague goal",
        prep.check_brief,
        brief(goal="尽快还款 / pay as soon as possible"),
        0.8,
        0.8,
        "tied to one day",
    ),
    (
        "q9-bad-excuse",
        "an excuse outside the taxonomy",
        prep.check_brief,
        brief(likely_excuse="lazy"),
        0.8,
        0.8,
        "excuse ids",
    ),
    (
        "q9-other-account",
        "brief for another account",
        prep.check_brief,
        brief(account_id="AC0000001"),
        0,
        0,
        "account_id",
    ),
]


@pytest.mark.parametrize(
    "check, answer, low, high, text", [c[2:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_gives_the_right_credit_and_a_helpful_note(check, answer, low, high, text):
    if check is prep.check_brief:
        result = check(answer, BRIEF_ID)
    else:
        result = check(answer)
    assert low <= result.fraction <= high, str(result)
    assert type(result.fraction) is float
    assert text in str(result), str(result)
    for n in result.notes:
        assert n.zh and n.en, "every note is bilingual"


def test_feedback_never_prints_the_key():
    texts = [
        str(prep.check_overview(overview(total_overdue_amount=1.0))),
        str(prep.check_bucket_counts(COUNTS + 1)),
        str(prep.check_brief(brief(amount_due=1.0, dpd=1), BRIEF_ID)),
        str(prep.check_queue(queue_with(ORDER)[::-1])),
    ]
    secrets = [
        f"{overview()['total_overdue_amount']}",
        str(int(COUNTS["M1"])),
        f"{brief()['amount_due']}",
        queue_with(ORDER)[0],
    ]
    for text, secret in zip(texts, secrets, strict=True):
        assert secret not in text


def test_reference_queue_orders_tiers_then_balance():
    tiers = ref.reference_tiers(PORTFOLIO)
    queue = ref.reference_queue(PORTFOLIO)
    ordered = tiers.loc[queue].to_numpy()
    assert (np.diff(ordered) >= 0).all()
    assert set(queue) == set(PORTFOLIO.loc[PORTFOLIO["days_past_due"] > 0, "account_id"])


@pytest.mark.parametrize(
    "text, dated",
    [
        ("今天下午三点前通过官方 App 还款", True),
        ("pay 2,000 tomorrow through the app", True),
        ("客户承诺 11月24日 还款", True),
        ("尽快还款", False),
        ("pay in a few days", False),
        ("下周吧", False),
    ],
    ids=["today-zh", "tomorrow-en", "calendar-date", "asap", "few-days", "next-week"],
)
def test_dated_goal(text, dated):
    assert ref.dated_goal(text) is dated


def test_reference_plan_for_a_us_debtor():
    plan = ref.reference_plan("US", "America/New_York", date(2026, 11, 24), ["21:30", "08:30"], 6)
    assert [t.strftime("%H:%M") for t in plan] == ["08:30"]
    assert plan[0].tzinfo == ZoneInfo("America/New_York")


def test_award_of_a_numpy_fraction_is_a_plain_float(capsys):
    """nbgrader reads "np.float64(1.0)" as no number at all and would give full credit."""
    from autograder.checks import CheckResult, award

    points = award(CheckResult("q0_0", np.float64(0.5)), 2)
    assert type(points) is float and repr(points) == "1.0"
    assert "50%" in capsys.readouterr().out
