"""Checks for assignment 05 (call simulation): genuine finished calls, dated lawful commitments."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Mapping
from dataclasses import dataclass

from autograder.checks.messages import CATEGORY_NAMES, split_bilingual
from autograder.checks.result import CheckResult, Note

# Bilingual feedback, by key: (zh, en). Placeholders are filled with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_text": (
        "通话记录应是字符串：写成 transcript_1 = 播放器在通话结束时给出的那一行（play(...).transcript）",
        "a transcript is a string: write transcript_1 = the line the player shows when the call "
        "ends (play(...).transcript)",
    ),
    "not_genuine": (
        "这不是该场景的一次完整演练：{why}",
        "this is not a play of the scenario: {why}",
    ),
    "other_scenario": (
        "这像是场景 {other} 的通话记录：是不是粘贴到了别的变量里？",
        "this looks like a call of scenario {other}: was it pasted into the wrong variable?",
    ),
    "unfinished": (
        "通话还没有结束：继续选择直到出现结局。如果你写的是 p1.transcript 之类：评分时会重新运行笔记本，"
        "但不会重放你的点击——请粘贴播放器在通话结束时给出的那一行代码",
        "the call has not ended: keep choosing until an ending. If you wrote p1.transcript or the "
        "like: grading re-runs the notebook without your clicks, so paste the line of code the "
        "player shows when the call ends",
    ),
    "finished": ("完成了场景 {sid}，结局：{ending}", "finished scenario {sid}, ending: {ending}"),
    "secured": ("{sid}：合规地拿到了 {day} 的还款承诺", "{sid}: a lawful commitment for {day}"),
    "no_commitment": ("{sid}：没有具体日期的承诺", "{sid}: no dated commitment"),
    "flagged": ("{sid}：有违规话语（{cats}）", "{sid}: prohibited language ({cats})"),
    "missing": ("缺少场景 {sid} 的通话记录", "no transcript for scenario {sid}"),
    "not_counted": (
        "{sid}：通话记录不是该场景的一次完整演练，不计入（见上面该通电话的检查）",
        "{sid}: the transcript is not a finished play of the scenario, so it does not count "
        "(see that call's own check above)",
    ),
    "target": (
        "目标：至少 {need} 通电话合规地拿到具体日期的承诺（现在 {got} 通）",
        "goal: at least {need} calls with a lawful dated commitment (now {got})",
    ),
}


def _note(key: str, ok: bool = False, **kw: object) -> Note:
    zh, en = MESSAGES[key]
    return Note(zh.format(**kw), en.format(**kw), ok)


def _bilingual_note(key: str, ok: bool = False, **kw: str) -> Note:
    """A note whose values are themselves "中文 / English" texts: each language gets its half."""
    halves = {k: split_bilingual(v) for k, v in kw.items()}
    zh, en = MESSAGES[key]
    zh_values = {k: v[0] for k, v in halves.items()}
    en_values = {k: v[1] for k, v in halves.items()}
    return Note(zh.format(**zh_values), en.format(**en_values), ok)


def _ending_name(ending: str | None) -> str:
    from course.simulator.model import catalog

    name = catalog().get("endings", {}).get(str(ending))
    return f"{name.zh} / {name.en}" if name is not None else str(ending)


def _categories(ids: tuple[str, ...]) -> str:
    names = [CATEGORY_NAMES.get(c, (c, c)) for c in ids]
    return "、".join(zh for zh, _ in names) + " / " + ", ".join(en for _, en in names)


def _matching_scenario(transcript: str, scenario_id: str) -> str | None:
    """Another scenario that this transcript is a genuine play of (a paste into the wrong cell)."""
    from course.simulator import list_scenarios

    for other in list_scenarios():
        if other != scenario_id and judge(transcript, other).genuine:
            return other
    return None


@dataclass(frozen=True)
class CallReport:
    """One transcript judged against its scenario."""

    scenario: str
    genuine: bool
    ended: bool
    ending: str | None
    commitment_day: str | None
    flag_categories: tuple[str, ...]
    problem: str = ""

    @property
    def secured(self) -> bool:
        return (
            self.genuine
            and self.ended
            and self.commitment_day is not None
            and not self.flag_categories
        )


def judge(transcript: object, scenario_id: str) -> CallReport:
    """Replay the transcript on its scenario and score it with the review engine."""
    from course.simulator import SimulatorError, from_transcript

    if not isinstance(transcript, str):
        return CallReport(scenario_id, False, False, None, None, (), "not_text")
    with contextlib.redirect_stderr(io.StringIO()):  # nbgrader scores any stderr output as 0
        try:
            session = from_transcript(scenario_id, transcript)
        except SimulatorError as exc:
            return CallReport(scenario_id, False, False, None, None, (), str(exc))
        if not session.ended:
            return CallReport(scenario_id, True, False, None, None, ())
        card = session.scorecard()
    day = card.commitment_day.isoformat() if card.commitment_day else None
    cats = tuple(sorted({f.category for f in card.flags}))
    return CallReport(scenario_id, True, True, card.ending, day, cats)


def check_call(transcript: object, scenario_id: str, question: str) -> CheckResult:
    """Full credit for a finished, genuine play of the scenario (any ending)."""
    r = judge(transcript, scenario_id)
    if r.problem == "not_text":
        return CheckResult(question, 0.0, [_note("not_text")])
    if not r.genuine:
        notes = [_bilingual_note("not_genuine", why=r.problem)]
        other = _matching_scenario(str(transcript), scenario_id)
        if other is not None:
            notes.append(_note("other_scenario", other=other))
        return CheckResult(question, 0.0, notes)
    if not r.ended:
        return CheckResult(question, 0.0, [_note("unfinished")])
    ending = _ending_name(r.ending)
    return CheckResult(
        question, 1.0, [_bilingual_note("finished", True, sid=scenario_id, ending=ending)]
    )


def check_calls(transcripts: Mapping[str, object], question: str, need: int = 2) -> CheckResult:
    """Credit in proportion to lawful dated commitments, full at `need` (2 of 3 calls)."""
    notes: list[Note] = []
    got = 0
    for sid, transcript in transcripts.items():
        if transcript is None or (isinstance(transcript, str) and not transcript.strip()):
            notes.append(_note("missing", sid=sid))
            continue
        r = judge(transcript, sid)
        if not (r.genuine and r.ended):
            notes.append(_note("not_counted", sid=sid))
        elif r.flag_categories:
            cats = _categories(r.flag_categories)
            notes.append(_bilingual_note("flagged", sid=sid, cats=cats))
        elif r.commitment_day is None:
            notes.append(_note("no_commitment", sid=sid))
        else:
            got += 1
            notes.append(_note("secured", True, sid=sid, day=r.commitment_day))
    notes.append(_note("target", got >= need, need=need, got=got))
    return CheckResult(question, min(got, need) / need, notes)
