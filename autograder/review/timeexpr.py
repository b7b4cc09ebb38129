"""Day and time expressions in normalised call text, resolved against the call time.

Rules are regular expressions compiled once (fast enough for the review engine's budget);
resolution is future-preferring: weekdays go to their next occurrence, a bare "N号" already
past goes to next month, 月底 is the month's last day and 下班前 is today.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from autograder.review.amounts import parse_chinese_number
from autograder.review.workdays import add_workdays

__all__ = ["DayMention", "find_days", "find_time", "has_cjk"]


@dataclass(frozen=True)
class DayMention:
    """A day named in a text: resolved `day`, or `vague` for ranges such as 下周, 过几天, soon."""

    start: int
    end: int
    day: date | None
    vague: bool = False
    weak: bool = False  # 下班前 / tonight: today only when nothing else names a day


_CNN = "一二两三四五六七八九十"
_N = rf"(?:\d{{1,2}}|[{_CNN}]{{1,3}})"
_WD = r"(?P<wd>[一二三四五六日天1-7])"
_APPROX = re.compile(r"\s?(?:左右|前后|上下|那几天|那阵|附近|or so\b|ish\b)")
_APPROX_BEFORE = re.compile(
    r"(?:\baround|(?<!how\s)(?<!what\s)\babout|\bapproximately|\broughly|大约|约)\s*(?:the\s+)?$"
)

_ZH = re.compile(
    "|".join(
        [
            r"(?P<iso>(?P<iy>20\d\d)\s?[-/.年]\s?(?P<im>\d{1,2})\s?[-/.月]\s?(?P<id>\d{1,2})[日号]?)",
            rf"(?P<md>(?P<mm>{_N})月(?P<mdd>{_N})[日号]?)",
            r"(?P<slash>(?<![\d/])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>[12]\d|3[01]|0?[1-9])(?![\d/]))",
            rf"(?P<rmd>(?P<rmw>下个?|这个?|本)月(?P<rmn>{_N})[日号])",
            r"(?P<mend>(?P<mew>下个?|这个?|本)?月(?:底|末))",
            r"(?P<yend>今?年(?:底|末))",
            rf"(?P<week>(?P<ww>下下个?|下个?|这个?|本|上个?)?(?:周|星期|礼拜){_WD})",
            r"(?P<rel>大后天|后天|明天|明日|明儿|明早|明晚|今天|今日|今儿|今晚|今早|当天|当日|"
            r"大前天|昨天|昨日|昨晚|前天)",
            rf"(?P<wdn>(?P<wdnn>{_N})个?工作日)",
            r"(?P<nwd>下一?个?工作日)",
            rf"(?P<nd>(?P<ndn>{_N})天(?:后|以后|之后|内|之内|以内))",
            rf"(?P<bd>(?<![\d{_CNN}])(?P<bdn>{_N})[号日](?!线|码|楼|房|机))",
            r"(?P<off>下班(?:之?前|以前)|晚上之?前)",
            r"(?P<vague>明后天|明后两天|今明两?天|过几天|过两天|过段时间|过一阵子?|过阵子|这几天|这两天|近几天|近两天|最近|近期|"
            r"尽快|尽早|改天|回头|以后|过些天|下周|下个?星期|下个?礼拜|这周|这个?星期|这个?礼拜|本周|"
            r"周末|下个?月|月初|月中|上旬|中旬|下旬|年后|年前|节后|节前|一两天|两三天|三五天|几天|早晚|"
            r"有空|有时间|发工资)",
        ]
    )
)

_EN_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_EN_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
_EN_DAYS.update({"saturday": 5, "sunday": 6, "tues": 1, "weds": 2, "thurs": 3})
_EN_NUM = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
_MON = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(_EN_DAYS, key=len, reverse=True))
_ENN = r"(?:\d{1,2}|" + "|".join(_EN_NUM) + ")"

_EN = re.compile(
    "|".join(
        [
            r"(?P<iso>(?P<iy>20\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2}))",
            r"(?P<slash>(?<![\d/])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>[12]\d|3[01]|0?[1-9])"
            r"(?:/(?P<sy>20\d\d|\d\d))?(?![\d/]))",
            rf"(?P<mname>\b(?P<mn>{_MON})\.?\s+(?P<mnd>\d{{1,2}})(?:st|nd|rd|th)?\b)",
            rf"(?P<dname>\b(?P<dnd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dnm>{_MON})\b)",
            r"(?P<mend>\b(?:the\s+)?(?:end|last\s+day)\s+of\s+(?:the\s+|this\s+)?"
            r"(?P<mew>next\s+)?month\b|\bmonth[-\s]end\b)",
            rf"(?P<week>\b(?:(?P<ww>next|this|coming|this\s+coming)\s+)?(?P<wname>{_DAY})\b)",
            r"(?P<rel>\bthe\s+day\s+after\s+tomorrow\b|\bday\s+after\s+tomorrow\b|\btomorrow\b|"
            r"\btmrw?\b|\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|"
            r"\byesterday\b)",
            rf"(?P<wdn>\b(?P<wdnn>{_ENN})\s+(?:business|working|work)\s+days?\b)",
            r"(?P<nwd>\bnext\s+(?:business|working|work)\s+day\b)",
            rf"(?P<nd>\b(?:in|within)\s+(?P<ndn>{_ENN})\s+days?\b)",
            r"(?P<bd>\bthe\s+(?P<bdn>\d{1,2})(?:st|nd|rd|th)\b|\b(?P<bdn2>\d{1,2})(?:st|nd|rd|th)\b)",
            r"(?P<off>\b(?:end\s+of\s+(?:the\s+)?(?:day|business)|eod|close\s+of\s+business|cob)\b)",
            r"(?P<vague>\bnext\s+week\b|\bthis\s+week\b|\bsoon\b|\blater\b(?!\s+than)|\bsome\s*time\b|"
            r"\b(?:a\s+)?few\s+days\b|\bcouple\s+(?:of\s+)?days\b|\basap\b|\bas\s+soon\s+as\b|"
            r"\bwhen(?:ever)?\s+i\s+can\b|\bnext\s+month\b|\bend\s+of\s+(?:the\s+)?week\b|"
            r"\b(?:this|the)\s+weekend\b|\bearly\s+next\b|\bmid-?month\b|\bpayday\b|"
            r"\bwhen\s+i\s+get\s+paid\b)",
        ]
    )
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z]")


def has_cjk(text: str) -> bool:
    """True when the text holds Chinese characters."""
    return _CJK.search(text) is not None


def _num(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _EN_NUM:
        return _EN_NUM[text]
    return parse_chinese_number(text)


def _month_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _future_md(today: date, month: int, day: int, year: int | None = None) -> date | None:
    """Month and day in the given year, else this year, else next year when already past."""
    if year is not None:
        return _month_day(year, month, day)
    found = _month_day(today.year, month, day)
    if found is None or found < today:
        found = _month_day(today.year + 1, month, day)
    return found


def _bare_day(today: date, day: int) -> date | None:
    """A bare day of month: this month if not yet past (today counts), else the next month with it."""
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(13):
        found = _month_day(year, month, day)
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _month_end(today: date, months_ahead: int = 0) -> date:
    month0 = today.month - 1 + months_ahead
    year, month = today.year + month0 // 12, month0 % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _weekday(today: date, wd: int, which: str) -> date:
    monday = today - timedelta(days=today.weekday())
    if which.startswith("下下"):
        return monday + timedelta(days=14 + wd)
    if which.startswith("下") or which == "next":
        return monday + timedelta(days=7 + wd)
    if which.startswith("上"):
        return monday - timedelta(days=7 - wd)
    if which.startswith(("这", "本")):
        return monday + timedelta(days=wd)
    if which == "this" and wd >= today.weekday():
        return monday + timedelta(days=wd)
    ahead = (wd - today.weekday()) % 7 or 7  # plain weekday: next occurrence, strictly ahead
    return today + timedelta(days=ahead)


_REL = {
    "今天": 0, "今日": 0, "今儿": 0, "今晚": 0, "今早": 0, "当天": 0, "当日": 0,
    "明天": 1, "明日": 1, "明儿": 1, "明早": 1, "明晚": 1, "后天": 2, "大后天": 3,
    "昨天": -1, "昨日": -1, "昨晚": -1, "前天": -2, "大前天": -3,
    "today": 0, "tonight": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1, "yesterday": -1,
}  # fmt: skip


def _resolve(m: re.Match, today: date, lang: str) -> DayMention | None:
    kind = m.lastgroup
    g = m.group
    day: date | None = None
    weak = False
    if kind == "iso":
        day = _month_day(int(g("iy")), int(g("im")), int(g("id")))
    elif kind == "md":
        month, mday = _num(g("mm")), _num(g("mdd"))
        day = _future_md(today, month, mday) if month and mday and month <= 12 else None
    elif kind == "slash":
        year = g("sy") if "sy" in m.re.groupindex else None
        year_n = (int(year) + (2000 if len(year) == 2 else 0)) if year else None
        day = _future_md(today, int(g("sm")), int(g("sd")), year_n)
    elif kind == "mname":
        day = _future_md(today, _EN_MONTHS[g("mn")], int(g("mnd")))
    elif kind == "dname":
        day = _future_md(today, _EN_MONTHS[g("dnm")], int(g("dnd")))
    elif kind == "rmd":
        ahead = 1 if g("rmw").startswith("下") else 0
        first = _month_end(today, ahead).replace(day=1)
        day = _month_day(first.year, first.month, _num(g("rmn")) or 0)
    elif kind == "mend":
        ahead = 1 if (g("mew") or "").startswith(("下", "next")) else 0
        day = _month_end(today, ahead)
    elif kind == "yend":
        day = date(today.year, 12, 31)
    elif kind == "week":
        name = g("wname") if "wname" in m.re.groupindex and g("wname") else None
        wd = _EN_DAYS[name] if name else {"日": 6, "天": 6, "7": 6}.get(g("wd"), None)
        if wd is None:
            wd = int(g("wd")) - 1 if g("wd").isdigit() else "一二三四五六".index(g("wd"))
        which = re.sub(r"\s+", " ", g("ww") or "")
        day = _weekday(today, wd, "" if which in ("coming", "this coming") else which)
    elif kind == "rel":
        word = g("rel")
        offset = _REL.get(word)
        if offset is None:
            offset = 2 if "after" in word else 0  # "this evening" and the like
        day = today + timedelta(days=offset)
    elif kind == "wdn":
        n = _num(g("wdnn"))
        day = add_workdays(today, n, lang) if n and n < 60 else None
    elif kind == "nwd":
        day = add_workdays(today, 1, lang)
    elif kind == "nd":
        n = _num(g("ndn"))
        day = today + timedelta(days=n) if n is not None and n < 60 else None
    elif kind == "bd":
        n = _num(g("bdn") or g("bdn2"))
        day = _bare_day(today, n) if n else None
    elif kind == "off":
        day, weak = today, True
    elif kind == "vague":
        return DayMention(m.start(), m.end(), None, vague=True)
    if day is None:
        return None
    vague = _APPROX.match(m.string, m.end()) is not None
    vague = vague or _APPROX_BEFORE.search(m.string, max(0, m.start() - 20), m.start()) is not None
    return DayMention(m.start(), m.end(), None if vague else day, vague=vague, weak=weak)


def find_days(norm: str, at: datetime | date) -> list[DayMention]:
    """Every day expression in a normalised text, in order, resolved against `at`."""
    today = at.date() if isinstance(at, datetime) else at
    found: list[DayMention] = []
    if _CJK.search(norm):
        found += [d for m in _ZH.finditer(norm) if (d := _resolve(m, today, "zh"))]
    if _LATIN.search(norm) or not found:
        found += [d for m in _EN.finditer(norm) if (d := _resolve(m, today, "en"))]
    found.sort(key=lambda d: d.start)
    return found


_ZH_TIME = re.compile(
    rf"(?P<tod>上午|早上|早晨|中午|下午|傍晚|晚上|今晚|明晚|夜里|凌晨)?"
    rf"(?P<h>\d{{1,2}}|[{_CNN}]{{1,3}})(?:点|:|时)(?P<mi>半|一刻|三刻|\d{{1,2}}|[{_CNN}]{{1,3}})?"
)
_EN_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?|o'clock)|\b(?P<noon>noon|midday)\b"
    r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b"
)


def find_time(norm: str) -> time | None:
    """The first clock time in a normalised text (下午三点, 15:00, by 5 pm, 中午), or None."""
    for m in _ZH_TIME.finditer(norm) if _CJK.search(norm) else ():
        hour = _num(m["h"])
        if hour is None or hour > 24:
            continue
        nxt = norm[m.end() : m.end() + 1]
        if not (m["tod"] or m["mi"] or m["h"].isdigit()) and (not nxt or nxt not in "前之以钟整左"):
            continue  # 还一点 is "a little", not one o'clock
        mi = m["mi"] or ""
        minute = {"半": 30, "一刻": 15, "三刻": 45, "": 0}.get(mi)
        if minute is None:
            minute = _num(mi) or 0
        if m["tod"] in ("下午", "傍晚", "晚上", "今晚", "明晚") and hour < 12:
            hour += 12
        if m["tod"] == "中午" and hour < 6:
            hour += 12
        if not m["tod"] and 1 <= hour <= 7:
            hour += 12  # 3点前 on a collection call is the afternoon
        return time(hour % 24, min(minute, 59))
    if _CJK.search(norm) and "中午" in norm:
        return time(12, 0)
    m = _EN_TIME.search(norm)
    if m:
        if m["noon"]:
            return time(12, 0)
        hour = int(m["h"] or m["h2"])
        minute = int(m["mi"] or m["mi2"] or 0)
        if m["ap"] and m["ap"].startswith("p") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return None
