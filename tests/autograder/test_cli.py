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


@pytest.mark.parametrize(
    "argv,message",
    [
        (["report", "00-welcome", "--course-dir", "{tmp}/none"], "course directory"),
        (["export", "--course-dir", "{tmp}/none"], "course directory"),
        (["release", "00-welcome", "--course-dir", "{tmp}/none"], "course directory"),
        (["grade", "00-welcome", "--course-dir", "{tmp}/none"], "does not exist"),
        (["report", "00-welcome", "--course-dir", "{tmp}/empty"], "not in the gradebook"),
        (
            ["report", "00-welcome", "--db", "sqlite:///{tmp}/none/x.db"],
            "cannot open the gradebook",
        ),
        (["release", "09-nope", "--course-dir", "{tmp}/empty"], "not in source/: 09-nope"),
    ],
    ids=["report-dir", "export-dir", "release-dir", "grade-dir", "report-empty", "db", "release"],
)
def test_mistakes_get_one_clear_line_not_a_traceback(tmp_path, capsys, argv, message):
    (tmp_path / "empty" / "source" / "00-welcome").mkdir(parents=True)
    assert run([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert f"autograder {argv[0]}: error: " in err and message in err
    assert "Traceback" not in err


def test_a_bug_keeps_its_traceback(monkeypatch):
    """Only errors the user can fix are shortened; anything else is raised as it is."""
    import autograder.export as export

    def broken(**kwargs):
        raise KeyError("internal")

    monkeypatch.setattr(export, "main", broken)
    with pytest.raises(KeyError):
        run(["export"])
