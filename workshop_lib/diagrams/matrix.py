"""The segmentation framework as a matrix: customers and value per cell, priorities numbered.

Examples
--------
>>> import pandas as pd
>>> from workshop_lib.analysis.segmentation import framework
>>> hcps = pd.DataFrame({"monthly_patients": [20, 80, 150, 300],
...                      "adoption_stage": ["aware", "trial", "adopter", "adopter"],
...                      "category_rx": [10, 40, 90, 200]})
>>> seg = framework(hcps, "monthly_patients", "adoption_stage", row_cuts=[100],
...                 col_levels=["aware", "trial", "adopter"], priority=1)
>>> ax = segment_matrix(seg, lang="en")
>>> len(artists(ax, "matrix.cell."))
6
>>> artists(ax, "matrix.count.high.adopter")[0].get_text()
'2'
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Circle, Rectangle

from .. import fmt
from ..analysis.segmentation import Segmentation
from ..i18n import t
from ..style import PALETTE, SIZES
from ._common import artists, column_label, diagram, invalid, level_label
from ._frame import MARGIN, boxed_text, heading, new_axes, page

__all__ = ["artists", "segment_matrix"]

SIZE = (10.0, 6.0)
"""Default figure size in inches."""

_ROW_LABELS = 0.16
_COL_LABELS = 40.0
_LEGEND = 18.0


@diagram(size=SIZE)
def segment_matrix(
    data: Segmentation,
    *,
    ax: Axes | None = None,
    lang: str | None = None,
    table: str = "hcps",
    title: str | None = None,
    note: str | None = None,
) -> Axes:
    """Draw a segmentation framework: a cell per segment with its count and value.

    Rows run from the highest level at the top to the lowest; columns from the lowest level at
    the left. A cell's shade follows its value; priority cells get an orange frame and their
    number.

    Parameters
    ----------
    data : Segmentation
        From :func:`workshop_lib.analysis.segmentation.framework`.
    ax : Axes, optional
        Where to draw; a new figure otherwise.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.
    table : str
        The data-dictionary table whose column and category labels name the axes.
    title, note : str, optional
        Override the heading; ``""`` removes it.

    Returns
    -------
    Axes
        Artists carry gids ``matrix.cell.<row>.<col>``, ``matrix.count.<row>.<col>``,
        ``matrix.value.<row>.<col>`` and ``matrix.priority.<n>``.
    """
    if not isinstance(data, Segmentation):
        raise invalid("data", type(data).__name__, t("diagrams.problem.segmentation"))
    rows, cols = data.rows.levels[::-1], data.cols.levels
    ax = new_axes(ax, SIZE)
    sheet = page(ax)
    width, height = sheet.width, sheet.height
    value_name = column_label(table, data.value, lang)
    top = heading(
        ax,
        t("diagrams.matrix.title") if title is None else title,
        width,
        height,
        note=t("diagrams.matrix.note", value=value_name) if note is None else note,
    )
    priorities = data.priorities()
    bottom = MARGIN + (_LEGEND if len(priorities) else 0) + _COL_LABELS
    label_w = _ROW_LABELS * (width - 2 * MARGIN)
    left = MARGIN + label_w
    axis_title = 18.0
    cell_w = (width - MARGIN - left) / len(cols)
    cell_h = (top - axis_title - bottom) / len(rows)
    cells = {(c["row"], c["col"]): c for c in data.cells.to_dict("records")}
    largest = max(data.cells["value"].max(), 1e-12)
    boxed_text(
        ax,
        (MARGIN, top - axis_title / 2),
        f"{column_label(table, data.rows.column, lang)} ↑",
        (label_w + cell_w, axis_title),
        fontsize=SIZES["label"],
        weight="bold",
        ha="left",
        va="center",
        color=PALETTE.muted,
        gid="matrix.rows_title",
    )
    for i, row in enumerate(rows):
        y = top - axis_title - (i + 1) * cell_h
        boxed_text(
            ax,
            (left - 8, y + cell_h / 2),
            _level(data, table, "rows", row, lang),
            (label_w - 12, cell_h - 4),
            fontsize=SIZES["label"],
            ha="right",
            va="center",
            gid=f"matrix.row.{row}",
        )
        for j, col in enumerate(cols):
            _cell(
                ax,
                (left + j * cell_w, y),
                (cell_w, cell_h),
                row,
                col,
                cells[(row, col)],
                largest,
            )
    for j, col in enumerate(cols):
        boxed_text(
            ax,
            (left + (j + 0.5) * cell_w, bottom - 6),
            _level(data, table, "cols", col, lang),
            (cell_w - 8, _COL_LABELS / 2 - 4),
            fontsize=SIZES["label"],
            ha="center",
            va="top",
            gid=f"matrix.col.{col}",
        )
    boxed_text(
        ax,
        (left + len(cols) * cell_w / 2, bottom - _COL_LABELS / 2 - 4),
        f"{column_label(table, data.cols.column, lang)} →",
        (len(cols) * cell_w, _COL_LABELS / 2 - 2),
        fontsize=SIZES["label"],
        weight="bold",
        ha="center",
        va="top",
        color=PALETTE.muted,
        gid="matrix.cols_title",
    )
    for number, (_, cell) in enumerate(priorities.iterrows(), start=1):
        i, j = rows.index(cell["row"]), cols.index(cell["col"])
        xy = (left + (j + 1) * cell_w - 13, top - axis_title - i * cell_h - 13)
        ax.add_artist(
            Circle(
                xy,
                8.5,
                facecolor=PALETTE.accent,
                edgecolor="none",
                zorder=4,
                gid=f"matrix.priority.{number}",
            )
        )
        ax.text(
            *xy,
            str(number),
            ha="center",
            va="center",
            fontsize=SIZES["small"],
            weight="bold",
            color=PALETTE.paper,
            zorder=5,
            gid=f"matrix.priority_number.{number}",
        )
    if len(priorities):
        ax.text(
            MARGIN,
            MARGIN,
            t("diagrams.matrix.legend"),
            fontsize=SIZES["small"],
            color=PALETTE.muted,
            ha="left",
            va="bottom",
            gid="matrix.legend",
        )
    return ax


def _level(data: Segmentation, table: str, which: str, key: str, lang: str) -> str:
    """Label of a level: a numeric band (low/high...) or a category from the dictionary."""
    axis = getattr(data, which)
    if axis.cuts is None:
        return level_label(table, axis.column, key, lang)
    i = axis.levels.index(key)
    low = fmt.number(axis.cuts[i - 1], digits=0) if i else None
    high = fmt.number(axis.cuts[i], digits=0) if i < len(axis.cuts) else None
    span = f"< {high}" if low is None else (f"≥ {low}" if high is None else f"{low}–{high}")
    return f"{t(f'segmentation.level.{key}')}\n{span}"


def _cell(
    ax: Axes,
    xy: tuple[float, float],
    size: tuple[float, float],
    row: str,
    col: str,
    cell: Any,
    largest: float,
) -> None:
    """One framed cell: shade by value, count in large type, value and share below."""
    w, h = size
    priority = not pd.isna(cell["priority"])
    ax.add_artist(
        Rectangle(
            (xy[0] + 2, xy[1] + 2),
            w - 4,
            h - 4,
            facecolor=PALETTE.primary,
            alpha=0.06 + 0.4 * cell["value"] / largest,
            edgecolor="none",
            gid=f"matrix.cell.{row}.{col}",
        )
    )
    if priority:
        ax.add_artist(
            Rectangle(
                (xy[0] + 3, xy[1] + 3),
                w - 6,
                h - 6,
                facecolor="none",
                edgecolor=PALETTE.accent,
                linewidth=2.2,
                zorder=3,
                gid=f"matrix.frame.{row}.{col}",
            )
        )
    cx, cy = xy[0] + w / 2, xy[1] + h / 2
    boxed_text(
        ax,
        (cx, cy + 1),
        fmt.count(cell["count"]),
        (w - 40, h / 2 - 4),
        fontsize=15,
        weight="bold",
        ha="center",
        va="bottom",
        gid=f"matrix.count.{row}.{col}",
    )
    detail = t(
        "diagrams.matrix.value",
        value=fmt.count(cell["value"]),
        share=fmt.percent(cell["value_share"]),
    )
    boxed_text(
        ax,
        (cx, cy - 1),
        detail,
        (w - 12, h / 2 - 6),
        fontsize=SIZES["small"],
        ha="center",
        va="top",
        color=PALETTE.ink,
        gid=f"matrix.value.{row}.{col}",
    )
