"""The behaviour-change map (客户行为改变任务图), unit 3: what must change at each step and how.

Stages run left to right. For each stage the map shows the current and the desired behaviour,
the drivers to use (above), the barriers to overcome (below), and beneath them the activities
that act on them and the KPIs that show the change happened.

Examples
--------
>>> from workshop_lib.diagrams import examples
>>> ax = behaviour_map(examples.load("behaviour_map", "zh"))
>>> len(artists(ax, "behaviour.stage.")) // 2  # a band and a name per stage
4
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrow

from ..i18n import t
from ..layout import grid
from ..layout.grid import Box
from ..style import PALETTE, SIZES
from . import _frame as frame
from ._common import artists, diagram, invalid, text
from ._fields import get, items, mapping

SIZE = (12.0, 6.8)
LISTS = (
    ("drivers", PALETTE.good),
    ("barriers", PALETTE.bad),
    ("activities", PALETTE.primary),
    ("kpis", PALETTE.accent),
)
"""The lists of each stage with their colours; drivers sit above the behaviour row."""

ROWS = ("drivers", "stage", "change", "barriers", "activities", "kpis")
"""Rows top to bottom."""

_FONT = SIZES["base"]
_CELL_PAD = 7.0
_ARROW = 16.0
_GAP = 12.0
_ROW_GAP = 6.0
_HEIGHTS = (4.0, 9.0)
"""Smallest and largest height in inches of a figure the map makes for itself."""

__all__ = ["artists", "behaviour_map"]


def _read(data: Any) -> tuple[str, list[dict[str, Any]]]:
    if isinstance(data, list | tuple) or hasattr(data, "columns"):
        record: dict[str, Any] = {"stages": data}
    else:
        record = mapping(data)
    raw = get(record, "stages", "data")
    if hasattr(raw, "to_dict") and hasattr(raw, "columns"):
        raw = raw.to_dict("records")
    if not isinstance(raw, list | tuple) or not raw:
        raise invalid("data.stages", raw, t("diagrams.problem.empty"))
    if len(raw) > 6:
        raise invalid("data.stages", len(raw), t("diagram_text.problem.too_many", most=6))
    stages = []
    for i, stage in enumerate(raw):
        field = f"data.stages[{i}]"
        stage = mapping(stage, field)
        stages.append(
            {
                "stage": text(get(stage, "stage", field), f"{field}.stage"),
                "current": text(stage.get("current"), f"{field}.current", required=False),
                "desired": text(get(stage, "desired", field), f"{field}.desired"),
                **{
                    key: items(stage.get(key), f"{field}.{key}", required=False) for key, _ in LISTS
                },
            }
        )
    return text(record.get("title"), "data.title", required=False), stages


def _frame(page: Box, title: str, count: int) -> tuple[Box | None, Box, Box, list[Box]]:
    """Split the page into title, row-label column, body and one column per stage."""
    head = None
    if title:
        head, page = page.take(24, "top", gap=8)
    label_column, body = page.take(min(84, page.width * 0.12), "left", gap=8)
    columns = grid.split(body.take(body.width - _ARROW, "left")[0], [1] * count, gap=_GAP)
    return head, label_column, body, columns


def _needs(stages: list[dict[str, Any]], width: float) -> dict[str, float]:
    """Height each row needs at the preferred size, so rows share the page by content."""
    inner = width - 2 * _CELL_PAD
    needs = {"stage": 32.0}
    for key, _ in LISTS:
        needs[key] = (
            max(
                frame.needed_items_height(s[key], inner, fontsize=_FONT) if s[key] else 0.0
                for s in stages
            )
            + 2 * _CELL_PAD
        )
    needs["change"] = (
        max(
            frame.needed_height(s["current"], inner, fontsize=_FONT)
            + frame.needed_height(s["desired"], inner, fontsize=_FONT, weight="bold")
            for s in stages
        )
        + 2 * _CELL_PAD
        + _ARROW
    )
    return needs


def _change(ax: Axes, box: Box, stage: dict[str, Any], i: int) -> None:
    frame.panel(
        ax,
        box,
        gid=f"behaviour.change.{i}.box",
        face=PALETTE.paper,
        edge=PALETTE.primary,
        linewidth=1.0,
    )
    inner = box.inset(_CELL_PAD)
    current_need = frame.needed_height(stage["current"], inner.width, fontsize=_FONT)
    desired_need = frame.needed_height(stage["desired"], inner.width, fontsize=_FONT, weight="bold")
    shares = grid.sizes([current_need, desired_need], inner.height - _ARROW)
    current, rest = inner.take(shares[0], "top")
    arrow, desired = rest.take(_ARROW, "top")
    if stage["current"]:
        frame.label(
            ax,
            current,
            stage["current"],
            gid=f"behaviour.change.{i}.current",
            fontsize=_FONT,
            color=PALETTE.muted,
            va="center",
        )
    x = arrow.center[0]
    frame.add(
        ax,
        FancyArrow(
            x,
            arrow.top - 2,
            0,
            -(arrow.height - 4),
            width=1.2,
            head_width=7,
            head_length=5,
            length_includes_head=True,
            color=PALETTE.primary,
            gid=f"behaviour.change.{i}.arrow",
            zorder=3,
        ),
    )
    frame.label(
        ax,
        desired,
        stage["desired"],
        gid=f"behaviour.change.{i}.desired",
        fontsize=_FONT,
        weight="bold",
        color=PALETTE.ink,
        va="center",
    )


def _row_labels(ax: Axes, column: Box, rows: dict[str, Box]) -> None:
    colours = dict(LISTS) | {"stage": PALETTE.primary, "change": PALETTE.primary}
    for key, row in rows.items():
        if key == "stage":
            continue
        box = Box(column.x, row.y, column.width, row.height)
        if key == "change":
            box = Box(column.x, row.y, column.width, rows["stage"].top - row.y)
        frame.panel(
            ax, box.take(3, "left")[0], gid=f"behaviour.row.{key}.bar", face=colours[key], radius=1
        )
        frame.label(
            ax,
            box.inset(8, 2).take(box.width - 8, "right")[0],
            t(f"diagram_text.behaviour.{key}"),
            gid=f"behaviour.row.{key}.text",
            fontsize=SIZES["small"] + 0.5,
            weight="bold",
            color=colours[key],
            va="center",
        )
        frame.panel(ax, box, gid=f"behaviour.row.{key}.box", face="none")


@diagram(size=SIZE)
def behaviour_map(data: Any, *, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Draw the behaviour-change map: stages with current → desired behaviour and their levers.

    Parameters
    ----------
    data : dict, list or DataFrame
        ``{"title": ..., "stages": [...]}`` or the list of stages itself (up to 6). Each stage
        has ``stage`` (its name) and ``desired`` (required), ``current``, and the lists
        ``drivers``, ``barriers``, ``activities`` and ``kpis`` (lists of phrases, or text with
        one phrase per line).
    ax : matplotlib Axes, optional
        Drawn into; by default a new figure of :data:`SIZE` inches.
    lang : {"zh", "en"}, optional
        Language of the row labels; default the active language.

    Returns
    -------
    matplotlib.axes.Axes
        Artists carry gids ``behaviour.<row>.<stage>.<role>``, e.g. ``behaviour.drivers.0.items``;
        the stage bands are ``behaviour.stage.<i>.box``.

    Raises
    ------
    ValueError
        If a field is missing or of the wrong kind; the message names it.
    """
    title, stages = _read(data)
    if ax is None:  # as tall as the content needs
        sketch = _frame(Box(0, 0, SIZE[0] * 72, 1000).inset(10), title, len(stages))
        needs = _needs(stages, sketch[3][0].width)
        tall = sum(needs.values()) + _ROW_GAP * (len(ROWS) - 1) + 20 + (32 if title else 0)
        ax = frame.new_axes(None, (SIZE[0], min(max(tall / 72, _HEIGHTS[0]), _HEIGHTS[1])))
    page = frame.page(ax).inset(10)
    head, label_column, body, columns = _frame(page, title, len(stages))
    if head is not None:
        frame.label(
            ax,
            head,
            title,
            gid="behaviour.title.text",
            fontsize=SIZES["title"],
            weight="bold",
            va="center",
        )
    needs = _needs(stages, columns[0].width)
    stretch = [0 if key == "stage" else 1 for key in ROWS]
    heights = grid.sizes([needs[key] for key in ROWS], body.height, gap=_ROW_GAP, stretch=stretch)
    rows = dict(zip(ROWS, grid.split(body, heights, gap=_ROW_GAP, axis="y"), strict=True))
    _row_labels(ax, label_column, rows)
    sizes = {  # one size per row, so a row reads as one
        key: frame.common_size(
            [stage[key] for stage in stages],
            [Box(c.x, rows[key].y, c.width, rows[key].height).inset(_CELL_PAD) for c in columns],
            fontsize=_FONT,
        )
        for key, _ in LISTS
    }
    for i, (stage, column) in enumerate(zip(stages, columns, strict=True)):
        last = i == len(stages) - 1
        band = Box(
            column.x,
            rows["stage"].y,
            column.width + (0 if last else _GAP - 4),
            rows["stage"].height,
        )
        frame.polygon(
            ax,
            grid.chevron(band, 10, first=i == 0),
            gid=f"behaviour.stage.{i}.box",
            face=PALETTE.primary if i % 2 == 0 else frame.tint(PALETTE.primary, 0.8),
        )
        name = band.inset(6, 3).take(band.width - 12 - (0 if i == 0 else 10), "right")[0]
        frame.label(
            ax,
            name,
            stage["stage"],
            gid=f"behaviour.stage.{i}.name",
            fontsize=SIZES["label"],
            weight="bold",
            color=PALETTE.paper,
            ha="center",
            va="center",
        )
        cell = Box(column.x, rows["change"].y, column.width, rows["change"].height)
        _change(ax, cell, stage, i)
        for key, colour in LISTS:
            row = rows[key]
            cell = Box(column.x, row.y, column.width, row.height)
            frame.panel(ax, cell, gid=f"behaviour.{key}.{i}.box", face=frame.tint(colour, 0.1))
            if stage[key]:
                frame.bullets(
                    ax,
                    cell.inset(_CELL_PAD),
                    stage[key],
                    gid=f"behaviour.{key}.{i}.items",
                    fontsize=sizes[key],
                )
    return ax
