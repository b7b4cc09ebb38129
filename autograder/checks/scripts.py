"""Checks of written call scripts: elements, a dated promise inside the policy window, no flags.

Every check takes the learner's answer and the call's time, asks the review engine
(`autograder.review.review`) and returns a CheckResult whose notes repeat the engine's report:
each flag with its rule, why and a compliant alternative; the commitment found or missing; the
script elements present or missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from autograder.checks.messages import (
    CATEGORY_NAMES,
    ELEMENT_NAMES,
    split_bilingual,
    text,
)
from autograder.checks.result import CheckResult, Note

__all__ = [
    "FLAG_COST",
    "PASTE_FACTOR",
    "PART_LIMITS",
    "SCRIPT_LIMITS",
    "check_excuse_answers",
    "check_part",
    "check_script",
    "check_windows",
    "flag_notes",
    "policy_window",
    "review_text",
]

PART_LIMITS = (8, 800)  # characters: one part of a call
SCRIPT_LIMITS = (80, 3000)  # characters: a whole call
PASTE_FACTOR = 10  # an answer this many times the length limit earns nothing (and is not reviewed)
FLAG_COST = 0.25  # share of the question's marks each prohibited phrase costs


def policy_window(call_time: datetime, days: int = 2) -> tuple[date, date]:
    """First and last day a promise may fall on: the call's day up to `days` days later."""
    first = call_time.date()
    return first, first + timedelta(days=days)


def review_text(answer: str, at: datetime) -> Any:
    """The engine's ReviewResult for `answer` said at `at` (imported late: it is heavy)."""
    from autograder.review import review

    return review(answer, at=at)


def _note(key: str, ok: bool = False, **values: object) -> Note:
    zh, en = text(key, **values)
    return Note(zh, en, ok)


def flag_notes(flags: Sequence[Any]) -> list[Note]:
    """One note per flag: category, quote, rule, why and a compliant alternative."""
    notes = []
    for f in flags:
        cat_zh, cat_en = CATEGORY_NAMES.get(f.category, (f.category, f.category))
        why_zh, why_en = split_bilingual(f.why)
        sug_zh, sug_en = split_bilingual(f.suggestion)
        where_zh, where_en = text("whole_call") if f.turn < 0 else text("turn_n", n=f.turn)
        zh, en = text(
            "flag",
            cat=cat_zh,
            cat_en=cat_en,
            where=where_zh,
            where_en=where_en,
            quote=f.quote,
            why=why_zh,
            why_en=why_en,
            suggestion=sug_zh,
            suggestion_en=sug_en,
        )
        notes.append(Note(f"{zh}（规则 {f.rule}）", f"{en} (rule {f.rule})"))
    return notes


def _length(answer: str, limits: tuple[int, int]) -> tuple[float, Note]:
    n = len(answer.strip())
    lo, hi = limits
    if n < lo:
        return 0.0, _note("too_short", min=lo, n=n)
    if n > hi:
        return 0.0, _note("too_long", max=hi, n=n)
    return 1.0, _note("length_ok", ok=True, n=n)


def _elements(result: Any, names: Sequence[str]) -> tuple[float, list[Note]]:
    found = {e.name: e for e in result.elements}
    notes, hits = [], 0
    for name in names:
        zh, en = ELEMENT_NAMES[name]
        element = found.get(name)
        if element is not None and element.present:
            hits += 1
            notes.append(Note(text("element_ok", name=zh)[0], text("element_ok", name=en)[1], True))
        else:
            hint_zh, hint_en = split_bilingual(element.hint if element else "")
            missing_zh = text("element_missing", name=zh, hint=hint_zh)[0]
            missing_en = text("element_missing", name=en, hint=hint_en)[1]
            notes.append(Note(missing_zh.rstrip(), missing_en.rstrip()))
    return (hits / len(names) if names else 1.0), notes


def _commitment(result: Any, window: tuple[date, date]) -> tuple[float, Note]:
    c = result.commitment
    first, last = window
    if c is None:
        return 0.0, _note("commitment_missing")
    if not first <= c.due <= last:
        return 0.0, _note("commitment_late", due=c.due, first=first, last=last)
    return 1.0, _note("commitment_ok", ok=True, due=c.due, quote=c.quote, first=first, last=last)


def _flags(result: Any) -> tuple[float, list[Note]]:
    if not result.flags:
        return 0.0, [_note("no_flags", ok=True)]
    notes = flag_notes(result.flags)
    notes.append(_note("flag_cost", pct=round(FLAG_COST * 100), n=len(result.flags)))
    return FLAG_COST * len(result.flags), notes


@dataclass(frozen=True)
class _Weights:
    elements: float
    commitment: float
    length: float


def _grade(
    answer: object,
    *,
    at: datetime,
    question: str,
    elements: Sequence[str],
    limits: tuple[int, int],
    window: tuple[date, date] | None,
    weights: _Weights,
) -> CheckResult:
    if not isinstance(answer, str):
        return CheckResult(question, 0.0, [_note("not_text")])
    if not answer.strip():
        return CheckResult(question, 0.0, [_note("empty")])
    length_score, length_note = _length(answer, limits)
    if len(answer.strip()) > PASTE_FACTOR * limits[1]:  # a paste, not an answer: no credit
        return CheckResult(question, 0.0, [length_note])
    result = review_text(answer, at)
    element_score, notes = _elements(result, elements)
    score = weights.elements * element_score + weights.length * length_score
    if window is not None:
        commitment_score, commitment_note = _commitment(result, window)
        score += weights.commitment * commitment_score
        notes.append(commitment_note)
    penalty, flag_note_list = _flags(result)
    notes = flag_note_list + notes + [length_note]
    return CheckResult(question, round(max(0.0, min(1.0, score - penalty)), 4), notes)


