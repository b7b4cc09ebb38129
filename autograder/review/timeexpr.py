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

from autograder.review import daypatterns as pat
from autograder.review.amounts import parse_chinese_number
from autograder.review.workdays import SPRING_FESTIVAL, add_workdays, is_workday, next_workday

__all__ = ["DayMention", "find_days", "find_time", "has_cjk", "may_name_day"]


@dataclass(slots=True)
class DayMention:
    """A day named in a text: resolved `day`, or `vague` for ranges such as 下周, 过几天, soon."""

    start: int
    end: int
    day: date | None
    vague: bool = False
    weak: bool = False  # 下班前 / tonight: today only when nothing else names a day
    plain_weekday: bool = False  # 周二 / Tuesday with no 这/下/next: "next week" context moves it
    following: int = -1  # "the following Monday": that weekday after the day named before it


def may_name_day(norm: str) -> bool:
    """False when a normalised text surely names no day (a fast pre-check for the finder)."""
    if pat.DIGIT_DAY.search(norm) or pat.ZH_DAY_WORDS.search(norm):
        return True
    if pat.CN_NUMBER_DAY.search(norm):
        return True
    if ("天" in norm or "日" in norm) and pat.THAT_DAY_ZH.search(norm):
        return True  # 那天 / 那一天 / 嗰日: a day named before (promise_days.point_back)
    if not pat.LATIN.search(norm):
        return False
    words = set(pat.EN_WORDS.findall(norm))
    if not pat.EN_DAY_WORDS.isdisjoint(words):
        return True
    return any(not a.isdisjoint(words) and not b.isdisjoint(words) for a, b in pat.EN_DAY_PAIRS)


def has_cjk(text: str) -> bool:
    """True when the text holds Chinese characters."""
    return pat.CJK.search(text) is not None


