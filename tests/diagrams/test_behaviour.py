"""The behaviour-change map: a band per stage, current → desired, levers above and below."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop_lib.diagrams import artists, behaviour_map, examples

ROWS = ("drivers", "barriers", "activities", "kpis")


def test_a_band_per_stage_left_to_right_with_its_name():
    data = examples.load("behaviour_map", "en")
    ax = behaviour_map(data, lang="en")
    bands = [artists(ax, f"behaviour.stage.{i}.box")[0] for i in range(len(data["stages"]))]
    lefts = [band.get_xy()[:, 0].min() for band in bands]
    assert lefts == sorted(lefts)
    names = [artists(ax, f"behaviour.stage.{i}.name")[0].get_text() for i in range(4)]
    assert names == ["Aware", "Trial", "Adopt", "Advocate"]


def test_drivers_above_the_change_and_barriers_below():
    ax = behaviour_map(examples.load("behaviour_map", "zh"))

    def top(gid):
        patch = artists(ax, gid)[0]
        return patch.get_y() + patch.get_height()

    assert top("behaviour.drivers.0.box") > top("behaviour.change.0.box")
    assert top("behaviour.change.0.box") > top("behaviour.barriers.0.box")
    assert top("behaviour.barriers.0.box") > top("behaviour.activities.0.box")
    assert top("behaviour.activities.0.box") > top("behaviour.kpis.0.box")


def test_each_stage_shows_current_arrow_and_desired():
    data = examples.load("behaviour_map", "en")
    ax = behaviour_map(data, lang="en")
    for i, stage in enumerate(data["stages"]):
        current = artists(ax, f"behaviour.change.{i}.current")[0].get_text()
        desired = artists(ax, f"behaviour.change.{i}.desired")[0].get_text()
        assert current.replace("\n", " ") == stage["current"]
        assert desired.replace("\n", " ") == stage["desired"]
        assert artists(ax, f"behaviour.change.{i}.arrow")


def test_a_cell_per_stage_and_row_even_when_empty():
    stages = [
        {"stage": "知晓", "desired": "了解证据", "drivers": ["指南"]},
        {"stage": "试用", "desired": "首选试用", "kpis": "试用率 ≥ 20%"},
    ]
    ax = behaviour_map(stages)
    for key in ROWS:
        assert (
            len([a for a in artists(ax, f"behaviour.{key}.") if a.get_gid().endswith(".box")]) == 2
        )
    assert [a.get_gid() for a in artists(ax, "behaviour.") if a.get_gid().endswith(".items")] == [
        "behaviour.drivers.0.items",
        "behaviour.kpis.1.items",
    ]


def test_accepts_a_dataframe_of_stages():
    frame = pd.DataFrame({"stage": ["A", "B", "C"], "desired": ["x", "y", "z"]})
    ax = behaviour_map(frame, lang="en")
    assert len(artists(ax, "behaviour.stage.")) == 6  # a band and a name each


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": "x"}, "data.stages"),
        ({"stages": []}, "data.stages"),
        ([{"stage": "A", "desired": "x"}, {"stage": "B"}], r"data.stages\[1\].desired"),
        ([{"stage": "", "desired": "x"}], r"data.stages\[0\].stage"),
        ([{"stage": "A", "desired": "x", "drivers": 3}], r"data.stages\[0\].drivers"),
        ([{"stage": str(i), "desired": "x"} for i in range(7)], "data.stages"),
    ],
)
def test_bad_input_names_the_field(data, field):
    with pytest.raises(ValueError, match=field):
        behaviour_map(data, lang="en")
