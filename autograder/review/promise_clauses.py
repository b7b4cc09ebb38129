"""Clause reading for the commitment finder: split a turn and tell promise, question and refusal.

A clause is the unit a promise lives in ("明天不行，后天吧" is a refusal and a promise). Each clause
gets its day mentions, amounts and the cues that cancel a promise: negation, condition, hedging,
a past payment, a question, a range between two days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from autograder.review.amounts import Amount, find_amounts
from autograder.review.timeexpr import DayMention, find_days, find_time

__all__ = ["Clause", "is_acceptance", "is_refusal", "read_clauses"]

# Sentence ends and clause commas (a comma inside 5,000 does not split).
_SPLIT = re.compile(
    r"(?P<end>[。!?;\n]|\.(?!\d)|\?)|(?:(?<!\d),|,(?!\d{3}))|[、~]|\s(?=but\s)|(?=但是|不过|可是)"
)
_SPLIT_AND = re.compile(_SPLIT.pattern + r"|\s(?=and\s)|然后|(?<=[0-9元块])再")
_CLEAN = (("a.m.", "am"), ("p.m.", "pm"), ("’", "'"), ("‘", "'"), ("？", "?"), ("！", "!"))

_PAY = re.compile(
    r"还(?!是|有|在|没|要|得|会|可以|行|好|挺|不错|早|差|剩|想|需|真|算|欠|款日|款期|款记录)|付|交|缴|"
    r"剩下|剩余|余下|其余|尾款|\bremaining\b|\bthe\s+rest\b|\bthe\s+balance\b|转(?!告|达|接|身|变|正|念|眼|移|到.{0,3}部门)|打款|打钱|打过去|打给|存进|存钱|汇款|汇过去|结清|处理|还上|补上|凑|"
    r"\bpay|\bhave\s+it\s+paid\b|\bget\b.{0,24}\bto\s+you\b|\btransfer|\bsend\b|\bsettle|\bclear\b|\bdeposit|\bwire\b|\bmake\s+(?:a|the)\s+"
    r"payment|\bpayment\b|\bcover\b|\bput\b.*\btoward"
)
_DUE_NOUN = re.compile(
    r"还款日|到期日|账单日|最后还款|截止日|应还|\bdue\s+date\b|\bwas\s+due\b|\bis\s+due\b|"
    r"\bpayment\s+date\b|\bminimum\s+payment\b"
)
_NEG_OK = re.compile(
    r"没问题|没事|没关系|不好意思|不客气|不会忘|不会再|不会拖|不会晚|不会逾期|不会耽误|不会食言|不会失约|"
    r"不过|不管|不然|不用担心|不超过|不晚于|不迟于|要不|不得不|"
    r"\bno\s+problem\b|\bno\s+worries\b|\bnot\s+a\s+problem\b|\bdon't\s+worry\b|\bwon't\s+forget\b|"
    r"\bwill\s+not\s+forget\b|\bwon't\s+be\s+late\b|\bno\s+later\s+than\b|\bnot\s+later\s+than\b|"
    r"\bwithout\s+fail\b"
)
_NEG = re.compile(
    r"不|没|别|无法|甭|未|\bnot\b|n't\b|\bcannot\b|\bno\b|\bnever\b|\bunable\b|\bnope\b|\bnah\b"
)
_COND = re.compile(
    r"如果|要是|假如|假设|万一|只要|除非|的话|了就|有钱就|有了钱|看情况|到时候|再看|等(?:我|到|发|工资|钱|他|她|"
    r"下个|客户|老板|公司)|才能|\bif\b|\bunless\b|\bas\s+long\s+as\b|\bprovided\b|\bdepend|"
    r"\bonce\s+i\s+get\b|\bwhen\s+i\s+get\b|\bafter\s+i\s+get\b|\bassuming\b|\bin\s+case\b"
)
_COND_CARRY = re.compile(r"如果|要是|假如|假设|万一|只要|除非|的话|\bif\b|\bunless\b|\bonce\b")
_HEDGE = re.compile(
    r"尽量|争取|试试|试一下|可能|也许|大概|估计|应该|说不定|不一定|再说|看看|考虑|想想|商量|问问|"
    r"\bmaybe\b|\bperhaps\b|\bprobably\b|\bmight\b|\btry\b|\btrying\b|\bhopefully\b|\bi\s+guess\b|"
    r"\bnot\s+sure\b|\blet\s+me\s+(?:think|check|see)\b|\bthink\s+about\b|\bsee\s+if\b"
)
_PAST = re.compile(
    r"已经|已还|已付|已转|早就|刚才|刚刚|上周|\balready\b|\bi\s+paid\b|\bi've\s+paid\b|\bhave\s+paid\b|"
    r"\bdid\s+pay\b|\bsent\s+it\b|\blast\s+week\b"
)
_QWORD = re.compile(
    r"吗|么$|呢$|能不能|可不可以|行不行|好不好|是不是|要不要|会不会|有没有|什么时候|哪天|几号|多少|怎么样|"
    r"如何|^(?:can|could|would|will|do|does|did|are|is|when|what|how)\b"
)
_TAG_PROPOSAL = re.compile(
    r"可以吗|行吗|好吗|成吗|可不可以|行不行|好不好|怎么样|如何|\bok\??$|\bokay\??$|is\s+that\s+ok|"
    r"would\s+that\s+(?:work|be\s+ok)|does\s+that\s+work|\bhow\s+about\b|\bwhat\s+about\b|"
    r"\bcan\s+i\s+pay\b|\bcould\s+i\s+pay\b|\bis\s+it\s+ok\b|\bwould\s+it\s+be\s+ok\b|\bi\s+can\b"
)
_RANGE = re.compile(r"或|还是|到|至|-|\bor\b|\bto\b|\bbetween\b|\band\b")
_FILLER = re.compile(
    r"那就|那么|就|吧|啊|呀|嗯|哦|呗|了|的|那|好|行|可以|我|先|定在|定|约在|then|let's\s+say|"
    r"how\s+about|say|on|by|before|ok|okay|sure|yes|yeah|fine|i'll|i\s+will|instead|only|just|"
    r"works?|for|me|is|good|great|it|that|then|at|the|in|morning|afternoon|evening|"
    r"只能|只|之前|以前|前|上午|下午|"
    r"晚上|中午|早上|点|半|钟|左右"
)
_ACCEPT = re.compile(
    r"^(?:(?:行|好|嗯|对|是|成|能|会)(?:[的吧啊呀了嘛滴哈嗯好行对是]|可以)*(?=$|[\W\s])|"
    r"可以|没问题|一定|肯定|放心|同意|答应|那就这样|就这样|就这么定|定了|"
    r"知道了|记住了|收到|ok|okay|yes|yeah|yep|yup|sure|fine|alright|all\s+right|deal|agreed|"
    r"that\s+works|works\s+for\s+me|sounds\s+good|will\s+do|i\s+will|i\s+can|i'll\s+do\s+(?:it|that)|"
    r"i\s+promise|of\s+course|definitely|absolutely|no\s+problem|correct|right|that's\s+right|"
    r"that's\s+fine|that's\s+ok|got\s+it|understood)"
)
_REFUSE = re.compile(
    r"^(?:不行|不可以|不能|不好|不太行|不了|没办法|没法|恐怕不|那不行|太晚|太迟|太多|no\b|nope|nah|"
    r"i\s+can't|i\s+cannot|that's\s+too|that\s+won't|sorry,?\s+(?:no|we\s+can't))"
    r"|^.{0,30}?(?:太晚|太迟|不能接受|没法接受|不太行|\btoo\s+late\b|\bcan't\s+accept\b|"
    r"\bcannot\s+accept\b|\bnot\s+possible\b|\bwon't\s+work\b|\bdoesn't\s+work\b)"
)


@dataclass
class Clause:
    """One clause of a turn with what the commitment rules need to know about it."""

    text: str
    days: list[DayMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    time: time | None = None
    question: bool = False
    proposal: bool = False  # a question that proposes: 明天还2000可以吗?
    negated: bool = False
    conditional: bool = False
    hedged: bool = False
    past: bool = False
    pay: bool = False
    due_noun: bool = False
    bare: bool = False  # nothing but a day, time or amount: 明天吧, friday then

    @property
    def day(self) -> date | None:
        """The one day this clause names, or None when it names none, several or a range."""
        strong = [d for d in self.days if not d.weak]
        use = strong or self.days
        if not use or any(d.vague for d in use):
            return None
        days = {d.day for d in use}
        if len(days) != 1:
            return None
        return days.pop()


def _clean(norm: str) -> str:
    for a, b in _CLEAN:
        norm = norm.replace(a, b)
    return norm


def _strip(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + " " + text[e:]
    return text


def _is_negated(text: str) -> bool:
    return _NEG.search(_NEG_OK.sub(" ", text)) is not None


def read_clauses(norm: str, at: datetime) -> list[Clause]:
    """Split a normalised turn into clauses and read each one's cues."""
    norm = _clean(norm)
    clauses: list[Clause] = []
    pos = 0
    pieces: list[tuple[str, str]] = []
    splitter = _SPLIT if "between" in norm else _SPLIT_AND
    for m in splitter.finditer(norm):
        pieces.append((norm[pos : m.start()], m.group("end") or ""))
        pos = m.end()
    pieces.append((norm[pos:], ""))
    carry = False
    sentence: list[Clause] = []
    for raw, end in pieces:
        text = raw.strip()
        if text:
            c = _read(text, at)
            if carry:
                c.conditional = True
            carry = c.conditional and _COND_CARRY.search(text) is not None and "就" not in text
            clauses.append(c)
            sentence.append(c)
        if end in ("?",) and sentence:
            last = sentence[-1]
            last.question = True
            last.proposal = last.proposal or _TAG_PROPOSAL.search(last.text) is not None
        if end:
            _share_pay(sentence)
            sentence, carry = [], False
    _share_pay(sentence)
    return clauses


