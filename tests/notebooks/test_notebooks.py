"""Notebooks are checked like code: validate, invert, release in sync, no answer key released."""

from __future__ import annotations

import nbformat
import pytest
from coursekit import (
    REPO,
    TempCourse,
    assignments,
    blank_copy,
    grade_id,
    release_notebook,
    solved_copy,
    source_notebook,
)

ASSIGNMENTS = assignments()


def validate(path, *, invert: bool = False) -> dict:
    """nbgrader's own validator, as `nbgrader validate [--invert]` runs it."""
    from nbgrader.validator import Validator

    return Validator(invert=invert).validate(str(path))


def test_every_assignment_has_source_and_release():
    assert ASSIGNMENTS, "source/ holds no assignments"
    for name in ASSIGNMENTS:
        assert source_notebook(name).is_file(), f"source/{name}/{name}.ipynb is missing"
        assert release_notebook(name).is_file(), f"release/{name}/{name}.ipynb is missing"
    released = sorted(p.name for p in (REPO / "release").iterdir() if p.is_dir())
    assert released == ASSIGNMENTS, "release/ and source/ hold different assignments"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_holds_no_answer_key(assignment):
    for path in (REPO / "release" / assignment).rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
                assert marker not in text, f"{path} contains {marker!r}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grade_cells_are_named_and_documented(assignment):
    nb = nbformat.read(str(source_notebook(assignment)), as_version=4)
    ids = [grade_id(c) for c in nb.cells if grade_id(c)]
    assert len(ids) == len(set(ids)), "duplicate grade ids"
    tests = [
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    ]
    assert len(tests) >= 4, "every assignment has at least 4 autograded test cells"
    for cell in tests:
        gid = grade_id(cell)
        assert gid.startswith("q") and "_" in gid, f"test cell {gid!r} is not named like q2_3"
        first = cell.source.lstrip().splitlines()[0]
        assert first.startswith('"""') and gid in first, (
            f"{gid}: first line must be a docstring naming it"
        )


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_passes_its_tests(assignment):
    result = validate(source_notebook(assignment))
    assert not result.get("failed"), f"source tests fail: {result['failed']}"
    assert not result.get("errored"), f"source tests error: {result['errored']}"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_notebook_fails_every_test(assignment):
    result = validate(release_notebook(assignment), invert=True)
    assert not result.get("passed"), f"tests pass on the blank notebook: {result['passed']}"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_is_regenerated_from_source(assignment, tmp_path):
    from autograder.release import generate

    generate(REPO, assignment, tmp_path)
    fresh = nbformat.read(str(tmp_path / assignment / f"{assignment}.ipynb"), as_version=4)
    committed = nbformat.read(str(release_notebook(assignment)), as_version=4)

    def shape(nb):
        return [(c.cell_type, c.source, c.metadata.get("nbgrader", {})) for c in nb.cells]

    assert shape(fresh) == shape(committed), (
        f"release/{assignment} is out of date: run `autograder release {assignment}`"
    )
    fresh_files = sorted(
        p.relative_to(tmp_path / assignment) for p in (tmp_path / assignment).rglob("*")
    )
    committed_files = sorted(
        p.relative_to(REPO / "release" / assignment)
        for p in (REPO / "release" / assignment).rglob("*")
    )
    assert fresh_files == committed_files


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_gets_full_marks_and_blank_gets_zero(assignment, tmp_path):
    course = TempCourse(tmp_path / "course", [assignment])
    course.generate(assignment)
    course.submit("solver", assignment, solved_copy(assignment))
    course.submit("blank", assignment, blank_copy(assignment))
    course.autograde(assignment)
    scores = course.scores(assignment)
    max_score = course.max_score(assignment)
    auto_ids = [
        grade_id(c)
        for c in nbformat.read(str(source_notebook(assignment)), as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    ]
    assert auto_ids
    for gid in auto_ids:
        assert scores["blank"][gid] == 0, f"blank copy earns points on {gid}"
    solver = scores["solver"]
    source = nbformat.read(str(source_notebook(assignment)), as_version=4)
    auto_points = sum(
        c.metadata["nbgrader"]["points"]
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    )
    earned = sum(solver[g] for g in auto_ids)
    assert earned == pytest.approx(auto_points), f"solution earns {earned}/{auto_points}: {solver}"
    assert max_score >= auto_points
