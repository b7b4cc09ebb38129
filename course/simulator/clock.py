"""The call clock: the hours in which a collection call may not be placed."""

from __future__ import annotations

from datetime import datetime

# (first allowed hour, first forbidden hour) per jurisdiction, local time of the debtor.
WINDOWS: dict[str, tuple[int, int]] = {
    "cn": (8, 22),  # CBA 2026 guideline: no contact 22:00–08:00
    "us": (8, 21),  # FDCPA §1692c(a)(1): 8 a.m.–9 p.m.
}


def forbidden(at: datetime, jurisdiction: str = "cn") -> bool:
    """True when a call placed at `at` falls outside the permitted hours."""
    first, last = WINDOWS.get(jurisdiction, WINDOWS["cn"])
    return not (first <= at.hour < last)


def parse_time(value: str | datetime | None, default: datetime) -> datetime:
    """A call time from a datetime, an ISO string (`2026-11-23T23:30`) or None (the default)."""
    if value is None:
        return default
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
