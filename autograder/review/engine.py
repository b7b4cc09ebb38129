"""`review()`: split turns, find flags, the commitment and the script elements of one text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .commitments import find_commitment
from .flags import find_flags, hours_flag, jurisdiction_of
from .model import ReviewResult
from .speakers import split_turns

__all__ = ["review", "warm_up", "JURISDICTIONS"]

JURISDICTIONS = ("cn", "us")


# China has one time zone, so an aware time of a Chinese call converts to it exactly; a US call
# may be in any of several zones, so an aware time keeps its own clock reading.
_CHINA = timezone(timedelta(hours=8))


def _wall_time(at: datetime, jurisdiction: str) -> datetime:
    """The call's local wall time (naive). Naive input already is one."""
    if at.tzinfo is None or at.utcoffset() is None:
        return at.replace(tzinfo=None)
    if jurisdiction == "cn":
        return at.astimezone(_CHINA).replace(tzinfo=None)
    return at.replace(tzinfo=None)


def review(text: str, at: datetime, jurisdiction: str | None = None) -> ReviewResult:
    """Review a script or transcript placed at `at` (the moment of the call).

    `jurisdiction` is None (guess from the language: Chinese → "cn", else "us"), "cn" or "us".
    `at` naive is the local wall time of the call; aware is converted to it (China: UTC+8; US:
    the datetime's own clock reading, since the caller's zone is the one that matters).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(at, datetime):
        raise TypeError(f"at must be a datetime.datetime, not {type(at).__name__}")
    if jurisdiction is not None and jurisdiction not in JURISDICTIONS:
        raise ValueError(f"jurisdiction must be None, 'cn' or 'us', not {jurisdiction!r}")
    turns = split_turns(text)
    place = jurisdiction or (jurisdiction_of(turns) if turns else "cn")
    wall = _wall_time(at, place)
    result = ReviewResult(text=text, at=wall, turns=turns)
    if not turns:
        return result
    flags = find_flags(turns)
    late = hours_flag(wall, place)
    if late is not None:
        flags.insert(0, late)
    result.flags = flags
    result.commitment = find_commitment(turns, wall)
    return result  # result.elements are found on first use


_SAMPLES = (
    "催收员：您好，我是XX资产管理公司的小李。请问您今天还是明天还款？\n客户：三个工作日内还五千。",
    "催收員：您好，請問是王先生嗎？\n客戶：禮拜五還兩千五。",
    "Agent: This is Anna from ABC Collections. Can you pay today or tomorrow?\nDebtor: $300 Friday.",
)


def warm_up() -> None:
    """Load everything a first review loads (rules, opencc, calendars, element patterns), so a
    process forked afterwards (a grading kernel) starts with it in memory."""
    for text in _SAMPLES:
        result = review(text, at=datetime(2026, 11, 23, 10, 0))
        _ = result.elements
