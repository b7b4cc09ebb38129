"""`autograder grade` gives exactly what stock `nbgrader autograde` gives: scores, notebooks."""

from __future__ import annotations

import pytest
from coursekit import blank_copy, solved_copy, with_answers
from gradekit import ASSIGNMENT, autograded, comments, copy_course, grade, normalised


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
    return {"alice": solved, "bob": blank_copy(ASSIGNMENT), "carol": partial}


@pytest.mark.slow
def test_scores_comments_and_notebooks_match_stock_autograde(generated, tmp_path):
    stock = copy_course(generated, tmp_path / "stock")
    ours = copy_course(generated, tmp_path / "ours")
    for student, nb in learners().items():
        stock.submit(student, ASSIGNMENT, nb)
        ours.submit(student, ASSIGNMENT, nb)
    stock.autograde(ASSIGNMENT)
    assert grade(ours, workers=2) == 0

    expected = stock.scores(ASSIGNMENT)
    assert ours.scores(ASSIGNMENT) == expected
    # the cohort spans full, zero and partial credit, so the comparison means something
    totals = sorted(s["total"] for s in expected.values())
    assert totals[0] == 0 and 0 < totals[1] < totals[2]
    assert comments(ours) == comments(stock)
    for student in learners():
        assert normalised(autograded(ours, student)) == normalised(autograded(stock, student))
        assert autograded(ours, student).stat().st_mode == autograded(stock, student).stat().st_mode
