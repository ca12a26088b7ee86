"""Fixtures for the whole suite: a headless matplotlib, closed figures, a clean language."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from workshop_lib import i18n


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every figure a test opened, so memory and state don't leak between tests."""
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    """Each test starts in the default language (Chinese) whatever the environment says."""
    monkeypatch.delenv("WORKSHOP_LANG", raising=False)
    i18n.set_language(None)
    yield
    i18n.set_language(None)
