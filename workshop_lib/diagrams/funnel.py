"""The purchase (diagnosis-and-treatment) flow as a funnel with its leverage points.

Examples
--------
>>> ax = purchase_funnel({"population": 1000, "diagnosed": 400, "treated": 300},
...                      leverage=["treated"], lang="en")
>>> [p.get_gid() for p in artists(ax, "funnel.stage.")]
['funnel.stage.population', 'funnel.stage.diagnosed', 'funnel.stage.treated']
>>> artists(ax, "funnel.previous.treated")[0].get_text()
'75.0%'
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import Circle, Polygon, Rectangle

from .. import analysis, fmt
from ..i18n import t
from ..layout import funnel as geometry
from ..layout import text as text_layout
from ..style import PALETTE, SIZES
from ._common import artists, category, diagram, invalid, plan_section
from ._frame import MARGIN, boxed_text, heading, new_axes, page, text_font
from ._stages import stage_counts

__all__ = ["artists", "purchase_funnel"]

SIZE = (10.0, 5.6)
"""Default figure size in inches."""

_HEADER = 22.0
_BADGE = 24.0


@diagram(size=SIZE)
def purchase_funnel(
    data: Any,
    *,
    ax: Axes | None = None,
    lang: str | None = None,
    leverage: Sequence[str] | None = None,
    scale: str = "sqrt",
    period: Any = None,
    title: str | None = None,
    note: str | None = None,
) -> Axes:
    """Draw the purchase flow: one bar per stage, conversions, drop-offs and leverage points.

    Parameters
    ----------
    data : mapping, sequence of pairs, list of dicts, DataFrame or plan section
        Stages in order with their counts, e.g. ``{"population": 20e6, "diabetic": 2.48e6}``,
        the result of :func:`workshop_lib.analysis.funnel`, the ``patient_funnel`` table
        (summed over regions for one ``period``) or the plan's ``purchase_flow``. Stage keys
        of the data dictionary are shown with their zh/en labels, other names as given.
    ax : Axes, optional
        Where to draw; a new figure otherwise.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.
    leverage : sequence of str, optional
        The stages whose entry is a leverage point, most important first; they are
        highlighted and numbered 1, 2, 3... Default: the ``leverage_points`` of a
        ``purchase_flow`` plan section, else none.
    scale : {"sqrt", "linear"}
        Bar width in proportion to the square root of the count (default, keeps late
        stages visible) or to the count.
    period : optional
        The period to draw from a table holding several (default: the last).
    title, note : str, optional
        Override the heading; ``""`` removes it.

    Returns
    -------
    Axes
        Artists carry gids ``funnel.stage.<key>``, ``funnel.count.<key>``,
        ``funnel.previous.<key>``, ``funnel.initial.<key>``, ``funnel.drop.<key>`` and
        ``funnel.leverage.<n>``.
    """
    data = plan_section(data)
    if leverage is None:
        points = data.get("leverage_points", []) if isinstance(data, Mapping) else []
        leverage = [point.get("step") for point in points if point.get("step")]
    stages = stage_counts(data, period=period)
    keys = [key for key, _ in stages]
    counts = [count for _, count in stages]
    order = _leverage(leverage, keys)
    steps = analysis.funnel(dict(stages))
    if scale not in geometry.SCALES:
        raise invalid(
            "scale", scale, t("diagrams.problem.choice", choices=", ".join(geometry.SCALES))
        )
    ax = new_axes(ax, SIZE)
    sheet = page(ax)
    width, height = sheet.width, sheet.height
    default_note = t("diagrams.funnel.note_sqrt") if scale == "sqrt" else ""
    top = heading(
        ax,
        t("diagrams.funnel.title") if title is None else title,
        width,
        height,
        note=default_note if note is None else note,
    )
    bottom = MARGIN + (18 if order else 0)
    inner = width - 2 * MARGIN
    name_w, funnel_w = 0.2 * inner, 0.38 * inner
    metric_w = (inner - name_w - _BADGE - funnel_w) / 3
    centre = MARGIN + name_w + _BADGE + funnel_w / 2
    metrics_x = MARGIN + name_w + _BADGE + funnel_w
    row = (top - _HEADER - bottom) / len(stages)
    bars = geometry.stack(
        [w * funnel_w for w in geometry.widths(counts, scale=scale, min_width=0.04)],
        bar_height=row * 0.66,
        gap=row * 0.34,
    )
    shift = top - _HEADER
    for corners in geometry.connectors(bars):
        ax.add_artist(
            Polygon(
                [(centre + x, shift + y) for x, y in corners],
                closed=True,
                facecolor=PALETTE.grid,
                edgecolor="none",
                gid="funnel.flow",
            )
        )
    headers = ("diagrams.funnel.previous", "diagrams.funnel.initial", "diagrams.funnel.drop")
    for i, key in enumerate(headers):
        x = metrics_x + (i + 1) * metric_w - 4
        boxed_text(
            ax,
            (x, top - _HEADER + 4),
            t(key),
            (metric_w - 8, _HEADER - 6),
            fontsize=SIZES["small"],
            ha="right",
            va="baseline",
            color=PALETTE.muted,
            gid=f"funnel.header.{i}",
        )
    ax.plot(
        [metrics_x + 4, metrics_x + 3 * metric_w - 4],
        [shift - 2, shift - 2],
        color=PALETTE.grid,
        linewidth=0.8,
        gid="funnel.rule",
    )
    for i, (key, count, bar) in enumerate(zip(keys, counts, bars, strict=True)):
        rank = order.get(key)
        colour = PALETTE.accent if rank else PALETTE.primary
        mid = shift + bar.y + bar.height / 2
        ax.add_artist(
            Rectangle(
                (centre + bar.x, shift + bar.y),
                bar.width,
                bar.height,
                facecolor=colour,
                edgecolor="none",
                gid=f"funnel.stage.{key}",
            )
        )
        boxed_text(
            ax,
            (MARGIN + name_w, mid),
            category("stage", key, lang),
            (name_w - 6, row),
            fontsize=SIZES["label"],
            ha="right",
            va="center",
            weight="bold",
            gid=f"funnel.name.{key}",
        )
        _count_label(ax, fmt.count(count), centre, bar.width, mid, key)
        step = steps.iloc[i]
        values = (
            fmt.percent(step["from_previous"]),
            fmt.percent(step["from_initial"]),
            fmt.count(-step["drop_off"]) if i else fmt.MISSING,
        )
        for j, (name, value) in enumerate(
            zip(("previous", "initial", "drop"), values, strict=True)
        ):
            emphasis = rank is not None and name == "previous"
            ax.text(
                metrics_x + (j + 1) * metric_w - 4,
                mid,
                value,
                ha="right",
                va="center",
                fontsize=SIZES["label"],
                weight="bold" if emphasis else "normal",
                color=PALETTE.accent
                if emphasis
                else (PALETTE.bad if name == "drop" and i else PALETTE.ink),
                gid=f"funnel.{name}.{key}",
            )
        if rank:
            _badge(ax, (centre + bar.x - _BADGE / 2 - 2, mid), rank)
    if order:
        ax.text(
            MARGIN,
            MARGIN,
            t("diagrams.funnel.legend"),
            fontsize=SIZES["small"],
            color=PALETTE.muted,
            ha="left",
            va="bottom",
            gid="funnel.legend",
        )
    return ax


def _leverage(leverage: Sequence[str], keys: list[str]) -> dict[str, int]:
    """Map each leverage stage to its number (1 = first), checking it is a later stage."""
    if isinstance(leverage, str):
        leverage = [leverage]
    order: dict[str, int] = {}
    for i, key in enumerate(leverage):
        if key not in keys[1:] or key in order:
            raise invalid(
                f"leverage[{i}]", key, t("diagrams.problem.choice", choices=", ".join(keys[1:]))
            )
        order[key] = i + 1
    return order


def _count_label(ax: Axes, label: str, centre: float, bar_width: float, mid: float, key: str):
    """The count inside the bar when it fits, else just right of it."""
    size = SIZES["label"]
    fits = text_layout.text_width(label, fontsize=size, font=text_font("bold")) + 12 <= bar_width
    x = centre if fits else centre + bar_width / 2 + 6
    ax.text(
        x,
        mid,
        label,
        ha="center" if fits else "left",
        va="center",
        fontsize=size,
        weight="bold",
        color=PALETTE.paper if fits else PALETTE.ink,
        gid=f"funnel.count.{key}",
    )


def _badge(ax: Axes, xy: tuple[float, float], number: int) -> None:
    """A numbered circle marking a leverage point."""
    ax.add_artist(
        Circle(xy, 8.5, facecolor=PALETTE.accent, edgecolor="none", gid=f"funnel.leverage.{number}")
    )
    ax.text(
        *xy,
        str(number),
        ha="center",
        va="center",
        fontsize=SIZES["small"],
        weight="bold",
        color=PALETTE.paper,
        gid=f"funnel.leverage_number.{number}",
    )
