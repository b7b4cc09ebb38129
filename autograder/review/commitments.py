"""Dated commitment (promise to pay) finder: the last payment the debtor tied to one day.

The finder walks the turns in order keeping three things: the current commitment, a pending
proposal (a day the collector put forward: "那就明天下午三点前还2000，可以吗？") and whether the
current commitment is only a debtor's question still open to a "no". A debtor's clause that names
one future day and a payment counts unless it is negated, conditional, hedged, past or a plain
question; a plain yes (行 / 好 / OK / sure) accepts the pending proposal. In a script with no speaker
tags the collector's own statement of the agreed day counts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal

from autograder.review.model import COLLECTOR, CONTACT, DEBTOR, Commitment, Turn
from autograder.review.promise_clauses import (
    Clause,
    asks,
    confirms,
    is_acceptance,
    is_refusal,
    next_week_asked,
    read_clauses,
    talks_of_paying,
)
from autograder.review.timeexpr import may_name_day

__all__ = ["find_commitment"]


@dataclass(frozen=True)
class _Proposal:
    day: date | None  # None: an amount asked for without a day ("When can we expect the $260?")
    time: time | None
    amount: Decimal | None
    turn: Turn


def _value(c: Clause) -> Decimal:
    marked = [a for a in c.amounts if a.marked]
    return (marked or c.amounts)[-1].value


def _amount_for(clauses: list[Clause], i: int) -> Decimal | None:
    """The amount tied to dated clause i: its own, else a neighbour's before another day."""
    if clauses[i].amounts:
        return _value(clauses[i])
    day = clauses[i].day
    for c in clauses[i + 1 :]:
        if c.days and c.day != day:
            break
        if c.amounts and not (c.negated or c.due_noun or c.conditional):
            return _value(c)
    for c in reversed(clauses[:i]):
        if c.days and c.day != day:
            break
        if c.amounts and (c.pay or c.bare or c.days) and not (c.negated or c.due_noun):
            if not c.conditional:
                return _value(c)
    return None


def _time_for(clauses: list[Clause], i: int) -> time | None:
    if clauses[i].time is not None:
        return clauses[i].time
    for c in clauses[i + 1 :]:
        if c.days:
            break
        if c.time is not None:
            return c.time
    return None


def _usable(c: Clause, today: date) -> date | None:
    """The future day of a clause that could carry a promise, ignoring who says it."""
    day = c.day
    if day is None or day < today or c.past or c.conditional or c.hedged:
        return None
    return day


def _proposal(turn: Turn, clauses: list[Clause], today: date) -> _Proposal | None:
    """The last day a collector (or an untagged line) puts forward for payment."""
    found = None
    for i, c in enumerate(clauses):
        day = _usable(c, today)
        if day is None or c.negated or c.due_noun:
            continue
        if c.pay or c.bare or c.amounts:
            found = _Proposal(day, _time_for(clauses, i), _amount_for(clauses, i), turn)
    return found


def _amount_asked(turn: Turn, clauses: list[Clause]) -> _Proposal | None:
    """An amount the collector asks to be paid, with no day yet: 什么时候能还这2000？"""
    for c in reversed(clauses):
        if c.question and c.pay and c.amounts and not (c.negated or c.due_noun or c.balance):
            return _Proposal(None, None, _value(c), turn)
    return None


def _quote(*turns: Turn) -> str:
    seen: list[Turn] = []
    for t in turns:
        if t not in seen:
            seen.append(t)
    return "\n".join(t.text.strip() for t in sorted(seen, key=lambda t: t.index))


