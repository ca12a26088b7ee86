"""Unit KPIs on small hand-made tables (values checked by hand) and on the sample scenario."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.analysis import unit_kpis
from workshop_lib.analysis.unit_kpis import COLUMNS, MARGIN_RATE, MONTHLY_DISCOUNT, UNITS

MONTHS = [f"{year}-{month:02d}" for year in (2023, 2024) for month in range(1, 13)]


def _activities() -> pd.DataFrame:
    rows = []
    for month in MONTHS:
        new = 2 if month.startswith("2024") else 1
        rows.append((month, "rep_visit", "detailing", "tertiary", 120, 100, 20, 30, 5, new, 1000.0))
        rows.append((month, "patient_education", "class", "patients", 60, 50, 10, 10, 2, 0, 500.0))
    columns = [
        "month", "channel", "activity", "target_segment", "invited", "reached", "responded",
        "engaged", "converted", "new_prescribers", "cost_rmb",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _rx_monthly() -> pd.DataFrame:
    rows = []
    for month in MONTHS:
        brand, other = (20, 80) if month.startswith("2024") else (10, 90)
        for region in ("R01", "R02"):
            rows.append((month, region, "glyvora", "sglt2", brand, 1, brand, brand * 100.0))
            rows.append((month, region, "gliptara", "dpp4", other, 1, other, other * 50.0))
    columns = ["month", "region_id", "product", "drug_class", "trx", "nbrx", "units", "value_rmb"]
    return pd.DataFrame(rows, columns=columns)


def _patients() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "patient_id": ["P1", "P2", "P3", "P4"],
            "region_id": ["R01", "R01", "R02", "R02"],
            "start_month": ["2023-01", "2023-06", "2024-03", "2023-01"],
            "product": ["glyvora", "glyvora", "glyvora", "gliptara"],
            "months_on_therapy": [24, 12, 10, 3],
            "pdc_12m": [0.9, 0.8, 0.7, 0.2],
            "persistent": [True, True, False, False],
            "churn_month": [None, "2024-06", None, "2023-04"],
        }
    )


def _funnel() -> pd.DataFrame:
    rows = []
    for period, brand in (("2023", 5), ("2024", 10)):
        for region, treated in (("R01", 100), ("R02", 300)):
            rows += [(region, period, "treated", treated, "previous")]
            rows += [(region, period, "brand", brand, "previous")]
    return pd.DataFrame(rows, columns=["region_id", "period", "stage", "patients", "basis"])


def _hcps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "hcp_id": ["H1", "H2", "H3", "H4"],
            "region_id": ["R01", "R01", "R02", "R02"],
            "hospital_tier": ["tertiary", "community", "tertiary", "community"],
            "adoption_stage": ["unaware", "aware", "trial", "advocate"],
            "category_rx": [10, 20, 20, 30],
            "brand_rx": [0, 0, 5, 15],
        }
    )


def _surveys() -> pd.DataFrame:
    latest = pd.DataFrame(
        {
            "respondent_id": ["S1", "S2", "S3", "S4"],
            "wave": 2,
            "segment": ["tertiary", "tertiary", "community", "community"],
            "aware_aided": [True, True, False, True],
            "csat": [5, 4, 3, 2],
            "nps": [10, 9, 7, 0],
        }
    )
    earlier = latest.assign(wave=1, aware_aided=False, csat=1, nps=0)
    return pd.concat([earlier, latest], ignore_index=True)


TABLES = {
    "activities": _activities(),
    "rx_monthly": _rx_monthly(),
    "patients": _patients(),
    "patient_funnel": _funnel(),
    "hcps": _hcps(),
    "surveys": _surveys(),
}


def values(unit: int, **kwargs) -> dict[str, float]:
    return unit_kpis(unit, data=TABLES, **kwargs)["value"].to_dict()


def test_unit_1_market_scope():
    result = values(1)
    assert result["penetration"] == pytest.approx(20 / 400)  # latest period only
    assert result["cac"] == pytest.approx(12 * 1000 / (12 * 2))  # patient channel spend left out
    r = 1 - 1 / 46  # one churn in 24 + 12 + 10 brand patient-months
    margin = 100 * MARGIN_RATE
    assert result["clv"] == pytest.approx(margin * r / (1 + MONTHLY_DISCOUNT - r))


def test_unit_2_segments():
    result = values(2)
    assert result["segment_growth"] == pytest.approx(0.0)  # category Rx flat at 100 a month
    assert result["csat"] == 0.5
    csat = unit_kpis(2, data=TABLES).loc["csat"]
    assert (csat["numerator"], csat["denominator"]) == (2, 4)
    # on therapy in 2023-12: P1, P2; in 2024-12: P1 and the new P3
    assert result["retention"] == 0.5


def test_unit_3_drivers():
    result = values(3)
    assert result["behaviour_conversion"] == pytest.approx(2 / 3)
    assert result["engagement"] == pytest.approx((30 + 10) / (100 + 50))
    assert result["awareness"] == 0.75


def test_unit_4_brand():
    result = values(4)
    assert result["loyalty"] == pytest.approx(20 / 50)  # prescribers of the brand only
    assert result["nps"] == 25.0
    nps = unit_kpis(4, data=TABLES).loc["nps"]
    assert (nps["numerator"], nps["denominator"], nps["n"]) == (1, 4, 4)  # 2 promoters − 1
    assert result["share_change"] == pytest.approx(10.0)  # 10% → 20% of Rx


def test_unit_5_activation():
    result = values(5)
    assert result["response_rate"] == pytest.approx(30 / 150)
    assert result["sales_conversion"] == pytest.approx(7 / 30)
    assert result["acquisition_growth"] == pytest.approx(1.0)  # 24 new prescribers against 12


def test_columns_numerator_denominator_and_n():
    table = unit_kpis(5, data=TABLES)
    assert table.columns.tolist() == COLUMNS
    assert table.index.tolist() == list(UNITS[5])
    row = table.loc["response_rate"]
    assert (row["numerator"], row["denominator"], row["n"]) == (360, 1800, 24)
    assert row["numerator"] / row["denominator"] == pytest.approx(row["value"])


def test_display_and_names_follow_the_language():
    with i18n.language("en"):
        english = unit_kpis(4, data=TABLES)
    chinese = unit_kpis(4, data=TABLES)
    assert english.loc["share_change", "display"] == "+10.0 pp"
    assert chinese.loc["share_change", "display"] == "+10.0 个百分点"
    assert english.loc["loyalty", "display"] == "40.0%"
    assert english.loc["nps", "display"] == "+25"
    assert english.loc["nps", "kpi"] != chinese.loc["nps", "kpi"]
    assert english.loc["nps", "period"] == "survey wave 2"
    with i18n.language("en"):
        assert unit_kpis(1, data=TABLES).loc["cac", "display"] == "¥500"


def test_by_region():
    table = unit_kpis(1, by="region", data=TABLES)
    assert table.columns.tolist() == ["region", *COLUMNS]
    penetration = table.loc["penetration"].set_index("region")["value"]
    assert penetration.to_dict() == pytest.approx({"R01": 0.1, "R02": 10 / 300})
    cac = table.loc[["cac"]]
    assert len(cac) == 1 and pd.isna(cac["region"].iloc[0]) and math.isnan(cac["value"].iloc[0])
    assert cac["display"].iloc[0] == "—"


def test_by_channel_and_segment():
    by_channel = unit_kpis(5, by="channel", data=TABLES)
    growth = by_channel.loc["acquisition_growth"].set_index("channel")["value"]
    assert growth["rep_visit"] == pytest.approx(1.0)
    assert math.isnan(growth["patient_education"])  # no new prescribers in either window
    by_segment = unit_kpis(2, by="segment", data=TABLES)
    csat = by_segment.loc["csat"].set_index("segment")["value"]
    assert csat.to_dict() == {"community": 0.0, "tertiary": 1.0}


def test_a_missing_table_is_named():
    with i18n.language("en"), pytest.raises(ValueError, match="surveys"):
        unit_kpis(2, data={k: v for k, v in TABLES.items() if k != "surveys"})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_missing_column_is_named(lang):
    tables = {**TABLES, "hcps": TABLES["hcps"].drop(columns=["brand_rx"])}
    with i18n.language(lang), pytest.raises(ValueError) as caught:
        unit_kpis(4, data=tables)
    assert "brand_rx" in str(caught.value) and "loyalty" in str(caught.value)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("kwargs", "name", "value"), [
    ({"unit": 6}, "unit", "6"),
    ({"unit": "1"}, "unit", "'1'"),
    ({"unit": 1, "by": "country"}, "by", "'country'"),
])  # fmt: skip
def test_bad_arguments_are_named(kwargs, name, value, lang):
    with i18n.language(lang), pytest.raises(ValueError) as caught:
        unit_kpis(**kwargs, data=TABLES)
    assert name in str(caught.value) and value in str(caught.value)


@pytest.mark.parametrize("unit", sorted(UNITS))
@pytest.mark.parametrize("by", [None, "region", "segment", "channel"])
def test_every_unit_on_the_sample_scenario(unit, by):
    table = unit_kpis(unit, by=by)
    assert set(table.index) == set(UNITS[unit])
    computed = table.dropna(subset=["value"])
    rates = computed[~computed.index.isin(["cac", "clv", "nps", "share_change"])]
    rates = rates[~rates.index.str.endswith("growth")]
    assert ((rates["value"] >= 0) & (rates["value"] <= 1)).all()
    assert (computed["n"] > 0).all()
    assert not table["display"].str.contains("nan").any()
    if by is None:
        assert np.isfinite(table["value"]).all()
