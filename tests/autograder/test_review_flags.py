"""Flags: whose words count, negation, reported speech, lawful pressure, calling hours, quotes."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from autograder.review import CATEGORIES, review
from autograder.review.flags import is_negated, jurisdiction_of
from autograder.review.normalize import normalize
from autograder.review.rules import catalogue
from autograder.review.speakers import split_turns

DAY = datetime(2026, 11, 23, 10, 0)


def cats(text, at=DAY, **kw):
    return {f.category for f in review(text, at=at, **kw).flags}


def test_catalogue_covers_all_categories_with_bilingual_texts():
    cat = catalogue()
    assert {r.category for r in cat.rules} == set(CATEGORIES)
    for r in cat.rules:
        assert " / " in r.why and " / " in r.suggestion, r.id
        assert "Basis" in r.why and "§" in r.why, r.id  # China and US regulation both cited
        assert r.patterns, r.id


def test_only_the_collector_can_violate():
    assert cats("客户：你们这些骗子，老赖公司！\n催收员：我理解您的心情。") == set()
    assert cats("催收员：你这个老赖。\n客户：你才是老赖！") == {"abuse"}


NEGATION = [
    ("zh negated visit", "催收员：我们不会上门。", True),
    ("zh negated employer", "催收员：我们绝不会联系您的单位。", True),
    ("zh conditional is no negation", "催收员：你不还钱我们就上门。", False),
    ("zh A-not-A question is no negation", "催收员：你是不是神经病？", False),
    ("en negated employer", "Agent: We will not contact your employer.", True),
    ("en conditional threat", "Agent: If you don't pay we will contact your employer.", False),
    ("en list after a comma", "Agent: We don't accept cash, gift cards or wire transfers.", True),
    ("en new clause after a comma", "Agent: Don't worry, I'll give you an extension.", False),
    (
        "en condition then comma",
        "Agent: If you don't pay by Friday, we'll send someone over to your house.",
        False,
    ),
    ("zh 不需要", "催收员：我不需要您提供任何密码或验证码。", True),
    ("zh negated list items", "催收员：规定是：不上门、不打您通讯录、不在晚上十点后打电话。", True),
    ("zh list of conditions is no negation", "催收员：你不还、不接电话，我们就上门。", False),
    ("zh 不做 negates", "催收员：我们公司不做上门催收。", True),
]


@pytest.mark.parametrize("why,text,negated", NEGATION, ids=[c[0] for c in NEGATION])
def test_negation(why, text, negated):
    assert (cats(text) == set()) is negated


def test_is_negated_offsets():
    norm = normalize("我们不会上门").text
    assert is_negated(norm, norm.index("上门"))
    norm = normalize("我们就上门").text
    assert not is_negated(norm, norm.index("上门"))


REPORTED = [
    "催收员：有人说要上门，我们不会这样做。",
    "催收员：如果有人冒充法院给您打电话，请直接挂断。",
    "Agent: If anyone threatens you with arrest, that is not us.",
    "催收员：“老赖”这种说法我们从来不会用。",
]


@pytest.mark.parametrize("text", REPORTED)
def test_reported_or_quoted_speech_is_not_a_violation(text):
    assert cats(text) == set()


SCAM_WARNINGS = [
    (
        "a scammer stays the subject of the next clause",
        "催收员：最近有骗子假冒我们公司，让客户转到个人账户，请您小心。",
        set(),
    ),
    (
        "disowned later in the sentence",
        "催收員：如果有人說要幫您辦協商、請您唸驗證碼，那都是詐騙。",
        set(),
    ),
    ("骗子 aimed at the listener is an insult", "催收员：你们一家子都是骗子。", {"abuse"}),
    ("an insult is no scam warning", "催收员：你个骗子明天上门收拾你。", {"abuse", "threat"}),
    (
        "an accusation carries nothing",
        "催收员：你这是诈骗，明天去你单位找你。",
        {"false_legal_claim", "threat"},
    ),
]


@pytest.mark.parametrize("why,text,expected", SCAM_WARNINGS, ids=[c[0] for c in SCAM_WARNINGS])
def test_scam_warnings_versus_accusations(why, text, expected):
    assert cats(text) == expected


LAWFUL = [
    "催收员：逾期记录会如实上报征信，影响您以后的贷款。",
    "催收员：按照合同，逾期会计收罚息。",
    "催收员：如果长期不还，银行可能依法起诉。",
    "催收员：我可以按政策帮您提交分期申请，以银行审批为准。",
    "联系人：他不在。\n催收员：麻烦您转告他给我们回个电话。",
    "Agent: The creditor may take legal action under the contract.",
    "Agent: I can submit a request for an instalment plan per policy.",
    "Agent: Please confirm the last four digits of your card.",
]


@pytest.mark.parametrize("text", LAWFUL)
def test_lawful_firm_pressure_is_not_flagged(text):
    assert cats(text) == set()


HOURS = [
    ("cn 21:59 lawful", "催收员：您好。", datetime(2026, 11, 23, 21, 59), None, False),
    ("cn 22:00 late", "催收员：您好。", datetime(2026, 11, 23, 22, 0), None, True),
    ("cn 07:59 early", "催收员：您好。", datetime(2026, 11, 23, 7, 59), None, True),
    ("cn 08:00 lawful", "催收员：您好。", datetime(2026, 11, 23, 8, 0), None, False),
    ("us 21:00 late", "Agent: Hello.", datetime(2026, 11, 23, 21, 0), None, True),
    ("us 20:59 lawful", "Agent: Hello.", datetime(2026, 11, 23, 20, 59), None, False),
    ("given jurisdiction wins", "催收员：您好。", datetime(2026, 11, 23, 21, 30), "us", True),
    ("given cn for english", "Agent: Hello.", datetime(2026, 11, 23, 21, 30), "cn", False),
]


@pytest.mark.parametrize("why,text,at,jur,late", HOURS, ids=[c[0] for c in HOURS])
def test_calling_hours(why, text, at, jur, late):
    flags = review(text, at=at, jurisdiction=jur).flags
    hour_flags = [f for f in flags if f.rule == "harassment.hours"]
    assert bool(hour_flags) is late
    for f in hour_flags:
        assert f.category == "harassment" and f.turn == -1


def test_aware_datetime_becomes_the_local_wall_time():
    shanghai = timezone(timedelta(hours=8))
    r = review("催收员：您好。", at=datetime(2026, 11, 23, 23, 0, tzinfo=shanghai))
    assert r.at == datetime(2026, 11, 23, 23, 0) and r.at.tzinfo is None
    assert {f.category for f in r.flags} == {"harassment"}
    # 15:00 UTC is 23:00 in China
    r = review("催收员：您好。", at=datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    assert r.at == datetime(2026, 11, 23, 23, 0)
    assert {f.category for f in r.flags} == {"harassment"}
    # a US call keeps the datetime's own clock reading
    eastern = timezone(timedelta(hours=-5))
    r = review("Agent: Hello.", at=datetime(2026, 11, 23, 10, 0, tzinfo=eastern))
    assert r.at == datetime(2026, 11, 23, 10, 0) and r.flags == []


def test_jurisdiction_from_language():
    assert jurisdiction_of(split_turns("催收员：您好")) == "cn"
    assert jurisdiction_of(split_turns("Agent: hello there")) == "us"


def test_flag_fields_and_original_quote():
    text = "催收員：你這個老 賴，再不還就上門。"
    r = review(text, at=DAY)
    by_cat = {f.category: f for f in r.flags}
    assert set(by_cat) == {"abuse", "threat"}
    assert "老 賴" in by_cat["abuse"].quote and by_cat["abuse"].quote in text
    assert by_cat["abuse"].turn == 0 and by_cat["abuse"].rule.startswith("abuse.")
    assert "FDCPA" in by_cat["abuse"].why


def test_disclosure_depends_on_who_listens():
    debtor_call = "催收员：您的欠款已经逾期三个月了。\n客户：我知道。"
    contact_call = "联系人：我是他姐姐。\n催收员：他的欠款已经逾期三个月了。"
    assert cats(debtor_call) == set()
    assert cats(contact_call) == {"third_party_disclosure"}
    guarantor = "联系人：我是他的担保人。\n催收员：您是这笔贷款的担保人，借款已经逾期三个月了。"
    assert cats(guarantor) == set()


def test_contact_who_hands_over_the_phone_stops_being_the_audience():
    text = (
        "家属：你等一下，我叫他。\n客户：喂，我是张三。\n"
        "催收员：张先生您好，您的欠款已经逾期30天了。"
    )
    assert cats(text) == set()
    text = "催收员：请问张三在吗？\n家属：他不在，我是他妈妈。\n催收员：他的欠款逾期30天了。"
    assert cats(text) == {"third_party_disclosure"}


def test_vocabulary_classes_expand_and_unknown_ones_fail_clearly():
    from autograder.review.rules import Catalogue

    cats = catalogue().categories
    rule = {"id": "x.y", "category": "abuse", "en": ["you <bad>"]}
    cat = Catalogue({"categories": cats, "rules": [rule], "vocab": {"bad": "clod|oaf"}})
    assert cat.rules[0].patterns[0].search("you oaf")
    with pytest.raises(ValueError, match="unknown vocabulary class <bad>"):
        Catalogue({"categories": cats, "rules": [rule], "vocab": {}})


def test_a_turn_that_names_the_listener_as_a_relative_is_spoken_to_a_third_party():
    at = datetime(2026, 11, 23, 10)
    assert review("催收员：你是他太太吗？他的信用卡逾期了。", at=at).flag_categories
    assert not review("催收员：您好，您的信用卡逾期了。", at=at).flag_categories
    assert review("Collector: You're her roommate? She owes us 900.", at=at).flag_categories


def test_cantonese_words_are_read_for_flags_only():
    at = datetime(2026, 11, 23, 10)
    r = review("催收員：再唔還錢就話俾你屋企人知。", at=at)
    assert set(r.flag_categories) == {"third_party_disclosure"}
    assert r.flags[0].quote == "再唔還錢就話俾你屋企人知"
    assert not review("催收員：我哋唔會話俾你屋企人知。", at=at).flags


# Batch ZG-N: each lawful form next to the violation it must not hide.
LAWFUL_NEAR = [
    (
        "a banned line quoted after 'never say', closing after a plural",
        "Trainer: Never say 'we'll tell your boss' to a customer.",
        set(),
    ),
    (
        "a quoted phrase without a disowning word before it",
        "Collector: I'll say it once: 'we'll tell your boss' is not a joke.",
        {"third_party_disclosure"},
    ),
    (
        "a quotation running past the phrase, marked wrong",
        "讲师：错误说法是“今天不还就派人去你家”，正确说法是“我们约一个具体日期”。",
        set(),
    ),
    ("violations get staff fired", "Trainer: Those are violations and will get you fired.", set()),
    (
        "getting the debtor fired",
        "Collector: Keep ignoring us and we'll get you fired.",
        {"threat"},
    ),
    ("a cap on calls", "催收员：按规定我们每天给您打电话不会超过规定次数。", set()),
    ("a cap that is no cap", "催收员：我们每天打你几十次，不会超过一百次。", {"harassment"}),
    ("a law firm under its own name", "催收员：如果委托律所，会由律所以律所名义发函。", set()),
    (
        "the collector under a law firm's name",
        "催收员：我们以律所名义正式通知你。",
        {"impersonation"},
    ),
    ("who alone may freeze", "催收员：冻结账户只能由法院在执行阶段依法作出。", set()),
    ("a freeze announced", "催收员：你的银行卡明天就冻结，只能由法院解冻。", {"false_legal_claim"}),
    ("the waiver is not the collector's", "催收员：我理解您的想法，但减免不是我能决定的。", set()),
    (
        "'not up to me' about something else",
        "Collector: I'll waive the fees myself, it's not up to me to charge them.",
        {"unauthorized_waiver"},
    ),
    ("documents mailed to our own office", "催收员：材料可以寄到我们公司的法务部收。", set()),
    (
        "a letter mailed to the debtor's office",
        "催收员：我们会把材料寄到你公司。",
        {"third_party_disclosure"},
    ),
    ("the listener is the guarantor", "催收员：您是这笔贷款的担保人，要承担连带责任。", set()),
    ("a wife made liable", "催收员：你老婆要承担连带责任。", {"false_legal_claim"}),
    (
        "a QA note reporting an agent's words",
        "QA: An agent told a customer 'your neighbors will hear about this'.",
        set(),
    ),
    ("a quoted line judged after it", "测验答案：“再不还就抓你去坐牢”属于虚假法律恐吓。", set()),
    (
        "a quoted line affirmed after it",
        "催收员：“再不还就抓你去坐牢”，这是真的。",
        {"false_legal_claim"},
    ),
    (
        "Zelle only to the bank's official business address",
        "Agent: The bank takes Zelle only to its official business address on the website.",
        set(),
    ),
    (
        "Zelle to the collector's own number",
        "Collector: Send it by Zelle to my personal number, it's our official business account.",
        {"private_payment"},
    ),
]


@pytest.mark.parametrize("why,text,expected", LAWFUL_NEAR, ids=[c[0] for c in LAWFUL_NEAR])
def test_lawful_forms_next_to_violations(why, text, expected):
    assert cats(text) == expected
