"""The per-submission job that runs in a worker: execute each sanitised notebook in a warm kernel.

The worker runs the part of nbgrader's autograde pipeline that needs no gradebook: the
preprocessors of `Autograde.autograde_preprocessors` before the first one that opens the
gradebook (by default Execute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput), with
nbgrader's own classes and the course's configuration. Execute is nbgrader's, given a warm
sandboxed kernel instead of starting one. The parent runs the rest (see stages.py).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

from jupyter_core.utils import run_sync
from nbgrader.preprocessors import Execute

from autograder.grade.course import CourseSpec
from autograder.grade.kernels import KernelPool, python_kernel
from autograder.grade.outputcap import CapOutputBytes
from autograder.grade.reasons import describe_error

# Preprocessors that open the gradebook: they and everything after them run in the parent.
GRADEBOOK_PREPROCESSORS = {"SaveAutoGrades", "AssignLatePenalties", "OverwriteCells"}
# Runs before any learner code: moves to the notebook's folder, confines and drops root
# (sandbox.enter, loaded in every warm kernel).
SETUP_CODE = "__import__('sys').modules['autograder.grade.sandbox'].enter({path!r})"


class WarmExecute(Execute):
    """nbgrader's Execute, run in a kernel handed over by the pool (one kernel, one notebook)."""

    pool_km = None

    def preprocess(self, nb, resources=None, km=None):
        return super().preprocess(nb, resources, km=km or self.pool_km)

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        path = (self.resources or {}).get("metadata", {}).get("path")
        if path and getattr(self.km, "warm", False):
            # A warm kernel booted elsewhere: move it to the notebook's directory, as a cold
            # kernel started there would be. Silent: no history, no output, no new names.
            msg_id = kc.execute(SETUP_CODE.format(path=path), silent=True, store_history=False)
            reply = await self.async_wait_for_reply(msg_id)
            if not reply or reply["content"].get("status") != "ok":
                raise RuntimeError(f"could not move the kernel to {path}")
        return kc

    # nbclient binds its sync wrapper to its own coroutine at class creation, and Execute runs
    # the sync path: without this line the set-up above would never run.
    start_new_kernel_client = run_sync(async_start_new_kernel_client)


@dataclass
class JobResult:
    """What a worker sends back: executed notebooks (JSON text) or the reason it failed."""

    student: str
    outputs: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    detail: str = ""
    seconds: float = 0.0
    worker_died: bool = False  # the worker process itself was lost: worth one more try


class Engine:
    """One per worker thread: the course configuration, nbgrader's exporter and a kernel pool."""

    def __init__(self, spec: CourseSpec, zygote=None) -> None:
        from nbconvert.exporters import NotebookExporter
        from nbgrader.converters import Autograde

        self.spec = spec
        config = spec.load_config()
        self.converter = Autograde(coursedir=spec.coursedir(config), config=config)
        self.exporter = NotebookExporter(parent=self.converter, config=config)
        self.converter.exporter = self.exporter
        for pp in worker_preprocessors(self.converter.autograde_preprocessors):
            self.exporter.register_preprocessor(WarmExecute if pp is Execute else pp)
        warm = [p for p in self.exporter._preprocessors if isinstance(p, WarmExecute)]
        self.execute = warm[0] if warm else None
        self.exporter.register_preprocessor(
            CapOutputBytes(max_bytes=spec.limits.max_output_bytes, parent=self.exporter)
        )
        self.pools: dict[str, KernelPool] = {}
        self._zygote = zygote  # a zygote started early by the parent, for the python3 pool
        self.pool("python3")

    def pool(self, kernel_name: str) -> KernelPool | None:
        if kernel_name not in self.pools:
            if not python_kernel(kernel_name):
                return None
            zygote, self._zygote = self._zygote, None
            self.pools[kernel_name] = KernelPool(
                self.spec.limits, self.spec.preload, kernel_name=kernel_name, zygote=zygote
            )
        return self.pools[kernel_name]

    def run(self, student: str, notebooks: list[str], prestart: bool = True) -> JobResult:
        """Execute the sanitised notebooks (paths under autograded/) of one submission."""
        import nbformat

        result = JobResult(student=student)
        start = time.monotonic()
        self.converter._sanitizing = False
        for index, path in enumerate(notebooks):
            nb_name = path.rsplit("/", 1)[-1][: -len(".ipynb")]
            km = None
            try:
                kernel = nbformat.read(path, as_version=4).metadata.get("kernelspec", {})
                pool = self.pool(kernel.get("name", "python3"))
                refill = prestart or index < len(notebooks) - 1
                km = pool.take(refill=refill) if pool else None
                if self.execute is not None:
                    self.execute.pool_km = km
                resources = self.converter.init_single_notebook_resources(path)
                output, resources = self.exporter.from_filename(path, resources=resources)
                result.outputs[nb_name] = output
                result.notes.extend(resources.get("autograder_notes", []))
            except Exception as exc:  # noqa: BLE001 - every failure is recorded, none stops a batch
                result.error, result.detail = describe_error(exc, self.spec)
                break
            finally:
                if self.execute is not None:
                    self.execute.pool_km = None
                if km is not None:
                    pool.discard(km)
                    reclaim(path.rsplit("/", 1)[0], self.spec.limits.user)
        result.seconds = time.monotonic() - start
        return result

    def close(self) -> None:
        for pool in self.pools.values():
            pool.close()


def reclaim(folder: str, user: str) -> None:
    """Give a notebook's folder back to the grader after a kernel ran in it as `user`.

    Symbolic links the learner's code left there are removed first: the grader (root) then
    writes the graded notebook into the folder and nbgrader chmods every file in it, and
    neither must follow a link out of the folder (e.g. to /etc/shadow).
    """
    if not user or not os.path.isdir(folder) or os.path.islink(folder):
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                os.unlink(path)
    os.chown(folder, os.getuid(), os.getgid())
    os.chmod(folder, 0o755)


def worker_preprocessors(preprocessors: list) -> list:
    """The leading preprocessors that need no gradebook."""
    out = []
    for pp in preprocessors:
        if pp.__name__ in GRADEBOOK_PREPROCESSORS:
            break
        out.append(pp)
    return out


_local = threading.local()


def engine_for(spec: CourseSpec, zygote=None) -> Engine:
    """This thread's engine for `spec`, built on first use (each Dask thread gets its own)."""
    engine = getattr(_local, "engine", None)
    if engine is None or engine.spec != spec:
        if engine is not None:
            engine.close()
        engine = _local.engine = Engine(spec, zygote)
    return engine


def run_job(
    spec: CourseSpec, student: str, notebooks: list[str], prestart: bool = True
) -> JobResult:
    """Entry point for executors: grade one submission's notebooks in this worker.

    `prestart` False says no more work will follow on this worker, so no spare kernel is booted.
    """
    try:
        return engine_for(spec).run(student, notebooks, prestart)
    except Exception as exc:  # noqa: BLE001
        error, detail = describe_error(exc, spec)
        return JobResult(student=student, error=error, detail=detail)


def close_engine() -> None:
    engine = getattr(_local, "engine", None)
    if engine is not None:
        engine.close()
        _local.engine = None
