"""Widget canvases: one per group exercise, each bound to a section of the group's plan.

``CANVASES`` maps an exercise id to its canvas class::

    canvas = CANVASES["market_scope"](plan)
    canvas.widget        # display this in a notebook

In a notebook, :func:`pick_group` shows the group picker and :func:`show` an exercise for the
chosen group, one line each.

This is the only part of the package that imports ipywidgets.
"""

from __future__ import annotations

from ..exercises import EXERCISES
from .base import Canvas
from .session import (
    Workbook,
    example,
    example_framework,
    pick_group,
    show,
    show_framework,
    show_quiz,
    show_review,
)
from .whatif import whatif

CANVASES: dict[str, type[Canvas]] = {ex.id: ex.canvas_class() for ex in EXERCISES.values()}
"""Exercise id → canvas class, in course order (from :data:`workshop_lib.exercises.EXERCISES`)."""

__all__ = [
    "CANVASES",
    "Canvas",
    "Workbook",
    "example",
    "example_framework",
    "pick_group",
    "show",
    "show_framework",
    "show_quiz",
    "show_review",
    "whatif",
]
