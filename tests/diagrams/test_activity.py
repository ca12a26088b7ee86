"""The activation plan: a tag per channel, a row per activity, message, KPI and target."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop_lib.diagrams import activity_plan, artists, examples
from workshop_lib.diagrams.activity import COLUMNS


def tags(ax):
    return [a.get_text() for a in artists(ax, "activity.channel.") if a.get_gid().endswith(".text")]


def test_a_tag_per_channel_labelled_in_the_language():
    ax = activity_plan(examples.load("activity_plan", "zh"), lang="zh")
    assert tags(ax) == ["代表拜访", "科室会", "线上会议", "企业微信", "患教会", "DTP药房"]
    en = activity_plan(examples.load("activity_plan", "en"), lang="en")
    assert tags(en)[0] == "Rep visit"


def test_a_cell_per_row_and_column_with_the_target_shown():
    data = examples.load("activity_plan", "en")
    ax = activity_plan(data, lang="en")
    cells = [a for a in artists(ax, "activity.cell.") if a.get_gid().endswith(".box")]
    assert len(cells) == len(data["rows"]) * len(COLUMNS)
    targets = [artists(ax, f"activity.cell.{k}.target.text")[0].get_text() for k in range(6)]
    assert targets[0] == "≥ 25%"


def test_rows_of_a_channel_are_grouped_under_one_tag_in_channel_order():
    rows = pd.DataFrame(
        {
            "channel": ["wecom", "rep_visit", "wecom", "roadshow"],
            "activity": ["a1", "a2", "a3", "a4"],
            "message": ["m"] * 4,
            "kpi": ["k"] * 4,
        }
    )
    ax = activity_plan(rows, lang="en")
    assert tags(ax) == ["Rep visit", "WeCom", "roadshow"]
    activities = [artists(ax, f"activity.cell.{k}.activity.text")[0].get_text() for k in range(4)]
    assert activities == ["a2", "a1", "a3", "a4"]
    wecom = artists(ax, "activity.channel.1.box")[0]
    assert wecom.get_height() > artists(ax, "activity.channel.0.box")[0].get_height()


def test_same_channel_same_colour_whatever_the_plan():
    one = activity_plan([{"channel": "wecom", "activity": "a", "message": "m", "kpi": "k"}])
    two = examples.load("activity_plan", "zh")
    other = activity_plan(two)
    colour = artists(one, "activity.channel.0.box")[0].get_facecolor()
    assert artists(other, "activity.channel.3.box")[0].get_facecolor() == colour


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ([{"channel": "wecom", "activity": "a", "message": "m"}], r"data\[0\].kpi"),
        ([{"channel": " ", "activity": "a", "message": "m", "kpi": "k"}], r"data\[0\].channel"),
        ([], "data"),
        ([{"channel": "wecom", "activity": "a", "message": "m", "kpi": "k"}] * 17, "data"),
    ],
)
def test_bad_input_names_the_field(rows, field):
    with pytest.raises(ValueError, match=field):
        activity_plan(rows, lang="en")


def test_a_plan_without_rows_names_them():
    with pytest.raises(ValueError, match=r"data\.rows"):
        activity_plan({"title": "x"}, lang="en")
