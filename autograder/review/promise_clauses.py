"""Clause reading for the commitment finder: split a turn and tell promise, question and refusal.

A clause is the unit a promise lives in ("明天不行，后天吧" is a refusal and a promise). Each clause
gets its day mentions, amounts and time at once; the cues that cancel a promise (negation,
condition, hedging, a past payment, a question) are read only when the finder asks for them,
since most clauses are ruled out by their day alone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from autograder.review import promise_cues as cue
from autograder.review.amounts import Amount, find_amounts
from autograder.review.promise_days import THAT_DAY, agree_weekdays, follow, point_back
from autograder.review.timeexpr import DayMention, find_days, find_time, may_name_day

__all__ = ["Clause", "clean", "next_week_asked", "pieces", "read_clauses"]

_CLEAN = (("a.m.", "am"), ("p.m.", "pm"), ("’", "'"), ("‘", "'"), ("？", "?"), ("！", "!"))
_CLEAN += (("，", ","), ("；", ";"), ("：", ":"))
_PUNCT = re.compile(r"[。!?;\n.,、~:]")
_SENTENCE_END = set("。!?;\n.")
_ABBREVIATIONS = tuple(
    f" {w}" for w in "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st".split()
)
_CONJ = re.compile(
    r"\s(?=but\s)|(?<!hundred)(?<!thousand)\s(?=and\s)|(?=但是|不过|可是)|然后|(?<=[0-9元块])再"
)
_TIMEISH = re.compile(r"[\d点]|中午|noon|midday")
_MONEYISH = re.compile(r"[\d十百千万]|hundred|thousand|dollar|buck|grand|ty\b")


class cached_property:  # noqa: N801 - functools' version takes a lock on every first read
    """A lazily computed attribute, stored on the instance after its first read."""

    def __init__(self, fn) -> None:  # noqa: ANN001
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, obj, cls=None):  # noqa: ANN001, ANN204
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


_LETTERS = re.compile(r"[\W_\d]")
# A part of the day with no day named: today, unless that part is already over.
_PART_WORD = re.compile(r"上午|早上|中午|下午|傍晚|晚上|in\s+the\s+(?:morning|afternoon|evening)")
_PART_ENDS = {"上午": 12, "早上": 10, "中午": 14, "下午": 18, "傍晚": 19, "晚上": 23}
_PART_ENDS.update({"morning": 12, "afternoon": 18, "evening": 23})
_HOW_MUCH = re.compile(r"多少|金额|数目|\bhow\s+much\b|\bthe\s+amount\b")
_BUT = ("but ", "但", "不过", "可是", "只是")
# A condition added after the promise: 周五前还两千，如果没有意外的话 / ..., unless something comes up
_IF_OK = re.compile(  # ..., if that's okay with you / 如果可以的话: asking leave, not a condition
    r"^if\s+(?:that|it|this)(?:'s|\s+is|\s+works)|^if\s+(?:you|that's)\s+(?:agree|ok|okay|fine)|"
    r"^(?:如果|要是|假如)(?:您|你们?)?(?:可以|行|同意|方便|没问题|觉得可以)(?:的话)?$"
)
_IF_AFTER = ("如果", "要是", "假如", "假设", "万一", "除非", "if ", "unless ", "as long as ")
_PART_OF_DAY = re.compile(
    r"(?:那就|就|那)?(?:上午|下午|中午|晚上|傍晚|早上|一早)(?:吧|呢|啊|可以|行)?|"
    r"(?:in\s+the\s+)?(?:morning|afternoon|evening|tonight)(?:\s+then)?"
)


class Clause:
    """One clause of a turn; its cues are computed on first use."""

    def __init__(
        self,
        text: str,
        at: datetime,
        sentence: list[Clause],
        next_week: bool = False,
        dated: bool = True,
    ) -> None:
        self.text = text
        self.today = at.date()
        self.now = at.time()
        self.next_week = next_week  # the question answered was about next week
        self.script = cue.script_of(text)
        dated = dated and may_name_day(text)  # the turn as a whole may name no day at all
        self.days: list[DayMention] = find_days(text, at) if dated else []
        self.sentence = sentence  # the clauses of its sentence, itself included
        self.k = len(sentence)  # its place in the sentence
        self.asked = False  # its sentence ends with a question mark
        self.joined = False  # it goes on from the clause before: "... today and $100 next Friday"
        sentence.append(self)

    @cached_property
    def amounts(self) -> list[Amount]:
        """The money amounts in this clause."""
        text = self.text
        found = find_amounts(text) if _MONEYISH.search(text) else []
        if found and self.days:  # 周5 / 5号: a number inside a day is not money
            spans = [(d.start, d.end) for d in self.days]
            found = [a for a in found if not any(s < a.end and a.start < e for s, e in spans)]
        return found

    @cached_property
    def time(self) -> time | None:
        """The clock time in this clause (下午三点 / by 5 pm), if any."""
        return find_time(self.text) if _TIMEISH.search(self.text) else None

    def _has(self, c: cue.Cue) -> bool:
        return c.search(self.text, self.script)

    @cached_property
    def day(self) -> date | None:
        """The one day this clause names, or None when it names none, several or a range."""
        strong = [d for d in self.days if not d.weak]
        use = strong or self.days
        if not use or any(d.vague for d in use):
            return None
        days = {d.day for d in use}
        if len(days) != 1:
            return None
        day = days.pop()
        if not all(d.plain_weekday for d in use):
            return day
        before = self.sentence[: self.k]
        if any(_after_next(o.text) for o in before):  # the week after next, Wednesday
            monday = self.today + timedelta(days=14 - self.today.weekday())
            return monday + timedelta(days=day.weekday())
        next_week = self.next_week or any(
            next_week_asked(o.text) for o in before
        )  # 下周吧，周三 / next week, on Thursday
        if next_week:
            monday = self.today + timedelta(days=7 - self.today.weekday())
            while day < monday:  # 您说的下周，具体周几？— 周二 is next week's Tuesday
                day += timedelta(days=7)
        return day

    @cached_property
    def clock_day(self) -> date | None:
        """三点前我汇过去: a payment at a clock time with no day named is due today (or tomorrow
        when that hour has already passed at the time of the call)."""
        if self.days:
            return None
        if self.time is None:  # 我下午就去还 / I'll pay in the afternoon: today, while it lasts
            m = _PART_WORD.search(self.text)
            if m is None or self.now.hour >= _PART_ENDS[m[0].split()[-1]] or not self.own_pay:
                return None
            return self.today
        if not self.own_pay:
            return None
        if self.time > self.now:
            return self.today
        return self.today + timedelta(days=1)

    @cached_property
    def part_of_day(self) -> bool:
        """下午吧 / in the afternoon: nothing but a part of the day (an answer about when)."""
        return _PART_OF_DAY.fullmatch(self.text) is not None

    @cached_property
    def negated(self) -> bool:
        """不 / 没 / can't ..., not counting 没问题, 不好意思, no later than."""
        return cue.NEG.search(cue.NEG_OK.sub(" ", self.text, self.script), self.script)

    @cached_property
    def own_conditional(self) -> bool:
        return self._has(cue.COND)

    @cached_property
    def conditional(self) -> bool:
        """如果 / 有钱就 / if ..., or the consequent of a 如果 clause before it."""
        if self.own_conditional:
            return True
        if self.bare and _sentence_has(self.sentence, cue.COND):
            # 这个月25号，我薪水一进来就缴 / 等我朋友还我钱，我礼拜五就缴: a bare day takes its
            # sentence's condition; a bare payment only a condition before it (今天先还一千，
            # 其余的等年终奖下来再还 keeps today's part).
            if not self.own_pay or any(o.own_conditional for o in self.sentence[: self.k]):
                return True
        if _sentence_has(self.sentence, cue.PRECONDITION):
            return True  # 我打算后天还，但你得先把罚息说清楚
        if any(
            o.text.startswith(_IF_AFTER) and not _IF_OK.search(o.text)
            for o in self.sentence[self.k + 1 :]
        ):
            return True
        carry = False
        for o in self.sentence[: self.k + 1]:  # left to right, without recursion
            own = o.own_conditional
            if o is self:
                return own or carry
            carry = (
                (own or carry) and "就" not in o.text and cue.COND_CARRY.search(o.text, o.script)
            )
        return False  # pragma: no cover - self is always in its sentence

    @cached_property
    def hedged(self) -> bool:
        """尽量 / maybe ..., or a sentence with a lone hedge (明天吧，我争取)."""
        if self._has(cue.HEDGE):
            return True
        if _sentence_has(self.sentence, cue.DOUBT) and any(
            o._has(cue.DOUBT)
            and not (o.days and o.day != self.day and o.day is not None)
            and not (o is not self and not o.days and _HOW_MUCH.search(o.text))
            for o in self.sentence
        ):  # 15号不一定，16号肯定能还: a doubt about another day leaves this one; 明天一定还，
            # 多少还不确定: so does a doubt about the amount only
            return True
        later = self.sentence[self.k + 1 :]
        if any(o.text.startswith(_BUT) and o._has(cue.HEDGE) for o in later):
            return True  # I'd like to pay on Friday but I doubt I'll have the money
        return _sentence_has(self.sentence, cue.HEDGE_ONLY)

    @cached_property
    def _lone_hedge(self) -> bool:
        return self._has(cue.HEDGE) and self._has(cue.HEDGE_ONLY)

    @cached_property
    def past(self) -> bool:
        """已经 / 本来 / already / was going to."""
        return self._has(cue.PAST)

    @cached_property
    def own_pay(self) -> bool:
        return self._has(cue.PAY) and not self._has(cue.OTHER_BILL)

    @cached_property
    def pay(self) -> bool:
        """A payment verb here, or for a dated clause in an undated neighbour (明天下午，还2000)."""
        if self.own_pay:
            return True
        if not self.days or self._has(cue.OTHER_BILL):
            return False  # 明天我打电话给客服，问清楚再还: the call is not the payment
        k = self.k
        if self.joined and k and self.sentence[k - 1].own_pay:
            return True  # "pay $100 today and $100 next Friday": the verb carries over
        for step in (1, -1):
            j = k + step
            while 0 <= j < len(self.sentence) and not self.sentence[j].days:
                o = self.sentence[j]
                if o.own_pay and not (o.negated or o.conditional or o.own_question or o.hedged):
                    return True
                j += step
        return False

    @cached_property
    def balance(self) -> bool:
        """欠款 / 一共 / balance / owe: the amount is what is owed, not what will be paid."""
        return self._has(cue.BALANCE)

    @cached_property
    def due_noun(self) -> bool:
        """还款日 / due date: a stated deadline, not a promise."""
        return self._has(cue.DUE_NOUN)

    @cached_property
    def question(self) -> bool:
        """吗 / 能不能 / can you ..., or the last clause before a question mark."""
        return self.asked or self.own_question

    @cached_property
    def own_question(self) -> bool:
        return self._has(cue.QUESTION)

    @cached_property
    def proposal(self) -> bool:
        """A question that proposes: 明天还2000可以吗? / 明天还2000，可以吗? / how about Friday?"""
        if not self.question:
            return False
        return self._has(cue.TAG_PROPOSAL) or (
            self.asked and _sentence_has(self.sentence, cue.TAG_PROPOSAL)
        )

    @cached_property
    def bare(self) -> bool:
        """Nothing but a day, time or amount: 明天吧 / Friday then / 两千."""
        if not (self.days or self.amounts or self.time):
            return False
        text = self.text
        spans = [(d.start, d.end) for d in self.days] + [(a.start, a.end) for a in self.amounts]
        for s, e in sorted(spans, reverse=True):
            text = text[:s] + " " + text[e:]
        return len(_LETTERS.sub("", cue.FILLER.sub(" ", text, self.script))) <= 1


