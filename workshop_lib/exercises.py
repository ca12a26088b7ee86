"""The group exercises, each declared once: what it is called, where it lives, what it shows.

An :class:`Exercise` names its parts: the plan section it edits, its canvas, the diagram drawn
from the plan, the answer the report, gallery and workbook show, what "complete" means for the
progress table, its lines on the framework page, the worked example it starts from. Every other
part of the package reads :data:`EXERCISES` instead of keeping a list of its own, so adding an
exercise is one declaration here, its functions and its messages (see ``docs/exercises.md``).

The parts are named as ``"module.function"`` inside the package and imported when first used:
the registry imports nothing but the plan, so modules that use it (progress, plan_figures, the
canvases) can also provide its parts without an import cycle.

Examples
--------
>>> EXERCISES["persona"].number, EXERCISES["persona"].section
('3.2', 'persona')
>>> [ex.id for ex in EXERCISES.values() if ex.unit == 1]
['market_scope', 'purchase_flow', 'leverage_points']
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from .i18n import t
from .plan import BrandPlan


@cache
def part(name: str) -> Any:
    """The object ``"module.name"`` names inside the package, e.g. ``"answers.persona"``."""
    module, _, attr = name.rpartition(".")
    return getattr(importlib.import_module(f"{__package__}.{module}"), attr)


@dataclass(frozen=True)
class Exercise:
    """One group exercise and the functions that make up its parts.

    Attributes
    ----------
    id : str
        The exercise's id: ``show(id)`` in a notebook, catalog keys ``canvas.<id>.title`` and
        ``canvas.<id>.help``, ``trainer.sheet.<id>``.
    number : str
        Unit and place as the course numbers it, e.g. ``"3.2"``.
    section : str
        The plan section the exercise edits.
    canvas : str
        Its canvas class, e.g. ``"canvas.unit3.PersonaCanvas"``.
    answer : str
        ``f(plan) -> answers.Answer``: the group's answer as fields and rows.
    done : str
        ``f(plan) -> bool``: whether the group has completed it.
    figure : str or None
        ``f(plan, lang) -> Axes or None``: its diagram drawn from the plan; None when it has none.
    summary : tuple of str
        ``f(plan) -> HTML or None``: its parts of the framework page (each titled by
        ``summary.part.<function name>``), in order.
    fields : tuple of str
        The fields of ``section`` it edits, when it shares the section with another exercise;
        empty for the whole section.
    example : str or None
        The diagram example (:mod:`workshop_lib.diagrams.examples`) the worked example's
        section is, when it is one.
    from_scenario : bool
        Whether its canvas starts from the scenario's numbers, which the worked example takes
        too (pool levels, flow counts, segmentation variables).
    bars : int or None
        The column of its answer's rows that the gallery draws as bars.
    """

    id: str
    number: str
    section: str
    canvas: str
    answer: str
    done: str
    figure: str | None = None
    summary: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    example: str | None = None
    from_scenario: bool = False
    bars: int | None = None

    @property
    def unit(self) -> int:
        """The course unit, 1–5."""
        return int(self.number.split(".")[0])

    def title(self, lang: str | None = None) -> str:
        """The exercise's title, e.g. "练习 3.2 客户肖像"."""
        return t(f"canvas.{self.id}.title", lang=lang)

    def read(self, plan: BrandPlan) -> Any:
        """The group's answer (:class:`workshop_lib.answers.Answer`)."""
        return part(self.answer)(plan)

    def complete(self, plan: BrandPlan) -> bool:
        """Whether ``plan`` has completed this exercise."""
        return part(self.done)(plan)

    def draw(self, plan: BrandPlan, lang: str) -> Any:
        """The diagram as matplotlib Axes, or None when it has none or nothing is filled."""
        return None if self.figure is None else part(self.figure)(plan, lang)

    def canvas_class(self) -> type:
        """The canvas class (importing the widgets)."""
        return part(self.canvas)

    def framework_parts(self, plan: BrandPlan) -> list[tuple[str, str | None]]:
        """``(part name, HTML or None)`` of its lines on the framework page."""
        return [(name.rpartition(".")[2], part(name)(plan)) for name in self.summary]

    def clear(self, plan: BrandPlan) -> None:
        """Empty what this exercise holds in ``plan``."""
        section = getattr(plan, self.section)
        empty = type(section)()
        if not self.fields:
            setattr(plan, self.section, empty)
        for name in self.fields:
            setattr(section, name, getattr(empty, name))


