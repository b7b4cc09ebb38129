"""Fixtures for the bulk-grading tests: one generated course, copied fresh for each test."""

from __future__ import annotations

import pytest
from coursekit import TempCourse
from gradekit import ASSIGNMENT, copy_course


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> TempCourse:
    course = TempCourse(tmp_path_factory.mktemp("template") / "course", [ASSIGNMENT])
    course.generate(ASSIGNMENT)
    return course


@pytest.fixture()
def course(generated, tmp_path) -> TempCourse:
    return copy_course(generated, tmp_path / "course")
