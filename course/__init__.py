"""Learner side of the course: portfolio and excuse data, the call simulator and its widgets."""

from course.script_accounts import Excuse, ScriptAccount, script_accounts
from course.transcripts import (
    Regulation,
    RewriteTask,
    Transcript,
    compliance_transcripts,
    regulations,
    rewrite_tasks,
)

__version__ = "0.1.0"

__all__ = [
    "Excuse",
    "Regulation",
    "RewriteTask",
    "ScriptAccount",
    "Transcript",
    "__version__",
    "compliance_transcripts",
    "regulations",
    "rewrite_tasks",
    "script_accounts",
]
