"""The portfolio generator: reproducible, documented, internally consistent, scalable."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course
from course.contacts import RELATIONSHIPS

BUCKETS = ["M0", "M1", "M2", "M3", "M4", "M5", "M6+"]


@pytest.fixture(scope="module")
def portfolio() -> pd.DataFrame:
    return course.load_portfolio()


@pytest.fixture(scope="module")
def contacts(portfolio) -> pd.DataFrame:
    return course.load_contacts(portfolio=portfolio)


def independent_bucket(dpd: pd.Series) -> pd.Series:
    """Buckets from the data dictionary's edges, written independently of the generator."""
    edges = [-np.inf, 0, 30, 60, 90, 120, 150, np.inf]
    return pd.cut(dpd, bins=edges, labels=BUCKETS).astype(str)


def assert_invariants(frame: pd.DataFrame) -> None:
    as_of = frame.attrs["as_of"]
    dpd = (as_of - frame["due_date"]).dt.days.clip(lower=0)
    assert (dpd == frame["days_past_due"]).all(), "DPD disagrees with due_date and as_of"
    assert (independent_bucket(frame["days_past_due"]) == frame["bucket"].astype(str)).all()
    assert (frame["minimum_payment"] <= frame["balance"]).all()
    assert (frame["overdue_amount"] <= frame["balance"]).all()
    overdue = frame["days_past_due"] > 0
    assert (frame.loc[~overdue, "overdue_amount"] == 0).all()
    assert (frame.loc[overdue, "overdue_amount"] > 0).all()
    assert (frame["promises_broken"] <= frame["promises_made"]).all()
    has_promise = frame["promise_due_date"].notna()
    assert (frame.loc[has_promise, "promise_due_date"] >= as_of).all()
    assert (frame.loc[has_promise, "promises_made"] >= 1).all()
    assert not (has_promise & ~overdue).any(), "only overdue accounts hold a promise to pay"
    assert not (frame["first_payment_default"] & ~overdue).any()
    paid = frame["partial_payments"] > 0
    assert ((frame["partial_paid_amount"] > 0) == paid).all()
    history = frame["payment_history"]
    assert (history.str.len() == 6).all()
    assert history.str.fullmatch(r"[N1-6*]{6}").all()
    last = history.str[-1]
    months_late = np.minimum((frame["days_past_due"] + 29) // 30, 6)
    want_last = np.where(months_late == 0, "N", months_late.astype(str))
    assert (last == want_last).all(), "the newest status matches the months in arrears"
    assert frame["account_id"].is_unique


def test_same_seed_same_table():
    pd.testing.assert_frame_equal(course.load_portfolio(7, 300), course.load_portfolio(7, 300))


def test_different_seed_different_table():
    a, b = course.load_portfolio(1, 300), course.load_portfolio(2, 300)
    assert not a["balance"].equals(b["balance"])


def test_as_of_moves_dates_not_draws():
    a = course.load_portfolio(5, 200)
    b = course.load_portfolio(5, 200, as_of=date(2027, 1, 4))
    assert (a["days_past_due"] == b["days_past_due"]).all()
    assert b.attrs["as_of"] == pd.Timestamp("2027-01-04")
    assert_invariants(b)


def test_default_as_of_is_fixed(portfolio):
    assert portfolio.attrs["as_of"] == pd.Timestamp(course.portfolio.DEFAULT_AS_OF)


def test_dictionary_covers_every_column_and_nothing_else(portfolio, contacts):
    dictionary = course.portfolio_dictionary()
    assert list(dictionary.columns) == ["table", "column", "zh", "en", "type", "unit"]
    for table, frame in [("portfolio", portfolio), ("contacts", contacts)]:
        rows = course.portfolio_dictionary(table)
        assert list(rows["column"]) == list(frame.columns), f"{table} dictionary out of step"
        assert (rows["zh"].str.len() > 0).all() and (rows["en"].str.len() > 0).all()


def test_dictionary_rejects_unknown_table():
    with pytest.raises(ValueError, match="portfolio"):
        course.portfolio_dictionary("accounts")


def test_invariants_hold_for_the_course_portfolio(portfolio):
    assert len(portfolio) == 1000
    assert_invariants(portfolio)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**31),
    n=st.integers(1, 400),
    as_of=st.dates(date(2020, 1, 1), date(2035, 12, 31)),
)
def test_invariants_hold_for_any_seed_size_and_day(seed, n, as_of):
    assert_invariants(course.load_portfolio(seed, n, as_of))


