"""Damaged submissions: each gets a clear recorded outcome, and submitted/ is never modified."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from coursekit import blank_copy, grade_id, solved_copy, with_answers
from gradekit import ASSIGNMENT, autograded, grade, log_entries, tree_digest

FULL = 8.0
STUDENT = "zoe"


def _submitted(course) -> Path:
    path = course.root / "submitted" / STUDENT / ASSIGNMENT
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write(course, nb, name: str = ASSIGNMENT) -> None:
    nbformat.write(nb, str(_submitted(course) / f"{name}.ipynb"))


def deleted_test_cell(course):
    nb = solved_copy(ASSIGNMENT)
    nb.cells = [c for c in nb.cells if grade_id(c) != "q2_1"]
    _write(course, nb)


def deleted_answer_and_test(course):
    nb = solved_copy(ASSIGNMENT)
    nb.cells = [c for c in nb.cells if grade_id(c) not in ("q2_answer", "q2_1")]
    _write(course, nb)


def deleted_test_then_duplicate(course):
    nb = solved_copy(ASSIGNMENT)
    nb.cells = [c for c in nb.cells if grade_id(c) != "q3_1"]
    nb.cells.append(next(c for c in nb.cells if grade_id(c) == "q1_1"))
    _write(course, nb)


def duplicated_cell(course):
    nb = solved_copy(ASSIGNMENT)
    nb.cells.append(next(c for c in nb.cells if grade_id(c) == "q1_1"))
    _write(course, nb)


def edited_test_cell(course):
    nb = blank_copy(ASSIGNMENT)
    for cell in nb.cells:
        if grade_id(cell) == "q1_1":
            cell.source = "pass  # no test here"
    _write(course, nb)


def renamed_notebook(course):
    _write(course, solved_copy(ASSIGNMENT), name="my-homework")


def missing_notebook(course):
    (_submitted(course) / "notes.txt").write_text("forgot the notebook\n")


def malformed_json(course):
    text = nbformat.writes(solved_copy(ASSIGNMENT))
    (_submitted(course) / f"{ASSIGNMENT}.ipynb").write_text(text[: len(text) // 2])


def old_nbformat_v3(course):
    nb = nbformat.convert(solved_copy(ASSIGNMENT), 3)
    (_submitted(course) / f"{ASSIGNMENT}.ipynb").write_text(nbformat.writes(nb, version=3))


def not_utf8(course):
    data = nbformat.writes(solved_copy(ASSIGNMENT)).encode("utf-8")
    data = data.replace("欢迎".encode(), "欢迎".encode("gbk"), 1)
    (_submitted(course) / f"{ASSIGNMENT}.ipynb").write_bytes(data)


def huge_output(course):
    nb = solved_copy(ASSIGNMENT)
    # 50 MB of stored output (cleared by sanitising) and a cell that prints 3 MB on one line
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 50_000_000)]
    nb.cells.append(nbformat.v4.new_code_cell("print('y' * 3_000_000)"))
    _write(course, nb)


def infinite_loop(course):
    _write(course, with_answers(solved_copy(ASSIGNMENT), {"q3_answer": "while True:\n    pass"}))


def memory_hog(course):
    hog = "hog = bytearray(6 * 1024**3)\ntotal_due, penalty = 1206, 6"
    _write(course, with_answers(solved_copy(ASSIGNMENT), {"q2_answer": hog}))


def kernel_dies(course):
    code = "import ctypes\nctypes.string_at(0)  # segfault"
    _write(course, with_answers(solved_copy(ASSIGNMENT), {"q2_answer": code}))


@dataclass
class Case:
    id: str
    why: str
    make: Callable
    status: str
    says: str  # words in the recorded reason or note
    total: float | None = None
    scores: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)


CASES = [
    Case(
        "deleted-test-cell",
        "a deleted test cell is put back from the gradebook and run: the answer earns its points",
        deleted_test_cell,
        "graded",
        "deleted cells ['q2_1'] were restored",
        FULL,
        {"q2_1": 2.0},
    ),
    Case(
        "deleted-answer-and-test",
        "the test comes back even when its answer cell (its neighbour) is gone, where nbgrader"
        " 0.9.6 raises KeyError; with no answer it scores 0",
        deleted_answer_and_test,
        "graded",
        "deleted cells ['q2_1'] were restored",
        FULL - 2,
        {"q2_1": 0.0},
    ),
    Case(
        "deleted-test-and-duplicate",
        "restoring a deleted test and removing a duplicate in one notebook (nbgrader 0.9.6 crashes)",
        deleted_test_then_duplicate,
        "graded",
        "deleted cells ['q3_1'] were restored",
        FULL,
        {"q3_1": 2.0},
    ),
    Case(
        "duplicated-cell",
        "DeduplicateIds keeps one copy; the grade is unaffected",
        duplicated_cell,
        "graded",
        "duplicated cells ['q1_1']",
        FULL,
    ),
    Case(
        "edited-test-cell",
        "an edited test is restored, so a blank answer still scores 0",
        edited_test_cell,
        "graded",
        "edited locked/test cells ['q1_1']",
        0.0,
    ),
    Case(
        "renamed-notebook",
        "a renamed notebook is named in the reason",
        renamed_notebook,
        "failed",
        "my-homework.ipynb",
    ),
    Case(
        "missing-notebook",
        "a submission without a notebook is reported, not skipped silently",
        missing_notebook,
        "failed",
        "no notebook submitted",
    ),
    Case(
        "malformed-json",
        "a truncated file cannot be read",
        malformed_json,
        "failed",
        "not valid JSON",
    ),
    Case(
        "nbformat-v3",
        "an old-format notebook is upgraded by nbformat and graded",
        old_nbformat_v3,
        "graded",
        "",
        FULL,
    ),
    Case("not-utf8", "GBK bytes in the file", not_utf8, "failed", "not valid UTF-8"),
    Case(
        "huge-output",
        "stored output is cleared, new output is capped in bytes",
        huge_output,
        "graded",
        "truncated",
        FULL,
    ),
    Case(
        "infinite-loop",
        "the cell time limit interrupts the loop; that question scores 0",
        infinite_loop,
        "graded",
        "time limit",
        FULL - 2,
        {"q3_1": 0.0},
        {"timeout": 3},
    ),
    Case(
        "memory-hog",
        "RLIMIT_AS turns a 6 GB allocation into a MemoryError",
        memory_hog,
        "graded",
        "ran out of memory",
        FULL - 2,
        {"q2_1": 0.0},
        {"memory_mb": 1024},
    ),
    Case(
        "kernel-dies",
        "a kernel killed mid-notebook fails that submission only",
        kernel_dies,
        "failed",
        "kernel died",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_damaged_submission_is_recorded(course, case):
    case.make(course)
    before = tree_digest(course.root / "submitted")
    code = grade(course, **case.options)
    assert tree_digest(course.root / "submitted") == before, "submitted/ was modified"
    assert code == (1 if case.status == "failed" else 0)
    entry = log_entries(course).get(STUDENT, {"status": "graded", "notes": [], "reason": ""})
    assert entry["status"] == case.status
    assert case.says in " ".join([entry["reason"], *entry["notes"]])
    scores = course.scores(ASSIGNMENT).get(STUDENT, {})
    if case.status == "failed":
        assert not autograded(course, STUDENT).exists(), "a failed notebook was left behind"
        assert scores.get("total", 0.0) == 0.0
    else:
        assert autograded(course, STUDENT).exists()
        assert scores["total"] == case.total
        for gid, value in case.scores.items():
            assert scores[gid] == value
    if case.id == "huge-output":
        assert autograded(course, STUDENT).stat().st_size < 3_000_000


@pytest.mark.slow
def test_a_learner_killing_the_kernel_factory_spoils_nobody_else(course):
    """Learner code that kills its parent (the zygote) costs at most its own grade."""
    killer = with_answers(
        solved_copy(ASSIGNMENT), {"q1_answer": "import os, signal\nos.kill(os.getppid(), 9)"}
    )
    course.submit("a-killer", ASSIGNMENT, killer)
    for student in ("b-good", "c-good"):
        course.submit(student, ASSIGNMENT, solved_copy(ASSIGNMENT))
    grade(course, workers=1)
    scores = course.scores(ASSIGNMENT)
    assert scores["b-good"]["total"] == FULL
    assert scores["c-good"]["total"] == FULL


KILL_ALL = """
import os, signal
if os.getpid() == 1:  # only inside the kernel's own PID namespace: never on a bare machine
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != 1:
            os.kill(int(entry), signal.SIGKILL)
    try:
        os.kill(-1, signal.SIGKILL)  # every process this one may signal, except itself
        print("KILLED others")
    except ProcessLookupError:
        print("kill(-1) reached no process")
    try:
        os.kill({grader}, signal.SIGKILL)
        print("KILLED the grader")
    except ProcessLookupError:
        print("cannot see the grader")
