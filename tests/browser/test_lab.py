"""Unit 1 in JupyterLab, in Chromium: the trainer opens it, runs every cell, and nothing fails."""

from __future__ import annotations

import json
import re
import secrets
import time

import pytest
from browsing import screenshot, start
from serving import fetch

from workshop_lib.i18n import t

pytestmark = pytest.mark.slow

TOKEN = secrets.token_hex(16)
NOTEBOOK = "notebooks/zh/01_market_scope.ipynb"
PROBLEMS = (
    '[data-mime-type="application/vnd.jupyter.stderr"],'
    '[data-mime-type="application/vnd.jupyter.error"]'
)
"""Outputs that show a traceback or anything written to stderr (warnings included)."""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    yield from start("lab", tmp_path_factory, "/api", options=("--token", TOKEN))


PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
"""The notebook on screen (the welcome notebook stays open in a tab behind it)."""


RUN_ALL_S = 240
NUMBERED = re.compile(r"\[\d+\]:")


def prompts(page) -> list[str]:
    """Every code cell's prompt, ``[n]:`` once run (read from the DOM: off-screen cells too)."""
    cells = page.locator(f"{PANEL} .jp-CodeCell .jp-InputPrompt")
    return cells.evaluate_all("cells => cells.map(cell => cell.textContent.trim())") or [""]


def wait_for_kernel(page, lab, deadline_s: float = 180) -> None:
    """Wait until the server reports the notebook's kernel idle.

    The toolbar's execution indicator says "idle" before the kernel exists; restarting then fails
    with "No kernel to restart" and no cell ever runs. The page waits (rather than the test
    sleeping) so that Playwright keeps serving the page's requests meanwhile.
    """
    deadline = time.monotonic() + deadline_s
    while True:
        code, body = fetch(f"{lab.url}/api/sessions?token={TOKEN}")
        sessions = json.loads(body) if code == 200 else []
        if any(
            session["path"].endswith(NOTEBOOK)
            and (session.get("kernel") or {}).get("execution_state") == "idle"
            for session in sessions
        ):
            return
        assert time.monotonic() < deadline, f"no idle kernel for {NOTEBOOK}: {sessions}"
        page.wait_for_timeout(500)


def test_unit_1_runs_all_cells_in_jupyterlab_without_errors(page, lab):
    page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}?token={TOKEN}", timeout=180_000)
    page.locator(f"{PANEL} .jp-NotebookPanel-notebook").wait_for(timeout=180_000)
    wait_for_kernel(page, lab)

    # the toolbar's "restart the kernel and run all cells", confirmed (any UI language)
    page.locator(f"{PANEL} [data-command='notebook:restart-run-all']").click()
    page.locator(".jp-Dialog .jp-mod-accept").click()

    deadline = time.monotonic() + RUN_ALL_S
    while not all(NUMBERED.fullmatch(text) for text in prompts(page)):
        assert not page.problems.errors, page.problems.errors
        assert time.monotonic() < deadline, f"cells still running after {RUN_ALL_S} s"
        page.wait_for_timeout(1000)
    problems = page.locator(PANEL).locator(PROBLEMS)
    assert problems.count() == 0, problems.all_inner_texts()
    # the widgets were drawn by JupyterLab's widget manager, not left as a text placeholder
    page.get_by_role("button", name=t("canvas.open_group", "zh")).wait_for()
    assert page.locator(f"{PANEL} img").count() >= 3  # the unit's diagrams
    assert not page.problems.errors
    screenshot(page, "lab_zh_01_market_scope")
