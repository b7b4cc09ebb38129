"""Checks for assignment 01-account-preparation: each takes the learner's answer, returns a result.

Expected answers are computed from the portfolio generator with the notebook's fixed seed
(see `reference`), so no answer key is stored, and notes name the kind of mistake, never the key.
"""

from autograder.checks.preparation.accounts import (
    check_bucket_counts,
    check_days_past_due,
    check_overview,
    check_penalty,
    check_to_bucket,
)
from autograder.checks.preparation.calls import (
    check_can_call,
    check_plan_attempts,
    check_whom_to_call,
)
from autograder.checks.preparation.queue import check_brief, check_queue

__all__ = [
    "check_brief",
    "check_bucket_counts",
    "check_can_call",
    "check_days_past_due",
    "check_overview",
    "check_penalty",
    "check_plan_attempts",
    "check_queue",
    "check_to_bucket",
    "check_whom_to_call",
]
