"""Terms of a promise in a turn's clauses: its usable day, amount and time; collector proposals.

Helpers of `commitments`: `proposal_of` reads the day (and amount) a collector puts forward,
`amount_asked` an amount asked for with no day yet, `amount_for` / `time_for` the amount and time
tied to a dated clause, and `hedged_after` a later sentence that only hedges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from autograder.review import promise_cues as cue
from autograder.review.model import Turn
from autograder.review.promise_clauses import Clause

__all__ = [
    "Proposal",
    "amount_asked",
    "amount_beside",
    "checks_back",
    "corrects",
    "amount_for",
    "hedged_after",
    "moved_amount",
    "proposal_of",
    "time_for",
    "usable",
    "value",
]

_PROMISE_WORD = re.compile(r"\bpromised?\b|答应|承诺|说好")
_EVENING = re.compile(r"今晚|明晚|听晚|今夜|晚上|夜里|\btonight\b|\bthis\s+evening\b")
_POINTS_BACK = re.compile(r"\b(?:that|it|this)\b|这笔|这个|这些|这部分")


@dataclass(frozen=True)
class Proposal:
    """A day and amount the collector puts forward, awaiting the debtor's answer."""

    day: date | None  # None: an amount asked for without a day ("When can we expect the $260?")
    time: time | None
    amount: Decimal | None
    turn: Turn
    by_day: tuple[tuple[date, Decimal | None], ...] = ()  # "$100 today and $250 on Friday"

    def amount_on(self, day: date) -> Decimal | None:
        """The amount proposed for `day` when the proposal named several days, else its own."""
        if len(self.by_day) > 1:
            for d, amount in self.by_day:
                if d == day and amount is not None:
                    return amount
        return self.amount


_HALF_OF = re.compile(r"\bhalf\s+(?:of\s+)?(?:the\s+|that\s+|this\s+|my\s+|your\s+)?$")
_REFUSAL_ONLY = re.compile(
    r"(?:那也|那)?(?:不可能|没门|门都没有|想都别想|做不到|办不到|不行)(?:的|啊|吧|了)*|"
    r"(?:no\s+way|forget\s+it|not\s+happening|nope|no)(?:,?\s+sorry)?"
)
_CORRECTION = re.compile(
    r"不对|不是|不行|我是说|应该是|说错了|sorry|no|actually|i\s+mean|wait|oops"
)
_PAY_HALF = re.compile(r"[还付缴转交](?:上|掉|给你们)?一半")
_OF_IT_HALF = re.compile(r"\s*(?:的|里的|中的)?一半")


def value(c: Clause) -> Decimal:
    """The clause's amount: its last marked one (元 / $ / 千), else its last; halved when it is
    "half of the $900" / 1800的一半."""
    marked = [a for a in c.amounts if a.marked]
    a = (marked or c.amounts)[-1]
    half = "half" in c.text or "一半" in c.text
    if half and (_HALF_OF.search(c.text, 0, a.start) or _OF_IT_HALF.match(c.text, a.end)):
        return a.value / 2
    if half and len(c.amounts) == 1 and _PAY_HALF.search(c.text, a.end):
        return a.value / 2  # 这笔十万我月底前先还一半: half of the amount just named
    return a.value


def amount_for(clauses: list[Clause], i: int) -> Decimal | None:
    """The amount tied to dated clause i: its own, else a neighbour's before another day."""
    if clauses[i].amounts:
        return value(clauses[i])
    day = clauses[i].day
    for c in clauses[i + 1 :]:
        if c.days and c.day != day and not c.negated:
            break
        if c.amounts and not (c.negated or c.due_noun or c.conditional):
            return value(c)
    for c in reversed(clauses[:i]):
        if c.days and c.day != day and not c.negated:
            break  # another promised day; a refused one ("but not today") does not stop us
        if c.amounts and (c.pay or c.bare or c.days) and not (c.negated or c.due_noun):
            if not c.conditional:
                return value(c)
    return None


def time_for(clauses: list[Clause], i: int) -> time | None:
    """The clock time of dated clause i: its own, else a later undated clause's ("tonight, by 9":
    an hour before noon said of tonight is the evening's)."""
    if clauses[i].time is not None:
        return clauses[i].time
    for c in clauses[i + 1 :]:
        if c.days:
            break
        if c.time is not None:
            found = c.time
            if found.hour < 12 and _EVENING.search(clauses[i].text):
                found = found.replace(hour=found.hour + 12)
            return found
    return None


