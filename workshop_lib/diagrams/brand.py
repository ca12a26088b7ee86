"""The brand strengths and weaknesses assessment (品牌优势和弱势), unit 4.

Each strength or weakness is scored 1–5 on the four dimensions of a point of difference:
attractiveness (吸引力), differentiation (差异性), implementability (可被实施) and
sustainability (可持续性). The chart is a scored table: strengths first, then weaknesses, each
group ordered by its average score, with a bar for the average.

Examples
--------
>>> from workshop_lib.diagrams import examples
>>> ax = brand_assessment(examples.load("brand_assessment", "en"), lang="en")
>>> len([a for a in artists(ax, "brand.score.") if a.get_gid().endswith(".box")])
20
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from .. import fmt
from ..i18n import t
from ..layout import grid
from ..layout.grid import Box
from ..style import PALETTE, SIZES
from . import _frame as frame
from ._common import artists, diagram, invalid, number, records, text
from ._fields import mapping

SIZE = (11.0, 6.0)
DIMENSIONS = ("attractiveness", "differentiation", "implementability", "sustainability")
"""The four dimensions, in the order of the columns."""

KINDS = {"strength": PALETTE.good, "weakness": PALETTE.bad}
"""The two groups, in order, with their colours."""

_ALIASES = {
    "优势": "strength",
    "劣势": "weakness",
    "弱势": "weakness",
    "strengths": "strength",
    "weaknesses": "weakness",
}
_SCALE = (1, 5)
_HEIGHTS = (3.5, 9.0)
_ROW_GAP = 4.0
_HEAD = 34.0
_GROUP = 24.0

__all__ = ["artists", "brand_assessment"]


def _read(data: Any) -> tuple[str, list[dict[str, Any]]]:
    brand = ""
    rows = data
    if not (isinstance(data, list | tuple) or hasattr(data, "columns")):
        record = mapping(data)
        brand = text(record.get("brand"), "data.brand", required=False)
        rows = record.get("items")
        if rows is None:
            raise invalid("data.items", None, t("diagrams.problem.missing"))
    field = "data.items" if brand or not isinstance(data, list | tuple) else "data"
    parsed = []
    for i, row in enumerate(records(rows, ("statement", "kind", *DIMENSIONS), field=field)):
        kind = str(row["kind"]).strip().lower()
        kind = _ALIASES.get(kind, kind)
        if kind not in KINDS:
            raise invalid(f"{field}[{i}].kind", row["kind"], t("diagram_text.problem.kind"))
        scores = [
            number(row[d], f"{field}[{i}].{d}", minimum=_SCALE[0], maximum=_SCALE[1])
            for d in DIMENSIONS
        ]
        parsed.append(
            {
                "statement": text(row["statement"], f"{field}[{i}].statement"),
                "kind": kind,
                "scores": scores,
                "mean": sum(scores) / len(scores),
            }
        )
    ordered = []
    for kind in KINDS:
        ordered += sorted((r for r in parsed if r["kind"] == kind), key=lambda r: -r["mean"])
    return brand, ordered


def _frame(page: Box) -> tuple[Box, list[float]]:
    """The table area and its column weights: statement, four scores, average."""
    return page, [3.2, 1, 1, 1, 1, 1.6]


def _row_needs(rows: list[dict[str, Any]], width: float) -> list[float]:
    return [
        max(
            frame.needed_height(r["statement"], width - 2 * frame.PAD, fontsize=SIZES["base"]) + 12,
            30.0,
        )
        for r in rows
    ]


def _score_cell(ax: Axes, box: Box, score: float, colour: str, gid: str) -> None:
    side = min(box.width - 8, box.height - 6, 24)
    square = Box(box.center[0] - side / 2, box.center[1] - side / 2, side, side)
    strength = 0.15 + 0.85 * (score - _SCALE[0]) / (_SCALE[1] - _SCALE[0])
    frame.panel(ax, square, gid=f"{gid}.box", face=frame.tint(colour, strength), radius=4, zorder=2)
    frame.label(
        ax,
        square,
        f"{score:g}",
        gid=f"{gid}.text",
        fontsize=SIZES["base"],
        weight="bold",
        color=PALETTE.paper if strength > 0.55 else PALETTE.ink,
        ha="center",
        va="center",
    )


def _mean_cell(ax: Axes, box: Box, mean: float, colour: str, gid: str) -> None:
    frame.panel(ax, box, gid=f"{gid}.box", face="none", radius=0)
    track, value = box.inset(4, 0).take(box.width * 0.62, "left", gap=6)
    bar = Box(track.x, track.center[1] - 5, track.width, 10)
    frame.panel(ax, bar, gid=f"{gid}.track", face=PALETTE.grid, radius=2, zorder=2)
    frame.add(
        ax,
        Rectangle(
            (bar.x, bar.y),
            bar.width * mean / _SCALE[1],
            bar.height,
            facecolor=colour,
            edgecolor="none",
            gid=f"{gid}.bar",
            zorder=3,
        ),
    )
    frame.label(
        ax,
        value,
        fmt.number(mean, 1),
        gid=f"{gid}.text",
        fontsize=SIZES["base"],
        weight="bold",
        color=colour,
        va="center",
    )


@diagram(size=SIZE)
def brand_assessment(data: Any, *, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Draw the brand's strengths and weaknesses scored on the four dimensions.

    Parameters
    ----------
    data : dict, list of dicts or DataFrame
        Rows with ``statement``, ``kind`` (``"strength"`` or ``"weakness"``; 优势/劣势 also
        work) and a 1–5 score for each of :data:`DIMENSIONS`; or ``{"brand": ..., "items":
        rows}``.
    ax : matplotlib Axes, optional
        Drawn into; by default a new figure :data:`SIZE` inches wide, as tall as the rows need.
    lang : {"zh", "en"}, optional
        Language of the headings; default the active language.

    Returns
    -------
    matplotlib.axes.Axes
        Row ``k`` (in drawing order) has gids ``brand.row.<k>.statement``,
        ``brand.score.<k>.<dimension>.box`` / ``.text`` and ``brand.mean.<k>.bar``.

    Raises
    ------
    ValueError
        If a row lacks a field, a kind is unknown or a score is outside 1–5.
    """
    brand, rows = _read(data)
    title = (
        t("diagram_text.brand.title_brand", brand=brand) if brand else t("diagram_text.brand.title")
    )
    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)]
    if ax is None:
        width = SIZE[0] * 72 - 20
        statement = width * 3.2 / 8.8
        tall = (
            sum(_row_needs(rows, statement))
            + _ROW_GAP * len(rows)
            + _HEAD
            + (_GROUP + 8) * len(kinds)
            + 34
            + 20
        )
        ax = frame.new_axes(None, (SIZE[0], min(max(tall / 72, _HEIGHTS[0]), _HEIGHTS[1])))
    page = frame.page(ax).inset(10)
    head, page = page.take(24, "top", gap=10)
    frame.label(
        ax, head, title, gid="brand.title.text", fontsize=SIZES["title"], weight="bold", va="center"
    )
    table, weights = _frame(page)
    header, body = table.take(_HEAD, "top", gap=4)
    names = [
        t("diagram_text.brand.statement"),
        *(t(f"diagram_text.brand.{d}") for d in DIMENSIONS),
        t("diagram_text.brand.mean"),
    ]
    cells = grid.split(header, weights, gap=4)
    size = frame.common_size(
        names, [c.inset(6, 4) for c in cells], fontsize=SIZES["small"] + 0.5, weight="bold"
    )
    for j, (cell, name) in enumerate(zip(cells, names, strict=True)):
        frame.panel(
            ax, cell, gid=f"brand.head.{j}.box", face=frame.tint(PALETTE.primary, 0.1), radius=3
        )
        frame.label(
            ax,
            cell.inset(6, 4),
            name,
            gid=f"brand.head.{j}.text",
            fontsize=size,
            weight="bold",
            color=PALETTE.primary,
            ha="left" if j == 0 else "center",
            va="center",
        )
    statement_width = grid.split(body, weights, gap=4)[0].width
    needs: list[float] = []
    stretch: list[float] = []
    for kind in kinds:
        mine = _row_needs([r for r in rows if r["kind"] == kind], statement_width)
        needs += [_GROUP, *mine]
        stretch += [0.0] + [1.0] * len(mine)
    heights = grid.sizes(needs, body.height, gap=_ROW_GAP, stretch=stretch)
    bands = iter(grid.split(body, heights, gap=_ROW_GAP, axis="y"))
    k = 0
    for kind in kinds:
        colour = KINDS[kind]
        band = next(bands)
        frame.panel(
            ax, band.take(3, "left")[0], gid=f"brand.group.{kind}.bar", face=colour, radius=1
        )
        frame.label(
            ax,
            band.inset(10, 2),
            t(f"diagram_text.brand.{kind}"),
            gid=f"brand.group.{kind}.text",
            fontsize=SIZES["label"],
            weight="bold",
            color=colour,
            va="center",
        )
        frame.panel(ax, band, gid=f"brand.group.{kind}.box", face="none")
        for row in (r for r in rows if r["kind"] == kind):
            line = next(bands)
            frame.panel(
                ax,
                line,
                gid=f"brand.row.{k}.box",
                face=frame.tint(colour, 0.06 if k % 2 else 0.1),
                radius=3,
            )
            cells = grid.split(line, weights, gap=4)
            frame.label(
                ax,
                cells[0].inset(frame.PAD, 4),
                row["statement"],
                gid=f"brand.row.{k}.statement",
                fontsize=SIZES["base"],
                va="center",
            )
            for d, score, cell in zip(DIMENSIONS, row["scores"], cells[1:5], strict=True):
                _score_cell(ax, cell, score, colour, f"brand.score.{k}.{d}")
            _mean_cell(ax, cells[5], row["mean"], colour, f"brand.mean.{k}")
            k += 1
    return ax
