"""Money amounts in normalised call text: 5000, 5,000, 五千, 一万二, 1.5万, 3k, $450.50, RMB 3000."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

__all__ = ["Amount", "find_amounts", "parse_chinese_number"]


@dataclass(frozen=True)
class Amount:
    """One amount found in a text: its span, value and whether a currency or unit marked it."""

    start: int
    end: int
    value: Decimal
    marked: bool


_CTX = Context(prec=60)
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_DIGITS.update({"七": 7, "八": 8, "九": 9})
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
_CN = "零〇一二两三四五六七八九十百千万亿"

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_MULT = (
    r"(?:\s?(?P<mult>万|千|百|k(?![a-z])|w(?![a-z])|grand\b)"
    r"(?P<tail>[一二两三四五六七八九](?![十百千万])|\d(?![\d千百]))?)?"
)
_SUFFIX = (
    r"(?P<suf>\s*(?:元|块钱|块|蚊|圆|人民币|新台币|台币|港币|港元|美元|美金|"
    r"(?:rmb|yuan|dollars?|bucks|usd)(?![a-z])))?"
)
_ARABIC = re.compile(_NUM + _MULT + _SUFFIX)  # begins with a digit: the engine skips ahead fast
_PREFIXES = (
    "nt$",
    "hk$",
    "us$",
    "人民币",
    "新台币",
    "rmb",
    "usd",
    "cny",
    "ntd",
    "台币",
    "港币",
    "$",
    "¥",
)
_CHINESE = re.compile(
    r"(?P<num>[" + _CN + r"]*[十百千万亿][" + _CN + r"]*|[一二两三四五六七八九十]+(?=块|元|圆|蚊))"
    r"(?P<suf>元|块钱|块|蚊|圆)?"
)
_EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_EN_WORDS.update(
    {
        w: 10 * i
        for i, w in enumerate(
            "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
        )
    }
)
_EN_WORD = "(?:" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + "|a|hundred|thousand|grand)"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_PRICE = re.compile(rf"(?:{_ONES})[\s-]+(?:{_TENS})(?:[\s-]+(?:{_ONES}))?")  # two fifty: 250
_EN_RE = re.compile(
    rf"\b(?P<num>{_EN_WORD}(?:(?:[\s-]+|\s+and\s+){_EN_WORD})*)"
    r"(?P<suf>\s+(?:dollars?|bucks|yuan|rmb))?\b"
)

# A bare number followed by one of these is a date, time, count or measure, not money.
_NOT_MONEY_AFTER = re.compile(
    r"\s?(?:年|天|个|次|期|岁|周(?![一二三四五六日天末1-7])|%|楼|层|遍|回|位|张|条|人|件|台|辆|本|家|套|倍|折|成|级|名|户|"
    r"小时|分钟|公里|米|斤|克|度|号线|/|-|:|"
    r"(?:st|nd|rd|th|am|pm|a\.m\.|p\.m\.|o'clock|days?|weeks?|months?|years?|hours?|"
    r"minutes?|mins?|percent|times|calls)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b)"
)
# ... and a number preceded by one of these is an identifier (phone, card or account tail).
_ID_WORDS = (
    "尾号", "号码", "电话", "手机", "卡号", "账号", "帐号", "编号", "工号", "后四位", "末四位", "分机",
    "第", "#", "no.", "ending in", "ending with", "account", "card", "phone", "number",
    "extension", "ext.", "ref", "in", "year", "at", "around", "before", "by", "after", "until",
    "till", "past", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "id",
)  # fmt: skip


def _id_before(before: str) -> bool:
    """True when the words before a number make it an identifier, a time or a date."""
    tail = before.rstrip()
    if tail.endswith(("是", "为", ":", " is", " was")):
        tail = tail.rstrip("是为:").removesuffix(" is").removesuffix(" was").rstrip()
    if not tail.endswith(_ID_WORDS):
        return False
    for w in _ID_WORDS:  # an English word must stand alone: "in" but not "within"
        if tail.endswith(w):
            head = tail[: -len(w)]
            if not (w.isascii() and w[0].isalpha() and head[-1:].isalpha() and head[-1:].isascii()):
                return True
    return False


# "a couple hundred" / a few thousand: no exact amount.
_VAGUE_BEFORE = re.compile(r"\b(?:couple|few|several)(?:\s+of)?\s+$")
_MULTIPLIERS = {"万": 10000, "w": 10000, "千": 1000, "k": 1000, "grand": 1000, "百": 100}
# A Chinese number followed by one of these is a date, time or count (三千周六 is money, a day).
_COUNT_AFTER = frozenset("月号日年点天个次周岁")
# A bare number this small followed by one of these is a date or a time of day.
_DATE_AFTER = {"月": 12, "日": 31, "号": 31, "点": 24, "时": 24, "分": 60, "秒": 60}


_WEEKDAY_DIGITS = frozenset("一二三四五六")
_WEEK_WORDS = ("周", "星期", "礼拜")
_HAS_DIGIT = re.compile(r"\d")
_HAS_CN_NUMBER = re.compile(r"[十百千万亿]|[一二两三四五六七八九][块元圆蚊]")


def parse_chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral such as 三千五百, 一万二 (12000) or 两千五 (2500)."""
    total, section, digit, last_unit = 0, 0, None, 1
    for ch in text:
        if ch in _DIGITS:
            if digit:  # 四五千: two digits in a row are a range ("four or five thousand")
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= 10000:
                section = (section + (digit or 0)) * unit
                total, section = total + section, 0
            else:
                section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    if digit is not None:
        # 一万二 -> 12000, 两千五 -> 2500: a trailing digit counts in the next unit down.
        section += digit * (last_unit // 10 if last_unit >= 10 and "零" not in text else 1)
    value = total + section
    return value or None


def _en_value(words: str) -> int | None:
    total, current, unit = 0, 0, False
    for w in re.split(r"[\s-]+", words):
        was_unit, unit = unit, False
        if w == "a":
            current = max(current, 1)
        elif w in _EN_WORDS and was_unit and 10 <= _EN_WORDS[w]:
            current = current * 100 + _EN_WORDS[w]  # two fifty / one twenty-five: 250, 125
        elif w in _EN_WORDS:
            unit = current == 0 and 1 <= _EN_WORDS[w] <= 9
            current += _EN_WORDS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "grand"):
            total += max(current, 1) * 1000
            current = 0
    return total + current or None


