"""Assignment 05 graded for real: a typical weak set of calls earns partial credit, forgeries none."""

from __future__ import annotations

import pytest
from coursekit import TempCourse, blank_copy, with_answers

from autograder.checks.simulation import check_call, check_calls, judge
from course.simulator import load_scenario, paths_to_endings, play

A = "05-call-simulation"
SCENARIOS = ("forgot-early", "awaiting-salary", "fee-dispute")


def path(sid: str, ending_kind: str) -> list[str]:
    scenario = load_scenario(sid)
    found = paths_to_endings(scenario)
    return next(
        p for node, p in sorted(found.items()) if scenario.nodes[node].ending == ending_kind
    )


def line(i: int, sid: str, kind: str) -> str:
    return f"transcript_{i} = {play(sid, path(sid, kind)).script()}\n"


def test_check_call_rejects_forged_and_unfinished_transcripts():
    good = play("forgot-early", path("forgot-early", "commitment")).transcript
    assert check_call(good, "forgot-early", "q").passed
    extra = good + "\n催收员：再见。"  # a line after the call ended
    assert check_call(extra, "forgot-early", "q").fraction == 0
    edited = good.replace(good.splitlines()[-1], "客户：好，我今天就还。")
    assert check_call(edited, "forgot-early", "q").fraction == 0
    unfinished = "\n".join(good.splitlines()[:3])
    result = check_call(unfinished, "forgot-early", "q")
    assert result.fraction == 0 and "not ended" in str(result)
    assert check_call(good, "awaiting-salary", "q").fraction == 0  # wrong scenario
    assert check_call(None, "forgot-early", "q").fraction == 0


def test_check_calls_scales_with_lawful_commitments():
    commit = {sid: play(sid, path(sid, "commitment")).transcript for sid in SCENARIOS}
    breach = {sid: play(sid, path(sid, "breach")).transcript for sid in SCENARIOS}
    assert check_calls(commit, "q").fraction == 1
    one = {**breach, "forgot-early": commit["forgot-early"]}
    assert check_calls(one, "q").fraction == 0.5
    assert check_calls(breach, "q").fraction == 0
    assert judge(breach["forgot-early"], "forgot-early").flag_categories


def test_english_transcripts_are_judged_too():
    en = play("forgot-early", path("forgot-early", "commitment"), lang="en").transcript
    report = judge(en, "forgot-early")
    assert report.genuine and report.secured, report


@pytest.mark.slow
def test_typical_weak_set_earns_partial_credit(tmp_path):
    course = TempCourse(tmp_path / "course", [A])
    course.generate(A)
    weak = with_answers(
        blank_copy(A),
        {
            "q1_answer": line(1, "forgot-early", "partial"),  # vague call-back: no day
            "q2_answer": line(2, "awaiting-salary", "commitment"),  # lawful dated commitment
            "q3_answer": line(3, "fee-dispute", "breach"),  # opened as "legal department"
        },
    )
    unfinished = with_answers(
        blank_copy(A),
        {
            "q1_answer": 'transcript_1 = Session("forgot-early").choose("open-identify").transcript\n',
            "q2_answer": line(2, "awaiting-salary", "commitment"),
            "q3_answer": line(3, "fee-dispute", "commitment"),
        },
    )
    course.submit("weak", A, weak)
    course.submit("unfinished", A, unfinished)
    course.autograde(A)
    scores = course.scores(A)
    assert [scores["weak"][f"q{i}_1"] for i in (1, 2, 3)] == [1, 1, 1]
    assert scores["weak"]["q4_1"] == pytest.approx(2.0)
    assert scores["unfinished"]["q1_1"] == 0
    assert scores["unfinished"]["q4_1"] == pytest.approx(4.0)
