"""Fast checks of the grading pieces that need no kernel: logs, caps, repairs, limits, imports."""

from __future__ import annotations

import json
import multiprocessing
import resource
import subprocess
import sys
from pathlib import Path

import jsonschema
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from autograder.grade.course import Limits, notebook_imports
from autograder.grade.outputcap import CapOutputBytes
from autograder.grade.reasons import describe_error
from autograder.grade.repairs import DeduplicateIdsCleanly
from autograder.grade.results import FAILED, GRADED, SKIPPED, Outcome, RunLog, summary
from autograder.grade.speedups import fast_validate


def test_summary_line_counts_each_status():
    outcomes = [Outcome("a", GRADED), Outcome("b", GRADED), Outcome("c", FAILED, "x")]
    outcomes.append(Outcome("d", SKIPPED))
    assert summary(outcomes, 3.04) == "graded 2, failed 1, skipped 1 in 3.0 s"


def test_run_log_keeps_failures_and_notes_and_forgets_clean_grades(tmp_path):
    log = RunLog(tmp_path / "_log" / "a.json")
    log.record(Outcome("ann", FAILED, "notebook is not valid JSON"))
    log.record(Outcome("bob", GRADED, notes=["q1_1: hit the cell time limit"]))
    log.record(Outcome("cy", GRADED))
    again = RunLog(tmp_path / "_log" / "a.json")
    assert again.failed_students() == {"ann"}
    assert set(again.entries) == {"ann", "bob"}
    again.record(Outcome("ann", GRADED))
    assert set(RunLog(tmp_path / "_log" / "a.json").entries) == {"bob"}
    again.started("dee")  # a run killed while grading dee: dee is not taken as graded
    assert RunLog(tmp_path / "_log" / "a.json").failed_students() == {"dee"}


def test_run_logs_of_two_runs_at_once_keep_each_others_entries(tmp_path):
    """Two graders on different students share autograded/_log/: neither overwrites the other."""
    path = tmp_path / "_log" / "a.json"
    first, second = RunLog(path), RunLog(path)
    first.started("amy")
    second.started("cat")
    first.record(Outcome("amy", FAILED, "kernel died"))
    second.record(Outcome("cat", GRADED))
    assert RunLog(path).entries.keys() == {"amy"}
    assert RunLog(path).entries["amy"]["reason"] == "kernel died"
    second.record(Outcome("cat", FAILED, "notebook is not valid JSON"))
    assert RunLog(path).failed_students() == {"amy", "cat"}
    assert not list(path.parent.glob("*.tmp"))


def _hammer_run_log(path: str, prefix: str, rounds: int) -> None:
    log = RunLog(Path(path))
    for i in range(rounds):
        log.started(f"{prefix}{i}")
        log.record(Outcome(f"{prefix}{i}", FAILED, f"reason {i}"))


def test_run_log_survives_processes_writing_at_once(tmp_path):
    """Four processes save 40 times each into one log: no crash, no lost entry, valid JSON."""
    path = tmp_path / "_log" / "a.json"
    context = multiprocessing.get_context("fork")
    procs = [
        context.Process(target=_hammer_run_log, args=(str(path), f"s{n}-", 20)) for n in range(4)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
    assert [proc.exitcode for proc in procs] == [0, 0, 0, 0]
    entries = json.loads(path.read_text(encoding="utf-8"))
    assert set(entries) == {f"s{n}-{i}" for n in range(4) for i in range(20)}
    assert {e["status"] for e in entries.values()} == {FAILED}
    assert not list(path.parent.glob("*.tmp"))


def test_notebook_imports_skip_magics_relative_and_pyplot(tmp_path):
    """pyplot hooks into the shell when imported: never preloaded; matplotlib's core comes
    with pandas (it plots through it); `from a import b` may name the submodule a.b."""
    nb = new_notebook(
        cells=[
            new_code_cell(
                "%matplotlib inline\nimport pandas as pd\nfrom autograder.checks import x"
            ),
            new_code_cell("import matplotlib.pyplot as plt\nfrom . import local\nimport os, json"),
            new_code_cell("def broken(:"),
        ]
    )
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, str(path))
    assert notebook_imports([path]) == (
        "pandas",
        "autograder.checks",
        "autograder.checks.x",
        "os",
        "json",
        "matplotlib",
        "matplotlib.figure",
        "matplotlib.font_manager",
    )


