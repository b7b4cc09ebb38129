"""Environment for the nbgrader and jupyter subprocesses that the grading tools start."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def tool_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """os.environ with this interpreter's bin directory first on PATH.

    nbgrader runs `alembic` by name when it opens a gradebook, so the virtual environment's
    bin directory must be on PATH even when the environment was not activated.
    """
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)
    parts = env.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        env["PATH"] = os.pathsep.join([bindir, *[p for p in parts if p]])
    if extra:
        env.update(extra)
    return env
