"""Planning: which submissions exist, which are already graded, which to grade this run."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Submission:
    """One learner's hand-in of one assignment: submitted/STUDENT/ASSIGNMENT/."""

    student: str
    assignment: str
    directory: Path
    notebooks: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # repairs made while preparing it

    @property
    def names(self) -> list[str]:
        return [p.stem for p in self.notebooks]


@dataclass
class Plan:
    to_grade: list[Submission] = field(default_factory=list)
    skipped: list[Submission] = field(default_factory=list)


def discover(coursedir, assignment: str, students: list[str] | None = None) -> list[Submission]:
    """Every submitted/STUDENT/ASSIGNMENT directory (optionally only `students`), sorted."""
    pattern = Path(coursedir.format_path(coursedir.submitted_directory, "*", assignment))
    base = pattern.parents[1]
    if not base.is_dir():
        return []
    excluded = {s for s in (coursedir.student_id_exclude or "").split(",") if s}
    wanted = set(students) if students else None
    found = []
    for student_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        student = student_dir.name
        directory = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
        if not directory.is_dir() or student in excluded:
            continue
        if wanted is not None and student not in wanted:
            continue
        notebooks = sorted(directory.glob("*.ipynb"))
        found.append(Submission(student, assignment, directory, notebooks))
    return found


def _naive_utc(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)
    return value


def already_graded(coursedir, gradebook, sub: Submission, failed: set[str]) -> bool:
    """Graded before and unchanged since: every autograded notebook is newer than its submitted
    file, the gradebook holds the submission with the submitted timestamp, and the last run did
    not record a failure for it."""
    from nbgrader.api import MissingEntry

    if not sub.notebooks or sub.student in failed:
        return False
    dest = Path(coursedir.format_path(coursedir.autograded_directory, sub.student, sub.assignment))
    for path in sub.notebooks:
        out = dest / path.name
        if not out.is_file() or os.path.getmtime(out) < os.path.getmtime(path):
            return False
    try:
        record = gradebook.find_submission(sub.assignment, sub.student)
    except MissingEntry:
        return False
    stamp = _naive_utc(coursedir.get_existing_timestamp(str(sub.directory)))
    if stamp is None:
        return True
    recorded = _naive_utc(record.timestamp)
    return recorded is not None and abs((recorded - stamp).total_seconds()) < 1


def make_plan(coursedir, gradebook, subs: list[Submission], force: bool, failed: set[str]) -> Plan:
    plan = Plan()
    for sub in subs:
        if not force and already_graded(coursedir, gradebook, sub, failed):
            plan.skipped.append(sub)
        else:
            plan.to_grade.append(sub)
    return plan
