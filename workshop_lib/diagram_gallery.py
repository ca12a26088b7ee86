"""The gallery of ``workshop diagrams``: all ten course diagrams drawn from the active scenario,
written as one PNG each.

The diagrams themselves only draw; this module reads what they draw and writes the files. The
data-driven diagrams read the scenario's tables (:func:`workshop_lib.data.load`); the text-heavy
ones show the worked example of :mod:`workshop_lib.diagrams.examples`. Group judgements the
tables cannot hold are example values: the attractiveness scores beyond size and value below,
and the KPI targets of :func:`workshop_lib.analysis.dashboard_tiles`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt

from . import analysis, data, diagrams, i18n
from .analysis.segmentation import framework
from .diagrams import examples, save_png
from .diagrams._common import level_label
from .i18n import t

NAMES = (
    "market_pool",
    "purchase_funnel",
    "segment_matrix",
    "attractiveness_chart",
    "persona_card",
    "behaviour_map",
    "benefit_ladder",
    "brand_assessment",
    "activity_plan",
    "kpi_dashboard",
)
"""The ten diagrams in the order of the course's units."""

EXTRA = {"attractiveness_chart_bubble": ("attractiveness_chart", {"kind": "bubble"})}
"""Variants drawn besides the ten: file stem → (diagram, keyword arguments)."""

STAGE_JUDGEMENT = {
    "unaware": {"growth": 4, "unmet_need": 5, "competition": 3, "access": 2, "fit": 3},
    "aware": {"growth": 5, "unmet_need": 4, "competition": 3, "access": 3, "fit": 4},
    "trial": {"growth": 4, "unmet_need": 3, "competition": 4, "access": 4, "fit": 4},
    "adopter": {"growth": 3, "unmet_need": 2, "competition": 4, "access": 5, "fit": 5},
    "advocate": {"growth": 2, "unmet_need": 2, "competition": 2, "access": 5, "fit": 5},
}
"""Example scores (1–5) a group might give a segment by its adoption stage."""


def _funnel_counts() -> Any:
    return data.load("patient_funnel")


def _leverage(table: Any) -> list[str]:
    """The three steps with the most leverage (:func:`workshop_lib.analysis.funnel`).

    The step into the diseased population (prevalence) is no marketing lever and is skipped.
    """
    steps = analysis.funnel(analysis.stage_counts(table)).iloc[2:]
    return list(steps.sort_values("rank", kind="stable").index[:3])


def _segmentation() -> Any:
    allowed = data.TABLES["hcps"].column("adoption_stage").allowed
    return framework(
        data.load("hcps"),
        "monthly_patients",
        "adoption_stage",
        col_levels=allowed,
        value="category_rx",
        priority=3,
    )


def _scores(lang: str) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Score the five most valuable cells of the segmentation as candidate segments."""
    cells = _segmentation().cells
    top = cells.sort_values("value", ascending=False, kind="stable").head(5)
    scores, sizes = {}, {}
    for _, cell in top.iterrows():
        name = t(
            "diagrams.gallery.segment",
            lang=lang,
            row=t(f"segmentation.level.{cell['row']}", lang=lang),
            col=level_label("hcps", "adoption_stage", cell["col"], lang),
        )
        scores[name] = {
            "size": round(1 + 4 * cell["count"] / top["count"].max()),
            "value": round(1 + 4 * cell["value"] / top["value"].max()),
            **STAGE_JUDGEMENT[cell["col"]],
        }
        sizes[name] = float(cell["count"])
    return scores, sizes


def inputs(lang: str | None = None) -> dict[str, tuple[str, Any, dict[str, Any]]]:
    """Return what each gallery picture draws: ``{stem: (diagram, data, keyword arguments)}``.

    Labels computed here follow ``lang`` (default: the active language).
    """
    with i18n.language(lang) as code:
        funnel = _funnel_counts()
        scores, sizes = _scores(code)
        drawn: dict[str, tuple[str, Any, dict[str, Any]]] = {
            "market_pool": ("market_pool", funnel, {}),
            "purchase_funnel": ("purchase_funnel", funnel, {"leverage": _leverage(funnel)}),
            "segment_matrix": ("segment_matrix", _segmentation(), {}),
            "attractiveness_chart": ("attractiveness_chart", scores, {"size": sizes}),
            "kpi_dashboard": ("kpi_dashboard", analysis.dashboard_tiles(), {}),
        }
        for name in examples.NAMES:
            drawn[name] = (name, examples.load(name, code), {})
        for stem, (name, kws) in EXTRA.items():
            _, payload, base = drawn[name]
            drawn[stem] = (name, payload, {**base, **kws})
    return {stem: drawn[stem] for stem in (*NAMES, *EXTRA)}


def render(out: str | Path, lang: str | None = None) -> list[Path]:
    """Draw every gallery picture into the folder ``out`` as ``<stem>.png``; return the paths."""
    written = []
    with i18n.language(lang) as code:
        for stem, (name, payload, kws) in inputs(code).items():
            ax = getattr(diagrams, name)(payload, lang=code, **kws)
            written.append(save_png(ax, Path(out) / f"{stem}.png"))
            plt.close(ax.figure)
    return written
