"""Checks for assignment 03 (excuse classification): data exploration, rules, model, predictions.

Every check takes the learner's answer as an argument and returns a CheckResult. Answer keys
(the test split's labels) are never stored here: hidden tests pass them in as `key`.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml

from autograder.checks.result import CheckResult, Note

# Accuracy on the hidden split -> fraction of credit, best tier first.
RULE_TIERS: tuple[tuple[float, float], ...] = ((0.50, 1.0), (0.40, 2 / 3), (0.25, 1 / 3))
MODEL_TIERS: tuple[tuple[float, float], ...] = ((0.75, 1.0), (0.65, 2 / 3), (0.55, 1 / 3))
MIN_TRAIN_ACCURACY = 0.9  # a fitted character n-gram model nearly memorises the train split


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Any]:
    """The bilingual feedback catalogue (excuses.yaml next to this module)."""
    path = resources.files("autograder.checks").joinpath("excuses.yaml")
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def note(name: str, /, ok: bool = False, **fields: Any) -> Note:
    """A Note from the catalogue entry `name`, with `fields` filled into both languages."""
    entry = catalogue()["notes"][name]
    return Note(entry["zh"].format(**fields), entry["en"].format(**fields), ok)


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Run learner code without warnings or stderr: nbgrader scores any stderr output as zero."""
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def _course() -> Any:
    import course

    return course


def decode_key(key: str) -> dict[str, str]:
    """Test id -> label from a key string: one letter per test row (a = first excuse id, ...)."""
    ids = _course().load_excuses("test")["id"].tolist()
    labels = _course().excuse_ids()
    if len(key) != len(ids):
        raise ValueError(f"key has {len(key)} letters but the test split has {len(ids)} rows")
    return {i: labels[ord(c) - ord("a")] for i, c in zip(ids, key, strict=True)}


def tier_fraction(accuracy: float, tiers: Sequence[tuple[float, float]]) -> float:
    """The credit earned by `accuracy` under `tiers` ((threshold, fraction), best first)."""
    for threshold, fraction in tiers:
        if accuracy >= threshold:
            return fraction
    return 0.0


def _tiers_text(tiers: Sequence[tuple[float, float]]) -> str:
    return ", ".join(f"≥{t:.0%}→{f:.0%}" for t, f in tiers)


def recall_by_class(truth: Sequence[str], predicted: Sequence[str]) -> pd.Series:
    """Per-class recall: the share of each true class predicted right."""
    frame = pd.DataFrame(
        {"truth": list(truth), "ok": [t == p for t, p in zip(truth, predicted, strict=True)]}
    )
    return frame.groupby("truth")["ok"].mean().reindex(_course().excuse_ids())


def _accuracy_notes(truth: list[str], predicted: list[str], tiers, hint: str) -> CheckResult:
    acc = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)
    fraction = tier_fraction(acc, tiers)
    recalls = recall_by_class(truth, predicted)
    text = ", ".join(f"{k} {v:.2f}" for k, v in recalls.items())
    notes = [
        note("hidden_accuracy", ok=fraction == 1.0, acc=acc, tiers=_tiers_text(tiers)),
        note("per_class_recall", ok=fraction == 1.0, recalls=text),
    ]
    if fraction < 1.0:
        notes.append(note(hint))
    return CheckResult("", fraction, notes)


def is_label(value: Any, valid: set[str]) -> bool:
    """Whether `value` is one of the excuse ids (a list, dict or None is not, and never raises)."""
    return isinstance(value, str) and value in valid


def _apply(fn: Callable[[str], Any], texts: Sequence[str], name: str) -> tuple[list, list[Note]]:
    """Call `fn` on every text; wrong outputs and errors become notes (first of each kind)."""
    valid = set(_course().excuse_ids())
    out, notes = [], []
    for text in texts:
        try:
            with quiet():
                label = fn(text)
        except Exception as exc:  # learner code: report, never crash the grade cell
            label = None
            if not any("raised" in n.en for n in notes):
                notes.append(note("raised", name=name, text=text, error=type(exc).__name__))
        if label is not None and not is_label(label, valid):
            if not any("taxonomy" in n.en for n in notes):
                notes.append(note("invalid_label", name=name, label=label))
            label = None  # a list or a DataFrame cannot be compared with the key's labels
        out.append(label)
    return out, notes


