"""Shared fixtures: the tests directory is importable so helpers like coursekit can be shared."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import os  # noqa: E402

from autograder.toolenv import tool_env  # noqa: E402

# nbgrader runs `alembic` by name: the interpreter's bin directory must be on PATH.
os.environ["PATH"] = tool_env()["PATH"]
