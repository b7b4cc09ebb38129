"""Review throughput on one core: reviews/s for 1-, 5- and 20-turn transcripts, and import time."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Turn templates (collector, debtor) in the three scripts; names and amounts vary per transcript so
# that no cache sees the same text twice.
COLLECTOR = [
    "催收员：您好，请问是{name}先生吗？我是XX资产管理公司的小李，工号{n}。",
    "催收员：您的信用卡已经逾期{d}天，欠款{amt}元，请问是遇到什么情况了吗？",
    "催收员：您看今天还是明天可以处理？逾期会如实上报征信。",
    "催收員：好的，跟您確認一下：明天通過官方App還款{amt}元，謝謝。",
    "Agent: Hello, am I speaking with {name}? This is Anna from ABC Collections, ID {n}.",
    "Agent: Your account is {d} days past due with a balance of ${amt}. Can you pay today or tomorrow?",
]
DEBTOR = [
    "客户：最近手头有点紧，工资{d}号才发。",
    "客户：我明天还{amt}吧。",
    "債務人：我下週一還{amt}元。",
    "Customer: I get paid on Friday, I can pay ${amt} then.",
    "Customer: I don't know, maybe next week.",
]
NAMES = ["王", "李", "张", "陈", "Smith", "Garcia", "Nguyen", "Lopez"]


def transcript(rng: random.Random, turns: int) -> str:
    lines = []
    for k in range(turns):
        pool = COLLECTOR if k % 2 == 0 else DEBTOR
        lines.append(
            rng.choice(pool).format(
                name=rng.choice(NAMES) + str(rng.randint(1, 9999)),
                n=rng.randint(1000, 9999),
                d=rng.randint(1, 90),
                amt=rng.randint(100, 99999),
            )
        )
    return "\n".join(lines)


def rate(turns: int, count: int, seed: int = 7) -> float:
    from autograder.review import review

    rng = random.Random(seed + turns)
    texts = [transcript(rng, turns) for _ in range(count)]
    at = datetime(2026, 11, 23, 10, 0)
    review(texts[0], at=at)  # load rules, opencc and calendars once
    # CPU time of this process: the machine may be shared, and wall time would count waiting.
    start = time.process_time()
    for t in texts:
        review(t, at=at)
    return count / (time.process_time() - start)


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import autograder; print(time.perf_counter() - t)"
    env_path = str(ROOT)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=env_path,
        env={"PYTHONPATH": env_path, "PATH": ""},
        check=True,
    )
    return float(out.stdout.strip())


def main() -> None:
    print(f"import autograder: {min(import_time() for _ in range(3)):.3f} s")
    for turns, count in ((1, 6000), (5, 3000), (20, 800)):
        print(f"{turns:>2}-turn transcripts: {rate(turns, count):,.0f} reviews/s")


if __name__ == "__main__":
    main()
