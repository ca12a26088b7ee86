"""Unit 3 canvases: segment attractiveness, the customer portrait, the behaviour-change map."""

from __future__ import annotations

import html

import ipywidgets as widgets
from matplotlib.axes import Axes

from ..analysis import attractiveness as scoring
from ..i18n import t
from ..plan import BehaviourStage, Criterion, Fact
from ..style import PALETTE
from .base import SCORES, Canvas

WEIGHT_TOLERANCE = 1e-6


class AttractivenessCanvas(Canvas):
    """Weight the seven criteria and score each segment 1–5; see the ranking."""

    exercise = "attractiveness"

    def prefill(self) -> None:
        section = self.model
        if section.criteria and section.scores:
            return
        section.criteria = section.criteria or [
            Criterion(
                key=key,
                label=t(f"attractiveness.criterion.{key}"),
                weight=weight,
                inverse=key in scoring.INVERSE,
            )
            for key, weight in scoring.DEFAULT_WEIGHTS.items()
        ]
        segments = self.plan.segmentation.priority_segments or [
            t("canvas.segment_n", n=i) for i in (1, 2, 3)
        ]
        section.scores = section.scores or {
            _segment_name(s): dict.fromkeys(scoring.CRITERIA, 3) for s in segments
        }

    def build(self) -> list[widgets.Widget]:
        section = self.model
        self.weights_note = widgets.HTML()
        normalise = widgets.Button(
            description=t("canvas.normalise"),
            icon="balance-scale",
            layout=widgets.Layout(width="auto"),
        )
        normalise.on_click(self._normalise)
        self.sliders = []
        for criterion in section.criteria:
            slider = widgets.FloatSlider(
                value=criterion.weight,
                min=0,
                max=1,
                step=0.05,
                readout_format=".2f",
                description=criterion.label or criterion.key,
                style={"description_width": "10em"},
                layout=widgets.Layout(width="100%"),
            )
            self._bind(slider, criterion, "weight", float)
            slider.observe(lambda _c: self._check_weights(), names="value")
            self.sliders.append(slider)
        self.grid = widgets.VBox()
        self._score_grid()
        self._check_weights()
        return [
            widgets.HTML(f"<b>{t('canvas.weights_title')}</b>"),
            *self.sliders,
            widgets.HBox([normalise, self.weights_note]),
            widgets.HTML(f"<b>{t('canvas.scores_title')}</b>"),
            self.grid,
        ]

    def _score_grid(self) -> None:
        section = self.model
        head = [widgets.HTML(f"<b>{html.escape(t('canvas.field.segment'))}</b>")] + [
            widgets.HTML(html.escape(c.label or c.key)) for c in section.criteria
        ]
        cells = list(head)
        for segment, scores in section.scores.items():
            cells.append(widgets.HTML(html.escape(segment)))
            for criterion in section.criteria:
                box = widgets.Dropdown(
                    options=SCORES[1:],
                    value=scores.get(criterion.key, 3),
                    layout=widgets.Layout(width="auto"),
                )
                box.observe(
                    lambda c, s=segment, k=criterion.key: self._score(s, k, c["new"]), names="value"
                )
                cells.append(box)
        columns = f"8em repeat({len(section.criteria)}, minmax(3.5em, 1fr))"
        self.grid.children = [
            widgets.GridBox(
                cells,
                layout=widgets.Layout(
                    grid_template_columns=columns, grid_gap="2px 4px", width="100%"
                ),
            )
        ]

    def _score(self, segment: str, criterion: str, value: int) -> None:
        scores = {s: dict(v) for s, v in self.model.scores.items()}
        scores[segment][criterion] = value
        if self._assign(self.model, "scores", scores, f"score.{segment}.{criterion}"):
            self.changed()

    def weights(self) -> dict[str, float]:
        """The criteria's weights by key."""
        return {c.key: c.weight for c in self.model.criteria}

    def _check_weights(self) -> None:
        total = sum(self.weights().values())
        ok = abs(total - 1) <= WEIGHT_TOLERANCE
        colour = PALETTE.good if ok else PALETTE.bad
        key = "canvas.weights_ok" if ok else "canvas.weights_off"
        self.weights_note.value = (
            f"<span style='color:{colour}'>{t(key, total=f'{total:.2f}')}</span>"
        )

    def _normalise(self, _button: widgets.Button | None = None) -> None:
        """Scale the weights so they sum to 1 (all equal if they are all 0)."""
        weights = self.weights()
        total = sum(weights.values())
        for criterion, slider in zip(self.model.criteria, self.sliders, strict=True):
            share = weights[criterion.key] / total if total else 1 / len(weights)
            slider.value = round(share, 4)
        # the sliders' steps round; put the remainder on the largest weight
        rest = 1 - sum(c.weight for c in self.model.criteria)
        if abs(rest) > WEIGHT_TOLERANCE:
            biggest = max(self.model.criteria, key=lambda c: c.weight)
            biggest.weight = round(biggest.weight + rest, 6)
        self._check_weights()
        self.changed()

    def draw(self) -> Axes:
        weights = self.weights()
        total = sum(weights.values())
        if abs(total - 1) > WEIGHT_TOLERANCE:
            raise ValueError(t("canvas.weights_off", total=f"{total:.2f}"))
        return super().draw()