def test_realistic_mix(portfolio):
    shares = portfolio["bucket"].value_counts(normalize=True)
    assert shares.idxmax() == "M1", "most accounts are early-stage"
    assert shares[["M0", "M1", "M2"]].sum() > 0.6
    assert set(portfolio["product"].astype(str)) == {"credit_card", "consumer_loan", "car_loan"}
    assert set(portfolio["profile"].astype(str)) == {
        "salaried",
        "small_business_owner",
        "worker",
        "recently_unemployed",
    }
    as_of = portfolio.attrs["as_of"]
    assert (portfolio["promise_due_date"] == as_of).sum() > 10, "some promised to pay today"
    assert portfolio["first_payment_default"].sum() > 10
    assert (~portfolio["phone_reachable"]).sum() > 10
    unreachable = portfolio.groupby("bucket", observed=True)["phone_reachable"].mean()
    assert unreachable["M1"] > unreachable["M6+"], "skip rates grow with arrears"


def test_regions_and_time_zones(portfolio):
    for zone in portfolio["timezone"].astype(str).unique():
        ZoneInfo(zone)  # a valid IANA name
    us = portfolio["country"] == "US"
    assert 0 < us.sum() < 0.1 * len(portfolio)
    assert portfolio.loc[us, "timezone"].astype(str).str.startswith(("America/", "Pacific/")).all()
    assert (portfolio.loc[~us, "timezone"].astype(str) == "Asia/Shanghai").all()
    assert portfolio.loc[~us, "debtor_name"].str.fullmatch(r"[\u4e00-\u9fff]{2,3}").all()


def test_contacts_are_tidy_and_lawful_data(portfolio, contacts):
    assert contacts["contact_id"].is_unique
    assert set(contacts["account_id"]) <= set(portfolio["account_id"])
    per_account = contacts.groupby("account_id").size()
    assert per_account.between(1, 3).all() and len(per_account) == len(portfolio)
    assert set(contacts["relationship"].astype(str)) == set(RELATIONSHIPS)
    assert not contacts.duplicated(["account_id", "relationship"]).any()
    employer = contacts["relationship"] == "employer"
    assert not contacts.loc[employer, "registered_emergency_contact"].any()
    assert contacts["registered_emergency_contact"].mean() > 0.5


def test_family_contacts_share_the_surname(portfolio, contacts):
    merged = contacts.merge(portfolio[["account_id", "debtor_name", "country"]], on="account_id")
    family = merged[
        merged["relationship"].isin(["parent", "sibling"]) & (merged["country"] == "CN")
    ]
    assert (family["contact_name"].str[0] == family["debtor_name"].str[0]).all()


def test_contacts_generated_alone_match_contacts_from_a_table(portfolio, contacts):
    pd.testing.assert_frame_equal(course.load_contacts(), contacts)


def test_contacts_refuse_a_filtered_portfolio(portfolio):
    with pytest.raises(ValueError, match="unfiltered"):
        course.load_contacts(portfolio=portfolio.head(10))


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"n": 0}, ValueError),
        ({"n": "10"}, ValueError),
        ({"n": True}, ValueError),
        ({"seed": "a"}, TypeError),
        ({"seed": -1}, ValueError),
        ({"as_of": "2026-11-23"}, TypeError),
    ],
    ids=["zero-rows", "text-size", "bool-size", "text-seed", "negative-seed", "text-date"],
)
def test_bad_input_gets_a_clear_error(kwargs, error):
    with pytest.raises(error):
        course.load_portfolio(**kwargs)


def test_product_terms_and_contact_rules():
    terms = course.product_terms().set_index("product")
    assert terms.loc["credit_card", "daily_penalty_rate"] == 0.0005
    assert terms.loc["car_loan", "daily_penalty_rate"] == 0.0003
    cn, us = course.contact_rules("CN"), course.contact_rules("us")
    assert (cn["window_start"], cn["window_end"]) == ("08:00", "22:00")
    assert cn["max_unanswered_per_day_per_number"] == 6
    assert (us["window_start"], us["window_end"], us["max_calls_per_7_days"]) == (
        "08:00",
        "21:00",
        7,
    )
    assert (
        "request" in course.contact_rules()["third_party"]["rule_en"]
        or "call-back" in (course.contact_rules()["third_party"]["rule_en"])
    )
    with pytest.raises(ValueError):
        course.contact_rules("UK")


@pytest.mark.slow
def test_a_million_accounts():
    frame = course.load_portfolio(n=1_000_000)
    assert len(frame) == 1_000_000
    assert_invariants(frame)
    contacts = course.load_contacts(n=1_000_000, portfolio=frame)
    assert contacts["account_id"].nunique() == 1_000_000
