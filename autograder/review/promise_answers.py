"""The debtor's side of the commitment walk: a promise of their own, an answer to the
collector's proposal, an amount that completes an earlier promise (see commitments.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from autograder.review import promise_cues as cue
from autograder.review.model import Commitment, Turn
from autograder.review.promise_clauses import Clause
from autograder.review.promise_terms import (
    Proposal,
    amount_beside,
    amount_for,
    checks_back,
    corrects,
    hedged_after,
    moved_amount,
    time_for,
    usable,
    value,
)
from autograder.review.promise_turns import (
    confirms,
    is_acceptance,
)

__all__ = ["DebtorSide"]

_EITHER = re.compile(
    r"也行|也可以|也成|都行|都可以|\b(?:works|is\s+fine|would\s+work)\s+too\b|\beither\b"
)


def _quote(turn: Turn) -> str:
    """A turn's own words, a substring of the transcript (shown as evidence)."""
    return turn.text.strip()


class DebtorSide:
    """Methods of the walk (commitments._Walk) that read a debtor's turn; the state they use
    (current, pending, tentative, said, at, today, ...) is set up by the walk."""

    def _own_promise(
        self,
        turn: Turn,
        clauses: list[Clause],
        answered: Proposal | None,
        opened: Commitment | None,
    ) -> tuple[Commitment | None, bool]:
        """The last day this turn itself promises; negated days withdraw earlier promises."""
        made, asked = None, False
        earlier: list[Commitment] = []  # this turn's promises before `made`
        for i, c in enumerate(clauses):
            day = c.day
            if made is not None and c.own_conditional and c.negated and earlier:
                if any(d.day == made.due for d in c.days):
                    # 今天先还1000，剩下的周五还，周五要是不行就下周一: Friday is not firm
                    made = self.current = earlier.pop()
                    continue
            if day is not None and c.negated and not c.conditional:
                # 明天还不了 / 明天不行: withdraws a promise or a proposal for that day.
                if self.current is not None and self.current.due == day:
                    self.current = None
                if self.pending is not None and self.pending.day == day:
                    self.pending = None
                if self.dated_offer is not None and self.dated_offer.day == day:
                    self.dated_offer = None
                continue
            if day is None and c.negated and c.pay and not c.conditional and not c.amounts:
                self.current = self.pending = None  # 我还不了 / I can't pay: a general retraction
                made = None  # 明天还2000，也可能还不了: withdraws this turn's promise too
                continue
            if made is not None and c.day not in (None, made.due) and _EITHER.search(c.text):
                made = self.current = opened  # 明天还两千，后天也行: a choice of days, none firm
                continue
            if (c.day or c.clock_day) is None or not (c.pay or c.bare):
                continue  # cheap tests before the sentence-wide condition and hedge checks
            day = usable(c, self.today)
            if day is None or c.negated:
                continue
            recap = not self.tagged and confirms(turn.norm.lower())  # a script's stated agreement
            if c.question and not (c.proposal and self.tagged):
                # 跟您核对一下，您明天还2000元，对吗？: a script's recap may end in a check-back
                if not (recap and c.asked and not c.own_question and checks_back(c)):
                    continue
            fixed = made is not None and corrects(clauses, i)  # "$40 Friday. No, Saturday."
            context = self.pay_talk or answered is not None or opened is not None or fixed
            bare_ok = (
                c.bare
                and (
                    (
                        self.tagged
                        and (
                            context
                            or any(a.marked for o in c.sentence for a in o.amounts)
                            or amount_beside(clauses, i)
                        )
                    )
                    or (recap and bool(c.amounts))  # 那就这样，明天2000，我这边给您登记上。
                )
            )  # 明天下午，两千块: a marked amount anywhere in the sentence makes a bare day a promise
            if not (c.pay or bare_ok) or c.due_noun:
                continue
            if not self.tagged and not confirms(turn.norm.lower()):
                continue  # an untagged line must state an agreement, not ask or demand
            if hedged_after(clauses, i):
                continue  # 明天还2000行吗？我问问我老婆。/ ... Let me ask my wife first.
            amount = amount_for(clauses, i)
            at_time = time_for(clauses, i)
            if answered is not None:
                # An answer to a proposal keeps its amount (明天能还1500吗？— 明天不行，后天吧)
                # unless the answer names amounts of its own ("$250 tomorrow, the rest on the
                # 10th").
                if amount is None and not any(o.amounts for o in clauses):
                    amount = answered.amount_on(day)
                if answered.day == day:
                    at_time = at_time or answered.time
            if amount is None:
                amount = self._whole(c.text, clauses[i + 1].text if i + 1 < len(clauses) else "")
                if amount is None and answered is None and opened is not None:
                    amount = moved_amount(opened.amount, clauses)
                if amount is None and answered is None and opened is None and self.tagged:
                    amount = self.said  # 可以繳多少？— 五千。— 哪一天呢？— 25號。
                if amount is None and fixed and made is not None:
                    amount = made.amount  # the corrected day keeps this turn's amount
            elif not clauses[i].amounts and c._has(cue.HALF):
                amount = amount / 2  # You owe $540. — I can do half by Friday.
            if made is not None:
                earlier.append(made)
            made = Commitment(day, at_time, amount, _quote(turn), self.speaker)
            self.current = made
            asked = c.question
        return made, asked

    def _answer(
        self, turn: Turn, clauses: list[Clause], pending: Proposal
    ) -> tuple[Commitment | None, bool]:
        """A yes to the pending proposal, perhaps with another amount or a time of day."""
        counter = [
            c
            for c in clauses
            if not c.days and c.amounts and (c.pay or c.bare)
            if not (c.negated or c.conditional or c.hedged or c.due_noun)
            if c.proposal or not c.question
            if not any(o.past for o in c.sentence)  # 今天上午已经还过了，2000: paid, not offered
        ]
        accepted = is_acceptance(turn.norm.lower(), pure=not self.tagged)
        timed = [
            c
            for c in clauses
            if not c.days and (c.time or c.part_of_day) and (c.bare or c.pay or c.part_of_day)
            if not (c.negated or c.question)
        ]
        if timed and not counter:  # 明天几点？— 下午吧，三点之前
            accepted = accepted or not any(c.conditional or c.hedged for c in timed)
        if accepted and not counter:
            counter = [c for c in clauses if c.amounts and not (c.negated or c.due_noun)]
        if not (accepted or counter):  # 周五还多少？— 全部还。: paying it all says yes
            accepted = any(
                c.pay and c._has(cue.WHOLE) and not c._has(cue.PART)
                for c in clauses
                if not (c.days or c.negated or c.question or c.conditional or c.hedged)
            )
        half = [
            c
            for c in clauses
            if c._has(cue.HALF) and not c.amounts
            if not (c.days or c.negated or c.question or c.conditional or c.hedged)
        ]  # 欠款6000，明天能还清吗？— 一半可以。
        if not (accepted or counter or (half and pending.amount)):
            return None, False
        amount = value(counter[-1]) if counter else pending.amount
        if half and not counter and amount is not None:
            amount = amount / 2
        if amount is None and self.current is not None and self.current.due == pending.day:
            amount = self.current.amount
        if amount is None:
            amount = self._whole(pending.turn.norm.lower(), turn.norm.lower())
        at_time = (timed[-1].time if timed[-1].time else None) if timed else pending.time
        if timed and at_time is not None and at_time.hour < 12:
            # 下午六点前？— 八点前吧: the answer stays in the proposal's afternoon, and a time
            # already past today is tonight's.
            later = at_time.replace(hour=at_time.hour + 12)
            past = pending.day == self.today and at_time <= self.at.time()
            if past or (pending.time is not None and pending.time.hour >= 12):
                at_time = later
        # The evidence: the answer when it adds an amount or a time, else the proposal it accepts.
        quote = _quote(turn if counter or timed or half else pending.turn)
        made = Commitment(pending.day, at_time, amount, quote, self.speaker)
        return made, bool(counter) and counter[-1].question

    def _fill_amount(self, clauses: list[Clause]) -> None:
        """周四吧 — 周四还多少？ — 两千: a bare amount completes a promise that had none."""
        extra = [
            c
            for c in clauses
            if not c.days and c.amounts and c.bare and not (c.negated or c.question)
        ]
        if self.current is None or self.current.amount is not None:
            return
        if extra:
            self.current = replace(self.current, amount=extra[-1].amounts[-1].value)
        elif len(clauses) == 1 and not (clauses[0].negated or clauses[0].question):
            whole = self._whole(clauses[0].text)  # 周五还多少？— 全部还。
            if whole is not None:
                self.current = replace(self.current, amount=whole)
