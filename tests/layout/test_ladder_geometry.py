"""Rungs, item slots and links of the benefit ladder, checked with numbers."""

from __future__ import annotations

import pytest

from workshop_lib.layout.grid import Box
from workshop_lib.layout.ladder import link, rungs, slots


def test_rungs_stack_bottom_up_with_gaps():
    steps = rungs(Box(0, 0, 200, 320), 3, gap=40)
    assert [s.y for s in steps] == pytest.approx([0, 120, 240])
    assert all(s.height == pytest.approx(80) for s in steps)


def test_slots_are_centred_and_capped():
    rung = Box(0, 0, 500, 40)
    few = slots(rung, 2, gap=20, max_width=100)
    assert [s.width for s in few] == [100, 100]
    assert few[0].x - rung.x == pytest.approx(rung.right - few[1].right)
    many = slots(rung, 5, gap=20)
    assert many[0].x == 0 and many[-1].right == pytest.approx(500)
    assert slots(rung, 0, gap=10) == []


def test_links_start_on_the_lower_top_edge_and_end_on_the_upper_bottom_edge():
    low, high = Box(0, 0, 100, 20), Box(300, 60, 100, 20)
    (x0, y0), (x1, y1) = link(low, high)
    assert (y0, y1) == (20, 60)
    assert 50 < x0 <= 100  # leans towards the upper box, inside the lower one
    assert 300 <= x1 < 350
    (x0, _), (x1, _) = link(Box(0, 0, 100, 20), Box(0, 60, 100, 20))
    assert x0 == x1 == 50
