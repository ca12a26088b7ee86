"""Browser fixtures: the system Chromium through Playwright, and an offline page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browsing import CHROMIUM_ARGS, Problems, chromium_path

OFF_MACHINE = re.compile(r"^(?!http://127\.0\.0\.1[:/])")
"""Every address that leaves this machine: refused, as in a classroom without internet."""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """The system Chromium, for one test module.

    Playwright's synchronous API keeps an asyncio loop marked as running in this thread while it
    is open, so it closes with the module: the tests that follow (canvases redrawing on the loop
    they find) must see no loop.
    """
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "no Chromium found: install it (apt-get install chromium) or set WORKSHOP_CHROMIUM"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh offline page whose problems are collected in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    problems = Problems()
    # a pattern (not a Python predicate) so the browser filters without asking Python each time
    context.route(OFF_MACHINE, problems.refuse)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.problems = problems
    page.on("console", page.problems.console)
    page.on("pageerror", page.problems.page_error)
    page.on("response", page.problems.response)
    yield page
    context.close()
