"""Geometry of the purchase funnel: centred bars whose widths follow the counts.

Bars are stacked top to bottom and centred on ``x = 0``; between two bars a trapezoid shows
what flows on (its top is the upper bar's width, its bottom the lower bar's). Counts in a
pharma funnel fall by orders of magnitude, so widths can follow the square root of the count
and never go below a minimum, keeping the last stages readable.

Examples
--------
>>> widths([100, 50, 1], min_width=0.1)
[1.0, 0.5, 0.1]
>>> [round(w, 3) for w in widths([100, 25, 1], scale="sqrt")]
[1.0, 0.5, 0.1]
>>> bars = stack([1.0, 0.5], bar_height=1.0, gap=0.5)
>>> [(b.x, b.y, b.width, b.height) for b in bars]
[(-0.5, -1.0, 1.0, 1.0), (-0.25, -2.5, 0.5, 1.0)]
>>> connectors(bars)[0]
((-0.5, -1.0), (0.5, -1.0), (0.25, -1.5), (-0.25, -1.5))
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

SCALES = ("linear", "sqrt")
"""How a count maps to a bar width: in proportion, or in proportion to its square root."""


@dataclass(frozen=True)
class Bar:
    """A rectangle: lower-left corner ``(x, y)``, ``width`` and ``height``."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        """The upper edge."""
        return self.y + self.height

    @property
    def centre(self) -> tuple[float, float]:
        """The middle point."""
        return (self.x + self.width / 2, self.y + self.height / 2)


def widths(
    counts: Sequence[float], *, scale: str = "linear", min_width: float = 0.0
) -> list[float]:
    """Return bar widths as fractions of the largest count, never below ``min_width``.

    Parameters
    ----------
    counts : sequence of float
        Non-negative counts; at least one must be positive.
    scale : {"linear", "sqrt"}
        ``"sqrt"`` compresses large ratios so late stages stay visible.
    min_width : float
        The narrowest bar, as a fraction of the widest (0–1).

    Raises
    ------
    ValueError
        On an unknown scale, a negative count or no positive count.
    """
    if scale not in SCALES:
        raise ValueError(f"scale: must be one of {', '.join(SCALES)}; got {scale!r}")
    counts = [float(c) for c in counts]
    if any(c < 0 for c in counts) or not counts or max(counts) <= 0:
        raise ValueError("counts: must be non-negative with at least one positive")
    top = max(counts)
    shares = [c / top for c in counts]
    if scale == "sqrt":
        shares = [math.sqrt(s) for s in shares]
    return [max(s, min_width) for s in shares]


def stack(widths: Sequence[float], *, bar_height: float, gap: float) -> list[Bar]:
    """Return one centred bar per width, the first with its top at ``y = 0``, going down."""
    bars = []
    top = 0.0
    for w in widths:
        bars.append(Bar(-w / 2, top - bar_height, w, bar_height))
        top -= bar_height + gap
    return bars


def connectors(bars: Sequence[Bar]) -> list[tuple[tuple[float, float], ...]]:
    """Return the trapezoid between each pair of bars: four corners, clockwise from top left."""
    shapes = []
    for upper, lower in itertools.pairwise(bars):
        shapes.append(
            (
                (upper.x, upper.y),
                (upper.x + upper.width, upper.y),
                (lower.x + lower.width, lower.top),
                (lower.x, lower.top),
            )
        )
    return shapes
