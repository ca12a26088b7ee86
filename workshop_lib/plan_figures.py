"""A plan's diagrams, drawn from its sections for the report (no widgets involved).

Each exercise's diagram is a function named like the exercise, ``f(plan, lang) -> Axes``
(the registry's ``figure``, :mod:`workshop_lib.exercises`). :func:`draw` gives the diagram of
one exercise as matplotlib Axes, or None when the group has written nothing there;
:func:`svg` renders a figure as an SVG picture whose text is drawn as outlines, so it looks the
same in any browser and in a PDF, whatever fonts the reader has.

The segmentation matrix is computed on the active scenario's ``hcps`` table, the same customer
table the group segmented in class.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from . import data, diagrams, style
from .analysis.segmentation import Segmentation as Framework
from .analysis.segmentation import framework
from .data.schema import get_table
from .exercises import EXERCISES
from .i18n import t
from .plan import RUNGS, BrandPlan

SEPARATOR = "|"
"""Joins a priority cell's row and column level in the plan: ``"high|aware"``."""


def _counts(items: list[Any], name: str) -> dict[str, float]:
    """``{label: count}`` of the rows with both; a repeated label is an error."""
    counts: dict[str, float] = {}
    for item in items:
        label = getattr(item, name).strip()
        if label and item.count is not None:
            if label in counts:
                raise ValueError(t("canvas.duplicate_label", label=label))
            counts[label] = item.count
    return counts


def market_scope(plan: BrandPlan, lang: str) -> Axes | None:
    """The market pool of the pool levels."""
    counts = _counts(plan.market_scope.levels, "label")
    return diagrams.market_pool(counts, lang=lang) if counts else None


def purchase_flow(plan: BrandPlan, lang: str) -> Axes | None:
    """The purchase-flow funnel with the leverage points highlighted."""
    flow = plan.purchase_flow
    counts = _counts(flow.steps, "name")
    if not counts:
        return None
    leverage = [p.step for p in flow.leverage_points if p.step.strip() in counts]
    return diagrams.purchase_funnel(counts, leverage=leverage, lang=lang)


def segment_framework(plan: BrandPlan, hcps: Any = None) -> Framework:
    """The segmentation framework the plan's two variables define on the customer table.

    ``hcps`` defaults to the active scenario's table; category variables keep the data
    dictionary's order of levels, numeric ones the group's cut points (else tertiles).
    """
    seg = plan.segmentation
    if len(seg.variables) < 2 or seg.variables[0].key == seg.variables[1].key:
        raise ValueError(t("canvas.same_variable"))
    kwargs: dict[str, Any] = {}
    for axis, variable in zip(("row", "col"), seg.variables, strict=False):
        if variable.cut_points and not get_table("hcps").column(variable.key).category:
            kwargs[f"{axis}_cuts"] = variable.cut_points
    chosen = [tuple(p.split(SEPARATOR, 1)) for p in seg.priority_segments if SEPARATOR in p]
    return framework(
        data.load("hcps") if hcps is None else hcps,
        seg.variables[0].key,
        seg.variables[1].key,
        priority=chosen or 3,
        **kwargs,
    )


def segmentation(plan: BrandPlan, lang: str) -> Axes | None:
    """The segmentation matrix on the active scenario's customer table."""
    if not any(v.key.strip() for v in plan.segmentation.variables):
        return None
    try:
        result = segment_framework(plan)
    except KeyError as err:  # a variable the customer table does not have
        raise ValueError(t("trainer.unknown_variable", variable=err.args[0])) from None
    return diagrams.segment_matrix(result, lang=lang)


def attractiveness(plan: BrandPlan, lang: str) -> Axes | None:
    """The segments ranked by weighted attractiveness."""
    section = plan.attractiveness
    if not section.scores:
        return None
    weights = {c.key: c.weight for c in section.criteria} or None
    return diagrams.attractiveness_chart(section.scores, weights=weights, lang=lang)


def ladder_data(plan: BrandPlan) -> dict[str, Any]:
    """The benefit ladder as its diagram reads it: each rung's texts, links as places.

    A link to a line that is gone or empty is left out.
    """
    ladder = plan.benefit_ladder
    lines = {rung: [x for x in getattr(ladder, rung) if x.text.strip()] for rung in RUNGS}
    place = {rung: {x.id: i for i, x in enumerate(found)} for rung, found in lines.items()}
    links = {
        upper: [
            (place[lower][link.lower], place[upper][link.upper])
            for link in getattr(ladder.links, upper)
            if link.lower in place[lower] and link.upper in place[upper]
        ]
        for lower, upper in pairwise(RUNGS)
    }
    texts = {rung: [x.text for x in found] for rung, found in lines.items()}
    return {"brand": ladder.brand, **texts, "links": links}


def figure_data(plan: BrandPlan, section: str) -> dict[str, Any]:
    """A text-heavy section as its diagram reads it (e.g. for
    :func:`workshop_lib.diagrams.persona_card`)."""
    if section == "benefit_ladder":
        return ladder_data(plan)
    return getattr(plan, section).model_dump()


def _section(name: str, diagram: str) -> Callable[[BrandPlan, str], Axes]:
    def draw_section(plan: BrandPlan, lang: str) -> Axes:
        return getattr(diagrams, diagram)(figure_data(plan, name), lang=lang)

    return draw_section


persona = _section("persona", "persona_card")
behaviour_map = _section("behaviour_map", "behaviour_map")
benefit_ladder = _section("benefit_ladder", "benefit_ladder")
brand_assessment = _section("brand_assessment", "brand_assessment")
activity_plan = _section("activity_plan", "activity_plan")


def draw(plan: BrandPlan, exercise: str, lang: str) -> Axes | None:
    """The diagram of ``exercise`` for ``plan``, or None if it has none or nothing is filled.

    Raises
    ------
    ValueError
        If the group's input cannot be drawn (e.g. a label used twice); the message says why.
    """
    declared = EXERCISES.get(exercise)
    if declared is None or declared.figure is None or declared.read(plan).empty:
        return None
    with _missing_glyphs_quiet():
        return declared.draw(plan, lang)


@contextmanager
def _missing_glyphs_quiet() -> Iterator[None]:
    """Characters no installed font has (emoji, control characters a participant typed) are
    drawn as empty boxes without a warning; the report shows the text as typed beside them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        yield


def svg(ax: Axes) -> bytes:
    """The figure of ``ax`` as SVG with text as outlines, then closed."""
    fig = ax.figure
    buffer = io.BytesIO()
    try:
        with (
            style.workshop_style(),
            mpl.rc_context({"svg.fonttype": "path", "savefig.bbox": "standard"}),
            _missing_glyphs_quiet(),
        ):
            fig.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        plt.close(fig)
    return buffer.getvalue()
