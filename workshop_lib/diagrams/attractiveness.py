"""Segment attractiveness: ranked stacked bars, or a GE-style bubble chart.

Examples
--------
>>> scores = {"A": dict.fromkeys(CRITERIA, 4), "B": dict.fromkeys(CRITERIA, 2)}
>>> ax = attractiveness_chart(scores, lang="en")
>>> [a.get_text() for a in artists(ax, "attractiveness.score.")]
['3.80', '2.20']
>>> ax = attractiveness_chart(scores, kind="bubble", size={"A": 10, "B": 40}, lang="en")
>>> len(artists(ax, "attractiveness.bubble."))
2
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Circle, Rectangle

from .. import fmt
from ..analysis.attractiveness import CRITERIA, SCALE, rank
from ..i18n import t
from ..layout import text as text_layout
from ..style import PALETTE, SIZES
from ._common import artists, diagram, invalid, plan_section
from ._frame import MARGIN, MIN_FONTSIZE, boxed_text, heading, new_axes, page, text_font

__all__ = ["artists", "attractiveness_chart"]

SIZE = (10.0, 5.6)
"""Default figure size in inches."""

KINDS = ("bar", "bubble")
"""The two variants."""


@diagram(size=SIZE)
def attractiveness_chart(
    data: Any,
    *,
    ax: Axes | None = None,
    lang: str | None = None,
    kind: str = "bar",
    weights: Mapping[str, float] | None = None,
    size: Mapping[str, float] | pd.Series | None = None,
    title: str | None = None,
    note: str | None = None,
) -> Axes:
    """Draw the segments' attractiveness on the seven criteria, best first.

    Parameters
    ----------
    data : DataFrame, mapping or plan section
        Either the result of :func:`workshop_lib.analysis.attractiveness.rank`, or scores 1–5
        per segment and criterion (``{segment: {criterion: score}}`` or a DataFrame indexed by
        segment), which are ranked here with ``weights`` and ``size``; or the plan's
        ``attractiveness`` section, whose criteria give the weights.
    ax : Axes, optional
        Where to draw; a new figure otherwise.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.
    kind : {"bar", "bubble"}
        ``"bar"``: one stacked bar per segment, a part per weighted criterion, ranked.
        ``"bubble"``: GE-style matrix, market attractiveness against ability to win, bubble
        area in proportion to segment size (needs sizes).
    weights, size
        Passed to :func:`~workshop_lib.analysis.attractiveness.rank` when ``data`` holds scores.
    title, note : str, optional
        Override the heading; ``""`` removes it.

    Returns
    -------
    Axes
        Artists carry gids ``attractiveness.part.<segment>.<criterion>``,
        ``attractiveness.score.<segment>`` (bar) or ``attractiveness.bubble.<segment>``
        (bubble).
    """
    data = plan_section(data)
    if isinstance(data, Mapping) and isinstance(data.get("scores"), Mapping):
        criteria = data.get("criteria") or []
        if weights is None and criteria:
            weights = {c.get("key"): c.get("weight") for c in criteria}
        data = data["scores"]
    if kind not in KINDS:
        raise invalid("kind", kind, t("diagrams.problem.choice", choices=", ".join(KINDS)))
    table = (
        data
        if isinstance(data, pd.DataFrame) and "score" in data.columns
        else rank(data, weights, size=size)
    )
    if kind == "bubble" and "segment_size" not in table.columns:
        raise invalid("size", None, t("diagrams.problem.missing"))
    ax = new_axes(ax, SIZE)
    sheet = page(ax)
    width, height = sheet.width, sheet.height
    top = heading(
        ax,
        t(f"diagrams.attractiveness.title_{kind}") if title is None else title,
        width,
        height,
        note=t(f"diagrams.attractiveness.note_{kind}") if note is None else note,
    )
    if kind == "bar":
        _bars(ax, table, width, top)
    else:
        _bubbles(ax, table, width, top)
    return ax


def _legend(ax: Axes, x0: float, y: float, width: float) -> float:
    """One swatch and name per criterion, wrapping into rows; return the y below."""
    size = SIZES["small"]
    row_h = text_layout.line_height(size, font=text_font()) + 4
    x = x0
    for i, name in enumerate(CRITERIA):
        label = t(f"attractiveness.criterion.{name}")
        w = 14 + text_layout.text_width(label, fontsize=size, font=text_font()) + 14
        if x + w > x0 + width and x > x0:
            x, y = x0, y - row_h
        ax.add_artist(
            Rectangle(
                (x, y - 4.5),
                9,
                9,
                facecolor=PALETTE.color(i),
                edgecolor="none",
                gid=f"attractiveness.swatch.{name}",
            )
        )
        ax.text(
            x + 13,
            y,
            label,
            fontsize=size,
            va="center",
            ha="left",
            color=PALETTE.ink,
            gid=f"attractiveness.legend.{name}",
        )
        x += w
    return y - row_h


def _bars(ax: Axes, table: pd.DataFrame, width: float, top: float) -> None:
    inner = width - 2 * MARGIN
    widest = max(
        text_layout.text_width(str(s), fontsize=SIZES["label"], font=text_font())
        for s in table.index
    )
    label_w = min(0.3 * inner, widest + 8)
    left, right = MARGIN + label_w + 28, width - MARGIN - 40
    axis_h = 20.0
    body_top = _legend(ax, MARGIN, top - 6, inner) - 4
    row = (body_top - MARGIN - axis_h) / len(table)
    scale = (right - left) / SCALE[1]
    for tick in range(SCALE[1] + 1):
        x = left + tick * scale
        ax.plot(
            [x, x],
            [MARGIN + axis_h, body_top],
            color=PALETTE.grid,
            linewidth=0.8,
            zorder=0,
            gid="attractiveness.grid",
        )
        ax.text(
            x,
            MARGIN + axis_h - 4,
            str(tick),
            ha="center",
            va="top",
            fontsize=SIZES["tick"],
            color=PALETTE.muted,
            gid=f"attractiveness.tick.{tick}",
        )
    bar_h = min(row * 0.62, 30)
    for i, (segment, entry) in enumerate(table.iterrows()):
        mid = body_top - (i + 0.5) * row
        ax.text(
            MARGIN + 8,
            mid,
            str(int(entry["rank"])),
            ha="center",
            va="center",
            fontsize=SIZES["label"],
            weight="bold",
            color=PALETTE.muted,
            gid=f"attractiveness.rank.{segment}",
        )
        boxed_text(
            ax,
            (MARGIN + 20, mid),
            str(segment),
            (label_w, row - 2),
            fontsize=SIZES["label"],
            ha="left",
            va="center",
            gid=f"attractiveness.name.{segment}",
        )
        x = left
        for j, name in enumerate(CRITERIA):
            part = entry[name] * scale
            ax.add_artist(
                Rectangle(
                    (x, mid - bar_h / 2),
                    part,
                    bar_h,
                    facecolor=PALETTE.color(j),
                    edgecolor=PALETTE.paper,
                    linewidth=0.8,
                    gid=f"attractiveness.part.{segment}.{name}",
                )
            )
            x += part
        ax.text(
            x + 6,
            mid,
            fmt.number(entry["score"], digits=2),
            ha="left",
            va="center",
            fontsize=SIZES["label"],
            weight="bold",
            color=PALETTE.ink,
            gid=f"attractiveness.score.{segment}",
        )


def _bubbles(ax: Axes, table: pd.DataFrame, width: float, top: float) -> None:
    low, high = SCALE
    axis_w, axis_h, label_h = 40.0, 34.0, 22.0
    box_h = top - MARGIN - axis_h - label_h
    box_w = min(width - 2 * MARGIN - axis_w - 190, box_h * 1.6)
    x0, y0 = MARGIN + axis_w, MARGIN + axis_h
    r_max = min(box_w, box_h) / 11
    inset = r_max + 2  # a largest bubble on the scale's end stays inside the box

    def at(x: float, y: float) -> tuple[float, float]:
        return (
            x0 + inset + (x - low) / (high - low) * (box_w - 2 * inset),
            y0 + inset + (y - low) / (high - low) * (box_h - 2 * inset),
        )

    thirds = [at(low + k * (high - low) / 3, low + k * (high - low) / 3) for k in (1, 2)]
    xs = [x0, *(x for x, _ in thirds), x0 + box_w]
    ys = [y0, *(y for _, y in thirds), y0 + box_h]

    zones = (
        (PALETTE.bad, PALETTE.warning, PALETTE.good),
        (PALETTE.bad, PALETTE.warning, PALETTE.good),
    )
    for i in range(3):
        for j in range(3):
            level = i + j  # 0..4: low-low to high-high
            colour = zones[0][0] if level < 2 else (zones[0][1] if level == 2 else zones[0][2])
            ax.add_artist(
                Rectangle(
                    (xs[j], ys[i]),
                    xs[j + 1] - xs[j],
                    ys[i + 1] - ys[i],
                    facecolor=colour,
                    alpha=0.14,
                    edgecolor=PALETTE.paper,
                    linewidth=2,
                    gid=f"attractiveness.zone.{i}.{j}",
                )
            )
    for value in range(low, high + 1):
        x, y = at(value, value)
        for axis, xy, ha, va in (
            ("x", (x, y0 - 4), "center", "top"),
            ("y", (x0 - 6, y), "right", "center"),
        ):
            ax.text(
                *xy,
                str(value),
                ha=ha,
                va=va,
                fontsize=SIZES["tick"],
                color=PALETTE.muted,
                gid=f"attractiveness.{axis}tick.{value}",
            )
    boxed_text(
        ax,
        (x0 + box_w / 2, MARGIN),
        t("diagrams.attractiveness.ability") + " →",
        (box_w, 16),
        fontsize=SIZES["label"],
        weight="bold",
        ha="center",
        va="bottom",
        color=PALETTE.muted,
        gid="attractiveness.xlabel",
    )
    boxed_text(
        ax,
        (MARGIN, y0 + box_h + 8),
        t("diagrams.attractiveness.market") + " ↑",
        (box_w + axis_w, label_h - 8),
        fontsize=SIZES["label"],
        weight="bold",
        ha="left",
        va="bottom",
        color=PALETTE.muted,
        gid="attractiveness.ylabel",
    )
    largest = max(table["segment_size"].max(), 1e-12)
    for segment, entry in table.sort_values("segment_size", ascending=False).iterrows():
        r = max(r_max * (entry["segment_size"] / largest) ** 0.5, 2.0)
        centre = at(entry["ability"], entry["market"])
        ax.add_artist(
            Circle(
                centre,
                r,
                facecolor=PALETTE.primary,
                alpha=0.55,
                edgecolor=PALETTE.primary,
                linewidth=1,
                gid=f"attractiveness.bubble.{segment}",
            )
        )
        ax.text(
            *centre,
            str(int(entry["rank"])),
            ha="center",
            va="center",
            fontsize=SIZES["small"],
            weight="bold",
            color=PALETTE.paper,
            gid=f"attractiveness.bubble_rank.{segment}",
        )
    key_x = x0 + box_w + r_max + 16
    _bubble_key(ax, table, key_x, y0 + box_h, width - MARGIN - key_x)


def _bubble_key(ax: Axes, table: pd.DataFrame, x: float, y: float, width: float) -> None:
    """Beside the chart: the ranked segments (rank, name, score), then what the zones mean."""
    size = SIZES["small"]
    step = text_layout.line_height(size, font=text_font())
    ax.text(
        x,
        y,
        t("diagrams.attractiveness.key"),
        fontsize=size,
        weight="bold",
        color=PALETTE.muted,
        ha="left",
        va="top",
        gid="attractiveness.key",
    )
    y -= step + 4
    for segment, entry in table.iterrows():
        label = f"{int(entry['rank'])}  {segment}  ({fmt.number(entry['score'], digits=2)})"
        lines, fs = text_layout.fit(
            label, width, 3 * step, fontsize=size, min_fontsize=MIN_FONTSIZE, font=text_font()
        )
        ax.text(
            x,
            y,
            "\n".join(lines),
            fontsize=fs,
            ha="left",
            va="top",
            color=PALETTE.ink,
            linespacing=text_layout.LINESPACING,
            gid=f"attractiveness.key.{segment}",
        )
        y -= text_layout.block_height(len(lines), fs, font=text_font()) + 3
    y -= 10
    for zone, colour in (
        ("invest", PALETTE.good),
        ("select", PALETTE.warning),
        ("harvest", PALETTE.bad),
    ):
        ax.add_artist(
            Rectangle(
                (x, y - 9),
                9,
                9,
                facecolor=colour,
                alpha=0.35,
                edgecolor="none",
                gid=f"attractiveness.zone_key.{zone}",
            )
        )
        lines, fs = text_layout.fit(
            t(f"diagrams.attractiveness.zone.{zone}"),
            width - 14,
            2 * step,
            fontsize=size,
            min_fontsize=MIN_FONTSIZE,
            font=text_font(),
        )
        ax.text(
            x + 14,
            y,
            "\n".join(lines),
            fontsize=fs,
            ha="left",
            va="top",
            color=PALETTE.muted,
            linespacing=text_layout.LINESPACING,
            gid=f"attractiveness.zone_label.{zone}",
        )
        y -= text_layout.block_height(len(lines), fs, font=text_font()) + 3
