"""A size cap on what is stored from each output, and notes on cells that hit a limit.

nbgrader's LimitOutput caps lines, not bytes: one 50 MB line passes it. CapOutputBytes runs after
it and truncates any text output larger than `max_bytes`, leaving a bilingual marker. It also
notes, for the grading log, cells that hit the time limit or ran out of memory.
"""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Integer

MARKER = "\n... 输出过长，已截断 / output truncated: {size} bytes in all ...\n"
TEXT_KEYS = ("text/plain", "text/html", "text/markdown", "application/json")


def _cap(text: str, max_bytes: int) -> tuple[str, bool]:
    data = text.encode("utf-8", errors="surrogatepass")
    if len(data) <= max_bytes:
        return text, False
    head = data[:max_bytes].decode("utf-8", errors="ignore")
    return head + MARKER.format(size=len(data)), True


def _as_text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


class CapOutputBytes(Preprocessor):
    """Truncate text outputs over `max_bytes`; record notes in resources['autograder_notes']."""

    max_bytes = Integer(1_000_000, help="largest text output kept per output (-1: no cap)")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enabled = True

    def preprocess(self, nb, resources):
        notes: list[str] = []
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            name = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {cell.get('id')}"
            capped = False
            for output in cell.get("outputs", []):
                if self.max_bytes >= 0 and output.output_type == "stream":
                    output.text, hit = _cap(_as_text(output.text), self.max_bytes)
                    capped |= hit
                elif self.max_bytes >= 0 and "data" in output:
                    for key in TEXT_KEYS:
                        if key in output.data and isinstance(output.data[key], str | list):
                            output.data[key], hit = _cap(_as_text(output.data[key]), self.max_bytes)
                            capped |= hit
                if output.output_type == "error":
                    if output.ename == "CellTimeoutError":
                        notes.append(f"{name}: hit the cell time limit")
                    elif output.ename == "MemoryError":
                        notes.append(f"{name}: ran out of memory (MemoryError)")
            if capped:
                notes.append(f"{name}: output over {self.max_bytes} bytes truncated")
        resources["autograder_notes"] = notes
        return nb, resources