@pytest.mark.parametrize(
    "instance", [{"grade": True}, {"grade": "yes"}, {"points": -1}], ids=["ok", "type", "minimum"]
)
def test_fast_validate_raises_exactly_what_jsonschema_raises(instance):
    schema = {
        "type": "object",
        "properties": {"grade": {"type": "boolean"}, "points": {"type": "number", "minimum": 0}},
    }
    try:
        jsonschema.validate(instance, schema)
        expected = None
    except jsonschema.ValidationError as exc:
        expected = exc.message
    try:
        fast_validate(instance, schema)
        got = None
    except jsonschema.ValidationError as exc:
        got = exc.message
    assert got == expected


def test_output_cap_truncates_big_text_and_notes_limits():
    nb = new_notebook(
        cells=[
            new_code_cell("print", outputs=[new_output("stream", name="stdout", text="x" * 5000)]),
            new_code_cell("ok", outputs=[new_output("stream", name="stdout", text="small")]),
            new_code_cell(
                "loop",
                outputs=[new_output("error", ename="CellTimeoutError", evalue="", traceback=[])],
            ),
        ]
    )
    nb, resources = CapOutputBytes(max_bytes=1000)(nb, {})
    assert len(nb.cells[0].outputs[0].text) < 1200
    assert "output truncated: 5000 bytes" in nb.cells[0].outputs[0].text
    assert nb.cells[1].outputs[0].text == "small"
    notes = " ".join(resources["autograder_notes"])
    assert "time limit" in notes and "truncated" in notes


def test_reasons_name_the_damage():
    from nbclient.exceptions import DeadKernelError
    from nbformat.reader import NotJSONError

    try:
        b"\xffabc".decode("utf-8")
    except UnicodeDecodeError as exc:
        assert "UTF-8" in describe_error(exc)[0]
    assert "JSON" in describe_error(NotJSONError("x"))[0]
    assert "kernel died" in describe_error(DeadKernelError("gone"))[0]


def test_deduplicated_copies_lose_their_metadata_cleanly():
    from nbgrader.nbgraderformat import SchemaTooOldError
    from nbgrader.preprocessors import CheckCellMetadata, DeduplicateIds

    meta = {"grade": True, "grade_id": "q1_1", "locked": True, "points": 1, "schema_version": 3}
    meta["solution"] = False

    def notebook():
        cells = [new_code_cell("assert True", metadata={"nbgrader": dict(meta)}) for _ in range(2)]
        return new_notebook(cells=cells)

    with pytest.raises(SchemaTooOldError):  # what stock nbgrader does: fatal for the batch
        CheckCellMetadata()(*DeduplicateIds()(notebook(), {}))
    nb, _ = CheckCellMetadata()(*DeduplicateIdsCleanly()(notebook(), {}))
    assert "nbgrader" not in nb.cells[0].metadata
    assert nb.cells[1].metadata.nbgrader["grade_id"] == "q1_1"


def test_limits_become_sandbox_arguments():
    args = Limits(memory_mb=512, network=False).sandbox_args(("pandas", "course"))
    assert "--memory-mb=512" in args and "--no-network" in args
    assert "--preload=pandas,course" in args
    assert "--no-network" not in Limits(network=True).sandbox_args(())
    guarded = Limits(readonly=("/c/submitted",), hidden=("/c/source", "/c/gb.db")).sandbox_args(())
    assert "--readonly=/c/submitted" in guarded
    assert "--hide=/c/source" in guarded and "--hide=/c/gb.db" in guarded


def test_sandbox_sets_limits_before_the_module_runs(tmp_path):
    (tmp_path / "probe.py").write_text(
        "import json, resource, sys\n"
        "print(json.dumps([resource.getrlimit(resource.RLIMIT_AS)[0],"
        " resource.getrlimit(resource.RLIMIT_FSIZE)[0], 'pandas' in sys.modules]))\n"
    )
    cmd = [sys.executable, "-m", "autograder.grade.sandbox", "--memory-mb=700", "--file-mb=5"]
    cmd += ["--preload=json", "--", "-m", "probe"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=True)
    mem, fsize, pandas = json.loads(proc.stdout)
    assert mem == 700 * 1024 * 1024 and fsize == 5 * 1024 * 1024
    assert pandas is False  # only what was asked for is preloaded
    assert resource.getrlimit(resource.RLIMIT_AS)[0] != mem  # the grader itself is untouched


def test_shared_gradebook_is_opened_once_and_restored(tmp_path):
    import nbgrader.preprocessors.saveautogrades as save

    from autograder.grade.gradebook import shared_gradebook

    url = "sqlite:///" + str(tmp_path / "gb.db")
    original = save.Gradebook
    with shared_gradebook(url, "course") as gb:
        with save.Gradebook(url) as inside:
            assert inside._gb is gb
        assert gb.db.is_active  # leaving the inner `with` did not close it
    assert save.Gradebook is original


class _Session:
    def __init__(self) -> None:
        self.rollbacks = 0

    def rollback(self) -> None:
        self.rollbacks += 1


