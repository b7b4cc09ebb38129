"""Command line of the grading package: parses arguments and calls each command's main()."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from autograder import __version__

# Each command module exposes `add_arguments(parser)` and `main(**kwargs) -> int`.
# The CLI only parses; the command's own module does the work.
COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module, one-line help)
    "release": ("autograder.release", "regenerate release/ from source/ / 由 source/ 生成学员版"),
    "grade": ("autograder.grade.command", "grade every submission in parallel / 批量并行评分"),
    "report": ("autograder.report.command", "cohort report in HTML and CSV / 班级成绩报告"),
    "export": ("autograder.export", "grades as Canvas or Moodle CSV / 导出成绩到 Canvas 或 Moodle"),
    "review": ("autograder.review_cli", "review scripts or transcripts / 审查话术或通话记录"),
    "scenarios": ("autograder.scenarios", "check call-simulator scenarios / 校验通话模拟场景"),
}


def _load(module_name: str) -> tuple[Callable[[argparse.ArgumentParser], None], Callable[..., int]]:
    import importlib

    module = importlib.import_module(module_name)
    return module.add_arguments, module.main


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command's module is imported (its arguments are
    parsed), so one command does not pay for every other command's imports."""
    parser = argparse.ArgumentParser(
        prog="autograder",
        description="电话催收课程评分工具 / Grading tools for the telephone collection course",
    )
    parser.add_argument("--version", action="version", version=f"autograder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            add_arguments, _ = _load(module_name)
            add_arguments(command_parser)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only=chosen if chosen in COMMANDS else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    _, main = _load(COMMANDS[args.command][0])
    kwargs = {k: v for k, v in vars(args).items() if k != "command"}
    try:
        return int(main(**kwargs) or 0)
    except KeyboardInterrupt:
        print(f"autograder {args.command}: interrupted / 已中断", file=sys.stderr)
        return 130
    except Exception as exc:
        from autograder.errors import explain

        reason = explain(exc)
        if reason is None or os.environ.get("AUTOGRADER_DEBUG"):
            raise
        print(f"autograder {args.command}: error: {reason}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
