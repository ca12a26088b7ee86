"""kpi_dashboard: tiles with value, target, change and a traffic light."""

from __future__ import annotations

import pandas as pd
import pytest
from diagrams.diagram_inputs import tiles

from workshop_lib import i18n
from workshop_lib.diagrams import artists, kpi_dashboard
from workshop_lib.diagrams.dashboard import status


def test_a_tile_per_kpi_with_value_target_and_change():
    ax = kpi_dashboard(tiles("en"), lang="en")
    assert len(artists(ax, "dashboard.tile.")) == 4
    text = {a.get_gid(): a.get_text() for a in ax.texts}
    assert text["dashboard.name.0"] == "Market penetration"
    assert text["dashboard.value.0"] == "11.0%"
    assert text["dashboard.target.0"] == "Target 12.0%"
    assert text["dashboard.change.0"] == "▲ +3.6 pp vs previous"
    assert text["dashboard.value.1"] == "¥1,850"
    assert text["dashboard.change.1"] == "▼ -11.9% vs previous"
    assert text["dashboard.value.2"] == "-31"


def test_traffic_lights_follow_the_target_and_direction():
    ax = kpi_dashboard(pd.DataFrame(tiles("zh")), lang="zh")
    lights = [a.get_gid().rsplit(".", 1)[1] for a in artists(ax, "dashboard.light.")]
    assert lights == ["warning", "bad", "bad", "warning"]
    assert status(1400, 1500, higher_is_better=False) == "good"
    assert status(5, None) is None


def test_a_fall_in_cost_is_shown_as_good_news():
    from matplotlib.colors import to_rgba

    from workshop_lib.style import PALETTE

    ax = kpi_dashboard(tiles("en"), lang="en")
    change = artists(ax, "dashboard.change.1")[0]
    assert to_rgba(change.get_color()) == to_rgba(PALETTE.good)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"kpi": "penetration"}, "data[0].value"),
        ({"kpi": "penetration", "value": "high"}, "data[0].value"),
        ({"value": 1}, "data[0].name"),
        ({"kpi": "nope", "value": 1}, "data[0].name"),
        ({"name": "x", "value": 1, "format": "euro"}, "data[0].format"),
        ({"name": "x", "value": 1, "target": "soon"}, "data[0].target"),
    ],
)
def test_invalid_tiles_name_the_field(row, field):
    with i18n.language("en"), pytest.raises(ValueError, match=f'"{field}"'.replace("[", r"\[")):
        kpi_dashboard([row])
