"""Seconds to generate the synthetic portfolio (and its contacts) at 1,000 / 100,000 / 1,000,000 rows.

Run from the repository root: `python benchmarks/portfolio_speed.py [--repeat 3]`.
Prints the best of `repeat` runs for each size; nothing is asserted.
"""

from __future__ import annotations

import argparse
import time

SIZES = (1_000, 100_000, 1_000_000)


def best_of(repeat: int, func, *args, **kwargs) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, value


def main(repeat: int = 3) -> int:
    import course

    course.load_portfolio(n=10)  # import pandas and read the reference tables once
    print(f"{'accounts':>10} {'portfolio s':>12} {'contacts s':>11} {'MB':>7}")
    for n in SIZES:
        seconds, frame = best_of(repeat, course.load_portfolio, n=n)
        contact_s, _ = best_of(repeat, course.load_contacts, n=n, portfolio=frame)
        megabytes = frame.memory_usage(deep=True).sum() / 1e6
        print(f"{n:>10,} {seconds:>12.3f} {contact_s:>11.3f} {megabytes:>7.1f}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (best is shown)")
    raise SystemExit(main(parser.parse_args().repeat))
