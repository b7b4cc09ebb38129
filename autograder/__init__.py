"""Grading side of the course: the review engine, checks, bulk grading, reports and the CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "review"]

if TYPE_CHECKING:  # pragma: no cover
    from autograder.review import review


def __getattr__(name: str) -> Any:
    # Heavy modules load on first use so that `import autograder` stays fast.
    if name == "review":
        from autograder.review import review

        return review
    raise AttributeError(f"module 'autograder' has no attribute {name!r}")
