"""Runs of `autograder grade`: resuming, --force, --student, a mixed batch, the CLI's summary."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import nbformat
import pytest
from coursekit import blank_copy, solved_copy, with_answers
from gradekit import ASSIGNMENT, autograded, grade, log_entries, tree_digest

from autograder.toolenv import tool_env

SUMMARY = re.compile(r"^graded (\d+), failed (\d+), skipped (\d+) in [\d.]+ s$", re.M)


def cli(course, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "autograder", "grade", ASSIGNMENT, "--db", course.db_url, *args]
    return subprocess.run(cmd, cwd=course.root, capture_output=True, text=True, env=tool_env())


def counts(proc: subprocess.CompletedProcess) -> tuple[int, int, int]:
    match = SUMMARY.search(proc.stdout)
    assert match, f"no summary line in:\n{proc.stdout}\n{proc.stderr}"
    return tuple(int(x) for x in match.groups())


@pytest.mark.slow
def test_resume_skips_graded_until_resubmitted_or_forced(course, capsys):
    course.submit("amy", ASSIGNMENT, solved_copy(ASSIGNMENT))
    path = course.submit("ben", ASSIGNMENT, blank_copy(ASSIGNMENT))
    assert grade(course) == 0
    assert "graded 2, failed 0, skipped 0" in capsys.readouterr().out

    assert grade(course) == 0
    assert "graded 0, failed 0, skipped 2" in capsys.readouterr().out

    # ben hands in again, now solved: only ben is regraded
    nbformat.write(solved_copy(ASSIGNMENT), str(path))
    earlier = time.time() - 10  # the old grading predates the new hand-in
    os.utime(autograded(course, "ben"), (earlier, earlier))
    assert grade(course) == 0
    assert "graded 1, failed 0, skipped 1" in capsys.readouterr().out
    assert course.scores(ASSIGNMENT)["ben"]["total"] == 8.0

    # a run killed while grading amy left her marked running: she is graded again
    from autograder.grade.results import RunLog

    log = RunLog(course.root / "autograded" / "_log" / f"{ASSIGNMENT}.json")
    log.started("amy")
    assert grade(course) == 0
    assert "graded 1, failed 0, skipped 1" in capsys.readouterr().out

    assert grade(course, force=True) == 0
    assert "graded 2, failed 0, skipped 0" in capsys.readouterr().out


@pytest.mark.slow
def test_student_filter_grades_only_those_named(course, capsys):
    for student in ("amy", "ben", "cat"):
        course.submit(student, ASSIGNMENT, solved_copy(ASSIGNMENT))
    assert grade(course, student=["ben"]) == 0
    assert "graded 1, failed 0, skipped 0" in capsys.readouterr().out
    assert set(course.scores(ASSIGNMENT)) == {"ben"}
    assert not autograded(course, "amy").exists()


@pytest.mark.slow
def test_mixed_batch_through_the_cli(course):
    """Good notebooks are fully graded, each broken one is reported, the exit status says so."""
    course.submit("good1", ASSIGNMENT, solved_copy(ASSIGNMENT))
    crash = with_answers(solved_copy(ASSIGNMENT), {"q1_answer": "import os\nos._exit(3)"})
    course.submit("crash", ASSIGNMENT, crash)
    broken = course.root / "submitted" / "broken" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    broken.parent.mkdir(parents=True)
    broken.write_text('{"cells": [', encoding="utf-8")
    before = tree_digest(course.root / "submitted")

    proc = cli(course, "--workers", "2")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert counts(proc) == (1, 2, 0)
    assert "FAILED broken: notebook is not valid JSON" in proc.stdout
    assert "FAILED crash: the kernel died" in proc.stdout
    assert "%|" in proc.stderr, "no progress bar on stderr"
    assert course.scores(ASSIGNMENT)["good1"]["total"] == 8.0
    assert autograded(course, "good1").exists()
    log = log_entries(course)
    assert {s: e["status"] for s, e in log.items()} == {"broken": "failed", "crash": "failed"}
    assert tree_digest(course.root / "submitted") == before

    # the failures are retried on the next run; the good one is skipped
    proc = cli(course, "--no-progress")
    assert counts(proc) == (0, 2, 1)


@pytest.mark.slow
def test_cli_exit_zero_when_all_graded(course):
    course.submit("amy", ASSIGNMENT, blank_copy(ASSIGNMENT))
    proc = cli(course, "--workers", "1", "--no-progress")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert counts(proc) == (1, 0, 0)
    assert proc.stdout.strip().splitlines()[-1].startswith("graded 1, failed 0, skipped 0 in ")


@pytest.mark.slow
def test_unknown_assignment_is_a_clear_error(course, capsys):
    from autograder.grade.command import main

    code = main(assignment="99-nope", course_dir=str(course.root), db=course.db_url, progress=False)
    assert code == 2
    assert "generate_assignment 99-nope" in capsys.readouterr().err
