"""The pool geometry: areas follow the counts, circles nest, labels spread evenly."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_lib.layout import pool


def test_areas_are_proportional_to_counts():
    counts = [20_000_000, 2_480_000, 910_000, 820_000, 90_000, 12_000]
    circles = pool.nested_circles(counts, radius=150)
    for circle, count in zip(circles, counts, strict=True):
        assert circle.area / circles[0].area == pytest.approx(count / counts[0])
    assert circles[0].r == 150


@given(st.lists(st.floats(0, 1e9), min_size=1, max_size=8).map(sorted))
def test_each_circle_lies_inside_the_one_before(values):
    values = values[::-1]
    if values[0] <= 0:
        return
    circles = pool.nested_circles(values, radius=3.0)
    for outer, inner in itertools.pairwise(circles):
        distance = math.hypot(outer.x - inner.x, outer.y - inner.y)
        assert distance + inner.r <= outer.r + 1e-9
        assert inner.y - inner.r == pytest.approx(0.0)


@pytest.mark.parametrize("values", [[], [0, 0], [10, 20], [10, -1]])
def test_bad_values_are_refused(values):
    with pytest.raises(ValueError, match="values"):
        pool.nested_circles(values)


def test_ring_anchors_sit_inside_their_ring():
    circles = pool.nested_circles([100, 36, 4], radius=10)
    anchors = pool.ring_anchors(circles)
    for i, (x, y) in enumerate(anchors[:-1]):
        assert circles[i + 1].top < y < circles[i].top
        assert x == circles[i].x
    assert anchors[-1] == (circles[-1].x, circles[-1].y)


def test_spread_gives_equal_slots_top_down():
    assert pool.spread(3, 0, 30) == [25.0, 15.0, 5.0]
    assert pool.spread(0, 0, 30) == []
