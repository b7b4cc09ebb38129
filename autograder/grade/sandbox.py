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
- with ``--confine AREA`` (the autograded/ folder) and ``--user NAME``, remembers what
  `enter` must do once the grader names the notebook's folder (a warm kernel boots before it
  knows its learner): cover AREA with an empty tmpfs, bind back only that learner's folder,
  give the folder to NAME and drop root for NAME, so that learner code cannot undo any mount;
  ``--max-processes N`` then caps NAME's processes and threads (``RLIMIT_NPROC``), so a fork
  bomb fails with EAGAIN instead of filling the machine (the PID namespace reaps what it made);
- imports the ``--preload`` modules into ``sys.modules`` only (nothing lands in the learner's
  namespace), so ``import pandas`` in the notebook costs nothing;
- runs the kernel module in this same process (``runpy``), so the preloaded modules stay loaded.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
import os
import pwd
import resource
import runpy
import shutil
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


# What `enter` does in this kernel, set by `isolate` before any learner code runs.
_pending: dict[str, str] = {}


def isolate(opts: argparse.Namespace) -> None:
    """Apply the namespaces asked for in `opts` (network, then files)."""
    if opts.no_network and not drop_network():
        raise SystemExit("sandbox: network isolation requested but unshare(CLONE_NEWNET) failed")
    if opts.readonly or opts.hide or opts.confine:
        protect_paths(opts.readonly, opts.hide)
        enter_pid_namespace()
        _pending.update(
            confine=opts.confine or "",
            user=opts.user or "",
            processes=str(opts.max_processes),
        )


def _confine(area: str, own: str) -> None:
    """Cover `area` with an empty read-only tmpfs in which only `own` is bound back."""
    rel = os.path.relpath(own, area)
    if rel.startswith(os.pardir) or rel == os.curdir:
        raise ValueError(f"{own} is not inside {area}")
    fd = os.open(own, os.O_PATH)
    try:
        _mount("tmpfs", area, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=755")
        target = os.path.join(area, rel)
        os.makedirs(target)
        _mount(f"/proc/self/fd/{fd}", target, None, MS_BIND, None)
    finally:
        os.close(fd)
    _mount(None, area, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, "size=64k,mode=755")


def _matplotlib_home(home: str, uid: int, gid: int) -> None:
    """A private matplotlib config dir holding the grader's font cache (no rebuild, no warning)."""
    os.makedirs(home, mode=0o700, exist_ok=True)
    base = os.path.expanduser("~")
    for folder in (
        os.environ.get("MPLCONFIGDIR", ""),
        os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.join(base, ".cache")), "matplotlib"),
        os.path.join(
            os.environ.get("XDG_CONFIG_HOME", os.path.join(base, ".config")), "matplotlib"
        ),
    ):
        if folder and os.path.isdir(folder):
            for name in os.listdir(folder):
                if name.endswith(".json") or name == "matplotlibrc":
                    shutil.copy(os.path.join(folder, name), home)
    for name in [home, *(os.path.join(home, n) for n in os.listdir(home))]:
        os.chown(name, uid, gid)
    os.environ["MPLCONFIGDIR"] = home


def _can_enter(path: str, uid: int, gid: int) -> bool:
    st = os.stat(path)
    bit = 0o100 if st.st_uid == uid else 0o010 if st.st_gid == gid else 0o001
    return bool(st.st_mode & bit)


def _closed_ancestor(path: str, uid: int, gid: int) -> str | None:
    """The top-most folder above `path` that `uid` may not pass through, if any."""
    parts = path.strip("/").split("/")
    for depth in range(len(parts)):
        folder = "/" + "/".join(parts[:depth])
        if not _can_enter(folder, uid, gid):
            return folder
    return None


def _make_reachable(paths: list[str], uid: int, gid: int) -> None:
    """Let `uid` reach `paths` (the interpreter, sys.path, its folder) through closed folders
    (e.g. a grader's home holding the Python install): each closed folder is covered by a
    tmpfs into which only the needed paths, with their own mounts, are bound back."""
    for _ in range(8):  # a bound-back path may hold another closed folder further down
        blocked: dict[str, list[str]] = {}
        for path in sorted({os.path.realpath(p) for p in paths if os.path.exists(p)}):
            closed = _closed_ancestor(path, uid, gid)
            if closed and not any(path.startswith(q + "/") for q in blocked.get(closed, [])):
                blocked.setdefault(closed, []).append(path)
        if not blocked:
            return
        for closed, inside in blocked.items():
            fds = [os.open(p, os.O_PATH) for p in inside]
            try:
                _mount("tmpfs", closed, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=755")
                _bind_back(inside, fds)
            finally:
                for fd in fds:
                    os.close(fd)


def _bind_back(paths: list[str], fds: list[int]) -> None:
    """Bind each path, opened with O_PATH before a tmpfs covered it, back at its old place."""
    for path, fd in zip(paths, fds, strict=True):
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            os.makedirs(path, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "a").close()
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None)


