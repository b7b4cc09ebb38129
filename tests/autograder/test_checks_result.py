"""CheckResult and award: the contract every grade cell relies on for partial credit."""

import pytest

from autograder.checks import CheckResult, Note, award


def test_points_scale_the_fraction():
    assert CheckResult("q1_1", 0.5).points(3) == 1.5
    assert CheckResult("q1_1", 1.0).points(2) == 2.0
    assert CheckResult("q1_1", 0.0).points(2) == 0.0


@pytest.mark.parametrize("bad", [-0.1, 1.01])
def test_fraction_out_of_range_is_refused(bad):
    with pytest.raises(ValueError):
        CheckResult("q1_1", bad)


def test_award_prints_bilingual_notes_to_stdout(capsys):
    result = CheckResult("q2_1", 0.25, [Note("缺少日期", "no day given")])
    assert award(result, 4) == 1.0
    captured = capsys.readouterr()
    assert "缺少日期 / no day given" in captured.out
    assert captured.err == "", "nbgrader scores any stderr output as zero"


def test_html_escapes_learner_text():
    result = CheckResult("q1_1", 0.0, [Note("<script>x</script>", "<b>")])
    html = result._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert result.passed is False and CheckResult("q", 1.0).passed is True
