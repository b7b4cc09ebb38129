"""Flag finding: rule matches in collector turns, minus negated, reported or quoted speech."""

from __future__ import annotations

import re
from datetime import datetime

from .model import COLLECTOR, CONTACT, DEBTOR, Flag, Turn
from .negation import is_negated, is_reported, sentence_span, word_chars
from .normalize import Compact, Normalized, compact, normalize
from .rules import Catalogue, Rule, catalogue

__all__ = ["find_flags", "hours_flag", "is_negated", "is_reported", "jurisdiction_of", "listeners"]


def listeners(turns: list[Turn]) -> dict[int, str]:
    """Who hears each collector turn: the last other speaker before it (else the next one).

    A contact who hands the phone to the debtor stops being the audience from then on.
    """
    out: dict[int, str] = {}
    last = ""
    for t in turns:
        if t.speaker == COLLECTOR:
            out[t.index] = last
        elif t.speaker in (DEBTOR, CONTACT):
            last = t.speaker
    following = ""
    for t in reversed(turns):
        if t.speaker == COLLECTOR:
            if not out[t.index]:
                out[t.index] = following or DEBTOR
        elif t.speaker in (DEBTOR, CONTACT):
            following = t.speaker
    return out


def find_flags(turns: list[Turn], cat: Catalogue | None = None) -> list[Flag]:
    """Flags from the collector's turns, one per rule per turn, in turn order."""
    cat = cat or catalogue()
    audience = listeners(turns)
    flags: list[Flag] = []
    previous: Turn | None = None  # the turn just before, for rules with `after:`
    for turn in turns:
        if turn.speaker != COLLECTOR or not turn.norm:
            previous = turn
            continue
        prev_text: str | None = None  # its compact text (computed on demand)
        n = _cantonese(normalize(turn.text))
        c = compact(n.text)
        third: bool | None = None  # is the turn addressed to a third party? (computed on demand)
        for rule, patterns in cat.candidates(c.text):
            if rule.scope == "contact":
                if third is None:
                    third = audience.get(turn.index) == CONTACT or bool(
                        _THIRD_ADDRESS.search(c.text)
                    )
                if not third:
                    continue
            if rule.context and not any(x.search(c.text) for x in rule.context):
                continue
            if rule.after:
                if prev_text is None:
                    prev_text = word_chars(previous.norm) if previous else ""  # cheap, English only
                if not any(x.search(prev_text) for x in rule.after):
                    continue
            hit = _first_hit(rule, patterns, n, c)
            if hit is not None:
                i, j = hit
                quote = _clause_quote(turn.text, n.orig(i), n.orig(j - 1) + 1)
                flags.append(
                    Flag(rule.category, quote, rule.id, rule.why, rule.suggestion, turn.index)
                )
        previous = turn
    return _dedupe(flags)


# The collector names the listener as someone else's relative or colleague: `你是他太太吗`,
# `you're her roommate?` — the turn is spoken to a third party even without a contact tag.
_THIRD_ADDRESS = re.compile(
    r"(你|您)(就)?是(他|她)的?(太太|老婆|老公|先生|妻子|丈夫|爱人|家人|家属|妈妈|母亲|爸爸|父亲|"
    r"儿子|女儿|哥哥|姐姐|弟弟|妹妹|同事|朋友|室友|邻居|领导|老板|亲戚|房东|同学)|"
    r"\b(you re|you are|are you) (his|her|their) (wife|husband|partner|mother|mom|father|dad|"
    r"sister|brother|son|daughter|roommate|flatmate|coworker|colleague|friend|neighbou?r|boss|"
    r"landlord|cousin|aunt|uncle)\b|\b(is this|am i speaking (with|to)|you must be) [a-z]+ s (wife|husband|"
    r"partner|mother|mom|father|dad|sister|brother|son|daughter|roommate|coworker|colleague|friend|"
    r"neighbou?r|boss|landlord|cousin|aunt|uncle)\b"
)

# Cantonese words mapped to Mandarin ones of the same length, so offsets still map one to one:
# `再唔还钱就话俾你屋企人知` reads as `再不还钱就告诉你家里人知`.
_CANTO = {
    "话俾": "告诉",
    "话畀": "告诉",
    "老细": "老板",
    "我哋": "我们",
    "你哋": "你们",
    "佢哋": "他们",
    "傾下": "聊聊",
    "倾下": "聊聊",
    "屋企": "家里",
    "揾": "找",
    "嘅": "的",
    "俾": "给",
    "畀": "给",
    "唔": "不",
    "佢": "他",
    "咗": "了",
    "喺": "在",
    "冇": "没",
    "睇": "看",
    "啲": "些",
    "嚟": "来",
}
_CANTO_RX = re.compile("|".join(sorted(_CANTO, key=len, reverse=True)))