def check_part(
    answer: object,
    *,
    at: datetime,
    elements: Sequence[str],
    question: str,
    window: tuple[date, date] | None = None,
) -> CheckResult:
    """One part of a call: the named elements present, no flags, a sensible length.

    With `window`, the part must also state a promise dated inside it (e.g. the recap).
    """
    weights = _Weights(0.6, 0.3, 0.1) if window else _Weights(0.9, 0.0, 0.1)
    return _grade(
        answer,
        at=at,
        question=question,
        elements=elements,
        limits=PART_LIMITS,
        window=window,
        weights=weights,
    )


def check_script(
    answer: object, *, at: datetime, question: str, window_days: int = 2
) -> CheckResult:
    """A whole call: all seven elements, a dated promise inside the window, no flags."""
    from autograder.review.model import ELEMENTS

    return _grade(
        answer,
        at=at,
        question=question,
        elements=ELEMENTS,
        limits=SCRIPT_LIMITS,
        window=policy_window(at, window_days),
        weights=_Weights(0.55, 0.35, 0.10),
    )


def meets_excuse(excuse_id: str, answer: str) -> bool:
    """Whether an answer uses a cue of that excuse's strategy (the cues assignment 03 grades
    its responses by: checks/excuses.yaml `response_cues`), in any script."""
    from autograder.checks.excuse_responses import has_any
    from autograder.checks.excuses import catalogue

    return has_any(answer, catalogue()["response_cues"].get(excuse_id, []))


def strategy_of(excuse_id: str) -> tuple[str, str]:
    """The taxonomy's bilingual strategy for an excuse (what a good answer does)."""
    from course.taxonomy import taxonomy_raw

    for entry in taxonomy_raw()["excuses"]:
        if entry["id"] == excuse_id:
            return entry["strategy"]["zh"], entry["strategy"]["en"]
    return "", ""


def check_excuse_answers(
    answers: object, excuse_ids: Sequence[str], *, at: datetime, question: str
) -> CheckResult:
    """Answers to given excuses: each present, lawful, brief, and steering back to a day."""
    if not isinstance(answers, Mapping):
        return CheckResult(question, 0.0, [_note("not_mapping", ids=", ".join(excuse_ids))])
    notes: list[Note] = []
    total = 0.0
    for excuse_id in excuse_ids:
        answer = answers.get(excuse_id)
        if answer is None:
            notes.append(_note("excuse_missing", id=excuse_id))
            continue
        part = check_part(answer, at=at, elements=(), question=question)
        prefix_zh, prefix_en = text("excuse_prefix", id=excuse_id)
        notes += [Note(prefix_zh + n.zh, prefix_en + n.en, n.ok) for n in part.notes]
        if part.fraction == 0.0:
            continue
        result = review_text(answer, at)
        meets = meets_excuse(excuse_id, answer)
        if meets:
            notes.append(_note("excuse_strategy_ok", ok=True, id=excuse_id))
        else:
            zh, en = strategy_of(excuse_id)
            notes.append(_note("excuse_no_strategy", id=excuse_id, strategy_zh=zh, strategy_en=en))
        to_day = any(e.name == "closed_question_day" and e.present for e in result.elements)
        to_day = to_day or result.commitment is not None
        notes.append(_note("excuse_day_ok" if to_day else "excuse_no_day", ok=to_day, id=excuse_id))
        # lawful and of a sane length 40%, meets this excuse 30%, steers back to a day 30%
        total += part.fraction * (0.4 + 0.3 * meets + 0.3 * to_day)
    unknown = [repr(k) for k in answers if k not in excuse_ids]
    if unknown and any(answers.get(i) is None for i in excuse_ids):
        keys, ids = ", ".join(unknown), ", ".join(excuse_ids)
        notes.insert(0, _note("excuse_unknown_keys", keys=keys, ids=ids))
    return CheckResult(question, round(total / len(excuse_ids), 4), notes)


def check_windows(
    answer: object, call_times: Mapping[str, datetime], *, question: str, days: int = 2
) -> CheckResult:
    """The last day of each account's policy window (account id -> datetime.date)."""
    if not isinstance(answer, Mapping):
        return CheckResult(question, 0.0, [_note("window_not_mapping", ids=", ".join(call_times))])
    notes, right = [], 0
    for account_id, call_time in call_times.items():
        given = answer.get(account_id)
        last = policy_window(call_time, days)[1]
        if given is None:
            notes.append(_note("window_missing", id=account_id))
        elif isinstance(given, datetime) or not isinstance(given, date):
            notes.append(_note("window_type", id=account_id, given=repr(given)[:40]))
        elif given == last:
            right += 1
            notes.append(_note("window_ok", ok=True, id=account_id, last=last))
        else:
            notes.append(_note("window_wrong", id=account_id, given=given))
    return CheckResult(question, round(right / len(call_times), 4), notes)
