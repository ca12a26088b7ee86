"""KPI dashboard tiles on small hand-made tables (values checked by hand) and on the sample."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from workshop_lib import diagram_gallery as gallery
from workshop_lib import diagrams, i18n
from workshop_lib.analysis import dashboard_tiles
from workshop_lib.analysis.dashboard import EXAMPLE_TARGETS, TILES


def _tables() -> dict[str, pd.DataFrame]:
    funnel = pd.DataFrame(
        [
            (region, period, stage, patients, "previous")
            for period, brand in (("2023", 10), ("2024", 30))
            for region, treated in (("R01", 100), ("R02", 100))
            for stage, patients in (("treated", treated), ("brand", brand))
        ],
        columns=["region_id", "period", "stage", "patients", "basis"],
    )
    rx = pd.DataFrame(
        [
            (f"{year}-{month:02d}", "R01", product, trx)
            for year, brand in ((2023, 10), (2024, 25))
            for month in (1, 2)
            for product, trx in (("glyvora", brand), ("gliptara", 100 - brand))
        ],
        columns=["month", "region_id", "product", "trx"],
    )
    activities = pd.DataFrame(
        {
            "month": ["2023-01", "2023-02", "2024-01", "2024-02"],
            "reached": [100, 100, 100, 300],
            "responded": [10, 10, 20, 60],
            "new_prescribers": [3, 2, 4, 6],
        }
    )
    surveys = pd.DataFrame(
        {
            "wave": [1, 1, 2, 2, 2, 2],
            "csat": [1, 5, 5, 4, 3, 2],
            "nps": [0, 10, 10, 9, 7, 0],
        }
    )
    return {
        "patient_funnel": funnel,
        "rx_monthly": rx,
        "activities": activities,
        "surveys": surveys,
    }


def by_key(tiles):
    return {tile["key"]: tile for tile in tiles}


def test_each_tile_compares_the_latest_period_with_the_one_before():
    tiles = by_key(dashboard_tiles(data=_tables()))
    assert list(tiles) == list(TILES)
    expected = {
        "penetration": (60 / 200, 20 / 200),
        "share": (50 / 200, 20 / 200),
        "new_prescribers": (10, 5),
        "response_rate": (80 / 400, 20 / 200),
        "csat": (2 / 4, 1 / 2),
        "nps": (25.0, 0.0),
    }
    for key, (value, previous) in expected.items():
        assert tiles[key]["value"] == pytest.approx(value), key
        assert tiles[key]["previous"] == pytest.approx(previous), key
        assert tiles[key]["format"] == TILES[key]


def test_survey_tiles_report_the_latest_wave_n_and_the_others_no_note():
    with i18n.language("en"):
        tiles = by_key(dashboard_tiles(data=_tables()))
    assert tiles["csat"]["note"] == tiles["nps"]["note"] == "Latest survey wave, n = 4"
    assert tiles["share"]["note"] == ""


def test_names_follow_the_active_language():
    with i18n.language("en"):
        english = [tile["name"] for tile in dashboard_tiles(data=_tables())]
    with i18n.language("zh"):
        chinese = [tile["name"] for tile in dashboard_tiles(data=_tables())]
    assert english[-1] == "Word-of-mouth index (NPS)"
    assert chinese[-1] == "品牌口碑指数（NPS）"


def test_targets_default_to_the_example_and_can_be_replaced_or_removed():
    assert {k: t["target"] for k, t in by_key(dashboard_tiles(data=_tables())).items()} == (
        EXAMPLE_TARGETS
    )
    tiles = by_key(dashboard_tiles(targets={"nps": 0, "share": None}, data=_tables()))
    assert tiles["nps"]["target"] == 0
    assert tiles["share"]["target"] is None
    assert tiles["csat"]["target"] == EXAMPLE_TARGETS["csat"]


def test_a_single_period_has_no_previous_value():
    tables = _tables()
    tables["surveys"] = tables["surveys"][tables["surveys"]["wave"] == 2]
    tile = by_key(dashboard_tiles(data=tables))["csat"]
    assert tile["value"] == pytest.approx(0.5)
    assert math.isnan(tile["previous"])


def test_unknown_target_and_missing_table_are_named():
    with i18n.language("en"), pytest.raises(ValueError, match="reach"):
        dashboard_tiles(targets={"reach": 0.5}, data=_tables())
    tables = {k: v for k, v in _tables().items() if k != "surveys"}
    with i18n.language("en"), pytest.raises(ValueError, match="surveys"):
        dashboard_tiles(data=tables)


def test_the_sample_tiles_draw_and_feed_the_gallery():
    tiles = dashboard_tiles()
    assert all(not math.isnan(tile["value"]) for tile in tiles)
    assert gallery.inputs()["kpi_dashboard"][1] == tiles
    ax = diagrams.kpi_dashboard(tiles)
    assert len(diagrams.artists(ax, "dashboard.value.")) == len(TILES)
    plt.close(ax.figure)
