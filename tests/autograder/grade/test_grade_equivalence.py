"""`autograder grade` gives exactly what stock `nbgrader autograde` gives: scores, notebooks."""

from __future__ import annotations

import pytest
from coursekit import blank_copy, grade_id, solved_copy, with_answers
from gradekit import ASSIGNMENT, autograded, comments, copy_course, grade, normalised
from nbformat.v4 import new_code_cell


def learners() -> dict:
    solved = solved_copy(ASSIGNMENT)
    partial = with_answers(
        solved,
        {
            "q3_answer": "def can_call(hour):\n    return 8 <= hour <= 22",
            "q4_answer": "prohibited = {2, 3, 4}",
            "q1_answer": "dated_commitment = 'A'",
        },
    )
    # a learner reading a data file beside the notebook: kernels run in the notebook's folder
    reader = solved_copy(ASSIGNMENT)
    reader.cells.insert(1, new_code_cell("import os\nprint(open('accounts.csv').read())"))
    # a deleted test cell: both put it back (add_missing_cells in nbgrader_config.py) and run it
    deleter = solved_copy(ASSIGNMENT)
    deleter.cells = [c for c in deleter.cells if grade_id(c) != "q2_1"]
    return {
        "alice": reader,
        "bob": blank_copy(ASSIGNMENT),
        "carol": partial,
        "dave": deleter,
    }


def lateness(course) -> dict:
    """student -> (timestamp, seconds late, late penalty) from the gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url) as gb:
        return {
            sub.student.id: (
                sub.timestamp,
                sub.total_seconds_late,
                [nb.late_submission_penalty for nb in sub.notebooks],
            )
            for sub in gb.assignment_submissions(ASSIGNMENT)
        }


def files(course, student: str) -> dict:
    root = course.root / "autograded" / student / ASSIGNMENT
    return {str(p.relative_to(root)): p.stat().st_mode for p in sorted(root.rglob("*"))}


def setup(course) -> None:
    """The cohort, a late hand-in with an extra file, a data file in source/, a due date."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url) as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate="2026-01-05 00:00:00 UTC")
    (course.root / "source" / ASSIGNMENT / "accounts.csv").write_text("id,dpd\n1,12\n")
    for student, nb in learners().items():
        course.submit(student, ASSIGNMENT, nb)
    carol = course.root / "submitted" / "carol" / ASSIGNMENT
    (carol / "timestamp.txt").write_text("2026-01-06 09:30:00.000000 UTC")
    (carol / "scratch.txt").write_text("my notes\n")


@pytest.mark.slow
def test_scores_comments_and_notebooks_match_stock_autograde(generated, tmp_path):
    stock = copy_course(generated, tmp_path / "stock")
    ours = copy_course(generated, tmp_path / "ours")
    setup(stock)
    setup(ours)
    stock.autograde(ASSIGNMENT)
    assert grade(ours, workers=2) == 0

    expected = stock.scores(ASSIGNMENT)
    assert ours.scores(ASSIGNMENT) == expected
    # the cohort spans full, zero and partial credit, so the comparison means something
    totals = sorted(s["total"] for s in expected.values())
    assert totals[0] == 0 and 0 < totals[1] < totals[2]
    assert expected["dave"]["q2_1"] == 2.0, "the restored test earned its points in stock too"
    assert comments(ours) == comments(stock)
    late = lateness(stock)
    assert late["carol"][1] > 0, "the late hand-in is late"
    assert lateness(ours) == late
    for student in learners():
        assert normalised(autograded(ours, student)) == normalised(autograded(stock, student))
        assert files(ours, student) == files(stock, student)
    assert "accounts.csv" in files(ours, "alice") and "scratch.txt" in files(ours, "carol")
