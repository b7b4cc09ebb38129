"""Review quality on the devset: flags P/R/F1 per category, commitments; and a naive baseline."""

from __future__ import annotations

import contextlib
import io
import re
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEVSET = ROOT / "tests" / "autograder" / "files" / "devset"
DEFAULT_AT = "2026-11-23T10:00"

from autograder.review import CATEGORIES, review  # noqa: E402

# The naive baseline: a banned-word list per category, matched anywhere in the text (no speakers,
# no negation, no normalisation), and jionlp's first time expression with the first number.
BANNED = {
    "threat": ["上门", "让你好看", "走着瞧", "后果自负", "your house", "regret"],
    "abuse": ["老赖", "骗子", "不要脸", "随便你", "idiot", "deadbeat", "stupid"],
    "impersonation": ["法院", "公安", "律师", "警察", "police", "court", "law firm"],
    "false_legal_claim": ["坐牢", "抓", "拘留", "刑事", "黑名单", "arrest", "jail", "criminal"],
    "third_party_disclosure": ["家人", "单位", "领导", "同事", "通讯录", "employer", "family"],
    "harassment": ["天天打", "一直打", "半夜", "every day", "keep calling"],
    "private_payment": ["微信", "支付宝", "个人账户", "现金", "venmo", "zelle", "personal account"],
    "unauthorized_waiver": ["减免", "打折", "免掉", "waive", "discount"],
    "privacy": ["身份证", "密码", "验证码", "卡号", "ssn", "password", "pin"],
}


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(DEVSET.glob("*.yaml")):
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return cases


def baseline_flags(text: str) -> set[str]:
    low = text.lower()
    return {cat for cat, words in BANNED.items() if any(w in low for w in words)}


@contextlib.contextmanager
def _quiet():
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield


def baseline_commitment(text: str, at: datetime) -> tuple[date, Decimal | None] | None:
    with _quiet():
        import jionlp as jio

        try:
            found = jio.ner.extract_time(text, time_base=time.mktime(at.timetuple()))
        except Exception:  # jionlp raises on some inputs: the baseline then finds nothing
            found = []
    for item in found:
        if item["detail"]["type"] == "time_point":
            due = datetime.strptime(item["detail"]["time"][0][:10], "%Y-%m-%d").date()
            m = re.search(r"\d+(?:\.\d+)?", text[item["offset"][1] :])
            return due, Decimal(m.group()) if m else None
    return None


def engine_commitment(text: str, at: datetime) -> tuple[date, Decimal | None] | None:
    c = review(text, at=at).commitment
    return None if c is None else (c.due, c.amount)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def flag_report(cases: list[dict], predict: Callable[[dict], set[str]]) -> list[str]:
    counts = {c: [0, 0, 0] for c in CATEGORIES}
    for case in cases:
        want, got = set(case["flags"]), predict(case)
        for cat in CATEGORIES:
            counts[cat][0] += cat in want and cat in got
            counts[cat][1] += cat in got and cat not in want
            counts[cat][2] += cat in want and cat not in got
    lines = [f"  {'category':<24} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)"]
    for cat, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        lines.append(f"  {cat:<24} {p:6.3f} {r:6.3f} {f:6.3f}  ({tp}/{fp}/{fn})")
    tot = [sum(v[k] for v in counts.values()) for k in range(3)]
    p, r, f = prf(*tot)
    lines.append(f"  {'micro':<24} {p:6.3f} {r:6.3f} {f:6.3f}  ({tot[0]}/{tot[1]}/{tot[2]})")
    exact = sum(set(c["flags"]) == predict(c) for c in cases) / len(cases)
    lines.append(f"  exact-set accuracy over {len(cases)} cases: {exact:.3f}")
    return lines


def commitment_report(cases: list[dict], predict: Callable) -> list[str]:
    tp = fp = fn = due_ok = amount_ok = with_due = 0
    for case in cases:
        want = case["commitment"]
        got = predict(case["text"], _at(case))
        if want is None:
            fp += got is not None
            continue
        with_due += 1
        want_due = want["due"] if isinstance(want["due"], date) else date.fromisoformat(want["due"])
        want_amount = want.get("amount")
        want_amount = None if want_amount is None else Decimal(str(want_amount))
        if got is None:
            fn += 1
            continue
        if got[0] == want_due:
            tp += 1
            due_ok += 1
            amount_ok += got[1] == want_amount
        else:
            fp += 1
            fn += 1
    p, r, f = prf(tp, fp, fn)
    n = max(with_due, 1)
    return [
        f"  commitment P {p:.3f} R {r:.3f} F1 {f:.3f}  ({len(cases)} cases, {with_due} with a due day)",
        f"  due day exact {due_ok / n:.3f}   amount exact {amount_ok / n:.3f}",
    ]


def _at(case: dict) -> datetime:
    return datetime.fromisoformat(str(case.get("at", DEFAULT_AT)))


def main() -> None:
    cases = load_cases()
    flagged = [c for c in cases if "flags" in c]
    committed = [c for c in cases if "commitment" in c]
    print(
        f"devset: {len(cases)} cases, {len(flagged)} with flags, {len(committed)} with commitment"
    )

    def engine_flags(case: dict) -> set[str]:
        return {f.category for f in review(case["text"], at=_at(case)).flags}

    print("\nENGINE flags")
    print("\n".join(flag_report(flagged, engine_flags)))
    print("\n".join(commitment_report(committed, engine_commitment)))
    print("\nBASELINE (banned-word list + jionlp first time expression)")
    print("\n".join(flag_report(flagged, lambda c: baseline_flags(c["text"]))))
    print("\n".join(commitment_report(committed, baseline_commitment)))


if __name__ == "__main__":
    main()
