"""`autograder grade ASSIGNMENT`: grade every submission in parallel, as `nbgrader autograde` would."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
import warnings
from pathlib import Path

from autograder.grade.course import CourseSpec, Limits, notebook_imports, resolve_root
from autograder.grade.results import FAILED, SKIPPED, Outcome


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="assignment id, e.g. 00-welcome")
    parser.add_argument("--workers", type=int, default=None, help="local worker processes")
    parser.add_argument(
        "--scheduler", default=None, help="Dask scheduler address, e.g. tcp://h:8786"
    )
    parser.add_argument("--student", nargs="+", default=None, help="grade only these students")
    parser.add_argument("--force", action="store_true", help="regrade already graded submissions")
    parser.add_argument("--course-dir", default=".", help="the course directory (default: .)")
    parser.add_argument("--db", default=None, help="gradebook URL (default: COURSE_DB_URL/config)")
    parser.add_argument("--timeout", type=int, default=None, help="seconds per cell (config)")
    parser.add_argument("--memory-mb", type=int, default=Limits.memory_mb, help="kernel memory cap")
    parser.add_argument("--cpu-seconds", type=int, default=Limits.cpu_seconds, help="CPU cap")
    parser.add_argument(
        "--allow-network", action="store_true", help="do not cut the kernel's network"
    )
    parser.add_argument("--no-progress", dest="progress", action="store_false")


def protected_paths(spec: CourseSpec, config) -> tuple[tuple, str]:
    """(hidden paths, confined area) for learner code: the instructor's source, every learner's
    submissions and feedback, the exchange, the SQLite gradebook and its journals are hidden;
    in autograded/ the kernel sees only its own learner's folder."""
    submitted, source, db_url = spec.paths(config)
    section = config.CourseDirectory
    hidden = [
        source,
        submitted,
        os.path.join(spec.root, section.get("feedback_directory", "feedback")),
    ]
    exchange = config.Exchange.get("root", "")
    if exchange:
        hidden.append(exchange)
    if db_url.startswith("sqlite:///"):
        db = os.path.abspath(db_url[len("sqlite:///") :])
        hidden += [db, *(db + end for end in ("-journal", "-wal", "-shm"))]
    autograded = os.path.join(spec.root, section.get("autograded_directory", "autograded"))
    return tuple(hidden), autograded


def unprivileged_user() -> str:
    """The user learner code runs as: `nobody` when the grader is root (else no switch)."""
    import pwd

    if os.geteuid() != 0:
        return ""
    try:
        return pwd.getpwnam("nobody").pw_name
    except KeyError:
        return ""


def main(
    *,
    assignment: str,
    workers: int | None = None,
    scheduler: str | None = None,
    student: list[str] | None = None,
    force: bool = False,
    course_dir: str = ".",
    db: str | None = None,
    timeout: int | None = None,
    memory_mb: int = Limits.memory_mb,
    cpu_seconds: int = Limits.cpu_seconds,
    allow_network: bool = False,
    progress: bool = True,
    preload: tuple[str, ...] | None = None,
) -> int:
    start = time.monotonic()
    from autograder.grade.sandbox import isolation_available

    # Cheap set-up first, so that the kernel zygotes boot while the heavy imports below run.
    isolated = isolation_available()
    if not isolated:
        print(
            "warning: cannot give kernels their own network and mount namespaces here (unshare "
            "needs root or user namespaces): learner code may reach the network and the files "
            "the grader can reach",
            file=sys.stderr,
        )
    spec = CourseSpec(resolve_root(course_dir), assignment, db, timeout)
    config = spec.load_config()
    _, source_dir, _ = spec.paths(config)
    hidden, confine = protected_paths(spec, config) if isolated else ((), "")
    limits = Limits(
        memory_mb=memory_mb,
        cpu_seconds=cpu_seconds,
        network=allow_network or not isolated,
        hidden=hidden,
        confine=confine,
        user=unprivileged_user() if isolated else "",
    )
    if preload is None:
        preload = notebook_imports(sorted(Path(source_dir, assignment).glob("*.ipynb")))
    spec = dataclasses.replace(spec, limits=limits, preload=tuple(preload))
    zygotes = [] if scheduler else early_zygotes(spec, workers)
    try:
        return _grade(spec, config, zygotes, student, force, workers, scheduler, progress, start)
    finally:
        for zygote in set(zygotes):
            zygote.close()


def early_zygotes(spec: CourseSpec, workers: int | None) -> list:
    """One kernel zygote per local worker, started now (the workers adopt them)."""
    from autograder.grade.zygote import Zygote

    count = workers or os.cpu_count() or 1
    # One shared zygote: the workers fork their kernels from it, so the course's imports
    # (seconds of CPU for pandas and scikit-learn) are paid once, not once per worker.
    zygote = Zygote(spec.limits.sandbox_args(spec.preload), shared=True)
    return [zygote] * count


def _grade(spec, config, zygotes, student, force, workers, scheduler, progress, start) -> int:
    from autograder.grade.speedups import skip_unused_imports

    skip_unused_imports()
    from nbgrader.api import MissingEntry
    from sqlalchemy.exc import SAWarning
    from tqdm import tqdm

    from autograder.grade.executors import make_executor
    from autograder.grade.gradebook import shared_gradebook
    from autograder.grade.plan import discover, make_plan
    from autograder.grade.results import RunLog, report_lines, summary
    from autograder.grade.run import BatchRun
    from autograder.grade.speedups import nbgrader_speedups
    from autograder.grade.stages import ParentStages

    assignment = spec.assignment
    coursedir = spec.coursedir(config)
    log = RunLog.for_assignment(coursedir, assignment)
    outcomes: list[Outcome] = []

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        log.record(outcome)

    # nbgrader's own session handling warns on every submission; the warning is not ours to fix
    warnings.filterwarnings("ignore", category=SAWarning)
    with nbgrader_speedups(), shared_gradebook(coursedir.db_url, coursedir.course_id) as gb:
        try:
            expected = [nb.name for nb in gb.find_assignment(assignment).notebooks]
        except MissingEntry:
            print(
                f"error: assignment {assignment!r} is not in the gradebook; "
                f"run `nbgrader generate_assignment {assignment}` first",
                file=sys.stderr,
            )
            return 2
        subs = discover(coursedir, assignment, student)
        for missing in sorted(set(student or []) - {s.student for s in subs}):
            print(f"warning: no submission from {missing!r} for {assignment}", file=sys.stderr)
        plan = make_plan(coursedir, gb, subs, force, log.failed_students())
        for sub in plan.skipped:
            done(Outcome(sub.student, SKIPPED))
        bar = tqdm(
            total=len(plan.to_grade),
            desc=assignment,
            unit="sub",
            file=sys.stderr,
            disable=not progress,
            dynamic_ncols=True,
        )
        if plan.to_grade:
            stages = ParentStages(config, coursedir, gb)
            with make_executor(spec, workers, scheduler, len(plan.to_grade), zygotes) as executor:

                def record(outcome: Outcome) -> None:
                    done(outcome)
                    bar.update()

                batch = BatchRun(stages, gb, executor, expected, record, log.started)
                batch.grade(plan.to_grade)
        bar.close()
    for line in report_lines(outcomes):
        print(line)
    print(summary(outcomes, time.monotonic() - start))
    return 1 if any(o.status == FAILED for o in outcomes) else 0
