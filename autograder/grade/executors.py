"""Where jobs run: local worker processes (default) or a Dask cluster (`--scheduler`).

Both hand `run_job(spec, student, notebooks)` to a worker, which keeps a warm kernel pool per
process (local) or per worker thread (Dask), and yield results as they complete. Dask workers
must see the course directory at the same path (a shared filesystem), as the notebooks'
directories are where learner code runs.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from autograder.grade.course import CourseSpec
from autograder.grade.job import JobResult, close_engine, engine_for, run_job


def _init_local_worker(spec: CourseSpec, zygotes: list, counter) -> None:
    from multiprocessing.util import Finalize

    with counter.get_lock():  # each forked worker adopts one of the parent's early zygotes
        index = counter.value
        counter.value += 1
    zygote = zygotes[index] if index < len(zygotes) else None
    engine_for(spec, zygote)  # start the first kernels while the parent prepares submissions
    Finalize(None, close_engine, exitpriority=10)


class LocalExecutor:
    """A pool of forked worker processes on this machine."""

    def __init__(
        self, spec: CourseSpec, workers: int | None = None, zygotes: list | None = None
    ) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.spec = spec
        self.zygotes = zygotes or []
        self.pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        context = multiprocessing.get_context("fork")  # workers inherit imports and zygotes
        return cf.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_local_worker,
            initargs=(self.spec, self.zygotes, context.Value("i", 0)),
        )

    def submit(self, student: str, notebooks: list[str], prestart: bool = True) -> Any:
        try:
            return self.pool.submit(run_job, self.spec, student, notebooks, prestart)
        except BrokenProcessPool:
            # a worker process died (its jobs are retried by BatchRun): carry on with new ones
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.zygotes = []  # the old workers' zygotes may be gone with them
            self.pool = self._new_pool()
            return self.pool.submit(run_job, self.spec, student, notebooks, prestart)

    def wait_any(self, futures: list[Any]) -> set[Any]:
        """Block until at least one future is done; the done ones."""
        return cf.wait(futures, return_when=cf.FIRST_COMPLETED).done

    @staticmethod
    def result(future: Any, student: str) -> JobResult:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a worker that died fails one submission
            died = isinstance(exc, BrokenProcessPool) or type(exc).__name__ == "KilledWorker"
            error = f"worker failed: {type(exc).__name__}: {exc}"
            return JobResult(student=student, error=error, worker_died=died)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class DaskExecutor(LocalExecutor):
    """A Dask cluster reached through its scheduler address."""

    def __init__(self, spec: CourseSpec, address: str) -> None:
        from distributed import Client

        self.spec = spec
        self.workers = 0  # unknown: every job keeps a spare kernel booting
        self.client = Client(address, set_as_default=False)

    def submit(self, student: str, notebooks: list[str], prestart: bool = True) -> Any:
        return self.client.submit(
            run_job,
            self.spec,
            student,
            notebooks,
            prestart,
            pure=False,
            key=f"grade-{student}-{os.urandom(4).hex()}",
        )

    def wait_any(self, futures: list[Any]) -> set[Any]:
        from distributed import as_completed

        first = next(iter(as_completed(futures, loop=self.client.loop)))
        return {first} | {f for f in futures if f.done()}

    def close(self) -> None:
        self.client.close()


def make_executor(
    spec: CourseSpec, workers: int | None, scheduler: str | None, jobs: int, zygotes: list
) -> LocalExecutor:
    """Dask when a scheduler is named, else local processes (no more than there are jobs)."""
    if scheduler:
        return DaskExecutor(spec, scheduler)
    return LocalExecutor(spec, max(1, min(workers or os.cpu_count() or 1, jobs)), zygotes)