def _steps_down(norm: str, prev: Amount, mult: str | None) -> bool:
    """prev ends in 万 / 千 (no 元 after it) and the amount right after it has a smaller unit."""
    unit = norm[prev.end - 1 : prev.end]
    return unit in ("万", "千") and mult in ("千", "百") and _MULTIPLIERS[mult] < _MULTIPLIERS[unit]


def find_amounts(norm: str) -> list[Amount]:
    """All money amounts in a normalised text, in order, with dates, times and ids left out."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    digits = _HAS_DIGIT.search(norm) is not None
    for m in _ARABIC.finditer(norm) if digits else ():
        start, end = m.span()
        before = norm[max(0, start - 14) : start]
        tail = before.rstrip()
        pre = tail.endswith(_PREFIXES) and next(p for p in _PREFIXES if tail.endswith(p))
        if pre:
            start -= len(before) - len(tail) + len(pre)
            before = tail[: len(tail) - len(pre)]
        prev = norm[start - 1] if start else ""
        if prev and ((prev.isalnum() and prev.isascii()) or prev in "/-:."):
            continue  # part of a word, code, date or time
        num = m["num"].replace(",", "")
        marked = bool(pre or m["mult"] or m["suf"])
        if not marked:
            after = norm[end : end + 12]
            if _NOT_MONEY_AFTER.match(after) or _id_before(before):
                continue
            limit = _DATE_AFTER.get(after[:1])
            if limit is not None and Decimal(num) <= limit:
                continue
            if len(num.split(".")[0]) >= 7 and "," not in m["num"]:
                continue  # phone or account number
        elif _id_before(before) and not (pre or m["suf"] or m["mult"] in ("k", "grand")):
            continue
        try:
            value = Decimal(num)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            continue
        mult = _MULTIPLIERS.get(m["mult"] or "", 1)
        if mult != 1:
            value = _CTX.multiply(value, mult)
        if m["tail"] and mult >= 100:
            tail = int(m["tail"]) if m["tail"].isdigit() else _DIGITS[m["tail"]]
            value = _CTX.add(value, tail * (mult // 10))
        if not value:
            continue  # 0 is no payment
        if value == value.to_integral():
            value = Decimal(int(value))
        if found and found[-1].end == start and _steps_down(norm, found[-1], m["mult"]):
            # 1万2千 / 2千5百: one amount written in two unit steps
            value, start = _CTX.add(found[-1].value, value), found[-1].start
            found.pop()
            taken.pop()
        found.append(Amount(start, end, value, marked))
        taken.append((start, end))
    for m in _CHINESE.finditer(norm) if _HAS_CN_NUMBER.search(norm) else ():
        if m["num"][0] in _WEEKDAY_DIGITS and norm[: m.start()].endswith(_WEEK_WORDS):
            m = _CHINESE.match(norm, m.start() + 1)  # 周三两千: the 三 belongs to the weekday
            if m is None:
                continue
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            continue
        after = norm[end : end + 2]
        weekday = after[:1] == "周" and after[1:2] in "一二三四五六日天末"
        if not m["suf"] and not weekday and after[:1] in _COUNT_AFTER:
            continue
        value = parse_chinese_number(m["num"])
        if value is None:
            for k in range(2, len(m["num"]) - 1):  # 一千五一千五 (said twice): two amounts
                a, b = parse_chinese_number(m["num"][:k]), parse_chinese_number(m["num"][k:])
                if a is not None and b is not None and a >= 10 and b >= 10:
                    found.append(Amount(start, start + k, Decimal(a), True))
                    start, value = start + k, b
                    break
        if value is None or value < 10:
            continue
        found.append(Amount(start, end, Decimal(value), True))
    english = any(w in norm for w in ("hundred", "thousand", "dollar", "buck", "grand")) or (
        "y" in norm and _PRICE.search(norm) is not None  # every tens word has a y
    )
    for m in _EN_RE.finditer(norm) if english else ():
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue  # "2 grand": the digits have it already
        if _VAGUE_BEFORE.search(norm, max(0, m.start() - 12), m.start()):
            continue  # "a couple hundred" is no exact amount
        words = m["num"]
        priced = _PRICE.fullmatch(words) is not None and not (
            _NOT_MONEY_AFTER.match(norm, m.end())
            or _id_before(norm[max(0, m.start() - 14) : m.start()])
        )  # "Two fifty." / I can do one twenty-five: a price, but not "at two thirty"
        if not (m["suf"] or priced or any(w in words for w in ("hundred", "thousand", "grand"))):
            continue  # "two" alone is a count, "two dollars" or "two hundred" is money
        value = _en_value(words)
        if value:
            found.append(Amount(m.start(), m.end(), Decimal(value), True))
    found.sort(key=lambda a: a.start)
    return found
