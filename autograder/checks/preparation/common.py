"""Shared helpers of the 01-account-preparation checks: note catalog, quiet calls, results."""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import yaml

from autograder.checks.preparation import reference as ref
from autograder.checks.result import CheckResult, Note


@cache
def _catalog() -> dict[str, dict[str, str]]:
    path = resources.files("autograder.checks.preparation") / "notes.yaml"
    with path.open("r", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def note(key: str, /, ok: bool = False, **values: Any) -> Note:
    """The catalogued bilingual note `key`, with {placeholders} filled from `values`."""
    entry = _catalog()[key]
    return Note(entry["zh"].format(**values), entry["en"].format(**values), ok=ok)


def call_quietly(func: Callable, *args: Any) -> tuple[Any, str | None]:
    """Call learner code with warnings and stderr silenced (nbgrader scores stderr as zero)."""
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        try:
            return func(*args), None
        except Exception as exc:  # the learner's code may fail in any way
            return None, f"{type(exc).__name__}: {exc}"[:200]


def result(question: str, fraction: float, notes: list[Note]) -> CheckResult:
    fraction = round(min(max(float(fraction), 0.0), 1.0), 4)
    if fraction >= 1.0 and not notes:
        notes = [note("all_correct", ok=True)]
    return CheckResult(question, fraction, notes)


def not_function(question: str, func: Any, name: str) -> CheckResult | None:
    if callable(func):
        return None
    return result(question, 0.0, [note("not_callable", name=name)])


def reference() -> tuple[pd.DataFrame, pd.DataFrame]:
    return ref.reference(ref.SEED, ref.N)


def number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def as_numbers(value: Any, length: int) -> np.ndarray | None:
    try:
        array = np.asarray(value, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return None
    return array if len(array) == length else None
