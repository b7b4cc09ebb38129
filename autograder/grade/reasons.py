"""Plain reasons for failed submissions: what went wrong, in words an instructor can act on."""

from __future__ import annotations

import traceback

from autograder.grade.course import CourseSpec


def describe_error(exc: BaseException, spec: CourseSpec | None = None) -> tuple[str, str]:
    """(short reason, detail) for an exception raised while grading one submission."""
    import json

    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbformat.reader import NotJSONError
    from nbformat.validator import ValidationError

    detail = "".join(traceback.format_exception(exc))[-4000:]
    limits = spec.limits if spec else None
    name = type(exc).__name__
    if isinstance(exc, UnicodeDecodeError):
        return "notebook is not valid UTF-8 text", detail
    if isinstance(exc, NotJSONError | json.JSONDecodeError):
        return "notebook is not valid JSON (malformed or truncated file)", detail
    if isinstance(exc, ValidationError):
        return f"notebook does not follow the nbformat schema: {exc.message}", detail
    if isinstance(exc, DeadKernelError):
        why = "the kernel died while running the learner's code"
        if limits:
            why += (
                f" (limits: {limits.memory_mb} MB memory, {limits.cpu_seconds} s CPU;"
                " a memory hog, a crash or os._exit end it)"
            )
        return why, detail
    if isinstance(exc, CellTimeoutError) or name == "UnresponsiveKernelError":
        return "a cell ran past the time limit and the kernel could not be interrupted", detail
    if name in {"SchemaTooOldError", "SchemaTooNewError"}:
        return f"nbgrader metadata version problem ({name})", detail
    if isinstance(exc, TimeoutError):
        return "the kernel did not start or answer in time", detail
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{name}: {text}" if text else name, detail
