"""Learner side of the course: portfolio and excuse data, the call simulator and its widgets."""

from course.excuses import excuse_ids, excuse_taxonomy, load_excuses, response_strategies

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "excuse_ids",
    "excuse_taxonomy",
    "load_excuses",
    "response_strategies",
]
