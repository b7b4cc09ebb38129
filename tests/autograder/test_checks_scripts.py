"""Checks of written scripts against the real review engine: full, partial and zero credit."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from autograder.checks.scripts import (
    check_excuse_answers,
    check_part,
    check_script,
    check_windows,
    policy_window,
)

CASES = yaml.safe_load(
    (Path(__file__).parent / "files" / "check_scripts_cases.yaml").read_text(encoding="utf-8")
)


def _answer(case: dict):
    if "answer_repeat" in case:
        text, times = case["answer_repeat"]
        return text * times
    return case["answer"]


def _run(case: dict):
    at = datetime.fromisoformat(case["at"])
    answer = _answer(case)
    if case["check"] == "script":
        return check_script(answer, at=at, question=case["id"])
    if case["check"] == "excuses":
        return check_excuse_answers(answer, case["excuses"], at=at, question=case["id"])
    window = tuple(date.fromisoformat(d) for d in case["window"]) if "window" in case else None
    return check_part(answer, at=at, elements=case["elements"], window=window, question=case["id"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_check_case(case):
    result = _run(case)
    assert case.get("min", 0.0) <= result.fraction <= case.get("max", 1.0), (
        f"{case['why']}: got {result.fraction}\n{result}"
    )
    joined = str(result)
    for text in case.get("notes", []):
        assert text in joined, f"{case['why']}: note {text!r} missing\n{result}"
    for note in result.notes:
        assert note.zh and note.en, "every note is bilingual"


def test_each_flag_costs_marks():
    at = datetime(2026, 11, 23, 10, 0)
    base = next(c for c in CASES if c["id"] == "script_full")["answer"]
    one = base + "\n你这种老赖。"
    two = one + "\n不还就去你单位找你领导。"
    scores = [check_script(t, at=at, question="q").fraction for t in (base, one, two)]
    assert scores[0] > scores[1] > scores[2] >= 0


def test_policy_window_counts_the_call_day_as_day_zero():
    assert policy_window(datetime(2026, 11, 23, 21, 0)) == (date(2026, 11, 23), date(2026, 11, 25))
    assert policy_window(datetime(2026, 12, 31, 9, 0), 1) == (date(2026, 12, 31), date(2027, 1, 1))


CALLS = {"A": datetime(2026, 11, 23, 10), "B": datetime(2026, 11, 24, 15, 30)}


@pytest.mark.parametrize(
    ("answer", "fraction", "note"),
    [
        ({"A": date(2026, 11, 25), "B": date(2026, 11, 26)}, 1.0, "is right"),
        ({"A": date(2026, 11, 25), "B": date(2026, 11, 27)}, 0.5, "count two days"),
        ({"A": date(2026, 11, 25)}, 0.5, "no date for account B"),
        ({"A": "2026-11-25", "B": datetime(2026, 11, 26)}, 0.0, "needs a datetime.date"),
        ("2026-11-25", 0.0, "must be a dict from account"),
    ],
    ids=["right", "one_wrong", "one_missing", "wrong_types", "not_a_dict"],
)
def test_check_windows(answer, fraction, note):
    result = check_windows(answer, CALLS, question="q1_1")
    assert result.fraction == fraction
    assert note in str(result)
