"""Cohort reports: score distribution, item analysis, compliance flags and commitments."""

from autograder.report.stats import item_analysis, score_summary
from autograder.report.texts import learner_texts, review_texts

__all__ = ["item_analysis", "learner_texts", "review_texts", "score_summary"]
