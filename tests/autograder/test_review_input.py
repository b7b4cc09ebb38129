"""Bad input: wrong types are clear errors; odd text never crashes."""

from datetime import date, datetime

import pytest

from autograder.review import ReviewResult, review

DAY = datetime(2026, 11, 23, 10, 0)


@pytest.mark.parametrize("text", [None, 42, b"bytes", ["a"]])
def test_text_must_be_str(text):
    with pytest.raises(TypeError, match="text"):
        review(text, at=DAY)


@pytest.mark.parametrize("at", [None, "2026-11-23T10:00", date(2026, 11, 23), 1700000000])
def test_at_must_be_datetime(at):
    with pytest.raises(TypeError, match="at"):
        review("催收员：您好", at=at)


def test_unknown_jurisdiction_is_a_value_error():
    with pytest.raises(ValueError, match="jurisdiction"):
        review("催收员：您好", at=DAY, jurisdiction="uk")


ODD = [
    ("empty", ""),
    ("blank", "   \n\t\n"),
    ("control characters", "催收员：\x00\x01老\x02赖\x1b[31m"),
    ("emoji", "催收员：😀😀 你好 🙏\n客户：👍 明天还"),
    ("only a tag", "催收员："),
    ("unknown tags", "旁白：电话响了\n主管：注意语气\n???：!!!"),
    ("lone surrogate-free odd unicode", "\u200b\ufeff\u2028催收员：您好\u2029"),
    ("crlf", "催收员：您好\r\n客户：嗯\r\n"),
]


@pytest.mark.parametrize("why,text", ODD, ids=[o[0] for o in ODD])
def test_odd_text_does_not_crash(why, text):
    r = review(text, at=DAY)
    assert isinstance(r, ReviewResult)
    assert len(r.elements) == 7
    str(r)
    r._repr_html_()
    r.to_dict()


def test_one_megabyte_of_text():
    line = "催收员：您好，您的账单已经逾期，请问今天还是明天处理？\n客户：明天还吧。\n"
    text = line * (1_000_000 // len(line.encode()) + 1)
    r = review(text, at=DAY)
    assert len(r.turns) > 1000


def test_empty_text_has_no_flags_even_at_night():
    r = review("", at=datetime(2026, 11, 23, 23, 30))
    assert r.flags == [] and r.commitment is None
