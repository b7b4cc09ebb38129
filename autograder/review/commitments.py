"""Dated commitment (promise to pay) finder: the last payment the debtor tied to one day.

The finder walks the turns in order (`_Walk`) keeping the current commitment, a pending proposal
(a day the collector put forward: "那就明天下午三点前还2000，可以吗？") and whether the current
commitment is only a debtor's question still open to a "no". A debtor's clause that names
one future day and a payment counts unless it is negated, conditional, hedged, past or a plain
question; a plain yes (行 / 好 / OK / sure) accepts the pending proposal. In a script with no speaker
tags the collector's own statement of the agreed day counts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from autograder.review import promise_cues as cue
from autograder.review.model import COLLECTOR, CONTACT, DEBTOR, Commitment, Turn
from autograder.review.promise_answers import DebtorSide
from autograder.review.promise_clauses import Clause, next_week_asked, read_clauses
from autograder.review.promise_terms import (
    Proposal,
    amount_asked,
    proposal_of,
    value,
)
from autograder.review.promise_turns import (
    asks,
    asks_amount,
    is_refusal,
    talks_of_paying,
)
from autograder.review.timeexpr import may_name_day

__all__ = ["find_commitment"]

_NUMBER = re.compile(r"[\d十百千万]|hundred|thousand|dollar|buck|grand|ty\b")
# "Can you pay that today?" / 这笔今天能还吗？: the amount the collector just named is the one asked.
# The whole debt stated by the collector (not a fee or interest): 全部是4300元 / a total of $900.
_TOTAL = re.compile(r"全部|一共|总共|合计|欠款|全额|\btotal\b|\bbalance\b|\bowe\b|\bin\s+full\b")
_CLOCK = re.compile(
    r"\d\s*(?:点|:\d\d|am\b|pm\b)|[一二两三四五六七八九十]点|\bnoon\b|中午|上午|下午|早上|晚上|傍晚|"
    r"in\s+the\s+(?:morning|afternoon|evening)"
)


_AT_LEAST = re.compile(r"至少|最少|起码|最低|\bat\s+least\b|\bminimum\b")


def find_commitment(turns: list[Turn], at: datetime) -> Commitment | None:
    """Return the last dated commitment in `turns`, resolved against the call time `at`.

    `at` is the call's local time (a naive datetime, or an aware one already in local time).
    """
    norms = [t.norm.lower() for t in turns if t.norm]
    if not any(may_name_day(n) or _CLOCK.search(n) for n in norms):
        return None  # every promise names a day or a clock time somewhere in the call
    walk = _Walk(at, tagged=any(t.speaker in (DEBTOR, CONTACT) for t in turns))
    walk.turns = turns
    # The debtor's last turn: the collector's proposals after it cannot be answered any more.
    last = max((i for i, t in enumerate(turns) if t.speaker == DEBTOR), default=-1)
    for i, turn in enumerate(turns):
        walk.position = i
        if not turn.norm or not turn.norm.strip() or turn.speaker == CONTACT:
            continue  # a contact cannot promise for the debtor
        if walk.tagged and turn.speaker != DEBTOR:
            if i > last and not walk.tentative:
                break  # nothing left to accept, refuse or withdraw
            walk.collector_turn(turn)
        else:
            walk.committer_turn(turn)
    return walk.current


class _Walk(DebtorSide):
    """The state carried from turn to turn while reading a call."""

    def __init__(self, at: datetime, tagged: bool) -> None:
        self.at, self.today, self.tagged = at, at.date(), tagged
        self.speaker = DEBTOR if tagged else COLLECTOR
        self.current: Commitment | None = None  # the last promise so far
        self.pending: Proposal | None = None  # the collector's proposal awaiting an answer
        self.tentative = False  # current is the debtor's own question ("周三还行吗？")
        self.before_tentative: Commitment | None = None  # what a "no" to it brings back
        self.pay_talk = False  # the collector last spoke of paying: a bare "周四吧" answers that
        self.next_week = False  # the collector's last question was about next week
        self.offered: Decimal | None = None  # the amount of the collector's last proposal
        self.named: date | None = None  # the last day named so far, for a later 那天 / that day
        self.dated_offer: Proposal | None = None  # the collector's last proposal with a day
        self.said: Decimal | None = None  # an amount the debtor offered before any day (五千。)
        self.turns: list[Turn] = []
        self.position = 0  # the index of the turn being read

    def _whole(self, *texts: str) -> Decimal | None:
        """全部还上 / I'll pay it all: the balance named in an earlier turn, if the text asks it."""
        text = " ".join(texts)
        script = cue.script_of(text)
        if not cue.WHOLE.search(text, script) or cue.PART.search(text, script):
            return None
        for turn in reversed(self.turns[: self.position]):
            norm = turn.norm.lower()
            if turn.speaker == CONTACT or not _NUMBER.search(norm):
                continue
            found = [c for c in read_clauses(norm, self.at) if c.amounts and not c.days]
            owed = [c for c in found if c.balance and not c.negated]
            if owed:
                return value(owed[-1])
        return None

    def _remember(self, clauses: list[Clause]) -> None:
        for c in clauses:
            for d in c.days:
                if d.day is not None and not d.weak:
                    self.named = d.day

    def collector_turn(self, turn: Turn) -> None:
        """A "no" to the debtor's proposal, or a proposal (day and amount) of the collector's."""
        norm = turn.norm.lower()  # already lower case from normalize(); cheap insurance
        tentative, self.tentative = self.tentative, False
        if tentative and is_refusal(norm):
            self.current, tentative = self.before_tentative, False
        if tentative and self._asks_more(turn):
            return  # 周五还一千可以吗？— 至少要还两千 / We'd need at least $200: that offer is turned down
        talk = talks_of_paying(norm)
        self.pay_talk = self.pay_talk if talk is None else talk  # on paying until income comes up
        self.next_week = next_week_asked(norm)
        if not may_name_day(norm):
            asked = asks(norm)
            if asked and self.current is not None and asks_amount(norm):
                # 周四吧 — 周四还多少？/ And the amount? — the answer completes the promise.
                c = self.current
                self.pending = Proposal(c.due, c.time, None, turn)
                return
            o, c = self.dated_offer, self.current
            if asked and o is not None and c is None and _NUMBER.search(norm):
                # 明天还两千可以吗？— 两千有点多。— 那一千五呢？: a new amount for the same day
                bare = [
                    x for x in read_clauses(norm, self.at) if x.amounts and x.bare and x.question
                ]
                if bare:
                    self.pending = Proposal(o.day, o.time, value(bare[-1]), turn)
                    return
            if c is not None and c.amount is None and _TOTAL.search(norm) and _NUMBER.search(norm):
                # 后天一定还。— 还多少？— 全部。— 全部是4300元。— 对。: the total, to confirm
                named = [o for o in read_clauses(norm, self.at) if o.amounts and not o.negated]
                if named:
                    self.pending = Proposal(c.due, c.time, value(named[-1]), turn)
                    return
            if not (talk and _NUMBER.search(norm)):
                if asked and talk is not None:  # a new question about paying replaces the
                    self.pending = None  # proposal; 喂？您还在吗？ leaves it standing
                return
        clauses = read_clauses(norm, self.at, earlier=self.named)
        self._remember(clauses)
        if talk is None and any(c.question and len(c.days) >= 2 for c in clauses):
            self.pay_talk = True  # 今天还是明天？/ 今日定听日？/ today or tomorrow?: about paying
        proposal = proposal_of(turn, clauses, self.today)
        if proposal is None:
            proposal = amount_asked(turn, clauses)
        elif proposal.amount is None:  # a past-due amount of $412.77. Can you pay that today?
            asked = amount_asked(turn, clauses, undated_only=True)
            if asked is not None:
                amount = asked.amount
                if any(c.days and not c.amounts and c._has(cue.HALF) for c in clauses):
                    amount = amount / 2  # 你欠款六千，下个礼拜三还一半得唔得？
                proposal = replace(proposal, amount=amount)
        if proposal is not None and proposal.amount is None:
            # 今天还3500可以吗？— 今天不行 — 那明天上午呢？: the amount stays on the table; 我周六还
            # 1500。— 周六不入账，周五可以吗？: so does the debtor's own.
            on_table = self.offered
            if self.current is not None and self.current.amount is not None:
                on_table = self.current.amount
            if any(c._has(cue.PART) for c in clauses):
                on_table = None  # 剩下的周五能还吗？: the rest is another amount
            if on_table is not None and proposal.day is not None:
                proposal = replace(proposal, amount=on_table)
            elif on_table is not None and self.offered is not None:
                proposal = replace(proposal, amount=self.offered)
        if tentative and self.current is not None:
            # 周六行不行？— 周六系统不入账，最晚周五: a "no" to that day, or another day instead.
            due = self.current.due
            refused = any(c.day == due and c.negated for c in clauses)
            if refused or (proposal is not None and proposal.day not in (None, due)):
                self.current = self.before_tentative
        if proposal is not None:
            self.offered = proposal.amount or self.offered
            self.pending = proposal
            if proposal.day is not None:
                self.dated_offer = proposal
        elif any(c.question for c in clauses):
            self.pending = None

    def _offered(self, clauses: list[Clause]) -> None:
        """可以繳多少？— 五千。: an amount offered before any day, for the day named next."""
        offered = [
            c
            for c in clauses
            if c.amounts and not c.days and (c.bare or c.own_pay)
            if not (c.negated or c.question or c.conditional or c.hedged or c.past or c.balance)
        ]
        if offered:
            self.said = value(offered[-1])

    def _asks_more(self, turn: Turn) -> bool:
        """The collector answers the debtor's offer with a larger minimum: the offer is turned
        down and the minimum, on the offer's day, is the proposal now on the table."""
        c, norm = self.current, turn.norm.lower()
        if c is None or c.amount is None or not _AT_LEAST.search(norm):
            return False
        more = [o for o in read_clauses(norm, self.at) if o.amounts and not o.negated]
        more = [o for o in more if _AT_LEAST.search(o.text) and value(o) > c.amount]
        if not more:
            return False
        self.pending = Proposal(c.due, c.time, value(more[-1]), turn)
        self.current = self.before_tentative
        return True

    def committer_turn(self, turn: Turn) -> None:
        """A debtor's turn (or any line of an untagged script): promise, accept or withdraw."""
        norm = turn.norm.lower()
        if not (may_name_day(norm) or self.pending or self.current or _CLOCK.search(norm)):
            self.tentative = False  # nothing here can make, change or withdraw a promise
            if self.tagged and self.pay_talk and _NUMBER.search(norm):
                self._offered(read_clauses(norm, self.at))
            return
        clauses = read_clauses(norm, self.at, self.next_week, self.named)
        self._remember(clauses)
        self.next_week = False
        opened, answered = self.current, self.pending
        made, asked = self._own_promise(turn, clauses, answered, opened)
        if made is None and self.pending is not None and self.pending.day is not None:
            made, asked = self._answer(turn, clauses, self.pending)
        elif made is None and self.current is not None and self.tagged:
            self._fill_amount(clauses)
        if made is None and self.current is None and self.tagged:
            self._offered(clauses)
        if made is not None:
            self.current = made
        self.tentative = made is not None and asked
        if self.tentative:
            self.before_tentative = opened
        if self.tagged or made is not None:
            self.pending = None
        else:  # an untagged line: its question is the proposal the next line may accept
            self.pending = proposal_of(turn, [c for c in clauses if c.question], self.today)
