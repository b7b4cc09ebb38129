"""Script elements of a collection call (identification, right party, purpose, ... closing)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .model import COLLECTOR, ELEMENTS, Element, Flag, Turn
from .normalize import Compact, Normalized, compact, normalize
from .rules import uncapture

__all__ = ["find_elements", "ELEMENT_SPECS"]

_SPEC_FILE = Path(__file__).with_name("elements.yaml")


@dataclass(frozen=True)
class _Spec:
    name: str
    groups: tuple[re.Pattern, ...]  # each must match (zh or en alternatives in one regex)
    hint: str
    same_turn: bool
    last_only: bool
    not_rule: str


@lru_cache(maxsize=1)
def ELEMENT_SPECS() -> dict[str, _Spec]:  # noqa: N802 - a cached constant
    """The element patterns and bilingual hints from elements.yaml, compiled once."""
    import yaml

    raw = yaml.safe_load(_SPEC_FILE.read_text(encoding="utf-8"))
    if set(raw) != set(ELEMENTS):
        raise ValueError(f"elements.yaml names differ from ELEMENTS: {set(raw) ^ set(ELEMENTS)}")
    specs = {}
    for name in ELEMENTS:
        d = raw[name]
        groups = []
        for g in d["all"]:
            alts = [f"(?:{p})" for p in g.get("zh", [])]
            alts += [rf"(?<![a-z])(?:{p})(?![a-z])" for p in g.get("en", [])]
            groups.append(re.compile(uncapture("|".join(alts))))
        specs[name] = _Spec(
            name=name,
            groups=tuple(groups),
            hint=f"{d['hint_zh']} / {d['hint_en']}",
            same_turn=bool(d.get("same_turn", False)),
            last_only=d.get("where") == "last",
            not_rule=d.get("not_rule", ""),
        )
    return specs


@lru_cache(maxsize=1)
def _group_filter():
    """An Aho-Corasick automaton of the anchor words of every element group.

    Returns (automaton or None, groups without anchors): a group whose anchors are all absent
    from the text cannot match, so its (large) regex is skipped.
    """
    import ahocorasick

    from .rules import _required

    auto = ahocorasick.Automaton()
    always: set[tuple[str, int]] = set()
    words: dict[str, set[tuple[str, int]]] = {}
    for name, spec in ELEMENT_SPECS().items():
        for k, g in enumerate(spec.groups):
            found = _required(g.pattern)
            if not found:
                always.add((name, k))
            for w in found or ():
                words.setdefault(w, set()).add((name, k))
    for w, keys in words.items():
        auto.add_word(w, tuple(keys))
    if not words:
        return None, always
    auto.make_automaton()
    return auto, always


def _possible_groups(text: str) -> set[tuple[str, int]]:
    auto, always = _group_filter()
    found = set(always)
    if auto is not None and text:
        for _, keys in auto.iter(text):
            found.update(keys)
    return found


def find_elements(
    turns: list[Turn], flags: list[Flag] | None = None, at: datetime | None = None
) -> list[Element]:
    """One Element per name in ELEMENTS, present or missing, from the collector's words.

    With `at` (the call time), a closed question the patterns miss is still found the way the
    commitment finder reads a collector's proposal: a question that puts a day forward for
    paying (您周三前能先还500元吗？/ Could you pay $200 by Wednesday?)."""
    own = [t for t in turns if t.speaker == COLLECTOR]
    forms = [(t, normalize(t.text)) for t in own]
    forms = [(t, n, compact(n.text)) for t, n in forms]
    # All collector turns in one string (turns separated by a newline): one search per pattern.
    joined = "\n".join(c.text for _, _, c in forms)
    starts: list[int] = []
    pos = 0
    for _, _, c in forms:
        starts.append(pos)
        pos += len(c.text) + 1
    bad_turns: dict[str, set[int]] = {}
    for f in flags or []:
        bad_turns.setdefault(f.rule, set()).add(f.turn)
    possible = _possible_groups(joined)
    out = []
    for name, spec in ELEMENT_SPECS().items():
        if any((name, k) not in possible for k in range(len(spec.groups))):
            quote = None
            if name == "closed_question_day" and at is not None:
                quote = _dated_question(forms, at)
            out.append(
                Element(name, True, quote, "") if quote else Element(name, False, "", spec.hint)
            )
            continue
        bad = bad_turns.get(spec.not_rule, set()) if spec.not_rule else set()
        first = max(0, len(forms) - 2) if spec.last_only else 0
        quote = _find(spec, forms, joined, starts, first, bad)
        if quote is None and name == "closed_question_day" and at is not None:
            quote = _dated_question(forms, at)
        if quote is None:
            out.append(Element(name, False, "", spec.hint))
        else:
            out.append(Element(name, True, quote, ""))
    return out


def _find(
    spec: _Spec,
    forms: list[tuple[Turn, Normalized, Compact]],
    joined: str,
    starts: list[int],
    first: int,
    bad: set[int],
) -> str | None:
    """The quote (original sentence) proving the element, or None when it is missing."""
    if not forms:
        return None
    lo = starts[first]
    hits = []
    for g in spec.groups:  # one search per group over all collector turns
        m = g.search(joined, lo)
        if m is None:
            return None
        hits.append(m)
    if spec.same_turn:  # every group inside one sentence or two neighbouring sentences
        for t, _, c in forms[first:]:
            if t.index in bad or not all(g.search(c.text) for g in spec.groups):
                continue
            sents = [x.strip() for x in _SPLIT.split(t.text) if x.strip()]
            for size in (1, 2):
                for k in range(len(sents) - size + 1):
                    text = " ".join(sents[k : k + size])
                    form = compact(normalize(text).text).text
                    if all(g.search(form) for g in spec.groups):
                        return text
        return None
    quote: str | None = None
    for g, m in zip(spec.groups, hits, strict=True):
        k = bisect_right(starts, m.start()) - 1
        while forms[k][0].index in bad:  # a turn that breaks `not_rule` does not count
            m = g.search(joined, starts[k + 1]) if k + 1 < len(starts) else None
            if m is None:
                return None
            k = bisect_right(starts, m.start()) - 1
        if quote is None:
            t, n, c = forms[k]
            quote = _quote(t, n, c, m.start() - starts[k], m.end() - starts[k])
    return quote


def _dated_question(forms: list[tuple[Turn, Normalized, Compact]], at: datetime) -> str | None:
    """The first collector sentence that asks for payment on a named day, as a question."""
    from .promise_clauses import read_clauses
    from .promise_terms import proposal_of

    for t, _, _ in forms:
        for sentence in (x.strip() for x in _SPLIT.split(t.text)):
            if not sentence or _ASKS_PAST.search(sentence):
                continue
            clauses = [
                c
                for c in read_clauses(normalize(sentence).text.lower(), at)
                if c.question and not c.past
            ]
            if clauses and proposal_of(t, clauses, at.date()) is not None:
                return sentence
    return None


# "Did you pay on Friday?" asks about the past, whatever day it names
_ASKS_PAST = re.compile(r"\b(did|didn't|have|haven't|had) (you|he|she|they)\b", re.I)
_SPLIT = re.compile(r"(?<=[。！？!?\n])|(?<=[.;；])(?=\s)")
_SENT = re.compile(r"[。！？!?\n]|[.;；](?=\s|$)")


def _quote(t: Turn, n: Normalized, c: Compact, start: int, end: int) -> str:
    body = t.text.rstrip()
    if _SENT.search(body, 0, len(body) - 1) is None:  # a one-sentence turn is its own quote
        return body.strip()
    i, j = c.span(start, end)
    oi, oj = n.orig(i), n.orig(max(i, j - 1)) + 1
    first = 0
    for s in _SENT.finditer(t.text, 0, oi):
        first = s.end()
    end_m = _SENT.search(t.text, oj)
    last = end_m.end() if end_m else len(t.text)
    return t.text[first:last].strip()
