"""`autograder report ASSIGNMENT`: the cohort report in HTML plus CSV and PNG files."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path


def main(
    *,
    assignment: str,
    out: str | None = None,
    course_dir: str = ".",
    db: str | None = None,
    at: str | None = None,
) -> int:
    import pandas as pd

    from autograder.cohort import course_db_url, load_cohort
    from autograder.report.render import write_report
    from autograder.report.stats import item_analysis, score_summary
    from autograder.report.texts import review_texts

    root = Path(course_dir).resolve()
    cohort = load_cohort(assignment, course_db_url(root, db))
    wide = cohort.wide
    maxima = cohort.grades.groupby("grade_id")["max_score"].max().to_dict()
    items = item_analysis(wide, maxima)
    learners = cohort.learners.copy()
    if not wide.empty:
        learners = learners.merge(wide.reset_index(), on="student", how="left")
    moment = datetime.fromisoformat(at) if at else datetime.now().replace(hour=10, minute=0)
    autograded = root / "autograded"
    if autograded.is_dir():
        flag_rows, committed = review_texts(autograded, assignment, at=moment)
    else:
        flag_rows, committed = [], {}
    flags = pd.DataFrame(flag_rows, columns=["student", "category", "rule", "quote"])
    target = Path(out) if out else root / "reports" / assignment
    path = write_report(
        target, assignment, score_summary(cohort.learners), learners, items, flags, committed
    )
    print(f"报告 / report: {path}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="assignment id, e.g. 02-script-writing")
    parser.add_argument("--out", default=None, help="output folder (default reports/ASSIGNMENT)")
    parser.add_argument("--course-dir", default=".", help="the course directory (default: .)")
    parser.add_argument(
        "--db", default=None, help="gradebook URL (default: from nbgrader_config.py)"
    )
    parser.add_argument("--at", default=None, help="call time for reviewing texts (ISO)")
