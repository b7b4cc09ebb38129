"""Script elements: each found with a quote, or missing with a bilingual hint."""

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from autograder.review import ELEMENTS, review

DAY = datetime(2026, 11, 23, 10, 0)

FULL_ZH = """您好，请问是王先生本人吗？我是XX资产管理公司的小李，工号1024，受XX银行委托联系您。
您的信用卡已经逾期15天，欠款3200元。
请问是遇到什么情况了吗？
您看今天还是明天可以处理？
好的，跟您确认一下：明天下午通过银行官方App还款3200元。
感谢您的配合，再见。"""

FULL_EN = (
    "Hello, am I speaking with John Smith? This is Anna from ABC Collections Agency. "
    "Your account is 30 days past due with a balance of $450. What has made it difficult to pay? "
    "Can you pay today or tomorrow? So to confirm: $450 on Friday through our official website. "
    "Thank you, goodbye."
)


def elements(text):
    return {e.name: e for e in review(text, at=DAY).elements}


@pytest.mark.parametrize("text", [FULL_ZH, FULL_EN, FULL_ZH.replace("请问", "請問")])
def test_complete_script_has_every_element(text):
    found = elements(text)
    assert list(found) == list(ELEMENTS)
    for name, e in found.items():
        assert e.present, name
        assert e.quote and e.quote in text, name


MISSING = [
    ("no self identification", "我是XX资产管理公司的小李，工号1024，", "self_identification"),
    ("no closing", "感谢您的配合，再见。", "closing"),
    ("no open question", "请问是遇到什么情况了吗？", "open_question"),
    ("no closed question", "您看今天还是明天可以处理？", "closed_question_day"),
    ("no recap", "好的，跟您确认一下：明天下午通过银行官方App还款3200元。", "recap"),
    ("no purpose", "您的信用卡已经逾期15天，欠款3200元。", "purpose"),
]


@pytest.mark.parametrize("why,cut,name", MISSING, ids=[m[0] for m in MISSING])
def test_missing_element_has_bilingual_hint(why, cut, name):
    e = elements(FULL_ZH.replace(cut, ""))[name]
    assert not e.present and e.quote == ""
    assert " / " in e.hint


def test_right_party_check_by_full_id_number_does_not_count():
    text = "请把你的身份证号码完整报一下，确认您是王先生本人吗？"
    assert not elements(text)["right_party_check"].present
    assert elements("请问您是王先生本人吗？")["right_party_check"].present


def test_identification_needs_company_and_name():
    assert not elements("我是小李。")["self_identification"].present
    assert elements("我是XX公司的小李。")["self_identification"].present


def test_debtor_words_do_not_supply_elements():
    text = "催收员：喂。\n客户：谢谢，再见。"
    assert not elements(text)["closing"].present


TABLE = yaml.safe_load(
    (Path(__file__).parent / "files" / "review_elements.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", TABLE, ids=[c["id"] for c in TABLE])
def test_element_table(case):
    got = [e.name for e in review(case["text"], at=DAY).elements if not e.present]
    assert got == case["missing"], case["why"]


def test_elements_are_found_on_first_use_and_kept():
    """Flag-only callers (compliance review, bulk reports) never pay for the element search."""
    r = review("催收员：您好，我是XX资产管理公司的小李。请问您今天还是明天还款？", at=DAY)
    assert r._elements is None
    first = r.elements
    assert [e.name for e in first] == list(ELEMENTS)
    assert r.elements is first
    assert {e.name for e in first if e.present} >= {"self_identification", "closed_question_day"}
    assert len(review("", at=DAY).missing_elements) == len(ELEMENTS)
