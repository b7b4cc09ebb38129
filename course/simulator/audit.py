"""Audit a valid scenario with the review engine: do its lines mean what their labels say?"""

from __future__ import annotations

from course.simulator.engine import play, run_review
from course.simulator.model import LANGS, Scenario, catalog
from course.simulator.paths import paths_to_endings
from course.simulator.validate import Problem

NO_COMMITMENT = ("refused", "escalated", "breach")


def _tag(lang: str) -> str:
    sep = "：" if lang == "zh" else ": "
    return catalog()["speakers"]["collector"].get(lang) + sep


def audit(scenario: Scenario, file: str = "") -> list[Problem]:
    """Problems found by playing every ending and reviewing every labelled line, in zh and en."""
    problems: list[Problem] = []
    at = scenario.call_time
    for node in scenario.nodes.values():
        for i, choice in enumerate(node.choices):
            where = f"nodes.{node.id}.choices[{i}]"
            for lang in LANGS:
                text = choice.say.get(lang)
                flags = run_review(_tag(lang) + text, at, scenario.jurisdiction).flags
                if choice.quality == "unlawful" and not flags:
                    problems.append(Problem("unflagged_unlawful", where, f"{lang}: {text}", file))
                if choice.quality == "strong" and flags:
                    cats = ", ".join(sorted({f.category for f in flags}))
                    problems.append(Problem("flagged_strong", where, f"{lang} ({cats})", file))
    for node_id, path in sorted(paths_to_endings(scenario).items()):
        kind = scenario.nodes[node_id].ending
        for lang in LANGS:
            commitment = play(scenario, path, lang=lang).review().commitment
            where = f"nodes.{node_id}"
            if kind == "commitment" and commitment is None:
                problems.append(Problem("missing_commitment", where, lang, file))
            if kind in NO_COMMITMENT and commitment is not None:
                problems.append(
                    Problem("unexpected_commitment", where, f"{lang}: {commitment.quote}", file)
                )
    return problems
