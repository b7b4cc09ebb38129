"""Bulk autograding: nbgrader's autograde results, in parallel, on warm sandboxed kernels."""

from __future__ import annotations

from autograder.grade.course import CourseSpec, Limits
from autograder.grade.results import Outcome, summary

__all__ = ["CourseSpec", "Limits", "Outcome", "summary"]
