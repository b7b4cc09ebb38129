"""Workday calendar: Chinese holidays and make-up days, weekday fallback for uncovered years."""

from datetime import date

import pytest

from autograder.review.workdays import add_workdays, is_workday, next_workday

CASES = [
    # (id, why, day, lang, expected)
    (
        "holiday",
        "National Day is a holiday in the Chinese calendar",
        date(2026, 10, 1),
        "zh",
        False,
    ),
    ("makeup", "a make-up Saturday is a working day", date(2026, 2, 28), "zh", True),
    ("makeup-en", "English calls use plain weekdays", date(2026, 2, 28), "en", False),
    ("holiday-en", "English calls ignore Chinese holidays", date(2026, 10, 1), "en", True),
    ("weekday", "an ordinary Tuesday", date(2026, 11, 24), "zh", True),
    ("weekend", "an ordinary Sunday", date(2026, 11, 29), "zh", False),
    (
        "uncovered-weekday",
        "2027 is not in chinese-calendar: a Friday counts",
        date(2027, 1, 1),
        "zh",
        True,
    ),
    (
        "uncovered-weekend",
        "2027 is not in chinese-calendar: a Saturday does not",
        date(2027, 1, 2),
        "zh",
        False,
    ),
    ("far-future", "a far year still answers", date(2099, 6, 1), "zh-Hant", True),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_is_workday(case):
    _id, why, day, lang, expected = case
    assert is_workday(day, lang) is expected, why


def test_next_workday_skips_the_national_day_week():
    assert next_workday(date(2026, 9, 30), "zh") == date(2026, 10, 8)
    assert next_workday(date(2026, 9, 30), "en") == date(2026, 10, 1)


def test_add_workdays_crosses_into_an_uncovered_year_without_crashing():
    assert add_workdays(date(2026, 12, 30), 2, "zh") == date(2027, 1, 1)
    assert add_workdays(date(2026, 12, 30), 5, "zh") == date(2027, 1, 6)


def test_add_workdays_rejects_zero():
    with pytest.raises(ValueError, match="at least 1"):
        add_workdays(date(2026, 11, 23), 0)
