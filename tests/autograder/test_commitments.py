"""Dated-commitment finder: table-driven over the devset files plus edge cases."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.review.commitments import find_commitment
from autograder.review.model import Turn
from autograder.review.normalize import normalize
from autograder.review.speakers import split_turns

DEVSET = Path(__file__).parent / "files" / "devset"
DEFAULT_AT = datetime(2026, 11, 23, 10, 0)


def _cases() -> list[dict]:
    cases = []
    for path in sorted(DEVSET.glob("commitments_*.yaml")):
        cases += yaml.safe_load(path.read_text(encoding="utf-8"))
    return cases


CASES = _cases()


def _at(case: dict) -> datetime:
    return datetime.fromisoformat(case["at"]) if case.get("at") else DEFAULT_AT


def _find(text: str, at: datetime = DEFAULT_AT):
    return find_commitment(split_turns(text), at)


def test_devset_size_and_balance():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(CASES) >= 200
    negatives = sum(c["commitment"] is None for c in CASES)
    assert negatives / len(CASES) >= 0.4
    assert {c["lang"] for c in CASES} == {"zh-Hans", "zh-Hant", "en"}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_devset_case(case):
    found = _find(case["text"], _at(case))
    want = case["commitment"]
    if want is None:
        assert found is None, f"{case['why']}: found {found}"
        return
    assert found is not None, f"{case['why']}: no commitment found"
    due = want["due"] if isinstance(want["due"], date) else date.fromisoformat(want["due"])
    assert found.due == due, case["why"]
    amount = want.get("amount")
    assert found.amount == (None if amount is None else Decimal(str(amount))), case["why"]
    if "time" in want:
        assert found.time == time.fromisoformat(want["time"]), case["why"]
    assert found.quote and found.quote in case["text"], "the quote is the transcript's own words"
    assert found.speaker in ("debtor", "collector")


def _turn(i: int, speaker: str, text: str) -> Turn:
    return Turn(i, speaker, text, normalize(text).text)


def test_no_turns_and_blank_turns():
    assert find_commitment([], DEFAULT_AT) is None
    assert find_commitment([_turn(0, "debtor", "   "), _turn(1, "debtor", "")], DEFAULT_AT) is None


def test_emoji_and_symbols_do_not_break_reading():
    found = find_commitment([_turn(0, "debtor", "好的😊 明天还2000👌")], DEFAULT_AT)
    assert found is not None and found.due == date(2026, 11, 24)
    assert found.amount == Decimal(2000)


def test_huge_number_is_an_amount_not_a_crash():
    found = find_commitment([_turn(0, "debtor", "明天还99999999999999999999元")], DEFAULT_AT)
    assert found is not None and found.amount == Decimal("99999999999999999999")


def test_aware_datetime_is_read_as_its_wall_clock():
    at = datetime(2026, 11, 23, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    found = find_commitment([_turn(0, "debtor", "我明天还500")], at)
    assert found is not None and found.due == date(2026, 11, 24)


def test_speaker_and_quote_of_an_accepted_proposal():
    text = "催收员：那就后天还1500，可以吗？\n客户：好的。"
    found = _find(text)
    assert found is not None and found.speaker == "debtor"
    assert found.quote == "那就后天还1500，可以吗？", "a plain yes quotes the proposal it accepts"
    found = _find("催收员：那就后天还1500，可以吗？\n客户：好的，下午三点前。")
    assert found is not None and found.quote == "好的，下午三点前。", "an answer adding a time"


def test_untagged_script_is_the_collector_speaking():
    found = _find("我们确认您明天通过官方App还款3200元。")
    assert found is not None and found.speaker == "collector"


def test_contact_cannot_promise_for_the_debtor():
    assert _find("催收员：请转告他。\n家属：他明天还2000。") is None


def test_very_long_turn_is_handled():
    text = "客户：" + "我这个月真的很困难，" * 500 + "明天还500。"
    found = _find(text)
    assert found is not None and found.amount == Decimal(500)


PROPOSAL = "催收员：那就明天下午三点前还2000，可以吗？\n客户："
YES = [
    "行",
    "好",
    "可以",
    "没问题",
    "嗯",
    "OK",
    "sure",
    "yes",
    "fine",
    "好的。",
    "Yeah",
    "No problem.",
]
NO = ["不行", "no", "算了", "我再想想", "嗯...再说吧", "不可以", "nope", "maybe", "嗯，我现在在忙"]


@pytest.mark.parametrize("word", YES)
def test_a_yes_accepts_the_proposal_with_its_day_time_and_amount(word):
    found = _find(PROPOSAL + word)
    assert found is not None and found.speaker == "debtor"
    assert (found.due, found.time, found.amount) == (date(2026, 11, 24), time(15), Decimal(2000))


@pytest.mark.parametrize("word", NO)
def test_anything_but_a_yes_leaves_no_commitment(word):
    assert _find(PROPOSAL + word) is None


def test_the_last_agreed_commitment_wins():
    text = "客户：我明天还1000。\n催收员：好的。\n客户：明天不行，后天吧，后天还1500。"
    found = _find(text)
    assert found is not None and (found.due, found.amount) == (date(2026, 11, 25), Decimal(1500))


def test_a_debtor_question_rejected_by_the_collector_is_no_promise():
    assert _find("客户：下下周五还行吗？\n催收员：不行，太晚了。") is None
    found = _find("客户：下下周五还行吗？\n催收员：可以。")
    assert found is not None and found.due == date(2026, 12, 11)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["催收员", "客户", "Agent", "Customer", "家属", ""]),
            st.text(
                alphabet=st.sampled_from(list("明天后周五号月底还不2000元,。?行好 pay friday $5"))
            )
            | st.text(max_size=40),
        ),
        max_size=6,
    ),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
)
def test_any_text_and_any_call_time_give_a_result_or_none(lines, at):
    text = "\n".join(f"{tag}：{body}" if tag else body for tag, body in lines)
    found = find_commitment(split_turns(text), at)
    if found is not None:
        assert isinstance(found.due, date) and found.quote
        assert found.speaker in ("debtor", "collector")


def test_upper_case_norm_from_another_caller_is_still_read():
    found = find_commitment(
        [Turn(0, "debtor", "I'll pay $50 on Friday", "I'LL PAY $50 ON FRIDAY")], DEFAULT_AT
    )
    assert found is not None and (found.due, found.amount) == (date(2026, 11, 27), Decimal(50))


# Grids written after the blind batches: every payment verb, acceptance word and hedge must read
# the same in any combination, not only in the sentence it was first seen in.
_ZH_VERBS = ["还", "还款", "转", "转账", "汇", "存", "缴", "交", "付", "还上", "过数", "入数"]
_EN_VERBS = [
    "pay",
    "send",
    "transfer",
    "wire",
    "deposit",
    "put down",
    "get you",
    "drop off",
    "cover",
]
_ZH_YES = [
    "好",
    "好嘞",
    "行吧",
    "可以的",
    "没问题",
    "嗯嗯",
    "成",
    "得",
    "冇問題",
    "好喔",
    "妥了",
    "没毛病",
]
_ZH_YES += ["係呀", "無問題", "收到", "得啦", "OK啦", "嗯嗯好"]
_EN_YES = ["Yes sir.", "Sounds good.", "Let's do it.", "Uh-huh.", "Count me in.", "That's doable."]
_NOT_PROMISES = [
    "客户：等周五发了工资再还。",
    "客户：明天还2000行吗？我问问我老婆。",
    "客户：明天我争取还2000。",
    "客户：下周一定还。",
    "债务人：呢两日还2000啦。",
    "Debtor: I'll pay $200 the first week of December.",
    "客户：老板周五给我转账。",
    "Debtor: Can I pay on Friday? Let me ask my wife first.",
    "Debtor: The mill pays me on the 2nd.",
    "Debtor: I'll try to pay $200 tomorrow.",
    "催收员：那明天还2000，可以吗？\n客户：嗯，我在开车。",
    "催收员：您明天能还款吗？\n客户：我今天上午已经还过了，2000，你们查一下。",
]


@pytest.mark.parametrize("verb", _ZH_VERBS)
def test_every_chinese_payment_verb_with_a_day_and_amount(verb):
    found = _find(f"客户：我周五{verb}两千五。")
    assert found is not None and found.due == date(2026, 11, 27), verb
    assert found.amount == Decimal(2500), verb


@pytest.mark.parametrize("verb", _EN_VERBS)
def test_every_english_payment_verb_with_a_day_and_amount(verb):
    found = _find(f"Debtor: I'll {verb} $1,200 on the 1st.")
    assert found is not None and found.due == date(2026, 12, 1), verb
    assert found.amount == Decimal(1200), verb


@pytest.mark.parametrize("yes", _ZH_YES + _EN_YES)
def test_every_acceptance_word_accepts_the_proposal(yes):
    proposal = "Agent: $2000 tomorrow?" if yes.isascii() else "催收员：那明天还2000，可以吗？"
    found = _find(f"{proposal}\n客户：{yes}")
    assert found is not None and found.due == date(2026, 11, 24), yes
    assert found.amount == Decimal(2000), yes


@pytest.mark.parametrize("text", _NOT_PROMISES)
def test_hedges_income_and_past_payments_are_not_promises(text):
    assert _find(text) is None


def test_the_whole_balance_named_before():
    found = _find("Collector: The total past due is $675.\nDebtor: Okay. I'll pay it all tomorrow.")
    assert found is not None and found.amount == Decimal(675)
    found = _find("坐席：您目前欠款三千二百元。\n客户：行，明天我先还一部分。")
    assert found is not None and found.amount is None, "a part is not the whole balance"
    found = _find("催收员：您欠款5000元。明天能还吗？\n客户：可以")
    assert found is not None and found.amount == Decimal(5000), "a day proposed for the balance"
    found = _find("Agent: Your balance is $2,300. Can you pay something Friday?\nCustomer: Yes.")
    assert found is not None and found.amount is None, "something is not the balance"
    found = _find("Agent: Your balance is $2,300. When can you pay?\nCustomer: Friday.")
    assert found is not None and found.amount is None, "an open question leaves the amount open"


def test_half_of_the_amount_on_the_table():
    found = _find(
        "Agent: You owe $540. Can you pay it in full by Friday?\nDebtor: I can do half by Friday."
    )
    assert found is not None and found.amount == Decimal(270)
    found = _find("催收员：您欠款6000，明天能还清吗？\n客户：一半可以。")
    assert found is not None and found.amount == Decimal(3000) and found.quote == "一半可以。"
    assert _find("Agent: Can you pay the $800 tomorrow?\nDebtor: Half? No.") is None


def test_the_last_of_two_promises_in_one_turn():
    found = _find("Debtor: Monday I'm sending $250, Tuesday another $250.")
    assert found is not None and found.due == date(2026, 11, 24)


@pytest.mark.parametrize(
    "text,due,amount",
    [
        ("跟您核对一下，您明天通过官方App还2000元，对吗？", date(2026, 11, 24), 2000),
        ("那就这样，明天2000，我这边给您登记上。", date(2026, 11, 24), 2000),
        ("Great, just to recap: $300 this Friday via the app.", date(2026, 11, 27), 300),
        ("Just to confirm, you'll pay $300 on Friday, right?", date(2026, 11, 27), 300),
        ("您明天还2000元，可以吗？", None, None),
        ("明天还2000元，对吗？", None, None),
        ("Please pay $300 by Friday.", None, None),
    ],
)
def test_untagged_script_recaps_and_demands(text, due, amount):
    found = _find(text)
    if due is None:
        assert found is None, "a question or demand without a recap is no agreement"
        return
    assert found is not None and found.speaker == "collector"
    assert (found.due, found.amount) == (due, Decimal(amount))


@pytest.mark.parametrize(
    "text,amount",
    [
        ("客户：明天给你们打两千。", 2000),
        ("客户：后天把欠的3000补齐。", 3000),
        ("客户：明天上午我把1500打你们对公账户。", 1500),
        ("債務人：聽日我畀二千你哋。", 2000),
        ("債務人：星期五我會交返三千蚊。", 3000),
        ("Debtor: Tomorrow I'm putting $300 on the card.", 300),
        ("Debtor: You'll see $400 from me on Monday.", 400),
        ("Debtor: I'll clear the $600 balance Wednesday.", 600),
        ("Debtor: I'll square up with you Friday, $320.", 320),
        ("Debtor: I'll get $130 over to you Friday.", 130),
        ("Debtor: I'll knock out $500 of it on Monday.", 500),
    ],
)
def test_more_ways_to_say_pay(text, amount):
    found = _find(text)
    assert found is not None and found.amount == Decimal(amount)


@pytest.mark.parametrize(
    "text",
    [
        "Debtor: I'll take $200 out of savings on Friday.",
        "Debtor: My boss said he'd put $300 in my account Friday.",
        "客户：明天老板给我打2000。",
        "客户：我明天打你们投诉电话。",
    ],
)
def test_money_coming_in_is_not_paying(text):
    assert _find(text) is None


def test_that_day_points_back_at_the_day_named_before():
    found = _find("客户：我们10号发工资，发工资那天还两千五百块。")
    assert found is not None and found.due == date(2026, 12, 10), "那天 is the 10th"
    found = _find("客户：我15号发工资。\n催收员：那当天能还2000吗？\n客户：行。")
    assert found is not None and found.due == date(2026, 12, 15), "across turns"
    assert _find("客户：发工资那天就还。") is None, "no day named: still vague"


def test_a_moved_day_keeps_the_amount_unless_it_is_another_payment():
    moved = _find("客户：周四还两千。\n催收员：好。\n客户：不对，改成周五吧。")
    assert moved is not None and moved.due == date(2026, 11, 27) and moved.amount == 2000
    other = _find("客户：周四还两千。\n催收员：好。\n客户：剩下的周五还。")
    assert other is not None and other.due == date(2026, 11, 27) and other.amount is None


def test_a_condition_added_after_the_promise_cancels_it_but_asking_leave_does_not():
    assert _find("客户：周五前还你们两千，如果没有意外的话。") is None
    found = _find("Debtor: I'll pay $90 on Wednesday, if that's okay with you.")
    assert found is not None and found.amount == 90


# Generalised after blind batch C (session commit2): each row is a neighbour of a miss, not the
# batch's own sentence.
@pytest.mark.parametrize(
    "text,at,due,amount",
    [
        ("催收员：那后天您能还多少？\n客户：八百。", None, date(2026, 11, 25), 800),
        ("催收员：周四能转多少？\n客户：三千五吧。", None, date(2026, 11, 26), 3500),
        ("客户：周二回家了就转两千。", None, date(2026, 11, 24), 2000),
        ("客户：周三到了单位就还一千。", None, date(2026, 11, 25), 1000),
        ("客户：后天肯定还，金额还不确定。", None, date(2026, 11, 25), None),
        ("Debtor: I'll pay Friday, not sure how much yet.", None, date(2026, 11, 27), None),
        ("客户：元旦前一天还五千。", None, date(2026, 12, 31), 5000),
        ("Debtor: The day before Christmas, $90.", None, date(2026, 12, 24), 90),
        ("Debtor: I'll have $75 sent by Thursday.", None, date(2026, 11, 26), 75),
        ("Debtor: I'll get the $310 transferred by the 2nd.", None, date(2026, 12, 2), 310),
    ],
)
def test_blind_c_neighbours(text, at, due, amount):
    found = _find(text, at or DEFAULT_AT)
    assert found is not None and found.due == due
    assert found.amount == (None if amount is None else Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "客户：明天能还多少算多少。",
        "客户：我周五看看能还多少。",
        "客户：周一钱到了就转五千。",
        "客户：礼拜一一到账就还。",
        "客户：明天还2000，也可能还不了。",
        "Debtor: I'll pay $50 Friday. Actually I can't pay anything.",
        "Debtor: I'll get $300 sent to me on Friday.",
    ],
)
def test_blind_c_neighbours_that_are_not_promises(text):
    assert _find(text) is None


def test_a_bare_evening_hour_is_kept():
    found = _find("Debtor: $60 tonight, by 9.")
    assert found is not None and found.time == time(21, 0)
    found = _find("客户：今晚还五百，九点之前。")
    assert found is not None and found.time == time(21, 0)


# Generalised after blind batch D (session commit2).
@pytest.mark.parametrize(
    "text,due,amount",
    [
        ("客户：后天我把三千打给你们。", date(2026, 11, 25), 3000),
        ("客户：周五还两万一。", date(2026, 11, 27), 21000),
        (
            "客户：我周五还一千可以吗？\n催收员：至少要还两千。\n客户：好吧。",
            date(2026, 11, 27),
            2000,
        ),
        (
            "Debtor: Can I pay $100 Friday?\nAgent: We need at least $150.\nDebtor: Okay.",
            date(2026, 11, 27),
            150,
        ),
        (
            "催收员：您能还多少？\n客户：三千。\n催收员：哪天？\n客户：周四。",
            date(2026, 11, 26),
            3000,
        ),
        (
            "Agent: How much can you pay?\nDebtor: $300.\nAgent: And when?\nDebtor: Friday.",
            date(2026, 11, 27),
            300,
        ),
        ("Agent: What can you do on Thursday?\nDebtor: One twenty-five.", date(2026, 11, 26), 125),
    ],
)
def test_blind_d_neighbours(text, due, amount):
    found = _find(text)
    assert found is not None and (found.due, found.amount) == (due, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "客户：我周五还一千可以吗？\n催收员：至少要还两千。\n客户：两千我拿不出来。",
        "Debtor: Can I pay $100 Friday?\nAgent: We need at least $150.\nDebtor: I can't.",
        "客户：明天还，万一没钱就后天。",
    ],
)
def test_blind_d_neighbours_that_are_not_promises(text):
    assert _find(text) is None


def test_an_amount_owed_is_not_an_amount_offered():
    found = _find("客户：我欠你们五千。\n催收员：哪天能还？\n客户：周五。")
    assert found is not None and found.amount is None


def test_cantonese_tomorrow_night_hour():
    found = _find("客户：听晚九点前过数，一千。")
    assert found is not None and found.time == time(21, 0)


# Generalised after blind batch E (session commit2).
@pytest.mark.parametrize(
    "text,due,amount",
    [
        ("客户：这八千我周五先还一半。", date(2026, 11, 27), 4000),
        ("Debtor: Two hundred. Friday. You have my word.", date(2026, 11, 27), 200),
        ("客户：后天。一千五。", date(2026, 11, 25), 1500),
        ("与客户沟通，客户已同意于12月2日还款2,000元。", date(2026, 12, 2), 2000),
        ("客户：我后天还两千行吗？\n坐席：可以，我给您申请一下。", date(2026, 11, 25), 2000),
    ],
)
def test_blind_e_neighbours(text, due, amount):
    found = _find(text)
    assert found is not None and (found.due, found.amount) == (due, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "客户：三千二？后天？",
        "客户：周五还两千行吗？\n坐席：这个我得请示一下领导。",
        "Debtor: Can I pay $80 Friday?\nAgent: Let me get back to you on that.",
    ],
)
def test_blind_e_neighbours_that_are_not_promises(text):
    assert _find(text) is None


@pytest.mark.parametrize(
    "text,due,amount",
    [
        ("Agent: How much could you send Friday?\nDebtor: Eighty bucks.", date(2026, 11, 27), 80),
        ("Agent: What can you cover on the 1st?\nDebtor: $95.", date(2026, 12, 1), 95),
        ("客户：双十一那天还两千。", date(2027, 11, 11), 2000),
    ],
)
def test_blind_f_neighbours(text, due, amount):
    found = _find(text)
    assert found is not None and (found.due, found.amount) == (due, Decimal(amount))


@pytest.mark.parametrize(
    "text,due,amount",
    [
        ("Debtor: I'll pay $40 Friday. No, Saturday.", date(2026, 11, 28), 40),
        ("客户：明天还两千。不对，后天。", date(2026, 11, 25), 2000),
        ("客户：三千二。后天。我说到做到。", date(2026, 11, 25), 3200),
        ("Debtor: I'll pay $50 Friday. No problem.", date(2026, 11, 27), 50),
    ],
)
def test_a_bare_correction_moves_the_day_of_this_turn(text, due, amount):
    found = _find(text)
    assert found is not None and (found.due, found.amount) == (due, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "客户：五千。明天。不可能。",
        "Debtor: Two hundred. Friday. No way.",
        "客户：后天？三千？没门。",
    ],
)
def test_a_sentence_that_only_refuses_withdraws_the_turn(text):
    assert _find(text) is None


@pytest.mark.parametrize(
    "text", ["客户：明天还两千，后天也行。", "Debtor: I'll pay $60 Thursday, Friday works too."]
)
def test_a_second_day_that_also_works_makes_a_choice_not_a_promise(text):
    assert _find(text) is None


def test_the_same_day_that_also_works_stays():
    found = _find("客户：明天还两千，明天也行。")
    assert found is not None and found.due == date(2026, 11, 24)


def test_blind_g_neighbours():
    found = _find("客户：周五我还两千五两千五")
    assert found is not None and (found.due, found.amount) == (date(2026, 11, 27), Decimal(2500))
    assert _find("Debtor: Can I pay $50 on Friday?\nAgent: I'll look into it.") is None