def find_commitment(turns: list[Turn], at: datetime) -> Commitment | None:
    """Return the last dated commitment in `turns`, resolved against the call time `at`.

    `at` is the call's local time (a naive datetime, or an aware one already in local time).
    """
    today = at.date()
    tagged = any(t.speaker in (DEBTOR, CONTACT) for t in turns)
    speaker = DEBTOR if tagged else COLLECTOR
    current: Commitment | None = None
    before_tentative: Commitment | None = None
    tentative = False
    pending: _Proposal | None = None
    pay_talk = False  # the collector last spoke about paying: a bare "周四吧" answers that
    next_week = False  # the collector's last question was about next week
    offered: Decimal | None = None  # the amount of the collector's last proposal
    for turn in turns:
        if not turn.norm or not turn.norm.strip() or turn.speaker == CONTACT:
            continue
        dated = may_name_day(turn.norm)
        if tagged and turn.speaker != DEBTOR:
            # The collector's turn: a "no" to the debtor's proposal, or a proposal of their own.
            if tentative and is_refusal(turn.norm):
                current = before_tentative
            tentative = False
            talk = talks_of_paying(turn.norm)
            pay_talk = pay_talk if talk is None else talk  # the call stays on paying until income
            next_week = next_week_asked(turn.norm)
            if dated or asks(turn.norm):
                clauses = read_clauses(turn.norm, at)
                proposal = _proposal(turn, clauses, today) or _amount_asked(turn, clauses)
                if proposal is not None and proposal.amount is None and offered is not None:
                    # 今天还3500可以吗？— 今天不行 — 那明天上午呢？: the amount stays on the table
                    proposal = replace(proposal, amount=offered)
                if proposal is not None:
                    offered = proposal.amount or offered
                    pending = proposal
                elif any(c.question for c in clauses):
                    pending = None
            continue
        if not (dated or pending is not None or current is not None):
            tentative = False  # nothing here can make, change or withdraw a promise
            continue
        clauses = read_clauses(turn.norm, at, next_week)
        next_week = False

        made: Commitment | None = None
        opened, answered = current, pending
        question_made = False
        for i, c in enumerate(clauses):
            day = c.day
            if day is not None and c.negated and not c.conditional:
                # 明天还不了 / 明天不行: withdraws a promise or a proposal for that day.
                if current is not None and current.due == day:
                    current = None
                if pending is not None and pending.day == day:
                    pending = None
                continue
            if day is None and c.negated and c.pay and not c.conditional and not c.amounts:
                current, pending = None, None  # 我还不了 / I can't pay: a general retraction
                continue
            day = _usable(c, today)
            if day is None or c.negated:
                continue
            if c.question and not (c.proposal and tagged):
                continue
            context = pay_talk or answered is not None or opened is not None
            bare_ok = c.bare and tagged and (context or any(a.marked for a in c.amounts))
            if not (c.pay or bare_ok) or c.due_noun:
                continue
            if not tagged and not confirms(turn.norm):
                continue  # an untagged line must state an agreement, not ask or demand
            amount = _amount_for(clauses, i)
            at_time = _time_for(clauses, i)
            quote_turns = [turn]
            if answered is not None:
                # An answer to a proposal keeps its amount (明天能还1500吗？— 明天不行，后天吧).
                amount = amount if amount is not None else answered.amount
                if answered.day == day:
                    at_time = at_time or answered.time
                quote_turns.insert(0, answered.turn)
            made = Commitment(day, at_time, amount, _quote(*quote_turns), speaker)
            current = made
            question_made = c.question

        if made is None and pending is not None and pending.day is not None:
            counter = [
                c
                for c in clauses
                if not c.days and c.amounts and (c.pay or c.bare)
                if not (c.negated or c.conditional or c.hedged or c.due_noun)
                if c.proposal or not c.question
            ]
            accepted = is_acceptance(turn.norm, pure=not tagged)
            timed = [
                c
                for c in clauses
                if not c.days and c.time and (c.bare or c.pay) and not (c.negated or c.question)
            ]
            if timed and not counter:  # 明天几点？— 下午吧，三点之前
                accepted = accepted or not any(c.conditional or c.hedged for c in timed)
            if accepted and not counter:
                counter = [c for c in clauses if c.amounts and not (c.negated or c.due_noun)]
            if accepted or counter:
                amount = _value(counter[-1]) if counter else pending.amount
                if amount is None and current is not None and current.due == pending.day:
                    amount = current.amount
                at_time = timed[-1].time if timed else pending.time
                quote = _quote(pending.turn, turn)
                made = Commitment(pending.day, at_time, amount, quote, speaker)
                current = made
                question_made = bool(counter) and counter[-1].question
        elif made is None and current is not None and tagged:
            extra = [
                c
                for c in clauses
                if not c.days and c.amounts and c.bare and not (c.negated or c.question)
            ]
            if extra and current.amount is None:
                current = replace(current, amount=extra[-1].amounts[-1].value)

        if made is not None and question_made:
            tentative, before_tentative = True, opened
        else:
            tentative = False
        if tagged or made is not None:
            pending = None
        else:  # an untagged line: its question is the proposal the next line may accept
            pending = _proposal(turn, [c for c in clauses if c.question], today)
    return current
