"""Turn splitting: speaker tags in three scripts, continuation lines, scripts without tags."""

import pytest

from autograder.review.model import COLLECTOR, CONTACT, DEBTOR, UNKNOWN
from autograder.review.speakers import split_turns

TAGS = [
    ("催收员：", COLLECTOR),
    ("催收員：", COLLECTOR),
    ("坐席:", COLLECTOR),
    ("客服：", COLLECTOR),
    ("Agent:", COLLECTOR),
    ("collector :", COLLECTOR),
    ("客户：", DEBTOR),
    ("客戶：", DEBTOR),
    ("债务人：", DEBTOR),
    ("債務人：", DEBTOR),
    ("Debtor:", DEBTOR),
    ("Customer:", DEBTOR),
    ("家属：", CONTACT),
    ("家屬：", CONTACT),
    ("联系人：", CONTACT),
    ("聯繫人：", CONTACT),
    ("聯絡人：", CONTACT),
    ("Contact:", CONTACT),
    ("催收员 小王：", COLLECTOR),
    ("Agent (Li):", COLLECTOR),
]


@pytest.mark.parametrize("tag,role", TAGS, ids=[t for t, _ in TAGS])
def test_tags(tag, role):
    turns = split_turns(f"{tag}你好\n客户：嗯")
    assert turns[0].speaker == role
    assert turns[0].text == "你好"


def test_script_without_tags_is_all_collector_one_turn_per_line():
    turns = split_turns("您好，我是XX公司的小王。\n\n请问是王先生吗？\n")
    assert [t.speaker for t in turns] == [COLLECTOR, COLLECTOR]
    assert [t.index for t in turns] == [0, 1]


def test_untagged_and_unknown_tag_lines_continue_the_turn():
    text = "催收员：第一句\n第二句\n旁白：电话那头很吵\n客户：好的"
    turns = split_turns(text)
    assert [t.speaker for t in turns] == [COLLECTOR, DEBTOR]
    assert "第二句" in turns[0].text and "旁白" in turns[0].text


def test_preamble_before_first_tag_is_unknown():
    turns = split_turns("通话记录 2026-11-23\n催收员：您好")
    assert turns[0].speaker == UNKNOWN and turns[1].speaker == COLLECTOR


def test_offsets_point_into_the_input():
    text = "催收员：您好\r\n客户：嗯，明天还"
    for t in split_turns(text):
        assert text[t.start : t.start + len(t.text)] == t.text


def test_norm_is_simplified_lower_case():
    (turn,) = split_turns("催收員：您的帳戶 OVERDUE")
    assert turn.norm == "您的帐户 overdue"


def test_empty_text_has_no_turns():
    assert split_turns("") == []
    assert split_turns("  \n\n ") == []


@pytest.mark.parametrize(
    "line", ["**催收员**：你好", "【催收员】：你好", "催收员 小王：你好", "催收员A：你好"]
)
def test_decorated_tags(line):
    assert split_turns(line)[0].speaker == COLLECTOR


def test_a_clause_glued_to_a_tag_word_is_script_text():
    script = "开场：您好。\n客户如果拒绝：你不还我们就上门。"
    turns = split_turns(script)
    assert [t.speaker for t in turns] == [COLLECTOR, COLLECTOR]
    assert "客户如果拒绝" in turns[1].text
