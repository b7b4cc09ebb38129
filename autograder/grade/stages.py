"""Parent-side stages of one submission, done with nbgrader's own Autograde converter.

`prepare` is `nbgrader autograde`'s first half: create the student and submission (timestamp,
lateness), copy the source files, zero missing notebooks, and sanitise each notebook (ClearOutput,
DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata) into autograded/.
`finish` is its last half, after a worker executed the notebook: SaveAutoGrades,
AssignLatePenalties, CheckCellMetadata, write, set permissions. Both run in the process that
holds the run's one gradebook connection (see gradebook.py).
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import nbformat

from autograder.grade.job import JobResult, worker_preprocessors
from autograder.grade.plan import Submission
from autograder.grade.repairs import repaired


class ParentStages:
    """nbgrader's Autograde converter, driven one submission at a time."""

    def __init__(self, config, coursedir, gradebook) -> None:
        from nbconvert.exporters import NotebookExporter
        from nbconvert.writers import FilesWriter
        from nbgrader.converters import Autograde

        conv = Autograde(coursedir=coursedir, config=config)
        conv.sanitize_preprocessors = repaired(conv.sanitize_preprocessors)
        conv.writer = FilesWriter(parent=conv, config=config)
        conv.exporter = NotebookExporter(parent=conv, config=config)
        self.converter = conv
        self.gradebook = gradebook
        self._released: dict[tuple[str, str], dict[str, str]] = {}
        self.finisher = NotebookExporter(parent=conv, config=config)
        done_in_worker = len(worker_preprocessors(conv.autograde_preprocessors))
        for pp in conv.autograde_preprocessors[done_in_worker:]:
            self.finisher.register_preprocessor(pp)

    def dest(self, sub: Submission) -> Path:
        return Path(self.converter._format_dest(sub.assignment, sub.student))

    def prepare(self, sub: Submission) -> tuple[list[str], list[str]]:
        """Sanitise the submission into autograded/; (notebook paths to execute, damage notes)."""
        from nbgrader.converters.base import BaseConverter
        from nbgrader.utils import rmtree

        conv = self.converter
        dest = self.dest(sub)
        if dest.exists():  # regrade from scratch, as `nbgrader autograde --force` does
            rmtree(str(dest))
        conv.notebooks = [str(p) for p in sub.notebooks]
        conv.run_pre_convert_hook()
        conv.init_assignment(sub.assignment, sub.student)
        paths, notes = [], []
        for filename in conv.notebooks:
            conv._sanitizing = True
            conv._init_preprocessors()
            BaseConverter.convert_single_notebook(conv, filename)
            out = os.path.join(conv.writer.build_directory, os.path.basename(filename))
            paths.append(out)
            expected = self.grade_ids(Path(filename).stem, sub.assignment)
            released = self.released_sources(Path(filename).name, sub.assignment)
            notes.extend(damage_notes(filename, out, expected, released))
        return paths, notes

    def grade_ids(self, notebook: str, assignment: str) -> set[str]:
        """The graded cells that the gradebook knows for a notebook."""
        nb = self.gradebook.find_notebook(notebook, assignment)
        return {cell.name for cell in nb.grade_cells}

    def released_sources(self, filename: str, assignment: str) -> dict[str, str]:
        """grade_id -> source of the locked cells as released to learners (empty if unknown)."""
        if (filename, assignment) not in self._released:
            coursedir = self.converter.coursedir
            release = coursedir.format_path(coursedir.release_directory, ".", assignment)
            path = Path(release) / filename
            found = (
                _locked_sources(nbformat.read(str(path), as_version=4)) if path.is_file() else {}
            )
            self._released[(filename, assignment)] = found
        return self._released[(filename, assignment)]

    def finish(self, sub: Submission, result: JobResult) -> None:
        """Save the executed notebooks' grades and write them, as nbgrader's last stages do."""
        from nbconvert.exporters.exporter import ResourcesDict

        conv = self.converter
        conv._sanitizing = False
        dest = self.dest(sub)
        for name, text in result.outputs.items():
            path = str(dest / f"{name}.ipynb")
            resources = conv.init_single_notebook_resources(path)
            resources["metadata"] = ResourcesDict(
                name=name,
                path=str(dest),
                modified_date=datetime.datetime.fromtimestamp(
                    os.path.getmtime(path), tz=datetime.UTC
                ).strftime("%B %d, %Y"),
            )
            nb = nbformat.reads(text, as_version=4)
            output, resources = self.finisher.from_notebook_node(nb, resources=resources)
            conv.write_single_notebook(output, resources)
        conv._sanitizing = True
        conv.set_permissions(sub.assignment, sub.student)
        conv.run_post_convert_hook()

    def fail(self, sub: Submission) -> None:
        """Leave no half-graded notebook behind (nbgrader removes a failed assignment too)."""
        from nbgrader.utils import rmtree

        dest = self.dest(sub)
        if dest.exists():
            rmtree(str(dest))


def _ids(nb) -> list[str]:
    out = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade_id") and (
            meta.get("grade") or meta.get("solution") or meta.get("locked")
        ):
            out.append(meta["grade_id"])
    return out


def _locked_sources(nb) -> dict[str, str]:
    out = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade_id") and (
            meta.get("locked") or (meta.get("grade") and not meta.get("solution"))
        ):
            out[meta["grade_id"]] = cell.source
    return out


def damage_notes(
    submitted: str, sanitised: str, expected: set[str], released: dict[str, str]
) -> list[str]:
    """What sanitising had to repair: duplicated, deleted or edited protected cells."""
    before = nbformat.read(submitted, as_version=4)
    after = nbformat.read(sanitised, as_version=4)
    notes = []
    ids = _ids(before)
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        notes.append(f"duplicated cells {dups}: the last copy of each was graded")
    kept = set(_ids(after))
    restored = [i for i in kept if i not in ids]
    if restored:
        notes.append(f"deleted cells {sorted(restored)} were restored from the gradebook")
    lost = sorted(expected - kept)
    if lost:
        notes.append(f"deleted test cells {lost} are missing: they score 0")
    edited = [
        gid
        for gid, source in _locked_sources(before).items()
        if gid in released and source != released[gid]
    ]
    if edited:
        notes.append(f"edited locked/test cells {sorted(edited)} were restored from the gradebook")
    return notes