class _Gradebook:
    def __init__(self) -> None:
        self.db = _Session()


def test_retrying_rides_out_a_locked_database_and_nothing_else(monkeypatch):
    from sqlalchemy.exc import OperationalError

    from autograder.grade import gradebook as module

    monkeypatch.setattr(module.time, "sleep", lambda s: None)
    gb, calls = _Gradebook(), []

    def locked_twice():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("UPDATE grade", {}, Exception("database is locked"))
        return "saved"

    assert module.retrying(gb, locked_twice) == "saved"
    assert gb.db.rollbacks == 2

    def broken():
        raise OperationalError("SELECT", {}, Exception("no such table: grade"))

    with pytest.raises(OperationalError):
        module.retrying(gb, broken)
    assert gb.db.rollbacks == 3  # rolled back once, not retried


class _FakeExecutor:
    """Runs jobs at once; the first run of each listed student loses its worker."""

    workers = 2

    def __init__(self, lose: set[str]) -> None:
        self.lose, self.runs = set(lose), []

    def submit(self, student, paths, prestart=True):
        self.runs.append(student)
        return student

    def wait_any(self, futures):
        return set(futures)

    def result(self, student, _):
        from autograder.grade.job import JobResult

        died = student in self.lose or student == "always-dies"
        self.lose.discard(student)
        return JobResult(student=student, error="worker failed" if died else None, worker_died=died)


class _FakeStages:
    def prepare(self, sub):
        return [f"{sub.student}.ipynb"], []

    def finish(self, sub, result):
        return None

    def fail(self, sub):
        return None


def test_jobs_of_a_lost_worker_get_one_more_try(tmp_path):
    from autograder.grade.plan import Submission
    from autograder.grade.run import BatchRun

    subs = [
        Submission(name, "a", tmp_path, [tmp_path / "a.ipynb"])
        for name in ("ok", "unlucky", "always-dies")
    ]
    executor, outcomes = _FakeExecutor({"unlucky"}), []
    BatchRun(_FakeStages(), _Gradebook(), executor, ["a"], outcomes.append).grade(subs)
    status = {o.student: o.status for o in outcomes}
    assert status == {"ok": GRADED, "unlucky": GRADED, "always-dies": FAILED}
    assert sorted(executor.runs) == ["always-dies", "always-dies", "ok", "unlucky", "unlucky"]


def test_grading_imports_skip_nbgrader_server_extensions():
    """The run loads nbgrader's converters without its server extensions (seconds of CPU)."""
    import subprocess
    import sys

    code = (
        "import sys; from autograder.grade.speedups import skip_unused_imports; "
        "skip_unused_imports(); from nbgrader.converters import Autograde; "
        "from nbgrader.api import Gradebook; import nbgrader; "
        "print(nbgrader.__version__, 'nbgrader.server_extensions' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    version, loaded = proc.stdout.split()
    assert version.startswith("0.9") and loaded == "False"


def test_preload_calls_each_warm_up_of_the_preloaded_packages_once(tmp_path, monkeypatch):
    """Warm kernels inherit filled caches: each module's own warm_up() runs once; a re-export
    is not called twice, a failing one costs nothing, other packages are left alone."""
    from autograder.grade.sandbox import preload

    pkg = tmp_path / "warmpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .engine import warm_up\nCALLS = []\n")
    (pkg / "engine.py").write_text(
        "def warm_up():\n    import warmpkg\n    warmpkg.CALLS.append('engine')\n"
    )
    (pkg / "broken.py").write_text("def warm_up():\n    raise RuntimeError('cold')\n")
    (tmp_path / "otherpkg.py").write_text("CALLS = []\ndef warm_up():\n    CALLS.append(1)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import otherpkg

    preload(["warmpkg", "warmpkg.broken"])
    import warmpkg

    assert warmpkg.CALLS == ["engine"]
    assert otherpkg.CALLS == []


def test_review_engine_warm_up_loads_what_a_first_review_needs():
    """After warm_up() the once-per-process loads are done: rules, opencc, elements, calendar."""
    code = """
import sys
import autograder.review as r
from autograder.review import elements, normalize, rules, workdays
loaders = [rules.catalogue, normalize._t2s, elements.ELEMENT_SPECS, elements._group_filter,
           workdays._calendar]
before = [f.cache_info().currsize for f in loaders]
r.warm_up()
print(before, [f.cache_info().currsize for f in loaders], "chinese_calendar" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [
        "[0,",
        "0,",
        "0,",
        "0,",
        "0]",
        "[1,",
        "1,",
        "1,",
        "1,",
        "1]",
        "True",
    ]
