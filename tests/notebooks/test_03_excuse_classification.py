"""Assignment 03 graded end to end: typical wrong answers earn partial credit with useful feedback."""

from __future__ import annotations

import nbformat
import pytest
from coursekit import TempCourse, cell_output, solved_copy, with_answers
from excuse_key import ASSIGNMENT, label_key

# Keyword rules a learner might write first: a few Simplified and English words, no opencc.
WEAK_RULES = """
RULES = [
    ("forgot", ["忘", "forgot"]),
    ("cash_flow", ["没钱", "no money", "broke"]),
    ("awaiting_income", ["工资", "paycheck", "报销", "发薪"]),
    ("fee_dispute", ["利息", "费", "fee", "interest"]),
    ("hardship", ["医院", "住院", "hospital", "surgery"]),
    ("sue_me", ["告我", "起诉", "sue", "court"]),
    ("complaint_threat", ["投诉", "complain", "report"]),
    ("wrong_party", ["打错", "不认识", "wrong number", "wrong person"]),
    ("too_busy", ["开会", "开车", "meeting", "driving", "busy"]),
    ("technical_issue", ["ATM", "app", "App"]),
    ("identity_doubt", ["骗", "scam", "who is this"]),
    ("owed_by_others", ["欠我", "owes me"]),
    ("third_party_payer", ["帮我还", "my mom", "my brother"]),
]


def classify_rules(text):
    for label, words in RULES:
        if any(w in text for w in words):
            return label
    return "stalling"
"""

# Thirteen lawful lines and one that threatens to tell the family.
RESPONSES = """
responses = {excuse: "不好意思打扰您了，我们下午三点再给您回电，您看今天还是明天还款？"
             for excuse in EXCUSE_IDS}
responses["wrong_party"] = "不好意思打扰您了，再见。"
responses["sue_me"] = "去告你？再不还就告诉你家人，看你怎么办。"
"""


def _outputs(nb: nbformat.NotebookNode, gid: str) -> str:
    return cell_output(nb, gid)


@pytest.mark.slow
def test_weak_rules_and_an_unlawful_response_get_partial_credit(tmp_path):
    course = TempCourse(tmp_path / "course", [ASSIGNMENT])
    course.generate(ASSIGNMENT)
    weak = with_answers(
        solved_copy(ASSIGNMENT), {"q2_1_answer": WEAK_RULES, "q4_2_answer": RESPONSES}
    )
    course.submit("learner", ASSIGNMENT, weak)
    course.autograde(ASSIGNMENT)
    scores = course.scores(ASSIGNMENT)["learner"]

    assert 0 < scores["q2_1"] < 3, "weak rules earn a lower tier, not zero and not full"
    assert scores["q2_2"] == 2, "recall of the learner's own rules is still computed right"
    assert 0 < scores["q4_2"] < 4, "one unlawful line costs its share only"
    assert scores["q3_2"] == 4 and scores["q1_1"] == 2

    graded = nbformat.read(
        str(tmp_path / "course" / "autograded" / "learner" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
        as_version=4,
    )
    rules_feedback = _outputs(graded, "q2_1")
    assert "hidden test accuracy" in rules_feedback and "per-class recall" in rules_feedback
    assert "cover Traditional and English" in rules_feedback
    response_feedback = _outputs(graded, "q4_2")
    assert "third-party disclosure" in response_feedback and "Suggestion" in response_feedback
    everything = "\n".join(_outputs(graded, g) for g in ("q2_1", "q3_2", "q4_2"))
    assert label_key()[:12] not in everything, "feedback never shows the answer key"
