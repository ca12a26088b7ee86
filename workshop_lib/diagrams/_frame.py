"""The frame every diagram draws in: a page measured in points, with text fitted into boxes.

:func:`new_axes` gives a diagram its Axes and :func:`page` turns it into a blank page whose data
units are points, so the boxes of :mod:`workshop_lib.layout.grid`, the text measures of
:mod:`workshop_lib.layout.text` and the shapes share one unit and circles stay round.
:func:`text_font` is the font a text is drawn with, for measuring it. :func:`heading`,
:func:`label`, :func:`boxed_text` and :func:`bullets` fit text into a box (wrap, shrink down to
:data:`MIN_FONTSIZE`, cut with "…" as a last resort) and draw it; :func:`panel` and
:func:`polygon` draw shapes. Every artist gets a ``gid`` so users and tests can find it; a text's
box is the patch whose ``gid`` is the text's part followed by ``.box``.

Examples
--------
>>> from workshop_lib import style
>>> with style.workshop_style():
...     ax = new_axes(None, (4, 2))
...     sheet = page(ax)
...     title = label(ax, sheet.inset(MARGIN), "市场范围与购买流程", gid="demo.title")
>>> (sheet.width, sheet.height), title.get_fontsize()
((288.0, 144.0), 10.5)
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.patches import FancyBboxPatch, Patch, Polygon
from matplotlib.text import Text

from ..layout import text as lt
from ..layout.grid import Box
from ..style import PALETTE, SIZES

MARGIN = 14.0
"""Blank border of a page, in points."""

MIN_FONTSIZE = 7.5
"""The smallest text a diagram draws, in points: still legible when projected."""

PAD = 6.0
"""Padding between a panel's edge and its text, in points."""


def new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """Return ``ax``, or an Axes filling a new figure ``size`` inches wide and high.

    The new figure belongs to pyplot, so a notebook shows it; close it with ``plt.close``.
    """
    if ax is not None:
        return ax
    return plt.figure(figsize=size).add_axes((0.0, 0.0, 1.0, 1.0))


def page(ax: Axes) -> Box:
    """Make ``ax`` a blank page measured in points and return the page as a :class:`Box`."""
    fig = ax.figure
    position = ax.get_position()
    width = position.width * fig.get_figwidth() * 72
    height = position.height * fig.get_figheight() * 72
    ax.set_xlim(0.0, width)
    ax.set_ylim(0.0, height)
    ax.set_axis_off()
    return Box(0.0, 0.0, float(width), float(height))


def text_font(weight: str = "normal") -> lt.Font:
    """Return the font that text of ``weight`` is drawn with in the active style, to measure it."""
    return _found(
        tuple(mpl.rcParams["font.family"]), tuple(mpl.rcParams["font.sans-serif"]), weight
    )


@cache
def _found(family: tuple[str, ...], sans_serif: tuple[str, ...], weight: str) -> lt.Font:
    """The font of ``family`` (``sans_serif`` resolves the generic name), looked up once."""
    return lt.Font.find(family, weight=weight)


