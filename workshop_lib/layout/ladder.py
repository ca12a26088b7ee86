"""Geometry of the brand benefit ladder: rungs stacked from the product up, items on each rung,
links between items on neighbouring rungs.

Level 0 is the bottom rung (product attributes); the last level is the top (emotional benefits).

Examples
--------
>>> from workshop_lib.layout.grid import Box
>>> steps = rungs(Box(0, 0, 400, 300), 3, gap=30)
>>> [round(r.y) for r in steps]
[0, 110, 220]
>>> [round(b.x) for b in slots(steps[0], 2, gap=20)]
[0, 210]
"""

from __future__ import annotations

from .grid import Box, split


def rungs(box: Box, levels: int, *, gap: float) -> list[Box]:
    """Return one band per level, bottom to top, equally tall, ``gap`` points apart."""
    return split(box, [1.0] * levels, gap=gap, axis="y")[::-1]


def slots(rung: Box, count: int, *, gap: float, max_width: float | None = None) -> list[Box]:
    """Return ``count`` item boxes side by side on ``rung``, centred, ``gap`` points apart.

    Items are at most ``max_width`` wide, so a rung with few items does not stretch them.

    >>> [b.width for b in slots(Box(0, 0, 300, 40), 1, gap=10, max_width=100)]
    [100]
    >>> slots(Box(0, 0, 300, 40), 1, gap=10, max_width=100)[0].x
    100.0
    """
    if count <= 0:
        return []
    width = (rung.width - gap * (count - 1)) / count
    if max_width is not None:
        width = min(width, max_width)
    used = width * count + gap * (count - 1)
    left = rung.x + (rung.width - used) / 2
    return [Box(left + i * (width + gap), rung.y, width, rung.height) for i in range(count)]


def link(lower: Box, upper: Box) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return the segment from the top of ``lower`` to the bottom of ``upper``.

    The ends sit on the facing edges, shifted towards each other so that links between boxes
    that are side by side stay short and do not cross the boxes.

    >>> link(Box(0, 0, 100, 20), Box(0, 50, 100, 20))
    ((50.0, 20), (50.0, 50))
    >>> link(Box(0, 0, 100, 20), Box(200, 50, 100, 20))
    ((75.0, 20), (225.0, 50))
    """
    lower_x = lower.x + lower.width / 2
    upper_x = upper.x + upper.width / 2
    shift = max(-0.25, min(0.25, (upper_x - lower_x) / (4 * max(lower.width, 1e-9))))
    start = (lower_x + shift * lower.width, lower.top)
    shift_up = max(-0.25, min(0.25, (lower_x - upper_x) / (4 * max(upper.width, 1e-9))))
    end = (upper_x + shift_up * upper.width, upper.y)
    return start, end
