"""Day and time expressions: resolution against the call time, ranges, workdays, English."""

from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.review.timeexpr import find_days, find_time

MON = datetime(2026, 11, 23, 10, 0)  # a Monday
SAT = datetime(2026, 11, 28, 11, 0)
MONTH_END = datetime(2026, 11, 30, 16, 0)
YEAR_END = datetime(2026, 12, 30, 20, 0)
PRE_HOLIDAY = datetime(2026, 9, 30, 15, 0)

DAYS = [
    # (text, at, expected day or None for vague, why)
    ("今天", MON, date(2026, 11, 23), "today"),
    ("明天", MON, date(2026, 11, 24), "tomorrow"),
    ("后天", MON, date(2026, 11, 25), "day after tomorrow"),
    ("大后天", MON, date(2026, 11, 26), "three days on"),
    ("周五", MON, date(2026, 11, 27), "weekday: next occurrence"),
    ("周一", MON, date(2026, 11, 30), "same weekday: next week, not today"),
    ("星期日", MON, date(2026, 11, 29), "星期日"),
    ("礼拜天", MON, date(2026, 11, 29), "礼拜天"),
    ("下周一", MON, date(2026, 11, 30), "Monday of next week"),
    ("下周一", SAT, date(2026, 11, 30), "Monday of next week from a Saturday"),
    ("下下周三", MON, date(2026, 12, 9), "the week after next"),
    ("这周三", MON, date(2026, 11, 25), "this week's Wednesday"),
    ("3号", MON, date(2026, 12, 3), "a bare day already past goes to next month"),
    ("23号", MON, date(2026, 11, 23), "a bare day that is today stays today"),
    ("31号", MON, date(2026, 12, 31), "a day November lacks goes to the next month with it"),
    ("11月25日", MON, date(2026, 11, 25), "month and day"),
    ("1月5号", YEAR_END, date(2027, 1, 5), "a month-day past this year goes to next year"),
    ("十二月五号", MON, date(2026, 12, 5), "Chinese numerals"),
    ("下个月8号", MON, date(2026, 12, 8), "next month's day"),
    ("上个月15号", MON, date(2026, 10, 15), "last month's day is in the past"),
    ("2026-12-01", MON, date(2026, 12, 1), "ISO date"),
    ("12/5", MON, date(2026, 12, 5), "US numeric date"),
    ("月底", MON, date(2026, 11, 30), "month end"),
    ("月底", MONTH_END, date(2026, 11, 30), "month end on the last day is today"),
    ("下个月底", MON, date(2026, 12, 31), "next month's end"),
    ("下班前", MON, date(2026, 11, 23), "before leaving work is today"),
    ("今晚", MON, date(2026, 11, 23), "tonight"),
    ("两个工作日内", MON, date(2026, 11, 25), "two workdays"),
    ("下一个工作日", PRE_HOLIDAY, date(2026, 10, 8), "the next workday skips National Day"),
    ("两个工作日内", YEAR_END, date(2027, 1, 1), "workdays into 2027 fall back to weekdays"),
    ("三天内", MON, date(2026, 11, 26), "within three days"),
    ("过几天", MON, None, "vague"),
    ("下周", MON, None, "next week is a range"),
    ("25号左右", MON, None, "around a day is a range"),
    ("明后天", MON, None, "tomorrow or the day after"),
    ("tomorrow", MON, date(2026, 11, 24), "English tomorrow"),
    ("the day after tomorrow", MON, date(2026, 11, 25), "English day after tomorrow"),
    ("on friday", MON, date(2026, 11, 27), "English weekday"),
    ("next monday", MON, date(2026, 11, 30), "English next Monday"),
    ("next friday", SAT, date(2026, 12, 4), "English next Friday from a Saturday"),
    ("last friday", MON, date(2026, 11, 20), "English last Friday"),
    ("nov 25", MON, date(2026, 11, 25), "abbreviated month"),
    ("november 25th", MON, date(2026, 11, 25), "month with ordinal"),
    ("25 november", MON, date(2026, 11, 25), "day before month"),
    ("january 5th", YEAR_END, date(2027, 1, 5), "a January date at year end"),
    ("by the 30th", MON, date(2026, 11, 30), "ordinal day"),
    ("the 1st of next month", MON, date(2026, 12, 1), "day of next month"),
    ("end of the month", MON, date(2026, 11, 30), "English month end"),
    ("end of day", MON, date(2026, 11, 23), "end of day"),
    ("within two business days", MON, date(2026, 11, 25), "English workdays"),
    ("next business day", datetime(2026, 2, 27, 9), date(2026, 3, 2), "English: plain weekdays"),
    ("in 3 days", MON, date(2026, 11, 26), "in N days"),
    ("next week", MON, None, "English next week"),
    ("soon", MON, None, "soon"),
    ("around the 15th", MON, None, "around a day"),
    ("后日", MON, date(2026, 11, 25), "Cantonese day after tomorrow"),
    ("the first week of december", MON, None, "a week is no day"),
    ("大后日", MON, date(2026, 11, 26), "Cantonese three days on (not 后日 inside it)"),
    ("月尾", MON, date(2026, 11, 30), "Cantonese month end"),
    ("节后第一个工作日", datetime(2026, 9, 24, 16), date(2026, 9, 28), "first workday after 中秋"),
    ("节后第一个工作日", PRE_HOLIDAY, date(2026, 10, 8), "first workday after National Day"),
    ("一周内", MON, date(2026, 11, 30), "within a week is a deadline, like 三天内"),
    ("一周后", MON, None, "a week later stays vague (the devset's earlier judgement)"),
    ("within a week", MON, date(2026, 11, 30), "English within a week"),
    ("in a week", MON, None, "'in a week' stays loose"),
    ("the wednesday after next", MON, date(2026, 12, 9), "weekday after next"),
    ("the week after next on wednesday", MON, date(2026, 12, 9), "week after next, weekday"),
    ("a week from today", MON, date(2026, 11, 30), "a week from today"),
    ("three days from now", MON, date(2026, 11, 26), "N days from now"),
    ("a week from friday", MON, date(2026, 12, 4), "a week from a weekday"),
    ("december fifth", MON, date(2026, 12, 5), "month name with an ordinal word"),
    ("thanksgiving", MON, date(2026, 11, 26), "fourth Thursday of November"),
    ("thanksgiving", SAT, date(2027, 11, 25), "past this year: next year's"),
    ("月中15号", MON, date(2026, 12, 15), "a range word pinned by the day after it"),
    ("下周 周三", MON, date(2026, 12, 2), "next week, then a plain weekday"),
    ("正月初八", datetime(2027, 2, 3, 10), date(2027, 2, 13), "lunar 初八 from the festival table"),
    ("除夕", datetime(2027, 1, 25, 10), date(2027, 2, 5), "lunar new year's eve"),
    ("圣诞节前一日", MON, date(2026, 12, 24), "the day before a holiday (一日 is not the 1st)"),
    ("元旦后一天", MON, date(2027, 1, 2), "the day after a holiday, 后 not read as 'after'"),
    ("5号的第二天", MON, date(2026, 12, 6), "the day after a date"),
    ("the day after thanksgiving", MON, date(2026, 11, 27), "the day after a holiday"),
    ("the day before christmas", MON, date(2026, 12, 24), "the day before a holiday"),
    ("the day after tomorrow", MON, date(2026, 11, 25), "a word of its own, not shifted twice"),
    ("双十二", MON, date(2026, 12, 12), "shopping festival: a fixed date"),
    ("双11", MON, date(2027, 11, 11), "past this year: next year's"),
]


