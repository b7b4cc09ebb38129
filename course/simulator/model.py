"""Data types of a call scenario (docs/scenarios.md) and their construction from validated YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from course.taxonomy import excuse_ids

LANGS = ("zh", "en")
QUALITIES = ("strong", "weak", "unlawful")
SPEAKERS = ("debtor", "contact", "narrator")
ENDINGS = ("commitment", "partial", "refused", "escalated", "breach")
TAGS = (
    "identifies_self",
    "verifies_party",
    "states_purpose",
    "empathy",
    "asks_day",
    "recap",
    "official_channel",
)
WHENS = ("flagged", "asks_day", "match", "default")
EXCUSES = excuse_ids()  # the excuse a debtor line voices, from the shared taxonomy
JURISDICTIONS = ("cn", "us")


@dataclass(frozen=True)
class Text:
    """A learner-facing text in Simplified Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def of(cls, raw: Any) -> Text:
        if isinstance(raw, Text):
            return raw
        if isinstance(raw, str):  # free text typed by a learner: the same in both languages
            return cls(raw, raw)
        return cls(str(raw["zh"]).strip(), str(raw["en"]).strip())


@cache
def catalog() -> dict[str, dict[str, Text]]:
    """The simulator's bilingual strings, by section and key."""
    raw = yaml.safe_load((Path(__file__).parent / "catalog.yaml").read_text(encoding="utf-8"))
    return {sec: {k: Text.of(v) for k, v in items.items()} for sec, items in raw.items()}


@dataclass(frozen=True)
class Route:
    """One conditional branch of a choice's `next`: taken when `cond` holds (empty = always)."""

    to: str
    cond: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    id: str
    quality: str
    say: Text
    routes: tuple[Route, ...]
    effects: dict[str, int] = field(default_factory=dict)
    cond: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextBranch:
    """A free-text branch: `when` is flagged | asks_day | match | default."""

    when: str
    next: str
    quality: str
    effects: dict[str, int] = field(default_factory=dict)
    any: tuple[str, ...] = ()


@dataclass(frozen=True)
class FreeText:
    prompt: Text
    branches: tuple[TextBranch, ...]


@dataclass(frozen=True)
class Node:
    id: str
    speaker: str
    say: tuple[Text, ...]  # one or more variants
    effects: dict[str, int] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    free_text: FreeText | None = None
    ending: str | None = None
    summary: Text | None = None


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Text
    persona: Text
    account: dict[str, Any]
    call_time: datetime
    jurisdiction: str
    start: str
    state: dict[str, int]
    nodes: dict[str, Node]
    excuse: str | None = None
    path: Path | None = None

    @property
    def endings(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.ending]


def _texts(raw: Any) -> tuple[Text, ...]:
    return tuple(Text.of(v) for v in raw) if isinstance(raw, list) else (Text.of(raw),)


def _cond(raw: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (raw or {}).items()}


def _routes(raw: Any) -> tuple[Route, ...]:
    if isinstance(raw, str):
        return (Route(raw),)
    return tuple(Route(r["to"], _cond(r.get("if"))) for r in raw)


def _choice(raw: dict) -> Choice:
    return Choice(
        id=raw["id"],
        quality=raw["quality"],
        say=Text.of(raw["say"]),
        routes=_routes(raw["next"]),
        effects=dict(raw.get("effects") or {}),
        cond=_cond(raw.get("if")),
        tags=tuple(raw.get("tags") or ()),
    )


def _free_text(raw: dict | None) -> FreeText | None:
    if not raw:
        return None
    branches = tuple(
        TextBranch(
            when=b["when"],
            next=b["next"],
            quality=b.get("quality", "unlawful" if b["when"] == "flagged" else "weak"),
            effects=dict(b.get("effects") or {}),
            any=tuple(b.get("any") or ()),
        )
        for b in raw["branches"]
    )
    return FreeText(Text.of(raw["prompt"]), branches)


def build(raw: dict, path: Path | None = None) -> Scenario:
    """Build a Scenario from a mapping that passed validation."""
    nodes = {}
    for node_id, n in raw["nodes"].items():
        nodes[node_id] = Node(
            id=node_id,
            speaker=n.get("speaker", "debtor"),
            say=_texts(n["say"]),
            effects=dict(n.get("effects") or {}),
            choices=tuple(_choice(c) for c in n.get("choices") or ()),
            free_text=_free_text(n.get("free_text")),
            ending=n.get("ending"),
            summary=Text.of(n["summary"]) if n.get("summary") else None,
        )
    return Scenario(
        id=raw["id"],
        title=Text.of(raw["title"]),
        persona=Text.of(raw["persona"]),
        account=dict(raw["account"]),
        call_time=datetime.fromisoformat(str(raw["call_time"])),
        jurisdiction=raw.get("jurisdiction", "cn"),
        start=raw["start"],
        state={k: int(v) for k, v in (raw.get("state") or {}).items()},
        nodes=nodes,
        excuse=raw.get("excuse"),
        path=path,
    )
