"""Unit 2 canvas: the segmentation framework on two customer variables, with priority cells."""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.axes import Axes

from .. import diagrams, plan_figures
from ..analysis.segmentation import Segmentation as Framework
from ..data.schema import category_label, get_table
from ..fmt import parse_number
from ..i18n import t
from ..plan import SegmentVariable
from .base import Canvas

TABLE = "hcps"
VARIABLES = (
    "monthly_patients",
    "category_rx",
    "volume_decile",
    "adoption_stage",
    "hospital_tier",
    "title",
    "digital_affinity",
)
"""Customer variables a group can segment on: potential, behaviour and profile."""

PRIORITY_SLOTS = 3
SEPARATOR = plan_figures.SEPARATOR


def _category(column: str) -> str | None:
    return get_table(TABLE).column(column).category


def _cuts(text: str, field: str) -> list[float]:
    """Cut points typed as ``60, 150`` (any comma, full-width ones too), sorted."""
    parts = [p for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    values = [parse_number(p, field=field, minimum=None) for p in parts]
    return sorted(v for v in values if v is not None)


class SegmentationCanvas(Canvas):
    """Choose two variables and their cut points; rank the priority segments."""

    exercise = "segmentation"

    def prefill(self) -> None:
        if self.model.variables:
            return
        self.model.variables = [
            SegmentVariable(key="monthly_patients"),
            SegmentVariable(key="adoption_stage"),
        ]
        suggested = self.framework().rows.cuts or ()  # the data's tertiles, rounded
        self.model.variables[0].cut_points = [float(round(c)) for c in suggested]

    def build(self) -> list[widgets.Widget]:
        seg = self.model
        while len(seg.variables) < 2:
            seg.variables.append(SegmentVariable(key=VARIABLES[len(seg.variables)]))
        options = [(self._column_label(c), c) for c in VARIABLES]
        controls = []
        for variable, name in zip(seg.variables, ("row_variable", "column_variable"), strict=True):
            cuts = widgets.Text(
                value=", ".join(f"{c:g}" for c in variable.cut_points),
                description=self.label("cut_points"),
                placeholder=t("canvas.cut_points_hint"),
                style={"description_width": "8em"},
                layout=widgets.Layout(width="100%"),
            )
            self._bind(
                cuts,
                variable,
                "cut_points",
                lambda text: _cuts(text, self.label("cut_points")),
            )
            controls += [self.choice(variable, "key", name, options), cuts]
        self.priority_box = widgets.VBox()
        self._offering = False
        controls += [
            widgets.HTML(f"<b>{t('canvas.priority_title')}</b>"),
            self.priority_box,
            self.text(seg, "notes", "notes", multiline=True, rows=2),
        ]
        return controls

    def _column_label(self, column: str) -> str:
        spec = get_table(TABLE).column(column)
        return spec.label_zh if self.lang == "zh" else spec.label_en

    def _level(self, column: str, key: str) -> str:
        kind = _category(column)
        return category_label(kind, key, self.lang) if kind else t(f"canvas.level.{key}")

    def framework(self) -> Framework:
        """The framework the group's choices define on the scenario's customer table."""
        return plan_figures.segment_framework(self.plan, self.table(TABLE))

    def draw(self) -> Axes:
        result = self.framework()
        self._priority_choices(result)
        return diagrams.segment_matrix(result, lang=self.lang)

    def _priority_choices(self, result: Framework) -> None:
        """Offer the framework's cells in the three priority drop-downs.

        The drop-downs are made once and only their options and values change, so the one a
        participant is using keeps its place and redrawing sends the page nothing new.
        """
        cells = [
            (
                f"{self._level(result.rows.column, r)} × {self._level(result.cols.column, c)}",
                f"{r}{SEPARATOR}{c}",
            )
            for r, c in zip(result.cells["row"], result.cells["col"], strict=True)
        ]
        seg = self.model
        keys = [value for _, value in cells]
        current = [p for p in seg.priority_segments if p in keys]
        if current != list(seg.priority_segments):
            seg.priority_segments = current
        options = ((t("canvas.none_chosen"), ""), *cells)
        if not self.priority_box.children:
            self.priority_box.children = [
                widgets.Dropdown(
                    options=options,
                    description=t("canvas.priority_n", n=slot + 1),
                    style={"description_width": "8em"},
                    layout=widgets.Layout(width="100%"),
                )
                for slot in range(PRIORITY_SLOTS)
            ]
            for box in self.priority_box.children:
                box.observe(self._priority_changed, names="value")
        self._offering = True
        try:
            for slot, box in enumerate(self.priority_box.children):
                if box.options != options:
                    box.options = options
                box.value = current[slot] if slot < len(current) else ""
        finally:
            self._offering = False

    def _priority_changed(self, _change: dict) -> None:
        if self._offering:
            return
        chosen = [box.value for box in self.priority_box.children if box.value]
        self.model.priority_segments = list(dict.fromkeys(chosen))
        self.changed()
