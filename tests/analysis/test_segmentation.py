"""The segmentation framework: cuts, cells, counts, values and priorities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.analysis import segmentation as seg

STAGES = ["unaware", "aware", "trial", "adopter", "advocate"]


@pytest.fixture
def hcps():
    rng = np.random.default_rng(7)
    n = 300
    return pd.DataFrame(
        {
            "monthly_patients": rng.lognormal(4.5, 0.6, n).round(),
            "adoption_stage": rng.choice(STAGES, n),
            "category_rx": rng.integers(0, 400, n),
        }
    )


def test_every_cell_is_present_and_totals_are_kept(hcps):
    frame = seg.framework(hcps, "monthly_patients", "adoption_stage", col_levels=STAGES)
    assert frame.rows.levels == ("low", "medium", "high")
    assert len(frame.cells) == 3 * 5
    assert frame.cells["count"].sum() == len(hcps)
    assert frame.cells["value"].sum() == pytest.approx(hcps["category_rx"].sum())
    assert frame.cells["value_share"].sum() == pytest.approx(1.0)


def test_default_cuts_are_tertiles_and_a_cut_value_goes_up(hcps):
    frame = seg.framework(hcps, "monthly_patients", "adoption_stage")
    expected = tuple(hcps["monthly_patients"].quantile([1 / 3, 2 / 3]))
    assert frame.rows.cuts == pytest.approx(expected)
    table = pd.DataFrame({"x": [9.0, 10.0, 11.0], "y": ["a", "a", "b"], "category_rx": 1})
    cells = seg.framework(table, "x", "y", row_cuts=[10]).cells.set_index(["row", "col"])
    assert cells.loc[("low", "a"), "count"] == 1
    assert cells.loc[("high", "a"), "count"] == 1


def test_priorities_are_the_most_valuable_cells_in_order(hcps):
    frame = seg.framework(hcps, "monthly_patients", "adoption_stage", priority=4)
    top = frame.priorities()
    assert list(top["priority"]) == [1, 2, 3, 4]
    assert top["value"].is_monotonic_decreasing
    assert top["value"].min() >= frame.cells.loc[frame.cells["priority"].isna(), "value"].max()


def test_the_groups_own_priorities_keep_their_order(hcps):
    chosen = [("high", "trial"), ("medium", "aware")]
    frame = seg.framework(hcps, "monthly_patients", "adoption_stage", priority=chosen)
    assert list(zip(frame.priorities()["row"], frame.priorities()["col"], strict=True)) == chosen


def test_ordered_categorical_keeps_its_order():
    table = pd.DataFrame(
        {
            "a": pd.Categorical(["hi", "lo"], categories=["lo", "hi"], ordered=True),
            "b": ["x", "y"],
            "category_rx": [1, 2],
        }
    )
    assert seg.framework(table, "a", "b").rows.levels == ("lo", "hi")


@pytest.mark.parametrize(
    ("kws", "field"),
    [
        ({"rows": "nope"}, '"rows"'),
        ({"row_cuts": [50, 20]}, '"rows_cuts"'),
        ({"value": "brand_rx"}, '"value"'),
        ({"col_levels": ["aware"]}, r'"adoption_stage\[\d+\]"'),
        ({"priority": [("high", "nowhere")]}, r'"priority\[0\]"'),
        ({"priority": 99}, '"priority"'),
    ],
)
def test_bad_input_names_the_field(hcps, kws, field):
    args = {"rows": "monthly_patients", "cols": "adoption_stage", **kws}
    with i18n.language("en"), pytest.raises(ValueError, match=field):
        seg.framework(hcps, args.pop("rows"), args.pop("cols"), **args)


def test_negative_value_names_the_row(hcps):
    hcps.loc[5, "category_rx"] = -3
    with i18n.language("zh"), pytest.raises(ValueError, match=r"category_rx\[5\]"):
        seg.framework(hcps, "monthly_patients", "adoption_stage")
