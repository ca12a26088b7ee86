"""Drawing on a point grid: the shared frame of the text-heavy diagrams.

:func:`canvas` turns an Axes into a blank page whose data units are points, so the boxes of
:mod:`workshop_lib.layout.grid` and the text sizes of :mod:`workshop_lib.layout.text` match
one to one. :func:`label` and :func:`bullets` fit text into a box (wrap, shrink, cut) and draw
it; :func:`panel` draws a rounded box. Every artist gets a ``gid`` so users and tests can find
it; a text's box is the patch whose ``gid`` is the text's part followed by ``.box``.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.patches import FancyBboxPatch, Patch, Polygon
from matplotlib.text import Text

from ..layout import text as lt
from ..layout.grid import Box
from ..style import PALETTE, SIZES
from ._common import frameless

MIN_FONTSIZE = 7.0
"""No text of a diagram is drawn smaller than this, in points."""

PAD = 6.0
"""Padding between a panel's edge and its text, in points."""


def canvas(ax: Axes, *, fill_figure: bool) -> Box:
    """Make ``ax`` a blank page measured in points and return the page as a :class:`Box`.

    With ``fill_figure`` (an Axes the diagram created itself) the Axes first grows to the
    whole figure.
    """
    fig = ax.figure
    if fill_figure:
        ax.set_position((0.0, 0.0, 1.0, 1.0))
    position = ax.get_position()
    width = position.width * fig.get_figwidth() * 72
    height = position.height * fig.get_figheight() * 72
    frameless(ax, (0.0, width), (0.0, height))
    return Box(0.0, 0.0, width, height)


def add(ax: Axes, patch: Patch) -> Patch:
    """Add ``patch`` to ``ax`` without growing its data limits.

    The canvas has fixed limits, and measuring rounded boxes to update them costs more than
    drawing them. The patch still counts among ``ax.patches``.
    """
    ax.add_artist(patch)
    return patch


def tint(color: str, amount: float) -> tuple[float, float, float]:
    """Mix a palette ``color`` with the paper colour: ``amount`` 1 is the colour, 0 the paper."""
    paper = to_rgb(PALETTE.paper)
    return tuple(p + (c - p) * amount for c, p in zip(to_rgb(color), paper, strict=True))


def panel(
    ax: Axes,
    box: Box,
    *,
    gid: str,
    face: object = PALETTE.paper,
    edge: object = "none",
    radius: float = 4.0,
    linewidth: float = 0.8,
    zorder: float = 1,
) -> FancyBboxPatch:
    """Draw a rounded rectangle exactly covering ``box``."""
    radius = min(radius, box.width / 2, box.height / 2)
    patch = FancyBboxPatch(
        (box.x + radius, box.y + radius),
        max(box.width - 2 * radius, 0),
        max(box.height - 2 * radius, 0),
        boxstyle=f"round,pad={radius}",
        facecolor=face,
        edgecolor=edge,
        linewidth=linewidth,
        gid=gid,
        zorder=zorder,
    )
    add(ax, patch)
    return patch


def polygon(
    ax: Axes, corners: Sequence[tuple[float, float]], *, gid: str, face: object, zorder: float = 1
) -> Polygon:
    """Draw a filled polygon without an edge."""
    patch = Polygon(corners, closed=True, facecolor=face, edgecolor="none", gid=gid, zorder=zorder)
    add(ax, patch)
    return patch


def _place(
    ax: Axes,
    box: Box,
    lines: list[str],
    size: float,
    *,
    gid: str,
    weight: str,
    color: object,
    ha: str,
    va: str,
    zorder: float,
) -> Text:
    x = {"left": box.x, "center": box.x + box.width / 2, "right": box.right}[ha]
    y = {"top": box.top, "center": box.y + box.height / 2, "bottom": box.y}[va]
    return ax.text(
        x,
        y,
        "\n".join(lines),
        fontsize=size,
        fontweight=weight,
        color=color,
        ha=ha,
        va=va,
        multialignment=ha,
        linespacing=lt.LINESPACING,
        gid=gid,
        zorder=zorder,
    )


def label(
    ax: Axes,
    box: Box,
    text: str,
    *,
    gid: str,
    fontsize: float = SIZES["base"],
    min_fontsize: float = MIN_FONTSIZE,
    weight: str = "normal",
    color: object = PALETTE.ink,
    ha: str = "left",
    va: str = "top",
    balanced: bool = True,
    zorder: float = 3,
) -> Text:
    """Fit ``text`` into ``box`` (wrap, shrink to ``min_fontsize``, cut with "…") and draw it.

    A ``balanced`` label breaks into lines of even length, with no orphan on the last line;
    pass False for paragraphs.
    """
    lines, size = lt.fit(
        text,
        max(box.width, 1.0),
        max(box.height, 1.0),
        fontsize=fontsize,
        min_fontsize=min(min_fontsize, fontsize),
        weight=weight,
        balanced=balanced,
    )
    return _place(
        ax, box, lines, size, gid=gid, weight=weight, color=color, ha=ha, va=va, zorder=zorder
    )


def bullets(
    ax: Axes,
    box: Box,
    items: Sequence[str],
    *,
    gid: str,
    fontsize: float = SIZES["base"],
    min_fontsize: float = MIN_FONTSIZE,
    color: object = PALETTE.ink,
    bullet: str = lt.BULLET,
    spaced: bool = False,
    va: str = "top",
    zorder: float = 3,
) -> Text:
    """Fit a bulleted list into ``box`` and draw it as one text, left-aligned.

    ``spaced`` puts an empty line between items when there is room.
    """
    lines, size = lt.fit_items(
        list(items),
        max(box.width, 1.0),
        max(box.height, 1.0),
        fontsize=fontsize,
        min_fontsize=min(min_fontsize, fontsize),
        bullet=bullet,
        spaced=spaced,
    )
    return _place(
        ax, box, lines, size, gid=gid, weight="normal", color=color, ha="left", va=va, zorder=zorder
    )


def common_size(
    texts: Sequence[str | Sequence[str]],
    boxes: Sequence[Box],
    *,
    fontsize: float,
    min_fontsize: float = MIN_FONTSIZE,
    weight: str = "normal",
) -> float:
    """The largest size at which every text fits its box, so that a row of cells reads as one.

    A text may be a bulleted list (a sequence of phrases) as drawn by :func:`bullets`; empty
    texts do not count.
    """
    sizes = [float(fontsize)]
    for text, box in zip(texts, boxes, strict=True):
        if not text:
            continue
        width, height = max(box.width, 1.0), max(box.height, 1.0)
        low = min(min_fontsize, fontsize)
        if isinstance(text, str):
            sizes.append(
                lt.fit(text, width, height, fontsize=fontsize, min_fontsize=low, weight=weight)[1]
            )
        else:
            sizes.append(
                lt.fit_items(list(text), width, height, fontsize=fontsize, min_fontsize=low)[1]
            )
    return min(sizes)


def needed_height(text: str, width: float, *, fontsize: float, weight: str = "normal") -> float:
    """Height in points that ``text`` needs at ``fontsize`` in a column ``width`` points wide."""
    lines = lt.wrap(text, max(width, 1.0), fontsize=fontsize, weight=weight)
    return lt.block_height(len(lines), fontsize, weight=weight)


def needed_items_height(items: Sequence[str], width: float, *, fontsize: float) -> float:
    """Height in points that a bulleted list needs at ``fontsize`` in a column ``width`` wide."""
    lines = lt.wrap_items(list(items), max(width, 1.0), fontsize=fontsize)
    return lt.block_height(len(lines), fontsize)
