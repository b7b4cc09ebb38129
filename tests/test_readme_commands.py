"""The README's two set-up commands: exactly two, CI runs the second, and the first opens the course."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from serverkit import free_port, stop, wait_for_server

REPO = Path(__file__).resolve().parent.parent
WELCOME = "release/00-welcome/00-welcome.ipynb"


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    assert readme_commands() == ["bash scripts/open.sh", "bash scripts/test.sh"]
    for command in readme_commands():
        assert (REPO / command.split()[1]).is_file(), command
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec bash scripts/test\.sh\b", ci, re.M), "CI must run the README command"


def get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=20) as resp:
        return resp.geturl(), resp.read()


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_open_command_installs_and_serves_the_course(tmp_path):
    """`bash scripts/open.sh` verbatim (plus a port, a token and no browser): JupyterLab opens on
    the welcome notebook, with the course's kernel and the formgrader seeing every assignment."""
    if Path(sys.prefix).resolve() != (REPO / ".venv").resolve():
        pytest.skip("runs inside the README's own environment (./.venv, made by scripts/test.sh)")
    port, token = free_port(), os.urandom(12).hex()
    env = dict(os.environ)
    # the server's settings and the gradebook it may create stay out of the repository
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        COURSE_DB_URL=f"sqlite:///{tmp_path / 'gradebook.db'}",
    )
    log = tmp_path / "open.log"
    command = readme_commands()[0].split()
    extra = ["--no-browser", f"--port={port}", f"--IdentityProvider.token={token}"]
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*command, *extra],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_server(f"{base}/api/status?token={token}", proc, log, timeout=540)
        landing, _ = get(f"{base}/?token={token}")
        assert landing.split("?")[0] == f"{base}/lab/tree/{WELCOME}"
        _, body = get(f"{base}/api/contents/{WELCOME}?token={token}")
        notebook = json.loads(body)["content"]
        graded = [c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade")]
        assert len(graded) >= 4
        _, body = get(f"{base}/api/kernelspecs?token={token}")
        assert "python3" in json.loads(body)["kernelspecs"]
        _, body = get(f"{base}/formgrader/api/assignments?token={token}")
        names = {a["name"] for a in json.loads(body)}
        assert names == {p.name for p in (REPO / "source").iterdir() if p.is_dir()}
    finally:
        stop(proc)
    assert "Opening the course" in log.read_text(errors="replace")
