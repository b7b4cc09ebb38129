"""Cohort report and LMS exports, read from a real gradebook after a real autograde run."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest
from coursekit import TempCourse, blank_copy, solved_copy, with_answers

from autograder import export
from autograder.report import command as report_command
from autograder.report.stats import item_analysis

ASSIGNMENT = "00-welcome"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = TempCourse(tmp_path_factory.mktemp("cohort") / "course", [ASSIGNMENT])
    course.generate(ASSIGNMENT)
    solved = solved_copy(ASSIGNMENT)
    course.submit("ada", ASSIGNMENT, solved)
    course.submit("bo", ASSIGNMENT, with_answers(solved, {"q4_answer": "prohibited = {2, 3}"}))
    course.submit("cy", ASSIGNMENT, with_answers(solved, {"q1_answer": 'dated_commitment = "A"'}))
    course.submit("dee", ASSIGNMENT, blank_copy(ASSIGNMENT))
    course.autograde(ASSIGNMENT)
    return course


def test_item_analysis_difficulty_and_discrimination():
    wide = pd.DataFrame(
        {"a": [1, 1, 0, 0], "b": [2, 2, 0, 0], "c": [1, 1, 1, 1]}, index=["w", "x", "y", "z"]
    )
    items = item_analysis(wide, {"a": 1, "b": 2, "c": 1}).set_index("grade_id")
    assert items.loc["a", "difficulty"] == 0.5
    assert items.loc["a", "discrimination"] == pytest.approx(1.0)
    assert math.isnan(items.loc["c", "discrimination"]), (
        "a question everyone gets right can't discriminate"
    )


@pytest.mark.slow
def test_report_matches_the_gradebook(graded, tmp_path):
    out = tmp_path / "report"
    assert (
        report_command.main(
            assignment=ASSIGNMENT, out=str(out), course_dir=str(graded.root), db=graded.db_url
        )
        == 0
    )
    for name in (
        "report.html",
        "learners.csv",
        "questions.csv",
        "flags.csv",
        "score_distribution.png",
    ):
        assert (out / name).is_file(), name
    learners = pd.read_csv(out / "learners.csv").set_index("student")
    scores = graded.scores(ASSIGNMENT)
    for student, per in scores.items():
        assert learners.loc[student, "score"] == pytest.approx(per["total"])
    assert learners.loc["ada", "score"] == pytest.approx(8.0)
    assert learners.loc["dee", "score"] == 0
    questions = pd.read_csv(out / "questions.csv").set_index("grade_id")
    # q1_1: ada, bo get it; cy and dee do not
    assert questions.loc["q1_1", "difficulty"] == pytest.approx(0.5)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "班级报告 / Cohort report" in html and "q4_1" in html


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["canvas", "moodle"])
def test_export_layouts(graded, tmp_path, fmt):
    path = tmp_path / f"{fmt}.csv"
    rc = export.main(
        assignments=[ASSIGNMENT],
        format=fmt,
        out=str(path),
        course_dir=str(graded.root),
        db=graded.db_url,
    )
    assert rc == 0
    rows = list(csv.reader(path.open(encoding="utf-8")))
    header = rows[0]
    scores = graded.scores(ASSIGNMENT)
    if fmt == "canvas":
        assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
        assert rows[1][0] == "Points Possible" and float(rows[1][5]) == graded.max_score(ASSIGNMENT)
        body = {r[2]: r for r in rows[2:]}
    else:
        assert header[:4] == ["ID number", "Email address", "First name", "Last name"]
        body = {r[0]: r for r in rows[1:]}
    col = header.index(ASSIGNMENT)
    assert set(body) == set(scores)
    for student, per in scores.items():
        assert float(body[student][col]) == pytest.approx(per["total"])


def test_export_refuses_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        export.main(assignments=["x"], format="excel", out=str(tmp_path / "x.csv"), db="sqlite://")
