"""Checks that grade cells call: each takes the answer and returns a CheckResult."""

from autograder.checks.result import CheckResult, Note, award

__all__ = ["CheckResult", "Note", "award"]
