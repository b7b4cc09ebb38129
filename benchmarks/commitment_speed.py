"""Commitment finder speed on one core (CPU time): microseconds per turn over the devset."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEVSET = ROOT / "tests" / "autograder" / "files" / "devset"


def main(repeat: int = 30) -> None:
    from autograder.review.commitments import find_commitment
    from autograder.review.speakers import split_turns

    cases = []
    for path in sorted(DEVSET.glob("commitments_*.yaml")):
        cases += yaml.safe_load(path.read_text(encoding="utf-8"))
    default = datetime(2026, 11, 23, 10, 0)
    calls = [
        (split_turns(c["text"]), datetime.fromisoformat(c["at"]) if c.get("at") else default)
        for c in cases
    ]
    turns = sum(len(t) for t, _ in calls)
    for t, at in calls:  # warm the calendars and the regex caches once
        find_commitment(t, at)
    start = time.process_time()
    for _ in range(repeat):
        for t, at in calls:
            find_commitment(t, at)
    spent = time.process_time() - start
    per_turn = spent / (repeat * turns) * 1e6
    per_call = spent / (repeat * len(calls)) * 1e6
    print(f"{len(calls)} transcripts, {turns} turns, x{repeat}")
    print(f"find_commitment: {per_turn:.1f} µs/turn, {per_call:.1f} µs/transcript")
    print(f"five-turn transcripts/s on one core (finder only): {1e6 / (per_turn * 5):,.0f}")


if __name__ == "__main__":
    main()
