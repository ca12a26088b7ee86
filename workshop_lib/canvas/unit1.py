"""Unit 1 canvases: draw the market pool, quantify the purchase flow, pick leverage points."""

from __future__ import annotations

import ipywidgets as widgets

from ..analysis.funnel import stage_counts
from ..data.schema import category_label, get_table
from ..i18n import t
from ..plan import FlowStep, LeveragePoint, PoolLevel
from .base import Canvas

MAX_LEVERAGE_POINTS = 3
"""The course asks each group for three leverage points."""


class _ScenarioFunnel(Canvas):
    """Prefills from the latest period of the scenario's patient funnel, summed over regions."""

    def funnel_counts(self) -> list[tuple[str, float]]:
        """``[(stage label, patients)]`` of the latest period, in funnel order."""
        counts = stage_counts(self.table("patient_funnel"))
        kind = get_table("patient_funnel").column("stage").category
        return [(category_label(kind, stage, self.lang), float(n)) for stage, n in counts.items()]


class MarketScopeCanvas(_ScenarioFunnel):
    """Draw the pool: the market from the whole population down to the brand's patients."""

    exercise = "market_scope"

    def prefill(self) -> None:
        if not self.model.levels:
            self.model.levels = [PoolLevel(label=s, count=c) for s, c in self.funnel_counts()]

    def build(self) -> list[widgets.Widget]:
        scope = self.model
        return [
            self.text(scope, "definition", "market_definition", multiline=True, rows=2),
            self.rows(
                scope,
                "levels",
                PoolLevel,
                [("label", "level", "text"), ("count", "count", "number")],
            ),
            self.text(scope, "notes", "notes", multiline=True, rows=2),
        ]


class PurchaseFlowCanvas(_ScenarioFunnel):
    """Quantify each step of the diagnosis and treatment flow."""

    exercise = "purchase_flow"

    def prefill(self) -> None:
        if not self.model.steps:
            self.model.steps = [FlowStep(name=s, count=c) for s, c in self.funnel_counts()]

    def build(self) -> list[widgets.Widget]:
        return [
            self.rows(
                self.model,
                "steps",
                FlowStep,
                [("name", "step", "text"), ("count", "count", "number")],
            )
        ]


class LeveragePointsCanvas(PurchaseFlowCanvas):
    """Choose up to three leverage points on the flow, most important first, with reasons."""

    exercise = "leverage_points"
    figure = "purchase_flow"  # the flow with the chosen leverage points highlighted

    def build(self) -> list[widgets.Widget]:
        flow = self.model
        while len(flow.leverage_points) < MAX_LEVERAGE_POINTS:
            flow.leverage_points.append(LeveragePoint())
        steps = [(t("canvas.none_chosen"), "")] + [(s.name, s.name) for s in flow.steps if s.name]
        blocks = []
        for rank, point in enumerate(flow.leverage_points[:MAX_LEVERAGE_POINTS], start=1):
            blocks.append(
                widgets.VBox(
                    [
                        widgets.HTML(f"<b>{t('canvas.leverage_rank', n=rank)}</b>"),
                        self.choice(point, "step", "step", steps),
                        self.text(point, "idea", "idea"),
                        self.text(point, "rationale", "rationale", multiline=True, rows=2),
                    ]
                )
            )
        return blocks
