"""Checks of the compliance-review assignment: turn labels, rewrites, regulations, lawful calls.

Scores compare the learner's answer with a key that the caller passes in (it lives only in the
hidden tests). Notes give counts, precision and recall, never the labels the learner missed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from autograder.checks.messages import text
from autograder.checks.result import CheckResult, Note
from autograder.checks.scripts import PART_LIMITS, flag_notes, review_text

__all__ = [
    "Label",
    "LabelError",
    "check_labels",
    "check_rewrite",
    "label_set",
    "read_labels",
    "score_labels",
    "score_lawful",
    "score_mapping",
]

Label = tuple[str, int, str]  # (transcript id, turn index, category id)

# What each rewrite must still do: an engine element, or a call-back request to a third party.
JOB_ELEMENTS = {
    "ask_day": "closed_question_day",
    "identify": "self_identification",
    "verify": "right_party_check",
    "recap": "recap",
}
CALL_BACK = re.compile(
    r"回电|回電|回个电话|回個電話|回复电话|回覆電話|致电|致電|联系我们|聯繫我們|聯絡我們|"
    r"\bcall (us|me) back\b|\bcall back\b|\breturn (our|my|the) call\b|\bgive (us|me) a call\b",
    re.I,
)


class LabelError(ValueError):
    """A label answer that cannot be read; the message is bilingual."""


def _note(msg: str, ok: bool = False, **values: object) -> Note:
    zh, en = text(msg, **values)
    return Note(zh, en, ok)


def _categories() -> tuple[str, ...]:
    from autograder.review.model import CATEGORIES

    return CATEGORIES


def _error(msg: str, **values: object) -> LabelError:
    zh, en = text(msg, **values)
    return LabelError(f"{zh} / {en}")


def _rows(labels: Any) -> Iterable[tuple[Any, Any, Any]]:
    columns = getattr(labels, "columns", None)
    if columns is not None:  # a pandas DataFrame
        names = {str(c).lower(): c for c in columns}
        tid = names.get("transcript") or names.get("transcript_id")
        turn = names.get("turn") or names.get("turn_index")
        cat = names.get("category") or names.get("categories")
        if tid is None or turn is None or cat is None:
            raise _error("labels_type")
        return zip(labels[tid], labels[turn], labels[cat], strict=True)
    if not isinstance(labels, Mapping):
        raise _error("labels_type")
    rows = []
    for key, cats in labels.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            raise _error("labels_bad_key", key=key)
        rows.append((key[0], key[1], cats))
    return rows


def read_labels(
    labels: Any, transcripts: Mapping[str, Any]
) -> tuple[set[Label], list[tuple[str | None, LabelError]]]:
    """The readable labels, and one error per unreadable row with the transcript it names.

    A typo in one row (an unknown category, a turn out of range) loses that row only, never
    the others. Raises LabelError when the answer as a whole is neither a dict nor a table.
    """
    out: set[Label] = set()
    errors: list[tuple[str | None, LabelError]] = []
    allowed = _categories()
    for tid, turn, cats in _rows(labels):
        try:
            turn = _turn(tid, turn, transcripts)
        except LabelError as exc:
            known = tid if isinstance(tid, str) and tid in transcripts else None
            errors.append((known, exc))
            continue
        for cat in _category_list(cats, allowed, errors, tid):
            if cat in allowed:
                out.add((tid, turn, cat))
            else:
                errors.append((tid, _error("labels_bad_category", cat=cat, ids=", ".join(allowed))))
    return out, errors


def label_set(labels: Any, transcripts: Mapping[str, Any]) -> set[Label]:
    """The learner's labels as (transcript id, turn, category) triples, checked against the data.

    `transcripts` maps ids to objects with `.turns`. A turn of -1 (the call as a whole, e.g.
    its hour) counts as the collector's first turn. Raises LabelError for unreadable answers.
    """
    found, errors = read_labels(labels, transcripts)
    if errors:
        raise errors[0][1]
    return found


def _turn(tid: Any, turn: Any, transcripts: Mapping[str, Any]) -> int:
    if not isinstance(tid, str) or tid not in transcripts:
        raise _error("labels_bad_transcript", tid=tid)
    n_turns = len(transcripts[tid].turns)
    if isinstance(turn, bool) or not isinstance(turn, int) and not hasattr(turn, "__index__"):
        raise _error("labels_bad_key", key=(tid, turn))
    turn = int(turn)
    if turn == -1:
        turn = _first_collector_turn(transcripts[tid])
    if not 0 <= turn < n_turns:
        raise _error("labels_bad_turn", tid=tid, turn=turn, last=n_turns - 1)
    return turn


def _error_notes(
    errors: list[tuple[str | None, LabelError]], shown: Mapping[str, Any]
) -> list[Note]:
    """Notes for the unreadable rows of this group (and rows naming no known transcript)."""
    notes = []
    for tid, exc in errors:
        if tid is None or tid in shown:
            zh, _, en = str(exc).partition(" / ")
            notes.append(Note(zh, en))
    return notes


def _category_list(
    cats: Any, allowed: tuple[str, ...], errors: list[tuple[str | None, LabelError]], tid: str
) -> list[Any]:
    """The categories given for one turn: a single id, or a set/list/tuple of ids."""
    if cats is None:
        return []
    if isinstance(cats, str):
        return [cats]
    if isinstance(cats, (set, frozenset, list, tuple, dict)):
        return [c if isinstance(c, str) else repr(c) for c in cats]
    errors.append((tid, _error("labels_bad_category", cat=cats, ids=", ".join(allowed))))
    return []


def _speakers(transcript: Any) -> list[str]:
    result = review_text(transcript.text, transcript.at)
    return [t.speaker for t in result.turns]


def _first_collector_turn(transcript: Any) -> int:
    from autograder.review.model import COLLECTOR

    speakers = _speakers(transcript)
    return speakers.index(COLLECTOR) if COLLECTOR in speakers else 0


def _in_group(transcripts: Mapping[str, Any], group: str | None) -> dict[str, Any]:
    return {k: t for k, t in transcripts.items() if group is None or t.group == group}


def check_labels(
    labels: Any, transcripts: Mapping[str, Any], *, question: str, group: str | None = None
) -> CheckResult:
    """Instant check of the label answer: readable, ids and turns exist, counts by group.

    `transcripts` holds every transcript (labels are checked against all of them); with `group`,
    only that group's counts are reported and it must hold at least one label.
    """
    try:
        found, errors = read_labels(labels, transcripts)
    except LabelError as exc:
        zh, _, en = str(exc).partition(" / ")
        return CheckResult(question, 0.0, [Note(zh, en)])
    from autograder.review.model import COLLECTOR

    groups: dict[str, list[Label]] = {}
    shown = _in_group(transcripts, group)
    notes = _error_notes(errors, shown)
    found = {label for label in found if label[0] in shown}
    for t in shown.values():
        groups.setdefault(t.group, [])
    for label in found:
        groups[transcripts[label[0]].group].append(label)
    for group, labels_ in groups.items():
        n_turns = len({(tid, turn) for tid, turn, _ in labels_})
        notes.append(
            _note("labels_counts", ok=bool(labels_), group=group, n_turns=n_turns, n=len(labels_))
        )
    speakers = {
        tid: _speakers(t)
        for tid, t in transcripts.items()
        if any(label[0] == tid for label in found)
    }
    off = {(tid, turn) for tid, turn, _ in found if speakers[tid][turn] != COLLECTOR}
    if off:
        notes.append(_note("labels_not_collector", n=len(off)))
    return CheckResult(question, 1.0 if found else 0.0, notes)


def score_labels(
    labels: Any,
    key: set[Label],
    transcripts: Mapping[str, Any],
    *,
    question: str,
    group: str | None = None,
) -> CheckResult:
    """F1 of the learner's labels on one group of `transcripts` (all when None) against `key`."""
    try:
        chosen, errors = read_labels(labels, transcripts)
    except LabelError as exc:
        zh, _, en = str(exc).partition(" / ")
        return CheckResult(question, 0.0, [Note(zh, en)])
    shown = _in_group(transcripts, group)
    unreadable = _error_notes(errors, shown)
    chosen = {lab for lab in chosen if lab[0] in shown}
    key = {lab for lab in key if lab[0] in shown}
    if not chosen:
        return CheckResult(question, 0.0, [*unreadable, _note("labels_empty")])
    hit = len(chosen & key)
    precision = hit / len(chosen)
    recall = hit / len(key) if key else 1.0
    f1 = 0.0 if hit == 0 else 2 * precision * recall / (precision + recall)
    notes = [
        _note(
            "labels_score",
            ok=f1 == 1.0,
            precision=precision,
            recall=recall,
            f1=f1,
            hit=hit,
            n=len(chosen),
            total=len(key),
        )
    ]
    if len(chosen) > hit:
        notes.append(_note("labels_precision_hint", k=len(chosen) - hit))
    if len(key) > hit:
        notes.append(_note("labels_recall_hint", k=len(key) - hit))
    if f1 == 1.0:
        notes.append(_note("labels_all", ok=True))
    return CheckResult(question, round(f1, 4), unreadable + notes)


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKC", value)
    value = re.sub(r"^\s*\S{1,12}[:：]", "", value)  # a speaker tag
    return re.sub(r"[\s\W_]+", "", value).lower()


