"""The KPI dashboard: one tile per KPI with value, target, change and a traffic light.

Examples
--------
>>> ax = kpi_dashboard([
...     {"kpi": "penetration", "value": 0.065, "target": 0.07, "previous": 0.055,
...      "format": "percent"},
...     {"name": "New prescribers", "value": 410, "target": 380, "previous": 350,
...      "format": "count"},
... ], lang="en")
>>> [a.get_text() for a in artists(ax, "dashboard.value.")]
['6.5%', '410']
>>> [a.get_gid() for a in artists(ax, "dashboard.light.")]
['dashboard.light.0.warning', 'dashboard.light.1.good']
>>> artists(ax, "dashboard.change.0")[0].get_text()
'▲ +1.0 pp vs previous'
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

import math
from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch

from .. import fmt, kpi
from ..i18n import t
from ..layout import text as text_layout
from ..style import PALETTE, SIZES
from ._common import artists, diagram, invalid, number, records, text
from ._frame import MARGIN, boxed_text, heading, new_axes, page, text_font

__all__ = ["artists", "kpi_dashboard", "status"]

SIZE = (10.0, 4.8)
"""Default figure size in inches (for two rows of tiles; the height follows the rows)."""

FORMATS = ("percent", "count", "money", "number")
"""How a tile shows its value; ``percent`` values are fractions and change in points."""

KPI_NAMES = (
    "penetration",
    "cac",
    "clv",
    "segment_growth",
    "csat",
    "retention",
    "behaviour_conversion",
    "engagement",
    "awareness",
    "loyalty",
    "nps",
    "share_change",
    "response_rate",
    "sales_conversion",
    "acquisition_growth",
)
"""The course's KPIs whose names the catalog knows (``{"kpi": key}`` in a tile)."""

_GAP = 10.0


def status(
    value: float, target: float | None, *, higher_is_better: bool = True, tolerance: float = 0.1
) -> str | None:
    """Return the traffic light of a KPI: ``"good"``, ``"warning"``, ``"bad"`` or None.

    ``"good"`` when the target is met, ``"warning"`` when the value misses it by at most
    ``tolerance`` of the target, ``"bad"`` otherwise; None without a target.

    >>> status(0.30, 0.32), status(0.20, 0.32), status(90, 100, higher_is_better=False)
    ('warning', 'bad', 'good')
    """
    if target is None:
        return None
    gap = (target - value) if higher_is_better else (value - target)
    if gap <= 0:
        return "good"
    return "warning" if gap <= tolerance * abs(target) else "bad"


def _blank(value: Any) -> bool:
    """True for None, NaN and empty text: a cell left empty in a table."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, float) and math.isnan(value)


def _show(value: float, kind: str) -> str:
    if kind == "percent":
        return fmt.percent(value)
    if kind == "count":
        return fmt.count(value)
    if kind == "money":
        return fmt.money(value)
    return fmt.number(value, digits=0 if float(value).is_integer() else 1)


def _change(value: float, previous: float, kind: str) -> tuple[str, float]:
    """The change against the previous period, as text and as a signed number."""
    if kind == "percent":
        delta = float(kpi.share_change(value, previous))
        return fmt.points(delta), delta
    if kind == "number":
        delta = value - previous
        return fmt.number(delta, sign=True), delta
    delta = float(kpi.growth_rate(value, previous))
    return fmt.percent(delta, sign=True), delta


def _tile(row: dict[str, Any], i: int) -> dict[str, Any]:
    """Check one tile's fields and return them cleaned (blank cells count as missing)."""
    row = {key: value for key, value in row.items() if not _blank(value)}
    field = f"data[{i}]"
    kind = row.get("format", "number")
    if kind not in FORMATS:
        raise invalid(
            f"{field}.format", kind, t("diagrams.problem.choice", choices=", ".join(FORMATS))
        )
    if row.get("name"):
        name = text(row["name"], f"{field}.name")
    elif row.get("kpi") in KPI_NAMES:
        name = t(f"diagrams.kpi.{row['kpi']}")
    else:
        raise invalid(
            f"{field}.name",
            row.get("kpi"),
            t("diagrams.problem.kpi_name", names=", ".join(KPI_NAMES)),
        )

    def optional(key: str) -> float | None:
        return None if key not in row else number(row[key], f"{field}.{key}")

    return {
        "name": name,
        "kind": kind,
        "value": number(row.get("value"), f"{field}.value"),
        "target": optional("target"),
        "previous": optional("previous"),
        "higher": bool(row.get("higher_is_better", True)),
        "note": text(row.get("note"), f"{field}.note", required=False),
    }


