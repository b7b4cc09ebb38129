"""Readable views of a ReviewResult: HTML for notebooks, plain text for logs, dicts for JSON."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .model import ReviewResult

__all__ = ["to_dict", "to_text", "to_html"]

# Bilingual labels (data, not scattered through code).
LABELS = {
    "title": "合规审查 / Compliance review",
    "flags": "违规标记 / Flags",
    "no_flags": "未发现违规话术 / No prohibited language found",
    "commitment": "还款承诺 / Commitment",
    "no_commitment": "未找到具体日期的还款承诺 / No dated commitment found",
    "elements": "话术要素 / Script elements",
    "present": "已具备 / present",
    "missing": "缺少 / missing",
    "whole_call": "整通电话 / whole call",
    "turn": "第 {n} 轮 / turn {n}",
    "rule": "规则 / rule",
    "why": "原因 / why",
    "suggestion": "建议 / instead",
    "amount": "金额 / amount",
    "due": "日期 / due",
}


def to_dict(r: ReviewResult) -> dict[str, Any]:
    """A JSON-ready dict of the result (dates as ISO strings, amounts as strings)."""
    c = r.commitment
    return {
        "at": r.at.isoformat(),
        "flags": [
            {
                "category": f.category,
                "quote": f.quote,
                "rule": f.rule,
                "why": f.why,
                "suggestion": f.suggestion,
                "turn": f.turn,
            }
            for f in r.flags
        ],
        "commitment": None
        if c is None
        else {
            "due": c.due.isoformat(),
            "time": c.time.isoformat() if c.time else None,
            "amount": str(c.amount) if c.amount is not None else None,
            "quote": c.quote,
            "speaker": c.speaker,
        },
        "elements": [
            {"name": e.name, "present": e.present, "quote": e.quote, "hint": e.hint}
            for e in r.elements
        ],
        "turns": len(r.turns),
    }


def _where(turn: int) -> str:
    return LABELS["whole_call"] if turn < 0 else LABELS["turn"].format(n=turn + 1)


def _commitment_line(r: ReviewResult) -> str:
    c = r.commitment
    if c is None:
        return LABELS["no_commitment"]
    amount = f"{c.amount}" if c.amount is not None else "—"
    when = c.due.isoformat() + (f" {c.time:%H:%M}" if c.time else "")
    return f"{LABELS['due']} {when}; {LABELS['amount']} {amount} — “{c.quote}”"


def to_text(r: ReviewResult) -> str:
    """Plain-text report."""
    lines = [LABELS["title"]]
    lines.append(f"{LABELS['flags']}: {len(r.flags)}")
    if not r.flags:
        lines.append(f"  {LABELS['no_flags']}")
    for f in r.flags:
        lines.append(f"  [{f.category}] {_where(f.turn)}: “{f.quote}”  ({LABELS['rule']} {f.rule})")
        lines.append(f"      {LABELS['why']}: {f.why}")
        lines.append(f"      {LABELS['suggestion']}: {f.suggestion}")
    lines.append(f"{LABELS['commitment']}: {_commitment_line(r)}")
    lines.append(f"{LABELS['elements']}:")
    for e in r.elements:
        if e.present:
            lines.append(f"  ✓ {e.name}: “{e.quote}”")
        else:
            lines.append(f"  ✗ {e.name}: {e.hint}")
    return "\n".join(lines)


def to_html(r: ReviewResult) -> str:
    """HTML report for Jupyter (`_repr_html_`)."""
    esc = html.escape
    parts = [f"<div class='review'><h4>{esc(LABELS['title'])}</h4>"]
    parts.append(f"<p><b>{esc(LABELS['flags'])}: {len(r.flags)}</b></p>")
    if r.flags:
        parts.append(
            "<table><tr><th>category</th><th>quote</th><th>"
            + esc(LABELS["why"])
            + "</th><th>"
            + esc(LABELS["suggestion"])
            + "</th></tr>"
        )
        for f in r.flags:
            parts.append(
                f"<tr><td style='color:#b00'><code>{esc(f.category)}</code><br>"
                f"<small>{esc(_where(f.turn))}<br>{esc(LABELS['rule'])} {esc(f.rule)}</small></td>"
                f"<td>“{esc(f.quote)}”</td><td>{esc(f.why)}</td><td>{esc(f.suggestion)}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p style='color:#070'>✓ {esc(LABELS['no_flags'])}</p>")
    colour = "#070" if r.commitment else "#b60"
    parts.append(
        f"<p><b>{esc(LABELS['commitment'])}:</b> "
        f"<span style='color:{colour}'>{esc(_commitment_line(r))}</span></p>"
    )
    parts.append(f"<p><b>{esc(LABELS['elements'])}</b></p><ul>")
    for e in r.elements:
        if e.present:
            parts.append(
                f"<li style='color:#070'>✓ <code>{esc(e.name)}</code>: “{esc(e.quote)}”</li>"
            )
        else:
            parts.append(f"<li style='color:#b00'>✗ <code>{esc(e.name)}</code>: {esc(e.hint)}</li>")
    parts.append("</ul></div>")
    return "".join(parts)
