"""A seeded, reproducible synthetic collection portfolio: one row per overdue or soon-due account.

Every column is drawn with vectorised numpy (no Python loop per row), so a million accounts take
a few seconds. The same seed, size and date always give the same table. See
`course.portfolio_dictionary()` for what each column means, in Chinese and English.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from course.names import chinese_names, english_names
from course.reference import product_terms, regions

__all__ = [
    "BUCKETS",
    "DEFAULT_AS_OF",
    "DEFAULT_SEED",
    "PROFILES",
    "PRODUCTS",
    "bucket_index",
    "load_portfolio",
]

DEFAULT_SEED = 2026
DEFAULT_AS_OF = date(2026, 11, 23)  # a Monday: the course's "today" unless you pass as_of
MAX_ROWS = 5_000_000

# Delinquency buckets: M0 = not yet overdue (0 DPD); Mk = 30(k-1)+1 .. 30k DPD; M6+ = 151 DPD or more.
BUCKETS = ("M0", "M1", "M2", "M3", "M4", "M5", "M6+")
BUCKET_SHARE = np.array([0.10, 0.45, 0.17, 0.10, 0.07, 0.05, 0.06])
PRODUCTS = ("credit_card", "consumer_loan", "car_loan")
PRODUCT_SHARE = np.array([0.60, 0.30, 0.10])
PRODUCT_MEDIAN_LIMIT = np.array([20_000, 50_000, 120_000])
PRODUCT_TERM_MONTHS = np.array([0, 24, 48])  # credit cards have no fixed term
PROFILES = ("salaried", "small_business_owner", "worker", "recently_unemployed")
PROFILE_SHARE = np.array([0.45, 0.20, 0.25, 0.10])
# Chance the debtor's own phone cannot be reached, by bucket (失联 grows with arrears).
UNREACHABLE_BY_BUCKET = np.array([0.01, 0.03, 0.06, 0.10, 0.15, 0.20, 0.30])
US_SHARE = 0.03


def bucket_index(days_past_due: np.ndarray) -> np.ndarray:
    """Bucket number 0..6 (M0..M6+) for an array of days past due."""
    dpd = np.asarray(days_past_due)
    return np.where(dpd <= 0, 0, np.minimum((dpd - 1) // 30 + 1, 6)).astype(np.int8)


def _rngs(seed: int) -> list[np.random.Generator]:
    """Independent streams: accounts, names, contacts (so each part can be rebuilt alone)."""
    children = np.random.SeedSequence([int(seed), 20261123]).spawn(3)
    return [np.random.default_rng(s) for s in children]


def _days_past_due(rng: np.random.Generator, bucket: np.ndarray) -> np.ndarray:
    """Days past due drawn inside each account's bucket; early days are the most common."""
    n = len(bucket)
    early = 1 + np.minimum(rng.exponential(9.0, n).astype(np.int64), 29)
    within = rng.integers(0, 30, n)
    late = 151 + np.minimum(rng.exponential(90.0, n).astype(np.int64), 570)
    dpd = np.where(bucket == 1, early, 30 * (bucket.astype(np.int64) - 1) + 1 + within)
    dpd = np.where(bucket == 6, late, dpd)
    return np.where(bucket == 0, 0, dpd)


def _money(x: np.ndarray) -> np.ndarray:
    return np.round(x, 2)


def _history(
    rng: np.random.Generator, months_late: np.ndarray, months_on_book: np.ndarray
) -> np.ndarray:
    """Last six monthly statuses, oldest first: N paid, 1-6 months in arrears, * not yet open."""
    n = len(months_late)
    back = np.arange(5, -1, -1)  # months before now, oldest first
    arrears = months_late[:, None] - back[None, :]
    habitual = rng.random(n) < 0.15
    prior_late = habitual[:, None] & (rng.random((n, 6)) < 0.4) & (back[None, :] >= 1)
    codes = np.where(prior_late, ord("1"), ord("N"))
    codes = np.where(arrears >= 1, ord("0") + np.minimum(arrears, 6), codes)
    codes = np.where(back[None, :] >= months_on_book[:, None], ord("*"), codes)
    return codes.astype(np.uint8).view("S6").ravel().astype("U6")


def _categorical(codes: np.ndarray, categories, ordered: bool = False) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=list(categories), ordered=ordered)


