"""Repairs for damage that makes nbgrader 0.9.6 itself crash, each as small as it can be.

DeduplicateIds strips the nbgrader metadata of all but the last copy of a duplicated cell by
setting it to `{}`; CheckCellMetadata then reads that empty dict as schema version 0 and raises
SchemaTooOldError, which stock `nbgrader autograde` treats as fatal for the whole batch. Here the
stripped copies lose the `nbgrader` key altogether, which is what DeduplicateIds means: they
become ordinary cells. Notebooks without duplicates are processed exactly as before.
"""

from __future__ import annotations

from nbgrader.preprocessors import DeduplicateIds


class DeduplicateIdsCleanly(DeduplicateIds):
    """DeduplicateIds whose stripped copies carry no empty `nbgrader` metadata."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", None) == {}:
                del cell.metadata["nbgrader"]
        return nb, resources


def repaired(preprocessors: list) -> list:
    """The sanitising preprocessors with the repairs above swapped in."""
    return [DeduplicateIdsCleanly if pp is DeduplicateIds else pp for pp in preprocessors]
