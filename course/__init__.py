"""Learner side of the course: portfolio and excuse data, the call simulator and its widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> module holding it. Loaded on first use so `import course` stays fast
# (pandas and yaml are only imported when a table is asked for).
_LAZY = {
    "load_portfolio": "course.portfolio",
    "load_contacts": "course.contacts",
    "portfolio_dictionary": "course.reference",
    "product_terms": "course.reference",
    "contact_rules": "course.reference",
    "load_excuses": "course.excuses",
    "excuse_ids": "course.taxonomy",
    "excuse_taxonomy": "course.excuses",
    "response_strategies": "course.excuses",
    "Excuse": "course.scriptdata",
    "ScriptAccount": "course.scriptdata",
    "script_accounts": "course.scriptdata",
    "Regulation": "course.transcripts",
    "RewriteTask": "course.transcripts",
    "Transcript": "course.transcripts",
    "compliance_transcripts": "course.transcripts",
    "regulations": "course.transcripts",
    "rewrite_tasks": "course.transcripts",
}

__all__ = [
    "Excuse",
    "Regulation",
    "RewriteTask",
    "ScriptAccount",
    "Transcript",
    "__version__",
    "compliance_transcripts",
    "contact_rules",
    "excuse_ids",
    "excuse_taxonomy",
    "load_excuses",
    "load_contacts",
    "load_portfolio",
    "portfolio_dictionary",
    "product_terms",
    "regulations",
    "response_strategies",
    "rewrite_tasks",
    "script_accounts",
]

if TYPE_CHECKING:  # pragma: no cover
    from course.contacts import load_contacts
    from course.excuses import excuse_taxonomy, load_excuses, response_strategies
    from course.portfolio import load_portfolio
    from course.reference import contact_rules, portfolio_dictionary, product_terms
    from course.scriptdata import Excuse, ScriptAccount, script_accounts
    from course.taxonomy import excuse_ids
    from course.transcripts import (
        Regulation,
        RewriteTask,
        Transcript,
        compliance_transcripts,
        regulations,
        rewrite_tasks,
    )


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'course' has no attribute {name!r}")
