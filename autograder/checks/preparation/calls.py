"""Checks q7-q8: whom to call lawfully, calling hours in local time, attempt caps."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from autograder.checks.preparation import reference as ref
from autograder.checks.preparation.common import (
    call_quietly,
    not_function,
    note,
    result,
)
from autograder.checks.result import CheckResult

CONTACT_COLUMNS = ["contact_id", "account_id", "contact_name", "relationship"]


def _contacts(account: str, rows: list[tuple[str, str, bool]]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [(cid, account, f"联系人{cid[-2:]}", rel, reg) for cid, rel, reg in rows],
        columns=[*CONTACT_COLUMNS, "registered_emergency_contact"],
    )
    frame["registered_emergency_contact"] = frame["registered_emergency_contact"].astype(bool)
    return frame


def _call_cases() -> list[tuple[pd.Series, pd.DataFrame, set[tuple[str, str]]]]:
    """(debtor row, that debtor's contacts, the lawful set of (callee, purpose))."""
    cases = []
    specs = [
        (True, [("CT90000001", "spouse", True), ("CT90000002", "colleague", False)]),
        (
            False,
            [
                ("CT90000003", "parent", True),
                ("CT90000004", "colleague", False),
                ("CT90000005", "friend", True),
            ],
        ),
        (False, [("CT90000006", "employer", False)]),
        (False, []),
        (True, []),
        (False, [("CT90000007", "sibling", False), ("CT90000008", "spouse", True)]),
    ]
    for number, (reachable, rows) in enumerate(specs, start=1):
        account = f"AC90000{number:02d}"
        debtor = pd.Series({"account_id": account, "phone_reachable": reachable, "bucket": "M2"})
        contacts = _contacts(account, rows)
        if reachable:
            lawful = {(account, "collect")}
        else:
            lawful = {(cid, "request_callback") for cid, _, reg in rows if reg}
        cases.append((debtor, contacts, lawful))
    return cases


def _as_calls(value: Any) -> set[tuple[str, str]] | None:
    if isinstance(value, pd.DataFrame):
        value = value.iloc[:, :2].itertuples(index=False, name=None)
    try:
        return {(str(a), str(b)) for a, b in value}
    except (TypeError, ValueError):
        return None


def check_whom_to_call(func: Any) -> CheckResult:
    """q7_1: whom_to_call(debtor, contacts) picks lawful callees and purposes."""
    if (bad := not_function("q7_1", func, "whom_to_call")) is not None:
        return bad
    cases = _call_cases()
    right, flags = 0, []
    for debtor, contacts, lawful in cases:
        got, error = call_quietly(func, debtor.copy(), contacts.copy())
        if error:
            return result("q7_1", 0.0, [note("raised", name="whom_to_call", error=error)])
        calls = _as_calls(got)
        if calls is None:
            return result("q7_1", 0.0, [note("wrong_type", name="whom_to_call", want="list")])
        right += calls == lawful
        registered = set(contacts.loc[contacts["registered_emergency_contact"], "contact_id"])
        others = set(contacts["contact_id"]) - registered
        called = {who for who, _ in calls}
        if called & others:
            flags.append("call_third_party")
        if debtor["phone_reachable"] and called & set(contacts["contact_id"]):
            flags.append("call_contact_when_reachable")
        if any(who in registered and why != "request_callback" for who, why in calls):
            flags.append("call_contact_purpose")
        if debtor["phone_reachable"] and (debtor["account_id"], "collect") not in calls:
            flags.append("call_debtor_first")
    notes = [note("cases_right", ok=right == len(cases), right=right, total=len(cases))]
    notes += [note(key) for key in dict.fromkeys(flags)]
    fraction = right / len(cases)
    if "call_third_party" in flags:  # an unlawful disclosure caps the credit
        fraction = min(fraction, 0.5)
    return result("q7_1", fraction, notes)


SHANGHAI = ZoneInfo("Asia/Shanghai")

HOURS_CASES = [  # (collector's Beijing time, debtor zone, country)
    ((2026, 11, 23, 23, 0), "Asia/Shanghai", "CN"),
    ((2026, 11, 23, 7, 59), "Asia/Shanghai", "CN"),
    ((2026, 11, 23, 8, 0), "Asia/Shanghai", "CN"),
    ((2026, 11, 23, 21, 59), "Asia/Shanghai", "CN"),
    ((2026, 11, 23, 22, 0), "Asia/Shanghai", "CN"),
    ((2026, 11, 24, 9, 30), "America/New_York", "US"),
    ((2026, 11, 24, 10, 30), "America/New_York", "US"),
    ((2026, 11, 24, 14, 0), "America/Los_Angeles", "US"),
    ((2026, 11, 24, 10, 0), "Pacific/Honolulu", "US"),
    ((2026, 11, 24, 22, 30), "America/Chicago", "US"),
    ((2026, 11, 23, 22, 30), "America/Phoenix", "US"),
]


def check_can_call(func: Any) -> CheckResult:
    """q8_1: can_call(when, timezone, country) judges the window in the debtor's local time."""
    if (bad := not_function("q8_1", func, "can_call")) is not None:
        return bad
    right, lost, flags = 0, 0, []
    for parts, zone, country in HOURS_CASES:
        when = datetime(*parts, tzinfo=SHANGHAI)
        want = ref.lawful_now(when, zone, country)
        got, error = call_quietly(func, when, zone, country)
        if error:
            return result("q8_1", 0.0, [note("raised", name="can_call", error=error)])
        is_bool = isinstance(got, (bool, np.bool_))
        ok = is_bool and bool(got) == want
        right += ok
        # Allowing an unlawful call (harassment) costs twice as much as refusing a lawful one.
        lost += 0 if ok else (2 if not want else 1)
        if not is_bool:
            flags.append("returns_bool")
        elif not ok:
            beijing = ref.lawful_now(when, "Asia/Shanghai", country)
            flags.append(
                "hours_local" if country == "US" and got == beijing else f"hours_{country.lower()}"
            )
    notes = [note("cases_right", ok=not flags, right=right, total=len(HOURS_CASES))]
    notes += [note(key, name="can_call") for key in dict.fromkeys(flags)]
    return result("q8_1", 1 - lost / len(HOURS_CASES), notes)


PLAN_DAY = date(2026, 11, 24)

PLAN_CASES = [  # (country, zone, proposed local times, calls in the last 7 days)
    (
        "CN",
        "Asia/Shanghai",
        ["07:30", "09:00", "10:00", "12:00", "14:30", "16:00", "18:00", "20:00", "21:30", "23:00"],
        0,
    ),
    ("CN", "Asia/Shanghai", ["23:00", "07:00"], 0),
    ("US", "America/New_York", ["08:30", "12:00", "20:30", "21:30"], 5),
    ("US", "America/Los_Angeles", ["10:00", "09:00"], 0),
    ("US", "America/Chicago", ["10:00", "15:00"], 7),
    ("CN", "Asia/Shanghai", ["16:00", "09:00"], 0),
]


def check_plan_attempts(func: Any) -> CheckResult:
    """q8_2: plan_attempts keeps lawful local times, sorted, within the attempt cap."""
    if (bad := not_function("q8_2", func, "plan_attempts")) is not None:
        return bad
    score, flags = 0.0, []
    for country, zone, proposed, recent in PLAN_CASES:
        want = ref.reference_plan(country, zone, PLAN_DAY, proposed, recent)
        got, error = call_quietly(func, country, zone, PLAN_DAY, list(proposed), recent)
        if error:
            return result("q8_2", 0.0, [note("raised", name="plan_attempts", error=error)])
        try:
            got = list(got)
            aware = all(isinstance(t, datetime) and t.utcoffset() is not None for t in got)
            clock = [t.strftime("%H:%M") for t in got]
        except (TypeError, AttributeError):
            return result("q8_2", 0.0, [note("plan_datetimes")])
        if aware and got == want:
            score += 1
            continue
        if clock == [t.strftime("%H:%M") for t in want]:
            score += 0.5  # right wall-clock times without the debtor's time zone
            flags.append("plan_order")
            continue
        lawful = {t.strftime("%H:%M") for t in want}
        if len(got) > len(want) and set(clock) >= lawful:
            flags.append(f"cap_{country.lower()}")
        elif any(c not in lawful for c in clock):
            flags.append(f"hours_{country.lower()}")
        else:
            flags.append("plan_order")
    notes = [note("cases_right", ok=not flags, right=int(score), total=len(PLAN_CASES))]
    notes += [note(key) for key in dict.fromkeys(flags)]
    return result("q8_2", score / len(PLAN_CASES), notes)
