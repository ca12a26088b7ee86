"""The built-in sample matches the market described in DOMAIN.md."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest


def test_regions_frame(clean):
    regions = clean["regions"]
    assert len(regions) == 6
    assert regions["adult_pop"].sum() == pytest.approx(20e6, rel=0.02)
    diabetics = (regions["adult_pop"] * regions["prevalence"]).sum()
    assert diabetics == pytest.approx(2.48e6, rel=0.03)
    assert (diabetics / regions["adult_pop"].sum()) == pytest.approx(0.124, abs=0.003)
    aware = (regions["adult_pop"] * regions["prevalence"] * regions["aware_rate"]).sum()
    treated = (regions["adult_pop"] * regions["prevalence"] * regions["treated_rate"]).sum()
    assert aware / diabetics == pytest.approx(0.367, abs=0.03)  # 0.91 M aware
    assert treated / diabetics == pytest.approx(0.329, abs=0.03)  # 0.82 M treated
    control = (regions["control_of_treated"] * regions["adult_pop"]).sum()
    assert control / regions["adult_pop"].sum() == pytest.approx(0.501, abs=0.03)
    assert regions["prevalence"].between(0.10, 0.15).all()


def test_funnel_rates_per_region_match_the_regions_table(clean):
    funnel = clean["patient_funnel"]
    regions = clean["regions"].set_index("region_id")
    latest = funnel[funnel["period"] == funnel["period"].max()]
    wide = latest.pivot(index="region_id", columns="stage", values="patients")
    assert (wide["population"] == regions["adult_pop"]).all()
    np.testing.assert_allclose(
        wide["diabetic"] / wide["population"], regions["prevalence"], atol=1e-5
    )
    np.testing.assert_allclose(
        wide["diagnosed"] / wide["diabetic"], regions["aware_rate"], atol=1e-4
    )
    np.testing.assert_allclose(
        wide["treated"] / wide["diabetic"], regions["treated_rate"], atol=1e-4
    )
    sglt2_of_treated = wide["sglt2"] / wide["treated"]
    assert sglt2_of_treated.between(0.10, 0.20).all()


def test_funnel_has_every_stage_in_order_and_grows_between_periods(clean):
    funnel = clean["patient_funnel"]
    assert funnel["period"].nunique() >= 2
    per_group = funnel.groupby(["region_id", "period"])["stage"].agg(list)
    assert all(
        stages == ["population", "diabetic", "diagnosed", "treated", "sglt2", "brand"]
        for stages in per_group
    )
    brand = funnel[funnel["stage"] == "brand"].pivot(
        index="region_id", columns="period", values="patients"
    )
    assert (brand.iloc[:, -1] > brand.iloc[:, 0]).all()


def test_hcp_magnitudes(clean):
    hcps = clean["hcps"]
    assert 800 <= len(hcps) <= 1500
    mix = hcps["adoption_stage"].value_counts(normalize=True)
    expected = {"unaware": 0.10, "aware": 0.30, "trial": 0.25, "adopter": 0.25, "advocate": 0.10}
    for stage, share in expected.items():
        assert mix[stage] == pytest.approx(share, abs=0.03), stage
    median = hcps.groupby(["hospital_tier", "department"])["monthly_patients"].median()
    assert median["tertiary", "endocrinology"] == pytest.approx(300, rel=0.15)
    assert median["community", "general_practice"] == pytest.approx(60, rel=0.15)
    assert (hcps["brand_rx"] <= hcps["category_rx"]).all()
    assert sorted(hcps["volume_decile"].unique()) == list(range(1, 11))
    by_stage = (
        hcps.groupby("adoption_stage")["brand_rx"].sum()
        / hcps.groupby("adoption_stage")["category_rx"].sum()
    )
    assert by_stage["unaware"] == 0
    assert by_stage["aware"] < by_stage["trial"] < by_stage["adopter"] < by_stage["advocate"]
    assert 0 < hcps["kol"].mean() < 0.15


def test_brand_share_in_range_and_rising(clean):
    rx = clean["rx_monthly"]
    assert 24 <= rx["month"].nunique() <= 36
    total = rx.groupby(["region_id", "month"])["trx"].sum()
    brand = rx[rx["product"] == "glyvora"].set_index(["region_id", "month"])["trx"]
    share = (brand / total).unstack("month")
    assert share.to_numpy().min() >= 0.05 and share.to_numpy().max() <= 0.15
    months = np.arange(share.shape[1])
    slopes = [np.polyfit(months, row, 1)[0] for row in share.to_numpy()]
    assert all(0.002 <= s <= 0.005 for s in slopes), slopes  # 0.2–0.5 pp a month
    classes = rx.groupby("drug_class")["trx"].sum() / rx["trx"].sum()
    assert set(classes.index) == {"metformin", "dpp4", "sglt2"}
    first = rx[rx["month"] == rx["month"].min()]
    sglt2_first = first.loc[first["drug_class"] == "sglt2", "trx"].sum() / first["trx"].sum()
    assert sglt2_first == pytest.approx(0.11, abs=0.02)  # the class ≈ 11% of volume


@pytest.mark.parametrize(
    ("channels", "low", "high"),
    [
        (
            [
                "rep_visit",
                "department_meeting",
                "city_meeting",
                "online_meeting",
                "patient_education",
            ],
            0.20,
            0.60,
        ),
        (["wecom", "dtp_pharmacy"], 0.005, 0.05),
    ],
    ids=["event", "direct"],
)
def test_channel_response_ranges(clean, channels, low, high):
    activities = clean["activities"]
    picked = activities[activities["channel"].isin(channels)]
    assert set(picked["channel"]) == set(channels)
    response = picked["responded"] / picked["invited"]
    assert response.between(low, high).all()


def test_activity_funnel_never_grows(clean):
    a = clean["activities"]
    assert (a["reached"] <= a["invited"]).all() and (a["responded"] <= a["reached"]).all()
    assert (a["converted"] <= a["responded"]).all() and (a["engaged"] <= a["reached"]).all()


def test_surveys_have_two_waves_and_awareness_rises(clean):
    s = clean["surveys"]
    assert s["wave"].nunique() >= 2
    assert set(s["respondent_type"]) == {"hcp", "patient"}
    aided = s.groupby("wave")["aware_aided"].mean()
    assert aided.iloc[-1] > aided.iloc[0]
    assert (~s["aware_unaided"] | s["aware_aided"]).all()
    assert s["csat"].between(1, 5).all() and s["nps"].between(0, 10).all()
    assert s.loc[s["respondent_type"] == "patient", "intent_to_prescribe"].isna().all()
    assert s.loc[s["respondent_type"] == "hcp", "intent_to_prescribe"].notna().all()


def test_patient_cohort_adherence_and_churn(clean):
    p = clean["patients"]
    assert (p["pdc_12m"] >= 0.8).mean() == pytest.approx(0.675, abs=0.04)
    churned = p["churn_month"].notna()
    assert (p.loc[churned, "churn_month"] > p.loc[churned, "start_month"]).all()
    assert (p.loc[~p["persistent"], "churn_month"].notna()).all()
    retention = p.groupby("product")["persistent"].mean()
    assert retention.idxmax() == "glyvora"
    assert isinstance(p["start_month"].iloc[0], str) and pd.notna(p["start_month"]).all()
