"""Data of 02-script-writing and 04-compliance-review: complete, lawful hours, engine-aligned turns."""

from __future__ import annotations

from datetime import timedelta

import pytest

from autograder.review import review
from autograder.review.model import COLLECTOR
from course import compliance_transcripts, regulations, rewrite_tasks, script_accounts

EXCUSE_IDS = {
    "forgot", "cash_flow", "awaiting_income", "fee_dispute", "owed_by_others", "hardship",
    "technical_issue", "third_party_payer", "too_busy", "identity_doubt", "wrong_party",
    "sue_me", "complaint_threat", "stalling",
}  # fmt: skip
TRANSCRIPTS = compliance_transcripts()


def test_three_accounts_early_mid_hardship():
    accounts = script_accounts()
    assert [a.stage for a in accounts.values()] == ["early", "mid", "hardship"]
    for a in accounts.values():
        assert len(a.excuses) == 3 and {e.id for e in a.excuses} <= EXCUSE_IDS
        assert a.amount_due > 0 and a.dpd > 0
        assert 8 <= a.call_time.hour < 21, "scenario calls are placed in lawful hours"
        first, last = a.window
        assert last - first == timedelta(days=2) and first == a.call_time.date()
        assert a.debtor in a._repr_html_()


def test_transcripts_cover_three_scripts():
    groups = {t.group for t in TRANSCRIPTS.values()}
    assert groups == {"zh-hans", "zh-hant", "en"}
    assert len(TRANSCRIPTS) >= 12
    for group in groups:
        assert len(compliance_transcripts(group)) >= 4


def test_unknown_group_is_a_clear_error():
    with pytest.raises(ValueError, match="zh-hans, zh-hant or en"):
        compliance_transcripts("fr")


@pytest.mark.parametrize("tid", list(TRANSCRIPTS), ids=list(TRANSCRIPTS))
def test_every_turn_is_one_engine_turn_with_a_known_speaker(tid):
    t = TRANSCRIPTS[tid]
    turns = review(t.text, at=t.at).turns
    assert [x.index for x in turns] == list(range(len(t.turns))), "turn numbers match the engine"
    assert all(x.speaker != "unknown" for x in turns)
    assert any(x.speaker == COLLECTOR for x in turns)
    assert str(t).count("\n") == len(t.turns)


def test_rewrites_and_regulations():
    tasks = rewrite_tasks()
    assert {t.job for t in tasks.values()} == {
        "ask_day",
        "call_back",
        "identify",
        "recap",
        "verify",
    }
    for task in tasks.values():
        assert task.job_zh and task.job_en and task.original
    regs = regulations()
    assert len(regs) == 9 and all(r.zh and r.en and r.source for r in regs.values())
