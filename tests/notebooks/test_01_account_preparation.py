"""01-account-preparation graded end to end: typical mistakes earn partial credit and a clear note."""

from __future__ import annotations

import nbformat
import pytest
from coursekit import TempCourse, cell_output, grade_id, solved_copy, source_notebook, with_answers

A = "01-account-preparation"

# (answer cell, text in the right answer, the typical mistake)
MISTAKES = {
    "q3_answer": (
        'edges = [-1, 0, 30, 60, 90, 120, 150, float("inf")]',
        'edges = [-1, 0, 29, 59, 89, 119, 149, float("inf")]',  # 30 DPD lands in M2
    ),
    "q6_answer": (
        """        owed["first_payment_default"],
        owed["promise_due_date"] == as_of,""",
        """        owed["promise_due_date"] == as_of,
        owed["first_payment_default"],""",  # promised-today ahead of first-payment default
    ),
    "q8_answer": (
        'return time.fromisoformat(rules["window_start"]) <= local < time.fromisoformat(rules["window_end"])',
        'return time.fromisoformat(rules["window_start"]) <= local <= time(23, 59)',  # calls at 23:00
    ),
}
# grade cell -> a phrase its feedback must show the learner
HELP = {
    "q3_1": "Mind the edges",
    "q6_1": "First-payment defaults come first",
    "q8_1": "22:00 (exclusive)",
}
CONSEQUENCES = {"q4_1", "q8_2"}


def mistaken_copy() -> nbformat.NotebookNode:
    solved = solved_copy(A)
    answers = {}
    for cell in solved.cells:
        gid = grade_id(cell)
        if gid in MISTAKES:
            right, wrong = MISTAKES[gid]
            assert right in cell.source, f"{gid}: the solution changed; update MISTAKES"
            answers[gid] = cell.source.replace(right, wrong)
    return with_answers(solved, answers)


def points() -> dict[str, float]:
    nb = nbformat.read(str(source_notebook(A)), as_version=4)
    return {
        grade_id(c): c.metadata["nbgrader"]["points"]
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    }


def outputs_of(path, gid: str) -> str:
    return cell_output(nbformat.read(str(path), as_version=4), gid)


@pytest.mark.slow
def test_typical_mistakes_get_partial_credit_and_help(tmp_path):
    course = TempCourse(tmp_path / "course", [A])
    course.generate(A)
    course.submit("mistaken", A, mistaken_copy())
    course.autograde(A)
    scores = course.scores(A)["mistaken"]
    maximum = points()
    for gid in HELP:
        assert 0 < scores[gid] < maximum[gid], f"{gid}: {scores[gid]} of {maximum[gid]}"
    # q4_1 counts with the learner's to_bucket and q8_2 plans with their can_call,
    # so the same mistakes cost part of those too
    for gid in CONSEQUENCES:
        assert 0 < scores[gid] < maximum[gid], f"{gid}: {scores[gid]} of {maximum[gid]}"
    untouched = set(maximum) - set(HELP) - CONSEQUENCES
    for gid in untouched:
        assert scores[gid] == maximum[gid], f"{gid} should keep full marks: {scores[gid]}"
    graded = course.root / "autograded" / "mistaken" / A / f"{A}.ipynb"
    for gid, phrase in HELP.items():
        text = outputs_of(graded, gid)
        assert phrase in text, f"{gid} feedback lacks {phrase!r}: {text}"


def test_brief_account_keeps_the_story_the_notebook_tells():
    """The prompt and mark scheme describe AC0000784; a generator change must not silently
    turn it into a different kind of account."""
    from course import load_portfolio

    portfolio = load_portfolio(seed=2026, n=1000)
    row = portfolio.set_index("account_id").loc["AC0000784"]
    assert row["promise_due_date"] == portfolio.attrs["as_of"], "promised to pay today"
    assert (row["product"], str(row["bucket"]), row["days_past_due"]) == ("car_loan", "M4", 109)
    assert row["partial_payments"] == 3 and row["promises_broken"] == 1
    assert round(row["overdue_amount"], 2) == 7654.42
    assert row["phone_reachable"] and row["country"] == "CN"
