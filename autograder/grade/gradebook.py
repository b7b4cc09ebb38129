"""One gradebook connection for a whole run, shared by nbgrader's own code, with retries.

nbgrader's Autograde converter and preprocessors open a new `Gradebook(db_url)` (engine, table
inspection, course check) about ten times per notebook. Inside `shared_gradebook()` every one of
those names resolves to the single open gradebook of this run, so the cost is paid once. Only
the parent process writes to the gradebook, so SQLite sees one writer; `retrying()` rides out
"database is locked" when another program (formgrader, a second run) writes at the same time.
PostgreSQL takes concurrent sessions from several runs as it is.
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

# Modules whose global name `Gradebook` is what nbgrader's autograde path opens.
PATCHED_MODULES = (
    "nbgrader.converters.autograde",
    "nbgrader.preprocessors.overwritecells",
    "nbgrader.preprocessors.overwritekernelspec",
    "nbgrader.preprocessors.saveautogrades",
    "nbgrader.preprocessors.latesubmissions",
)


class _KeepOpen:
    """Stands in for a Gradebook: the shared one, which `with` and close() leave open."""

    def __init__(self, gradebook) -> None:
        self._gb = gradebook

    def __getattr__(self, name: str):
        return getattr(self._gb, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def close(self) -> None:
        return None


@contextlib.contextmanager
def shared_gradebook(db_url: str, course_id: str) -> Iterator:
    """Open the gradebook once; nbgrader's autograde code uses it until the block ends."""
    from nbgrader.api import Gradebook

    gradebook = Gradebook(db_url, course_id)
    shared = _KeepOpen(gradebook)

    def factory(url: str, *args, **kwargs):
        if url != db_url:
            return Gradebook(url, *args, **kwargs)
        return shared

    saved = {}
    try:
        for name in PATCHED_MODULES:
            module = importlib.import_module(name)
            saved[name] = module.Gradebook
            module.Gradebook = factory
        yield gradebook
    finally:
        for name, original in saved.items():
            importlib.import_module(name).Gradebook = original
        gradebook.close()


def _transient(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(
        word in text for word in ("database is locked", "deadlock", "could not serialize", "busy")
    )


def retrying(gradebook, action: Callable[[], T], attempts: int = 6) -> T:
    """Run `action`; on a transient database error roll back and try again with back-off."""
    from sqlalchemy.exc import DBAPIError

    for attempt in range(attempts):
        try:
            return action()
        except DBAPIError as exc:
            gradebook.db.rollback()
            if not _transient(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * 2**attempt)
    raise AssertionError("unreachable")