_DECLARED = (
    Exercise(
        "market_scope",
        "1.1",
        "market_scope",
        canvas="canvas.unit1.MarketScopeCanvas",
        answer="answers.market_scope",
        done="progress.market_scope_done",
        figure="plan_figures.market_scope",
        summary=("summary.definition", "summary.pool"),
        from_scenario=True,
        bars=1,
    ),
    Exercise(
        "purchase_flow",
        "1.2",
        "purchase_flow",
        canvas="canvas.unit1.PurchaseFlowCanvas",
        answer="answers.purchase_flow",
        done="progress.purchase_flow_done",
        figure="plan_figures.purchase_flow",
        fields=("steps",),
        from_scenario=True,
        bars=1,
    ),
    Exercise(
        "leverage_points",
        "1.3",
        "purchase_flow",
        canvas="canvas.unit1.LeveragePointsCanvas",
        answer="answers.leverage_points",
        done="progress.leverage_points_done",
        summary=("summary.leverage",),
        fields=("leverage_points",),
    ),
    Exercise(
        "segmentation",
        "2.1",
        "segmentation",
        canvas="canvas.unit2.SegmentationCanvas",
        answer="answers.segmentation",
        done="progress.segmentation_done",
        figure="plan_figures.segmentation",
        summary=("summary.variables", "summary.priorities"),
        from_scenario=True,
    ),
    Exercise(
        "attractiveness",
        "3.1",
        "attractiveness",
        canvas="canvas.unit3.AttractivenessCanvas",
        answer="answers.attractiveness",
        done="progress.attractiveness_done",
        figure="plan_figures.attractiveness",
        summary=("summary.ranking",),
        bars=1,
    ),
    Exercise(
        "persona",
        "3.2",
        "persona",
        canvas="canvas.unit3.PersonaCanvas",
        answer="answers.persona",
        done="progress.persona_done",
        figure="plan_figures.persona",
        summary=("summary.persona",),
        example="persona_card",
    ),
    Exercise(
        "behaviour_map",
        "3.3",
        "behaviour_map",
        canvas="canvas.unit3.BehaviourMapCanvas",
        answer="answers.behaviour_map",
        done="progress.behaviour_map_done",
        figure="plan_figures.behaviour_map",
        summary=("summary.stages",),
        example="behaviour_map",
    ),
    Exercise(
        "benefit_ladder",
        "4.1",
        "benefit_ladder",
        canvas="canvas.unit4.BenefitLadderCanvas",
        answer="answers.benefit_ladder",
        done="progress.benefit_ladder_done",
        figure="plan_figures.benefit_ladder",
        summary=("summary.ladder",),
        example="benefit_ladder",
    ),
    Exercise(
        "brand_assessment",
        "4.2",
        "brand_assessment",
        canvas="canvas.unit4.BrandAssessmentCanvas",
        answer="answers.brand_assessment",
        done="progress.brand_assessment_done",
        figure="plan_figures.brand_assessment",
        summary=("summary.strengths", "summary.weaknesses"),
        example="brand_assessment",
    ),
    Exercise(
        "communication",
        "4.3",
        "communication",
        canvas="canvas.unit4.CommunicationCanvas",
        answer="answers.communication",
        done="progress.communication_done",
        summary=("summary.strategy",),
    ),
    Exercise(
        "activity_plan",
        "5.1",
        "activity_plan",
        canvas="canvas.unit5.ActivityPlanCanvas",
        answer="answers.activity_plan",
        done="progress.activity_plan_done",
        figure="plan_figures.activity_plan",
        summary=("summary.activities",),
        example="activity_plan",
    ),
)

EXERCISES: dict[str, Exercise] = {ex.id: ex for ex in _DECLARED}
"""The group exercises in course order, by id."""