def check_rewrite(answer: object, task: Any, *, question: str) -> CheckResult:
    """A rewritten turn: no flags from the engine (half) and the turn still does its job (half).

    `task` has `.original`, `.at`, `.job` (ask_day, call_back, identify, recap, verify) and
    `.job_zh` / `.job_en`.
    """
    if not isinstance(answer, str):
        return CheckResult(question, 0.0, [_note("not_text")])
    if not answer.strip():
        return CheckResult(question, 0.0, [_note("empty")])
    n, (lo, hi) = len(answer.strip()), PART_LIMITS
    if n < lo:
        return CheckResult(question, 0.0, [_note("too_short", min=lo, n=n)])
    if n > hi:
        return CheckResult(question, 0.0, [_note("too_long", max=hi, n=n)])
    if _plain(answer) == _plain(task.original):
        return CheckResult(question, 0.0, [_note("rewrite_same")])
    result = review_text(answer, task.at)
    notes = flag_notes(result.flags) if result.flags else [_note("rewrite_clean", ok=True)]
    score = 0.0 if result.flags else 0.5
    if task.job == "call_back":
        done = bool(CALL_BACK.search(answer))
    else:
        element = JOB_ELEMENTS[task.job]
        done = any(e.name == element and e.present for e in result.elements)
        if task.job == "ask_day":
            done = done or result.commitment is not None
    zh, en = text("rewrite_job_ok" if done else "rewrite_job_missing", job="{job}")
    notes.append(Note(zh.format(job=task.job_zh), en.format(job=task.job_en), done))
    return CheckResult(question, score + (0.5 if done else 0.0), notes)


