"""Write a cohort report: CSV tables, PNG charts (matplotlib) and one bilingual HTML page."""

from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd

CSS = (
    "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#1f2328}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d0d7de;padding:4px 8px}"
    "th{background:#f6f8fa}img{max-width:100%}.muted{color:#57606a}"
)


def _table(df: pd.DataFrame) -> str:
    if df.empty:
        return "<p class='muted'>（无数据 / no data）</p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in df.itertuples(index=False)
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "—" if math.isnan(value) else f"{value:g}"
    return str(value)


def plot_scores(learners: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pct = 100 * learners["score"] / learners["max_score"].where(learners["max_score"] > 0)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.hist(pct.fillna(0), bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.001], color="#0969da")
    ax.set_xlabel("score (%)")
    ax.set_ylabel("learners")
    ax.set_title("Score distribution")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_items(items: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(max(4, 0.5 * len(items) + 2), 3.2))
    ax.bar(items["grade_id"], items["difficulty"].fillna(0), color="#1a7f37")
    ax.set_ylim(0, 1)
    ax.set_ylabel("mean share of points")
    ax.set_title("Question difficulty (higher = easier)")
    ax.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(
    out: Path,
    assignment: str,
    summary: dict,
    learners: pd.DataFrame,
    items: pd.DataFrame,
    flags: pd.DataFrame,
    committed: dict[str, bool],
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    learners.to_csv(out / "learners.csv", index=False)
    items.to_csv(out / "questions.csv", index=False)
    flags.to_csv(out / "flags.csv", index=False)
    charts = ""
    if not learners.empty:
        plot_scores(learners, out / "score_distribution.png")
        charts += "<img src='score_distribution.png' alt='score distribution'>"
    if not items.empty:
        plot_items(items, out / "question_difficulty.png")
        charts += "<img src='question_difficulty.png' alt='question difficulty'>"
    if flags.empty:
        top = pd.DataFrame(columns=["category", "count", "learners", "example"])
    else:
        grouped = flags.groupby("category")
        top = (
            pd.DataFrame(
                {
                    "count": grouped.size(),
                    "learners": grouped["student"].nunique(),
                    "example": grouped["quote"].first(),
                }
            )
            .sort_values("count", ascending=False)
            .reset_index()
        )
    rate = (
        f"{sum(committed.values())} / {len(committed)} "
        f"({100 * sum(committed.values()) / len(committed):.0f}%)"
        if committed
        else "—（本作业没有书面文本 / no written texts in this assignment）"
    )
    stats = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(_cell(v))}</td></tr>"
        for k, v in summary.items()
    )
    page = f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>{html.escape(assignment)} · 班级报告 / cohort report</title><style>{CSS}</style></head><body>
<h1>{html.escape(assignment)} · 班级报告 / Cohort report</h1>
<h2>成绩概览 / Scores</h2><table>{stats}</table>{charts}
<h2>题目分析 / Questions</h2>
<p class="muted">难度 = 平均得分率；区分度 = 该题得分与其余题总分的相关系数。/ Difficulty = mean share of
points; discrimination = correlation of the question's score with the rest of the total.</p>
{_table(items)}
<h2>最常见的违规类别 / Most frequent compliance flags</h2>{_table(top)}
<h2>取得带日期的还款承诺 / Dated commitment secured</h2><p>{html.escape(rate)}</p>
<h2>学员明细 / Learners</h2>{_table(learners)}
</body></html>"""
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    return path
