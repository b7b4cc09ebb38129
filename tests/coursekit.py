"""Test helpers: a throwaway copy of the course where notebooks are released, submitted and graded.

Every grading test goes through the real nbgrader commands and reads scores back from the real
gradebook, so what passes here is what an instructor sees.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from autograder.toolenv import tool_env

REPO = Path(__file__).resolve().parents[1]
SOLUTION_RE = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.M)
HIDDEN_RE = re.compile(
    r"^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?", re.M | re.S
)


def assignments() -> list[str]:
    """Every assignment id under source/."""
    return sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())


def source_notebook(assignment: str) -> Path:
    return REPO / "source" / assignment / f"{assignment}.ipynb"


def release_notebook(assignment: str) -> Path:
    return REPO / "release" / assignment / f"{assignment}.ipynb"


def grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def solved_copy(assignment: str) -> nbformat.NotebookNode:
    """The release notebook with every answer cell filled in from the instructor's solution,
    as a learner who got everything right would hand it in."""
    release = nbformat.read(str(release_notebook(assignment)), as_version=4)
    source = nbformat.read(str(source_notebook(assignment)), as_version=4)
    answers = {
        grade_id(c): SOLUTION_RE.sub("", c.source)
        for c in source.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("solution")
    }
    for cell in release.cells:
        gid = grade_id(cell)
        if gid in answers and cell.metadata["nbgrader"].get("solution"):
            cell.source = answers[gid]
    return release


def blank_copy(assignment: str) -> nbformat.NotebookNode:
    """The release notebook exactly as a learner receives it."""
    return nbformat.read(str(release_notebook(assignment)), as_version=4)


def with_answers(nb: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of `nb` with the named answer cells replaced (grade_id -> source)."""
    nb = copy.deepcopy(nb)
    seen = set()
    for cell in nb.cells:
        gid = grade_id(cell)
        if gid in answers:
            cell.source = answers[gid]
            seen.add(gid)
    missing = set(answers) - seen
    if missing:
        raise KeyError(f"no cells with grade ids {sorted(missing)}")
    return nb


def cell_output(nb: nbformat.NotebookNode, gid: str) -> str:
    """All the output of the cell named `gid`, joined as text."""
    cell = next(c for c in nb.cells if grade_id(c) == gid)
    parts: list[str] = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        parts.extend(str(v) for v in out.get("data", {}).values())
        parts.append(out.get("evalue", ""))
        parts.extend(out.get("traceback", []))
    return "\n".join(p for p in parts if p)


class TempCourse:
    """A copy of the course directory in `root` with its own SQLite gradebook."""

    def __init__(
        self, root: Path, assignments_: list[str] | None = None, db_url: str | None = None
    ):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "nbgrader_config.py", self.root / "nbgrader_config.py")
        for name in assignments_ or assignments():
            shutil.copytree(REPO / "source" / name, self.root / "source" / name)
        self.db_url = db_url or "sqlite:///" + str(self.root / "gradebook.db")

    def nbgrader(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [
            sys.executable,
            "-m",
            "nbgrader",
            *args,
            f"--CourseDirectory.root={self.root}",
            f"--CourseDirectory.db_url={self.db_url}",
        ]
        proc = subprocess.run(cmd, cwd=self.root, capture_output=True, text=True, env=tool_env())
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def generate(self, assignment: str) -> None:
        self.nbgrader("generate_assignment", assignment, "--force", "--create")

    def submit(self, student: str, assignment: str, nb: nbformat.NotebookNode) -> Path:
        path = self.root / "submitted" / student / assignment / f"{assignment}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(path))
        return path

    def autograde(self, assignment: str, *extra: str) -> subprocess.CompletedProcess:
        return self.nbgrader("autograde", assignment, "--create", "--force", *extra)

    def scores(self, assignment: str) -> dict[str, dict[str, float]]:
        """student -> {grade_id: score, ..., "total": total} read from the gradebook."""
        from nbgrader.api import Gradebook

        out: dict[str, dict[str, float]] = {}
        with Gradebook(self.db_url) as gb:
            for sub in gb.assignment_submissions(assignment):
                per: dict[str, float] = {}
                for nb in sub.notebooks:
                    for grade in nb.grades:
                        per[grade.name] = grade.score
                per["total"] = sub.score
                out[sub.student.id] = per
        return out

    def output(self, student: str, assignment: str, gid: str) -> str:
        """Everything grade cell `gid` showed in the learner's autograded notebook: printed text,
        results, error messages and tracebacks, as the learner's feedback would show them."""
        path = self.root / "autograded" / student / assignment / f"{assignment}.ipynb"
        return cell_output(nbformat.read(str(path), as_version=4), gid)

    def max_score(self, assignment: str) -> float:
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url) as gb:
            return gb.find_assignment(assignment).max_score
