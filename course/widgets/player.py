"""ipywidgets player for the call simulator: a thin layer that wires buttons to a Session."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import ipywidgets as W
from IPython.display import display

from course.simulator import Scenario, Session, SimulatorError
from course.simulator.model import catalog

_LETTERS = "ABCDEFGHIJKLMNOP"


def _label(key: str, lang: str) -> str:
    return catalog()["widget"][key].get(lang)


class Player:
    """One scenario in a notebook: debtor line, choice buttons, free text, transcript, scorecard."""

    def __init__(
        self,
        scenario: str | Path | Scenario,
        *,
        lang: str = "zh",
        seed: int = 0,
        call_time: str | datetime | None = None,
        directory: str | Path | None = None,
    ):
        self.session = Session(
            scenario, lang=lang, seed=seed, call_time=call_time, directory=directory
        )
        self.last_inputs: list[tuple[str, str]] = []
        self.language = W.ToggleButtons(
            options=[("中文", "zh"), ("English", "en")], value=lang, description=""
        )
        self.header = W.HTML()
        self.line = W.HTML()
        self.choices_box = W.VBox()
        self.choice_buttons: list[W.Button] = []
        self.text_box = W.Text(layout=W.Layout(width="70%"))
        self.submit = W.Button(button_style="primary")
        self.text_row = W.HBox([self.text_box, self.submit])
        self.status = W.HTML()
        self.transcript_view = W.HTML()
        self.scorecard_view = W.HTML()
        self.code_view = W.HTML()
        self.restart_button = W.Button(icon="refresh")
        self.replay_button = W.Button(icon="play")
        self.box = W.VBox(
            [
                self.language,
                self.header,
                self.line,
                self.choices_box,
                self.text_row,
                self.status,
                self.scorecard_view,
                self.code_view,
                self.transcript_view,
                W.HBox([self.restart_button, self.replay_button]),
            ]
        )
        self.box.add_class("sim-player")
        self.language.observe(self._on_language, names="value")
        self.submit.on_click(self._on_submit)
        self.restart_button.on_click(self._on_restart)
        self.replay_button.on_click(self._on_replay)
        self.refresh()

    # --- read by notebooks and tests ---------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.session.lang

    @property
    def transcript(self) -> str:
        """The call so far in the review engine's transcript format."""
        return self.session.transcript

    @property
    def code(self) -> str:
        """A line that replays this call: paste it into the answer cell, e.g. `transcript_1 = …`."""
        return self.session.script()

    @property
    def ended(self) -> bool:
        return self.session.ended

    # --- callbacks ---------------------------------------------------------------------------
    def _on_language(self, change: dict) -> None:
        self.session.lang = change["new"]
        self.refresh()

    def _choose(self, choice_id: str) -> None:
        self._guard(lambda: self.session.choose(choice_id))

    def _on_submit(self, _=None) -> None:
        line = self.text_box.value
        if self._guard(lambda: self.session.say(line)):
            self.text_box.value = ""

    def _on_restart(self, _=None) -> None:
        if self.session.inputs:
            self.last_inputs = list(self.session.inputs)
        self.session.restart()
        self.status.value = ""
        self.refresh()

    def _on_replay(self, _=None) -> None:
        moves = self.last_inputs or list(self.session.inputs)
        self._guard(lambda: self.session.replay(moves))

    def _guard(self, move) -> bool:
        try:
            move()
        except SimulatorError as exc:
            self.status.value = f'<span style="color:#b3261e">{html.escape(str(exc))}</span>'
            return False
        self.status.value = ""
        self.refresh()
        return True

    # --- drawing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw every part from the session (called after each move)."""
        s, lang = self.session, self.session.lang
        sc = s.scenario
        names = catalog()["account"]
        acct = " · ".join(
            f"{names[k].get(lang) if k in names else k}: {v}" for k, v in sc.account.items()
        )
        self.header.value = (
            f"<h3>{html.escape(sc.title.get(lang))}</h3><p>{html.escape(sc.persona.get(lang))}</p>"
            f"<p><small>{html.escape(_label('account', lang))}: {html.escape(acct)} · "
            f"{s.call_time:%Y-%m-%d %H:%M}</small></p>"
        )
        last = s.lines[-1]
        who = catalog()["speakers"][last.speaker].get(lang)
        self.line.value = (
            f'<div class="sim-line"><b>{html.escape(who)}</b>{"：" if lang == "zh" else ": "}'
            f"{html.escape(last.text.get(lang))}"
            "</div>"
        )
        self._draw_choices(lang)
        self.submit.description = _label("submit", lang)
        self.restart_button.description = _label("restart", lang)
        self.replay_button.description = _label("replay", lang)
        self.text_row.layout.display = None if s.accepts_text else "none"
        if s.accepts_text:
            self.text_box.placeholder = s.node.free_text.prompt.get(lang)
        self.transcript_view.value = (
            f"<details open><summary>{html.escape(_label('transcript', lang))}</summary>"
            f'<pre class="sim-transcript" style="white-space:pre-wrap">'
            f"{html.escape(s.transcript)}</pre></details>"
        )
        self.scorecard_view.value = s.scorecard()._repr_html_() if s.ended else ""
        self.code_view.value = (
            f"<p>{html.escape(_label('as_code', lang))}</p>"
            f'<pre class="sim-code" style="white-space:pre-wrap">{html.escape(self.code)}</pre>'
            if s.ended
            else ""
        )

    def _draw_choices(self, lang: str) -> None:
        rows, buttons = [], []
        for letter, choice in zip(_LETTERS, self.session.options(), strict=False):
            button = W.Button(description=letter, tooltip=choice.say.get(lang))
            button.layout.width = "3em"
            button.choice_id = choice.id
            button.on_click(lambda _b, cid=choice.id: self._choose(cid))
            rows.append(W.HBox([button, W.HTML(html.escape(choice.say.get(lang)))]))
            buttons.append(button)
        self.choice_buttons = buttons
        self.choices_box.children = rows

    def _ipython_display_(self) -> None:
        display(self.box)


def call_player(scenario: str | Path | Scenario, **kwargs) -> Player:
    """Show a player for a scenario in the notebook and return it (read `.transcript` later)."""
    p = Player(scenario, **kwargs)
    display(p.box)
    return p
