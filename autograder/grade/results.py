"""Outcomes of a run: the per-student log under autograded/_log/ and the summary line."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

GRADED, FAILED, SKIPPED, RUNNING = "graded", "failed", "skipped", "running"


@dataclass
class Outcome:
    """What happened to one submission in this run."""

    student: str
    status: str
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    detail: str = ""
    seconds: float = 0.0


class RunLog:
    """autograded/_log/ASSIGNMENT.json: the last recorded failure or notes for each student.

    A student appears while their last grading failed or left notes (repairs, limits hit);
    grading them cleanly removes the entry. A submission is marked `running` before it is
    prepared, so if the run is killed half-way its half-written autograded notebook is not
    taken for a graded one next time. Written after every change: a crash loses nothing known.

    Several runs may share one log (two graders taking different students at once, on one
    machine or on a shared course folder): each save takes an exclusive lock on a sidecar
    `.lock` file, re-reads the log and applies only the students this run has touched, then
    replaces the file atomically through a temporary file of its own. No run's entries are
    lost and a reader never sees a half-written file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict] = self._read()
        # students this run changed: their entry, or None for "remove"
        self._changes: dict[str, dict | None] = {}

    def _read(self) -> dict[str, dict]:
        if not self.path.is_file():
            return {}
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    @classmethod
    def for_assignment(cls, coursedir, assignment: str) -> RunLog:
        root = Path(coursedir.root) / coursedir.autograded_directory / "_log"
        return cls(root / f"{assignment}.json")

    def failed_students(self) -> set[str]:
        """Students to grade again: failed, or interrupted while running."""
        return {s for s, e in self.entries.items() if e.get("status") in (FAILED, RUNNING)}

    def started(self, student: str) -> None:
        self._changes[student] = {"student": student, "status": RUNNING}
        self.save()

    def record(self, outcome: Outcome) -> None:
        if outcome.status == SKIPPED:
            return
        if outcome.status == GRADED and not outcome.notes:
            self._changes[outcome.student] = None
        else:
            entry = asdict(outcome)
            entry["time"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
            self._changes[outcome.student] = entry
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path.with_suffix(".lock")):
            entries = self._read()
            for student, entry in self._changes.items():
                if entry is None:
                    entries.pop(student, None)
                else:
                    entries[student] = entry
            text = json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
            try:
                tmp.write_text(text, encoding="utf-8")
                os.replace(tmp, self.path)
            finally:
                tmp.unlink(missing_ok=True)
        self.entries = entries


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive advisory lock held for the block (POSIX `flock`; elsewhere none)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: the atomic replace still holds
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def summary(outcomes: list[Outcome], seconds: float) -> str:
    """The final line: `graded N, failed M, skipped K in T s`."""
    count = {s: sum(1 for o in outcomes if o.status == s) for s in (GRADED, FAILED, SKIPPED)}
    return (
        f"graded {count[GRADED]}, failed {count[FAILED]}, skipped {count[SKIPPED]} "
        f"in {seconds:.1f} s"
    )


def report_lines(outcomes: list[Outcome]) -> list[str]:
    """One line per failed or noted submission, for the end of the CLI output."""
    lines = []
    for o in sorted(outcomes, key=lambda o: o.student):
        if o.status == FAILED:
            lines.append(f"FAILED {o.student}: {o.reason}")
        for note in o.notes:
            lines.append(f"note   {o.student}: {note}")
    return lines
