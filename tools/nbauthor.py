"""Build nbgrader notebooks in code: markdown, solution, grade and task cells with metadata.

Authors use it to draft a source notebook (then the .ipynb is the truth, edited in JupyterLab
with nbgrader's Create Assignment toolbar); tests use it to build tiny notebooks.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _meta(grade_id: str, *, solution: bool, grade: bool, locked: bool, points: float = 0) -> dict:
    meta = {
        "grade_id": grade_id,
        "solution": solution,
        "grade": grade,
        "locked": locked,
        "schema_version": 3,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def md(text: str, grade_id: str | None = None):
    """A plain markdown cell, or a locked read-only one when `grade_id` is given."""
    cell = new_markdown_cell(text.strip("\n"))
    if grade_id:
        cell.metadata.update(_meta(grade_id, solution=False, grade=False, locked=True))
    return cell


def code(source: str, grade_id: str | None = None):
    """A plain code cell, or a locked read-only one when `grade_id` is given."""
    cell = new_code_cell(source.strip("\n"))
    if grade_id:
        cell.metadata.update(_meta(grade_id, solution=False, grade=False, locked=True))
    return cell


def solution(grade_id: str, source: str):
    """An autograded answer cell: the code between BEGIN/END SOLUTION is removed on release."""
    cell = new_code_cell(source.strip("\n"))
    cell.metadata.update(_meta(grade_id, solution=True, grade=False, locked=False))
    return cell


def tests(grade_id: str, source: str, points: float):
    """An autograder test cell worth `points`; put hidden parts between BEGIN/END HIDDEN TESTS."""
    cell = new_code_cell(source.strip("\n"))
    cell.metadata.update(_meta(grade_id, solution=False, grade=True, locked=True, points=points))
    return cell


def manual(grade_id: str, prompt: str, points: float):
    """A manually graded answer cell (markdown) worth `points`."""
    cell = new_markdown_cell(prompt.strip("\n"))
    cell.metadata.update(_meta(grade_id, solution=True, grade=True, locked=False, points=points))
    return cell


def task(grade_id: str, text: str, points: float):
    """A manually graded task cell (the mark scheme lives in the instructor's copy)."""
    cell = new_markdown_cell(text.strip("\n"))
    meta = _meta(grade_id, solution=False, grade=False, locked=True, points=points)
    meta["nbgrader"]["task"] = True
    meta["nbgrader"]["points"] = points
    cell.metadata.update(meta)
    return cell


def notebook(cells: list) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def write(path: str | Path, cells: list) -> Path:
    """Write a notebook built from `cells` to `path` (parents created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = notebook(cells)
    nbformat.validate(nb)
    nbformat.write(nb, str(path))
    return path
