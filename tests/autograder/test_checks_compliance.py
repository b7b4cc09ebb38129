"""Checks of the compliance-review answers: labels, rewrites, regulations, lawful calls.

The keys here are small made-up ones over the real transcripts: the real key lives only in the
hidden tests of the instructor's notebook.
"""

from __future__ import annotations

import pandas as pd
import pytest

from autograder.checks.compliance import (
    LabelError,
    check_labels,
    check_rewrite,
    label_set,
    score_labels,
    score_lawful,
    score_mapping,
)
from course import compliance_transcripts, regulations, rewrite_tasks

TRANSCRIPTS = compliance_transcripts()
TASKS = rewrite_tasks()
KEY = {
    ("S1", 4, "abuse"),
    ("S1", 6, "threat"),
    ("S2", 2, "impersonation"),
    ("S2", 4, "false_legal_claim"),
    ("E1", 4, "false_legal_claim"),
}


def test_label_set_reads_dicts_and_dataframes_alike():
    as_dict = {("S1", 4): {"abuse"}, ("S1", 6): "threat", ("E1", 4): ["false_legal_claim"]}
    frame = pd.DataFrame(
        {
            "transcript": ["S1", "S1", "E1"],
            "turn": [4, 6, 4],
            "category": ["abuse", "threat", "false_legal_claim"],
        }
    )
    expected = {("S1", 4, "abuse"), ("S1", 6, "threat"), ("E1", 4, "false_legal_claim")}
    assert label_set(as_dict, TRANSCRIPTS) == expected
    assert label_set(frame, TRANSCRIPTS) == expected


def test_the_whole_call_counts_as_the_collectors_first_turn():
    assert label_set({("T1", -1): {"harassment"}}, TRANSCRIPTS) == {("T1", 0, "harassment")}


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({("Z9", 1): {"threat"}}, "no transcript 'Z9'"),
        ({("S1", 99): {"threat"}}, "has no turn 99"),
        ({("S1", 4): {"rude"}}, "'rude' is not a category id"),
        ({"S1": {"threat"}}, "use (transcript_id, turn_index)"),
        (["S1", 4, "threat"], "must be a dict"),
        (pd.DataFrame({"id": ["S1"]}), "must be a dict"),
    ],
    ids=["unknown_transcript", "turn_out_of_range", "unknown_category", "bad_key", "list", "frame"],
)
def test_unreadable_labels_get_a_clear_bilingual_error(labels, message):
    with pytest.raises(LabelError, match=message[:12].replace("(", r"\(")):
        label_set(labels, TRANSCRIPTS)
    result = check_labels(labels, TRANSCRIPTS, question="q1_1")
    assert result.fraction == 0.0
    assert message in str(result)


def test_check_labels_counts_per_group_and_warns_about_debtor_turns():
    result = check_labels(
        {("S1", 4): {"abuse"}, ("S1", 5): {"abuse"}}, TRANSCRIPTS, question="q1_1", group="zh-hans"
    )
    text = str(result)
    assert result.fraction == 1.0
    assert "zh-hans: 2 turns labelled" in text
    assert "1 labels sit on the debtor's" in text
    empty = check_labels({("E1", 4): {"threat"}}, TRANSCRIPTS, question="q1_1", group="zh-hans")
    assert empty.fraction == 0.0


def test_score_labels_full_partial_zero():
    def score(labels):
        return score_labels(labels, KEY, TRANSCRIPTS, group="zh-hans", question="q1_1")

    full = {(t, n): {c} for t, n, c in KEY if t.startswith("S")}
    assert score(full).fraction == 1.0
    half = {("S1", 4): {"abuse"}, ("S2", 2): {"impersonation"}}
    partial = score(half)
    assert partial.fraction == pytest.approx(2 * 1 * 0.5 / 1.5, abs=1e-4)
    assert "recall 50%" in str(partial) and "2 violations are still unlabelled" in str(partial)
    lawful = {("S4", 6): {"threat"}, ("S4", 10): {"unauthorized_waiver"}}
    assert score(lawful).fraction == 0.0
    assert "are lawful" in str(score(lawful))
    assert score({}).fraction == 0.0


def test_score_labels_never_names_the_missed_labels():
    result = score_labels(
        {("S1", 4): {"abuse"}}, KEY, TRANSCRIPTS, group="zh-hans", question="q1_1"
    )
    text = str(result)
    for tid, _turn, cat in KEY - {("S1", 4, "abuse")}:
        assert cat not in text
        assert f"{tid}" not in text


def test_score_labels_ignores_other_groups():
    labels = {(t, n): {c} for t, n, c in KEY}
    result = score_labels(labels, KEY, TRANSCRIPTS, group="en", question="q1_3")
    assert result.fraction == 1.0
    assert "1/1" in str(result)


