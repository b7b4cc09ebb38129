"""Data types of the review engine: turns, commitments, flags, script elements and the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

# The nine prohibited-language category ids (../shared/DOMAIN.md): the autograder's contract.
CATEGORIES: tuple[str, ...] = (
    "threat",
    "abuse",
    "impersonation",
    "false_legal_claim",
    "third_party_disclosure",
    "harassment",
    "private_payment",
    "unauthorized_waiver",
    "privacy",
)

# Speaker roles after tag normalisation.
COLLECTOR, DEBTOR, CONTACT, UNKNOWN = "collector", "debtor", "contact", "unknown"

# Script elements graded in written scripts.
ELEMENTS: tuple[str, ...] = (
    "self_identification",
    "right_party_check",
    "purpose",
    "open_question",
    "closed_question_day",
    "recap",
    "closing",
)


@dataclass(frozen=True)
class Turn:
    """One speaker turn. `text` is the original; `norm` the normalised Simplified form."""

    index: int
    speaker: str  # COLLECTOR | DEBTOR | CONTACT | UNKNOWN
    text: str
    norm: str
    start: int = 0  # offset of `text` in the reviewed input


@dataclass(frozen=True)
class Commitment:
    """A promise to pay tied to one calendar day."""

    due: date
    time: time | None
    amount: Decimal | None
    quote: str  # from the original text
    speaker: str


@dataclass(frozen=True)
class Flag:
    """A prohibited-language finding in a collector's words."""

    category: str  # one of CATEGORIES
    quote: str  # from the original text
    rule: str  # rule id in the catalogue
    why: str  # bilingual explanation, with the regulation it rests on
    suggestion: str  # bilingual compliant alternative
    turn: int = -1  # index of the turn, -1 for the call as a whole (e.g. its hour)


@dataclass(frozen=True)
class Element:
    """A script element found (or missing) in the collector's words."""

    name: str  # one of ELEMENTS
    present: bool
    quote: str = ""
    hint: str = ""  # bilingual hint shown when missing


@dataclass
class ReviewResult:
    """What `review(text, at=...)` returns."""

    text: str
    at: datetime
    turns: list[Turn] = field(default_factory=list)
    commitment: Commitment | None = None
    flags: list[Flag] = field(default_factory=list)
    # computed on first use: only script grading reads them (about a fifth of a review's time)
    _elements: list[Element] | None = field(default=None, repr=False, compare=False)

    @property
    def elements(self) -> list[Element]:
        """The seven script elements, each present (with its quote) or missing (with a hint)."""
        if self._elements is None:
            from .elements import find_elements

            self._elements = find_elements(self.turns, self.flags, self.at)
        return self._elements

    @elements.setter
    def elements(self, value: list[Element]) -> None:
        self._elements = list(value)

    @property
    def flag_categories(self) -> set[str]:
        """The set of flagged category ids."""
        return {f.category for f in self.flags}

    @property
    def missing_elements(self) -> list[str]:
        """Names of the script elements not found."""
        return [e.name for e in self.elements if not e.present]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (see render.to_dict)."""
        from .render import to_dict

        return to_dict(self)

    def __str__(self) -> str:
        from .render import to_text

        return to_text(self)

    def _repr_html_(self) -> str:
        from .render import to_html

        return to_html(self)