def _segment_name(key: str) -> str:
    """A priority segment id ``"high|aware"`` shown as ``"high × aware"``."""
    return key.replace("|", " × ")


class PersonaCanvas(Canvas):
    """Portray one customer of the chosen segment with the guiding questions."""

    exercise = "persona"

    def build(self) -> list[widgets.Widget]:
        p = self.model
        return [
            self.text(p, "name", "persona_name"),
            self.text(p, "role", "role"),
            self.text(p, "segment", "segment"),
            self.rows(
                p,
                "facts",
                Fact,
                [("label", "fact", "text"), ("value", "value", "text")],
                max_rows=6,
            ),
            self.text(p, "portrait", "portrait", multiline=True, rows=3),
            self.lines(p, "needs", "needs"),
            self.lines(p, "drivers", "drivers"),
            self.lines(p, "barriers", "barriers"),
            self.text(p, "quote", "quote"),
        ]


class BehaviourMapCanvas(Canvas):
    """From current to desired behaviour, stage by stage, with drivers and barriers."""

    exercise = "behaviour_map"
    max_stages = 6

    def build(self) -> list[widgets.Widget]:
        self.stages_box = widgets.VBox()
        self.add = widgets.Button(
            description=t("canvas.add_stage"), icon="plus", layout=widgets.Layout(width="auto")
        )
        self.add.on_click(self._add_stage)
        self._render_stages()
        return [self.text(self.model, "title", "map_title"), self.stages_box, self.add]

    def _render_stages(self) -> None:
        tabs = widgets.Tab()
        tabs.children = [self._stage(i, s) for i, s in enumerate(self.model.stages)]
        for i, stage in enumerate(self.model.stages):
            tabs.set_title(i, stage.stage or t("canvas.stage_n", n=i + 1))
        self.add.disabled = len(self.model.stages) >= self.max_stages
        self.stages_box.children = [tabs]

    def _stage(self, index: int, stage: BehaviourStage) -> widgets.Widget:
        remove = widgets.Button(
            description=t("canvas.delete_stage"), icon="trash", layout=widgets.Layout(width="auto")
        )

        def on_remove(_button: widgets.Button) -> None:
            if index < len(self.model.stages):
                self.model.stages.pop(index)
            self._render_stages()
            self.changed()

        remove.on_click(on_remove)
        return widgets.VBox(
            [
                self.text(stage, "stage", "stage"),
                self.text(stage, "current", "current", multiline=True, rows=2),
                self.text(stage, "desired", "desired", multiline=True, rows=2),
                self.lines(stage, "drivers", "drivers"),
                self.lines(stage, "barriers", "barriers"),
                self.lines(stage, "activities", "activities"),
                self.lines(stage, "kpis", "kpis", rows=2),
                remove,
            ]
        )

    def _add_stage(self, _button: widgets.Button) -> None:
        self.model.stages.append(
            BehaviourStage(stage=t("canvas.stage_n", n=len(self.model.stages) + 1))
        )
        self._render_stages()
        self.changed()
