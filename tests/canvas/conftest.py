"""Fixtures for driving canvases in-process, as a browser would set widget values."""

from __future__ import annotations

import pytest

from workshop_lib.canvas import CANVASES
from workshop_lib.plan import BrandPlan


@pytest.fixture
def plan(tmp_path) -> BrandPlan:
    """A group's plan that has a file, so canvases autosave it."""
    p = BrandPlan(group="第一组", members=["王芳"])
    p.save(tmp_path / "groups" / "第一组.json")
    return p


@pytest.fixture
def open_canvas(plan):
    """Build a canvas of an exercise on the plan; flushes its autosave at the end."""
    made = []

    def build(exercise: str, **kws):
        canvas = CANVASES[exercise](plan, **kws)
        made.append(canvas)
        return canvas

    yield build
    for canvas in made:
        canvas.flush()
