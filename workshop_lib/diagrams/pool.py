"""The market-scope "pool" (画出池子): nested circles, areas in proportion to the counts.

Examples
--------
>>> ax = market_pool({"population": 1000, "diagnosed": 250, "brand": 40}, lang="en")
>>> [round(c.radius, 1) for c in artists(ax, "pool.level.")][1:] == [
...     round(artists(ax, "pool.level.population")[0].radius * f, 1) for f in (0.5, 0.2)]
True
>>> artists(ax, "pool.share.brand")[0].get_text()
'16.0% of previous · 4.0% of total'
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import Circle

from .. import fmt
from ..i18n import t
from ..layout import pool as geometry
from ..layout import text as text_layout
from ..style import PALETTE, SIZES
from ._common import artists, category, diagram
from ._frame import MARGIN, MIN_FONTSIZE, boxed_text, heading, new_axes, page, text_font
from ._stages import stage_counts

__all__ = ["artists", "market_pool"]

SIZE = (10.0, 5.6)
"""Default figure size in inches."""

_GUTTER = 36.0


@diagram(size=SIZE)
def market_pool(
    data: Any,
    *,
    ax: Axes | None = None,
    lang: str | None = None,
    period: Any = None,
    title: str | None = None,
    note: str | None = None,
) -> Axes:
    """Draw the market scope as nested pools, from the whole population to our brand.

    Each level is a circle whose area is in proportion to its count; all circles sit on one
    baseline, so each lies inside the one before. A column on the right names each level with
    its count, its share of the level before and of the first level.

    Parameters
    ----------
    data : mapping, sequence of pairs, list of dicts, DataFrame or plan section
        Levels from the largest to the smallest with their counts, e.g.
        ``{"population": 20e6, "diabetic": 2.48e6, ...}``, the ``patient_funnel`` table
        (summed over regions for one ``period``) or the plan's ``market_scope``. Stage keys
        of the data dictionary are shown with their zh/en labels, other names as given.
    ax : Axes, optional
        Where to draw; a new figure otherwise.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.
    period : optional
        The period to draw from a table holding several (default: the last).
    title, note : str, optional
        Override the heading; ``""`` removes it.

    Returns
    -------
    Axes
        Artists carry gids ``pool.level.<key>`` (the circles), ``pool.name.<key>``,
        ``pool.count.<key>``, ``pool.share.<key>`` and ``pool.leader.<key>``.
    """
    levels = stage_counts(data, period=period)
    ax = new_axes(ax, SIZE)
    sheet = page(ax)
    width, height = sheet.width, sheet.height
    top = heading(
        ax,
        t("diagrams.pool.title") if title is None else title,
        width,
        height,
        note=t("diagrams.pool.note") if note is None else note,
    )
    inner = width - 2 * MARGIN
    diameter = min(top - MARGIN, 0.5 * inner)
    circles = geometry.nested_circles([count for _, count in levels], radius=diameter / 2)
    n = len(levels)
    first = levels[0][1]
    texts = []
    for i, (key, count) in enumerate(levels):
        share = (
            t(
                "diagrams.pool.share",
                previous=fmt.percent(count / levels[i - 1][1]),
                total=fmt.percent(count / first),
            )
            if i
            else t("diagrams.pool.base")
        )
        texts.append((key, category("stage", key, lang), fmt.count(count), share))
    column_w = min(
        max(
            text_layout.text_width(name, fontsize=SIZES["label"], font=text_font("bold"))
            for _, name, _, _ in texts
        )
        + 4,
        inner - diameter - 2 * _GUTTER,
    )
    column_w = max(
        column_w,
        max(
            text_layout.text_width(share, fontsize=SIZES["small"], font=text_font())
            for *_, share in texts
        )
        + 4,
    )
    column_w = min(column_w, inner - diameter - 2 * _GUTTER)
    left = MARGIN + max(0.0, (inner - diameter - _GUTTER - column_w) / 2)
    cx, base = left + diameter / 2, MARGIN + (top - MARGIN - diameter) / 2
    column_x = cx + diameter / 2 + _GUTTER
    elbow = cx + diameter / 2 + 8
    slot = (top - MARGIN) / n
    anchors = geometry.ring_anchors(circles)
    slots = geometry.spread(n, MARGIN, top)
    for i, ((key, name, count, share), circle, (ax_x, ax_y), y) in enumerate(
        zip(texts, circles, anchors, slots, strict=True)
    ):
        colour, alpha = (
            (PALETTE.accent, 0.95)
            if i == n - 1
            else (PALETTE.primary, 0.12 + 0.7 * i / max(n - 2, 1))
        )
        ax.add_artist(
            Circle(
                (cx + circle.x, base + circle.y),
                circle.r,
                facecolor=colour,
                alpha=alpha,
                edgecolor=PALETTE.paper,
                linewidth=1.2,
                gid=f"pool.level.{key}",
            )
        )
        anchor = (cx + ax_x, base + ax_y)
        ax.plot(
            [anchor[0], elbow, column_x - 12],
            [anchor[1], anchor[1], y],
            zorder=3,
            color=PALETTE.muted,
            linewidth=0.7,
            gid=f"pool.leader.{key}",
        )
        ax.plot(*anchor, "o", markersize=3, color=PALETTE.ink, zorder=3, gid=f"pool.dot.{key}")
        ax.add_artist(
            Circle(
                (column_x - 8, y),
                4.5,
                facecolor=colour,
                alpha=max(alpha, 0.3),
                edgecolor="none",
                gid=f"pool.swatch.{key}",
            )
        )
        _label(ax, key, (column_x, y), (column_w, slot), name, count, share)
    return ax


def _label(
    ax: Axes,
    key: str,
    xy: tuple[float, float],
    box: tuple[float, float],
    name: str,
    count: str,
    share: str,
) -> None:
    """Name (bold), count and shares of one level, stacked and centred on ``xy``'s height."""
    x, y = xy
    width, height = box
    sizes = (SIZES["label"], SIZES["label"], SIZES["small"])
    heights = [text_layout.block_height(1, s, font=text_font()) for s in sizes]
    room = max(height - sum(heights[1:]) - 4, heights[0])
    name_lines, name_size = text_layout.fit(
        name, width, room, fontsize=sizes[0], min_fontsize=MIN_FONTSIZE, font=text_font("bold")
    )
    heights[0] = text_layout.block_height(len(name_lines), name_size, font=text_font("bold"))
    y_top = y + sum(heights) / 2
    specs = (
        ("\n".join(name_lines), name_size, "bold", PALETTE.ink, "name"),
        (count, sizes[1], "normal", PALETTE.ink, "count"),
        (share, sizes[2], "normal", PALETTE.muted, "share"),
    )
    for (content, size, weight, colour, part), h in zip(specs, heights, strict=True):
        if part == "share":
            boxed_text(
                ax,
                (x, y_top),
                content,
                (width, h),
                fontsize=size,
                ha="left",
                va="top",
                color=colour,
                gid=f"pool.{part}.{key}",
            )
        else:
            ax.text(
                x,
                y_top,
                content,
                fontsize=size,
                weight=weight,
                color=colour,
                ha="left",
                va="top",
                linespacing=text_layout.LINESPACING,
                gid=f"pool.{part}.{key}",
            )
        y_top -= h
