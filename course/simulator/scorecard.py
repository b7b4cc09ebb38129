"""End-of-call scorecard: the commitment and flags from the review engine, plus control measures."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from course.simulator.model import Text, catalog

if TYPE_CHECKING:  # pragma: no cover
    from course.simulator.engine import Session


@dataclass(frozen=True)
class ShownFlag:
    """A compliance flag as the scorecard shows it (from the review engine or the call clock)."""

    category: str
    quote: str
    rule: str
    why: str
    suggestion: str
    turn: int = -1


@dataclass
class Scorecard:
    """What the learner sees when the call ends; `secured` is the headline."""

    scenario: str
    lang: str
    call_time: datetime
    ending: str | None
    summary: Text | None
    commitment_day: date | None
    commitment_amount: Decimal | None
    commitment_quote: str
    flags: list[ShownFlag] = field(default_factory=list)
    strong_share: float = 0.0
    qualities: dict[str, int] = field(default_factory=dict)
    asked_day: bool = False
    empathy_lines: int = 0
    trust: list[int] = field(default_factory=list)
    willingness: list[int] = field(default_factory=list)

    @property
    def lawful(self) -> bool:
        return not self.flags

    @property
    def secured(self) -> bool:
        """A dated commitment with no compliance flag."""
        return self.commitment_day is not None and self.lawful

    def _rows(self) -> list[tuple[str, str]]:
        c, lang = catalog()["scorecard"], self.lang
        yes, no = c["answer_yes"].get(lang), c["answer_no"].get(lang)
        ending = catalog()["endings"][self.ending].get(lang) if self.ending else "-"
        if self.commitment_day:
            amount = f" · {self.commitment_amount}" if self.commitment_amount is not None else ""
            commitment = f"{self.commitment_day.isoformat()}{amount} — “{self.commitment_quote}”"
        else:
            commitment = c["none"].get(lang)
        return [
            (c["ending"].get(lang), ending),
            (c["call_clock"].get(lang), self.call_time.strftime("%Y-%m-%d %H:%M")),
            (c["commitment"].get(lang), commitment),
            (c["strong_share"].get(lang), f"{self.strong_share:.0%}"),
            (c["asked_day"].get(lang), yes if self.asked_day else no),
            (c["empathy"].get(lang), str(self.empathy_lines)),
            (c["trust"].get(lang), " → ".join(map(str, self.trust)) or "-"),
            (c["willingness"].get(lang), " → ".join(map(str, self.willingness)) or "-"),
        ]

    def _headline(self) -> str:
        c = catalog()["scorecard"]
        return (c["secured"] if self.secured else c["not_secured"]).get(self.lang)

    def __str__(self) -> str:
        c, lang = catalog()["scorecard"], self.lang
        out = [f"{c['title'].get(lang)}: {self.scenario}", self._headline()]
        out += [f"  {k}: {v}" for k, v in self._rows()]
        out.append(f"{c['flags'].get(lang)}:" if self.flags else c["no_flags"].get(lang))
        for f in self.flags:
            out.append(f"  [{f.category}] “{f.quote}” ({c['rule'].get(lang)} {f.rule})")
            out.append(f"    {f.why}")
            out.append(f"    {c['suggestion'].get(lang)}: {f.suggestion}")
        if self.summary:
            out.append(self.summary.get(lang))
        return "\n".join(out)

    def _repr_html_(self) -> str:
        c, lang = catalog()["scorecard"], self.lang
        e = html.escape
        colour = "#1b7f3b" if self.secured else "#b3261e"
        rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in self._rows())
        flags = "".join(
            f"<li><b>{e(f.category)}</b> “{e(f.quote)}” <small>({e(c['rule'].get(lang))} "
            f"{e(f.rule)})</small><br>{e(f.why)}<br><i>{e(c['suggestion'].get(lang))}: "
            f"{e(f.suggestion)}</i></li>"
            for f in self.flags
        )
        flag_block = (
            f"<p><b>{e(c['flags'].get(lang))}</b></p><ul>{flags}</ul>"
            if self.flags
            else f"<p>{e(c['no_flags'].get(lang))}</p>"
        )
        summary = f"<p>{e(self.summary.get(lang))}</p>" if self.summary else ""
        return (
            f'<div class="sim-scorecard"><h4>{e(c["title"].get(lang))}</h4>'
            f'<p style="color:{colour}"><b>{e(self._headline())}</b></p>'
            f"<table>{rows}</table>{flag_block}{summary}</div>"
        )


def _clock_flag(session: Session) -> ShownFlag:
    c = catalog()["scorecard"]
    when = session.call_time.strftime("%H:%M")
    return ShownFlag(
        "harassment",
        when,
        f"call-clock-{session.scenario.jurisdiction}",
        f"{c['clock_flag_why'].zh} / {c['clock_flag_why'].en}",
        f"{c['clock_flag_suggestion'].zh} / {c['clock_flag_suggestion'].en}",
    )


def score(session: Session, lang: str, result: Any = None) -> Scorecard:
    """Build the scorecard of a session (the review engine runs on its transcript in `lang`)."""
    result = result if result is not None else session.review(lang)
    flags = [
        ShownFlag(f.category, f.quote, f.rule, f.why, f.suggestion, f.turn) for f in result.flags
    ]
    clock_seen = any(f.category == "harassment" and f.turn == -1 for f in flags)
    if session.call_time_forbidden and not clock_seen:
        flags.insert(0, _clock_flag(session))
    counts = {q: 0 for q in ("strong", "weak", "unlawful")}
    for step in session.history:
        counts[step.quality] = counts.get(step.quality, 0) + 1
    moves = len(session.history)
    asked = any("asks_day" in s.tags for s in session.history) or any(
        e.name == "closed_question_day" and e.present for e in result.elements
    )
    c = result.commitment
    node = session.node
    return Scorecard(
        scenario=session.scenario.id,
        lang=lang,
        call_time=session.call_time,
        ending=node.ending,
        summary=node.summary,
        commitment_day=c.due if c else None,
        commitment_amount=c.amount if c else None,
        commitment_quote=c.quote if c else "",
        flags=flags,
        strong_share=counts["strong"] / moves if moves else 0.0,
        qualities=counts,
        asked_day=asked,
        empathy_lines=sum("empathy" in s.tags for s in session.history),
        trust=[s.get("trust", 0) for s in session.trajectory] if "trust" in session.state else [],
        willingness=[s.get("willingness", 0) for s in session.trajectory]
        if "willingness" in session.state
        else [],
    )
