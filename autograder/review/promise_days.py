"""Days across a turn's clauses: 那天 / that day, "the following Monday", Friday, December 4th.

Helpers of `promise_clauses.read_clauses`: each adjusts a clause's day mentions using the days
named in the clauses before it (or anywhere in the turn), after `timeexpr` has resolved each
mention on its own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from autograder.review.timeexpr import DayMention

if TYPE_CHECKING:  # pragma: no cover
    from autograder.review.promise_clauses import Clause

__all__ = ["THAT_DAY", "agree_weekdays", "follow", "point_back"]

# 那天 / 当天 / that day with no day of its own points back at the last day named before it.
THAT_DAY = re.compile(r"那一?天|那日|嗰日|当天|当日|\bthat\s+day\b|\bthe\s+same\s+day\b")


def point_back(clause: Clause, before: list[Clause], earlier: date | None) -> None:
    """我们10号发工资，发工资那天还两千五: 那天 is the 10th (not a vague payday, not today)."""
    text = clause.text
    if any(d.day is not None and not THAT_DAY.fullmatch(text, d.start, d.end) for d in clause.days):
        return  # 5号当天 / 周五那天: its own day (find_days already merged the pair)
    named = [d.day for c in before for d in c.days if d.day is not None and not d.weak]
    day = named[-1] if named else earlier
    if day is None:
        return
    m = THAT_DAY.search(text)
    clause.days = [DayMention(m.start(), m.end(), day)]


def follow(days: list[DayMention], before: list[Clause]) -> None:
    """Next Friday is payday, I'll pay the following Monday: count from the day named before."""
    named = [d.day for c in before for d in c.days if d.day is not None]
    if not named:
        return
    last = named[-1]
    for k, d in enumerate(days):
        if d.following >= 0:
            ahead = (d.following - last.weekday()) % 7 or 7
            days[k] = DayMention(d.start, d.end, last + timedelta(days=ahead))


def agree_weekdays(clauses: list[Clause]) -> None:
    """A plain weekday naming the same weekday as a date in the turn is that date.

    12月4日（周五）/ Friday, December 4th / 那就12号，周六也能转: the weekday only describes the
    date, so it resolves to it rather than to the next Friday or Saturday.
    """
    for k, c in enumerate(clauses):
        for d in c.days:
            if not d.plain_weekday or d.day is None:
                continue
            near = [c] + [
                o
                for o in clauses[max(0, k - 1) : k + 2]
                if o is not c and (o.bare or c.bare) and not (o.amounts and c.amounts)
            ]  # Friday, December 4th (not "$100 on Friday and $200 on December 4th")
            same = [
                x.day
                for o in near
                for x in o.days
                if x.day is not None and not (x.plain_weekday or x.weak or x.vague)
                if x.day.weekday() == d.day.weekday() and x.day >= d.day
            ]
            if same:
                d.day = same[0]
                d.plain_weekday = False
