"""The activation plan (激活目标客户), unit 5: per channel, the activities, their message, the
target group, the KPI and its target, as one table-chart.

Rows of the same channel sit together under one coloured channel tag; channels keep the order
of :data:`workshop_lib.data.schema.CATEGORIES` (known keys such as ``"wecom"`` show their
label in the chosen language), then any others in the order they first appear.

Examples
--------
>>> from workshop_lib.diagrams import examples
>>> ax = activity_plan(examples.load("activity_plan", "en"), lang="en")
>>> len([a for a in artists(ax, "activity.channel.") if a.get_gid().endswith(".box")])
6
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes

from ..data.schema import CATEGORIES, category_label
from ..i18n import t
from ..layout import grid
from ..layout.grid import Box
from ..style import PALETTE, SIZES
from . import _frame as frame
from ._common import artists, diagram, invalid, records, text
from ._fields import mapping

SIZE = (12.0, 6.0)
COLUMNS = ("activity", "message", "target_group", "kpi", "target")
"""The text columns right of the channel, left to right."""

WEIGHTS = (1.25, 1.6, 2.3, 1.5, 1.5, 0.9)
"""Relative widths of the channel column and of :data:`COLUMNS`."""

_HEIGHTS = (3.5, 10.0)
_HEAD = 30.0
_GAP = 4.0
_FONT = SIZES["base"] - 0.5
_MAX_ROWS = 16

__all__ = ["activity_plan", "artists"]


def _channel_order(channel: str) -> tuple[int, int]:
    known = list(CATEGORIES["channel"])
    return (known.index(channel), 0) if channel in known else (len(known), 0)


def _read(data: Any) -> tuple[str, list[dict[str, str]]]:
    title = ""
    rows = data
    field = "data"
    if not (isinstance(data, list | tuple) or hasattr(data, "columns")):
        record = mapping(data)
        title = text(record.get("title"), "data.title", required=False)
        rows = record.get("rows")
        field = "data.rows"
        if rows is None:
            raise invalid(field, None, t("diagrams.problem.missing"))
    parsed = records(rows, ("channel", "activity", "message", "kpi"), field=field)
    if len(parsed) > _MAX_ROWS:
        raise invalid(field, len(parsed), t("diagram_text.problem.too_many", most=_MAX_ROWS))
    result = []
    for i, row in enumerate(parsed):
        result.append(
            {
                "channel": text(row["channel"], f"{field}[{i}].channel"),
                "activity": text(row["activity"], f"{field}[{i}].activity"),
                "message": text(row["message"], f"{field}[{i}].message", required=False),
                "target_group": text(
                    row.get("target_group"), f"{field}[{i}].target_group", required=False
                ),
                "kpi": text(row["kpi"], f"{field}[{i}].kpi"),
                "target": text(row.get("target"), f"{field}[{i}].target", required=False),
            }
        )
    first_seen = {r["channel"]: i for i, r in reversed(list(enumerate(result)))}
    result.sort(key=lambda r: (_channel_order(r["channel"])[0], first_seen[r["channel"]]))
    return title, result


def _label(channel: str, lang: str) -> str:
    if channel in CATEGORIES["channel"]:
        label = category_label("channel", channel, lang)
        return label[:1].upper() + label[1:]
    return channel


def _colour(channel: str, seen: list[str]) -> str:
    """A fixed colour per channel: known channels by their place in the category list."""
    known = list(CATEGORIES["channel"])
    if channel in known:
        return PALETTE.color(known.index(channel))
    return PALETTE.color(len(known) + seen.index(channel))


def _row_needs(rows: list[dict[str, str]], widths: list[float]) -> list[float]:
    needs = []
    for row in rows:
        tallest = max(
            frame.needed_height(
                row[key],
                width - 2 * frame.PAD,
                fontsize=_FONT,
                weight="bold" if key in ("activity", "target") else "normal",
            )
            for key, width in zip(COLUMNS, widths[1:], strict=True)
        )
        needs.append(max(tallest + 12, 30.0))
    return needs


@diagram(size=SIZE)
def activity_plan(data: Any, *, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Draw the activation plan: channel × activity, with message, target group, KPI, target.

    Parameters
    ----------
    data : dict, list of dicts or DataFrame
        Rows with ``channel`` (a key such as ``"wecom"`` or free text), ``activity``,
        ``message`` and ``kpi``, and optionally ``target_group`` and ``target`` (the KPI's
        goal, as text such as ``"≥ 25%"``); or ``{"title": ..., "rows": rows}``. Up to 16 rows.
    ax : matplotlib Axes, optional
        Drawn into; by default a new figure :data:`SIZE` inches wide, as tall as the rows need.
    lang : {"zh", "en"}, optional
        Language of the headings and channel names; default the active language.

    Returns
    -------
    matplotlib.axes.Axes
        Channel tags are ``activity.channel.<n>.box`` / ``.text``; row ``k`` has cells
        ``activity.cell.<k>.<column>.box`` / ``.text``.

    Raises
    ------
    ValueError
        If a row lacks a required field or there are more than 16 rows.
    """
    title, rows = _read(data)
    channels: list[str] = []
    for row in rows:
        if row["channel"] not in channels:
            channels.append(row["channel"])
    if ax is None:
        sketch = grid.split(Box(0, 0, SIZE[0] * 72 - 20, 100), WEIGHTS, gap=_GAP)
        tall = (
            sum(_row_needs(rows, [c.width for c in sketch]))
            + _GAP * len(rows)
            + _HEAD
            + (34 if title else 0)
            + 24
        )
        ax = frame.new_axes(None, (SIZE[0], min(max(tall / 72, _HEIGHTS[0]), _HEIGHTS[1])))
    page = frame.page(ax).inset(10)
    if title:
        head, page = page.take(24, "top", gap=10)
        frame.label(
            ax,
            head,
            title,
            gid="activity.title.text",
            fontsize=SIZES["title"],
            weight="bold",
            va="center",
        )
    header, body = page.take(_HEAD, "top", gap=_GAP)
    heads = grid.split(header, WEIGHTS, gap=_GAP)
    for j, (cell, key) in enumerate(zip(heads, ("channel", *COLUMNS), strict=True)):
        frame.panel(ax, cell, gid=f"activity.head.{j}.box", face=PALETTE.primary, radius=3)
        frame.label(
            ax,
            cell.inset(frame.PAD, 3),
            t(f"diagram_text.activity.{key}"),
            gid=f"activity.head.{j}.text",
            fontsize=SIZES["small"] + 0.5,
            weight="bold",
            color=PALETTE.paper,
            va="center",
        )
    heights = grid.sizes(
        _row_needs(rows, [c.width for c in heads]), body.height, gap=_GAP, stretch=[0] * len(rows)
    )
    lines = grid.split(
        body.take(sum(heights) + _GAP * (len(rows) - 1), "top")[0], heights, gap=_GAP, axis="y"
    )
    cells = [grid.split(line, WEIGHTS, gap=_GAP)[1:] for line in lines]
    size = min(  # one size for the whole table body
        frame.common_size(
            [rows[k][key] for k in range(len(rows)) for key in keys],
            [
                cells[k][COLUMNS.index(key)].inset(frame.PAD, 4)
                for k in range(len(rows))
                for key in keys
            ],
            fontsize=_FONT,
            weight=weight,
        )
        for keys, weight in (
            (("activity", "target"), "bold"),
            (("message", "target_group", "kpi"), "normal"),
        )
    )
    for n, channel in enumerate(channels):
        mine = [k for k, row in enumerate(rows) if row["channel"] == channel]
        top, bottom = lines[mine[0]], lines[mine[-1]]
        column = heads[0]
        tag = Box(column.x, bottom.y, column.width, top.top - bottom.y)
        colour = _colour(channel, channels)
        frame.panel(ax, tag, gid=f"activity.channel.{n}.box", face=colour, radius=4)
        frame.label(
            ax,
            tag.inset(frame.PAD, 4),
            _label(channel, lang),
            gid=f"activity.channel.{n}.text",
            fontsize=SIZES["base"],
            weight="bold",
            color=PALETTE.paper,
            va="center",
        )
        for k in mine:
            for key, cell in zip(COLUMNS, cells[k], strict=True):
                face = (
                    frame.tint(colour, 0.09)
                    if key != "target"
                    else frame.tint(PALETTE.accent, 0.14)
                )
                frame.panel(ax, cell, gid=f"activity.cell.{k}.{key}.box", face=face, radius=3)
                if rows[k][key]:
                    strong = key in ("activity", "target")
                    frame.label(
                        ax,
                        cell.inset(frame.PAD, 4),
                        rows[k][key],
                        gid=f"activity.cell.{k}.{key}.text",
                        fontsize=size,
                        weight="bold" if strong else "normal",
                        color=PALETTE.accent if key == "target" else PALETTE.ink,
                        ha="center" if key == "target" else "left",
                        va="center",
                    )
    return ax
