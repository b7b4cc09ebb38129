"""Kernel launch wrapper: limits the learner's kernel, cuts its network, preloads imports, runs it.

Run as ``python -m autograder.grade.sandbox [options] -- -m ipykernel_launcher -f CONN``. Before
the kernel starts, in the kernel's own process, it:

- sets ``RLIMIT_AS`` (address space, so memory), ``RLIMIT_CPU`` (a backstop on CPU seconds),
  ``RLIMIT_FSIZE`` (largest file the kernel may write) and ``RLIMIT_CORE`` = 0;
- with ``--no-network``, moves the process into a new, empty network namespace
  (``unshare(CLONE_NEWNET)``; needs root or user namespaces). The kernel then talks to the grader
  over unix-domain (ipc) sockets only; the namespace has no interface up, not even loopback;
- with ``--readonly PATH`` / ``--hide PATH``, moves the process into a private mount namespace
  (``unshare(CLONE_NEWNS)``) where each readonly path is bind-mounted read-only onto itself and
  each hidden directory is covered by an empty read-only tmpfs (a hidden file by /dev/null):
  learner code cannot change submissions or read the instructor's source or the gradebook;
  the kernel then runs as PID 1 of a new PID namespace (``CLONE_NEWPID``, fresh /proc), so it
  cannot see or signal the grader, its workers or other learners' kernels;
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
import signal
import sys

CLONE_NEWNET = 0x40000000
CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
PR_SET_PDEATHSIG = 1
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
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


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None):
    libc = ctypes.CDLL(None, use_errno=True)
    enc = [None if x is None else x.encode() for x in (source, target, fstype, data)]
    if libc.mount(enc[0], enc[1], enc[2], flags, enc[3]) != 0:
        raise OSError(ctypes.get_errno(), f"mount {target}: {os.strerror(ctypes.get_errno())}")


def protect_paths(readonly: list[str], hidden: list[str]) -> None:
    """In a private mount namespace: make `readonly` read-only and cover `hidden`."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNS) != 0:
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS) failed")
    _mount("none", "/", None, MS_REC | MS_PRIVATE, None)
    for path in readonly:
        if os.path.exists(path):
            _mount(path, path, None, MS_BIND | MS_REC, None)
            _mount(None, path, None, MS_BIND | MS_REMOUNT | MS_RDONLY, None)
    for path in hidden:
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_RDONLY, "size=4k")
        elif os.path.exists(path):
            _mount(os.devnull, path, None, MS_BIND, None)


def isolation_available() -> bool:
    """Whether new network and mount namespaces can be made here (tried in a child process)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        libc = ctypes.CDLL(None, use_errno=True)
        os._exit(0 if libc.unshare(CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWPID) == 0 else 1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def enter_pid_namespace() -> None:
    """Continue as PID 1 of a new PID namespace, with its own /proc.

    The calling process forks: the parent stays outside (it is the pid the grader manages),
    forwards nothing, ignores SIGINT (the grader's interrupt reaches the whole process group,
    so the kernel gets it) and exits with the child's status; it never returns. The child,
    inside, sees no process of the grader or of other learners, so it can signal none of them,
    and is killed if the outside process dies. Needs the private mount namespace (for /proc).
    """
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWPID) != 0:
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWPID) failed")
    pid = os.fork()
    if pid:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent()
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except InterruptedError:
                continue
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
    _die_with_parent()
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)


def isolate(opts: argparse.Namespace) -> None:
    """Apply the namespaces asked for in `opts` (network, then files)."""
    if opts.no_network and not drop_network():
        raise SystemExit("sandbox: network isolation requested but unshare(CLONE_NEWNET) failed")
    if opts.readonly or opts.hide:
        protect_paths(opts.readonly, opts.hide)
        enter_pid_namespace()


def option_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("--cpu-seconds", type=int, default=0)
    parser.add_argument("--file-mb", type=int, default=0)
    parser.add_argument("--no-network", action="store_true")
    parser.add_argument("--readonly", action="append", default=[])
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("--preload", default="")
    return parser


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
    opts = option_parser("autograder.grade.sandbox").parse_args(argv[:split])
    rest = argv[split + 1 :]
    if len(rest) < 2 or rest[0] != "-m":
        raise SystemExit("sandbox: expected '-- -m MODULE ARGS...'")
    isolate(opts)
    # Limits come after the preload only for CPU; memory and file limits apply to it too.
    set_limits(opts.memory_mb, 0, opts.file_mb)
    preload(["ipykernel.kernelapp", *[m for m in opts.preload.split(",") if m]])
    set_limits(0, opts.cpu_seconds, 0)
    sys.argv = [rest[1], *rest[2:]]
    runpy.run_module(rest[1], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