def check_counts(counts: Any) -> CheckResult:
    """q1_1: sentences per excuse id and script in the train split."""
    if not isinstance(counts, pd.DataFrame):
        return CheckResult("q1_1", 0.0, [note("counts_type")])
    train = _course().load_excuses("train")
    want = pd.crosstab(train["label"], train["lang"])
    if set(counts.index) != set(want.index) or set(counts.columns) != set(want.columns):
        return CheckResult("q1_1", 0.0, [note("counts_shape")])
    got = counts.loc[want.index, want.columns]
    wrong = [(r, c) for r in want.index for c in want.columns if got.at[r, c] != want.at[r, c]]
    if wrong:
        cells = len(want.index) * len(want.columns)
        fraction = 1 - len(wrong) / cells
        return CheckResult(
            "q1_1", round(fraction, 4), [note("counts_wrong", n=len(wrong), cell=wrong[0])]
        )
    return CheckResult("q1_1", 1.0, [note("counts_ok", ok=True)])


NORMALIZE_CASES: tuple[tuple[str, str], ...] = (
    ("我還沒領薪水", "我还没领薪水"),
    ("  I FORGOT the Bill  ", "i forgot the bill"),
    ("繳費通知寄到舊地址", "缴费通知寄到旧地址"),
    ("ATM把卡吃掉了", "atm把卡吃掉了"),
    ("你們是詐騙集團吧？", "你们是诈骗集团吧？"),
    ("已经是简体", "已经是简体"),
)


def check_normalize(fn: Any) -> CheckResult:
    """q1_2: normalize_text folds Traditional to Simplified, lower-cases and strips."""
    if not callable(fn):
        return CheckResult("q1_2", 0.0, [note("not_callable", name="normalize_text")])
    wrong = []
    for case, want in NORMALIZE_CASES:
        try:
            with quiet():
                got = fn(case)
        except Exception as exc:
            got = f"<{type(exc).__name__}>"
        if not (isinstance(got, str) and got == want):
            wrong.append(note("normalize_wrong", case=case, got=got, want=want))
    fraction = 1 - len(wrong) / len(NORMALIZE_CASES)
    return CheckResult("q1_2", round(fraction, 4), wrong[:2] or [note("normalize_ok", ok=True)])


def check_rules(fn: Any, key: str | None = None) -> CheckResult:
    """q2_1: classify_rules gives a valid id for every text; with `key`, its hidden accuracy."""
    if not callable(fn):
        return CheckResult("q2_1", 0.0, [note("not_callable", name="classify_rules")])
    split = "test" if key else "train"
    frame = _course().load_excuses(split)
    predicted, notes = _apply(fn, frame["text"].tolist(), "classify_rules")
    if key is None:
        acc = (pd.Series(predicted, dtype=object) == frame["label"]).mean()
        fraction = 0.0 if notes else 1.0
        notes = notes or [note("labels_ok", ok=True)]
        return CheckResult("q2_1", fraction, [*notes, note("train_accuracy", ok=True, acc=acc)])
    truth = decode_key(key)
    graded = _accuracy_notes(
        [truth[i] for i in frame["id"]], predicted, RULE_TIERS, "improve_rules"
    )
    return CheckResult("q2_1", graded.fraction, notes + graded.notes)


def check_recall(confusion: Any, recall: Any, fn: Any) -> CheckResult:
    """q2_2: the confusion crosstab and per-class recall of the learner's own rules on train."""
    train = _course().load_excuses("train")
    if not callable(fn):
        return CheckResult("q2_2", 0.0, [note("not_callable", name="classify_rules")])
    predicted, notes = _apply(fn, train["text"].tolist(), "classify_rules")
    score = 0.0
    sizes = train["label"].value_counts()
    if not isinstance(confusion, pd.DataFrame):
        notes.append(note("confusion_type"))
    elif (
        set(confusion.index) != set(sizes.index)
        or not (confusion.sum(axis=1).reindex(sizes.index) == sizes).all()
    ):
        notes.append(note("confusion_wrong"))
    else:
        score += 0.3
        notes.append(note("confusion_ok", ok=True))
    want = recall_by_class(train["label"].tolist(), predicted)
    if not isinstance(recall, pd.Series) or set(recall.index) != set(want.index):
        notes.append(note("recall_type"))
        return CheckResult("q2_2", score, notes)
    got = pd.to_numeric(recall.reindex(want.index), errors="coerce")
    wrong = [k for k in want.index if not abs(got[k] - want[k]) <= 1e-6]
    score += 0.7 * (1 - len(wrong) / len(want))
    notes.append(
        note("recall_wrong", n=len(wrong), label=wrong[0]) if wrong else note("recall_ok", ok=True)
    )
    return CheckResult("q2_2", round(score, 4), notes)


