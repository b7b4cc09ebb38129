"""Workday calendar: Chinese holidays and make-up workdays, plain weekdays as the fallback."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = ["add_workdays", "is_workday", "next_workday"]


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
                pass
    return day.weekday() < 5


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
