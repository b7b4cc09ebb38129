"""Errors the command line shows as one clear line (no traceback): the user can fix them."""

from __future__ import annotations

__all__ = ["CommandError", "explain"]


class CommandError(ValueError):
    """What the user asked for cannot be done as asked (unknown assignment, bad option value)."""


def explain(exc: BaseException) -> str | None:
    """A one-line reason for an error the user can fix, or None for a bug (keep the traceback)."""
    if isinstance(exc, CommandError):
        return str(exc)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError)):
        return str(exc)
    kind = type(exc)
    if kind.__module__.startswith("sqlalchemy") and kind.__name__ == "OperationalError":
        cause = getattr(exc, "orig", None) or exc
        return f"cannot open the gradebook / 无法打开成绩库: {cause}"
    return None
