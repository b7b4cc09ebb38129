"""Workday calendar: Chinese holidays and make-up workdays, plain weekdays as the fallback."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = ["SPRING_FESTIVAL", "add_workdays", "is_workday", "next_workday"]


@lru_cache(maxsize=1)
def _calendar():  # noqa: ANN202 - the module, or None when chinese-calendar is missing
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    return chinese_calendar


@lru_cache(maxsize=4096)
def is_workday(day: date, lang: str = "zh") -> bool:
    """True on a working day: the Chinese calendar for zh, Monday to Friday otherwise.

    chinese-calendar knows only the years up to its release and raises for the others; those
    years, like English calls, fall back to plain weekdays rather than failing.
    """
    if lang.startswith("zh"):
        cal = _calendar()
        if cal is not None:
            try:
                return bool(cal.is_workday(day))
            except (NotImplementedError, ValueError):
                # A year the library lacks: plain weekdays, as DOMAIN.md asks. The statutory
                # days off are known by law, but the make-up Saturdays and bridged days of a
                # year are only announced late the year before, so a partial calendar would
                # be wrong in its own way; weekdays at least are predictable for learners.
                pass
    return day.weekday() < 5


# 春节 (正月初一, the first day of the lunar year): for 初八 / 元宵 / 除夕 and for the statutory
# days off of the years after chinese-calendar 1.11's data.
SPRING_FESTIVAL = {
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
}


def add_workdays(start: date, n: int, lang: str = "zh") -> date:
    """The n-th working day after `start` (n >= 1); `start` itself is not counted."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    day = start
    while n:
        day += timedelta(days=1)
        if is_workday(day, lang):
            n -= 1
    return day


def next_workday(start: date, lang: str = "zh") -> date:
    """The first working day after `start`."""
    return add_workdays(start, 1, lang)
