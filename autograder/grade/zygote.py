"""A kernel zygote: one warm process per worker that forks a fresh kernel for each notebook.

Starting a Python kernel costs about 0.3 CPU-seconds (interpreter, ipykernel, the course's
imports) and that is most of what grading a small notebook costs. The zygote pays it once: it
imports ipykernel and the notebook's modules, then for each request forks a child which becomes
one kernel for one notebook. The child starts a new session, takes the environment and working
directory jupyter_client asked for, reseeds its random generators, enters an empty network
namespace, sets its resource limits (see sandbox.py) and runs `ipykernel_launcher` as
`python -m ipykernel_launcher` would. Nothing runs in the zygote after the imports, so every
kernel starts from the same clean state and no state passes between learners.

The worker talks to the zygote over its stdin/stdout, one JSON line per request and reply.
`kernels.ZygoteProvisioner` lets jupyter_client manage a forked kernel like one it launched.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import runpy
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from autograder.grade.sandbox import (
    _die_with_parent,
    isolate,
    isolation_available,
    option_parser,
    preload,
    set_limits,
)

_BOOT = (
    "import sys; sys.path.insert(0, {root!r}); import autograder.grade.zygote as z; "
    "del sys.path[0]; z.serve()"
)
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def _reap(*_: Any) -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _child(request: dict, opts: argparse.Namespace, reply_fd: int) -> None:
    """Become one kernel; never returns into the zygote's loop."""
    code = 1
    zygote = os.getppid()
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.close(reply_fd)
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        isolate(opts)
        set_limits(opts.memory_mb, opts.cpu_seconds, opts.file_mb)
        random.seed()
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        # ipykernel read JPY_PARENT_PID when the zygote imported it: say who the parent is now,
        # so the kernel exits if the zygote (and so the worker) goes away.
        parent = f"--IPKernelApp.parent_handle={zygote}"
        sys.argv = [request["module"], *request["args"], parent]
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - report and exit, whatever happened
        traceback.print_exc()
    finally:
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(argv: list[str] | None = None) -> None:
    """The zygote's main loop: preload, then fork one kernel per request line on stdin."""
    opts = option_parser("autograder.grade.zygote").parse_args(
        sys.argv[1:] if argv is None else argv
    )
    _die_with_parent()  # a grader killed outright leaves no zygote behind
    if sys.path and sys.path[0] == "":
        del sys.path[0]  # as `python -m ipykernel_launcher` leaves sys.path
    preload(["ipykernel.kernelapp", *[m for m in opts.preload.split(",") if m]])
    reply_fd = os.dup(1)
    os.dup2(2, 1)  # kernels print to the worker's stderr, never into the reply pipe
    signal.signal(signal.SIGCHLD, _reap)
    with os.fdopen(reply_fd, "w") as replies:
        if (
            opts.no_network or opts.readonly or opts.hide or opts.confine
        ) and not isolation_available():
            # e.g. a Dask worker on a machine without namespaces: say so, start no kernel
            message = f"kernel sandbox unavailable on {os.uname().nodename}: cannot unshare"
            replies.write(json.dumps({"error": message}) + "\n")
            return
        replies.write(json.dumps({"ready": os.getpid()}) + "\n")
        replies.flush()
        for line in sys.stdin:
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                _child(request, opts, reply_fd)
            replies.write(json.dumps({"pid": pid}) + "\n")
            replies.flush()


class Zygote:
    """The worker's handle on its zygote process."""

    def __init__(self, sandbox_args: list[str], shared: bool = False) -> None:
        cmd = [sys.executable, "-c", _BOOT.format(root=PACKAGE_ROOT), *sandbox_args]
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        self.owner = os.getpid()
        if shared:
            # One zygote for every forked worker process (one preload, not one per worker):
            # each request and its one-line reply happen under a lock all the processes share.
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self.lock = context.Lock()
            self._ready = context.Value("b", 0, lock=False)
        else:
            self.lock = threading.Lock()
            self._ready = _Flag()

    def _read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the kernel zygote exited (status {self.proc.poll()})")
        return json.loads(line)

    def spawn(self, module: str, args: list[str], cwd: str, env: dict[str, str]) -> int:
        """Fork a kernel running `python -m module args` in `cwd` with `env`; its pid."""
        with self.lock:
            if not self._ready.value:
                hello = self._read()
                if "error" in hello:
                    raise RuntimeError(hello["error"])
                self._ready.value = 1
            request = {"module": module, "args": args, "cwd": cwd, "env": env}
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            return int(self._read()["pid"])

    def alive(self) -> bool:
        """Whether the zygote runs (works from a forked worker, which is not its parent)."""
        return ForkedProcess(self.proc.pid).poll() is None

    def close(self) -> None:
        """Stop the zygote (its kernels are shut down by their pool); only its creator may."""
        if os.getpid() != self.owner:
            return
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.terminate()
        if self.proc.poll() is None:
            try:
                self.proc.wait(timeout=2)
            except (subprocess.TimeoutExpired, ChildProcessError):
                pass


class _Flag:
    value = 0


class ForkedProcess:
    """The Popen-like face of a kernel forked by the zygote (not this process's child)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is not None:
            return self.returncode
        try:
            os.kill(self.pid, 0)
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (ProcessLookupError, FileNotFoundError):
            state = "X"
        if state in ("Z", "X"):
            self.returncode = -signal.SIGKILL
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)
