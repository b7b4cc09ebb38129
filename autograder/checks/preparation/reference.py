"""Reference answers for 01-account-preparation, computed from the generator (no stored key)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

import pandas as pd

SEED = 2026
N = 1000
LARGE_BALANCE = 50_000
BUCKET_LABELS = ("M0", "M1", "M2", "M3", "M4", "M5", "M6+")
EXCUSE_IDS = (
    "forgot cash_flow awaiting_income fee_dispute owed_by_others hardship technical_issue "
    "third_party_payer too_busy identity_doubt wrong_party sue_me complaint_threat stalling"
).split()


@cache
def reference(seed: int = SEED, n: int = N) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The notebook's portfolio and contacts, generated again."""
    from course.contacts import load_contacts
    from course.portfolio import load_portfolio

    portfolio = load_portfolio(seed, n)
    return portfolio, load_contacts(seed, n, portfolio=portfolio)


def reference_penalty(portfolio: pd.DataFrame) -> pd.Series:
    """Contractual penalty interest per account: overdue amount x product daily rate x DPD."""
    from course.reference import product_terms

    rate = product_terms().set_index("product")["daily_penalty_rate"]
    daily = portfolio["product"].astype(str).map(rate).astype(float)
    return (portfolio["overdue_amount"] * daily * portfolio["days_past_due"]).round(2)


def reference_tiers(portfolio: pd.DataFrame) -> pd.Series:
    """Priority tier 1..6 of each overdue account (first rule met wins), indexed by account_id."""
    as_of = portfolio.attrs["as_of"]
    owed = portfolio[portfolio["days_past_due"] > 0]
    rules = [
        owed["first_payment_default"],
        owed["promise_due_date"] == as_of,
        owed["partial_payments"] > 0,
        owed["balance"] >= LARGE_BALANCE,
        ~owed["phone_reachable"],
    ]
    tier = pd.Series(6, index=owed.index)
    for number, rule in reversed(list(enumerate(rules, start=1))):
        tier = tier.mask(rule.to_numpy(), number)
    return pd.Series(tier.to_numpy(), index=owed["account_id"].to_numpy(), name="tier")


def reference_queue(portfolio: pd.DataFrame) -> list[str]:
    """Overdue account ids by tier, then balance (largest first), then account_id."""
    tiers = reference_tiers(portfolio)
    owed = portfolio.set_index("account_id").loc[tiers.index]
    table = pd.DataFrame({"tier": tiers, "balance": owed["balance"]})
    table = table.rename_axis("account_id").reset_index()
    table = table.sort_values(["tier", "balance", "account_id"], ascending=[True, False, True])
    return table["account_id"].tolist()


def window(country: str) -> tuple[int, int]:
    """Lawful calling window in local minutes after midnight: [start, end)."""
    from course.reference import contact_rules

    rules = contact_rules(country)
    start_h, start_m = map(int, rules["window_start"].split(":"))
    end_h, end_m = map(int, rules["window_end"].split(":"))
    return start_h * 60 + start_m, end_h * 60 + end_m


def lawful_now(when: datetime, timezone: str, country: str) -> bool:
    """Whether a call at instant `when` falls inside the lawful window in the debtor's zone."""
    local = when.astimezone(ZoneInfo(timezone))
    start, end = window(country)
    return start <= local.hour * 60 + local.minute < end


def reference_plan(
    country: str, timezone: str, day: date, proposed: Sequence[str], calls_last_7_days: int = 0
) -> list[datetime]:
    """The lawful subset of `proposed` local HH:MM times, sorted, capped by the country's rule."""
    from course.reference import contact_rules

    rules = contact_rules(country)
    zone = ZoneInfo(timezone)
    times = sorted(
        {datetime.combine(day, datetime.strptime(t, "%H:%M").time(), zone) for t in proposed}
    )
    kept = [t for t in times if lawful_now(t, timezone, country)]
    if rules["max_unanswered_per_day_per_number"] is not None:
        cap = int(rules["max_unanswered_per_day_per_number"])
    else:
        cap = max(0, int(rules["max_calls_per_7_days"]) - int(calls_last_7_days))
    return kept[:cap]


def dated_goal(text: str) -> bool:
    """Whether a goal names a commitment on one day (today, tomorrow or a calendar date)."""
    text = str(text)
    vague = re.search(
        r"尽快|过几天|这两天|下周|改天|as soon as|a few days|next week|soon", text, re.I
    )
    day = re.search(
        r"今天|明天|今日|明日|\btoday\b|\btomorrow\b|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}[日号]",
        text,
        re.I,
    )
    return bool(day) and not vague
