"""The funnel geometry: widths follow counts, bars stack, connectors join neighbours."""

from __future__ import annotations

import pytest

from workshop_lib.layout import funnel


def test_linear_widths_are_shares_of_the_largest():
    assert funnel.widths([200, 100, 50]) == [1.0, 0.5, 0.25]


def test_sqrt_widths_and_the_minimum():
    assert funnel.widths([100, 1, 0], scale="sqrt", min_width=0.2) == [1.0, 0.2, 0.2]
    assert funnel.widths([400, 100], scale="sqrt") == [1.0, 0.5]


@pytest.mark.parametrize(
    ("counts", "kws"), [([1, -1], {}), ([0, 0], {}), ([], {}), ([1], {"scale": "log"})]
)
def test_bad_input_is_refused(counts, kws):
    with pytest.raises(ValueError):
        funnel.widths(counts, **kws)


def test_bars_are_centred_and_stacked_with_gaps():
    bars = funnel.stack([1.0, 0.6, 0.2], bar_height=10, gap=4)
    assert [b.top for b in bars] == [0.0, -14.0, -28.0]
    assert all(b.centre[0] == pytest.approx(0.0) for b in bars)
    assert [b.width for b in bars] == [1.0, 0.6, 0.2]


def test_connectors_join_the_bottom_of_one_bar_to_the_top_of_the_next():
    bars = funnel.stack([1.0, 0.6], bar_height=10, gap=4)
    (shape,) = funnel.connectors(bars)
    assert shape[0] == (bars[0].x, bars[0].y)
    assert shape[2] == (bars[1].x + bars[1].width, bars[1].top)
    assert funnel.connectors(bars[:1]) == []
