"""The call simulator in a real browser: JupyterLab + Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from serverkit import free_port, stop, wait_for_server

from autograder.toolenv import tool_env
from course.simulator import load_scenario, paths_to_endings, play

REPO = Path(__file__).resolve().parents[2]
ASSIGNMENT = "05-call-simulation"
SCENARIO = "forgot-early"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.timeout(420)]


@pytest.fixture
def lab(tmp_path):
    """JupyterLab serving a copy of the release notebook; stopped when the test ends."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium; CI installs it)")
    work = tmp_path / "lab"
    shutil.copytree(REPO / "release" / ASSIGNMENT, work)
    port, token = free_port(), os.urandom(12).hex()
    env = tool_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "jupyter-config")  # no user settings leak in
    log = tmp_path / "lab.log"
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(
            cmd, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_server(f"{base}/api/status?token={token}", proc, log)
        yield {"base": base, "token": token, "chromium": chromium, "log": log}
    finally:
        stop(proc)


def test_play_one_scenario_in_jupyterlab(lab):
    from playwright.sync_api import expect, sync_playwright

    scenario = load_scenario(SCENARIO)
    path = paths_to_endings(scenario)["end-commit"]
    expected = play(SCENARIO, path)
    day = expected.scorecard().commitment_day.isoformat()
    url = f"{lab['base']}/lab/tree/{ASSIGNMENT}.ipynb?token={lab['token']}"
    ARTIFACTS.mkdir(exist_ok=True)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=lab["chromium"], args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.set_default_timeout(90_000)
            page.goto(url)
            page.locator(".jp-Notebook").first.wait_for()
            # The kernel is up when the status bar says Idle.
            expect(page.locator(".jp-StatusBar-Widget", has_text="Idle").first).to_be_visible(
                timeout=120_000
            )
            # Run every cell: execution stops at the first empty answer cell, after the player.
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            player = page.locator(".sim-player").first
            player.wait_for(timeout=180_000)
            for step, choice_id in enumerate(path):
                session = play(SCENARIO, path[:step])
                (choice,) = [c for c in session.options() if c.id == choice_id]
                player.get_by_title(choice.say.zh, exact=True).click()
                expect(player.locator(".sim-transcript")).to_contain_text(choice.say.zh)
            scorecard = player.locator(".sim-scorecard")
            expect(scorecard).to_contain_text("合规地拿到了具体日期的承诺", timeout=60_000)
            expect(scorecard).to_contain_text(day)
            shown = player.locator(".sim-transcript").inner_text()
            assert shown.strip() == expected.transcript
            expect(player.locator(".sim-code")).to_contain_text(expected.script())
            page.screenshot(path=str(ARTIFACTS / "simulator-browser.png"), full_page=True)
            # The language toggle redraws the same call in English; restart clears it.
            player.get_by_role("button", name="English", exact=True).click()
            expect(player.locator(".sim-transcript")).to_contain_text(
                expected.transcript_in("en").splitlines()[1]
            )
            expect(player.locator(".sim-scorecard")).to_contain_text("A dated commitment secured")
            page.screenshot(path=str(ARTIFACTS / "simulator-browser-en.png"), full_page=True)
            player.get_by_role("button", name="Restart").click()
            expect(player.locator(".sim-scorecard")).to_have_count(0)
            assert len(player.locator(".sim-transcript").inner_text().strip().splitlines()) == 1
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "simulator-browser-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