def add(ax: Axes, patch: Patch) -> Patch:
    """Add ``patch`` to ``ax`` without growing its data limits.

    The page has fixed limits, and measuring rounded boxes to update them costs more than
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


def heading(ax: Axes, title: str, width: float, height: float, *, note: str = "") -> float:
    """Draw a left-aligned title (and a muted note under it) at the top of a :func:`page`.

    Long titles wrap to the page width. Returns the ``y`` (in points) below the heading,
    where the diagram's body may start; ``height`` when both texts are empty.
    """
    y = height - MARGIN
    for content, size, weight, color, gid in (
        (title, SIZES["title"], "bold", PALETTE.ink, "title"),
        (note, SIZES["small"], "normal", PALETTE.muted, "note"),
    ):
        if not content:
            continue
        font = text_font(weight)
        lines = lt.wrap(content, width - 2 * MARGIN, fontsize=size, font=font)
        ax.text(
            MARGIN,
            y,
            "\n".join(lines),
            fontsize=size,
            weight=weight,
            color=color,
            ha="left",
            va="top",
            linespacing=lt.LINESPACING,
            gid=f"heading.{gid}",
        )
        y -= lt.block_height(len(lines), size, font=font) + 4
    return y - 6 if y < height - MARGIN else height


def boxed_text(
    ax: Axes,
    xy: tuple[float, float],
    content: str,
    box: tuple[float, float],
    *,
    fontsize: float,
    min_fontsize: float = MIN_FONTSIZE,
    weight: str = "normal",
    balanced: bool = False,
    **kws: Any,
) -> Text:
    """Draw ``content`` fitted into a ``box`` (width, height in points) anchored at ``xy``.

    The text wraps (into lines of even length if ``balanced``), shrinks down to
    ``min_fontsize`` and is cut with "…" only as a last resort; ``kws`` go to ``ax.text``
    (``ha``, ``va``, ``color``, ``gid``...). Returns the Text artist.
    """
    lines, size = lt.fit(
        content,
        max(box[0], 1.0),
        max(box[1], 1.0),
        fontsize=fontsize,
        min_fontsize=min(min_fontsize, fontsize),
        font=text_font(weight),
        balanced=balanced,
    )
    return ax.text(
        *xy, "\n".join(lines), fontsize=size, weight=weight, linespacing=lt.LINESPACING, **kws
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
    """Fit ``text`` into ``box`` and draw it, aligned in the box by ``ha`` and ``va``.

    A ``balanced`` label breaks into lines of even length, with no orphan on the last line;
    pass False for paragraphs.
    """
    return boxed_text(
        ax,
        _anchor(box, ha, va),
        text,
        (box.width, box.height),
        fontsize=fontsize,
        min_fontsize=min_fontsize,
        weight=weight,
        balanced=balanced,
        color=color,
        ha=ha,
        va=va,
        multialignment=ha,
        gid=gid,
        zorder=zorder,
    )


def _anchor(box: Box, ha: str, va: str) -> tuple[float, float]:
    """The point of ``box`` a text aligned ``ha``/``va`` is anchored at."""
    x = {"left": box.x, "center": box.x + box.width / 2, "right": box.right}[ha]
    y = {"top": box.top, "center": box.y + box.height / 2, "bottom": box.y}[va]
    return x, y


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
        font=text_font(),
        bullet=bullet,
        spaced=spaced,
    )
    return ax.text(
        *_anchor(box, "left", va),
        "\n".join(lines),
        fontsize=size,
        color=color,
        ha="left",
        va=va,
        multialignment="left",
        linespacing=lt.LINESPACING,
        gid=gid,
        zorder=zorder,
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
    low = min(min_fontsize, fontsize)
    for text, box in zip(texts, boxes, strict=True):
        if not text:
            continue
        width, height = max(box.width, 1.0), max(box.height, 1.0)
        if isinstance(text, str):
            fitted = lt.fit(
                text, width, height, fontsize=fontsize, min_fontsize=low, font=text_font(weight)
            )
        else:
            fitted = lt.fit_items(
                list(text), width, height, fontsize=fontsize, min_fontsize=low, font=text_font()
            )
        sizes.append(fitted[1])
    return min(sizes)


def needed_height(text: str, width: float, *, fontsize: float, weight: str = "normal") -> float:
    """Height in points that ``text`` needs at ``fontsize`` in a column ``width`` points wide."""
    font = text_font(weight)
    lines = lt.wrap(text, max(width, 1.0), fontsize=fontsize, font=font)
    return lt.block_height(len(lines), fontsize, font=font)


def needed_items_height(items: Sequence[str], width: float, *, fontsize: float) -> float:
    """Height in points that a bulleted list needs at ``fontsize`` in a column ``width`` wide."""
    font = text_font()
    lines = lt.wrap_items(list(items), max(width, 1.0), fontsize=fontsize, font=font)
    return lt.block_height(len(lines), fontsize, font=font)
