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


def _char_norm(ch: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", ch)).lower()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching; positions map back to `text` through `Normalized.orig`."""
    if not text:
        return Normalized("", None)
    fast = unicodedata.is_normalized("NFKC", text)
    if fast:
        out = to_simplified(text).lower()
        if len(out) == len(text):
            out = _CONTROL.sub(" ", out)
            return Normalized(out, None)
    # Slow path: some character changes length under NFKC, t2s or lower(); map char by char.
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = _char_norm(ch) if ord(ch) > 127 or ch.isupper() else ch
        n = _CONTROL.sub(" ", n)
        parts.append(n)
        index.extend([i] * len(n))
    return Normalized("".join(parts), tuple(index))


@dataclass(frozen=True)
class Compact:
    """Matching form: words only, CJK runs joined, spaced-out letters joined (`老 赖` → `老赖`)."""

    text: str
    index: tuple[int, ...]  # offset in the normalised text of every character

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised-text span of compact span [start, end)."""
        if not self.index or start >= end:
            return (0, 0)
        return self.index[start], self.index[end - 1] + 1


_WORD = re.compile(r"[^\W_]+")


def compact(norm: str) -> Compact:
    """Drop separators inside CJK text and inside spelled-out words; single spaces elsewhere."""
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(norm)]
    out: list[str] = []
    index: list[int] = []
    prev_end = -1
    prev_single = False
    for s, e in tokens:
        tok = norm[s:e]
        single = e - s == 1 and not is_cjk(tok)
        if out:
            joined = (
                is_cjk(norm[prev_end - 1])
                or is_cjk(tok[0])
                or (single and prev_single)  # spelled-out word: `l a o`, `i.d.i.o.t`
                or (
                    norm[prev_end - 1].isdigit()
                    and tok[0].isdigit()
                    and s - prev_end == 1
                    and norm[prev_end] in " -"
                )
            )
            if not joined:
                out.append(" ")
                index.append(prev_end)
        out.append(tok)
        index.extend(range(s, e))
        prev_end = e
        prev_single = single
    return Compact("".join(out), tuple(index))
