"""Learners' written texts (scripts, rewrites, transcripts) reviewed by the review engine."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import nbformat

WORDS = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]{2,}")
MIN_CHARS = 12


def _strings(source: str) -> Iterator[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip()
            if len(text) >= MIN_CHARS and len(WORDS.findall(text)) >= 4:
                yield text


def learner_texts(notebook: Path) -> list[str]:
    """String literals a learner wrote in the answer cells of one notebook (prose, not code)."""
    try:
        nb = nbformat.read(str(notebook), as_version=4)
    except Exception:  # a damaged notebook contributes no texts; grading reports it elsewhere
        return []
    texts: list[str] = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            texts.extend(_strings(cell.source))
    return texts


def review_texts(
    autograded_dir: Path,
    assignment: str,
    *,
    at: datetime,
    review: Callable | None = None,
) -> tuple[list[dict], dict[str, bool]]:
    """Review every learner text of `assignment`.

    Returns one row per flag (student, category, rule, quote) and, per learner who wrote any
    text, whether at least one of their texts holds a dated commitment.
    """
    flags: list[dict] = []
    committed: dict[str, bool] = {}
    for student_dir in sorted(p for p in autograded_dir.iterdir() if p.is_dir()):
        folder = student_dir / assignment
        if not folder.is_dir():
            continue
        texts = [t for nb in sorted(folder.glob("*.ipynb")) for t in learner_texts(nb)]
        if not texts:
            continue
        committed[student_dir.name] = False
        if review is None:
            from autograder.review import review
        for text in texts:
            result = review(text, at=at)
            if result.commitment is not None:
                committed[student_dir.name] = True
            for flag in result.flags:
                flags.append(
                    {
                        "student": student_dir.name,
                        "category": flag.category,
                        "rule": flag.rule,
                        "quote": flag.quote,
                    }
                )
    return flags, committed