else:
    print("no PID namespace")
"""


@pytest.mark.slow
def test_a_learner_killing_every_process_it_sees_spoils_nobody_else(course):
    """Inside its PID namespace the kernel sees only itself: the grader, the workers and other
    learners' kernels are out of its reach."""
    from autograder.grade.sandbox import isolation_available

    if not isolation_available():
        pytest.skip("this platform cannot give the kernel its own namespaces")
    nb = solved_copy(ASSIGNMENT)
    nb.cells.append(nbformat.v4.new_code_cell(KILL_ALL.format(grader=os.getpid())))
    course.submit("a-killer", ASSIGNMENT, nb)
    for student in ("b-good", "c-good", "d-good"):
        course.submit(student, ASSIGNMENT, solved_copy(ASSIGNMENT))
    assert grade(course, workers=2) == 0
    for student in ("a-killer", "b-good", "c-good", "d-good"):
        assert course.scores(ASSIGNMENT)[student]["total"] == FULL, student
    outputs = json.loads(autograded(course, "a-killer").read_text())["cells"][-1]["outputs"]
    text = "".join("".join(o.get("text", "")) for o in outputs)
    assert "kill(-1) reached no process" in text and "cannot see the grader" in text
    assert "KILLED" not in text and "no PID namespace" not in text
