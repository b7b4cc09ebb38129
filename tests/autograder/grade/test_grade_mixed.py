"""A mixed cohort on two real assignments: good work is fully graded, broken work is reported."""

from __future__ import annotations

import json

import nbformat
import pytest
from coursekit import TempCourse, blank_copy, grade_id, solved_copy
from gradekit import tree_digest

ASSIGNMENTS = ["01-account-preparation", "05-call-simulation"]


def first_test_id(assignment: str) -> str:
    return next(
        grade_id(c)
        for c in blank_copy(assignment).cells
        if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata.nbgrader.get("solution")
    )


def cohort(course: TempCourse, assignment: str) -> str:
    """good, blank, a deleted test cell, malformed JSON, a renamed notebook; the deleted id."""
    course.submit("good", assignment, solved_copy(assignment))
    course.submit("blank", assignment, blank_copy(assignment))
    deleted = first_test_id(assignment)
    nb = solved_copy(assignment)
    nb.cells = [c for c in nb.cells if grade_id(c) != deleted]
    course.submit("deleted", assignment, nb)
    text = nbformat.writes(solved_copy(assignment))
    course.submit("malformed", assignment, blank_copy(assignment)).write_text(text[:5000])
    renamed = course.submit("renamed", assignment, solved_copy(assignment))
    renamed.rename(renamed.with_name("homework-final.ipynb"))
    return deleted


def auto_points(assignment: str) -> float:
    """Points of the autograded tests (manually graded answers are not scored by a run)."""
    return float(
        sum(
            c.metadata.nbgrader.get("points", 0)
            for c in blank_copy(assignment).cells
            if c.cell_type == "code"
            and c.metadata.get("nbgrader", {}).get("grade")
            and not c.metadata.nbgrader.get("solution")
        )
    )


@pytest.mark.slow
def test_mixed_cohort_on_two_real_assignments(tmp_path):
    from autograder.grade.command import main

    course = TempCourse(tmp_path / "course", ASSIGNMENTS)
    for assignment in ASSIGNMENTS:
        course.generate(assignment)
        deleted = cohort(course, assignment)
        before = tree_digest(course.root / "submitted")
        code = main(
            assignment=assignment,
            course_dir=str(course.root),
            db=course.db_url,
            workers=2,
            progress=False,
        )
        assert code == 1, "failed submissions make the exit status 1"
        assert tree_digest(course.root / "submitted") == before
        top = auto_points(assignment)
        scores = course.scores(assignment)
        assert scores["good"]["total"] == top
        assert scores["blank"]["total"] == 0
        assert scores["deleted"]["total"] == top, "the restored test ran against a good answer"
        assert scores["deleted"][deleted] > 0
        log = json.loads((course.root / "autograded" / "_log" / f"{assignment}.json").read_text())
        assert log["malformed"]["status"] == "failed"
        assert "not valid JSON" in log["malformed"]["reason"]
        assert log["renamed"]["status"] == "failed"
        assert "homework-final.ipynb" in log["renamed"]["reason"]
        assert log["deleted"]["status"] == "graded"
        assert f"deleted cells ['{deleted}'] were restored" in " ".join(log["deleted"]["notes"])
        assert "good" not in log and "blank" not in log
