"""Test helper: the answer keys of assignment 03, read from the hidden tests of its source notebook.

The keys live nowhere else (not in course/, autograder/ or release/), so tests read them here.
"""

from __future__ import annotations

import ast
import re

import nbformat
from coursekit import HIDDEN_RE, source_notebook

ASSIGNMENT = "03-excuse-classification"
_KEY_RE = re.compile(r'^_KEY = "([a-z]+)"$', re.M)
_STRATEGY_RE = re.compile(r"^_STRATEGY_KEY = (\{.*\})$", re.M)


def hidden_blocks() -> list[str]:
    """The text of every hidden-test block in the source notebook."""
    nb = nbformat.read(str(source_notebook(ASSIGNMENT)), as_version=4)
    return [m.group(0) for c in nb.cells for m in HIDDEN_RE.finditer(c.source)]


def label_key() -> str:
    """The test split's labels as the hidden tests encode them (one letter per test row)."""
    keys = {k for block in hidden_blocks() for k in _KEY_RE.findall(block)}
    assert len(keys) == 1, f"expected one label key in the hidden tests, found {len(keys)}"
    return keys.pop()


def strategy_key() -> dict[str, str]:
    """Excuse id -> strategy key, as the hidden test of q4_1 holds it."""
    found = [m for block in hidden_blocks() for m in _STRATEGY_RE.findall(block)]
    assert len(found) == 1, "expected one strategy key in the hidden tests"
    return ast.literal_eval(found[0])
