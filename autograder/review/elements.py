"""Script elements of a collection call (identification, right party, purpose, ... closing)."""

from __future__ import annotations

from .model import ELEMENTS, Element, Turn

__all__ = ["find_elements"]


def find_elements(turns: list[Turn]) -> list[Element]:
    """One Element per name in ELEMENTS, present or missing, from the collector's words."""
    return [Element(name, False) for name in ELEMENTS]