@pytest.mark.parametrize("case", DAYS, ids=[f"{c[0]}@{c[1]:%m-%d}" for c in DAYS])
def test_find_days(case):
    text, at, expected, why = case
    found = find_days(text, at)
    assert len(found) == 1, f"{why}: {found}"
    assert found[0].day == expected, why
    assert found[0].vague is (expected is None), why


def test_nothing_found_in_plain_text():
    assert find_days("我现在手头紧，没办法", MON) == []
    assert find_days("", MON) == []
    assert find_days("1号线地铁", MON) == []


def test_may_day_inside_a_number_is_no_day():
    assert find_days("还一千五一千", MON) == []
    assert find_days("两万十一", MON) == []
    assert find_days("五一", MON)[0].vague


def test_anaphoric_day_is_merged():
    assert [d.day for d in find_days("5号当天还", MON)] == [date(2026, 12, 5)]


TIMES = [
    ("下午三点前", time(15, 0)),
    ("上午十一点", time(11, 0)),
    ("下昼三点", time(15, 0)),
    ("朝早十点", time(10, 0)),
    ("夜晚八点", time(20, 0)),
    ("3点前", time(15, 0)),
    ("上午十点", time(10, 0)),
    ("下午两点半", time(14, 30)),
    ("今晚八点", time(20, 0)),
    ("中午", time(12, 0)),
    ("15:00", time(15, 0)),
    ("by 5 pm", time(17, 0)),
    ("3:30 p.m.", time(15, 30)),
    ("at noon", time(12, 0)),
    ("9:30", time(9, 30)),
    ("tonight before 8", time(20, 0)),
    ("by 6", time(18, 0)),
    ("by 8 tomorrow", time(8, 0)),
    ("at 4 on friday", time(16, 0)),
    ("by the 5th", None),
    ("by 5 dollars", None),
    ("before 12/5", None),
    ("先还一点", None),
    ("明天", None),
]


@pytest.mark.parametrize("text,expected", TIMES, ids=[t[0] for t in TIMES])
def test_find_time(text, expected):
    assert find_time(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_any_text_resolves_without_error(text, day):
    for found in find_days(text.lower(), day):
        assert found.vague or isinstance(found.day, date)
    found_time = find_time(text.lower())
    assert found_time is None or isinstance(found_time, time)
