"""Dated commitment (promise to pay) finder: the last payment the debtor tied to one day."""

from __future__ import annotations

from datetime import datetime

from autograder.review.model import Commitment, Turn


def find_commitment(turns: list[Turn], at: datetime) -> Commitment | None:
    """Return the last dated commitment in `turns`, resolved against the call time `at`."""
    return None  # placeholder until the rules land (next commits)
