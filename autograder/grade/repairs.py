"""Repairs for damage that makes nbgrader 0.9.6 itself crash, each as small as it can be.

DeduplicateIds strips the nbgrader metadata of all but the last copy of a duplicated cell by
setting it to `{}`; CheckCellMetadata then reads that empty dict as schema version 0 and raises
SchemaTooOldError, which stock `nbgrader autograde` treats as fatal for the whole batch. Here the
stripped copies lose the `nbgrader` key altogether, which is what DeduplicateIds means: they
become ordinary cells. Notebooks without duplicates are processed exactly as before.

OverwriteCells with `add_missing_cells` puts a deleted grade cell back after the source cell
that preceded it in the instructor's notebook; when that neighbour was deleted too (a learner
who deleted an answer and its test) nbgrader raises KeyError. Then the missing cells are put
back after the nearest earlier source cell still present (or first). Notebooks nbgrader can
repair are repaired by nbgrader, unchanged.
"""

from __future__ import annotations

import copy

from nbgrader import utils
from nbgrader.preprocessors import DeduplicateIds, OverwriteCells


class DeduplicateIdsCleanly(DeduplicateIds):
    """DeduplicateIds whose stripped copies carry no empty `nbgrader` metadata."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", None) == {}:
                del cell.metadata["nbgrader"]
        return nb, resources


class OverwriteCellsSafely(OverwriteCells):
    """OverwriteCells whose restoring of deleted grade cells survives deleted neighbours."""

    def add_missing_grade_cells(self, nb, resources):
        original = copy.deepcopy(nb)
        try:
            return super().add_missing_grade_cells(nb, resources)
        except KeyError:
            return self._restore_after_nearest(original), resources

    def _restore_after_nearest(self, nb):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        order = [cell.name for cell in source_nb.source_cells]
        by_name = {cell.name: cell for cell in source_nb.source_cells}
        solutions = {cell.name for cell in source_nb.solution_cells}
        for grade_cell in sorted(source_nb.grade_cells, key=lambda c: order.index(c.name)):
            present = {
                cell["metadata"]["nbgrader"]["grade_id"]: i
                for i, cell in enumerate(nb.cells)
                if utils.is_grade(cell) or utils.is_solution(cell) or utils.is_locked(cell)
            }
            if grade_cell.name in present:
                continue
            self.log.warning(
                f"Missing grade cell {grade_cell.name} encountered, adding to notebook"
            )
            earlier = [present[n] for n in order[: order.index(grade_cell.name)] if n in present]
            where = max(earlier) + 1 if earlier else 0
            cell = self.missing_cell_transform(
                by_name[grade_cell.name],
                grade_cell.max_score,
                is_solution=grade_cell.name in solutions,
            )
            nb.cells.insert(where, cell)
        return nb


REPAIRS = {DeduplicateIds: DeduplicateIdsCleanly, OverwriteCells: OverwriteCellsSafely}


def repaired(preprocessors: list) -> list:
    """The sanitising preprocessors with the repairs above swapped in."""
    return [REPAIRS.get(pp, pp) for pp in preprocessors]
