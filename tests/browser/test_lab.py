"""Unit 1 in JupyterLab, in Chromium: the trainer opens it, runs every cell, and nothing fails."""

from __future__ import annotations

import re
import secrets

import pytest
from browsing import screenshot, start

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


def prompts(page) -> list[str]:
    return page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()


def test_unit_1_runs_all_cells_in_jupyterlab_without_errors(page, lab):
    page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}?token={TOKEN}", timeout=180_000)
    first = page.locator(".jp-Notebook .jp-Cell").first
    first.wait_for(timeout=180_000)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=180_000)

    # command mode, select every cell, run the selection (the same in every UI language)
    first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+A")
    page.keyboard.press("Shift+Enter")

    page.wait_for_function(
        """() => {
            const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                .map(e => e.textContent);
            return p.length > 0 && p.every(text => /\\[\\d+\\]/.test(text));
        }""",
        timeout=240_000,
    )
    assert all(re.search(r"\[\d+\]", text) for text in prompts(page))
    assert page.locator(PROBLEMS).count() == 0, page.locator(PROBLEMS).all_inner_texts()
    # the widgets were drawn by JupyterLab's widget manager, not left as a text placeholder
    page.get_by_role("button", name=t("canvas.open_group", "zh")).wait_for()
    assert page.locator(".jp-Notebook img").count() >= 3  # the unit's diagrams
    assert not page.problems.errors
    screenshot(page, "lab_zh_01_market_scope")
