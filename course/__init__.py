"""Learner side of the course: portfolio and excuse data, the call simulator and its widgets."""

__version__ = "0.1.0"

__all__ = ["__version__"]
