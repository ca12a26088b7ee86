"""Unit 5 canvas: the activation plan, channel by channel, with a message and a KPI each."""

from __future__ import annotations

from functools import partial

import ipywidgets as widgets

from ..data.schema import CATEGORIES, category_label
from ..i18n import t
from ..plan import Activity
from .base import Canvas


class ActivityPlanCanvas(Canvas):
    """For the target group: activities per channel, each with its message, KPI and target."""

    exercise = "activity_plan"
    wide = True

    def build(self) -> list[widgets.Widget]:
        plan = self.model
        return [
            self.text(plan, "title", "plan_title"),
            self.rows(
                plan,
                "rows",
                partial(Activity, channel=next(iter(CATEGORIES["channel"]))),
                [
                    ("target_group", "target_group", "text"),
                    ("channel", "channel", self._channels()),
                    ("activity", "activity", "text"),
                    ("message", "message", "text"),
                    ("kpi", "kpi", "text"),
                    ("target", "target", "text"),
                ],
                max_rows=16,
            ),
        ]

    def _channels(self) -> list[tuple[str, str]]:
        """The data dictionary's channels, by their name in the canvas's language."""
        return [(t("canvas.none_chosen"), "")] + [
            (category_label("channel", key, self.lang), key) for key in CATEGORIES["channel"]
        ]