def _cantonese(n: Normalized) -> Normalized:
    if not _CANTO_RX.search(n.text):
        return n
    return Normalized(_CANTO_RX.sub(lambda m: _CANTO[m.group()], n.text), n.index)


# A strong negator inside a gapped match (`我没有权限打折`) negates it; at the start it is
# part of the phrase itself (`不会好过`).
_NEG_INSIDE = re.compile(
    r"没有权限|没权|无权|不能|不会|无法|没法|没办法|不可以|不可能|不敢|不得|绝不|从不|不打算|不是|并非|而非|"
    r"\b(not|never|cannot|can t|won t|don t|do not|will not)\b"
)


def _negated_inside(matched: str) -> bool:
    m = _NEG_INSIDE.search(matched, 1)
    return m is not None


_ORIG_CLAUSE = re.compile(r"[,，](?![0-9]{3})|[;；。!！?？\n]|\.(?=\s)")


def _clause_quote(text: str, i: int, j: int) -> str:
    """The clause of the original text around [i, j), for a readable quote."""
    start = 0
    for m in _ORIG_CLAUSE.finditer(text, 0, i):
        start = m.end()
    m = _ORIG_CLAUSE.search(text, j)
    end = m.start() if m else len(text)
    return text[start:end].strip() or text[i:j]


def _first_hit(
    rule: Rule, patterns: list[re.Pattern], n: Normalized, c: Compact
) -> tuple[int, int] | None:
    text = c.text
    for pat in patterns:
        nxt = pat.search(text)  # most patterns find nothing: `search` is cheaper than `finditer`
        while nxt is not None:
            m = nxt
            nxt = pat.search(text, m.end() if m.end() > m.start() else m.start() + 1)
            i, j = c.span(m.start(), m.end())
            if rule.negatable and (
                is_negated(n.text, i)
                or (rule.inner_negation and _negated_inside(m.group()))
                or is_reported(n.text, i, j)
            ):
                continue
            if rule.unless:
                s, e = sentence_span(n.text, i, j)
                sentence = compact(n.text[s:e]).text
                if any(u.search(sentence) for u in rule.unless):
                    continue
            return i, j
    return None


def _dedupe(flags: list[Flag]) -> list[Flag]:
    seen: set[tuple[str, int, str]] = set()
    out: list[Flag] = []
    for f in flags:
        key = (f.category, f.turn, f.quote)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


_CJK = re.compile(r"[\u3400-\u9fff]")


def jurisdiction_of(turns: list[Turn]) -> str:
    """`cn` when the collector speaks Chinese, else `us`."""
    text = "".join(t.norm for t in turns if t.speaker == COLLECTOR) or "".join(
        t.norm for t in turns
    )
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[a-z]", text))
    return "cn" if cjk * 2 >= latin and cjk > 0 else "us"


# Lawful calling window, local wall time: [start hour, end hour).
HOURS = {"cn": (8, 22), "us": (8, 21)}


def hours_flag(at: datetime, jurisdiction: str, cat: Catalogue | None = None) -> Flag | None:
    """A harassment flag for a call placed outside the lawful hours, else None."""
    start, end = HOURS[jurisdiction]
    if start <= at.hour < end:
        return None
    cat = cat or catalogue()
    info = cat.categories["harassment"]
    law = info["law_cn"] if jurisdiction == "cn" else info["law_us"]
    why = (
        f"通话时间 {at:%H:%M} 不在允许的 {start:02d}:00–{end:02d}:00 之内 / "
        f"the call at {at:%H:%M} is outside the lawful {start:02d}:00–{end:02d}:00 window"
        f"（依据 / Basis: {law}）"
    )
    sugg = (
        f"只在当地时间 {start:02d}:00–{end:02d}:00 之间致电 / "
        f"call only between {start:02d}:00 and {end:02d}:00 local time"
    )
    return Flag("harassment", f"{at:%Y-%m-%d %H:%M}", "harassment.hours", why, sugg, -1)