def _char_vectorizer(model: Any) -> bool:
    from sklearn.feature_extraction.text import TfidfVectorizer

    parts = [model, *(step for _, step in getattr(model, "steps", []))]
    return any(isinstance(p, TfidfVectorizer) and p.analyzer in ("char", "char_wb") for p in parts)


def check_model(model: Any) -> CheckResult:
    """q3_1: a fitted character n-gram model that predicts valid ids for raw texts."""
    train = _course().load_excuses("train")
    if not hasattr(model, "predict"):
        return CheckResult("q3_1", 0.0, [note("model_predict")])
    try:
        with quiet():
            predicted = list(model.predict(train["text"].tolist()))
    except Exception:
        return CheckResult("q3_1", 0.0, [note("model_predict")])
    valid = set(_course().excuse_ids())
    bad = [p for p in predicted if not is_label(p, valid)]
    score, notes = 0.0, []
    if bad:
        notes.append(note("invalid_label", name="model.predict", label=bad[0]))
    else:
        score += 1 / 3
        notes.append(note("labels_ok", ok=True))
    if _char_vectorizer(model):
        score += 1 / 3
        notes.append(note("model_vectorizer_ok", ok=True))
    else:
        notes.append(note("model_vectorizer"))
    acc = float((pd.Series(predicted, dtype=object) == train["label"]).mean())
    if acc >= MIN_TRAIN_ACCURACY:
        score += 1 / 3
        notes.append(note("model_fit_ok", ok=True, acc=acc))
    else:
        notes.append(note("model_fit", acc=acc))
    return CheckResult("q3_1", round(min(score, 1.0), 4), notes)


def as_prediction_dict(predictions: Any) -> dict[str, Any] | CheckResult:
    """A dict id -> label from a dict, or from a sequence aligned with the shipped test texts."""
    ids = _course().load_excuses("test")["id"].tolist()
    if isinstance(predictions, dict):
        return {str(k): v for k, v in predictions.items()}
    if isinstance(predictions, pd.Series) and set(predictions.index) == set(ids):
        return {str(k): v for k, v in predictions.items()}
    if isinstance(predictions, (list, tuple, pd.Series)) or hasattr(predictions, "tolist"):
        values = list(predictions.tolist() if hasattr(predictions, "tolist") else predictions)
        if len(values) != len(ids):
            return CheckResult(
                "q3_2", 0.0, [note("predictions_length", got=len(values), want=len(ids))]
            )
        return dict(zip(ids, values, strict=True))
    return CheckResult("q3_2", 0.0, [note("predictions_type")])


def check_test_predictions(predictions: Any, key: str | None = None) -> CheckResult:
    """q3_2: one valid label per test id; with `key`, credit tiers by hidden accuracy."""
    mapping = as_prediction_dict(predictions)
    if isinstance(mapping, CheckResult):
        return mapping
    ids = _course().load_excuses("test")["id"].tolist()
    missing = [i for i in ids if i not in mapping]
    if missing:
        return CheckResult(
            "q3_2", 0.0, [note("predictions_missing", n=len(missing), example=missing[0])]
        )
    valid = set(_course().excuse_ids())
    bad = [mapping[i] for i in ids if not is_label(mapping[i], valid)]
    if bad:
        return CheckResult(
            "q3_2", 0.0, [note("invalid_label", name="test_predictions", label=bad[0])]
        )
    if key is None:
        return CheckResult("q3_2", 1.0, [note("predictions_ok", ok=True)])
    truth = decode_key(key)
    graded = _accuracy_notes(
        [truth[i] for i in ids], [mapping[i] for i in ids], MODEL_TIERS, "improve_model"
    )
    return CheckResult("q3_2", graded.fraction, graded.notes)
