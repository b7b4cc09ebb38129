"""The ipywidgets player: set `.value` and `.click()` like a learner, read what the widgets show."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.widgets import player as player_module
from course.widgets.player import Player

MINI = Path(__file__).parent / "files" / "scenarios" / "mini-forgot.yaml"


def click(p: Player, choice_id: str) -> None:
    (button,) = [b for b in p.choice_buttons if b.choice_id == choice_id]
    button.click()


def test_player_function_displays_the_box(monkeypatch):
    shown = []
    monkeypatch.setattr(player_module, "display", shown.append)
    p = player_module.call_player(MINI)
    assert shown == [p.box]


def test_first_screen_shows_the_debtor_line_and_choices():
    p = Player(MINI, seed=0)
    assert "客户" in p.line.value and "喂" in p.line.value
    assert [b.choice_id for b in p.choice_buttons] == ["open-identify", "open-police"]
    assert [b.description for b in p.choice_buttons] == ["A", "B"]
    assert "我是示例资产管理公司的客服小李" in p.choices_box.children[0].children[1].value
    assert p.text_row.layout.display == "none"  # no free text at the opening
    assert p.scorecard_view.value == ""
    assert "应还金额: 3200" in p.header.value


def test_clicking_through_to_a_commitment_shows_transcript_and_scorecard():
    p = Player(MINI)
    for cid in ("open-identify", "purpose-facts"):
        click(p, cid)
    assert p.text_row.layout.display is None  # the excuse node takes free text
    click(p, "ask-day")
    assert p.ended and p.choice_buttons == []
    assert p.transcript.splitlines()[-1] == "客户：好，我明天下午三点前用官方App还3200。"
    assert "催收员：您好，我是示例资产管理公司" in p.transcript_view.value
    card = p.scorecard_view.value
    assert "2026-11-24" in card and "合规地拿到了具体日期的承诺" in card


def test_free_text_submit_and_empty_line_message():
    p = Player(MINI)
    click(p, "open-identify")
    click(p, "purpose-facts")
    p.submit.click()  # empty
    assert "请输入一句话" in p.status.value and p.session.node_id == "excuse"
    p.text_box.value = "你就是个老赖，不还钱就等着瞧。"
    p.submit.click()
    assert p.text_box.value == "" and p.session.ending == "breach"
    assert "abuse" in p.scorecard_view.value or "threat" in p.scorecard_view.value


def test_language_toggle_redraws_in_english():
    p = Player(MINI)
    click(p, "open-identify")
    p.language.value = "en"
    assert p.transcript.startswith("Debtor: ")
    assert "Collector: Hello, this is Li" in p.transcript
    assert p.submit.description == "Send" and p.restart_button.description == "Restart"
    assert "Debtor" in p.line.value


def test_restart_then_replay_the_last_call():
    p = Player(MINI)
    click(p, "open-police")
    finished = p.transcript
    p.restart_button.click()
    assert p.transcript.count("\n") == 0 and not p.ended
    p.replay_button.click()
    assert p.transcript == finished and p.ended


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scorecard_lists_flags_with_rules(lang):
    p = Player(MINI, lang=lang)
    click(p, "open-police")
    assert "impersonation" in p.scorecard_view.value
    assert ("规则" if lang == "zh" else "rule") in p.scorecard_view.value


def test_the_code_line_replays_the_clicked_call():
    from course.simulator import Session, play

    p = Player(MINI)
    click(p, "open-identify")
    click(p, "purpose-facts")
    p.text_box.value = "理解您忙。您看今天还是明天能把3200还上？"
    p.submit.click()
    click(p, "pin-day")
    assert p.ended and p.code in p.code_view.value.replace("&#x27;", "'")
    assert eval(p.code, {"play": play, "Session": Session}) == p.transcript
