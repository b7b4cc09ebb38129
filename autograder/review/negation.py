"""Negation, reported speech and disowned quotes: when a matched phrase is not the collector's
own claim (我们不会上门 / if anyone threatens you / “老赖”这种说法我们不会用 / never say "...")."""

from __future__ import annotations

import re

__all__ = ["is_negated", "is_reported", "sentence_span", "word_chars"]


# Clause and sentence boundaries in the normalised text.
_CLAUSE_END = re.compile(
    r"[,，;；:：、。!！?？\n]|\s-\s|\bbut\b|\bhowever\b|但是|但|不过|而且"
    r"|(?<!mr)(?<!mrs)(?<!ms)(?<!dr)(?<!\.m)(?<!\bst)\.(?=\s)"  # an English full stop
)
_SENT_END = re.compile(r"[。!！?？\n;；]|\.(?=\s|$)")

# A negator shortly before the match negates it: `我们不会上门`, `we will not contact your employer`.
_NEG_ZH = re.compile(
    r"(不会|不再|绝不|决不|绝对不|从不|从来不|从没|从来没|不可能|没有|不是|并非|并不|不得|不能|不可以|不可|不需要|不必|无须|用不着|"
    r"不该|不应|禁止|严禁|不允许|不准|不要|别|无需|不用|没必要|不存在|不涉及|杜绝|避免|拒绝|"
    r"不(做|搞|进行|开展|从事|接待|提供|安排|派))"
)
_NEG_EN = re.compile(
    r"\b(no one|no longer|nobody|not|never|no|won t|wont|don t|dont|doesn t|didn t|can t|cannot|shouldn t|mustn t|isn t|"
    r"stopped|ceased|stop|quit|nothing|none|"
    r"aren t|wasn t|nobody|no one|neither|nor|without|avoid|instead of|refrain from|"
    r"under no circumstances|no longer)\b"
)
# A-not-A questions are not negations: 能不能, 是不是, 有没有.
_A_NOT_A = re.compile(r"(\w)[不没]\1")
# A bare negator right before the phrase: `不犯法`, `没上门`.
_NEG_NEXT = re.compile(r"(不|没|未|非|无|别)\s*$")
# A list item that opens with its own negator: `不打您通讯录`, `不在晚上十点后`.
_NEG_ITEM = re.compile(
    r"\s*(也|都|绝|决|从|并)?(不|没|未)(?!还|给|交|付|接|回|理|听|配合)[^就便才我那]{0,4}$"
)
# Words between negator and match that end the negator's reach (`你不还我们就上门`).
_BREAK_ZH = re.compile(r"就|便|才|否则|不然|的话|要是|如果|那么|那|所以|我们|我")
_BREAK_EN = re.compile(
    r"\b(if|unless|or else|otherwise|until|then|so|when|we|i|they|we ll|i ll|who|that|which)\b"
)
# Reported or hypothetical speech in the same clause: `有人说要上门`, `if anyone threatens you`.
_REPORT_ZH = re.compile(
    r"有人|有些人|有的人|某些人|一些人|别人说|他人|听说|据说|有的.{0,6}催收|有些.{0,6}催收|其他.{0,4}催收|不正规|非法催收|不法|冒充|假冒|自称|诈骗分子|(?<![你您个些种帮群])骗子|"
    r"诈骗(团伙|集团|电话|短信)|"
    r"谨防|警惕|提醒您|提醒你|你说|您说|你刚才说|您刚才说|所谓|像.{0,6}这样的话|类似|网上说|传言|谣言|"
    r"怀疑|担心|以为|任何|不管谁|无论谁|凡是"
)
_REPORT_EN = re.compile(
    r"\b(if anyone|if someone|anyone who|someone who|anybody who|some collectors|other collectors|"
    r"you may hear|scammers?|fraudsters?|you said|you called|claims? to be|claiming to be|pretend|"
    r"impersonat\w*|beware|so called|so-called|such as|like saying|whoever told you|"
    r"(someone|somebody|anyone|people|they) (told|tells|tell) you|(told|tells) me|"
    r"you (heard|were told|read (that|about|online|somewhere))|"
    r"(someone|somebody|anyone|a caller|callers|he|she|they) "
    r"(threatened|threatens|threatening|claimed|claiming|saying)|"
    r"(texts?|emails?|calls?|messages?|letters?) "
    r"(asking|telling|demanding|that ask|that tell|claiming|saying)|"
    r"(a|any|another|some) (\w+ )?(caller|person|letter|text|email|message) "
    r"(saying|claiming|who says|who claims|that says)|"
    r"if (a|any|another|some) (\w+ )?(collector|caller|agent|company|agency|person|letter|text|email)|"
    r"(the|a) (last|previous|prior|other|former) (collector|agent|agency|company|caller|guy|person)|"
    r"(an|one|another|some|a) (agent|collector|colleague|rep|team member) (told|said to|tells) "
    r"(a|the|one|some) (customer|debtor|client|consumer)|"
    r"(your )?complaint (is )?that|you mentioned|(someone|somebody|a caller|they|he|she) asked (you )?(for|to)|"
    r"you (asked|wondered|wanted to know)( me)? (whether|if|about)|"
    r"(you re|you are|you were|i m|i am) (upset|angry|unhappy|annoyed|frustrated|sorry) (that|about)|"
    r"(if )?(the |a )?(customer|debtor|consumer|client) (says|said|mentions|claims|asks))\b"
)
# Denied right after: `黑名单其实并不存在`, `... is not true`.
_DENIED_AFTER = re.compile(
    r"^\W{0,2}(其实|根本|是)?.{0,2}(并不存在|不存在|是假的|不是真的|是谣言|不属实|是骗人的|是违规的|是违法的)"
    r"|^\W{0,2}(is|are|s) (not true|not real|a myth|false|illegal|a scam)|^\W{0,2}(doesn t|don t) exist"
)
# Disowned later in the sentence: `the jail threats you heard ... are false`.
_DENIED_LATER = re.compile(
    r"\b(are|is) (false|untrue|not true|a lie|lies|a scam|illegal|made up)\b|\b(aren t|isn t) (true|real)\b"
    r"|不是真的|是假的|是谣言|不属实|是骗人的"
    r"|那(些|个|都|就|一定|肯定|全)?(是|属于)(诈骗|骗局|骗子|骗人的)"
)
# ... `it's not true`, `... isn't us`.
_DENIED_LATER_EN = re.compile(
    r"\b(it s|that s) (false|untrue|not true|a lie|a scam|illegal|made up)\b"
    r"|\b(isn t|is not|wasn t|was not|aren t|weren t) (us|from us|our company|one of us|our (staff|people|agency))\b"
)
_BREAK_REPORT = re.compile(r"那么|那|就|所以|\bthen\b|\bso\b")
# A scammer or impostor named in an earlier clause stays the subject of the next clauses of the
# sentence while they have none of their own: `有骗子冒充法院，让您转到个人账户`.
_CARRY_ZH = re.compile(
    r"(?<![你您个些种帮群])骗子|诈骗(团伙|集团|电话|短信|分子)|不法分子|冒充|假冒|自称"
)
_SUBJECT_ZH = re.compile(r"\s*(我|咱|你|您)")
_QUOTES = "\"“”「」『』‘’'"
_META = re.compile(
    r"不会|不能|不要|不得|禁止|不准|不许|严禁|别|避免|不说|不用|不可|唔可以|唔好|唔准|禁语|禁用|违规|"
    r"错误(的)?(说法|话术|示范|做法)|never|not|don t|avoid|instead|wrong|banned|forbidden|prohibited"
)
# A quotation mark opening a quoted phrase: at the start, or after a space, colon or bracket.
_OPENING = re.compile(r"(^|[\s:(\[])['‘\"“]\w")
_CLOSING = re.compile(r"[\w.,!?。，！？]['’\"”」』]")
_VERDICT = re.compile(
    r"\W{0,2}(属于|是|都是|就是|构成)?.{0,4}(违规|违法|虚假|恐吓|禁语|禁用)|\W{0,2}(这句|这种话)?.{0,4}(不能说|不可以说|不准说)"
    r"|\W{0,2}(is|are|was|counts as) (a |an )?(violation|never allowed|not allowed|banned|prohibited|"
    r"illegal|false|unlawful|forbidden)"
)
# Apostrophes inside or closing a word (`weren't`, `parents'`) are not quotation marks.
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<=s)['’](?=\s|$)")


def _clause_start(norm: str, i: int) -> int:
    start = 0
    for m in _CLAUSE_END.finditer(norm, 0, i):
        start = m.end()
    return start


def sentence_span(norm: str, i: int, j: int) -> tuple[int, int]:
    """(start, end) of the sentence of `norm` holding the span i..j."""
    start = 0
    for m in _SENT_END.finditer(norm, 0, i):
        start = m.end()
    m = _SENT_END.search(norm, j)
    return start, (m.start() if m else len(norm))


def word_chars(s: str) -> str:
    """`s` with every run of non-word characters made one space."""
    return re.sub(r"[^\w]+", " ", s)


def is_negated(norm: str, i: int) -> bool:
    """Is the phrase starting at normalised offset `i` negated within its clause?"""
    cs = _clause_start(norm, i)
    if cs > 0 and norm[cs - 1] == "," and _EMPHATIC.search(norm, 0, cs - 1):
        cs = _clause_start(norm, cs - 1)  # `never, ever ask`: the comma repeats the negator
    prefix = _A_NOT_A.sub("问问问", norm[cs:i])
    if (
        cs > 0
        and norm[cs - 1] in ",，、"
        and (len(prefix.split()) <= 2 or _LIST_TAIL.match(prefix))
        and not _BREAK_EN.search(word_chars(prefix))
        and not _SUBJECT_EN.match(_LIST_JOIN.sub("", word_chars(norm[cs : i + 12]).lstrip()))
    ):
        # a list item after a comma keeps the negation before it: `we don't accept cash, gift cards`
        # (not after a reason clause: `since you can't pay, your parents must ...`)
        if _negated_list(norm, cs - 1) and not _REASON_EN.match(
            word_chars(norm[_clause_start(norm, cs - 1) : cs - 1]).lstrip()
        ):
            return True
    if not prefix:
        return False
    if _NEG_SAY.search(word_chars(prefix)):
        return True
    if _NEG_NEXT.search(prefix):
        return True
    if cs > 0 and norm[cs - 1] in "、：:" and _NEG_ITEM.match(prefix):
        return True  # an item of a negated list: `不上门、不打您通讯录、不在晚上十点后打电话`
    last = None
    for m in _NEG_ZH.finditer(prefix):
        last = m
    if last is not None:
        gap = prefix[last.end() :]
        if len(gap) <= 8 and not _BREAK_ZH.search(gap):
            return True
    wprefix = word_chars(prefix)
    last = None
    for m in _NEG_EN.finditer(wprefix):
        last = m
    if (
        last is not None
        and not _NOT_NEGATING.match(word_chars(norm[cs : i + 16]), last.end())
        and not _RELATIVE.search(wprefix, 0, last.start())
        and not _RATHER.search(wprefix, 0, last.start())
        and not (
            _YOU_DONT.search(wprefix, 0, last.start())
            and _WANT.match(word_chars(norm[cs : i + 8]), last.end())
        )
        and not (
            last.group(1) in ("stop", "quit") and not _WE_STOP.search(wprefix, 0, last.start())
        )
    ):
        gap = _FILLER.sub(" ", wprefix[last.end() :])
        reach = 5 if last.group(1) in ("no one", "nobody", "never", "no longer") else 3
        # a list keeps the negation: `don't accept gift cards or crypto`
        # (the first part holds the verb phrase and the first item, so it may be a little longer)
        parts = re.split(r"\b(?:or|nor|and)\b", gap)
        first = reach + 3 if len(parts) > 1 else reach
        sizes = [len(p.split()) for p in parts]
        if sizes[0] <= first and all(n <= reach for n in sizes[1:]) and not _BREAK_EN.search(gap):
            return True
    return False


# `don't make me call your boss` is a threat, not a negation of the call.
# `not paying is a felony`: a negated gerund is the subject, not a negation of what follows.
_NOT_NEGATING = re.compile(
    r"\s*(make|force|push|let) (me|us)\b|\s*(want|need) (me|us) to\b|"
    r"\s*(problem|worries|worry|sweat|doubt|big deal)\b|"
    r"\s*(paying|repaying|making payments|answering|responding)\b(?! (you|him|her|them)\b)"
    r"(?! (your|his|her|their) \w+ a visit)"
)
# Small words that do not count towards a negator's reach: `don't accept payments to anyone's ...`.
_FILLER = re.compile(
    r"\b(a|an|the|to|for|by|with|in|into|of|any|anyone|anybody|s|your|our|their|its|from|on|at|"
    r"just|ever|really|even|also|allowed|able|supposed|permitted|going|gonna|you|me|us|him|her|them)\b"
)
# A rule about what not to say covers the whole clause: `never tell a customer they will be ...`.
_NEG_SAY = re.compile(
    r"\b(never|don t|do not|must not|mustn t|should not|shouldn t) (ever )?(tell|say to|suggest to|"
    r"imply to|threaten|promise) (a |the |any )?(customer|customers|debtor|debtors|consumer|consumers|"
    r"anyone|anybody|people|them|clients?)\b"
    r"|\b(at no (point|time)|under no circumstances) (will|would|do|does|did|shall|should) "
    r"(we|i|anyone|anybody|our \w+)\b"
)
# `we'll stop calling your work number` negates; `stop acting like a child`, `won't stop` do not.
_WE_STOP = re.compile(r"\b(we|i|we ll|i ll|will|going to|gonna|can|would)\s*$")
# `you don't want your neighbours to find out ...` is a veiled threat, not a negation.
_YOU_DONT = re.compile(r"\byou\s*$")
_WANT = re.compile(r"\s*want\b")
# `I'd rather not have to tell your neighbours ...` is a veiled threat, not a negation.
_RATHER = re.compile(r"\b(rather|prefer)\s*$")
# `people who don't pay tend to get hurt`: the negator belongs to a relative clause.
_RELATIVE = re.compile(r"\b(who|whoever)\s*$")
_EMPHATIC = re.compile(r"\b(never|not)\s*$")
_SUBJECT_EN = re.compile(
    r"(i|we|you|they|he|she|it|this|that|there|let|don t|do|please|now|then|soon|next|later|today|"
    r"tomorrow|tonight)\b"
)
# `..., and we know where you live`: a joining word before a new subject starts a new clause.
_LIST_JOIN = re.compile(r"^(and|or|but|so)\s+")
# The last items of a list: `cash, gift cards or crypto`.
_LIST_TAIL = re.compile(r"\s*([a-z]+\s+){1,3}(or|and|nor)\s+$")
# A reason clause before a comma: its negation does not reach the main clause after it.
_REASON_EN = re.compile(r"(since|because|as|now that|given that|seeing that|seeing as)\s")
_CONDITION_EN = re.compile(r"\b(if|unless|when|until|or else|otherwise|once)\b")


def _negated_list(norm: str, comma: int) -> bool:
    """Does the clause ending at `comma` end in a negated list item (`don't accept cash`)?"""
    start = _clause_start(norm, comma)
    if start > 0 and norm[start - 1] in ",，、":
        return _negated_list(norm, start - 1)
    clause = norm[start:comma]
    words = word_chars(clause).split()
    text = " ".join(words)
    if not words or len(words) > 12 or not _NEG_EN.search(text) or _CONDITION_EN.search(text):
        return False
    return is_negated(norm, comma - len(words[-1]) if clause.endswith(words[-1]) else comma)


def is_reported(norm: str, i: int, j: int) -> bool:
    """Is the phrase at [i, j) reported, hypothetical or quoted-and-disowned speech?"""
    cs = _clause_start(norm, i)
    prefix = norm[cs:i]
    for rx in (_REPORT_ZH, _REPORT_EN):
        target = prefix if rx is _REPORT_ZH else word_chars(prefix)
        last = None
        for m in rx.finditer(target):
            last = m
        if last is not None and not _BREAK_REPORT.search(target[last.end() :]):
            return True
    if _carried_report(norm, cs, i):
        return True
    after_clause = norm[j : j + 16]
    if _DENIED_AFTER.match(after_clause):
        return True
    s, e = sentence_span(norm, i, j)
    before, after = norm[s:i], norm[j:e]
    if _DENIED_LATER.search(after[:60]) or _DENIED_LATER_EN.search(after[:60]):
        return True
    sent = _APOSTROPHE.sub(" ", norm[s:e])  # same length: offsets still hold
    before, after = sent[: i - s], sent[j - s :]
    # A closing quote after a plural (`'tell your boss'`) was read as an apostrophe: when the
    # phrase was opened by a quotation mark, the raw text decides.
    if any(q in before for q in _QUOTES) and any(q in after[:3] for q in _QUOTES):
        end = max(after.find(q, 0, 3) for q in _QUOTES) + 1
        return bool(_META.search(norm[s:e]) or _VERDICT.match(after[end:]))
    # A quotation that runs on a few words past the phrase closes right after a word or a stop;
    # then the disowning word must come first (`never say 'we'll tell your boss'`), or a verdict
    # right after the quotation (`“…坐牢”属于虚假法律恐吓`, `'…' is never allowed`).
    opening = _OPENING.search(before)
    if opening is None:
        return False
    if any(q in norm[j : j + 3] for q in _QUOTES):
        return bool(_META.search(before[: opening.start() + 1]))
    closing = _CLOSING.search(after[:30])
    if closing is None:
        return False
    return bool(
        _META.search(before[: opening.start() + 1])
        or _VERDICT.match(_APOSTROPHE.sub(" ", after[closing.end() :]))
    )


def _carried_report(norm: str, cs: int, i: int) -> bool:
    """Does a scammer named in an earlier clause of the sentence stay the subject up to `i`?"""
    s, _ = sentence_span(norm, i, i)
    if cs <= s:
        return False
    lead = norm[cs:i]
    if _SUBJECT_ZH.match(lead) or _BREAK_REPORT.search(lead):
        return False
    last = None
    for m in _CARRY_ZH.finditer(norm, s, cs):
        last = m
    return last is not None and not _BREAK_REPORT.search(norm[last.end() : cs])
