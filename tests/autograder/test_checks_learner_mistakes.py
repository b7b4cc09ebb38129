"""Checks meet the answers of a struggling learner: a clear bilingual note, never a traceback.

Each row is one mistake seen when filling the release notebooks the way learners go wrong
(wrong types, strings with units, a list where a label is expected, a 1 MB paste, a transcript
pasted into the wrong cell). The check must return a CheckResult whose notes say what is wrong
in both languages, each half in its own language, and must not give the answer away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
import pytest

from autograder.checks import preparation as prep
from autograder.checks.compliance import check_labels, score_labels, score_lawful
from autograder.checks.excuse_responses import (
    check_rewrite,
    check_strategies,
    flag_report,
)
from autograder.checks.excuses import (
    check_model,
    check_normalize,
    check_recall,
    check_rules,
    check_test_predictions,
)
from autograder.checks.messages import split_bilingual
from autograder.checks.result import CheckResult
from autograder.checks.scripts import check_excuse_answers, check_script, check_windows
from autograder.checks.simulation import check_call, check_calls

CJK = re.compile(r"[\u4e00-\u9fff]")
BAD_LINE = "再不还就告诉你家人，让你单位的人都知道你是老赖！"
GOOD_SCRIPT = (
    "催收员：您好，我是诚达资产管理有限公司的小李，受华信银行信用卡中心委托来电。请问您是王丽女士本人吗？\n"
    "客户：是我。\n"
    "催收员：您的信用卡账单3280元已经逾期5天了，最近是遇到什么情况了吗？\n"
    "客户：忘了。\n"
    "催收员：理解。您看今天还是明天方便还款？\n"
    "客户：明天吧。\n"
    "催收员：好的，确认一下：明天通过华信银行App还款3280元。感谢您的配合，再见。\n"
)
CALLS = {"A": datetime(2026, 11, 23, 10), "B": datetime(2026, 11, 24, 15, 30)}


def _transcripts():
    from course import compliance_transcripts

    return compliance_transcripts()


def _played(sid: str) -> str:
    from course.simulator import play

    paths = {
        "forgot-early": [
            "open-identify",
            "verify-last4",
            "purpose-facts",
            "excuse-empathy-day",
            "ask-day-pin",
            "confirm-recap",
        ]
    }
    return play(sid, paths[sid]).transcript


def prep_labels() -> list[str]:
    from autograder.checks.preparation.reference import BUCKET_LABELS

    return list(BUCKET_LABELS)


def _short(result: CheckResult) -> CheckResult:
    assert all(len(n.zh) < 200 and len(n.en) < 200 for n in result.notes), "the note echoes it all"
    return result


class _Model:
    """A model whose predict returns lists of labels instead of labels."""

    def predict(self, texts):
        return [["forgot"] for _ in texts]


@dataclass(frozen=True)
class Case:
    id: str
    why: str
    run: Callable[[], CheckResult]
    fraction: float | None = 0.0
    en_has: tuple[str, ...] = ()
    zh_has: tuple[str, ...] = ()
    en_lacks: tuple[str, ...] = field(default=("建议", "依据"))
    zh_lacks: tuple[str, ...] = field(default=("Suggestion", "Basis", "this is not"))


CASES = [
    Case(
        "can_call_returns_text",
        "a function that returns 'yes' is told to return a bool, not that the hours are wrong",
        lambda: prep.check_can_call(lambda *a: "yes"),
        en_has=("must return True or False",),
        zh_has=("True 或 False",),
    ),
    Case(
        "can_call_returns_dataframe",
        "a DataFrame returned by can_call used to raise 'truth value is ambiguous'",
        lambda: prep.check_can_call(lambda *a: pd.DataFrame({"a": [1]})),
        en_has=("must return True or False",),
    ),
    Case(
        "overview_usual_slips",
        "days_past_due >= 0 counts every account; == AS_OF.date() matches nothing: both were "
        "only 'not right; check it again'",
        lambda: prep.check_overview(
            {
                "accounts": 1000,
                "overdue_accounts": 1000,
                "total_overdue_amount": 0,
                "promised_today": 0,
            }
        ),
        fraction=None,
        en_has=("days_past_due > 0 (strictly)", "compare it with AS_OF itself"),
    ),
    Case(
        "plan_returns_strings",
        "plan_attempts returning 'HH:MM' strings was told it returned the wrong type: list",
        lambda: prep.check_plan_attempts(lambda c, z, d, p, r=0: sorted(p)),
        en_has=("list of datetimes",),
        zh_has=("datetime 列表",),
    ),
    Case(
        "brief_numbers_with_units",
        "'7904.6元' and '109天' are numbers with a unit: say so, and give no key-like example",
        lambda: prep.check_brief(
            {
                "account_id": "AC0000784",
                "amount_due": "7904.6元",
                "dpd": "109天",
                "bucket": "M4",
                "likely_excuse": "cash_flow",
                "goal": "今天还款",
            },
            "AC0000784",
        ),
        fraction=None,
        en_has=("amount_due must be a plain number", "dpd must be a plain number"),
        zh_has=("不带单位",),
    ),
    Case(
        "brief_ids_with_spaces",
        "'Ｍ4 ' (full-width, a trailing space) and ' cash_flow' are the right ids typed loosely; "
        "they were marked 'not right' with no hint why",
        lambda: prep.check_brief(
            {
                "account_id": "AC0000784",
                "amount_due": 0,
                "dpd": 0,
                "bucket": "Ｍ4 ",
                "likely_excuse": " cash_flow",
                "goal": "今天还款",
            },
            "AC0000784",
        ),
        fraction=None,
        en_has=("bucket is right", "likely_excuse is right"),
    ),
    Case(
        "brief_excuse_dataframe",
        "a DataFrame as likely_excuse used to raise 'truth value is ambiguous'",
        lambda: prep.check_brief(
            {"account_id": "AC0000784", "likely_excuse": pd.DataFrame({"a": [1]})}, "AC0000784"
        ),
        en_has=("excuse ids",),
    ),
    Case(
        "penalty_after_rows_dropped",
        "portfolio.drop(..., inplace=True) earlier: the instant check passed, the hidden check "
        "said only 'not one value per input'",
        lambda: prep.check_penalty([0.0] * 895),
        en_has=("has 895 values but needs one value per account (1000)", "inplace=True"),
        zh_has=("删掉或筛掉了 portfolio 的行",),
    ),
    Case(
        "bucket_counts_after_rows_dropped",
        "counts of a shrunken portfolio were blamed on the to_bucket edges",
        lambda: prep.check_bucket_counts(
            pd.Series([0, 600, 100, 80, 60, 30, 25], index=prep_labels())
        ),
        fraction=None,
        en_has=("add up to 895 accounts but the portfolio has 1000",),
        en_lacks=("check the edges",),
    ),
    Case(
        "windows_not_a_dict",
        "a list of dates is not 'no date for account A, B': say the answer must be a dict",
        lambda: check_windows(["2026-11-25"], CALLS, question="q1_1"),
        en_has=("must be a dict",),
        zh_has=("字典",),
    ),
    Case(
        "windows_text_date",
        "a date written as text is named back to the learner, with an example that is no key",
        lambda: check_windows({"A": "2026-11-25", "B": None}, CALLS, question="q1_1"),
        en_has=("'2026-11-25' is not a date", "date(2026, 1, 31)"),
    ),
    Case(
        "excuse_keys_misspelt",
        "keys 'Forgot' and 'too busy' were only reported as 'no answer to excuse forgot'",
        lambda: check_excuse_answers(
            {"Forgot": "理解，您看今天还是明天方便还款？", "too busy": "好的，今天还是明天？"},
            ["forgot", "too_busy"],
            at=CALLS["A"],
            question="q4_1",
        ),
        en_has=("these keys are not the excuse ids to answer: 'Forgot', 'too busy'",),
        zh_has=("键要与编号完全一致",),
    ),
    Case(
        "script_one_megabyte_paste",
        "a 1 MB paste holding a whole good script earned 90%, and took seconds to review",
        lambda: check_script(GOOD_SCRIPT * 400, at=CALLS["A"], question="q7_1"),
        en_has=("too long",),
    ),
    Case(
        "excuse_answer_one_megabyte",
        "a 1 MB excuse answer earned 54% for being lawful",
        lambda: check_excuse_answers(
            {"forgot": "理解您。" * 250_000}, ["forgot"], at=CALLS["A"], question="q4_1"
        ),
        en_has=("too long",),
    ),
    Case(
        "labels_int_category",
        "{('S1', 4): 5} used to raise 'int object is not iterable'",
        lambda: check_labels({("S1", 4): 5}, _transcripts(), group="zh-hans", question="q1_1"),
        en_has=("is not a category id",),
    ),
    Case(
        "labels_nan_category",
        "a NaN category (from a DataFrame cell) used to raise a TypeError",
        lambda: check_labels(
            {("S1", 4): float("nan")}, _transcripts(), group="zh-hans", question="q1_1"
        ),
        en_has=("is not a category id",),
    ),
    Case(
        "labels_typo_in_another_group",
        "'Impersonation' on an English call zeroed the Simplified group too, naming a label the "
        "group does not hold",
        lambda: check_labels(
            {("S1", 4): {"abuse"}, ("E1", 2): {"Impersonation"}},
            _transcripts(),
            group="zh-hans",
            question="q1_1",
        ),
        fraction=1.0,
        en_has=("zh-hans: 1 turns labelled",),
        en_lacks=("Impersonation",),
    ),
    Case(
        "labels_typo_costs_one_row",
        "in the hidden score a typo loses its own row (named) and keeps the group's other rows",
        lambda: score_labels(
            {("E1", 2): {"Impersonation"}, ("E1", 4): {"false_legal_claim"}},
            {("E1", 2, "impersonation"), ("E1", 4, "false_legal_claim")},
            _transcripts(),
            group="en",
            question="q1_3",
        ),
        fraction=round(2 * 1 * 0.5 / 1.5, 4),
        en_has=("'Impersonation' is not a category id", "recall 50%"),
    ),
    Case(
        "lawful_calls_nested_list",
        "['S4', ['E3']] used to raise 'unhashable type: list'",
        lambda: score_lawful(["S4", ["E3"]], {"S4"}, _transcripts(), question="q4_1"),
        en_has=("must be a set of transcript ids",),
    ),
    Case(
        "rules_return_a_list",
        "classify_rules returning ['forgot'] used to raise 'unhashable type: list'",
        lambda: check_rules(lambda text: ["forgot"]),
        en_has=("not in the taxonomy",),
    ),
    Case(
        "recall_rules_return_a_dict",
        "check_recall calls the rules too: a dict label used to raise 'unhashable type'",
        lambda: check_recall(None, None, lambda text: {"label": "forgot"}),
        en_has=("not in the taxonomy",),
    ),
    Case(
        "normalize_returns_dataframe",
        "normalize_text returning a DataFrame used to raise 'truth value is ambiguous'",
        lambda: check_normalize(lambda text: pd.DataFrame({"a": [text]})),
        en_has=("returned",),
    ),
    Case(
        "model_predicts_lists",
        "a model predicting lists of labels used to raise 'unhashable type: list'",
        lambda: check_model(_Model()),
        fraction=None,
        en_has=("not in the taxonomy",),
    ),
    Case(
        "predictions_hold_lists",
        "test_predictions values that are lists used to raise 'unhashable type: list'",
        lambda: check_test_predictions(
            {i: ["forgot"] for i in __import__("course").load_excuses("test")["id"]}
        ),
        en_has=("not in the taxonomy",),
    ),
    Case(
        "strategies_hold_lists",
        "a list as a strategy key used to raise 'unhashable type: list'",
        lambda: check_strategies(
            {i: ["one_concrete_day"] for i in __import__("course").excuse_ids()}
        ),
        en_has=("is not on the menu",),
    ),
    Case(
        "flag_report_none",
        "flag_report(None) in the answer cell's display loop used to raise a TypeError",
        lambda: flag_report(None, "forgot"),
        en_has=("must be text",),
        zh_has=("字符串",),
    ),
    Case(
        "flag_report_echo_is_short",
        "flag_report echoed a clean line back in full into the notebook",
        lambda: _short(flag_report("您好，请问今天还是明天方便？" * 50, "forgot")),
        fraction=1.0,
        en_has=("found nothing",),
    ),
    Case(
        "flag_report_one_megabyte",
        "flag_report reviewed a 1 MB 'line' for seconds and echoed it whole",
        lambda: _short(flag_report("您好，请问今天还是明天方便？" * 70_000, "forgot")),
        en_has=("too long",),
    ),
    Case(
        "flag_report_languages_apart",
        "a flag's reason and suggestion were all in the English half, the Chinese half had none",
        lambda: flag_report(BAD_LINE, "sue_me"),
        en_has=("third-party disclosure", "Suggestion:", "basis:"),
        zh_has=("向第三人透露债务", "建议：", "依据："),
    ),
    Case(
        "rewrite_one_megabyte",
        "a 1 MB rewrite earned half the marks: a rewrite is one line",
        lambda: check_rewrite(BAD_LINE, "逾期会如实上报征信。" * 100_000),
        en_has=("too long",),
        zh_has=("太长",),
    ),
    Case(
        "call_languages_apart",
        "the simulator's reason was pasted whole into both halves (Chinese and English in each)",
        lambda: check_call("", "forgot-early", "q1_1"),
        en_has=("the transcript is empty",),
        zh_has=("通话记录是空的",),
        en_lacks=("通话记录",),
        zh_lacks=("transcript", "this is not"),
    ),
    Case(
        "call_in_the_wrong_cell",
        "a transcript of another scenario names that scenario instead of only 'line 1'",
        lambda: check_call(_played("forgot-early"), "awaiting-salary", "q2_1"),
        en_has=("looks like a call of scenario forgot-early",),
    ),
    Case(
        "call_from_the_widget_state",
        "transcript_1 = p1.transcript works while clicking but is only the opening line when "
        "graded: the note must say to paste the player's line of code",
        lambda: check_call("客户：喂？你好，哪里找？", "forgot-early", "q1_1"),
        en_has=("has not ended", "without your clicks", "paste the line of code"),
        zh_has=("不会重放你的点击",),
    ),
    Case(
        "call_not_text_points_at_the_line",
        "the type note used to suggest p1.transcript, the very trap of the row above",
        lambda: check_call(None, "forgot-early", "q1_1"),
        en_has=("play(...).transcript",),
        en_lacks=("e.g. p1.transcript",),
    ),
    Case(
        "calls_not_missing_but_unfinished",
        "a pasted but broken transcript is not 'no transcript for scenario'",
        lambda: check_calls({"forgot-early": "客户：喂？", "fee-dispute": None}, "q4_1"),
        en_has=("forgot-early: the transcript is not a finished play", "no transcript for "),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_learner_mistake_gets_a_bilingual_note(case: Case):
    result = case.run()
    assert isinstance(result, CheckResult), case.why
    if case.fraction is not None:
        assert result.fraction == case.fraction, f"{case.why}\n{result}"
    assert result.notes, case.why
    for note in result.notes:
        assert CJK.search(note.zh), f"{case.why}: no Chinese in {note.zh!r}"
        assert re.search(r"[A-Za-z]{3}", note.en), f"{case.why}: no English in {note.en!r}"
    zh = "\n".join(n.zh for n in result.notes)
    en = "\n".join(n.en for n in result.notes)
    for text in case.en_has:
        assert text in en, f"{case.why}: {text!r} missing from\n{en}"
    for text in case.zh_has:
        assert text in zh, f"{case.why}: {text!r} missing from\n{zh}"
    for text in case.en_lacks:
        assert text not in en, f"{case.why}: {text!r} in the English half\n{en}"
    for text in case.zh_lacks:
        assert text not in zh, f"{case.why}: {text!r} in the Chinese half\n{zh}"


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("中文 / English", "中文", "English"),
        ("only one", "only one", "only one"),
        (
            "不得威胁。 / No threats.（依据 / Basis: 公约 第16条 / FDCPA §1692d）",
            "不得威胁。（依据：公约 第16条 / FDCPA §1692d）",
            "No threats. (basis: 公约 第16条 / FDCPA §1692d)",
        ),
    ],
    ids=["plain_pair", "one_language", "with_basis"],
)
def test_split_bilingual_keeps_the_basis_on_both_sides(value, zh, en):
    assert split_bilingual(value) == (zh, en)
