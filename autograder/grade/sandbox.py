"""Kernel launch wrapper: limits the learner's kernel, cuts its network, preloads imports, runs it.

Run as ``python -m autograder.grade.sandbox [options] -- -m ipykernel_launcher -f CONN``. Before
the kernel starts, in the kernel's own process, it:

- sets ``RLIMIT_AS`` (address space, so memory), ``RLIMIT_CPU`` (a backstop on CPU seconds),
  ``RLIMIT_FSIZE`` (largest file the kernel may write) and ``RLIMIT_CORE`` = 0;
- with ``--no-network``, moves the process into a new, empty network namespace
  (``unshare(CLONE_NEWNET)``; needs root or user namespaces). The kernel then talks to the grader
  over unix-domain (ipc) sockets only; the namespace has no interface up, not even loopback;
- imports the ``--preload`` modules into ``sys.modules`` only (nothing lands in the learner's
  namespace), so ``import pandas`` in the notebook costs nothing;
- runs the kernel module in this same process (``runpy``), so the preloaded modules stay loaded.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
import os
import resource
import runpy
import sys

CLONE_NEWNET = 0x40000000
MB = 1024 * 1024


def set_limits(memory_mb: int, cpu_seconds: int, file_mb: int) -> None:
    """Apply hard resource limits to this process (inherited by anything it starts)."""
    if memory_mb > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    if cpu_seconds > 0:
        # SIGXCPU at the soft limit, SIGKILL one second later.
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    if file_mb > 0:
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_mb * MB, file_mb * MB))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def drop_network() -> bool:
    """Move this process into a fresh network namespace; False when the platform refuses."""
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.unshare(CLONE_NEWNET) == 0


def network_isolation_available() -> bool:
    """Whether drop_network() would succeed here (tried in a throwaway child process)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os._exit(0 if drop_network() else 1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def preload(modules: list[str]) -> None:
    """Import modules so the kernel starts warm; a module that fails to import is skipped."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional module only costs speed
            pass


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" not in argv:
        raise SystemExit("usage: sandbox [options] -- -m MODULE ARGS...")
    split = argv.index("--")
    parser = argparse.ArgumentParser(prog="autograder.grade.sandbox")
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("--cpu-seconds", type=int, default=0)
    parser.add_argument("--file-mb", type=int, default=0)
    parser.add_argument("--no-network", action="store_true")
    parser.add_argument("--preload", default="")
    opts = parser.parse_args(argv[:split])
    rest = argv[split + 1 :]
    if len(rest) < 2 or rest[0] != "-m":
        raise SystemExit("sandbox: expected '-- -m MODULE ARGS...'")
    if opts.no_network and not drop_network():
        raise SystemExit("sandbox: network isolation requested but unshare(CLONE_NEWNET) failed")
    # Limits come after the preload only for CPU; memory and file limits apply to it too.
    set_limits(opts.memory_mb, 0, opts.file_mb)
    preload(["ipykernel.kernelapp", *[m for m in opts.preload.split(",") if m]])
    set_limits(0, opts.cpu_seconds, 0)
    sys.argv = [rest[1], *rest[2:]]
    runpy.run_module(rest[1], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
