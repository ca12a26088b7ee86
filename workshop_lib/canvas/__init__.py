"""Widget canvases: one per group exercise, each bound to a section of the group's plan.

``CANVASES`` maps an exercise id to its canvas class::

    canvas = CANVASES["market_scope"](plan)
    canvas.widget        # display this in a notebook

In a notebook, :func:`pick_group` shows the group picker and :func:`show` an exercise for the
chosen group, one line each.

This is the only part of the package that imports ipywidgets.
"""

from __future__ import annotations

from .base import Canvas
from .unit1 import LeveragePointsCanvas, MarketScopeCanvas, PurchaseFlowCanvas
from .unit2 import SegmentationCanvas
from .unit3 import AttractivenessCanvas, BehaviourMapCanvas, PersonaCanvas
from .unit4 import BenefitLadderCanvas, BrandAssessmentCanvas, CommunicationCanvas
from .unit5 import ActivityPlanCanvas

CANVASES: dict[str, type[Canvas]] = {
    cls.exercise: cls
    for cls in (
        MarketScopeCanvas,
        PurchaseFlowCanvas,
        LeveragePointsCanvas,
        SegmentationCanvas,
        AttractivenessCanvas,
        PersonaCanvas,
        BehaviourMapCanvas,
        BenefitLadderCanvas,
        BrandAssessmentCanvas,
        CommunicationCanvas,
        ActivityPlanCanvas,
    )
}
"""Exercise id → canvas class, in course order."""

from .session import (  # noqa: E402 - needs CANVASES
    Workbook,
    example,
    example_framework,
    pick_group,
    show,
    show_framework,
    show_quiz,
    show_review,
)
from .whatif import whatif  # noqa: E402

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
