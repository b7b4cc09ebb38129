"""One grading run: prepare, dispatch, collect and record every submission, never stopping."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from autograder.grade.gradebook import retrying
from autograder.grade.job import JobResult
from autograder.grade.plan import Submission
from autograder.grade.reasons import describe_error
from autograder.grade.results import FAILED, GRADED, Outcome
from autograder.grade.stages import ParentStages


def setup_reason(exc: Exception, sub: Submission, expected: list[str]) -> str:
    """Why preparing a submission failed, naming a renamed or missing notebook."""
    text = str(exc)
    if "No notebooks found" in text or "No notebooks were matched" in text:
        found = ", ".join(p.name for p in sub.notebooks) or "nothing"
        wanted = ", ".join(f"{n}.ipynb" for n in expected)
        return f"no notebook named {wanted} (found {found}: renamed or missing?)"
    return describe_error(exc)[0]


class BatchRun:
    """Keeps a bounded number of submissions in flight: prepared in this process, executed by
    the executor's workers, saved here as each comes back (so the bar and ETA move at once)."""

    def __init__(
        self,
        stages: ParentStages,
        gradebook,
        executor,
        expected: list[str],
        record: Callable[[Outcome], None],
        started: Callable[[str], None] = lambda student: None,
    ) -> None:
        self.stages = stages
        self.gradebook = gradebook
        self.executor = executor
        self.expected = expected
        self.record = record
        self.started = started
        self.window = max(4, 2 * (executor.workers or 8))
        self.retried: set[str] = set()

    def grade(self, subs: list[Submission]) -> None:
        queue = deque(subs)
        no_spare_after = len(subs) - (self.executor.workers or 0)  # the tail needs no spare kernel
        pending: dict = {}
        launched = 0
        while queue or pending:
            while queue and len(pending) < self.window:
                sub = queue.popleft()
                launched += 1
                future = self.launch(sub, prestart=launched <= no_spare_after)
                if future is not None:
                    pending[future] = sub
            if pending:
                for future in self.executor.wait_any(list(pending)):
                    sub = pending.pop(future)
                    result = self.executor.result(future, sub.student)
                    if result.worker_died and sub.student not in self.retried:
                        # a lost worker takes every job it held: give each one more try
                        self.retried.add(sub.student)
                        queue.append(sub)
                        continue
                    self.collect(sub, result)

    def launch(self, sub: Submission, prestart: bool):
        """Prepare one submission and hand it to a worker; None if it failed here."""
        if not sub.notebooks:
            wanted = ", ".join(f"{n}.ipynb" for n in self.expected)
            self.record(Outcome(sub.student, FAILED, f"no notebook submitted ({wanted})"))
            return None
        self.started(sub.student)
        try:
            paths, notes = retrying(self.gradebook, lambda: self.stages.prepare(sub))
        except Exception as exc:  # noqa: BLE001 - recorded, never stops the batch
            self.stages.fail(sub)
            reason = setup_reason(exc, sub, self.expected)
            self.record(Outcome(sub.student, FAILED, reason, detail=describe_error(exc)[1]))
            return None
        sub.notes = notes
        return self.executor.submit(sub.student, paths, prestart=prestart)

    def collect(self, sub: Submission, result: JobResult) -> None:
        """Save a worker's result, or record why there is none."""
        notes = [*sub.notes, *result.notes]
        if result.error:
            self.stages.fail(sub)
            outcome = Outcome(sub.student, FAILED, result.error, notes, result.detail)
        else:
            try:
                retrying(self.gradebook, lambda: self.stages.finish(sub, result))
                outcome = Outcome(sub.student, GRADED, notes=notes)
            except Exception as exc:  # noqa: BLE001
                self.stages.fail(sub)
                reason, detail = describe_error(exc)
                outcome = Outcome(sub.student, FAILED, reason, notes, detail)
        outcome.seconds = result.seconds
        self.record(outcome)
