"""The `autograder` console script: help, version, and each command reachable."""

import subprocess
import sys

import pytest

from autograder import __version__
from autograder.cli import COMMANDS, build_parser, run


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        run(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        run(["--help"])
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_no_command_prints_help(capsys):
    assert run([]) == 0
    assert "usage" in capsys.readouterr().out


def test_unknown_command_is_an_error():
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["no-such-command"])
    assert exc.value.code == 2


def test_module_entry_point_runs():
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_one_command_imports_only_its_own_module():
    """`autograder grade` does not pay for the other commands' imports (seconds of CPU)."""
    code = (
        "import sys; from autograder.cli import build_parser; build_parser(only='grade'); "
        "print(sorted(m for m in ('autograder.report.texts', 'autograder.review_cli') "
        "if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_command_still_parses_its_own_arguments():
    args = build_parser(only="grade").parse_args(["grade", "00-welcome", "--workers", "2"])
    assert args.assignment == "00-welcome" and args.workers == 2
