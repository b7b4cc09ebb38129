"""`autograder release`: regenerate the student notebooks in release/ from source/."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder.errors import CommandError
from autograder.toolenv import tool_env


def source_assignments(course_dir: Path) -> list[str]:
    """The assignment ids under source/, in order (directories named NN-topic)."""
    source = course_dir / "source"
    if not source.is_dir():
        raise FileNotFoundError(f"no source/ directory in {course_dir}")
    return sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))


def generate(course_dir: Path, assignment: str, release_dir: Path) -> Path:
    """Run nbgrader generate_assignment for one assignment into `release_dir`.

    A throwaway gradebook is used so regenerating never touches the course's real one.
    """
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        db_url = "sqlite:///" + str(Path(tmp) / "release.db")
        cmd = [
            sys.executable,
            "-m",
            "nbgrader",
            "generate_assignment",
            assignment,
            "--force",
            "--create",
            f"--CourseDirectory.root={course_dir}",
            f"--CourseDirectory.db_url={db_url}",
            f"--CourseDirectory.release_directory={release_dir}",
            "--log-level=WARN",
        ]
        proc = subprocess.run(cmd, cwd=course_dir, capture_output=True, text=True, env=tool_env())
        if proc.returncode != 0:
            raise RuntimeError(
                f"nbgrader generate_assignment {assignment} failed:\n{proc.stdout}\n{proc.stderr}"
            )
    out = release_dir if release_dir.is_absolute() else course_dir / release_dir
    return out / assignment


def main(
    *, course_dir: str = ".", assignments: list[str] | None = None, out: str | None = None
) -> int:
    root = Path(course_dir).resolve()
    if not root.is_dir():
        raise CommandError(f"course directory {root} does not exist / 课程目录不存在")
    known = source_assignments(root)
    unknown = [name for name in assignments or [] if name not in known]
    if unknown:
        raise CommandError(
            f"not in source/: {', '.join(unknown)} (assignments: {', '.join(known)}) / "
            "source/ 中没有这些作业"
        )
    names = assignments or known
    release_dir = Path(out).resolve() if out else root / "release"
    for name in names:
        target = release_dir / name
        if target.exists():
            shutil.rmtree(target)
        path = generate(root, name, release_dir)
        print(f"released {name} -> {path}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all in source/)")
    parser.add_argument("--course-dir", default=".", help="the course directory (default: .)")
    parser.add_argument("--out", default=None, help="write here instead of release/")
