"""Grading through a real Dask cluster and into a real PostgreSQL gradebook."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from coursekit import TempCourse, blank_copy, solved_copy, with_answers
from gradekit import ASSIGNMENT, copy_course, grade

from autograder.toolenv import tool_env


def cohort() -> dict:
    solved = solved_copy(ASSIGNMENT)
    partial = with_answers(solved, {"q4_answer": "prohibited = {2, 5}"})
    return {"amy": solved, "ben": blank_copy(ASSIGNMENT), "cat": partial}


def stock_scores(generated, tmp_path: Path, students: dict) -> dict:
    stock = copy_course(generated, tmp_path / "stock")
    for student, nb in students.items():
        stock.submit(student, ASSIGNMENT, nb)
    stock.autograde(ASSIGNMENT)
    return stock.scores(ASSIGNMENT)


@pytest.mark.slow
def test_dask_cluster_grades_like_stock(generated, course, tmp_path):
    distributed = pytest.importorskip("distributed")
    students = {k: v for k, v in cohort().items() if k != "ben"}
    for student, nb in students.items():
        course.submit(student, ASSIGNMENT, nb)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        assert grade(course, scheduler=cluster.scheduler_address) == 0
        with distributed.Client(cluster.scheduler_address) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    assert course.scores(ASSIGNMENT) == stock_scores(generated, tmp_path, students)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def postgres():
    """A throwaway PostgreSQL server on 127.0.0.1, run as an unprivileged user."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL binaries not installed (scripts/test.sh installs them)")
    bindir = Path(found[-1]).parent
    prefix: list[str] = []
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        prefix = ["runuser", "-u", "postgres", "--"]
    tmp = Path(tempfile.mkdtemp(prefix="pg-"))
    if prefix:
        shutil.chown(tmp, "postgres")
    data, port = tmp / "data", _free_port()
    run = lambda *cmd: subprocess.run([*prefix, *cmd], check=True, capture_output=True)  # noqa: E731
    run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -h 127.0.0.1 -k {tmp}"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(tmp / "log"),
        "-w",
        "start",
    )
    try:
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"])
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.mark.slow
def test_postgresql_gradebook_with_parallel_writers(generated, postgres, tmp_path):
    course = TempCourse(tmp_path / "pg-course", [ASSIGNMENT], db_url=postgres)
    course.generate(ASSIGNMENT)
    students = cohort()
    for student, nb in students.items():
        course.submit(student, ASSIGNMENT, nb)
    # two grading runs at once, each with two workers, writing to one PostgreSQL gradebook
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "autograder",
                "grade",
                ASSIGNMENT,
                "--workers",
                "2",
                "--no-progress",
                "--db",
                postgres,
                "--student",
                *group,
            ],
            cwd=course.root,
            env=tool_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for group in (["amy", "ben"], ["cat"])
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
    assert course.scores(ASSIGNMENT) == stock_scores(generated, tmp_path, students)
