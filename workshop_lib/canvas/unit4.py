"""Unit 4 canvases: the benefit ladder, the 4-dimension brand assessment, the communication plan."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..i18n import t
from ..plan import RUNGS, BrandItem, CommunicationStep
from ..style import PALETTE
from .base import Canvas, delete_button
from .fields import split_lines


class BenefitLadderCanvas(Canvas):
    """Climb from product attributes to functional and emotional benefits."""

    exercise = "benefit_ladder"

    def build(self) -> list[widgets.Widget]:
        return [self.text(self.model, "brand", "brand"), *map(self._rung, reversed(RUNGS))]

    def _rung(self, rung: str) -> widgets.Widget:
        """A rung's lines, one per line of a text box; a retyped line keeps its id."""
        ladder = self.model
        widget = widgets.Textarea(
            value="\n".join(ladder.texts(rung)),
            description=self.label(rung),
            placeholder=t("canvas.one_per_line"),
            rows=3,
            style={"description_width": "8em"},
            layout=widgets.Layout(width="100%"),
        )

        def retyped(text: str) -> list:
            return ladder.retyped(rung, split_lines(text))

        return self._bind(widget, ladder, rung, retyped)


class BrandAssessmentCanvas(Canvas):
    """Score each strength and weakness on attractiveness, differentiation, implementability
    and sustainability."""

    exercise = "brand_assessment"

    def build(self) -> list[widgets.Widget]:
        kinds = [(t("canvas.kind.strength"), "strength"), (t("canvas.kind.weakness"), "weakness")]
        self.items_box = widgets.VBox()
        add = widgets.Button(
            description=t("canvas.add_row"), icon="plus", layout=widgets.Layout(width="auto")
        )

        def render() -> None:
            rows = []
            for i, item in enumerate(self.model.items):
                remove = delete_button()
                remove.on_click(lambda _button, i=i: on_remove(i))
                rows.append(
                    widgets.VBox(
                        [
                            widgets.HBox([self.text(item, "statement", "statement"), remove]),
                            widgets.HBox(
                                [self.choice(item, "kind", "", kinds, width="9em")]
                                + [
                                    self.choice(item, dim, "", _scores(dim), width="auto")
                                    for dim in DIMENSIONS
                                ]
                            ),
                        ],
                        layout=widgets.Layout(
                            border=f"1px solid {PALETTE.grid}", padding="4px", margin="2px 0"
                        ),
                    )
                )
            self.items_box.children = rows

        def on_remove(index: int) -> None:
            if index < len(self.model.items):
                self.model.items.pop(index)
            render()
            self.changed()

        def on_add(_button: widgets.Button) -> None:
            self.model.items.append(BrandItem(**dict.fromkeys(DIMENSIONS, 3)))
            render()
            self.changed()

        add.on_click(on_add)
        render()
        return [self.text(self.model, "brand", "brand"), self.items_box, add]


DIMENSIONS = ("attractiveness", "differentiation", "implementability", "sustainability")


def _scores(dimension: str) -> list[tuple[str, int | None]]:
    name = t(f"canvas.dimension.{dimension}")
    return [(t("core.label_value", label=name, value=i or "—"), i) for i in (None, 1, 2, 3, 4, 5)]


class CommunicationCanvas(Canvas):
    """Write the communication strategy and the behaviour-change step table behind it."""

    exercise = "communication"

    def prefill(self) -> None:
        if not self.model.steps:
            stages = [s.stage for s in self.plan.behaviour_map.stages if s.stage]
            self.model.steps = [CommunicationStep(stage=s) for s in stages]

    def build(self) -> list[widgets.Widget]:
        self.preview = widgets.HTML()
        self.image.layout.display = "none"
        return [
            self.text(self.model, "strategy", "strategy", multiline=True, rows=3),
            self.rows(
                self.model,
                "steps",
                CommunicationStep,
                [
                    ("stage", "stage", "text"),
                    ("desired", "desired", "text"),
                    ("message", "message", "text"),
                    ("proof", "proof", "text"),
                ],
            ),
            self.preview,
        ]

    def redraw(self) -> None:
        """The strategy and its step table as a formatted preview (no chart)."""
        title = t("canvas.field.strategy", lang=self.lang)
        head = "".join(
            f"<th style='text-align:left;padding:4px'>"
            f"{html.escape(t(f'canvas.field.{c}', lang=self.lang))}</th>"
            for c in ("stage", "desired", "message", "proof")
        )
        body = "".join(
            "<tr>"
            + "".join(
                f"<td style='padding:4px;vertical-align:top'>{html.escape(getattr(step, c))}</td>"
                for c in ("stage", "desired", "message", "proof")
            )
            + "</tr>"
            for step in self.model.steps
        )
        self.preview.value = (
            f"<div style='border-left:4px solid {PALETTE.primary};padding:6px 10px;"
            f"margin:8px 0'><b>{html.escape(title)}</b><br>"
            f"{html.escape(self.model.strategy)}</div>"
            f"<table style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )
