"""Helpers for the bulk-grading tests: course copies, tree digests, normalised notebooks."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from coursekit import TempCourse

ASSIGNMENT = "00-welcome"


def copy_course(template: TempCourse, dest: Path) -> TempCourse:
    """A copy of a generated course (source, release, gradebook) with its own gradebook URL."""
    shutil.copytree(template.root, dest)
    course = TempCourse.__new__(TempCourse)
    course.root = Path(dest)
    course.db_url = "sqlite:///" + str(course.root / "gradebook.db")
    return course


def tree_digest(root: Path) -> str:
    """Hash of every path, mode and byte under root: any change to the tree changes it."""
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in sorted(os.walk(root)):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            digest.update(str(path.relative_to(root)).encode())
            digest.update(oct(path.stat().st_mode).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def grade(course: TempCourse, **kwargs) -> int:
    """Run `autograder grade` in-process on the course (one worker unless told)."""
    from autograder.grade.command import main

    kwargs.setdefault("workers", 1)
    kwargs.setdefault("progress", False)
    return main(assignment=ASSIGNMENT, course_dir=str(course.root), db=course.db_url, **kwargs)


def log_entries(course: TempCourse) -> dict:
    path = course.root / "autograded" / "_log" / f"{ASSIGNMENT}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def autograded(course: TempCourse, student: str) -> Path:
    return course.root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"


def normalised(path: Path) -> dict:
    """The notebook minus what legitimately differs between two runs: ids and timings."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        cell.pop("id", None)
        cell.get("metadata", {}).pop("execution", None)
    return nb


def comments(course: TempCourse) -> dict:
    """student -> {grade_id: (auto_comment, needs_manual_grade)} from the gradebook."""
    from nbgrader.api import Gradebook

    out: dict = {}
    with Gradebook(course.db_url) as gb:
        for sub in gb.assignment_submissions(ASSIGNMENT):
            per = {}
            for nb in sub.notebooks:
                for c in nb.comments:
                    per[c.name] = c.auto_comment
                for g in nb.grades:
                    per[g.name + ":manual"] = g.needs_manual_grade
            out[sub.student.id] = per
    return out
