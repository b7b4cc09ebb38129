"""Print timings of the call simulator: validation, path search, play + scorecard, grading a call."""

from __future__ import annotations

import statistics
import time

from autograder.checks.simulation import judge
from course.simulator import SCENARIO_DIR, list_scenarios, load_scenario, paths_to_endings, play
from course.simulator.validate import validate_dir


def timed(fn, repeat: int = 5) -> float:
    """Median wall time of `fn()` in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    play("forgot-early", [])  # warm up: YAML, the review engine's catalogue
    print(
        f"validate course/scenarios (strict): {timed(lambda: validate_dir(SCENARIO_DIR, strict=True)):.1f} ms"
    )
    for sid in list_scenarios():
        scenario = load_scenario(sid)
        paths = paths_to_endings(scenario)
        search = timed(lambda s=scenario: paths_to_endings(s))
        commit = next(p for n, p in paths.items() if scenario.nodes[n].ending == "commitment")
        card = timed(lambda s=sid, p=commit: play(s, p).scorecard())
        text = play(sid, commit).transcript
        grade = timed(lambda s=sid, t=text: judge(t, s))
        print(
            f"{sid:18} nodes {len(scenario.nodes):3}  endings {len(paths):2}  "
            f"path search {search:6.1f} ms  play+scorecard {card:6.1f} ms  grade call {grade:6.1f} ms"
        )


if __name__ == "__main__":
    main()