def load_portfolio(
    seed: int = DEFAULT_SEED, n: int = 1000, as_of: date | None = None
) -> pd.DataFrame:
    """The synthetic portfolio: `n` accounts drawn from `seed`, as seen on day `as_of`.

    载入模拟的催收账户组合 / Load the synthetic collection portfolio.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_ROWS:
        raise ValueError(f"n must be a whole number from 1 to {MAX_ROWS:,}, got {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an integer, got {seed!r}")
    if seed < 0:
        raise ValueError(f"seed must be zero or positive, got {seed!r}")
    as_of = as_of or DEFAULT_AS_OF
    if not isinstance(as_of, date):
        raise TypeError(f"as_of must be a datetime.date, got {as_of!r}")
    today = pd.Timestamp(as_of).normalize()
    n = int(n)
    rng, name_rng, _ = _rngs(seed)

    product = rng.choice(3, n, p=PRODUCT_SHARE)
    bucket = rng.choice(7, n, p=BUCKET_SHARE).astype(np.int8)
    dpd = _days_past_due(rng, bucket)
    overdue = dpd > 0
    months_late = np.where(overdue, (dpd + 29) // 30, 0)
    fpd = overdue & (rng.random(n) < np.where(bucket <= 3, 0.06, 0.04))
    months_on_book = np.where(fpd, np.maximum(months_late, 1), months_late + rng.integers(3, 61, n))

    terms = product_terms().set_index("product").loc[list(PRODUCTS)]
    step = terms["limit_step"].to_numpy()[product]
    raw_limit = PRODUCT_MEDIAN_LIMIT[product] * rng.lognormal(0.0, 0.55, n)
    limit = np.clip(
        np.round(raw_limit / step) * step,
        terms["limit_low"].to_numpy()[product],
        terms["limit_high"].to_numpy()[product],
    )
    is_card = product == 0
    balance = _money(limit * np.where(is_card, rng.uniform(0.3, 1.0, n), rng.uniform(0.2, 0.95, n)))
    term = np.maximum(PRODUCT_TERM_MONTHS[product], 1)
    instalment = np.where(is_card, np.maximum(balance * 0.10, 100.0), limit / term * 1.08)
    minimum = _money(np.minimum(instalment, balance))

    profile = rng.choice(4, n, p=PROFILE_SHARE)
    partial_p = np.where(profile == 1, 0.35, 0.15)
    partial = overdue & ~fpd & (rng.random(n) < partial_p)
    partial_count = np.where(partial, rng.integers(1, 4, n), 0)
    gross = np.minimum(minimum * np.maximum(months_late, 1), balance)
    partial_paid = _money(np.where(partial, gross * rng.uniform(0.1, 0.5, n), 0.0))
    overdue_amount = _money(np.where(overdue, gross - partial_paid, 0.0))

    made = np.where(overdue, rng.poisson(0.25 + 0.3 * bucket), 0)
    broken = rng.binomial(made, 0.5)
    has_open = overdue & (bucket <= 4) & (rng.random(n) < 0.12)
    offset = rng.choice(3, n, p=[0.6, 0.25, 0.15])
    made = made + has_open
    due_days = np.where(overdue, -dpd, rng.integers(0, 28, n))

    female = rng.random(n) < 0.45
    reachable = rng.random(n) >= UNREACHABLE_BY_BUCKET[bucket]
    region_table = regions()
    in_us = rng.random(n) < US_SHARE
    weights = region_table["weight"].to_numpy(dtype=float)
    cn_rows = np.flatnonzero(region_table["country"].to_numpy() == "CN")
    us_rows = np.flatnonzero(region_table["country"].to_numpy() == "US")
    cn_pick = cn_rows[rng.choice(len(cn_rows), n, p=weights[cn_rows] / weights[cn_rows].sum())]
    us_pick = us_rows[rng.choice(len(us_rows), n, p=weights[us_rows] / weights[us_rows].sum())]
    place = np.where(in_us, us_pick, cn_pick)
    history = _history(rng, months_late, months_on_book)

    names = np.where(in_us, english_names(name_rng, female), chinese_names(name_rng, female))
    day0 = np.datetime64(today.date(), "D")
    promise = np.where(has_open, day0 + offset, np.datetime64("NaT", "D"))

    def column(name: str) -> pd.Categorical:
        values = region_table[name].to_numpy()
        cats = list(dict.fromkeys(values))
        codes = np.array([cats.index(v) for v in values])[place]
        return _categorical(codes, cats)

    frame = pd.DataFrame(
        {
            "account_id": np.char.add("AC", np.char.zfill(np.arange(1, n + 1).astype("U7"), 7)),
            "debtor_name": names,
            "gender": _categorical(female.astype(np.int8), ["M", "F"]),
            "profile": _categorical(profile, PROFILES),
            "product": _categorical(product, PRODUCTS),
            "credit_limit": limit.astype(float),
            "balance": balance,
            "minimum_payment": minimum,
            "overdue_amount": overdue_amount,
            "due_date": pd.to_datetime(day0 + due_days).astype("datetime64[ns]"),
            "days_past_due": dpd.astype(np.int64),
            "bucket": _categorical(bucket, BUCKETS, ordered=True),
            "months_on_book": months_on_book.astype(np.int64),
            "payment_history": history,
            "first_payment_default": fpd,
            "promises_made": made.astype(np.int64),
            "promises_broken": broken.astype(np.int64),
            "promise_due_date": pd.to_datetime(promise).astype("datetime64[ns]"),
            "partial_payments": partial_count.astype(np.int64),
            "partial_paid_amount": partial_paid,
            "phone_reachable": reachable,
            "country": column("country"),
            "region": column("region"),
            "city": column("city"),
            "timezone": column("timezone"),
        }
    )
    frame.attrs.update({"seed": int(seed), "n": n, "as_of": today})
    return frame
