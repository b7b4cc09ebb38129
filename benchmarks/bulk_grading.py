"""Bulk grading speed: stock `nbgrader autograde` against `autograder grade --workers N`.

Builds N synthetic learners per assignment (solution, blank, partial, broken, in turn) in two
throwaway copies of the course, grades one copy with stock nbgrader and the other with
`python -m autograder grade`, checks every score is identical, and prints notebooks per second
for both and the ratio. Both sides run as fresh processes, as an instructor would run them.

    python benchmarks/bulk_grading.py [--learners 12] [--workers 2] [--assignments 00-welcome ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from coursekit import (  # noqa: E402
    TempCourse,
    assignments,
    blank_copy,
    grade_id,
    solved_copy,
    with_answers,
)

from autograder.toolenv import tool_env  # noqa: E402

KINDS = ("solution", "blank", "partial", "broken")


def answer_ids(assignment: str) -> list[str]:
    return [
        grade_id(c)
        for c in blank_copy(assignment).cells
        if c.get("metadata", {}).get("nbgrader", {}).get("solution") and c.cell_type == "code"
    ]


def learner(assignment: str, kind: str):
    """One synthetic submission of the given kind."""
    solved = solved_copy(assignment)
    ids = answer_ids(assignment)
    if kind == "solution" or not ids:
        return solved
    if kind == "blank":
        return blank_copy(assignment)
    blank = {grade_id(c): c.source for c in blank_copy(assignment).cells if grade_id(c) in ids}
    if kind == "partial":  # the first half of the answers right, the rest left blank
        return with_answers(solved, {gid: blank[gid] for gid in ids[len(ids) // 2 :]})
    # broken: an answer cell that raises, then one with a syntax error
    broken = {ids[0]: "raise RuntimeError('learner bug')"}
    if len(ids) > 1:
        broken[ids[-1]] = "def oops(:\n    pass"
    return with_answers(solved, broken)


def build(root: Path, names: list[str], learners: int) -> TempCourse:
    course = TempCourse(root, names)
    for name in names:
        course.generate(name)
        for i in range(learners):
            course.submit(f"learner{i:03d}", name, learner(name, KINDS[i % len(KINDS)]))
    return course


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=tool_env())
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--assignments", nargs="+", default=None)
    args = parser.parse_args(argv)
    names = args.assignments or assignments()
    notebooks = args.learners * len(names)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        stock = build(Path(tmp) / "stock", names, args.learners)
        ours = build(Path(tmp) / "ours", names, args.learners)
        per: dict[str, tuple[float, float]] = {}
        for name in names:
            one_stock = timed(
                [
                    sys.executable,
                    "-m",
                    "nbgrader",
                    "autograde",
                    name,
                    "--create",
                    "--force",
                    f"--CourseDirectory.root={stock.root}",
                    f"--CourseDirectory.db_url={stock.db_url}",
                ],
                stock.root,
            )
            one_ours = timed(
                [
                    sys.executable,
                    "-m",
                    "autograder",
                    "grade",
                    name,
                    "--workers",
                    str(args.workers),
                    "--course-dir",
                    str(ours.root),
                    "--db",
                    ours.db_url,
                    "--no-progress",
                ],
                ours.root,
            )
            per[name] = (one_stock, one_ours)
            print(
                f"{name:28s} stock {one_stock:6.1f} s  ours {one_ours:6.1f} s  "
                f"{one_stock / one_ours:5.2f}x",
                flush=True,
            )
        stock_s = sum(a for a, _ in per.values())
        ours_s = sum(b for _, b in per.values())
        for name in names:
            a, b = stock.scores(name), ours.scores(name)
            if a != b:
                print(f"SCORES DIFFER for {name}:\nstock {a}\nours  {b}")
                return 1
    print(f"assignments: {', '.join(names)}; {args.learners} learners each; {notebooks} notebooks")
    print(f"stock nbgrader autograde : {stock_s:6.1f} s  {notebooks / stock_s:5.2f} nb/s")
    print(f"autograder grade -w {args.workers}   : {ours_s:6.1f} s  {notebooks / ours_s:5.2f} nb/s")
    print(f"speed-up                 : {stock_s / ours_s:5.2f}x  (scores identical)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
