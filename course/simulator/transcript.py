"""Read a transcript back into a Session: proof that it is a genuine play of the scenario."""

from __future__ import annotations

import re
from pathlib import Path

from course.simulator.engine import Session, SimulatorError
from course.simulator.model import Scenario, catalog

_TAG = re.compile(r"^\s*([^:：]{1,12})\s*[:：]\s*(.*)$")


def _speaker_of(tag: str) -> tuple[str, str] | None:
    for role, text in catalog()["speakers"].items():
        for lang in ("zh", "en"):
            if tag.strip().lower() == text.get(lang).lower():
                return role, lang
    return None


def parse(transcript: str) -> tuple[list[tuple[str, str]], str]:
    """(speaker role, text) per line and the transcript's language; raises SimulatorError."""
    lines: list[tuple[str, str]] = []
    langs: set[str] = set()
    for raw in transcript.strip().splitlines():
        if not raw.strip():
            continue
        m = _TAG.match(raw)
        who = _speaker_of(m.group(1)) if m else None
        if who is None:
            raise SimulatorError(f"无法识别说话人 / unknown speaker tag: {raw[:40]!r}")
        lines.append((who[0], m.group(2).strip()))
        langs.add(who[1])
    if not lines:
        raise SimulatorError("通话记录是空的 / the transcript is empty")
    if len(langs) > 1:
        raise SimulatorError("中英文标签混用 / mixed zh and en speaker tags")
    return lines, langs.pop()


def from_transcript(scenario: str | Path | Scenario, transcript: str) -> Session:
    """Replay a transcript on its scenario: every collector line must be an open choice (or free
    text where the node takes it) and every other line what the scenario says at that point."""
    lines, lang = parse(transcript)
    session = Session(scenario, lang=lang)

    def expect(i: int) -> None:
        role, text = lines[i]
        node = session.node
        if role != node.speaker or text not in {t.get(lang) for t in node.say}:
            raise SimulatorError(
                f"第{i + 1}行与场景不符 / line {i + 1} does not match the scenario: {text[:40]!r}"
            )

    i = 0
    if session.node.speaker != "narrator":
        expect(0)
        i = 1
    while i < len(lines):
        role, text = lines[i]
        if role != "collector":
            raise SimulatorError(f"第{i + 1}行应是催收员 / line {i + 1} should be the collector's")
        match = [c.id for c in session.options() if c.say.get(lang) == text]
        if match:
            session.choose(match[0])
        elif session.accepts_text:
            session.say(text)
        else:
            raise SimulatorError(
                f"第{i + 1}行不是此处的选项 / line {i + 1} is not a choice here: {text[:40]!r}"
            )
        i += 1
        if session.node.speaker != "narrator":
            if i >= len(lines):
                raise SimulatorError("通话记录不完整 / the transcript stops mid-turn")
            expect(i)
            i += 1
    return session
