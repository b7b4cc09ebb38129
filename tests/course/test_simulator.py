"""Call simulator engine: determinism, state, history, transcript, scorecard, call clock, and every
ending of every course scenario reached by graph search and checked with the review engine."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from course.simulator import (
    SimulatorError,
    list_scenarios,
    load_scenario,
    paths_to_endings,
    play,
)
from course.simulator.model import build

FILES = Path(__file__).parent / "files" / "scenarios"
MINI = FILES / "mini-forgot.yaml"
COMMIT_PATH = ["open-identify", "purpose-facts", "ask-day"]
REFUSED_PATH = ["open-identify", "purpose-vague", "ask-day", "accept-vague"]
BREACH_PATH = ["open-police"]


def T(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


def contact_scenario():
    return build(
        {
            "id": "contact-tiny",
            "title": T("联系人", "Contact"),
            "persona": T("同事接听", "A colleague answers"),
            "account": {"debtor": "王磊"},
            "call_time": "2026-11-23T10:00",
            "start": "hello",
            "nodes": {
                "hello": {
                    "speaker": "narrator",
                    "say": T("电话被同事接起。", "A colleague picks up."),
                    "choices": [
                        {
                            "id": "ask",
                            "quality": "strong",
                            "say": T("请问王磊在吗？", "Is Wang Lei there?"),
                            "next": "colleague",
                        }
                    ],
                },
                "colleague": {
                    "speaker": "contact",
                    "say": T("他不在。", "He's out."),
                    "choices": [
                        {
                            "id": "callback",
                            "quality": "strong",
                            "say": T(
                                "麻烦请他回电，谢谢。", "Please ask him to call back, thanks."
                            ),
                            "next": "end",
                        }
                    ],
                },
                "end": {
                    "speaker": "contact",
                    "ending": "escalated",
                    "say": T("好的。", "OK."),
                    "summary": T("留言回电", "Call-back requested"),
                },
            },
        }
    )


# --- engine mechanics -----------------------------------------------------------------------
def test_same_seed_same_call_and_variants_follow_the_seed():
    a = play(MINI, COMMIT_PATH, seed=7)
    b = play(MINI, COMMIT_PATH, seed=7)
    assert a.transcript == b.transcript and a.history == b.history
    openings = {play(MINI, [], seed=s).lines[0].text.zh for s in range(30)}
    assert openings == {"喂，哪位？", "喂？你好，哪里？"}


def test_state_history_and_trajectory():
    s = play(MINI, ["open-identify", "purpose-facts"])
    assert s.state == {"trust": 1, "willingness": 1}
    assert [h.choice for h in s.history] == ["open-identify", "purpose-facts"]
    assert [h.quality for h in s.history] == ["strong", "strong"]
    assert s.trajectory == [
        {"trust": 0, "willingness": 0},
        {"trust": 1, "willingness": 0},
        {"trust": 1, "willingness": 1},
    ]
    assert s.node_id == "excuse" and not s.ended


def test_state_decides_the_branch():
    strong = play(MINI, ["open-identify", "purpose-facts", "ask-day"])
    assert strong.ending == "commitment"  # willingness reached 2
    weak = play(MINI, ["open-identify", "purpose-vague", "ask-day"])
    assert weak.node_id == "stall" and weak.state["trust"] == 0


def test_transcript_format_zh_and_en():
    s = play(MINI, COMMIT_PATH)
    zh = s.transcript_in("zh").splitlines()
    en = s.transcript_in("en").splitlines()
    assert len(zh) == len(en) == 7
    assert [ln.split("：")[0] for ln in zh] == ["客户", "催收员"] * 3 + ["客户"]
    assert [ln.split(": ")[0] for ln in en] == ["Debtor", "Collector"] * 3 + ["Debtor"]
    assert zh[-1] == "客户：好，我明天下午三点前用官方App还3200。"


def test_contact_lines_and_narrator_left_out():
    s = play(contact_scenario(), ["ask", "callback"])
    assert s.transcript_in("zh").splitlines() == [
        "催收员：请问王磊在吗？",
        "联系人：他不在。",
        "催收员：麻烦请他回电，谢谢。",
        "联系人：好的。",
    ]
    assert s.transcript_in("en").splitlines()[1] == "Contact: He's out."


def test_bad_moves_are_clear_errors():
    s = play(MINI, [])
    with pytest.raises(SimulatorError, match="open-identify"):
        s.choose("no-such-choice")
    with pytest.raises(SimulatorError, match="free text|自由输入"):
        s.say("您好")
    ended = play(MINI, BREACH_PATH)
    with pytest.raises(SimulatorError, match="ended|结束"):
        ended.choose("open-identify")
    with pytest.raises(SimulatorError, match="left over|未用"):
        play(MINI, [*BREACH_PATH, "purpose-facts"])
    with pytest.raises(SimulatorError, match="stall"):
        play(MINI, BREACH_PATH, free_text={"stall": "明天还吧？"})  # never reached


def test_restart_and_replay():
    s = play(MINI, COMMIT_PATH, seed=3)
    done = s.transcript
    s.restart()
    assert len(s.lines) == 1 and s.history == [] and s.state == {"trust": 0, "willingness": 0}
    s.replay([("choice", c) for c in COMMIT_PATH])
    assert s.transcript == done and s.ending == "commitment"


# --- review engine in the loop ---------------------------------------------------------------
def test_scorecard_of_a_lawful_commitment():
    card = play(MINI, COMMIT_PATH).scorecard()
    assert card.ending == "commitment"
    assert card.commitment_day == date(2026, 11, 24)
    assert card.flags == [] and card.secured
    assert card.strong_share == 1.0 and card.asked_day and card.empathy_lines == 1
    assert card.trust == [0, 1, 1, 1] and card.willingness == [0, 0, 1, 2]
    text = str(card)
    assert "2026-11-24" in text and "合规地拿到了" in text


def test_scorecard_of_a_refusal_and_of_a_breach():
    refused = play(MINI, REFUSED_PATH).scorecard("en")
    assert refused.commitment_day is None and not refused.secured
    assert refused.qualities == {"strong": 2, "weak": 2, "unlawful": 0}
    breach = play(MINI, BREACH_PATH).scorecard()
    assert not breach.secured and breach.ending == "breach"
    assert {f.category for f in breach.flags} == {"impersonation"}
    assert all(f.rule and f.why for f in breach.flags)
    assert "impersonation" in breach._repr_html_()


def test_call_clock_at_night_is_a_breach():
    night = play(MINI, COMMIT_PATH, call_time="2026-11-23T23:30").scorecard()
    assert night.commitment_day == date(2026, 11, 24)
    assert not night.secured
    assert [f.category for f in night.flags if f.turn == -1] == ["harassment"]
    day = play(MINI, COMMIT_PATH, call_time=datetime(2026, 11, 23, 21, 30)).scorecard()
    assert day.secured


def test_us_call_clock_ends_at_nine_pm():
    scenario = load_scenario(MINI)
    us = build({**_raw(MINI), "jurisdiction": "us"})
    assert scenario.jurisdiction == "cn"
    card = play(us, COMMIT_PATH, lang="en", call_time="2026-11-23T21:30").scorecard()
    assert any(f.category == "harassment" and f.turn == -1 for f in card.flags)


def _raw(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


FREE_TEXT = [
    ("insult", "你就是个老赖，不还钱就等着瞧。", "end-breach"),
    ("asks-day", "理解您忙。您看今天还是明天能把3200还上？", "stall"),
    ("vague", "好的，那您有空处理一下。", "end-refused"),
]


@pytest.mark.parametrize("name,line,node", FREE_TEXT, ids=[c[0] for c in FREE_TEXT])
def test_free_text_branches_follow_the_review_engine(name, line, node):
    s = play(MINI, ["open-identify", "purpose-facts"], free_text={"excuse": line})
    assert s.node_id == node
    assert s.history[-1].free_text and s.lines[-2].text.zh == line


# --- every ending of every course scenario ---------------------------------------------------
def _ending_cases() -> list[tuple[str, str, str, list[str]]]:
    cases = []
    for sid in list_scenarios():
        scenario = load_scenario(sid)
        for node_id, path in sorted(paths_to_endings(scenario).items()):
            cases.append((sid, node_id, scenario.nodes[node_id].ending, path))
    return cases


ENDINGS = _ending_cases()


def test_every_ending_is_reachable():
    for sid in list_scenarios():
        scenario = load_scenario(sid)
        assert set(paths_to_endings(scenario)) == {n.id for n in scenario.endings}, sid


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sid,node,kind,path", ENDINGS, ids=[f"{c[0]}:{c[1]}" for c in ENDINGS])
def test_every_ending_plays_and_reviews_as_labelled(sid, node, kind, path, lang):
    s = play(sid, path, lang=lang)
    assert s.ended and s.node_id == node
    card = s.scorecard()
    unlawful = any(h.quality == "unlawful" for h in s.history)
    if kind == "commitment":
        assert card.commitment_day is not None, s.transcript
    if kind in ("refused", "escalated", "breach"):
        assert card.commitment_day is None, s.transcript
    if kind == "breach" or unlawful:
        assert card.flags, s.transcript
    else:
        assert card.flags == [], [(f.category, f.quote) for f in card.flags]
    if kind == "commitment" and not unlawful:
        assert card.secured


def _choices(quality: str) -> list[tuple[str, str, dict]]:
    out = []
    for sid in list_scenarios():
        for node in load_scenario(sid).nodes.values():
            out += [(sid, c.id, c.say) for c in node.choices if c.quality == quality]
    return out


UNLAWFUL, STRONG = _choices("unlawful"), _choices("strong")
AT = datetime(2026, 11, 23, 10, 0)


def review(text: str, at: datetime):
    from autograder import review as run

    return run(text, at=at)


@pytest.mark.parametrize("sid,cid,say", UNLAWFUL, ids=[f"{c[0]}:{c[1]}" for c in UNLAWFUL])
def test_every_unlawful_line_is_flagged(sid, cid, say):
    assert review(f"催收员：{say.zh}", at=AT).flags, say.zh
    assert review(f"Collector: {say.en}", at=AT).flags, say.en


@pytest.mark.parametrize("sid,cid,say", STRONG, ids=[f"{c[0]}:{c[1]}" for c in STRONG])
def test_no_strong_line_is_flagged(sid, cid, say):
    for text in (f"催收员：{say.zh}", f"Collector: {say.en}"):
        flags = review(text, at=AT).flags
        assert not flags, [(f.category, f.quote) for f in flags]


def test_script_replays_choices_free_text_and_language():
    from course.simulator import Session

    s = play(MINI, ["open-identify", "purpose-facts"], free_text={"excuse": "您看明天能还吗？"})
    s.choose("pin-day")
    s.lang = "en"
    code = s.script()
    assert code.startswith("play(") and "free_text={'excuse'" in code and "lang='en'" in code
    assert eval(code, {"play": play, "Session": Session}) == s.transcript
    course = play("forgot-early", [])
    assert course.script() == "play('forgot-early', []).transcript"


def test_from_transcript_reads_back_a_genuine_call():
    from course.simulator import from_transcript

    s = play(
        MINI, ["open-identify", "purpose-facts"], free_text={"excuse": "您看明天能还吗？"}, seed=4
    )
    s.choose("pin-day")
    back = from_transcript(MINI, s.transcript)
    assert back.inputs == s.inputs and back.ending == "commitment"
    assert "ended: commitment" in repr(back)


READ_ERRORS = [
    ("empty", "", "empty"),
    ("unknown-tag", "老板：你好", "unknown speaker"),
    ("mixed-languages", "客户：喂，哪位？\nCollector: Hi", "mixed"),
    ("wrong-opening", "客户：你好。", "line 1"),
    ("not-a-choice", "客户：喂，哪位？\n催收员：随便说一句。", "not a choice"),
    ("stops-mid-turn", "客户：喂，哪位？\n催收员：我是公安局经侦大队的，找王磊。", "mid-turn"),
]


@pytest.mark.parametrize("name,text,match", READ_ERRORS, ids=[c[0] for c in READ_ERRORS])
def test_from_transcript_rejects_what_the_scenario_did_not_say(name, text, match):
    from course.simulator import from_transcript

    with pytest.raises(SimulatorError, match=match):
        from_transcript(MINI, text)


@pytest.mark.parametrize("sid", list_scenarios())
def test_random_walks_end_or_offer_a_move_and_read_back(sid):
    """Property: any walk by choices never gets stuck, and its transcript reads back to it."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from course.simulator import Session, from_transcript

    scenario = load_scenario(sid)

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data(), st.integers(0, 2**16), st.sampled_from(["zh", "en"]))
    def walk(data, seed, lang):
        s = Session(scenario, seed=seed, lang=lang)
        for _ in range(60):
            if s.ended:
                break
            options = s.options()
            assert options or s.accepts_text, f"stuck at {s.node_id}"
            s.choose(data.draw(st.sampled_from([c.id for c in options])))
        back = from_transcript(scenario, s.transcript)
        assert back.inputs == s.inputs and back.node_id == s.node_id

    walk()


def test_scenarios_voice_excuses_from_the_shared_catalogue():
    """Each built-in scenario's debtor voices one excuse of the taxonomy the excuse data and
    assignment 03 use, and together they cover most of it."""
    from course.simulator import list_scenarios, load_scenario
    from course.taxonomy import excuse_ids

    voiced = [load_scenario(name).excuse for name in list_scenarios()]
    assert all(excuse in excuse_ids() for excuse in voiced), voiced
    assert len(set(voiced)) >= 10
