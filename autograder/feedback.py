"""Feedback that never shows the answer key: hidden tests, their tracebacks and active content.

nbgrader stores each test cell with its hidden tests in the gradebook and restores them into the
autograded notebook, so stock feedback shows hidden test code (nbgrader #917) and the traceback of
a failing hidden assert shows the line with the expected value. This preprocessor runs inside
`nbgrader generate_feedback` (see nbgrader_config.py) and, for every cell:

- test cells lose everything between BEGIN and END HIDDEN TESTS;
- errors in test cells keep only the exception name and message (the message is the bilingual
  hint the test author wrote), never the traceback frames that quote hidden lines;
- outputs keep only inert formats (plain text and raster images): learner code could display
  HTML or JavaScript, so active formats are dropped and text is escaped by the HTML template.
"""

from __future__ import annotations

import re

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

HIDDEN = re.compile(
    r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*$\n?", re.M | re.S
)
SAFE_MIMETYPES = ("text/plain", "image/png", "image/jpeg")
HIDDEN_NOTE = "# （隐藏测试已省略 / hidden tests omitted）"


def strip_hidden_tests(source: str) -> str:
    """The test cell's source with every hidden block replaced by a one-line note."""
    return HIDDEN.sub(HIDDEN_NOTE + "\n", source).rstrip("\n")


def safe_output(output: dict, *, in_test_cell: bool) -> dict:
    """A copy of one output with only inert content left."""
    kind = output.get("output_type")
    if kind == "error":
        clean = dict(output)
        if in_test_cell:
            clean["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return clean
    if kind in ("display_data", "execute_result"):
        clean = dict(output)
        clean["data"] = {k: v for k, v in output.get("data", {}).items() if k in SAFE_MIMETYPES}
        clean["metadata"] = {}
        return clean
    return dict(output)


class ProtectFeedback(Preprocessor):
    """Remove hidden tests and active content from the notebook before it becomes feedback."""

    enabled = Bool(True).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        is_test = bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"
        if is_test:
            cell.source = strip_hidden_tests(cell.source)
        if cell.cell_type == "code":
            cell.outputs = [safe_output(o, in_test_cell=is_test) for o in cell.get("outputs", [])]
        cell.metadata.pop("widgets", None)
        return cell, resources
