"""`autograder export`: grades as CSV files that Canvas and Moodle import."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from autograder.errors import CommandError

FORMATS = ("canvas", "moodle")


def grade_table(assignments: list[str], db_url: str) -> tuple[list[dict], dict[str, float]]:
    """One row per learner in the gradebook with their total per assignment (None if missing)."""
    from nbgrader.api import Gradebook

    from autograder.cohort import load_cohort

    with Gradebook(db_url) as gb:
        students = sorted(gb.students, key=lambda s: s.id)
        people = [
            {
                "student": s.id,
                "first_name": s.first_name or "",
                "last_name": s.last_name or "",
                "email": s.email or "",
                "lms_user_id": s.lms_user_id or "",
            }
            for s in students
        ]
    possible: dict[str, float] = {}
    totals: dict[tuple[str, str], float] = {}
    for name in assignments:
        cohort = load_cohort(name, db_url)
        with Gradebook(db_url) as gb:
            possible[name] = float(gb.find_assignment(name).max_score)
        for row in cohort.learners.itertuples():
            totals[(row.student, name)] = round(float(row.score), 2)
    for person in people:
        for name in assignments:
            person[name] = totals.get((person["student"], name))
    return people, possible


def write_canvas(path: Path, people: list[dict], possible: dict[str, float]) -> None:
    """Canvas gradebook import: identity columns, a Points Possible row, one column per assignment."""
    names = list(possible)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *names])
        out.writerow(["Points Possible", "", "", "", "", *(_num(possible[n]) for n in names)])
        for p in people:
            display = ", ".join(x for x in (p["last_name"], p["first_name"]) if x) or p["student"]
            out.writerow(
                [
                    display,
                    p["lms_user_id"],
                    p["student"],
                    p["student"],
                    "",
                    *(_num(p[n]) for n in names),
                ]
            )


def write_moodle(path: Path, people: list[dict], possible: dict[str, float]) -> None:
    """Moodle 'Import grades from CSV': an identifier column to map and one column per grade item."""
    names = list(possible)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["ID number", "Email address", "First name", "Last name", *names])
        for p in people:
            out.writerow(
                [
                    p["student"],
                    p["email"],
                    p["first_name"],
                    p["last_name"],
                    *(_num(p[n]) for n in names),
                ]
            )


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def main(
    *,
    assignments: list[str],
    format: str = "canvas",  # noqa: A002  (the option's name)
    out: str | None = None,
    course_dir: str = ".",
    db: str | None = None,
) -> int:
    from autograder.cohort import all_assignments, course_db_url

    if format not in FORMATS:
        raise CommandError(f"format must be one of {FORMATS}, not {format!r}")
    db_url = course_db_url(course_dir, db)
    names = assignments or all_assignments(db_url)
    if not names:
        print("没有可导出的作业 / no assignments in the gradebook")
        return 1
    people, possible = grade_table(names, db_url)
    path = Path(out or f"grades-{format}.csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    (write_canvas if format == "canvas" else write_moodle)(path, people, possible)
    print(f"wrote {len(people)} learners × {len(names)} assignments to {path} ({format})")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "assignments", nargs="*", help="assignment ids (default: all in the gradebook)"
    )
    parser.add_argument("--format", choices=FORMATS, default="canvas", help="LMS layout")
    parser.add_argument("--out", default=None, help="CSV file to write (default grades-FORMAT.csv)")
    parser.add_argument("--course-dir", default=".", help="the course directory (default: .)")
    parser.add_argument(
        "--db", default=None, help="gradebook URL (default: from nbgrader_config.py)"
    )
