"""Print how far the review engine agrees with the hidden label key of 04-compliance-review.

The key lives only in the instructor's source notebook (hidden tests); this reads it from there
and prints precision / recall of the engine's flags per transcript group, and each disagreement.
Run: PYTHONPATH=$PWD python benchmarks/compliance_key_agreement.py
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from autograder.review import review
from course import compliance_transcripts, rewrite_tasks

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "04-compliance-review" / "04-compliance-review.ipynb"
KEY_RE = re.compile(r"^_key = (\{.*?^\})", re.M | re.S)


def hidden_key() -> set[tuple[str, int, str]]:
    """Every (transcript, turn, category) triple of the q1_* hidden tests."""
    nb = nbformat.read(str(SOURCE), as_version=4)
    key: set[tuple[str, int, str]] = set()
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id", "").startswith("q1_"):
            match = KEY_RE.search(cell.source)
            if match:
                key |= ast.literal_eval(match.group(1))
    return key


def engine_labels() -> set[tuple[str, int, str]]:
    out = set()
    for tid, t in compliance_transcripts().items():
        result = review(t.text, at=t.at)
        first = next((x.index for x in result.turns if x.speaker == "collector"), 0)
        for flag in result.flags:
            out.add((tid, first if flag.turn == -1 else flag.turn, flag.category))
    return out


def main() -> None:
    key, found = hidden_key(), engine_labels()
    transcripts = compliance_transcripts()
    for group in ("zh-hans", "zh-hant", "en", None):
        ids = {k for k, t in transcripts.items() if group is None or t.group == group}
        k = {x for x in key if x[0] in ids}
        f = {x for x in found if x[0] in ids}
        hit = len(k & f)
        p = hit / len(f) if f else 1.0
        r = hit / len(k) if k else 1.0
        print(
            f"{group or 'all':8} key={len(k):3} engine={len(f):3} precision={p:.2f} recall={r:.2f}"
        )
    for x in sorted(key - found):
        print("missed   ", x, transcripts[x[0]].turns[x[1]])
    for x in sorted(found - key):
        print("extra    ", x, transcripts[x[0]].turns[x[1]])
    for task in rewrite_tasks().values():
        flags = review(task.original, at=task.at).flags
        print(f"original {task.id}: {sorted({f.category for f in flags}) or 'NOT FLAGGED'}")


if __name__ == "__main__":
    main()