class _Sentence(list):
    """The clauses of one sentence, with the sentence-wide cues found so far."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[int, bool] = {}


def _sentence_has(sentence: list[Clause], c: cue.Cue) -> bool:
    """Whether any clause of the sentence holds the cue (computed once per sentence)."""
    found = getattr(sentence, "found", None)
    if found is None:
        return any(c.search(o.text, o.script) for o in sentence)
    key = id(c)
    if key not in found:
        found[key] = any(c.search(o.text, o.script) for o in sentence)
    return found[key]


def clean(norm: str) -> str:
    """The text with a.m./p.m., curly quotes and full-width punctuation made plain."""
    for a, b in _CLEAN:
        if a in norm:
            norm = norm.replace(a, b)
    return norm


def pieces(norm: str) -> list[tuple[str, str, bool]]:
    """(clause, what ends it, whether it continues the one before with and / 然后 / 再).

    A clause ends in "," or "" inside a sentence and in 。!?; or a new line at its end.
    """
    out: list[tuple[str, str, bool]] = []
    pos = 0
    for m in _PUNCT.finditer(norm):
        i, ch = m.start(), m.group()
        if ch in ".,:" and i and norm[i - 1].isdigit() and norm[i + 1 : i + 2].isdigit():
            if ch != "," or norm[i + 1 : i + 4].isdigit():
                continue  # 450.50, 5,000 or 9:30
        if ch == "." and norm[max(0, i - 5) : i].endswith(_ABBREVIATIONS):
            continue  # Dec. 5 / Mr. Reed
        out.append((norm[pos:i], ch, False))
        pos = i + 1
    out.append((norm[pos:], "\n", False))
    if any(w in norm for w in (" but ", " and ", "但是", "不过", "可是", "然后", "再")):
        split: list[tuple[str, str, bool]] = []
        for text, end, _ in out:
            parts = _CONJ.split(text) if "between" not in text else [text]
            split.append((parts[0], "" if len(parts) > 1 else end, False))
            split += [(p, "", True) for p in parts[1:-1]]
            if len(parts) > 1:
                split.append((parts[-1], end, True))
        out = split
    return out


def read_clauses(
    norm: str, at: datetime, next_week: bool = False, earlier: date | None = None
) -> list[Clause]:
    """Split a normalised turn into clauses; a clause before a question mark is a question.

    `next_week`: the turn answers a question about next week, so a plain weekday is next week's.
    `earlier`: the last day named in the call before this turn, for 那天 / that day.
    """
    clauses: list[Clause] = []
    sentence: list[Clause] = _Sentence()
    norm = clean(norm)
    dated = may_name_day(norm)
    that_day = dated and THAT_DAY.search(norm) is not None
    dated_clauses = 0
    for raw, end, joined in pieces(norm):
        text = raw.strip()
        if text:
            clause = Clause(text, at, sentence, next_week, dated)
            clause.joined = joined
            if clause.days:
                dated_clauses += 1
                if clauses and any(d.following >= 0 for d in clause.days):
                    follow(clause.days, clauses)
            if that_day and THAT_DAY.search(text):
                point_back(clause, clauses, earlier)
            clauses.append(clause)
        if end in _SENTENCE_END:
            if end == "?" and sentence:
                for c in sentence:  # 明天还2000，可以吗？: the whole sentence is asked
                    c.asked = True
            sentence = _Sentence()
    if dated_clauses > 1 or (dated_clauses and any(len(c.days) > 1 for c in clauses)):
        if any(d.plain_weekday for c in clauses for d in c.days):
            agree_weekdays(clauses)  # Friday, December 4th / 12月4日（周五）: one day, not two
    return clauses


_AFTER_NEXT = ("下下周", "下下个", "下下星期", "下下礼拜", "week after next")


def _after_next(text: str) -> bool:
    return any(w in text for w in _AFTER_NEXT)


def next_week_asked(norm: str) -> bool:
    """True when a turn speaks of next week (您说的下周，具体周几？)."""
    return any(w in norm for w in ("下周", "下星期", "下礼拜", "下个星期", "下个礼拜", "next week"))
