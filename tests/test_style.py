"""The house style is enforced: ruff lint and format are clean over the whole repository."""

import shutil
import subprocess
import sys

import pytest
from coursekit import REPO


def ruff(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("ruff")
    cmd = [exe] if exe else [sys.executable, "-m", "ruff"]
    return subprocess.run([*cmd, *args], cwd=REPO, capture_output=True, text=True)


@pytest.mark.parametrize(
    "args", [("check", "."), ("format", "--check", ".")], ids=["lint", "format"]
)
def test_ruff_is_clean(args):
    proc = ruff(*args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
