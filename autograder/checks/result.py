"""The result object every check returns, readable in a notebook and as plain text."""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    """One bilingual line of feedback: Simplified Chinese first, English beside it."""

    zh: str
    en: str
    ok: bool = False

    def __str__(self) -> str:
        mark = "✔" if self.ok else "✘"
        return f"{mark} {self.zh} / {self.en}"


@dataclass
class CheckResult:
    """What a check found: the fraction of credit earned (0..1) and bilingual notes."""

    question: str
    fraction: float
    notes: list[Note] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A numpy float would print as "np.float64(...)", which nbgrader cannot read as a
        # partial grade and silently treats as full credit: keep a plain float.
        self.fraction = float(self.fraction)
        if not 0.0 <= self.fraction <= 1.0:
            raise ValueError(f"fraction must be between 0 and 1, got {self.fraction!r}")

    @property
    def passed(self) -> bool:
        return self.fraction >= 1.0

    def points(self, max_points: float) -> float:
        """Points earned out of `max_points`, rounded to two decimals."""
        return round(self.fraction * max_points, 2)

    def __str__(self) -> str:
        head = f"[{self.question}] {self.fraction:.0%}"
        return "\n".join([head, *(f"  {n}" for n in self.notes)])

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.passed else ("#9a6700" if self.fraction > 0 else "#cf222e")
        rows = "".join(
            f"<li style='color:{'#1a7f37' if n.ok else '#cf222e'}'>"
            f"{html.escape(n.zh)}<br><span style='color:#57606a'>{html.escape(n.en)}</span></li>"
            for n in self.notes
        )
        return (
            f"<div style='border-left:4px solid {colour};padding:4px 10px'>"
            f"<b>{html.escape(self.question)}</b> — {self.fraction:.0%}<ul>{rows}</ul></div>"
        )


def award(result: CheckResult, max_points: float) -> float:
    """Print the feedback and return the points earned.

    Used as the last line of a grade cell: nbgrader reads a number shown as the cell's
    result as partial credit. Feedback goes to stdout (never stderr, which nbgrader scores 0).
    """
    print(result)
    return result.points(max_points)