@diagram(size=SIZE)
def kpi_dashboard(
    data: Any,
    *,
    ax: Axes | None = None,
    lang: str | None = None,
    columns: int | None = None,
    tolerance: float = 0.1,
    title: str | None = None,
    note: str | None = None,
) -> Axes:
    """Draw KPI tiles: value, target, change against the previous period and a traffic light.

    Parameters
    ----------
    data : list of dicts or DataFrame
        One row per tile with ``value`` and either ``name`` (any text) or ``kpi`` (a key of
        :data:`KPI_NAMES`, named from the catalog); optional ``target``, ``previous``,
        ``format`` (one of :data:`FORMATS`, default ``"number"``), ``higher_is_better``
        (default True) and ``note`` (e.g. the base or ``n``).
    ax : Axes, optional
        Where to draw; a new figure otherwise.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.
    columns : int, optional
        Tiles per row; default up to 3.
    tolerance : float
        How far below target (as a share of the target) still shows amber rather than red.
    title, note : str, optional
        Override the heading; ``""`` removes it.

    Returns
    -------
    Axes
        Artists carry gids ``dashboard.tile.<i>``, ``dashboard.value.<i>``,
        ``dashboard.target.<i>``, ``dashboard.change.<i>`` and
        ``dashboard.light.<i>.<status>``.
    """
    tiles = [_tile(row, i) for i, row in enumerate(records(data, ["value"]))]
    if columns is not None and (
        isinstance(columns, bool) or not isinstance(columns, int) or columns < 1
    ):
        raise invalid("columns", columns, t("diagrams.problem.minimum", low=1))
    cols = columns or min(len(tiles), 3)
    rows = math.ceil(len(tiles) / cols)
    ax = new_axes(ax, (SIZE[0], 1.3 + 1.75 * rows))
    sheet = page(ax)
    width, height = sheet.width, sheet.height
    top = heading(
        ax,
        t("diagrams.dashboard.title") if title is None else title,
        width,
        height,
        note=t("diagrams.dashboard.note") if note is None else note,
    )
    tile_w = (width - 2 * MARGIN - (cols - 1) * _GAP) / cols
    tile_h = (top - MARGIN - (rows - 1) * _GAP) / rows
    for i, tile in enumerate(tiles):
        x = MARGIN + (i % cols) * (tile_w + _GAP)
        y = top - (i // cols + 1) * tile_h - (i // cols) * _GAP
        _draw_tile(ax, tile, i, (x, y, tile_w, tile_h), tolerance)
    return ax


def _draw_tile(
    ax: Axes, tile: dict[str, Any], i: int, box: tuple[float, float, float, float], tolerance: float
) -> None:
    x, y, w, h = box
    pad = 12.0
    ax.add_artist(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=6",
            facecolor=PALETTE.paper,
            edgecolor=PALETTE.grid,
            linewidth=1.2,
            gid=f"dashboard.tile.{i}",
        )
    )
    light = status(
        tile["value"], tile["target"], higher_is_better=tile["higher"], tolerance=tolerance
    )
    if light:
        ax.add_artist(
            Circle(
                (x + w - pad - 6, y + h - pad - 6),
                6.5,
                facecolor=getattr(PALETTE, light),
                edgecolor="none",
                gid=f"dashboard.light.{i}.{light}",
            )
        )
    inner = w - 2 * pad
    name_h = min(0.3 * h, 34.0)
    boxed_text(
        ax,
        (x + pad, y + h - pad),
        tile["name"],
        (inner - 22, name_h),
        fontsize=SIZES["label"],
        weight="bold",
        ha="left",
        va="top",
        color=PALETTE.ink,
        gid=f"dashboard.name.{i}",
    )
    detail_size = SIZES["small"] + 0.5
    line = text_layout.line_height(detail_size, font=text_font()) + 2
    value_top = y + h - pad - name_h - 4
    value_h = min(36.0, value_top - (y + pad) - 3 * line)
    boxed_text(
        ax,
        (x + pad, value_top),
        _show(tile["value"], tile["kind"]),
        (inner, value_h),
        fontsize=24,
        min_fontsize=12,
        weight="bold",
        ha="left",
        va="top",
        color=getattr(PALETTE, light) if light == "bad" else PALETTE.ink,
        gid=f"dashboard.value.{i}",
    )
    details = []
    if tile["target"] is not None:
        details.append(
            (
                "target",
                t("diagrams.dashboard.target", value=_show(tile["target"], tile["kind"])),
                PALETTE.muted,
            )
        )
    if tile["previous"] is not None:
        change, delta = _change(tile["value"], tile["previous"], tile["kind"])
        better = delta > 0 if tile["higher"] else delta < 0
        arrow = "▲" if delta > 0 else ("▼" if delta < 0 else "■")
        colour = PALETTE.muted if delta == 0 else (PALETTE.good if better else PALETTE.bad)
        details.append(
            ("change", t("diagrams.dashboard.change", arrow=arrow, change=change), colour)
        )
    if tile["note"]:
        details.append(("note", tile["note"], PALETTE.muted))
    for k, (part, content, colour) in enumerate(details):
        boxed_text(
            ax,
            (x + pad, value_top - value_h - 4 - k * line),
            content,
            (inner, line - 1),
            fontsize=detail_size,
            ha="left",
            va="top",
            color=colour,
            gid=f"dashboard.{part}.{i}",
        )
