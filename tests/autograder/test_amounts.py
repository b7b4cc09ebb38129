"""Amount parsing: Arabic and Chinese numerals, units, currencies, and what is not money."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.review.amounts import find_amounts, parse_chinese_number

CASES = [
    # (text, expected values, why)
    ("明天还5000", ["5000"], "a bare number after a payment verb"),
    ("5,000元", ["5000"], "thousands separator"),
    ("五千", ["5000"], "Chinese numeral"),
    ("一万二", ["12000"], "elided unit after 万"),
    ("两千五", ["2500"], "elided unit after 千"),
    ("三千五百元", ["3500"], "full Chinese numeral with 元"),
    ("一千零五十块", ["1050"], "零 keeps the digit in place"),
    ("1.5万", ["15000"], "decimal with 万"),
    ("1万2", ["12000"], "Arabic with 万 and an elided digit"),
    ("还1万2千元", ["12000"], "Arabic in two unit steps is one amount"),
    ("3万5千块", ["35000"], "万 then 千"),
    ("2千5百", ["2500"], "千 then 百"),
    ("先还1万，2千下周还", ["10000", "2000"], "separated by a comma: two amounts"),
    ("1万元2千元", ["10000", "2000"], "each with its own 元: two amounts"),
    ("two fifty.", ["250"], "a spoken price: two fifty is 250"),
    ("还一千五一千五", ["1500", "1500"], "an amount said twice is two amounts, not none"),
    ("one twenty-five bucks", ["125"], "a spoken price with bucks"),
    ("two hundred fifty dollars", ["250"], "hundred still reads as before"),
    ("at two thirty tomorrow", [], "a clock time, not a price"),
    ("two twenty-year-old cars", [], "a count before a measure"),
    ("3k", ["3000"], "k suffix"),
    ("转3k过去", ["3000"], "k before Chinese text"),
    ("$450.50", ["450.50"], "dollar sign and cents"),
    ("450.50 dollars", ["450.50"], "dollars after"),
    ("2000块", ["2000"], "块"),
    ("rmb 3000", ["3000"], "RMB prefix"),
    ("nt$6,000", ["6000"], "NT$ prefix"),
    ("five hundred dollars", ["500"], "English words"),
    ("two thousand", ["2000"], "English words without currency"),
    ("11月25号", [], "a date is not an amount"),
    ("11/25", [], "a slash date is not an amount"),
    ("2026-11-25", [], "an ISO date is not an amount"),
    ("2026年", [], "a year is not an amount"),
    ("下午3点", [], "a time is not an amount"),
    ("3:30", [], "a clock time is not an amount"),
    ("a grand", ["1000"], "a grand is a thousand"),
    ("2 grand", ["2000"], "digits with grand, counted once"),
    ("put in 1.2k", ["1200"], "k after 'in' is money, not a date"),
    ("三千蚊", ["3000"], "Cantonese 蚊"),
    ("两千周六还", ["2000"], "a weekday after an amount"),
    ("a couple hundred", [], "a couple hundred is no exact amount"),
    ("尾号1234", [], "a card tail is not an amount"),
    ("card ending in 4521", [], "an English card tail is not an amount"),
    ("13812345678", [], "a phone number is not an amount"),
    ("我有2个孩子", [], "a count is not an amount"),
    ("5 days", [], "a duration is not an amount"),
    ("at 3 pm", [], "a time with pm is not an amount"),
    ("on 5 december", [], "a day before a month name is not an amount"),
    ("先还一点", [], "一点 (a little) is not an amount"),
    ("三天", [], "a Chinese duration is not an amount"),
    ("3000月底还", ["3000"], "a large number before 月底 is money"),
    ("call me back at 10", [], "a time after 'at' is not an amount"),
    ("周三两千", ["2000"], "the 三 of 周三 is the weekday's, not a digit of the amount"),
    ("礼拜五三千", ["3000"], "the same after 礼拜"),
    ("四五千", [], "a range stays no amount"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_find_amounts(case):
    text, expected, why = case
    assert [a.value for a in find_amounts(text)] == [Decimal(v) for v in expected], why


@pytest.mark.parametrize(
    "text,value",
    [("十", 10), ("十一", 11), ("二十五", 25), ("一百", 100), ("两万三", 23000), ("十万", 100000)],
)
def test_parse_chinese_number(text, value):
    assert parse_chinese_number(text) == value


def test_parse_chinese_number_rejects_other_text():
    assert parse_chinese_number("明天") is None
    assert parse_chinese_number("") is None


def test_huge_and_empty_inputs():
    assert find_amounts("") == []
    assert find_amounts("9" * 40 + "元")[0].value == Decimal("9" * 40)
    assert find_amounts("😊💰") == []


def test_marked_flags_currency_or_unit():
    found = find_amounts("还2000，转3000元")
    assert [a.marked for a in found] == [False, True]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_positive_amounts_without_error(text):
    for found in find_amounts(text.lower()):
        assert found.value > 0 and 0 <= found.start < found.end <= len(text.lower())
