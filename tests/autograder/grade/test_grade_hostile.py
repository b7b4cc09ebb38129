"""Hostile learner code: while graded it reaches no network, no other learner and no key."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import nbformat
import pytest
from coursekit import solved_copy
from gradekit import ASSIGNMENT, autograded, grade, tree_digest

FULL = 8.0

# Each attempt prints BLOCKED or LEAKED with what it tried; the grade cells still run after it.
PROBE = r"""
import ctypes, os, socket, time

def attempt(what, action):
    try:
        got = action()
    except OSError as exc:
        print("BLOCKED", what, type(exc).__name__)
        return
    print("LEAKED" if got else "BLOCKED", what, repr(got)[:60])

def read(path):
    with open(path, "rb") as fh:
        return fh.read()

def connect():
    socket.create_connection(("127.0.0.1", {port}), timeout=3).close()
    return "connected"

def write_own_submission():
    with open({mine!r}, "a") as fh:
        fh.write("tampered")
    return "written"

def unmount():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.umount2({submitted!r}.encode(), 2) != 0:  # MNT_DETACH
        raise OSError(ctypes.get_errno(), "umount")
    return "unmounted"

def fork_bomb():  # a bounded one: 2,000 sleeping children, all killed again below
    kids = []
    try:
        for _ in range(2000):
            pid = os.fork()
            if pid == 0:
                time.sleep(60)
                os._exit(0)
            kids.append(pid)
    finally:
        for pid in kids:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    return f"{{len(kids)}} processes"

attempt("network", connect)
attempt("other-submission", lambda: read({other!r}))
attempt("other-autograded", lambda: read({other_graded!r}))
attempt("autograded-listing", lambda: [n for n in os.listdir({autograded!r}) if n != "zoe"])
attempt("source", lambda: os.listdir({source!r}))
attempt("gradebook", lambda: read({gradebook!r}))
attempt("shadow", lambda: read("/etc/shadow"))
attempt("own-submission", write_own_submission)
attempt("unmount", unmount)
attempt("grader", lambda: os.kill({grader}, 0) or "signalled")
attempt("shared-tmp", lambda: read({planted!r}))
attempt("processes", fork_bomb)
for folder in ("/tmp", "/dev/shm"):  # private to this kernel: nobody else sees these
    with open(f"{{folder}}/for-the-next-learner", "w") as fh:
        fh.write("hi")
os.symlink("/etc/shadow", "planted-link")  # the grader must not chmod or write through it
with open("scratch.txt", "w") as fh:  # the learner's own folder stays writable, as in nbgrader
    fh.write("ok")
print("uid", os.getuid(), "own folder writable")
"""

ATTEMPTS = [
    "network",
    "other-submission",
    "other-autograded",
    "autograded-listing",
    "source",
    "gradebook",
    "shadow",
    "own-submission",
    "unmount",
    "grader",
    "shared-tmp",
    "processes",
]


@pytest.mark.slow
def test_hostile_code_reaches_nothing_and_the_honest_cells_still_grade(course):
    from autograder.grade.sandbox import isolation_available

    if not isolation_available() or os.geteuid() != 0:
        pytest.skip("needs root and namespaces: the kernel is confined and made unprivileged")
    course.submit("amy", ASSIGNMENT, solved_copy(ASSIGNMENT))
    assert grade(course, student=["amy"]) == 0  # amy's graded work now exists to be stolen
    root = course.root
    server = socket.create_server(("127.0.0.1", 0))
    probe = PROBE.format(
        port=server.getsockname()[1],
        mine=str(root / "submitted" / "zoe" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
        submitted=str(root / "submitted"),
        other=str(root / "submitted" / "amy" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
        other_graded=str(autograded(course, "amy")),
        autograded=str(root / "autograded"),
        source=str(root / "source"),
        gradebook=str(root / "gradebook.db"),
        grader=os.getpid(),
        planted=f"/tmp/agk-planted-{os.getpid()}.txt",
    )
    shared = Path(f"/tmp/agk-planted-{os.getpid()}.txt")
    shared.write_text("left in the shared /tmp by another process")
    shared.chmod(0o644)
    nb = solved_copy(ASSIGNMENT)
    nb.cells.insert(1, nbformat.v4.new_code_cell(probe))
    course.submit("zoe", ASSIGNMENT, nb)
    before = tree_digest(root / "submitted")
    try:
        assert grade(course, student=["zoe"]) == 0
    finally:
        server.close()
    assert tree_digest(root / "submitted") == before
    cells = json.loads(autograded(course, "zoe").read_text())["cells"]
    text = "".join("".join(o.get("text", "")) for o in cells[1]["outputs"])
    for what in ATTEMPTS:
        assert f"BLOCKED {what} " in text, f"{what} was not blocked:\n{text}"
    assert "LEAKED" not in text
    assert "uid 65534 own folder writable" in text
    assert (root / "autograded" / "zoe" / ASSIGNMENT / "scratch.txt").read_text() == "ok"
    assert not Path("/tmp/for-the-next-learner").exists()
    assert not Path("/dev/shm/for-the-next-learner").exists()
    shared.unlink()
    assert (root / "autograded" / "zoe" / ASSIGNMENT).stat().st_uid == os.getuid()
    assert not (root / "autograded" / "zoe" / ASSIGNMENT / "planted-link").is_symlink()
    assert os.stat("/etc/shadow").st_mode & 0o004 == 0, "the grader chmod-ed through a link"
    scores = course.scores(ASSIGNMENT)
    assert scores["zoe"]["total"] == FULL  # the honest cells after the probe still grade
    assert scores["amy"]["total"] == FULL
