"""The classroom loop end to end through nbgrader's file exchange on one machine.

The instructor releases every assignment; three learners with their own home directories fetch,
complete (solution, partial, blank) and submit; the instructor collects, grades with `autograder grade`, generates and
releases feedback; the learners fetch their feedback; the gradebook holds the exact expected scores.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from coursekit import TempCourse, assignments, blank_copy, grade_id, solved_copy, with_answers

from autograder.toolenv import tool_env

COURSE = "collections-101"
LEARNERS = ("alice", "bob", "chen")
pytestmark = pytest.mark.slow


def auto_points(nb: nbformat.NotebookNode) -> dict[str, float]:
    return {
        grade_id(c): float(c.metadata["nbgrader"]["points"])
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    }


def learner_run(home: Path, exchange: Path, *args: str) -> subprocess.CompletedProcess:
    env = tool_env({"HOME": str(home)})
    cmd = [
        sys.executable, "-m", "nbgrader", *args,
        f"--course={COURSE}", f"--Exchange.root={exchange}",
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=home, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"{args}: {proc.stdout}\n{proc.stderr}"
    return proc


def grade_with_autograder(course: TempCourse, assignment: str) -> None:
    """The instructor grades the collected submissions with `autograder grade`, as the README says."""
    cmd = [
        sys.executable, "-m", "autograder", "grade", assignment,
        f"--course-dir={course.root}", f"--db={course.db_url}", "--workers=2", "--no-progress",
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=course.root, env=tool_env(), capture_output=True, text=True)
    assert proc.returncode == 0, f"autograder grade {assignment}: {proc.stdout}\n{proc.stderr}"
    assert "failed 0" in proc.stdout, proc.stdout


def planned_work(assignment: str, index: int, learner: str) -> tuple[nbformat.NotebookNode, str]:
    """What each learner hands in: alice everything right, chen nothing, bob a mix."""
    if learner == "alice":
        return solved_copy(assignment), "full"
    if learner == "chen":
        return blank_copy(assignment), "zero"
    if assignment == "00-welcome":
        return with_answers(
            solved_copy(assignment), {"q4_answer": "prohibited = {2, 3}"}
        ), "partial"
    return (solved_copy(assignment), "full") if index % 2 else (blank_copy(assignment), "zero")


def test_release_fetch_submit_collect_grade_feedback(tmp_path):
    names = assignments()
    exchange = tmp_path / "exchange"
    exchange.mkdir(mode=0o777)
    course = TempCourse(tmp_path / "instructor", names)
    course.nbgrader_args = [f"--Exchange.root={exchange}", f"--CourseDirectory.course_id={COURSE}"]
    expected: dict[tuple[str, str], float] = {}
    for index, name in enumerate(names):
        course.generate(name)
        course.nbgrader("release_assignment", name, *course.nbgrader_args)
        for learner in LEARNERS:
            home = tmp_path / "home" / learner
            home.mkdir(parents=True, exist_ok=True)
            learner_run(home, exchange, "fetch_assignment", name)
            fetched = home / name / f"{name}.ipynb"
            assert fetched.is_file(), f"{learner} did not receive {name}"
            work, kind = planned_work(name, index, learner)
            nbformat.write(work, str(fetched))
            learner_run(home, exchange, "submit", name, f"--student={learner}")
            points = auto_points(nbformat.read(str(fetched), as_version=4))
            total = sum(points.values())
            expected[(learner, name)] = {"full": total, "zero": 0.0, "partial": total - 0.6}[kind]
        course.nbgrader("collect", name, *course.nbgrader_args)
        for learner in LEARNERS:
            assert (course.root / "submitted" / learner / name / f"{name}.ipynb").is_file()
        grade_with_autograder(course, name)
        course.nbgrader("generate_feedback", name, "--force")
        course.nbgrader("release_feedback", name, *course.nbgrader_args)

    for name in names:
        scores = course.scores(name)
        for learner in LEARNERS:
            release = course.root / "release" / name / f"{name}.ipynb"
            auto_ids = auto_points(nbformat.read(str(release), as_version=4))
            got = sum(scores[learner][g] for g in auto_ids)
            assert got == pytest.approx(expected[(learner, name)]), (learner, name, scores[learner])

    for learner in LEARNERS:
        home = tmp_path / "home" / learner
        for name in names:
            learner_run(home, exchange, "fetch_feedback", name, f"--student={learner}")
        feedback = sorted(p.name for p in home.rglob("*.html"))
        assert len(feedback) == len(names), f"{learner} got feedback {feedback}"
        for page in home.rglob("*.html"):
            assert "BEGIN HIDDEN TESTS" not in page.read_text(encoding="utf-8")
