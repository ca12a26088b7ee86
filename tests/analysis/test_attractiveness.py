"""Attractiveness scoring: weights, inverse competition, ranks and refusals."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.analysis import attractiveness as attr

ALL_THREE = dict.fromkeys(attr.CRITERIA, 3)


def test_default_weights_sum_to_one():
    assert sum(attr.DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)


def test_weighted_score_stays_on_the_scale_and_competition_counts_inversely():
    scores = {"flat": ALL_THREE, "fierce": {**ALL_THREE, "competition": 5}}
    table = attr.rank(scores)
    assert table.loc["flat", "score"] == pytest.approx(3.0)
    assert table.loc["fierce", "competition"] == pytest.approx(0.10 * 1)
    assert list(table.index) == ["flat", "fierce"]
    assert list(table["rank"]) == [1, 2]


def test_contributions_sum_to_the_score_and_ties_share_a_rank():
    weights = dict.fromkeys(attr.CRITERIA, 1 / 7)
    frame = pd.DataFrame([ALL_THREE, ALL_THREE, {**ALL_THREE, "size": 5}], index=["a", "b", "c"])
    table = attr.rank(frame, weights, size=pd.Series({"a": 1, "b": 2, "c": 3}))
    assert list(table.index) == ["c", "a", "b"]
    assert list(table["rank"]) == [1, 2, 2]
    assert table[list(attr.CRITERIA)].sum(axis=1).tolist() == pytest.approx(table["score"])
    assert list(table["segment_size"]) == [3.0, 1.0, 2.0]


@pytest.mark.parametrize(
    ("scores", "weights", "field"),
    [
        ({"a": {**ALL_THREE, "fit": 6}}, None, "scores[a].fit"),
        ({"a": {**ALL_THREE, "fit": "x"}}, None, "scores[a].fit"),
        ({"a": {k: v for k, v in ALL_THREE.items() if k != "growth"}}, None, "scores.growth"),
        ({"a": ALL_THREE}, {**attr.DEFAULT_WEIGHTS, "size": 0.5}, "weights"),
        ({"a": ALL_THREE}, {**attr.DEFAULT_WEIGHTS, "size": -0.2}, "weights.size"),
        ({"a": ALL_THREE}, {**attr.DEFAULT_WEIGHTS, "price": 0.0}, "weights.price"),
    ],
)
def test_bad_input_names_the_field(scores, weights, field):
    with i18n.language("en"), pytest.raises(ValueError, match=re.escape(f'"{field}"')):
        attr.rank(scores, weights)


def test_missing_size_is_named():
    with i18n.language("zh"), pytest.raises(ValueError, match=r"size\[b\]"):
        attr.rank({"a": ALL_THREE, "b": ALL_THREE}, size={"a": 10})


def test_market_and_ability_are_weighted_means_of_their_criteria():
    scores = {"a": {**ALL_THREE, "size": 5, "fit": 1}}
    table = attr.rank(scores)
    market_weight = sum(attr.DEFAULT_WEIGHTS[c] for c in attr.MARKET)
    assert table.loc["a", "market"] == pytest.approx((3 * market_weight + 2 * 0.20) / market_weight)
    assert table.loc["a", "ability"] == pytest.approx((3 * 0.10 + 1 * 0.10) / 0.20)
