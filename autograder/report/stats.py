"""Item analysis of a cohort: difficulty and discrimination per question, score summary."""

from __future__ import annotations

import math

import pandas as pd


def item_analysis(wide: pd.DataFrame, max_points: dict[str, float]) -> pd.DataFrame:
    """Per question: mean score, difficulty (mean share of points) and discrimination.

    Discrimination is the corrected item-total correlation: the Pearson correlation between the
    question's score and the learner's total over the OTHER questions (NaN when either is constant).
    """
    rows = []
    totals = wide.fillna(0).sum(axis=1)
    for gid in wide.columns:
        item = wide[gid].fillna(0)
        rest = totals - item
        top = max_points.get(gid, 0.0)
        if item.std(ddof=0) == 0 or rest.std(ddof=0) == 0 or len(item) < 3:
            disc = math.nan
        else:
            disc = float(item.corr(rest))
        rows.append(
            {
                "grade_id": gid,
                "max_points": top,
                "mean_score": round(float(item.mean()), 3),
                "difficulty": round(float(item.mean() / top), 3) if top else math.nan,
                "discrimination": round(disc, 3) if not math.isnan(disc) else math.nan,
                "full_marks_share": round(float((item >= top).mean()), 3) if top else math.nan,
            }
        )
    return pd.DataFrame(rows)


def score_summary(learners: pd.DataFrame) -> dict[str, float]:
    """Count, mean, median, min, max and spread of learners' percentages."""
    if learners.empty:
        return {"learners": 0}
    pct = 100 * learners["score"] / learners["max_score"].where(learners["max_score"] > 0)
    pct = pct.fillna(0)
    return {
        "learners": int(len(learners)),
        "mean_pct": round(float(pct.mean()), 1),
        "median_pct": round(float(pct.median()), 1),
        "min_pct": round(float(pct.min()), 1),
        "max_pct": round(float(pct.max()), 1),
        "std_pct": round(float(pct.std(ddof=0)), 1),
    }