def usable(c: Clause, today: date) -> date | None:
    """The future day of a clause that could carry a promise, ignoring who says it."""
    day = c.day or c.clock_day
    if day is None or day < today or c.past or c.conditional or c.hedged:
        return None
    return day


def proposal_of(turn: Turn, clauses: list[Clause], today: date) -> Proposal | None:
    """The last day a collector (or an untagged line) puts forward for payment."""
    found = None
    by_day: list[tuple[date, Decimal | None]] = []
    for i, c in enumerate(clauses):
        if (c.day or c.clock_day) is None:
            continue  # the cheap test first: most clauses name no day
        clarifies = c.question and cue.CLARIFY.search(c.text, c.script)  # 是指11月30号吗？
        if not (c.pay or c.bare or c.amounts or clarifies):
            continue
        day = usable(c, today)
        if day is not None and not (c.negated or c.due_noun):
            amount = amount_for(clauses, i)
            by_day.append((day, amount))
            found = Proposal(day, time_for(clauses, i), amount, turn, tuple(by_day))
    return found


def amount_asked(turn: Turn, clauses: list[Clause], undated_only: bool = False) -> Proposal | None:
    """An amount the collector asks to be paid, with no day yet: 什么时候能还这2000？

    `undated_only`: the turn proposes a day (您欠款5000元。明天能还吗？), so the balance it names is
    what is asked; an open question (您打算什么时候还？) leaves the amount open.
    """
    if not any(c.pay or _PROMISE_WORD.search(c.text) for c in clauses):
        return None
    pointed = any(c.pay and _POINTS_BACK.search(c.text) for c in clauses)
    # 账单2380元。您看是今天还还是明天还？/ today or tomorrow?: a choice of days asks for the
    # amount just named, even a bill or balance.
    closed = undated_only and not any(c._has(cue.PART) for c in clauses)  # not "pay something"
    pointed = pointed or closed or any(c.question and len(c.days) >= 2 for c in clauses)
    for c in reversed(clauses):  # "Your minimum due is $75. When can you take care of that?"
        if undated_only and c.days:
            continue  # 明天先还一千，剩下的月底前还清: 一千 belongs to another day
        if c.amounts and not c.negated and (pointed or not c.balance):
            return Proposal(None, None, value(c), turn)  # also "you promised to pay $200"
    return None


def hedged_after(clauses: list[Clause], i: int) -> bool:
    """A later sentence of the turn that only hedges (我问问我老婆 / let me check), not the rest,
    or only refuses (五千。明天。不可能。/ Two hundred. Friday. No way.)."""
    sentence = clauses[i].sentence
    for o in clauses[i + 1 :]:
        if o.sentence is sentence or o.days or o.amounts:
            continue
        if o._has(cue.HEDGE) and not o._has(cue.PART) and not o.negated:
            return True
        if _REFUSAL_ONLY.fullmatch(o.text.strip()) and not any(x.days for x in o.sentence):
            return True  # "No, Saturday." corrects the day instead (see `corrects`)
    return False


def corrects(clauses: list[Clause], i: int) -> bool:
    """Clause i follows a bare correction: "$40 Friday. No, Saturday." / 明天两千。不对，后天。"""
    return i > 0 and _CORRECTION.fullmatch(clauses[i - 1].text.strip()) is not None


def checks_back(c: Clause) -> bool:
    """The question of c's sentence is only a check-back tag: 对吗 / 对吧 / right? / correct?"""
    last = c.sentence[-1]
    return last is not c and cue.CHECK_BACK.search(last.text, last.script)


def amount_beside(clauses: list[Clause], i: int) -> bool:
    """三千二。后天。: a neighbouring clause that is nothing but a marked amount."""
    for o in clauses[max(0, i - 1) : i + 2]:
        if o is not clauses[i] and o.bare and not o.days and not (o.question or o.negated):
            if any(a.marked for a in o.amounts):
                return True
    return False


def moved_amount(amount: Decimal | None, clauses: list[Clause]) -> Decimal | None:
    """周五还三千。— 好的。— 改周四吧 / make that Saturday: a new day for the same money (`amount`),
    unless the turn names money, a part (剩下的 / the rest), another payment (再 / again) or a half."""
    if any(o.amounts for o in clauses):
        return None
    if any(o._has(cue.PART) or o._has(cue.AGAIN) or o._has(cue.HALF) for o in clauses):
        return None
    return amount
