"""Review engine: flags prohibited language, finds the dated commitment and script elements."""

import sys
import types

from .engine import review, warm_up
from .model import CATEGORIES, ELEMENTS, Commitment, Element, Flag, ReviewResult, Turn

__all__ = [
    "review",
    "ReviewResult",
    "Flag",
    "Commitment",
    "Element",
    "Turn",
    "CATEGORIES",
    "ELEMENTS",
    "warm_up",
]


class _CallableModule(types.ModuleType):
    """`from autograder import review` may yield this package (once it is imported as a
    submodule, Python binds the package to the parent's attribute): calling it reviews."""

    def __call__(self, *args, **kwargs):
        return review(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
