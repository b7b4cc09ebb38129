"""Reference tables shipped with the course: data dictionary, product terms, regions, contact rules."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml

__all__ = ["contact_rules", "portfolio_dictionary", "product_terms", "regions"]


def _path(name: str):
    return resources.files("course") / "data" / name


@cache
def _csv(name: str) -> pd.DataFrame:
    with _path(name).open("r", encoding="utf-8") as handle:
        return pd.read_csv(handle, keep_default_na=False)


def portfolio_dictionary(table: str | None = None) -> pd.DataFrame:
    """The bilingual data dictionary: table, column, 中文说明, English description, type, unit.

    `table` is "portfolio" or "contacts" to keep one table's rows; None keeps both.
    """
    frame = _csv("portfolio_dictionary.csv").copy()
    if table is None:
        return frame
    if table not in set(frame["table"]):
        raise ValueError(f"table must be 'portfolio' or 'contacts', got {table!r}")
    return frame[frame["table"] == table].reset_index(drop=True)


def product_terms() -> pd.DataFrame:
    """Contract terms per product: names, daily penalty rate on the overdue amount, limit range."""
    return _csv("products.csv").copy()


def regions() -> pd.DataFrame:
    """Where debtors live: country, region (province or state), city, IANA time zone, weight."""
    return _csv("regions.csv").copy()


@cache
def _rules() -> dict[str, Any]:
    with _path("contact_rules.yaml").open("r", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def contact_rules(country: str | None = None) -> dict[str, Any]:
    """Lawful contact rules as data: calling window in local time and attempt caps.

    With `country` ("CN" or "US") returns that country's rules; without it returns every rule,
    including the `third_party` rule for emergency contacts.
    """
    rules = _rules()
    if country is None:
        return {k: dict(v) for k, v in rules.items()}
    key = str(country).upper()
    if key not in rules or key == "THIRD_PARTY":
        raise ValueError(f"country must be 'CN' or 'US', got {country!r}")
    return dict(rules[key])
