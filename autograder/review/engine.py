"""`review()`: split turns, find flags, the commitment and the script elements of one text."""

from __future__ import annotations

from datetime import datetime

from .commitments import find_commitment
from .elements import find_elements
from .flags import find_flags, hours_flag, jurisdiction_of
from .model import ReviewResult
from .speakers import split_turns

__all__ = ["review", "JURISDICTIONS"]

JURISDICTIONS = ("cn", "us")


def _wall_time(at: datetime) -> datetime:
    """The call's local wall time: an aware datetime keeps its own clock reading, naive is as is."""
    return at.replace(tzinfo=None) if at.tzinfo is not None else at


def review(text: str, at: datetime, jurisdiction: str | None = None) -> ReviewResult:
    """Review a script or transcript placed at `at` (the moment of the call).

    `jurisdiction` is None (guess from the language: Chinese → "cn", else "us"), "cn" or "us".
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(at, datetime):
        raise TypeError(f"at must be a datetime.datetime, not {type(at).__name__}")
    if jurisdiction is not None and jurisdiction not in JURISDICTIONS:
        raise ValueError(f"jurisdiction must be None, 'cn' or 'us', not {jurisdiction!r}")
    wall = _wall_time(at)
    turns = split_turns(text)
    result = ReviewResult(text=text, at=wall, turns=turns)
    if not turns:
        result.elements = find_elements(turns)
        return result
    flags = find_flags(turns)
    late = hours_flag(wall, jurisdiction or jurisdiction_of(turns))
    if late is not None:
        flags.insert(0, late)
    result.flags = flags
    result.commitment = find_commitment(turns, wall)
    result.elements = find_elements(turns, flags)
    return result