def _share_pay(sentence: list[Clause]) -> None:
    """明天下午，还2000: a dated clause borrows the payment verb of its undated neighbours."""
    for i, c in enumerate(sentence):
        if c.pay or not c.days:
            continue
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(sentence) and not sentence[j].days:
                other = sentence[j]
                if other.pay and not (other.negated or other.conditional or other.question):
                    c.pay = True
                    break
                j += step
            if c.pay:
                break


def _read(text: str, at: datetime) -> Clause:
    days = find_days(text, at)
    amounts = find_amounts(text)
    c = Clause(text, days, amounts)
    c.time = find_time(text) if days or any(ch.isdigit() for ch in text) or "点" in text else None
    c.negated = _is_negated(text)
    c.conditional = _COND.search(text) is not None
    c.hedged = _HEDGE.search(text) is not None
    c.past = _PAST.search(text) is not None
    c.pay = _PAY.search(text) is not None
    c.due_noun = _DUE_NOUN.search(text) is not None
    c.question = _QWORD.search(text) is not None
    c.proposal = c.question and _TAG_PROPOSAL.search(text) is not None
    rest = _strip(text, [(d.start, d.end) for d in days] + [(a.start, a.end) for a in amounts])
    rest = _FILLER.sub(" ", rest)
    c.bare = len(re.sub(r"[\W_\d]", "", rest)) <= 1 and bool(days or amounts)
    return c


def is_acceptance(norm: str) -> bool:
    """True for a plain yes to a proposal: 行 / 好的 / 可以 / 没问题 / 嗯 / OK / sure / fine."""
    text = _clean(norm).strip().lstrip("(（\"'")
    if not _ACCEPT.match(text):
        return False
    return not (_is_negated(text) or _HEDGE.search(text) or _COND.search(text))


def is_refusal(norm: str) -> bool:
    """True when a turn opens by turning a proposal down: 不行 / 太晚了 / no / I can't."""
    return _REFUSE.match(_clean(norm).strip()) is not None