def test_rewrite_of_the_original_scores_zero_and_a_lawful_one_full():
    task = TASKS["W1"]
    assert check_rewrite(task.original, task, question="q2_1").fraction == 0.0
    assert "say it differently" in str(check_rewrite(task.original, task, question="q2_1"))
    good = "张先生，这笔款已经逾期了，罚息会按合同继续计算。您看今天还是明天方便还款？"
    assert check_rewrite(good, task, question="q2_1").fraction == 1.0


def test_rewrite_that_still_threatens_loses_the_clean_half():
    task = TASKS["W1"]
    result = check_rewrite("你今天还是明天还？不还我们就派人去你家。", task, question="q2_1")
    assert result.fraction == 0.5
    assert "Compliant:" in str(result) and "still does its job" in str(result)


def test_rewrite_that_drops_the_job_loses_the_job_half():
    task = TASKS["W1"]
    result = check_rewrite("张先生，这笔款已经逾期了，请您尽快处理。", task, question="q2_1")
    assert result.fraction == 0.5
    assert "no longer does its job" in str(result)


@pytest.mark.parametrize(
    ("task_id", "good", "bad"),
    [
        (
            "W2",
            "您好，麻烦您转告他给我们回个电话，号码是400-800-1234，谢谢。",
            "您好，打扰了，谢谢。",
        ),
        (
            "W3",
            "您好，我是诚达资产管理有限公司的小林，受华信银行委托来电。",
            "您好，打扰您了，有件事想跟您说。",
        ),
        (
            "W4",
            "To confirm: $600 by tomorrow, November 27, through the bank's official app.",
            "Thanks, please pay soon.",
        ),
        ("W5", "请问您是王丽女士本人吗？麻烦说一下身份证号后四位。", "好的，我们继续。"),
    ],
    ids=["call_back", "identify", "recap", "verify"],
)
def test_each_rewrite_job(task_id, good, bad):
    task = TASKS[task_id]
    assert check_rewrite(good, task, question="q").fraction == 1.0, str(
        check_rewrite(good, task, question="q")
    )
    assert check_rewrite(bad, task, question="q").fraction == 0.5


@pytest.mark.parametrize(
    ("answer", "fraction"),
    [(None, 0.0), ("", 0.0), ("好", 0.0), ("请" * 900, 0.0)],
    ids=["none", "empty", "too_short", "too_long"],
)
def test_rewrite_shape(answer, fraction):
    assert check_rewrite(answer, TASKS["W1"], question="q").fraction == fraction


def test_score_mapping():
    key = {"threat": "REG-X", "abuse": "REG-Y"}
    ids = ["REG-X", "REG-Y", "REG-Z"]
    assert score_mapping(key, key, ids, question="q3_1").fraction == 1.0
    half = score_mapping({"threat": "REG-X", "abuse": "REG-Z"}, key, ids, question="q3_1")
    assert half.fraction == 0.5 and "1/2" in str(half)
    odd = score_mapping({"threat": "REG-Q", "rude": "REG-X"}, key, ids, question="q3_1")
    assert odd.fraction == 0.0
    assert "'REG-Q' for threat is not a regulation id" in str(odd)
    assert "'rude' is not a category id" in str(odd)
    assert score_mapping("REG-X", key, ids, question="q3_1").fraction == 0.0


def test_score_lawful():
    key, ids = {"S4", "E3"}, TRANSCRIPTS
    assert score_lawful({"S4", "E3"}, key, ids, question="q4_1").fraction == 1.0
    assert score_lawful({"S4", "S1"}, key, ids, question="q4_1").fraction == 0.5
    assert score_lawful({"S1"}, key, ids, question="q4_1").fraction == 0.0
    assert "no transcript 'Q1'" in str(score_lawful({"Q1"}, key, ids, question="q4_1"))
    assert score_lawful("S4", key, ids, question="q4_1").fraction == 0.0


def test_shipped_data_has_regulations_and_rewrites():
    assert len(regulations()) == 9
    assert set(TASKS) == {"W1", "W2", "W3", "W4", "W5"}
    assert len(TRANSCRIPTS) >= 12
    assert {t.group for t in TRANSCRIPTS.values()} == {"zh-hans", "zh-hant", "en"}


def test_every_message_is_bilingual_and_formats():
    import string

    from autograder.checks.messages import T, text

    for msg, (zh, en) in T.items():
        names = {f for _, f, _, _ in string.Formatter().parse(zh + en) if f}
        zh_out, en_out = text(msg, **{n: 0.5 for n in names})
        assert zh_out and en_out, msg
