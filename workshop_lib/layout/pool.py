"""Geometry of the market-scope "pool": nested circles whose areas follow the counts.

Each level of the market (population, diagnosed, treated, ...) is a circle whose area is in
proportion to its count; all circles touch at the bottom so the smaller pools sit inside the
larger ones like water levels. Labels sit in a column to the right, joined to their ring by a
leader line.

Examples
--------
>>> circles = nested_circles([100, 25, 4], radius=2.0)
>>> [(c.x, c.y, c.r) for c in circles]
[(0.0, 2.0, 2.0), (0.0, 1.0, 1.0), (0.0, 0.4, 0.4)]
>>> [round(y, 2) for _, y in ring_anchors(circles)]
[3.0, 1.4, 0.4]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Circle:
    """A circle with centre ``(x, y)`` and radius ``r``."""

    x: float
    y: float
    r: float

    @property
    def area(self) -> float:
        """The area, ``π r²``."""
        return math.pi * self.r**2

    @property
    def top(self) -> float:
        """The highest ``y`` of the circle."""
        return self.y + self.r


def nested_circles(values: Sequence[float], *, radius: float = 1.0) -> list[Circle]:
    """Return one circle per value, the first of ``radius``, areas in proportion to the values.

    Every circle touches the line ``y = 0`` at ``x = 0``, so each lies inside the one before.

    Parameters
    ----------
    values : sequence of float
        Counts from the largest level to the smallest: non-negative, non-increasing, first > 0.
    radius : float
        Radius of the first (largest) circle.

    Raises
    ------
    ValueError
        If the values are empty, negative, increasing, or the first is not positive.
    """
    values = [float(v) for v in values]
    if not values or values[0] <= 0:
        raise ValueError("values: the first value must be positive")
    for i, (outer, inner) in enumerate(itertools.pairwise(values), start=1):
        if inner < 0 or inner > outer:
            raise ValueError(f"values[{i}]: must be between 0 and the value before it")
    return [Circle(0.0, r, r) for r in (radius * math.sqrt(v / values[0]) for v in values)]


def ring_anchors(circles: Sequence[Circle]) -> list[tuple[float, float]]:
    """Return, per circle, a point inside its visible ring on the vertical centre line.

    The ring of circle ``i`` is the band between its top and the top of circle ``i + 1``; the
    anchor is the middle of that band. The last circle's anchor is its centre.
    """
    anchors = []
    for outer, inner in itertools.pairwise(circles):
        anchors.append((outer.x, (outer.top + inner.top) / 2))
    if circles:
        anchors.append((circles[-1].x, circles[-1].y))
    return anchors


def spread(n: int, low: float, high: float) -> list[float]:
    """Return ``n`` evenly spaced positions from ``high`` down to ``low`` (centres of slots).

    >>> spread(4, 0.0, 4.0)
    [3.5, 2.5, 1.5, 0.5]
    """
    if n <= 0:
        return []
    step = (high - low) / n
    return [high - step * (i + 0.5) for i in range(n)]
