"""Data of the compliance-review assignment: call transcripts, turns to rewrite, regulations.

Text only: nothing here says which turns break which rule (that is the learner's job).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Transcript:
    """A recorded call: numbered turns, each "speaker：words", and the time it was made."""

    id: str
    group: str  # zh-hans | zh-hant | en
    title_zh: str
    title_en: str
    at: datetime
    turns: tuple[str, ...]

    @property
    def text(self) -> str:
        """The whole call, one turn a line (what `autograder.review` reads)."""
        return "\n".join(self.turns)

    def __str__(self) -> str:
        head = f"[{self.id}] {self.title_zh} / {self.title_en} — {self.at:%Y-%m-%d %H:%M}"
        return "\n".join([head, *(f"{i:>3}  {t}" for i, t in enumerate(self.turns))])

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td style='text-align:right'>{i}</td><td style='text-align:left'>"
            f"{html.escape(t)}</td></tr>"
            for i, t in enumerate(self.turns)
        )
        return (
            f"<b>{self.id}</b> · {html.escape(self.title_zh)} / {html.escape(self.title_en)}"
            f" · {self.at:%Y-%m-%d %H:%M}<table>{rows}</table>"
        )


@dataclass(frozen=True)
class RewriteTask:
    """A collector turn to rewrite lawfully, and what the rewrite must still do."""

    id: str
    at: datetime
    original: str
    job: str  # ask_day | call_back | identify | recap | verify
    job_zh: str
    job_en: str


@dataclass(frozen=True)
class Regulation:
    """A rule a collector works under, paraphrased, with its source."""

    id: str
    source: str
    zh: str
    en: str


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def _transcripts() -> tuple[Transcript, ...]:
    out = []
    for path in sorted((DATA / "transcripts").glob("*.yaml")):
        raw = _yaml(path)
        for t in raw["transcripts"]:
            out.append(
                Transcript(
                    id=t["id"],
                    group=raw["group"],
                    title_zh=t["title_zh"],
                    title_en=t["title_en"],
                    at=datetime.fromisoformat(t["at"]),
                    turns=tuple(t["turns"]),
                )
            )
    order = {"zh-hans": 0, "zh-hant": 1, "en": 2}
    return tuple(sorted(out, key=lambda t: (order.get(t.group, 9), t.id)))


def compliance_transcripts(group: str | None = None) -> dict[str, Transcript]:
    """The transcripts of 04-compliance-review by id, optionally one group only."""
    found = {t.id: t for t in _transcripts() if group is None or t.group == group}
    if group is not None and not found:
        raise ValueError(f"no transcript group {group!r}; use zh-hans, zh-hant or en")
    return found


def rewrite_tasks() -> dict[str, RewriteTask]:
    """The five collector turns to rewrite, by id (W1..W5)."""
    raw = _yaml(DATA / "rewrites.yaml")["rewrites"]
    return {r["id"]: RewriteTask(**{**r, "at": datetime.fromisoformat(r["at"])}) for r in raw}


def regulations() -> dict[str, Regulation]:
    """The regulations to match with categories, by id (REG-A..)."""
    raw = _yaml(DATA / "regulations.yaml")["regulations"]
    return {r["id"]: Regulation(**r) for r in raw}
