"""Feedback shows learners their results and hints, never hidden tests or active learner output."""

from __future__ import annotations

import pytest
from coursekit import TempCourse, blank_copy, solved_copy, with_answers

from autograder.feedback import safe_output, strip_hidden_tests

ASSIGNMENT = "00-welcome"


def test_strip_hidden_tests_keeps_visible_part():
    src = 'assert x\n### BEGIN HIDDEN TESTS\nassert x == "B"\n### END HIDDEN TESTS\nprint(1)'
    out = strip_hidden_tests(src)
    assert "assert x" in out and "print(1)" in out
    assert '"B"' not in out and "HIDDEN TESTS" not in out


def test_error_in_test_cell_keeps_only_the_message():
    err = {
        "output_type": "error",
        "ename": "AssertionError",
        "evalue": "提示 / hint",
        "traceback": ['----> 3 assert answer == "B"'],
    }
    clean = safe_output(err, in_test_cell=True)
    assert clean["traceback"] == ["AssertionError: 提示 / hint"]
    assert safe_output(err, in_test_cell=False)["traceback"] == err["traceback"]


def test_active_formats_are_dropped():
    out = {
        "output_type": "display_data",
        "data": {
            "text/html": "<script>x</script>",
            "text/plain": "ok",
            "application/javascript": "x",
        },
        "metadata": {},
    }
    assert safe_output(out, in_test_cell=False)["data"] == {"text/plain": "ok"}


@pytest.mark.slow
def test_generated_feedback_hides_the_key_and_escapes_learner_output(tmp_path):
    course = TempCourse(tmp_path / "course", [ASSIGNMENT])
    course.generate(ASSIGNMENT)
    hostile = with_answers(
        solved_copy(ASSIGNMENT),
        {
            "q1_answer": (
                "from IPython.display import HTML, display\n"
                "display(HTML('<script>alert(\"pwned\")</script>'))\n"
                'dated_commitment = "A"'
            ),
            "q4_answer": "prohibited = {1, 2}",
        },
    )
    course.submit("mallory", ASSIGNMENT, hostile)
    course.submit("blank", ASSIGNMENT, blank_copy(ASSIGNMENT))
    course.autograde(ASSIGNMENT)
    course.nbgrader("generate_feedback", ASSIGNMENT, "--force")
    html = (course.root / "feedback" / "mallory" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "hidden tests omitted" in html
    for secret in ("BEGIN HIDDEN TESTS", "_key = {2, 3, 5}", 'upper() == "B"', "1206.0"):
        assert secret not in html, f"feedback shows {secret!r}"
    assert '<script>alert("pwned")</script>' not in html
    # the learner still sees their result and the author's hints
    assert "q1_1" in html and "q4_1" in html
    assert "有合法的施压被你当成了违规" in html
    blank_html = (
        course.root / "feedback" / "blank" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    ).read_text()
    assert "NameError" in blank_html
