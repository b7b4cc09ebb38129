"""Text normalisation with an index map back to the original: t2s, NFKC, case, separators."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Normalized", "Compact", "normalize", "compact", "to_simplified", "is_cjk"]


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # loaded on first use: keeps `import autograder` fast

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified characters (opencc 't2s'); other characters unchanged."""
    return _t2s().convert(text) if text else text


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (the characters whose neighbours need no word separator)."""
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


@dataclass(frozen=True)
class Normalized:
    """`text` normalised (Simplified, NFKC, lower case) with `index[i]` = offset in the original."""

    text: str
    index: tuple[int, ...] | None  # None means identity (same length, char for char)

    def orig(self, i: int) -> int:
        if self.index is None:
            return i
        if not self.index:
            return 0
        return self.index[min(i, len(self.index) - 1)]


@lru_cache(maxsize=8192)
def _char_norm(ch: str) -> str:
    return _CONTROL.sub(" ", to_simplified(unicodedata.normalize("NFKC", ch)).lower())


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching; positions map back to `text` through `Normalized.orig`."""
    return _normalize_cached(text) if len(text) <= 4096 else _normalize(text)


@lru_cache(maxsize=8192)
def _normalize_cached(text: str) -> Normalized:
    return _normalize(text)


def _normalize(text: str) -> Normalized:
    if not text:
        return Normalized("", None)
    # Fast path: every step keeps the length, so offsets map one to one.
    out = unicodedata.normalize("NFKC", text)
    if len(out) == len(text):
        out = to_simplified(out)
        if len(out) == len(text):
            out = out.lower()
            if len(out) == len(text):
                return Normalized(_CONTROL.sub(" ", out), None)
    # Slow path: some character changes length under NFKC, t2s or lower(); map char by char.
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = _char_norm(ch)
        parts.append(n)
        index.extend([i] * len(n))
    return Normalized("".join(parts), tuple(index))


_WORD = re.compile(r"[^\W_]+")
_SEP = re.compile(r"[\W_]+")
_SEP_CHAR = re.compile(r"[\W_]")
# Separators of a spelled-out word (`l a o`, `i.d.i.o.t`, `i-d-i-o-t`); not apostrophes (`I'm`).
_SPELL_SEP = re.compile(r"[\s.\-_*·]{1,3}")


class Compact:
    """Matching form: words only, CJK runs joined, spaced-out letters joined (`老 赖` → `老赖`).

    `index` (offset in the normalised text of every character) is built only when a match
    needs mapping back, which keeps the common no-match case fast.
    """

    __slots__ = ("text", "norm", "_index")

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self.norm = norm
        self._index: tuple[int, ...] | None = None

    @property
    def index(self) -> tuple[int, ...]:
        if self._index is None or len(self._index) < len(self.text):
            self._index = _compact_index(self.norm)
        return self._index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised-text span of compact span [start, end)."""
        # Without a full index, map only the prefix up to `end` (matches are often early);
        # the prefix is kept and grown when a later match needs more.
        index = self._index
        if index is None or len(index) < end:
            index = _compact_index(self.norm, max(end, 2 * len(index or ())))
            if len(index) >= len(self.text):
                index = index[: len(self.text)]
            self._index = index
        if len(index) < end or start >= end:
            return (0, 0)
        return index[start], index[end - 1] + 1


def compact(norm: str) -> Compact:
    """Drop separators inside CJK text and inside spelled-out words; single spaces elsewhere."""
    return _compact_cached(norm) if len(norm) <= 4096 else _build_compact(norm)


@lru_cache(maxsize=8192)
def _compact_cached(norm: str) -> Compact:
    return _build_compact(norm)


def _build_compact(norm: str) -> Compact:
    # 著 is left as is by t2s in many phrases (坐著, 等著): match it as the particle 着.
    text = norm.replace("著", "着")
    if not _NON_CJK_GAP.search(text):  # every separator touches CJK text: all of them go
        return Compact(_SEP.sub("", text), norm)
    return Compact(_SEP_BUSY.sub(_sep, text), norm)


# Separators that need a decision; a single space between two words of two letters or more
# always stays as it is, so it is skipped (most of English text).
_SEP_BUSY = re.compile(r"(?!(?<=[a-z][a-z]) (?=[a-z][a-z]))[\W_]+")
_NON_CJK = r"[^\W_\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
# A separator with a non-CJK word character on both sides (`we will`, `6222 0201`).
_NON_CJK_GAP = re.compile(_NON_CJK + r"[\W_]+" + _NON_CJK)


def _joined(norm: str, s: int, e: int) -> bool:
    """Is the separator norm[s:e] between two tokens dropped (rather than one space)?"""
    a, b = norm[s - 1], norm[e]
    if is_cjk(a) or is_cjk(b):
        return True
    if (
        _single(norm, s - 1)
        and _single(norm, e)
        and _SPELL_SEP.fullmatch(norm, s, e)
        and (
            _spelled_neighbour(norm, s - 1, -1, norm[s:e])
            or _spelled_neighbour(norm, e, 1, norm[s:e])
        )
    ):
        return True  # a run of three or more single letters or digits: `l a o`, `i-d-i-o-t`
    return a.isdigit() and b.isdigit() and e - s == 1 and norm[s] in " -"


def _single(norm: str, i: int) -> bool:
    """Is norm[i] a one-character token (separators or text edges on both sides)?"""
    return (i == 0 or _SEP_CHAR.match(norm, i - 1) is not None) and (
        i + 1 >= len(norm) or _SEP_CHAR.match(norm, i + 1) is not None
    )


def _spelled_neighbour(norm: str, i: int, step: int, sep: str) -> bool:
    """Is the single token at i joined by the same separator `sep` to another single token?"""
    j = i + step
    while 0 <= j < len(norm) and _SEP_CHAR.match(norm, j):
        j += step
    if not 0 <= j < len(norm) or is_cjk(norm[j]) or not _single(norm, j):
        return False
    a, b = (j + 1, i) if step < 0 else (i + 1, j)
    return norm[a:b] == sep


def _sep(m: re.Match) -> str:
    s, e = m.span()
    if s == 0 or e == len(m.string):
        return ""
    return "" if _joined(m.string, s, e) else " "


def _compact_index(norm: str, upto: int | None = None) -> tuple[int, ...]:
    """Offsets in `norm` of the compact form's characters (all, or at least the first `upto`)."""
    index: list[int] = []
    limit = len(norm) + 1 if upto is None else upto
    if not _NON_CJK_GAP.search(norm):
        for m in _WORD.finditer(norm):
            index.extend(range(*m.span()))
            if len(index) >= limit:
                break
        return tuple(index)
    prev_end = -1
    prev_long = False
    for m in _WORD.finditer(norm):
        s, e = m.span()
        long_word = e - s > 1 and norm[s].isascii() and norm[s].isalpha()
        if prev_end >= 0:
            # fast path, as in `_SEP_BUSY`: one space between two words stays a space
            plain = prev_long and long_word and s - prev_end == 1 and norm[prev_end] == " "
            if plain or not _joined(norm, prev_end, s):
                index.append(prev_end)
        prev_long = long_word and norm[e - 1].isascii() and norm[e - 1].isalpha()
        index.extend(range(s, e))
        prev_end = e
        if len(index) >= limit:
            break
    return tuple(index)
