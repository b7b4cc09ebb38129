"""Checks for assignment 03, part 4: response strategies and collector lines, via the review engine.

The strategy answer key is passed in by the hidden test (`key`); lawfulness is decided by the
real review engine (`autograder.review`), so these checks agree with what learners see from it.
"""

from __future__ import annotations

from datetime import datetime
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from autograder.checks.excuses import catalogue, note, quiet
from autograder.checks.messages import CATEGORY_NAMES, split_bilingual
from autograder.checks.result import CheckResult, Note

# Reviewed as if said on a Monday morning: inside lawful calling hours everywhere.
REVIEW_AT = datetime(2026, 11, 23, 10, 0)
MAX_RESPONSE_CHARS = 200
MAX_REWRITE_CHARS = 800  # a rewrite is one line, as long as one part of a call (checks.scripts)


def _course() -> Any:
    import course

    return course


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """Simplified, lower-cased text for cue matching (Traditional answers count the same)."""
    return _t2s().convert(text).lower()


def flag_notes(eid: str, flags: list, key: str = "response_flag") -> list[Note]:
    """One note per engine flag: the quote, category, rule and why, then the suggestion."""
    notes = []
    for f in flags:
        category_zh, category_en = CATEGORY_NAMES.get(f.category, (f.category, f.category))
        why_zh, why_en = split_bilingual(f.why)
        suggestion_zh, suggestion_en = split_bilingual(f.suggestion)
        notes.append(
            note(
                key,
                eid=eid,
                quote=f.quote,
                category_zh=category_zh,
                category_en=category_en,
                rule=f.rule,
                why_zh=why_zh,
                why_en=why_en,
                suggestion_zh=suggestion_zh,
                suggestion_en=suggestion_en,
            )
        )
    return notes


def review_flags(text: str) -> list:
    """The review engine's flags for one collector line."""
    from autograder.review import review

    with quiet():
        return list(review(text, at=REVIEW_AT).flags)


def check_strategies(mapping: Any, key: dict[str, str] | None = None) -> CheckResult:
    """q4_1: excuse id -> strategy key from the menu; with `key`, the share matched right."""
    ids = _course().excuse_ids()
    menu = set(_course().response_strategies().index)
    unlawful = catalogue()["unlawful_strategies"]
    if not isinstance(mapping, dict):
        return CheckResult("q4_1", 0.0, [note("strategies_type")])
    missing = [i for i in ids if i not in mapping]
    if missing:
        return CheckResult("q4_1", 0.0, [note("strategies_missing", ids=", ".join(missing))])
    chosen = {i: mapping[i] if isinstance(mapping[i], str) else repr(mapping[i]) for i in ids}
    notes = [note("strategies_unknown", eid=i, key=chosen[i]) for i in ids if chosen[i] not in menu]
    notes += [
        note("strategies_unlawful", eid=i, key=chosen[i], **_why(unlawful[chosen[i]]))
        for i in ids
        if chosen[i] in unlawful
    ]
    if key is None:
        return CheckResult(
            "q4_1", 0.0 if notes else 1.0, notes or [note("strategies_valid", ok=True)]
        )
    right = sum(chosen[i] == key[i] for i in ids)
    if right == len(ids):
        return CheckResult("q4_1", 1.0, [note("strategies_ok", ok=True)])
    notes.append(note("strategies_score", right=right, total=len(ids)))
    return CheckResult("q4_1", round(right / len(ids), 4), notes)


def _why(entry: dict[str, str]) -> dict[str, str]:
    return {"why_zh": entry["zh"], "why_en": entry["en"]}


def has_any(text: str, words: list[str]) -> bool:
    """Whether `text` (any script, any case) contains one of `words`."""
    folded = fold(text)
    return any(w.lower() in folded for w in words)


def score_response(eid: str, text: Any) -> tuple[float, list[Note]]:
    """Credit for one response (0, 0.5 or 1) and the notes explaining it."""
    if not isinstance(text, str) or not text.strip():
        return 0.0, [note("response_missing", eid=eid)]
    if len(text) > MAX_RESPONSE_CHARS:
        return 0.0, [note("response_long", eid=eid, n=len(text), limit=MAX_RESPONSE_CHARS)]
    flags = review_flags(text)
    if flags:
        return 0.0, flag_notes(eid, flags)
    data = catalogue()
    if eid == "wrong_party" and has_any(text, data["disclosure_words"]):
        return 0.0, [note("response_disclosure", eid=eid)]
    row = _course().excuse_taxonomy().loc[eid]
    if text.strip() in (row["example_response_zh"], row["example_response_en"]):
        return 0.5, [note("response_copied", eid=eid)]
    if not has_any(text, data["response_cues"][eid]):
        return 0.5, [
            note(
                "response_cue",
                eid=eid,
                strategy_zh=row["strategy_zh"],
                strategy_en=row["strategy_en"],
            )
        ]
    return 1.0, []


def check_responses(responses: Any) -> CheckResult:
    """q4_2: one lawful collector line per excuse id, following that excuse's strategy."""
    if not isinstance(responses, dict):
        return CheckResult("q4_2", 0.0, [note("responses_type")])
    ids = _course().excuse_ids()
    total, notes = 0.0, []
    for eid in ids:
        points, why = score_response(eid, responses.get(eid))
        total += points
        notes += why
    fraction = round(total / len(ids), 4)
    return CheckResult("q4_2", fraction, notes or [note("responses_ok", ok=True)])


def check_rewrite(original: str, rewrite: Any) -> CheckResult:
    """q4_3: an unlawful line rewritten so the engine finds nothing, keeping lawful pressure."""
    if not isinstance(rewrite, str) or not rewrite.strip():
        return CheckResult("q4_3", 0.0, [note("response_missing", eid="rewrite")])
    if len(rewrite.strip()) > MAX_REWRITE_CHARS:
        n = len(rewrite.strip())
        return CheckResult("q4_3", 0.0, [note("rewrite_long", n=n, limit=MAX_REWRITE_CHARS)])
    if SequenceMatcher(None, fold(original), fold(rewrite)).ratio() > 0.8:
        return CheckResult("q4_3", 0.0, [note("rewrite_same")])
    flags = review_flags(rewrite)
    if flags:
        return CheckResult("q4_3", 0.0, flag_notes("rewrite", flags, key="rewrite_flag"))
    if not has_any(rewrite, catalogue()["pressure_words"]):
        return CheckResult("q4_3", 0.5, [note("rewrite_pressure")])
    return CheckResult("q4_3", 1.0, [note("rewrite_ok", ok=True)])


def flag_report(text: str, label: str = "review") -> CheckResult:
    """The review engine's verdict on one line as a CheckResult: each flag with rule, why, fix."""
    if not isinstance(text, str):
        return CheckResult(label, 0.0, [note("not_text", label=label, kind=type(text).__name__)])
    if len(text.strip()) > MAX_REWRITE_CHARS:  # one line: a longer paste is not reviewed
        n = len(text.strip())
        return CheckResult(
            label, 0.0, [note("response_long", eid=label, n=n, limit=MAX_REWRITE_CHARS)]
        )
    flags = review_flags(text)
    if not flags:
        shown = text if len(text) <= 80 else text[:80] + "…"
        return CheckResult(label, 1.0, [note("no_flags", ok=True, text=shown)])
    return CheckResult(label, 0.0, flag_notes(label, flags))