def score_mapping(
    answer: object, key: Mapping[str, str], regulation_ids: Iterable[str], *, question: str
) -> CheckResult:
    """Category -> regulation matches: the share of the key's categories matched right."""
    if not isinstance(answer, Mapping):
        return CheckResult(question, 0.0, [_note("mapping_type")])
    valid = set(regulation_ids)
    notes = []
    for cat, reg in answer.items():
        if cat not in key:
            notes.append(_note("mapping_bad_category", cat=cat))
        elif reg not in valid:
            notes.append(_note("mapping_bad_regulation", cat=cat, reg=reg))
    right = sum(1 for cat, reg in key.items() if answer.get(cat) == reg)
    missing = sum(1 for cat in key if cat not in answer)
    if missing:
        notes.append(_note("mapping_missing", k=missing))
    notes.append(_note("mapping_score", ok=right == len(key), right=right, total=len(key)))
    return CheckResult(question, round(right / len(key), 4), notes)


def score_lawful(
    answer: object, key: set[str], transcript_ids: Iterable[str], *, question: str
) -> CheckResult:
    """The set of wholly lawful calls, scored by F1 against `key`."""
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return CheckResult(question, 0.0, [_note("lawful_type")])
    try:
        chosen, valid = set(answer), set(transcript_ids)
    except TypeError:  # a list inside the list
        return CheckResult(question, 0.0, [_note("lawful_type")])
    bad = sorted(str(t) for t in chosen - valid)
    if bad:
        return CheckResult(question, 0.0, [_note("lawful_bad_id", tid=bad[0])])
    hit = len(chosen & key)
    f1 = 0.0 if hit == 0 else 2 * hit / (len(chosen) + len(key))
    note = _note("lawful_score", ok=f1 == 1.0, n=len(chosen), hit=hit, total=len(key))
    return CheckResult(question, round(f1, 4), [note])
