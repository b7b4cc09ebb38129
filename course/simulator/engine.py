"""A call in progress: state, history, transcript, free-text turns judged by the review engine."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from course.simulator import clock, conditions
from course.simulator.loader import SCENARIO_DIR, ScenarioError, load_scenario
from course.simulator.model import Choice, Node, Scenario, Text, catalog


class SimulatorError(ValueError):
    """A move that the call does not allow at this point (the message is bilingual)."""


def _err(key: str, detail: str = "") -> SimulatorError:
    msg = catalog()["errors"][key]
    return SimulatorError(f"{msg.zh} / {msg.en}" + (f": {detail}" if detail else ""))


def run_review(text: str, at: datetime, jurisdiction: str | None = None) -> Any:
    """The review engine (autograder.review) on a transcript; imported on first use."""
    from autograder import review

    return review(text, at=at, jurisdiction=jurisdiction)


# A question that names one day: the fallback when the review engine reports no
# `closed_question_day` element for a typed line.
_DAY = re.compile(
    r"(今天|明天|后天|今晚|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|\d{1,2}\s*[号日]|"
    r"today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)
_ASK = re.compile(r"(吗|呢|还是|可以|能不能|方便|[?？]|\bcan\b|\bcould\b|\bwould\b|\bwill\b)", re.I)


def asks_for_day(line: str) -> bool:
    """True when a collector line asks about a concrete day (today, tomorrow, Friday, the 25th)."""
    return bool(_DAY.search(line) and _ASK.search(line))


@dataclass(frozen=True)
class Line:
    """One line of the call: who spoke, what (both languages), at which node."""

    speaker: str  # collector | debtor | contact | narrator
    text: Text
    node: str


@dataclass(frozen=True)
class Step:
    """One collector move: the node, the choice id (or None for free text), its quality and tags."""

    node: str
    choice: str | None
    text: Text
    quality: str
    tags: tuple[str, ...]
    state: dict[str, int] = field(default_factory=dict)  # after the move

    @property
    def free_text(self) -> bool:
        return self.choice is None


class Session:
    """One play of a scenario. Deterministic: the same seed and moves give the same call."""

    def __init__(
        self,
        scenario: Scenario | str | Path,
        *,
        lang: str = "zh",
        seed: int = 0,
        call_time: str | datetime | None = None,
        directory: str | Path | None = None,
    ):
        self.scenario = load_scenario(scenario, directory)
        self.lang = lang
        self.seed = seed
        self.call_time = clock.parse_time(call_time, self.scenario.call_time)
        self.restart()

    # --- life cycle -------------------------------------------------------------------------
    def restart(self) -> Session:
        """Back to the first line of the call with the starting state and the same seed."""
        self._rng = random.Random(self.seed)
        self.state: dict[str, int] = dict(self.scenario.state)
        self.lines: list[Line] = []
        self.history: list[Step] = []
        self.inputs: list[tuple[str, str]] = []  # ("choice", id) | ("text", line)
        self.trajectory: list[dict[str, int]] = []
        self.node_id = ""
        self._enter(self.scenario.start)
        return self

    def replay(self, inputs: list[tuple[str, str]] | None = None) -> Session:
        """Play the same moves again from the start (by default this session's own)."""
        moves = list(self.inputs if inputs is None else inputs)
        self.restart()
        for kind, value in moves:
            self.choose(value) if kind == "choice" else self.say(value)
        return self

    def _enter(self, node_id: str) -> None:
        node = self.scenario.nodes[node_id]
        self.node_id = node_id
        self.state = conditions.apply(node.effects, self.state)
        variant = self._rng.randrange(len(node.say)) if len(node.say) > 1 else 0
        self.lines.append(Line(node.speaker, node.say[variant], node_id))
        self.trajectory.append(dict(self.state))

    def __repr__(self) -> str:
        where = f"ended: {self.ending}" if self.ended else f"at {self.node_id!r}"
        return f"<Session {self.scenario.id} {where}, {len(self.history)} moves, {self.state}>"

    # --- where we are -----------------------------------------------------------------------
    @property
    def node(self) -> Node:
        return self.scenario.nodes[self.node_id]

    @property
    def ended(self) -> bool:
        return self.node.ending is not None

    @property
    def ending(self) -> str | None:
        return self.node.ending

    @property
    def call_time_forbidden(self) -> bool:
        return clock.forbidden(self.call_time, self.scenario.jurisdiction)

    def options(self) -> list[Choice]:
        """The choices open to the collector now (conditions evaluated on the state)."""
        return [] if self.ended else conditions.available(self.node.choices, self.state)

    @property
    def accepts_text(self) -> bool:
        return not self.ended and self.node.free_text is not None

    # --- moves ------------------------------------------------------------------------------
    def choose(self, choice_id: str) -> Session:
        """Say the collector line of a choice and move to the node it leads to."""
        if self.ended:
            raise _err("ended")
        open_ids = {c.id: c for c in self.options()}
        if choice_id not in open_ids:
            raise _err("unknown_choice", f"{choice_id!r} at {self.node_id!r}: {sorted(open_ids)}")
        choice = open_ids[choice_id]
        after = conditions.apply(choice.effects, self.state)
        target = conditions.route(choice, after)
        if target is None:  # the validator requires an unconditional last branch
            raise _err("no_options", choice_id)
        self.lines.append(Line("collector", choice.say, self.node_id))
        self.state = after
        self.inputs.append(("choice", choice_id))
        here = self.node_id
        self._enter(target)
        self.history.append(
            Step(here, choice.id, choice.say, choice.quality, choice.tags, dict(self.state))
        )
        return self

    def say(self, line: str) -> Session:
        """A typed collector line: the review engine decides which free-text branch it takes."""
        if self.ended:
            raise _err("ended")
        if self.node.free_text is None:
            raise _err("no_free_text")
        line = line.strip()
        if not line:
            raise _err("empty_text")
        tag = catalog()["speakers"]["collector"].get(self.lang)
        sep = "：" if self.lang == "zh" else ": "
        result = run_review(f"{tag}{sep}{line}", self.call_time, self.scenario.jurisdiction)
        flagged = any(f.turn != -1 for f in result.flags)
        asks_day = asks_for_day(line) or any(
            e.name == "closed_question_day" and e.present for e in result.elements
        )
        lowered = line.lower()
        for branch in self.node.free_text.branches:
            hit = {
                "flagged": flagged,
                "asks_day": asks_day and not flagged,
                "match": not flagged and any(s.lower() in lowered for s in branch.any),
                "default": True,
            }[branch.when]
            if hit:
                break
        text = Text.of(line)
        self.lines.append(Line("collector", text, self.node_id))
        self.state = conditions.apply(branch.effects, self.state)
        self.inputs.append(("text", line))
        here = self.node_id
        self._enter(branch.next)
        tags = ("asks_day",) if asks_day else ()
        self.history.append(Step(here, None, text, branch.quality, tags, dict(self.state)))
        return self

    # --- results ----------------------------------------------------------------------------
    def transcript_in(self, lang: str) -> str:
        """The call in the review engine's transcript format (`催收员：…` / `Collector: …`)."""
        speakers = catalog()["speakers"]
        sep = "：" if lang == "zh" else ": "
        return "\n".join(
            f"{speakers[ln.speaker].get(lang)}{sep}{ln.text.get(lang)}"
            for ln in self.lines
            if ln.speaker != "narrator"
        )

    @property
    def transcript(self) -> str:
        return self.transcript_in(self.lang)

    def script(self) -> str:
        """A Python expression that plays this call again and gives its transcript (for the
        answer cells of a notebook: a widget's clicks are not re-run when a notebook is graded)."""
        sc = self.scenario
        in_course = sc.path is not None and sc.path.resolve().parent == SCENARIO_DIR.resolve()
        ref = repr(sc.id if in_course or sc.path is None else str(sc.path))
        lang = f", lang={self.lang!r}" if self.lang != "zh" else ""
        texts = [(h.node, h.text.zh) for h in self.history if h.free_text]
        if len({node for node, _ in texts}) < len(texts):
            return f"Session({ref}{lang}).replay({self.inputs!r}).transcript"
        choices = [h.choice for h in self.history if not h.free_text]
        free = f", free_text={dict(texts)!r}" if texts else ""
        return f"play({ref}, {choices!r}{free}{lang}).transcript"

    def review(self, lang: str | None = None) -> Any:
        """The review engine's result for the transcript, at the call's time."""
        text = self.transcript_in(lang or self.lang)
        return run_review(text, self.call_time, self.scenario.jurisdiction)

    def scorecard(self, lang: str | None = None) -> Any:
        """The end-of-call scorecard (see course.simulator.scorecard)."""
        from course.simulator.scorecard import score

        return score(self, lang or self.lang)


def play(
    scenario: str | Path | Scenario,
    choices: list[str] | tuple[str, ...] = (),
    free_text: dict[str, str] | None = None,
    *,
    lang: str = "zh",
    call_time: str | datetime | None = None,
    seed: int = 0,
    directory: str | Path | None = None,
) -> Session:
    """Play a scenario from a script: choice ids in order; at a node named in `free_text` the
    typed line is used instead. Stops at an ending (leftover inputs are an error)."""
    session = Session(scenario, lang=lang, seed=seed, call_time=call_time, directory=directory)
    typed = dict(free_text or {})
    queue = list(choices)
    while not session.ended:
        if session.node_id in typed and session.accepts_text:
            session.say(typed.pop(session.node_id))
        elif queue:
            session.choose(queue.pop(0))
        else:
            break
    if queue or (session.ended and typed):
        raise _err("leftover", ", ".join([*queue, *typed]))
    return session


__all__ = ["Line", "ScenarioError", "Session", "SimulatorError", "Step", "play", "run_review"]
