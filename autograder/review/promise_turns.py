"""Whole-turn cues of the commitment finder: a yes, a no, a stated agreement, a question.

These read a turn as a whole (a collector's question, a debtor's "好的。"), where
`promise_clauses` reads it clause by clause.
"""

from __future__ import annotations

import re

from autograder.review import promise_cues as cue
from autograder.review.promise_clauses import clean, pieces
from autograder.review.timeexpr import may_name_day

__all__ = ["asks", "asks_amount", "confirms", "is_acceptance", "is_refusal", "talks_of_paying"]

_LETTERS = re.compile(r"[\W_\d]")
_NUMBERISH = re.compile(r"[\d十百千万]")


def is_acceptance(norm: str, pure: bool = False) -> bool:
    """True for a plain yes to a proposal: 行 / 好的 / 可以 / 没问题 / 嗯 / OK / sure / fine.

    `pure`: the turn must hold nothing but the yes (好的。) - for untagged lines, where a leading
    好的 is more often the collector's own "all right" than an answer.
    """
    text = clean(norm).strip().lstrip("(（\"'")
    script = cue.script_of(text)
    parts = [p.strip() for p, _end, _joined in pieces(text) if p.strip()]
    # 在，可以 / Yes, sorry. Okay.: one piece is the yes, the others only greet or apologise.
    if not any(cue.ACCEPT.search(p, script) for p in parts):
        return False
    if pure and len(_LETTERS.sub("", cue.FILLER.sub(" ", text, script))) > 1:
        return False
    negated = cue.NEG.search(cue.NEG_OK.sub(" ", text, script), script)
    if negated or cue.HEDGE.search(text, script) or cue.COND.search(text, script):
        return False
    if cue.DOUBT.search(text, script):  # OK, but I need to talk to my husband first
        return False
    # 嗯，我现在在忙 is not a yes: whatever else the turn says must stay on the promise.
    for rest in parts:
        if cue.ACCEPT.search(rest, script) or cue.AGREEING.search(rest, script):
            continue
        if cue.PAY.search(rest, script) or may_name_day(rest) or _NUMBERISH.search(rest):
            continue
        if len(_LETTERS.sub("", cue.FILLER.sub(" ", rest, script))) > 1:
            return False
    return True


def is_refusal(norm: str) -> bool:
    """True when a turn opens by turning a proposal down: 不行 / 太晚了 / no / I can't."""
    text = clean(norm).strip()
    return cue.REFUSE.search(text, cue.script_of(text))


def confirms(norm: str) -> bool:
    """True when a line states an agreement (我们确认 / 约定 / 您将 / to confirm / you've agreed)."""
    return cue.CONFIRM.search(norm, cue.script_of(norm))


def talks_of_paying(norm: str) -> bool | None:
    """True when a turn speaks of paying (还款 / pay), False of income (发工资 / payday), else None."""
    script = cue.script_of(norm)
    if cue.PAY.search(norm, script) and not cue.INCOME.search(norm, script):
        return True
    if cue.INCOME.search(norm, script):
        return False
    return True if cue.ASKS_DAY.search(norm, script) else None  # 具体周几？ on a collection call


def asks_amount(norm: str) -> bool:
    """True when a turn asks how much (还多少？ / how much? / and the amount?)."""
    return cue.ASKS_AMOUNT.search(norm, cue.script_of(norm))


def asks(norm: str) -> bool:
    """True when a turn asks something (a question mark or a question word)."""
    return "?" in norm or "？" in norm or cue.QUESTION.search(norm, cue.script_of(norm))
