"""Boxes, splits, tables and chevrons, checked with numbers."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_lib.layout.grid import Box, chevron, sizes, split, table


def test_box_edges_inset_and_take():
    box = Box(10, 20, 100, 50)
    assert (box.right, box.top, box.center) == (110, 70, (60, 45))
    assert box.inset(60) == Box(60.0, 45.0, 0, 0)
    strip, rest = box.take(30, "left", gap=10)
    assert strip == Box(10, 20, 30, 50)
    assert rest == Box(50, 20, 60, 50)
    strip, rest = box.take(80, "bottom")
    assert strip.height == 50 and rest.height == 0
    with pytest.raises(ValueError, match="side"):
        box.take(1, "middle")


def test_contains_and_overlaps():
    outer = Box(0, 0, 10, 10)
    assert outer.contains(Box(1, 1, 9, 9))
    assert not outer.contains(Box(1, 1, 10, 10))
    assert Box(0, 0, 5, 5).overlaps(Box(4, 4, 5, 5))
    assert not Box(0, 0, 5, 5).overlaps(Box(5, 0, 5, 5))  # touching is not overlapping


def test_rows_run_top_down_and_columns_left_right():
    rows = split(Box(0, 0, 100, 100), [1, 3], gap=20, axis="y")
    assert [r.top for r in rows] == [100, 60]
    assert [r.height for r in rows] == [20, 60]
    cols = split(Box(0, 0, 100, 10), [1, 1], gap=20)
    assert [c.x for c in cols] == [0, 60]


def test_table_cells_line_up():
    cells = table(Box(0, 0, 300, 100), [1, 2], [10, 30], col_gap=10, row_gap=5)
    assert len(cells) == 2 and all(len(row) == 2 for row in cells)
    assert cells[0][0].top == 100
    assert cells[0][1].x == cells[1][1].x
    assert cells[1][0].y == pytest.approx(0)


def test_sizes_keep_fixed_items_when_short_of_room():
    assert sizes([30, 60, 60], 90, stretch=[0, 1, 1]) == [30, 30, 30]
    assert sizes([100, 10], 50, stretch=[0, 1]) == pytest.approx([50 * 100 / 110, 50 * 10 / 110])
    assert sizes([], 10) == []


@given(
    st.lists(st.floats(min_value=0, max_value=500), min_size=1, max_size=8),
    st.floats(min_value=0, max_value=2000),
    st.floats(min_value=0, max_value=20),
)
def test_sizes_fill_the_room_exactly(needed, total, gap):
    shares = sizes(needed, total, gap=gap)
    room = max(total - gap * (len(needed) - 1), 0)
    assert sum(shares) == pytest.approx(room, abs=1e-6)
    assert all(s >= 0 for s in shares)


@given(st.lists(st.floats(min_value=0.1, max_value=10), min_size=1, max_size=8))
def test_split_tiles_the_box(weights):
    box = Box(5, 5, 400, 40)
    parts = split(box, weights, gap=4)
    assert parts[0].x == box.x
    assert parts[-1].right == pytest.approx(box.right)
    for one, two in itertools.pairwise(parts):
        assert two.x - one.right == pytest.approx(4)


def test_chevron_points_into_the_next_notch():
    first = chevron(Box(0, 0, 100, 20), 10, first=True)
    second = chevron(Box(110, 0, 100, 20), 10)
    tip = max(first, key=lambda p: p[0])
    notch = second[1]
    assert tip == (110, 10.0)
    assert notch == (120, 10.0)
