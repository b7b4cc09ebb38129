"""Rule catalogue loader and matcher: YAML rules → compiled regexes behind an Aho-Corasick filter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import CATEGORIES

__all__ = ["Rule", "Catalogue", "catalogue", "RULES_DIR", "uncapture"]

RULES_DIR = Path(__file__).with_name("rules")


@dataclass(frozen=True)
class Rule:
    """One catalogue rule: patterns over the compact matching form, plus its bilingual texts."""

    id: str
    category: str
    languages: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    why: str  # bilingual, with the regulation it rests on
    suggestion: str  # bilingual
    scope: str = "any"  # any | contact (only when a third party is listening)
    negatable: bool = True  # negation and reported speech clear the match
    unless: tuple[re.Pattern, ...] = ()  # a match in the same sentence clears it (lawful form)
    inner_negation: bool = False  # a negator inside a gapped match negates it (`我没有权限打折`)
    context: tuple[re.Pattern, ...] = ()  # if given, one must match in the same turn
    after: tuple[re.Pattern, ...] = ()  # if given, one must match in the turn just before


def _bilingual(zh: str, en: str) -> str:
    return f"{zh.strip()} / {en.strip()}"


_STRIDE = 1000  # more patterns than this in one rule would be a mistake


class Catalogue:
    """All rules, compiled once; `candidates(text)` returns the rules worth trying on `text`."""

    def __init__(self, data: dict) -> None:
        import ahocorasick

        cats = data["categories"]
        unknown = set(cats) ^ set(CATEGORIES)
        if unknown:
            raise ValueError(f"rule catalogue categories differ from the contract: {unknown}")
        self.categories = cats
        self.rules: list[Rule] = []
        self._always: list[tuple[int, int]] = []  # (rule, pattern) pairs tried on every text
        self._auto = ahocorasick.Automaton()
        anchors: dict[str, set[tuple[int, int]]] = {}
        seen: set[str] = set()
        for raw in data["rules"]:
            rule = self._build(raw, cats, data.get("vocab") or {})
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id}")
            seen.add(rule.id)
            k = len(self.rules)
            if len(rule.patterns) >= _STRIDE:
                raise ValueError(f"rule {rule.id}: more than {_STRIDE - 1} patterns")
            self.rules.append(rule)
            for q, pat in enumerate(rule.patterns):
                found = _required(pat.pattern)
                if not found:
                    self._always.append((k, q))
                    continue
                for a in found:
                    anchors.setdefault(a, set()).add((k, q))
        self._always_keys = tuple(k * _STRIDE + q for k, q in self._always)
        for word, ks in anchors.items():
            self._auto.add_word(word, tuple(k * _STRIDE + q for k, q in sorted(ks)))
        if anchors:
            self._auto.make_automaton()
        self._has_anchors = bool(anchors)

    @staticmethod
    def _build(raw: dict, cats: dict, vocab: dict[str, str] | None = None) -> Rule:
        cat = raw["category"]
        if cat not in CATEGORIES:
            raise ValueError(f"rule {raw.get('id')}: unknown category {cat!r}")
        c = cats[cat]
        law = _bilingual(raw.get("law_cn", c["law_cn"]), raw.get("law_us", c["law_us"]))
        why = _bilingual(raw.get("why_zh", c["why_zh"]), raw.get("why_en", c["why_en"]))
        sugg = _bilingual(
            raw.get("suggestion_zh", c["suggestion_zh"]),
            raw.get("suggestion_en", c["suggestion_en"]),
        )
        pats: list[re.Pattern] = []
        langs: list[str] = []
        for lang in ("zh", "en"):
            for p in raw.get(lang, []) or []:
                p = _expand(p, vocab or {}, raw["id"])
                src = rf"(?<![a-z])(?:{p})(?![a-z])" if lang == "en" else p
                pats.append(re.compile(uncapture(src)))
            if raw.get(lang):
                langs.append(lang)
        return Rule(
            id=raw["id"],
            category=cat,
            languages=tuple(langs),
            patterns=tuple(pats),
            why=f"{why}（依据 / Basis: {law}）",
            suggestion=sugg,
            scope=raw.get("scope", "any"),
            negatable=bool(raw.get("negatable", True)),
            inner_negation=bool(raw.get("inner_negation", False)),
            unless=tuple(
                re.compile(_expand(u, vocab or {}, raw["id"])) for u in raw.get("unless") or []
            ),
            context=tuple(
                re.compile(_expand(u, vocab or {}, raw["id"])) for u in raw.get("context") or []
            ),
            after=tuple(
                re.compile(_expand(u, vocab or {}, raw["id"])) for u in raw.get("after") or []
            ),
        )

    def candidates(self, text: str) -> list[tuple[Rule, list[re.Pattern]]]:
        """Rules with the patterns whose anchor words occur in `text` (plus unanchored ones)."""
        keys: set[int] = set(self._always_keys)
        if self._has_anchors and text:
            for _, hit in self._auto.iter(text):
                keys.update(hit)
        out: list[tuple[Rule, list[re.Pattern]]] = []
        last = -1
        for key in sorted(keys):  # key = rule number * _STRIDE + pattern number
            k, q = divmod(key, _STRIDE)
            if k != last:
                out.append((self.rules[k], []))
                last = k
            out[-1][1].append(self.rules[k].patterns[q])
        return out


def uncapture(pattern: str) -> str:
    """Make every group non-capturing: Python's regex engine then finds literal and charset
    prefixes through the groups and scans much faster (nothing reads the groups)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or (out and out[-1] == "[")
        elif ch == "[":
            in_class = True
        elif ch == "(" and not pattern.startswith("?", i + 1):
            out.append("(?:")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_MACRO = re.compile(r"<([a-z_]+)>")


