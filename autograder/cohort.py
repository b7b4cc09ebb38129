"""Read a cohort's grades from the nbgrader gradebook into tidy pandas tables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from autograder.errors import CommandError


def course_db_url(course_dir: str | Path = ".", db_url: str | None = None) -> str:
    """The gradebook URL: an explicit one, else what the course's nbgrader_config.py says."""
    if db_url:
        return db_url
    from traitlets.config.loader import PyFileConfigLoader

    course_dir = Path(course_dir).resolve()
    if not course_dir.is_dir():
        raise CommandError(f"course directory {course_dir} does not exist / 课程目录不存在")
    config_file = course_dir / "nbgrader_config.py"
    if config_file.is_file():
        cfg = PyFileConfigLoader(config_file.name, path=str(course_dir)).load_config()
        url = cfg.CourseDirectory.get("db_url")
        if url:
            return str(url)
    return os.environ.get("COURSE_DB_URL", "sqlite:///" + str(course_dir / "gradebook.db"))


@dataclass
class Cohort:
    """Grades of one assignment: one row per learner and grade cell, plus the learners."""

    assignment: str
    grades: pd.DataFrame  # student, notebook, grade_id, auto, score, max_score
    learners: pd.DataFrame  # student, first_name, last_name, email, lms_user_id, score, max_score

    @property
    def wide(self) -> pd.DataFrame:
        """student × grade_id table of scores."""
        if self.grades.empty:
            return pd.DataFrame()
        return self.grades.pivot_table(
            index="student", columns="grade_id", values="score", aggfunc="sum"
        ).sort_index()


def load_cohort(assignment: str, db_url: str) -> Cohort:
    """Every submission of `assignment` in the gradebook at `db_url`."""
    from nbgrader.api import Gradebook, MissingEntry

    rows: list[dict] = []
    people: list[dict] = []
    with Gradebook(db_url) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry as exc:
            raise CommandError(
                f"assignment {assignment!r} is not in the gradebook {db_url} / 成绩库中没有该作业"
            ) from exc
        for sub in gb.assignment_submissions(assignment):
            student = sub.student
            people.append(
                {
                    "student": student.id,
                    "first_name": student.first_name or "",
                    "last_name": student.last_name or "",
                    "email": student.email or "",
                    "lms_user_id": student.lms_user_id or "",
                    "score": float(sub.score or 0.0),
                    "max_score": float(sub.max_score or 0.0),
                }
            )
            for nb in sub.notebooks:
                for grade in nb.grades:
                    rows.append(
                        {
                            "student": student.id,
                            "notebook": nb.name,
                            "grade_id": grade.name,
                            "auto": grade.cell_type == "code",
                            "score": float(grade.score or 0.0),
                            "max_score": float(grade.max_score or 0.0),
                        }
                    )
    columns = ["student", "notebook", "grade_id", "auto", "score", "max_score"]
    learner_cols = [
        "student",
        "first_name",
        "last_name",
        "email",
        "lms_user_id",
        "score",
        "max_score",
    ]
    grades = pd.DataFrame(rows, columns=columns)
    learners = pd.DataFrame(people, columns=learner_cols).sort_values("student", ignore_index=True)
    return Cohort(assignment, grades, learners)


def all_assignments(db_url: str) -> list[str]:
    """Assignment ids in the gradebook, in due-date then name order."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        return [a.name for a in sorted(gb.assignments, key=lambda a: (str(a.duedate), a.name))]
