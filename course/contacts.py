"""The contacts table that goes with the portfolio: one tidy row per (account, contact person).

Most contacts were registered by the debtor as emergency contacts when the account was opened;
some (a colleague, the employer's switchboard) were not. The course rule: call the debtor first;
a registered emergency contact only when the debtor cannot be reached, and only to ask for a
call-back, never mentioning the debt.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from course.names import chinese_name_parts, english_names
from course.portfolio import DEFAULT_SEED, _rngs, load_portfolio

__all__ = ["RELATIONSHIPS", "load_contacts"]

RELATIONSHIPS = ("spouse", "parent", "sibling", "colleague", "friend", "employer")
RELATION_WEIGHT = np.array([0.22, 0.25, 0.18, 0.12, 0.15, 0.08])
# Chance that a contact of this relationship is a registered emergency contact.
REGISTERED_P = np.array([0.85, 0.85, 0.75, 0.25, 0.40, 0.0])
CONTACT_COUNT_P = np.array([0.30, 0.45, 0.25])  # 1, 2 or 3 contacts per account
SWITCHBOARD = "单位总机 / workplace switchboard"


def load_contacts(
    seed: int = DEFAULT_SEED,
    n: int = 1000,
    as_of: date | None = None,
    portfolio: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Contacts of the accounts in `load_portfolio(seed, n, as_of)`: 1-3 per account.

    载入联系人表 / Load the contacts table. Pass `portfolio` to reuse a table already loaded
    with the same seed (it must be unfiltered); otherwise it is generated again.
    """
    if portfolio is None:
        portfolio = load_portfolio(seed, n, as_of)
    elif portfolio.attrs.get("seed") != seed or len(portfolio) != portfolio.attrs.get("n"):
        raise ValueError(
            "portfolio must be the unfiltered table from load_portfolio with the same seed"
        )
    _, _, rng = _rngs(seed)
    accounts = len(portfolio)
    count = rng.choice(3, accounts, p=CONTACT_COUNT_P) + 1
    # Weighted order of relationships without repeats per account (Efraimidis-Spirakis keys).
    keys = rng.random((accounts, len(RELATIONSHIPS))) ** (1.0 / RELATION_WEIGHT)
    order = np.argsort(-keys, axis=1)
    slot = np.arange(3)[None, :] < count[:, None]
    relation = order[:, :3][slot]
    owner = np.repeat(np.arange(accounts), count)
    total = len(relation)

    female = np.where(relation == 0, portfolio["gender"].to_numpy()[owner] == "M", False)
    female = np.where(relation != 0, rng.random(total) < 0.5, female)
    surname, given = chinese_name_parts(rng, female)
    debtor = portfolio["debtor_name"].to_numpy().astype("U")[owner]
    family = (relation == 1) | (relation == 2)
    surname = np.where(family, debtor.astype("U1"), surname)
    names = np.char.add(surname, given)
    in_us = portfolio["country"].to_numpy()[owner] == "US"
    names = np.where(in_us, english_names(rng, female), names)
    names = np.where(relation == 5, SWITCHBOARD, names)
    registered = rng.random(total) < REGISTERED_P[relation]

    frame = pd.DataFrame(
        {
            "contact_id": np.char.add("CT", np.char.zfill(np.arange(1, total + 1).astype("U8"), 8)),
            "account_id": portfolio["account_id"].to_numpy()[owner],
            "contact_name": names,
            "relationship": pd.Categorical.from_codes(relation, categories=list(RELATIONSHIPS)),
            "registered_emergency_contact": registered,
        }
    )
    frame.attrs.update({"seed": int(seed), "n": accounts, "as_of": portfolio.attrs.get("as_of")})
    return frame