def _expand(pattern: str, vocab: dict[str, str], rule_id: str) -> str:
    """Replace `<name>` with the vocabulary class `name` (an alternation) from `vocab:`."""

    def sub(m: re.Match) -> str:
        if m.group(1) not in vocab:
            raise ValueError(f"rule {rule_id}: unknown vocabulary class <{m.group(1)}>")
        return f"(?:{vocab[m.group(1)]})"

    return _MACRO.sub(sub, pattern)


def _required(pattern: str) -> set[str] | None:
    from re import _parser  # private but stable since 3.11; used only to find anchor literals

    try:
        tree = _parser.parse(pattern)
    except re.error:  # pragma: no cover - patterns compiled already
        return None
    return _req_seq(list(tree))


def _req_seq(items: list) -> set[str] | None:
    """Best required-literal set of a sequence: the alternative set with the longest shortest word."""
    from re import _constants as c

    best: set[str] | None = None
    run = ""

    def consider(cand: set[str] | None) -> None:
        nonlocal best
        if cand and (best is None or _strength(cand) > _strength(best)):
            best = cand

    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        consider({run} if run else None)
        run = ""
        if op is c.SUBPATTERN:
            consider(_req_seq(list(av[-1])))
        elif op is c.BRANCH:
            alts = [_req_seq(list(b)) for b in av[1]]
            if all(alts):
                consider(set().union(*alts))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            consider(_req_seq(list(av[2])))
        elif op is c.IN and len(av) <= 12 and all(o is c.LITERAL for o, _ in av):
            consider({chr(v) for _, v in av})
    consider({run} if run else None)
    return best


# Anchors this common would send most texts to the regexes: prefer anything else.
_COMMON = {
    "你",
    "您",
    "我",
    "他",
    "她",
    "的",
    "了",
    "是",
    "就",
    "会",
    "要",
    "我们",
    "你们",
    "i",
    "a",
}
_COMMON |= {" ", "s", "t", "m", "the", "to", "you", "your", "me", "my", "we", "it", "is", "be"}


def _strength(alts: set[str]) -> int:
    """How selective an anchor set is: its weakest word's length, common words count as 0."""
    return min(_weight(a.strip()) for a in alts)


def _weight(a: str) -> int:
    if not a or a in _COMMON or (len(a) == 1 and a.isascii()):
        return 0  # a single letter or digit occurs in almost every text
    return len(a)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """Load and compile every `rules/*.yaml` once per process."""
    import yaml

    data: dict = {"categories": {}, "rules": [], "vocab": {}}
    for path in sorted(RULES_DIR.glob("*.yaml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        data["categories"].update(part.get("categories", {}))
        data["vocab"].update(part.get("vocab", {}))
        data["rules"].extend(part.get("rules", []))
    return Catalogue(data)
