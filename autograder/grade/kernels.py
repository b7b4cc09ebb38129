"""Warm kernels: started ahead of need inside the sandbox, each handed to exactly one notebook.

A pool keeps `ahead` kernels booting in the background (its process imports ipykernel and the
course's modules while another notebook executes). `take()` hands one out and immediately starts
its replacement; the caller shuts the kernel down after its one notebook. No kernel is ever reused,
so no state passes between learners.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.utils import run_sync

from autograder.grade.course import Limits
from autograder.grade.zygote import ForkedProcess, Zygote

# Runs the sandbox from the grader's own package root without leaving that root on sys.path.
_BOOT = (
    "import sys; sys.path.insert(0, {root!r}); import autograder.grade.sandbox as s; "
    "del sys.path[0]; s.main()"
)
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
HISTORY_ARG = "--HistoryManager.hist_file=:memory:"


class QuickReadyClient(AsyncKernelClient):
    """jupyter_client's client, with its readiness check polling IOPub every 10 ms.

    The stock check waits 200 ms for an IOPub message after each kernel_info reply and another
    200 ms to flush IOPub at the end: 0.2-0.4 s of idle waiting per kernel, that is per notebook.
    The protocol is the same; stray status messages left over are ignored by nbclient, which
    only reads messages that answer its own requests.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.time() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:  # IOPub is subscribed once it shows us the kernel's status
                        await self.iopub_channel.get_msg(timeout=0.01)
                    except Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(msg)
                        break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.time() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await self.iopub_channel.get_msg(timeout=0.01)
            except Empty:
                break


class SandboxedKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose Python kernels start through autograder.grade.sandbox."""

    sandbox_args: list[str] = []
    launch_dir: str = ""
    warm = False
    zygote = None

    async def _async_wait(self, pollinterval: float = 0.005) -> None:
        # jupyter_client polls a killed kernel every 100 ms; it is gone within a few
        await super()._async_wait(pollinterval)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        if self.zygote is not None:
            self.provisioner.__class__ = ZygoteProvisioner  # same state, forks instead of Popen
            self.provisioner.zygote = self.zygote
        await super()._async_launch_kernel(kernel_cmd, **kw)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        if len(cmd) >= 3 and cmd[1:3] == ["-m", "ipykernel_launcher"]:
            boot = _BOOT.format(root=PACKAGE_ROOT)
            return [cmd[0], "-c", boot, *self.sandbox_args, "--", *cmd[1:]]
        return cmd


def kernel_env() -> dict[str, str]:
    """The kernel's environment: the grader's own plus what nbgrader sets while autograding."""
    env = dict(os.environ)
    env["NBGRADER_EXECUTION"] = "autograde"
    return env


class KernelPool:
    """Pre-started sandboxed kernels for one kernel name, one per notebook, never reused."""

    def __init__(
        self,
        limits: Limits,
        preload: tuple[str, ...],
        kernel_name: str = "python3",
        ahead: int = 1,
        fork: bool = True,
        zygote=None,
    ) -> None:
        self.limits = limits
        self.preload = preload
        self.kernel_name = kernel_name
        self.ahead = ahead
        self.tmp = tempfile.mkdtemp(prefix="agk-")  # short: unix socket paths are limited
        if limits.user:  # the kernel, once unprivileged, reaches its own folder (not listable)
            os.chmod(self.tmp, 0o711)
        self._count = 0
        self._ready: deque[SandboxedKernelManager] = deque()
        self.zygote = zygote
        if fork and zygote is None:
            self.zygote = Zygote(limits.sandbox_args(preload))
        self.fill()

    def _start(self) -> SandboxedKernelManager:
        self._count += 1
        kdir = Path(self.tmp) / f"k{self._count}"
        kdir.mkdir(mode=0o711)
        km = SandboxedKernelManager(kernel_name=self.kernel_name)
        km.client_class = "autograder.grade.kernels.QuickReadyClient"
        km.sandbox_args = self.limits.sandbox_args(self.preload)
        km.launch_dir = str(kdir)
        km.warm = True
        km.zygote = self.zygote
        km.connection_file = str(kdir / "kernel.json")
        if not self.limits.network:
            # The kernel lives in its own network namespace: talk over unix sockets.
            km.transport = "ipc"
            km.ip = str(kdir / "s")
        if self.zygote is not None and not self.zygote.alive():
            # learner code may have killed its zygote: start another, lose nothing
            self.zygote = km.zygote = Zygote(self.limits.sandbox_args(self.preload))
        run_sync(km.start_kernel)(extra_arguments=[HISTORY_ARG], cwd=str(kdir), env=kernel_env())
        return km

    def fill(self) -> None:
        while len(self._ready) < self.ahead:
            self._ready.append(self._start())

    def take(self, refill: bool = True) -> SandboxedKernelManager:
        """A booting or booted kernel for one notebook; its replacement starts at once unless
        `refill` is False (no more work is expected: a spare kernel would be wasted CPU)."""
        km = self._ready.popleft() if self._ready else self._start()
        if not run_sync(km.is_alive)() or (km.zygote is not None and not km.zygote.alive()):
            # killed while waiting, or orphaned with its zygote (e.g. by the previous learner's
            # code) and about to exit: never hand it out
            self.discard(km)
            km = self._start()
        if refill:
            self.fill()
        return km

    def discard(self, km: SandboxedKernelManager) -> None:
        """Shut a used kernel down and remove its files."""
        try:
            if km.has_kernel:
                run_sync(km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001 - a dead kernel is already gone
            pass
        finally:
            shutil.rmtree(km.launch_dir, ignore_errors=True)

    def close(self) -> None:
        while self._ready:
            self.discard(self._ready.popleft())
        if self.zygote is not None:
            self.zygote.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def python_kernel(kernel_name: str) -> bool:
    """Whether a kernel name runs this interpreter's ipykernel (the only kind the pool warms)."""
    from jupyter_client.kernelspec import KernelSpecManager

    try:
        spec = KernelSpecManager().get_kernel_spec(kernel_name)
    except Exception:  # noqa: BLE001
        return False
    return spec.argv[1:3] == ["-m", "ipykernel_launcher"] and spec.argv[0] in {
        "python",
        "python3",
        sys.executable,
    }


class ZygoteProvisioner(LocalProvisioner):
    """LocalProvisioner whose sandboxed kernels come from the zygote instead of Popen."""

    zygote: Zygote | None = None

    async def wait(self) -> int | None:
        """As LocalProvisioner.wait, polling every 5 ms: a killed kernel is gone within a few."""
        import asyncio

        if isinstance(self.process, ForkedProcess):
            while self.process.poll() is None:
                await asyncio.sleep(0.005)
            code = self.process.returncode
            self.process = None
            return code
        return await super().wait()

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        if self.zygote is None or "--" not in cmd:
            return await super().launch_kernel(cmd, **kwargs)
        rest = cmd[cmd.index("--") + 1 :]  # ["-m", module, *args]
        cwd = str(kwargs.get("cwd") or os.getcwd())
        env = dict(kwargs.get("env") or os.environ)
        pid = self.zygote.spawn(rest[1], rest[2:], cwd, env)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info
