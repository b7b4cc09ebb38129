"""No answer key reaches a learner: not through release/, nor the installed packages."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from coursekit import REPO

# A solution, hidden-test or mark-scheme block as nbgrader marks it in a cell.
BLOCK = re.compile(r"^[ \t]*\"?[ \t]*#+[ \t]*BEGIN (SOLUTION|HIDDEN TESTS|MARK SCHEME)", re.M)


@pytest.mark.slow
def test_the_wheel_holds_only_the_two_packages_and_no_keys(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        tops = {n.split("/")[0] for n in names}
        assert tops <= {"course", "autograder"} | {t for t in tops if t.endswith(".dist-info")}, (
            tops
        )
        assert not any(n.startswith(("source/", "tests/", "release/")) for n in names)
        for name in names:
            text = zf.read(name).decode("utf-8", errors="replace")
            assert not BLOCK.search(text), f"{name} in the wheel holds an answer block"


def test_package_sources_hold_no_answer_markers():
    for package in ("course", "autograder"):
        for path in (REPO / package).rglob("*"):
            if path.is_file() and path.suffix not in {".pyc"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                assert not BLOCK.search(text), f"{path.relative_to(REPO)} holds an answer block"


def test_the_block_pattern_finds_the_instructors_blocks():
    """The pattern above is not blind: it finds the blocks in every source notebook (as JSON)."""
    for notebook in (REPO / "source").rglob("*.ipynb"):
        assert BLOCK.search(notebook.read_text(encoding="utf-8")), notebook
