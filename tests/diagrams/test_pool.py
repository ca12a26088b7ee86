"""market_pool: a circle per level, areas follow counts, labels carry counts and shares."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest
from diagrams.diagram_inputs import FUNNEL

from workshop_lib import analysis, i18n
from workshop_lib.diagrams import artists, market_pool


def test_a_circle_per_level_with_areas_in_proportion():
    ax = market_pool(FUNNEL, lang="en")
    circles = artists(ax, "pool.level.")
    assert [c.get_gid() for c in circles] == [f"pool.level.{k}" for k in FUNNEL]
    outer = circles[0].radius
    for circle, count in zip(circles, FUNNEL.values(), strict=True):
        assert (circle.radius / outer) ** 2 == pytest.approx(count / FUNNEL["population"])
    for outer_c, inner_c in itertools.pairwise(circles):
        gap = math.dist(outer_c.center, inner_c.center)
        assert gap + inner_c.radius <= outer_c.radius + 1e-6


def test_labels_show_counts_and_shares_in_the_language():
    ax = market_pool(FUNNEL, lang="zh")
    assert artists(ax, "pool.name.diabetic")[0].get_text() == "糖尿病患者"
    assert artists(ax, "pool.count.treated")[0].get_text() == "820,000"
    share = artists(ax, "pool.share.treated")[0].get_text()
    assert "90.1%" in share and "4.1%" in share
    en = market_pool(FUNNEL, lang="en")
    assert artists(en, "pool.share.diabetic")[0].get_text() == "12.4% of previous · 12.4% of total"


def test_the_patient_funnel_table_is_summed_for_the_last_period():
    rows = []
    for period, factor in (("2023", 1), ("2024", 2)):
        for region in ("R01", "R02"):
            for stage, count in FUNNEL.items():
                rows.append(
                    {
                        "region_id": region,
                        "period": period,
                        "stage": stage,
                        "patients": count * factor,
                    }
                )
    ax = market_pool(pd.DataFrame(rows), lang="en")
    assert artists(ax, "pool.count.population")[0].get_text() == "80,000,000"
    ax = market_pool(pd.DataFrame(rows), period="2023", lang="en")
    assert artists(ax, "pool.count.population")[0].get_text() == "40,000,000"


def test_analysis_funnel_output_and_pairs_are_accepted():
    from_analysis = market_pool(analysis.funnel(FUNNEL), lang="en")
    from_pairs = market_pool(list(FUNNEL.items()), lang="en")
    for ax in (from_analysis, from_pairs):
        assert len(artists(ax, "pool.level.")) == len(FUNNEL)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"a": 10, "b": 20}, "data[b].count"),
        ({"a": 10, "b": -1}, "data[b].count"),
        ({"a": 10, "b": "many"}, "data[b].count"),
        ({"a": 10}, "data"),
        ([{"stage": "a"}, {"stage": "b", "count": 1}], "data[a].count"),
        (pd.DataFrame({"stage": ["a", "b"]}), "data.count/patients"),
    ],
)
def test_invalid_input_names_the_field(data, field):
    with i18n.language("en"), pytest.raises(ValueError, match=f'"{field}"'.replace("[", r"\[")):
        market_pool(data)


def test_unknown_period_and_language_are_named():
    table = pd.DataFrame({"stage": ["a", "b"], "patients": [2, 1], "period": ["2024", "2024"]})
    with pytest.raises(ValueError, match="period"):
        market_pool(table, period="1999")
    with pytest.raises(ValueError, match="lang"):
        market_pool(FUNNEL, lang="fr")


def test_the_plans_market_scope_is_accepted_as_model_or_dict():
    from workshop_lib.plan import MarketScope, PoolLevel

    scope = MarketScope(
        levels=[PoolLevel(label="总人口", count=1000), PoolLevel(label="患者", count=100)]
    )
    for data in (scope, scope.model_dump()):
        ax = market_pool(data, lang="zh")
        assert [a.get_text() for a in artists(ax, "pool.name.")] == ["总人口", "患者"]
    empty = MarketScope(levels=[PoolLevel(label="总人口", count=1000), PoolLevel(label="患者")])
    with i18n.language("en"), pytest.raises(ValueError, match=r'"data\[患者\]\.count"'):
        market_pool(empty)
