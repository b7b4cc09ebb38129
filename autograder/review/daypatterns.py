"""Day-expression patterns for `timeexpr`: Chinese and English alternatives and a fast scanner.

Each alternative is listed with the characters it can begin with; `Scanner` looks only at those
characters and tries only the alternatives that can start there, which keeps the scan fast on
long turns (Python's regex engine would otherwise try every alternative at every position).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Scanner"]

CNN = "一二两三四五六七八九十"
N = rf"(?:\d{{1,2}}|[{CNN}]{{1,3}})"
# 下礼拜一定还 is "next week, surely", not "next Monday": 一 before 定/直/起... is not a weekday.
WD = r"(?P<wd>一(?!定|直|起|样|下(?!午|班)|些|点|般|共|同|边|致|旦)|[二三四五六日天1-7])"
APPROX = re.compile(
    r"\s?(?:左右|前后|上下|那几天|那阵|附近|以后|之后|过后|后(?!天)|期间|or so\b|ish\b|or later\b|"
    r"onwards?\b|at the earliest\b|最早)"
)
APPROX_BEFORE = re.compile(
    r"(?:\baround|\bafter|(?<!how\s)(?<!what\s)\babout|\bapproximately|\broughly|\bearliest|大约|约莫|"
    r"大概在|最早|最快也要|最快得|第[一二三四五六\d]个?|\b(?:first|second|third|fourth)\s)"
    r"\s*(?:the\s+)?$"
)

_D = "0123456789"
_CN1 = CNN  # Chinese numerals that can open a number

# Each alternative with the characters it can begin with: the scanner looks only at those
# characters and tries only the alternatives that can start there (fast on long turns).
_ZH_ALTS = [
    (_D, r"(?P<iso>(?P<iy>20\d\d)\s?[-/.年]\s?(?P<im>\d{1,2})\s?[-/.月]\s?(?P<id>\d{1,2})[日号]?)"),
    (_D + _CN1, rf"(?P<md>(?P<mm>{N})月(?P<mdd>{N})[日号]?)"),
    (_D, r"(?P<slash>(?<![\d/])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>[12]\d|3[01]|0?[1-9])(?![\d/]))"),
    ("下这本上", rf"(?P<rmd>(?P<rmw>下个?|这个?|本|上个?)月的?(?P<rmn>{N})[日号])"),
    ("下这本月", r"(?P<mend>(?P<mew>下个?|这个?|本)?月(?:底|末|尾))"),
    ("今年", r"(?P<yend>今?年(?:底|末))"),
    (
        "下这本上周星礼今",
        rf"(?P<week>(?P<ww>下下个?|下个?|这个?|本|上个?|今个)?(?:(?:周|星期|礼拜)的)?(?:周|星期|礼拜){WD})",
    ),
    (
        "大后明今当昨前听琴寻",
        r"(?P<rel>大后天|大后日|大后儿|后天|后日|后儿个?|明天|明日|明儿|明早|明晚|今天|今日|今儿|今晚|今早|当天|当日|"
        r"大前天|昨天|昨日|昨晚|前天|听日|听朝|听晚|今朝|琴日|寻日)",
    ),
    ("元圣平国劳双", r"(?P<hol>元旦|圣诞节?|平安夜|国庆节|劳动节|双十[一二]|双1[12])"),
    (  # 正月初八 / 大年初六 / 初八 / 元宵节 / 除夕 / 大年三十: days of the lunar new year
        "正大初元除年",
        rf"(?P<lunar>(?:正月|大年)?初(?P<lun>[{CNN}]|十[一二三四五])(?![{CNN}])|"
        r"(?P<lunx>元宵节?|正月十五|除夕|大年三十|年三十))",
    ),
    (
        "节假放收过",
        r"(?P<hwd>(?:节|假期?|放假|收假|过完节|节假日)(?:回来)?(?:后|以后|之后)的?"
        r"(?:第一个工作[日天]|第一天上班|上班(?:的)?第一天|一上班|开工(?:的)?第一天))",
    ),
    (_D + _CN1, rf"(?P<wdn>(?P<wdnn>{N})个?工作[日天])"),
    ("下", r"(?P<nwd>下一?个?工作[日天])"),
    (  # 三天内 / 一周内 (a deadline) / 十分钟后 / 24小时内: one alternative, one number scan
        _D + _CN1 + "半",
        rf"(?P<nd>(?P<ndn>{N}|半)(?:天(?:后|以后|之后|内|之内|以内)|"
        r"(?P<ndw>个?(?:周|星期|礼拜))(?:内|之内|以内)|"
        r"个?(?P<ndh>分钟|钟头|小时)(?:后|之后|以后|内|之内|以内|(?![前之以]))(?!前)))",
    ),
    (_D + _CN1, rf"(?P<bd>(?<![\d{CNN}这那呢几])(?!两)(?P<bdn>{N})[号日](?!线|码|楼|房|机))"),
    (
        "下晚现立一待等",
        r"(?P<off>下班(?:之?前|以前)|晚上之?前|现在就|立刻|立即|一会儿|待会儿?|等会儿?|"
        r"等下(?!个|周|礼拜|星期|月|次|午|[,，。!?！？\s]|$))",
    ),
    (
        "明今过这近最尽改回以下周月上中年节一两三几早有发本春端国五十半赶哪",
        r"(?P<vague>赶明儿|改日|哪天|明后天|明后两天|今明两?天|过几天|过两天|过段时间|过一阵子?|过阵子|这几天|这两天|"
        r"近几天|近两天|最近|近期|尽快|尽早|改天|回头|以后|过些天|下周|下个?星期|下个?礼拜|这周|"
        r"这个?星期|这个?礼拜|本周|周末|下个?月|月初|月中|上旬|中旬|下旬|年后|年前|节后|节前|"
        r"一两天|两三天|三五天|几天|早晚|有空|有时间|发工资|春节|过年|中秋|端午|国庆|(?<![一二两三四五六七八九十百千万\d])五一(?![点时号日月:千百万])|(?<![一二两三四五六七八九十百千万\d])十一(?![点时号日月:千百万])|"
        r"年初|半个月|[一两二三几]个?(?:周|星期|礼拜)(?:后|以后|之后)|几个?(?:周|星期|礼拜)(?:内|之内))",
    ),
]


class Scanner:
    """finditer over an alternation, trying at each position only the alternatives it can open."""

    def __init__(self, alts: list[tuple[str, str]], start: str = "") -> None:
        chars = sorted({ch for first, _ in alts for ch in first})
        self.candidates = re.compile(start + "[" + re.escape("".join(chars)) + "]")
        by_char: dict[str, list[str]] = {}
        for first, pattern in alts:
            for ch in set(first):
                by_char.setdefault(ch, []).append(pattern)
        compiled: dict[tuple[str, ...], re.Pattern] = {}
        self.table = {
            ch: compiled.setdefault(tuple(ps), re.compile("|".join(ps)))
            for ch, ps in by_char.items()
        }

    def finditer(self, text: str) -> Iterator[re.Match]:
        end = 0
        for cand in self.candidates.finditer(text):
            pos = cand.end() - 1
            if pos < end:
                continue
            m = self.table[text[pos]].match(text, pos)
            if m is not None:
                end = m.end()
                yield m


ZH = Scanner(_ZH_ALTS)

EN_MONTHS = {
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
EN_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
EN_DAYS.update({"saturday": 5, "sunday": 6, "tues": 1, "weds": 2, "thurs": 3})
EN_DAYS.update({"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4})  # not sat / sun: words too
EN_NUM = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
_MON = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(EN_DAYS, key=len, reverse=True))
_ENN = r"(?:\d{1,2}|" + "|".join(EN_NUM) + ")"

EN_ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}
EN_ORDINALS.update({f"twenty-{w}": 20 + i for w, i in list(EN_ORDINALS.items())[:9]})
EN_ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
_ORD = "|".join(sorted(EN_ORDINALS, key=len, reverse=True))
_MON_FIRST = "jfmasond"
_DAY_FIRST = "mtwfs"
_NUM_FIRST = _D + "zotfsen"
_EN_ALTS = [
    ("2", r"(?P<iso>(?P<iy>20\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2}))"),
    (
        _D,
        r"(?P<slash>(?<![\d/])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>[12]\d|3[01]|0?[1-9])"
        r"(?:/(?P<sy>20\d\d|\d\d))?(?![\d/]))",
    ),
    (
        _MON_FIRST,
        rf"(?P<mname>(?P<mn>{_MON})\.?\s+(?P<mnd>\d{{1,2}})(?:st|nd|rd|th)?\b)|"
        rf"(?P<mord>(?P<mon>{_MON})\.?\s+(?:the\s+)?(?P<mordn>{_ORD})\b)",
    ),
    (_D, rf"(?P<dname>(?P<dnd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dnm>{_MON})\b)"),
    (
        "telm",
        r"(?P<mend>(?:the\s+)?(?:end|last\s+day)\s+of\s+(?:the\s+|this\s+)?"
        r"(?P<mew>next\s+)?month\b|month[-\s]end\b)",
    ),
    ("t", rf"(?P<follow>the\s+(?:following|next)\s+(?P<fday>{_DAY})\b)"),
    (
        "ntcl" + _DAY_FIRST,
        rf"(?P<weeknn>(?:the\s+)?week\s+after\s+next(?:\s+on|,)?\s+(?P<nnday>{_DAY})\b|"
        rf"(?P<nnday3>{_DAY})\s+after\s+next\b|"
        rf"(?P<nnday2>{_DAY})\s+(?:of\s+)?the\s+week\s+after\s+next\b)|"
        rf"(?P<weeknx>(?P<nxday>{_DAY})\s+(?:of\s+)?next\s+week\b|"
        rf"next\s+week(?:\s+on|,)?\s+(?P<nxday2>{_DAY})\b)|"
        rf"(?P<week>(?:(?P<ww>next|this|last|coming|this\s+coming)\s+)?(?P<wname>{_DAY})\b)",
    ),
    (
        "tdy",
        r"(?P<rel>the\s+day\s+after\s+tomorrow\b|day\s+after\s+tomorrow\b|tomorrow\b|"
        r"tmrw?\b|today\b|tonight\b|this\s+(?:morning|afternoon|evening)\b|yesterday\b)",
    ),
    (
        "cnt",
        r"(?P<hol>christmas(?:\s+(?:day|eve))?\b|new\s+year'?s\s+(?:day|eve)\b|thanksgiving\b)",
    ),
    (_NUM_FIRST, rf"(?P<wdn>(?P<wdnn>{_ENN})\s+(?:business|working|work)\s+days?\b)"),
    ("n", r"(?P<nwd>next\s+(?:business|working|work)\s+day\b)"),
    ("iw", rf"(?P<nd>(?:in|within)\s+(?P<ndn>{_ENN})\s+days?\b)"),
    (
        _NUM_FIRST + "a",
        rf"(?P<nfrom>(?P<nfn>{_ENN}|a)\s+(?P<nfu>days?|weeks?)\s+from\s+"
        rf"(?:(?P<nfrel>today|now|tomorrow)|(?P<nfday>{_DAY}))\b)",
    ),
    ("w", r"(?P<nw>within\s+(?:(?P<nwn>a|one|two)\s+|the\s+next\s+)weeks?\b)"),
    ("t", rf"(?P<dname2>the\s+(?P<dnd2>\d{{1,2}})(?:st|nd|rd|th)?\s+of\s+(?P<dnm2>{_MON})\b)"),
    ("t", rf"(?P<dname3>the\s+(?P<dnd3>{_ORD})\s+of\s+(?P<dnm3>{_MON})\b)"),
    (
        "t",
        rf"(?P<bdw>the\s+(?P<bdwn>{_ORD}))\b(?!\s+(?:week|weekend|time|payment|installment|"
        r"thing|one|half|quarter|of\s+(?:the|this|next)\b))",
    ),
    ("t" + _D, r"(?P<nmd>(?:the\s+)?(?P<nmdn>\d{1,2})(?:st|nd|rd|th)?\s+of\s+next\s+month\b)"),
    (
        "t" + _D,
        r"(?P<bd>the\s+(?P<bdn>\d{1,2})(?:st|nd|rd|th)\b|(?P<bdn2>\d{1,2})(?:st|nd|rd|th)\b)",
    ),
    (
        "ecrliw",
        r"(?P<off>(?:end\s+of\s+(?:the\s+)?(?:day|business)|eod|close\s+of\s+business|cob|"
        r"right\s+now|right\s+away|later\s+today|in\s+a\s+few\s+minutes|immediately|"
        r"(?:in|within)\s+(?:an?|one|two|\d{1,2}|ten|twenty|thirty|fifteen|half\s+an)\s+"
        r"(?:minutes?|mins?|hours?))\b)",
    ),
    (
        "ntslafcwempbo" + _D,
        r"(?P<vague>next\s+week\b|this\s+week\b|soon\b|later\b(?!\s+than)|some\s*time\b|"
        r"(?:a\s+)?few\s+days\b|couple\s+(?:of\s+)?days\b|asap\b|as\s+soon\s+as\b|"
        r"when(?:ever)?\s+i\s+can\b|next\s+month\b|end\s+of\s+(?:the\s+)?week\b|"
        r"(?:this|the)\s+weekend\b|early\s+next\b|mid-?month\b|payday\b|when\s+i\s+get\s+paid\b|"
        r"(?<!every\s)(?<!each\s)(?:a|one|two|three|\d+|couple\s+of|few)\s+weeks?\b|"
        r"mid-?(?:jan|feb|mar|apr|may|jun|jul|aug|"
        r"sep|oct|nov|dec)[a-z]*\b|(?:the\s+)?(?:beginning|start|first\s+week)\s+of\b)",
    ),
]
EN = Scanner(_EN_ALTS, start="(?<![a-z])")

ANAPHORA = {"当天", "当日"}
DIGIT = re.compile(r"\d")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[a-z]")


# A cheap first look: can this text name a specific day at all? (Most turns cannot.) Each
# pattern begins with a literal or a character class, so the regex engine scans it quickly.
ZH_DAY_WORDS = re.compile(
    "今天|今日|今儿|今晚|今早|今年底|月尾|初|除夕|元宵|年三十|周内|星期内|礼拜内|明天|明日|明儿|明早|明晚|后天|后日|后儿|前天|昨天|昨日|昨晚|当天|当日|"
    "现在就|立刻|立即|一会儿|待会|等会|等下|"
    "听日|听朝|听晚|今朝|琴日|寻日|星期|礼拜|月底|月末|年底|年末|下班|晚上之前|晚上前|工作日|工作天|元旦|圣诞|平安夜|国庆节|双十|双1|"
    "劳动节|周一|周二|周三|周四|周五|周六|周日|周天|周1|周2|周3|周4|周5|周6|周7|天后|天以后|天之后|"
    "天内|天之内|天以内"
)
DIGIT_DAY = re.compile(
    r"\d\s?(?:[号日月年]|[/\-.]\d|个?工作[日天]|天[内后以之]|分钟|个?小时|个?钟头|st\b|nd\b|rd\b|th\b)"
)
THAT_DAY_ZH = re.compile("那一?天|那日|嗰日")
CN_NUMBER_DAY = re.compile(
    "[一二两三四五六七八九十][号日月]|[一二两三四五六七八九十半]个?(?:分钟|小时|钟头)"
)
EN_WORDS = re.compile(r"[a-z]+")
EN_DAY_WORDS = frozenset(
    "today tonight tomorrow tmr tmrw yesterday monday tuesday wednesday thursday friday saturday "
    "sunday tues weds thurs mon tue wed thu fri january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec eod cob christmas "
    "now away immediately thanksgiving "
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth".split()
)
# Words that name a day only together: "end of the month", "next business day", "in 3 days".
EN_DAY_PAIRS = (
    (frozenset({"end", "close", "last"}), frozenset({"month", "day", "business"})),
    (frozenset({"business", "working", "work"}), frozenset({"day", "days"})),
    (frozenset({"in", "within"}), frozenset({"days"})),
    (frozenset({"within"}), frozenset({"week", "weeks"})),
    (frozenset({"in", "within"}), frozenset({"minutes", "minute", "mins", "hour", "hours"})),
    (frozenset({"that", "same"}), frozenset({"day"})),
    (frozenset({"this"}), frozenset({"morning", "afternoon", "evening"})),
    (frozenset({"new"}), frozenset({"year", "years"})),
)
EN_ANY_DAY_WORDS = EN_DAY_WORDS | frozenset(
    "next this week soon later sometime some few couple asap as whenever when weekend early "
    "mid midmonth payday within in end close last business working month day days morning "
    "afternoon evening st nd rd th year years beginning start weeks".split()
)