def _num(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in pat.EN_NUM:
        return pat.EN_NUM[text]
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
    """A bare day of month: this month unless already past (today counts), else the next with it."""
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
    if which == "last":  # the most recent one before today
        return today - timedelta(days=(today.weekday() - wd) % 7 or 7)
    if which.startswith(("这", "本", "今")):
        return monday + timedelta(days=wd)
    if which == "this" and wd >= today.weekday():
        return monday + timedelta(days=wd)
    ahead = (wd - today.weekday()) % 7 or 7  # plain weekday: next occurrence, strictly ahead
    return today + timedelta(days=ahead)


_REL = {
    "今天": 0, "今日": 0, "今儿": 0, "今晚": 0, "今早": 0, "当天": 0, "当日": 0,
    "明天": 1, "明日": 1, "明儿": 1, "明早": 1, "明晚": 1, "后天": 2, "后日": 2, "大后天": 3,
    "大后日": 3,
    "昨天": -1, "昨日": -1, "昨晚": -1, "前天": -2, "大前天": -3,
    "听日": 1, "听朝": 1, "听晚": 1, "今朝": 0, "琴日": -1, "寻日": -1,  # Cantonese
    "后儿": 2, "后儿个": 2, "大后儿": 3,  # Beijing speech
    "today": 0, "tonight": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1, "yesterday": -1,
}  # fmt: skip


# Holidays on a fixed solar date (lunar ones such as 春节 and 中秋 are read as ranges).
_HOLIDAYS = {
    "元旦": (1, 1), "圣诞": (12, 25), "圣诞节": (12, 25), "平安夜": (12, 24), "国庆节": (10, 1),
    "劳动节": (5, 1), "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new years day": (1, 1), "new years eve": (12, 31), "双十一": (11, 11), "双十二": (12, 12),
    "双11": (11, 11), "双12": (12, 12),
}  # fmt: skip


_HOURS = re.compile(
    r"(?:in\s+|within\s+)?(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个?小时|hours?)"
)


def _lunar(today: date, n: str | None, name: str | None) -> date | None:
    """初八 / 元宵 / 除夕 of the lunar new year nearest ahead (within about two months), else None."""
    if name:
        offset = -1 if name in ("除夕", "大年三十", "年三十") else 14
    else:
        offset = (_num(n) or 0) - 1
    for year in (today.year, today.year + 1):
        first = SPRING_FESTIVAL.get(year)
        if first is None:
            continue
        day = first + timedelta(days=offset)
        if day >= today and (day - today).days <= 75:
            return day  # 月初 / 初中 stay out: only near the festival is 初N a lunar day
    return None


def _thanksgiving(today: date) -> date:
    """The fourth Thursday of November, this year's unless already past."""
    for year in (today.year, today.year + 1):
        first = date(year, 11, 1)
        day = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        if day >= today:
            return day
    return day  # pragma: no cover - next year's is always ahead


def _resolve(m: re.Match, today: date, lang: str) -> DayMention | None:
    kind = m.lastgroup
    g = m.group
    day: date | None = None
    weak = plain = False
    if kind == "iso":
        day = _month_day(int(g("iy")), int(g("im")), int(g("id")))
    elif kind == "md":
        month, mday = _num(g("mm")), _num(g("mdd"))
        day = _future_md(today, month, mday) if month and mday and month <= 12 else None
    elif kind == "slash":
        year = g("sy") if "sy" in m.re.groupindex else None  # English only
        year_n = (int(year) + (2000 if len(year) == 2 else 0)) if year else None
        day = _future_md(today, int(g("sm")), int(g("sd")), year_n)
    elif kind == "mname":
        day = _future_md(today, pat.EN_MONTHS[g("mn")], int(g("mnd")))
    elif kind == "mord":  # December fifth
        day = _future_md(today, pat.EN_MONTHS[g("mon")], pat.EN_ORDINALS[g("mordn")])
    elif kind == "nfrom":  # a week from today / three days from now / two weeks from Friday
        n = 1 if g("nfn") == "a" else _num(g("nfn"))
        step = 7 if g("nfu").startswith("week") else 1
        if g("nfday"):
            start = _weekday(today, pat.EN_DAYS[g("nfday")], "")
        else:
            start = today + timedelta(days=1 if g("nfrel") == "tomorrow" else 0)
        day = start + timedelta(days=n * step) if n is not None and n * step < 60 else None
    elif kind == "dname":
        day = _future_md(today, pat.EN_MONTHS[g("dnm")], int(g("dnd")))
    elif kind == "dname2":  # the 1st of December
        day = _future_md(today, pat.EN_MONTHS[g("dnm2")], int(g("dnd2")))
    elif kind == "dname3":  # the first of December
        day = _future_md(today, pat.EN_MONTHS[g("dnm3")], pat.EN_ORDINALS[g("dnd3")])
    elif kind == "nmd":
        first = _month_end(today, 1).replace(day=1)
        day = _month_day(first.year, first.month, int(g("nmdn")))
    elif kind == "rmd":
        ahead = {"下": 1, "上": -1}.get(g("rmw")[0], 0)
        first = _month_end(today, ahead).replace(day=1)
        day = _month_day(first.year, first.month, _num(g("rmn")) or 0)
    elif kind == "mend":
        ahead = 1 if (g("mew") or "").startswith(("下", "next")) else 0
        day = _month_end(today, ahead)
    elif kind == "hol":
        name = re.sub(r"\s+", " ", g("hol")).replace("'", "")
        if name == "thanksgiving":
            day = _thanksgiving(today)
        else:
            month_day = _HOLIDAYS.get(name)
            day = _future_md(today, *month_day) if month_day else None
    elif kind == "lunar":
        day = _lunar(today, g("lun"), g("lunx"))
    elif kind == "yend":
        day = date(today.year, 12, 31)
    elif kind == "week":
        name = g("wname") if "wname" in m.re.groupindex and g("wname") else None
        wd = pat.EN_DAYS[name] if name else {"日": 6, "天": 6, "7": 6}.get(g("wd"), None)
        if wd is None:
            wd = int(g("wd")) - 1 if g("wd").isdigit() else "一二三四五六".index(g("wd"))
        which = re.sub(r"\s+", " ", g("ww") or "")
        day = _weekday(today, wd, "" if which in ("coming", "this coming") else which)
        plain = not which
    elif kind == "follow":  # the following Monday: resolved against the day named before it
        wd = pat.EN_DAYS[g("fday")]
        return DayMention(m.start(), m.end(), _weekday(today, wd, ""), following=wd)
    elif kind == "weeknn":  # "the week after next, on Wednesday": Monday in two weeks + weekday
        wd = pat.EN_DAYS[g("nnday") or g("nnday2") or g("nnday3")]
        day = _weekday(today, wd, "下下")
    elif kind == "weeknx":  # "Wednesday next week" / "next week on Wednesday"
        day = _weekday(today, pat.EN_DAYS[g("nxday") or g("nxday2")], "next")
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
    elif kind == "hwd":  # 节后第一个工作日: the first working day after the next day off
        day = today + timedelta(days=1)
        while is_workday(day, lang):
            day += timedelta(days=1)
        day = next_workday(day, lang)
    elif kind == "nw":  # 一周内 / within a week: a deadline, seven days a week on
        n = {"a": 1, "one": 1, "two": 2, None: 1}.get(g("nwn"))
        n = n or _num(g("nwn")) or 1
        day = today + timedelta(days=7 * n)
    elif kind == "nd":
        n = 1 if g("ndn") == "半" else _num(g("ndn"))
        unit = m.groupdict().get("ndh")
        if unit is not None:  # 十分钟后 / 半小时内: today; 24小时内 / 48小时: a day or two on
            hours = (n or 0) if unit == "小时" or unit == "钟头" else 0
            day, weak = today + timedelta(days=hours // 24), hours < 24
        else:
            n = n * 7 if n is not None and m.groupdict().get("ndw") else n
            day = today + timedelta(days=n) if n is not None and n < 60 else None
    elif kind == "bdw":
        day = _bare_day(today, pat.EN_ORDINALS[g("bdwn")])
    elif kind == "bd":
        n = _num(g("bdn") or g("bdn2"))
        day = _bare_day(today, n) if n else None
    elif kind == "off":
        day, weak = today, True
        hours = _HOURS.match(g("off"))  # 24小时内 / within 48 hours: a deadline days ahead
        if hours and (_num(hours[1]) or 0) >= 24:
            day, weak = today + timedelta(days=(_num(hours[1]) or 0) // 24), False
    elif kind == "vague":
        return DayMention(m.start(), m.end(), None, vague=True)
    if day is None:
        return None
    start, end = m.start(), m.end()
    if kind in _DATED:  # 圣诞节前一天 / the day after Thanksgiving: one day either side
        after = _NEXT_TO_ZH.match(m.string, end)
        before = _NEXT_TO_EN.search(m.string, max(0, start - 20), start)
        if after is not None:
            day, end = day + timedelta(days=-1 if "前" in after[0] else 1), after.end()
        elif before is not None:
            day, start = day + timedelta(days=-1 if "before" in before[0] else 1), before.start()
    vague = pat.APPROX.match(m.string, end) is not None
    vague = vague or pat.APPROX_BEFORE.search(m.string, max(0, start - 20), start) is not None
    day = None if vague else day
    return DayMention(start, end, day, vague=vague, weak=weak, plain_weekday=plain)


# Days named by date or holiday that "the day before / after" can shift (not 明天 / tomorrow:
# "the day after tomorrow" is a word of its own).
_DATED = frozenset(
    "iso md slash mname mord dname dname2 dname3 hol lunar bd bdw nmd rmd mend".split()
)
_NEXT_TO_ZH = re.compile(r"的?(?:前一[天日晚]|后一[天日]|第二天|翌日)")
_NEXT_TO_EN = re.compile(r"\bthe\s+day\s+(?:before|after)\s+(?:the\s+)?$")


_NEXT_WEEK = re.compile(r"下个?(?:周|星期|礼拜)|next\s+week")


def _pinned(norm: str, found: list[DayMention], today: date) -> list[DayMention]:
    """月中15号 / 下周 周三: a range word that the day right after it pins down gives way to it."""
    out: list[DayMention] = []
    for k, d in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if not (d.vague and nxt is not None and nxt.day is not None):
            out.append(d)
        elif not 0 <= nxt.start - d.end <= 1:
            out.append(d)
        elif nxt.plain_weekday:
            if _NEXT_WEEK.fullmatch(norm, d.start, d.end):  # 下周 周三: next week's Wednesday
                nxt.day = _weekday(today, nxt.day.weekday(), "next")
                nxt.plain_weekday = False
            else:
                out.append(d)  # 这两天周三 stays a range
    return out


def find_days(norm: str, at: datetime | date) -> list[DayMention]:
    """Every day expression in a normalised text, in order, resolved against `at`."""
    today = at.date() if isinstance(at, datetime) else at
    found: list[DayMention] = []
    if pat.CJK.search(norm):
        found += [d for m in pat.ZH.finditer(norm) if (d := _resolve(m, today, "zh"))]
    latin = pat.LATIN.search(norm) is not None
    if (latin and not pat.EN_ANY_DAY_WORDS.isdisjoint(pat.EN_WORDS.findall(norm))) or (
        not found and pat.DIGIT.search(norm) and not pat.CJK.search(norm)
    ):
        found += [d for m in pat.EN.finditer(norm) if (d := _resolve(m, today, "en"))]
    found.sort(key=lambda d: d.start)
    if len(found) > 1:  # 圣诞节前一日: 一日 lies inside the shifted holiday, not a day of its own
        found = [d for k, d in enumerate(found) if not (k and d.start < found[k - 1].end)]
    for k, d in enumerate(found):
        if d.following >= 0 and k and found[k - 1].day is not None:
            before = found[k - 1].day  # Next Friday is payday, I'll pay the following Monday
            ahead = (d.following - before.weekday()) % 7 or 7
            found[k] = DayMention(d.start, d.end, before + timedelta(days=ahead))
    if len(found) > 1 and any(d.vague for d in found):
        found = _pinned(norm, found, today)
    if len(found) > 1:  # 5号当天 / 周五那天: the second word points back at the first day
        found = [
            d
            for k, d in enumerate(found)
            if not (k and norm[d.start : d.end] in pat.ANAPHORA and d.start == found[k - 1].end)
        ]
    return found


_ZH_TIME = re.compile(
    rf"(?P<tod>上午|早上|早晨|朝早|中午|下午|下昼|晏昼|傍晚|晚上|夜晚|今晚|明晚|听晚|今夜|夜里|凌晨)?"
    rf"(?P<h>\d{{1,2}}|[{pat.CNN}]{{1,3}})(?:点|:|时)(?P<mi>半|一刻|三刻|\d{{1,2}}|[{pat.CNN}]{{1,3}})?"
)
_EN_TIME = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?|o'clock)\b|"
    r"(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b|"
    # tonight before 8 / by 6: a bare hour after a deadline word, not a date or an amount
    r"\b(?:by|before|until|till|at)\s+(?P<h3>1[0-2]|[1-9])(?![\d:/.,$%]|\s*(?:st|nd|rd|th|k)\b|"
    r"\s+(?:dollars?|bucks|days?|weeks?|months?|hours?|minutes?|percent|a\.?m|p\.?m|o'clock)\b)"
)
_EVENING = re.compile(r"\b(?:tonight|evening|night)\b")


def find_time(norm: str) -> time | None:
    """The first clock time in a normalised text (下午三点, 15:00, by 5 pm, 中午), or None."""
    for m in _ZH_TIME.finditer(norm) if pat.CJK.search(norm) else ():
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
        if (
            m["tod"]
            in ("下午", "下昼", "晏昼", "傍晚", "晚上", "夜晚", "今晚", "明晚", "听晚", "今夜")
            and hour < 12
        ):
            hour += 12
        if m["tod"] == "中午" and hour < 6:
            hour += 12
        if not m["tod"] and 1 <= hour <= 7:
            hour += 12  # 3点前 on a collection call is the afternoon
        return time(hour % 24, min(minute, 59))
    if pat.CJK.search(norm) and "中午" in norm:
        return time(12, 0)
    if "noon" in norm or "midday" in norm:
        return time(12, 0)
    for m in _EN_TIME.finditer(norm):
        if m.start() and (norm[m.start() - 1].isalnum() or norm[m.start() - 1] == ":"):
            continue
        hour = int(m["h"] or m["h2"] or m["h3"])
        minute = int(m["mi"] or m["mi2"] or 0)
        if m["ap"] and m["ap"].startswith("p") and hour < 12:
            hour += 12
        elif m["h3"] and (hour <= 7 or (hour < 12 and _EVENING.search(norm))):
            hour += 12  # "tonight before 8" is 20:00; "by 6" on a collection call the evening
        elif not m["ap"] and 1 <= hour <= 7 and not pat.CJK.search(norm[: m.start()][-3:]):
            hour += 12  # "by 3:30" on a collection call is the afternoon, as 3点前 is
        if hour < 24 and minute < 60:
            return time(hour, minute)
        return None
    return None
