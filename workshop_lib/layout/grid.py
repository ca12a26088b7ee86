"""Boxes, splits and tables: where the cards, panels and cells of a diagram go.

A :class:`Box` is a rectangle in points with its origin at the lower left, like matplotlib's
display space. Splits read like a page: columns left to right, rows top to bottom.

Examples
--------
>>> page = Box(0, 0, 300, 200)
>>> [b.x for b in split(page, [1, 2], gap=15)]
[0, 110.0]
>>> [b.top for b in split(page, [1, 1], gap=0, axis="y")]
[200.0, 100.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle: lower-left corner ``(x, y)``, ``width`` and ``height``, in points."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def inset(self, dx: float, dy: float | None = None) -> Box:
        """Return the box shrunk by ``dx`` on the left and right, ``dy`` (default ``dx``) above
        and below.

        A box never gets a negative size: an inset larger than half the box leaves it empty
        at its centre.

        >>> Box(0, 0, 100, 50).inset(10, 5)
        Box(x=10.0, y=5.0, width=80, height=40)
        """
        dy = dx if dy is None else dy
        width = max(self.width - 2 * dx, 0)
        height = max(self.height - 2 * dy, 0)
        return Box(
            self.x + (self.width - width) / 2, self.y + (self.height - height) / 2, width, height
        )

    def take(self, size: float, side: str = "top", *, gap: float = 0.0) -> tuple[Box, Box]:
        """Cut a strip ``size`` points thick off one side; return ``(strip, rest)``.

        ``side`` is ``"top"``, ``"bottom"``, ``"left"`` or ``"right"``; ``gap`` points separate
        the strip from the rest. The strip is at most the whole box.

        >>> Box(0, 0, 100, 50).take(20, "top", gap=5)
        (Box(x=0, y=30, width=100, height=20), Box(x=0, y=0, width=100, height=25))
        """
        if side in ("top", "bottom"):
            size = min(size, self.height)
            rest = max(self.height - size - gap, 0)
            if side == "top":
                return (
                    Box(self.x, self.top - size, self.width, size),
                    Box(self.x, self.y, self.width, rest),
                )
            return (
                Box(self.x, self.y, self.width, size),
                Box(self.x, self.top - rest, self.width, rest),
            )
        if side in ("left", "right"):
            size = min(size, self.width)
            rest = max(self.width - size - gap, 0)
            if side == "left":
                return (
                    Box(self.x, self.y, size, self.height),
                    Box(self.right - rest, self.y, rest, self.height),
                )
            return (
                Box(self.right - size, self.y, size, self.height),
                Box(self.x, self.y, rest, self.height),
            )
        raise ValueError(f"side must be top, bottom, left or right; got {side!r}")

    def contains(self, other: Box, *, tolerance: float = 1e-6) -> bool:
        """True if ``other`` lies inside this box."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )

    def overlaps(self, other: Box) -> bool:
        """True if the two boxes share some area (touching edges do not count)."""
        return min(self.right, other.right) > max(self.x, other.x) and min(
            self.top, other.top
        ) > max(self.y, other.y)


def sizes(
    needed: Sequence[float],
    total: float,
    *,
    gap: float = 0.0,
    stretch: Sequence[float] | None = None,
) -> list[float]:
    """Share ``total`` points among items that each need ``needed[i]``, with gaps between them.

    With room to spare every item gets what it needs plus a share of the rest in proportion to
    ``stretch`` (equal shares by default; 0 keeps an item at its need); short of room, the
    items that may stretch are scaled down in proportion (all of them if that is not enough).

    >>> sizes([10, 30], 60)
    [20.0, 40.0]
    >>> sizes([10, 30], 60, stretch=[0, 1])
    [10.0, 50.0]
    >>> sizes([10, 30], 20)
    [5.0, 15.0]
    >>> sizes([10, 30], 20, stretch=[0, 1])
    [10.0, 10.0]
    >>> sizes([10, 10], 30, gap=10)
    [10.0, 10.0]
    """
    if not needed:
        return []
    room = max(total - gap * (len(needed) - 1), 0.0)
    want = sum(needed)
    if want <= room:
        weights = [1.0] * len(needed) if stretch is None else [float(s) for s in stretch]
        if sum(weights) <= 0:
            weights = [1.0] * len(needed)
        extra = (room - want) / sum(weights)
        return [float(n + extra * w) for n, w in zip(needed, weights, strict=True)]
    if want <= 0:
        return [room / len(needed)] * len(needed)
    if stretch is not None:  # items that may not stretch keep their size while others can give
        flexible = [float(w) > 0 for w in stretch]
        fixed = sum(n for n, f in zip(needed, flexible, strict=True) if not f)
        give = want - fixed
        if fixed < room and give > 0:
            scale = (room - fixed) / give
            return [float(n * scale if f else n) for n, f in zip(needed, flexible, strict=True)]
    return [float(n * room / want) for n in needed]


def split(box: Box, weights: Sequence[float], *, gap: float = 0.0, axis: str = "x") -> list[Box]:
    """Cut ``box`` into parts proportional to ``weights``: columns (``axis="x"``), left to right,
    or rows (``axis="y"``), top to bottom, with ``gap`` points between neighbours.

    >>> [round(b.width) for b in split(Box(0, 0, 110, 10), [1, 1, 2], gap=5)]
    [25, 25, 50]
    """
    if not weights:
        return []
    total = float(sum(weights))
    length = box.width if axis == "x" else box.height
    room = max(length - gap * (len(weights) - 1), 0.0)
    parts = [room * w / total if total > 0 else room / len(weights) for w in weights]
    boxes = []
    cursor = box.x if axis == "x" else box.top
    for part in parts:
        if axis == "x":
            boxes.append(Box(cursor, box.y, part, box.height))
            cursor += part + gap
        else:
            boxes.append(Box(box.x, cursor - part, box.width, part))
            cursor -= part + gap
    return boxes


def table(
    box: Box,
    col_weights: Sequence[float],
    row_heights: Sequence[float],
    *,
    col_gap: float = 0.0,
    row_gap: float = 0.0,
) -> list[list[Box]]:
    """Cells of a table: ``cells[row][col]``; rows from the top with the given heights.

    Rows taller than the box in total are scaled down to fit (see :func:`sizes`).

    >>> cells = table(Box(0, 0, 100, 100), [1, 1], [20, 20], row_gap=10)
    >>> cells[1][1]
    Box(x=50.0, y=0.0, width=50.0, height=45.0)
    """
    heights = sizes(row_heights, box.height, gap=row_gap)
    columns = split(box, col_weights, gap=col_gap)
    cells = []
    top = box.top
    for height in heights:
        cells.append([Box(col.x, top - height, col.width, height) for col in columns])
        top -= height + row_gap
    return cells


def chevron(box: Box, depth: float, *, first: bool = False) -> list[tuple[float, float]]:
    """Corners of an arrow-shaped band filling ``box``, pointing right, for a step in a flow.

    The point sticks ``depth`` points into the next box's notch; the first band has a flat
    left edge. Corners run clockwise from the lower left.

    >>> chevron(Box(0, 0, 100, 20), 10, first=True)
    [(0, 0), (0, 20), (100, 20), (110, 10.0), (100, 0)]
    >>> chevron(Box(0, 0, 100, 20), 10)[:3]
    [(0, 0), (10, 10.0), (0, 20)]
    """
    mid = box.y + box.height / 2
    left = [(box.x, box.y), (box.x, box.top)]
    if not first:
        left = [(box.x, box.y), (box.x + depth, mid), (box.x, box.top)]
    return [*left, (box.right, box.top), (box.right + depth, mid), (box.right, box.y)]
