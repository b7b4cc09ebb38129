"""`autograder scenarios check [DIR]`: validate call-simulator scenarios written by instructors."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["check"], help="check: validate every *.yaml / 校验")
    parser.add_argument(
        "directory",
        nargs="?",
        default=None,
        help="folder of scenario YAML files or one file (default: course/scenarios)",
    )
    parser.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="course rules: >= 12 nodes, >= 3 endings, every ending reachable (default: on)",
    )
    parser.add_argument(
        "--review",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also play every ending and review every labelled line with the review engine",
    )


def check(target: Path, strict: bool, review: bool = False) -> tuple[int, list[str]]:
    """(number of files with problems, report lines) for a folder or a single file; `review`
    audits structurally valid scenarios with the review engine."""
    from course.simulator import load_scenario, validate_dir, validate_file
    from course.simulator.audit import audit

    if target.is_file():
        results = {str(target): validate_file(target, strict=strict)}
    else:
        results = validate_dir(target, strict=strict)
    if review:
        for file, problems in results.items():
            if not problems:
                problems.extend(audit(load_scenario(file), file))
    lines: list[str] = []
    bad = 0
    for file, problems in results.items():
        if problems:
            bad += 1
            lines.append(f"✗ {file}")
            lines.extend(f"    {p}" for p in problems)
        else:
            lines.append(f"✓ {file}")
    return bad, lines


def main(*, action: str, directory: str | None, strict: bool, review: bool = True) -> int:
    from course.simulator import SCENARIO_DIR

    target = Path(directory) if directory else SCENARIO_DIR
    if not target.exists():
        print(f"找不到 / not found: {target}")
        return 2
    bad, lines = check(target, strict, review)
    print("\n".join(lines) if lines else f"没有场景文件 / no scenario files in {target}")
    total = len([ln for ln in lines if ln[:1] in "✓✗"])
    print(f"{total - bad}/{total} 通过 / passed" + ("" if strict else " (--no-strict)"))
    return 1 if bad or not total else 0
