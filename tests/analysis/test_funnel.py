"""Funnel maths: conversions, drop-off, leverage ranking and bad funnels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workshop_lib import data, i18n
from workshop_lib.analysis import funnel

COUNTS = {"diabetic": 1000, "diagnosed": 400, "treated": 360, "brand": 36}


def test_conversions_and_drop_off():
    table = funnel(COUNTS)
    assert table.index.tolist() == list(COUNTS)
    assert table.index.name == "step"
    assert table["count"].tolist() == [1000, 400, 360, 36]
    assert np.isnan(table["from_previous"].iloc[0])
    assert table["from_previous"].iloc[1:].tolist() == pytest.approx([0.4, 0.9, 0.1])
    assert table["from_initial"].tolist() == pytest.approx([1.0, 0.4, 0.36, 0.036])
    assert table["drop_off"].iloc[1:].tolist() == [600, 40, 324]
    assert table["drop_off_rate"].iloc[1:].tolist() == pytest.approx([0.6, 0.1, 0.9])


def test_leverage_ranks_the_weakest_step_first():
    table = funnel(COUNTS)
    # one more point of conversion at a step multiplies the end by (c + 0.01) / c
    assert table["leverage"].iloc[1:].tolist() == pytest.approx(
        [36 * 0.01 / c for c in (0.4, 0.9, 0.1)]
    )
    assert table["rank"].iloc[1:].tolist() == [2, 3, 1]
    assert table["rank"].isna().iloc[0]
    assert funnel(COUNTS, lift=0.05)["leverage"]["brand"] == pytest.approx(36 * 0.05 / 0.1)


def test_series_order_is_kept_and_a_step_can_reach_zero():
    counts = pd.Series([50.0, 20.0, 0.0, 0.0], index=["a", "b", "c", "d"])
    table = funnel(counts)
    assert table.index.tolist() == ["a", "b", "c", "d"]
    assert table["from_previous"]["c"] == 0
    assert np.isnan(table["from_previous"]["d"])  # nobody left to convert
    assert table["drop_off"]["b"] == 30


def test_the_sample_treatment_flow():
    flow = data.load_sample("patient_funnel")
    region = flow[(flow["region_id"] == "R01") & (flow["period"] == flow["period"].max())]
    table = funnel(region.set_index("stage")["patients"])
    assert table.index.tolist() == [
        "population",
        "diabetic",
        "diagnosed",
        "treated",
        "sglt2",
        "brand",
    ]
    assert table["from_initial"].is_monotonic_decreasing
    assert set(table["rank"].dropna()) == {1, 2, 3, 4, 5}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("counts", "kwargs", "named"),
    [
        ({"only": 10}, {}, ["counts"]),
        ([1000, 400], {}, ["counts"]),
        ({"diabetic": 1000, "diagnosed": -4}, {}, ["diagnosed", "-4"]),
        ({"diabetic": 1000, "diagnosed": "many"}, {}, ["diagnosed", "many"]),
        (
            {"diabetic": 1000, "diagnosed": 400, "treated": 450},
            {},
            ["treated", "450", "diagnosed", "400"],
        ),
        (COUNTS, {"lift": 0}, ["lift", "0"]),
        (COUNTS, {"lift": 5}, ["lift", "5"]),
    ],
)
def test_bad_funnels_name_the_step_and_value(counts, kwargs, named, lang):
    with i18n.language(lang), pytest.raises(ValueError) as caught:
        funnel(counts, **kwargs)
    for text in named:
        assert text in str(caught.value)