def _private_tmp(keep: list[str]) -> None:
    """A fresh, empty /tmp and /dev/shm for this kernel alone (kernels cannot pass files to each
    other through them); the kept paths that live under /tmp are bound back, with their mounts."""
    found = {os.path.realpath(p) for p in keep if p and os.path.exists(p)}
    inside = sorted(p for p in found if p.startswith("/tmp/"))
    tops = [p for p in inside if not any(p.startswith(q + "/") for q in inside)]
    fds = [os.open(p, os.O_PATH) for p in tops]
    try:
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=256m,mode=1777")
        if os.path.isdir("/dev/shm"):  # shared memory files too: one kernel's alone
            _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "size=256m,mode=1777")
        _bind_back(tops, fds)
    finally:
        for fd in fds:
            os.close(fd)


def _drop_root(user: str, own: str, boot_dir: str, processes: int = 0) -> None:
    """Become `user` in every thread (glibc applies setuid to all); it owns its folder.

    `processes` > 0 caps the user's processes and threads (RLIMIT_NPROC counts every task of
    the real user id; root ignores it, so it only means something once root is dropped)."""
    entry = pwd.getpwnam(user)
    os.chown(own, entry.pw_uid, entry.pw_gid)
    _matplotlib_home(os.path.join(boot_dir, "home"), entry.pw_uid, entry.pw_gid)
    needed = [sys.base_prefix, sys.base_exec_prefix, sys.prefix, *sys.path, own, boot_dir]
    _private_tmp(needed)
    _make_reachable([p for p in needed if p], entry.pw_uid, entry.pw_gid)
    os.chdir(own)  # through the path bound back above, if any
    os.setgroups([])
    os.setgid(entry.pw_gid)
    os.setuid(entry.pw_uid)
    if os.getuid() == 0 or os.geteuid() == 0:
        raise OSError("could not drop root")
    if processes > 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))


def enter(path: str) -> None:
    """Move this kernel to its notebook's folder before any learner code runs.

    In a confined kernel (see `isolate`) the rest of autograded/ disappears first and the
    kernel stops being root; the working directory is entered before that, so the folder is
    usable even when its ancestors are closed to the unprivileged user.
    """
    own = os.path.realpath(path)
    boot_dir = os.getcwd()  # the kernel's own scratch folder, made by the pool
    if _pending.get("confine"):
        _confine(os.path.realpath(_pending["confine"]), own)
    os.chdir(own)
    if _pending.get("user"):
        _drop_root(_pending["user"], own, boot_dir, int(_pending.get("processes") or 0))
    _pending.clear()


def option_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("--cpu-seconds", type=int, default=0)
    parser.add_argument("--file-mb", type=int, default=0)
    parser.add_argument("--no-network", action="store_true")
    parser.add_argument("--readonly", action="append", default=[])
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("--confine", default="")
    parser.add_argument("--user", default="")
    parser.add_argument("--max-processes", type=int, default=0)
    parser.add_argument("--preload", default="")
    return parser


INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def preload(modules: list[str]) -> None:
    """Import modules so the kernel starts warm; a module that fails to import is skipped.

    Then every loaded module of the same top-level packages that defines a `warm_up()` of its
    own has it called once, to fill the caches its first real use would fill (the review engine
    loads its rules, opencc and calendars): forked kernels inherit them, so no learner's
    notebook pays for them again.
    """
    if any(m.split(".")[0] == "matplotlib" for m in modules):
        # matplotlib reads its backend from MPLBACKEND when imported; ipykernel sets it so
        # before any cell runs, so a kernel that imports matplotlib later gets the same.
        os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional module only costs speed
            pass
    tops = {m.split(".")[0] for m in modules}
    for name, module in sorted(sys.modules.items()):
        if name.split(".")[0] not in tops:
            continue
        warm_up = getattr(module, "warm_up", None)
        if callable(warm_up) and getattr(warm_up, "__module__", None) == name:
            try:
                warm_up()
            except Exception:  # noqa: BLE001 - a cold cache only costs speed
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
