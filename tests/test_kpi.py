"""The 15 KPIs: the domain brief's checks, shapes, missing values, properties and bad input."""

from __future__ import annotations

import math
import threading

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_lib import i18n, kpi

STAGES = ["unaware", "aware", "trial", "adopter", "advocate"]
untimed = settings(deadline=None)  # a busy CI machine must not fail a property on time


# --- the checks written in DOMAIN.md ------------------------------------------------------------


def test_clv_domain_check():
    assert kpi.clv(60, 0.92, 0.008) == pytest.approx(627.27, abs=0.005)


def test_clv_variants_are_the_geometric_sums():
    m, r, d = 60, 0.92, 0.008
    end = sum(m * r**t / (1 + d) ** t for t in range(1, 13))
    start = sum(m * r**t / (1 + d) ** t for t in range(12))
    assert kpi.clv(m, r, d, horizon=12) == pytest.approx(end)
    assert kpi.clv(m, r, d, horizon=12, timing="start") == pytest.approx(start)
    assert kpi.clv(m, r, d, timing="start") == pytest.approx(m * (1 + d) / (1 + d - r))
    assert kpi.clv(m, r, d, horizon=5000) == pytest.approx(kpi.clv(m, r, d))


def test_clv_with_full_retention_and_no_discount_needs_a_horizon():
    assert kpi.clv(60, 1, 0, horizon=10) == pytest.approx(600)
    assert kpi.clv(60, [0.5, 1], 0, horizon=10)[1] == pytest.approx(600)


def test_share_change_domain_check():
    assert kpi.share_change(0.210, 0.184) == pytest.approx(2.6)
    assert kpi.share_change(0.210, 0.184, relative=True) == pytest.approx(0.141, abs=0.0005)


def test_nps_keeps_passives_in_the_denominator():
    # one promoter, three passives: 25 points, not the 100 that dropping passives would give
    assert kpi.nps([10, 8, 8, 7]) == 25.0
    assert kpi.nps([10, 9, 0, 6, 7]) == 0.0
    assert kpi.nps([0, 0]) == -100.0


def test_csat_is_a_top_box_share_not_a_mean():
    assert kpi.csat([5, 4, 3, 2, 1]) == pytest.approx(0.4)
    assert kpi.csat([7, 6, 5, 1], scale=7) == 0.5
    assert kpi.csat([5, 4, 3, 2, 1], top=1) == pytest.approx(0.2)


def test_retention_takes_new_customers_out():
    assert kpi.retention_rate(200, 210, 34) == pytest.approx(0.88)


def test_each_formula():
    assert kpi.penetration(41_000, 820_000) == pytest.approx(0.05)
    assert kpi.cac(180_000, 120) == 1500.0
    assert kpi.growth_rate(112, 100) == pytest.approx(0.12)
    assert kpi.cagr(100, 121, 2) == pytest.approx(0.1)
    assert kpi.conversion_rate(18, 240) == pytest.approx(0.075)
    assert kpi.engagement_rate(84, 600) == pytest.approx(0.14)
    assert kpi.awareness([True, False, True, None, True]) == 0.75
    assert kpi.share_of_requirements(45, 180) == 0.25
    assert kpi.response_rate(96, 320) == pytest.approx(0.3)


def test_stage_conversion_counts_moves_of_one_stage_or_more():
    before = ["unaware", "unaware", "aware", "aware", "aware", "trial", "advocate", None]
    after = ["advocate", "unaware", "trial", "aware", "unaware", "adopter", "advocate", "trial"]
    result = kpi.stage_conversion(before, after, STAGES)
    assert list(result.index) == STAGES[:-1]
    assert result.index.name == "stage"
    assert result["unaware"] == 0.5
    assert result["aware"] == pytest.approx(1 / 3)
    assert result["trial"] == 1.0
    assert math.isnan(result["adopter"])  # nobody started there


def test_stage_conversion_ignores_customers_missing_at_either_date():
    result = kpi.stage_conversion(
        pd.Series(["aware", np.nan, "aware"]), pd.Series(["trial", "trial", None]), STAGES
    )
    assert result["aware"] == 1.0


# --- shapes, missing values, empty input ------------------------------------------------------


def test_scalars_give_floats():
    for value in (
        kpi.conversion_rate(1, 4),
        kpi.conversion_rate(np.int64(1), np.int64(4)),
        kpi.clv(60, 0.9, 0.01),
        kpi.nps([10]),
        kpi.csat([5]),
        kpi.awareness([True]),
    ):
        assert type(value) is float


def test_arrays_give_arrays_of_the_broadcast_shape():
    result = kpi.conversion_rate(np.array([[1, 2], [3, 4]]), 4)
    assert isinstance(result, np.ndarray)
    np.testing.assert_allclose(result, [[0.25, 0.5], [0.75, 1.0]])
    np.testing.assert_allclose(kpi.clv([60, 120], 0.92, 0.008), [627.2727, 1254.5454], rtol=1e-6)


def test_a_series_keeps_its_index():
    index = pd.Index(["north", "south"], name="region")
    result = kpi.response_rate(pd.Series([10, 30], index=index), pd.Series([100, 60], index=index))
    assert isinstance(result, pd.Series)
    assert result.index.equals(index)
    assert result.tolist() == [0.1, 0.5]


def test_series_are_aligned_on_their_index():
    result = kpi.conversion_rate(
        pd.Series([1, 2], index=["a", "b"]), pd.Series([4, 8, 10], index=["b", "a", "c"])
    )
    assert result["a"] == 0.125
    assert result["b"] == 0.5
    assert math.isnan(result["c"])


def test_series_with_a_scalar():
    result = kpi.cac(pd.Series([100.0, 50.0], index=[7, 8]), 10)
    assert result.index.tolist() == [7, 8]
    assert result.tolist() == [10.0, 5.0]
    result[7] = 0.0  # a result the caller can change
    assert kpi.cac(10, pd.Series([1, 2])).tolist() == [10.0, 5.0]


def test_nullable_integers_and_missing_values():
    result = kpi.conversion_rate(
        pd.Series([1, pd.NA, 2], dtype="Int64"), pd.Series([4, 4, pd.NA], dtype="Int64")
    )
    assert result[0] == 0.25
    assert result[1:].isna().all()
    assert math.isnan(kpi.conversion_rate(None, 4))
    assert np.isnan(kpi.conversion_rate([1, None], [4, 4])[1])


@pytest.mark.parametrize(
    ("func", "args"),
    [
        (kpi.penetration, (0, 0)),
        (kpi.cac, (100, 0)),
        (kpi.cac, (0, 0)),
        (kpi.growth_rate, (5, 0)),
        (kpi.growth_rate, (0, 0)),
        (kpi.cagr, (0, 5, 2)),
        (kpi.cagr, (100, 121, 0)),
        (kpi.retention_rate, (0, 0, 0)),
        (kpi.conversion_rate, (0, 0)),
        (kpi.engagement_rate, (0, 0)),
        (kpi.share_of_requirements, (0, 0)),
        (kpi.response_rate, (0, 0)),
        (kpi.cac, (100, np.nan)),
        (kpi.response_rate, (5, None)),
        (kpi.share_change, (0.2, 0.0)),
        (kpi.share_change, (0.2, np.nan)),
    ],
)
@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_zero_or_missing_denominator_gives_nan(func, args):
    kwargs = {"relative": True} if func is kpi.share_change else {}
    assert math.isnan(func(*args, **kwargs))


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_zero_denominator_inside_an_array_gives_nan_not_inf():
    result = kpi.cac([100, 100, 0], [4, 0, 0])
    assert result[0] == 25.0
    assert np.isnan(result[1:]).all()
    assert np.isnan(kpi.growth_rate([5, 0], [0, 0])).all()
    assert np.isnan(kpi.cagr([0, 100], [5, 121], [2, 0])).all()
    assert np.isnan(kpi.share_change([0.2, 0.0], [0.0, 0.0], relative=True)).all()


def test_large_inputs_are_checked_in_line():
    # no helper thread: a browser Python has none, and the results must not depend on size
    threads = threading.enumerate()
    reached = np.full(500_000, 50)
    engaged = np.full(500_000, 5)
    assert kpi.engagement_rate(engaged, reached).max() == 0.1
    engaged[-7] = 51
    with i18n.language("en"), pytest.raises(ValueError, match=r"engaged \(at 499993\)"):
        kpi.engagement_rate(engaged, reached)
    assert threading.enumerate() == threads


def test_empty_input():
    assert kpi.conversion_rate([], []).shape == (0,)
    assert kpi.conversion_rate(pd.Series([], dtype=float), 3).empty
    for value in (
        kpi.nps([]),
        kpi.csat([]),
        kpi.awareness([]),
        kpi.nps([None, np.nan]),
        kpi.csat(pd.Series([np.nan])),
        kpi.awareness(pd.Series([None, None], dtype="boolean")),
    ):
        assert math.isnan(value)
    assert kpi.stage_conversion([], [], STAGES).isna().all()


def test_missing_answers_are_left_out():
    assert kpi.csat(pd.Series([5, np.nan, 1])) == 0.5
    assert kpi.nps(pd.Series([10, None, 0], dtype="Int64")) == 0.0
    assert kpi.awareness(pd.Series([True, None, False], dtype="boolean")) == 0.5
    assert kpi.awareness(np.array([1.0, np.nan, 1.0, 0.0])) == pytest.approx(2 / 3)


# --- properties ----------------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=10**9)
rates = st.floats(min_value=0, max_value=1)
positive_rates = st.floats(min_value=0.001, max_value=0.999)
margins = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
SHARE_FUNCTIONS = [
    kpi.penetration,
    kpi.conversion_rate,
    kpi.engagement_rate,
    kpi.share_of_requirements,
    kpi.response_rate,
]


@st.composite
def part_and_whole(draw):
    whole = draw(counts)
    return draw(st.integers(min_value=0, max_value=whole)), whole


@untimed
@given(part_and_whole())
def test_shares_lie_within_0_and_1(pair):
    part, whole = pair
    for func in SHARE_FUNCTIONS:
        value = func(part, whole)
        assert math.isnan(value) if whole == 0 else 0 <= value <= 1


@untimed
@given(counts, part_and_whole())
def test_retention_lies_within_0_and_1(start, kept_and_new):
    kept, new = kept_and_new
    kept = min(kept, start)
    value = kpi.retention_rate(start, kept + new, new)
    assert math.isnan(value) if start == 0 else 0 <= value <= 1


@untimed
@given(st.lists(st.integers(min_value=1, max_value=7)), st.integers(min_value=1, max_value=6))
def test_csat_lies_within_0_and_1(ratings, top):
    value = kpi.csat(ratings, scale=7, top=top)
    assert math.isnan(value) if not ratings else 0 <= value <= 1


@untimed
@given(st.lists(st.one_of(st.booleans(), st.none())))
def test_awareness_lies_within_0_and_1(answers):
    value = kpi.awareness(answers)
    given_answers = [a for a in answers if a is not None]
    if not given_answers:
        assert math.isnan(value)
    else:
        assert value == pytest.approx(sum(given_answers) / len(given_answers))


@untimed
@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1))
def test_nps_lies_within_minus_100_and_100(scores):
    value = kpi.nps(scores)
    assert -100 <= value <= 100
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    assert value == pytest.approx(100 * (promoters - detractors) / len(scores))


@untimed
@given(margins, st.floats(min_value=0.01, max_value=1e4), positive_rates, positive_rates)
def test_clv_increases_with_margin(margin, extra, retention, discount):
    for timing in ("end", "start"):
        low = kpi.clv(margin, retention, discount, timing=timing)
        high = kpi.clv(margin + extra, retention, discount, timing=timing)
        assert high > low


@untimed
@given(
    st.floats(min_value=0.01, max_value=1e6),
    positive_rates,
    positive_rates,
    positive_rates,
    st.one_of(st.none(), st.integers(min_value=1, max_value=120)),
)
def test_clv_increases_with_retention(margin, r1, r2, discount, horizon):
    low, high = sorted((r1, r2))
    lower = kpi.clv(margin, low, discount, horizon=horizon)
    higher = kpi.clv(margin, high, discount, horizon=horizon)
    assert higher >= lower
    if high - low > 1e-6:
        assert higher > lower


def _elementwise(func, *columns, **kwargs):
    return np.array([func(*row, **kwargs) for row in zip(*columns, strict=True)], dtype=float)


def _assert_same_values(vectorised, elementwise):
    """Vectorised and scalar results agree to rounding (NumPy releases differ by an ulp)."""
    np.testing.assert_allclose(vectorised, elementwise, rtol=1e-12, atol=0)


@untimed
@given(st.lists(part_and_whole(), max_size=30))
def test_vectorised_shares_equal_elementwise(pairs):
    parts = [p for p, _ in pairs]
    wholes = [w for _, w in pairs]
    for func in SHARE_FUNCTIONS:
        _assert_same_values(func(parts, wholes), _elementwise(func, parts, wholes))


@untimed
@given(st.lists(st.tuples(counts, counts, st.integers(1, 10)), max_size=30))
def test_vectorised_growth_and_cost_equal_elementwise(rows):
    a, b, years = (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [])
    for func in (kpi.cac, kpi.growth_rate):
        _assert_same_values(func(a, b), _elementwise(func, a, b))
    _assert_same_values(kpi.cagr(a, b, years), _elementwise(kpi.cagr, a, b, years))


@untimed
@given(st.lists(st.tuples(counts, part_and_whole()), max_size=30))
def test_vectorised_retention_equals_elementwise(rows):
    start = [s for s, _ in rows]
    new = [n for _, (n, _) in rows]
    end = [min(k, s) + n for s, (n, k) in rows]
    _assert_same_values(
        kpi.retention_rate(start, end, new), _elementwise(kpi.retention_rate, start, end, new)
    )


@untimed
@given(
    st.lists(st.tuples(margins, positive_rates, positive_rates), max_size=30),
    st.sampled_from(["end", "start"]),
    st.one_of(st.none(), st.integers(min_value=1, max_value=60)),
)
def test_vectorised_clv_equals_elementwise(rows, timing, horizon):
    m, r, d = (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [])
    np.testing.assert_allclose(
        kpi.clv(m, r, d, timing=timing, horizon=horizon),
        _elementwise(kpi.clv, m, r, d, timing=timing, horizon=horizon),
        rtol=1e-12,
    )


@untimed
@given(st.lists(st.tuples(rates, rates), max_size=30), st.booleans())
def test_vectorised_share_change_equals_elementwise(rows, relative):
    now, before = (list(column) for column in zip(*rows, strict=True)) if rows else ([], [])
    _assert_same_values(
        kpi.share_change(now, before, relative=relative),
        _elementwise(kpi.share_change, now, before, relative=relative),
    )


@untimed
@given(st.lists(st.tuples(st.sampled_from(STAGES), st.sampled_from(STAGES)), max_size=60))
def test_stage_conversion_equals_counting_by_hand(pairs):
    result = kpi.stage_conversion([b for b, _ in pairs], [a for _, a in pairs], STAGES)
    for stage in STAGES[:-1]:
        cohort = [STAGES.index(a) for b, a in pairs if b == stage]
        expected = sum(a > STAGES.index(stage) for a in cohort) / len(cohort) if cohort else None
        if expected is None:
            assert math.isnan(result[stage])
        else:
            assert result[stage] == pytest.approx(expected)


# --- impossible input ---------------------------------------------------------------------------

S = pd.Series
BAD_INPUT = [
    # (call, argument named, value shown)
    (lambda: kpi.penetration(-1, 10), "users", "-1"),
    (lambda: kpi.penetration(11, 10), "users", "11"),
    (lambda: kpi.penetration(5, -10), "population", "-10"),
    (lambda: kpi.penetration([1, 12], [10, 10]), "users", "12"),
    (lambda: kpi.penetration([1, 2], [1, 2, 3]), "users", "(3,)"),
    (lambda: kpi.penetration([np.nan, 1.0], [-10, 10]), "population", "-10"),
    (lambda: kpi.penetration(np.array([0, 0]), np.array([10, -10])), "population", "-10"),
    (lambda: kpi.retention_rate(10, [5.0, -4.0], [1.0, np.nan]), "end", "-4"),
    (lambda: kpi.cac(-100, 5), "spend", "-100"),
    (lambda: kpi.cac(100, -5), "new_customers", "-5"),
    (lambda: kpi.cac([100, -1.5], 5), "spend", "-1.5"),
    (lambda: kpi.cac(["100"], 5), "spend", "'100'"),
    (lambda: kpi.clv(60, 92, 0.008), "retention", "92"),
    (lambda: kpi.clv(60, -0.1, 0.008), "retention", "-0.1"),
    (lambda: kpi.clv(60, 0.9, 8), "discount", "8"),
    (lambda: kpi.clv(60, 0.9, -0.01), "discount", "-0.01"),
    (lambda: kpi.clv(60, 1, 0), "retention", "1"),
    (lambda: kpi.clv(60, [0.5, 1], [0.1, 0]), "retention", "1"),
    (lambda: kpi.clv(60, [np.nan, 1.0], 0), "retention", "1"),
    (lambda: kpi.clv(60, 0.9, 0.01, timing="middle"), "timing", "'middle'"),
    (lambda: kpi.clv(60, 0.9, 0.01, horizon=0), "horizon", "0"),
    (lambda: kpi.clv(60, 0.9, 0.01, horizon=2.5), "horizon", "2.5"),
    (lambda: kpi.clv("sixty", 0.9, 0.01), "margin", "'sixty'"),
    (lambda: kpi.growth_rate(-5, 10), "current", "-5"),
    (lambda: kpi.growth_rate(5, -10), "previous", "-10"),
    (lambda: kpi.cagr(-100, 121, 2), "start", "-100"),
    (lambda: kpi.cagr(100, -1, 2), "end", "-1"),
    (lambda: kpi.cagr(100, 121, -2), "years", "-2"),
    (lambda: kpi.csat([1, 6]), "ratings", "6"),
    (lambda: kpi.csat([0, 3]), "ratings", "0"),
    (lambda: kpi.csat([4.5]), "ratings", "4.5"),
    (lambda: kpi.csat([7, 8], scale=7), "ratings", "8"),
    (lambda: kpi.csat(S([5, 9], index=["r1", "r2"])), "ratings", "'r2'"),
    (lambda: kpi.csat([True, False]), "ratings", "False"),
    (lambda: kpi.csat([1], scale=1), "scale", "1"),
    (lambda: kpi.csat([1], top=5), "top", "5"),
    (lambda: kpi.csat([1], top=0), "top", "0"),
    (lambda: kpi.retention_rate(-1, 5, 1), "start", "-1"),
    (lambda: kpi.retention_rate(10, -5, 1), "end", "-5"),
    (lambda: kpi.retention_rate(10, 5, -1), "new", "-1"),
    (lambda: kpi.retention_rate(100, 50, 60), "new", "60"),
    (lambda: kpi.retention_rate(100, 150, 20), "start", "100"),
    (lambda: kpi.retention_rate(100, 150, 20), "end", "150"),
    (lambda: kpi.conversion_rate(-3, 10), "converted", "-3"),
    (lambda: kpi.conversion_rate(30, 10), "converted", "30"),
    (lambda: kpi.conversion_rate(3, -10), "base", "-10"),
    (lambda: kpi.conversion_rate(5, 0), "converted", "5"),
    (
        lambda: kpi.conversion_rate(S([1, 5], index=["north", "south"]), [2, 3]),
        "converted",
        "south",
    ),
    (
        lambda: kpi.stage_conversion(["aware", "expert"], ["aware", "trial"], STAGES),
        "before",
        "expert",
    ),
    (lambda: kpi.stage_conversion(["aware"], ["Trial"], STAGES), "after", "Trial"),
    (lambda: kpi.stage_conversion(["a"], ["a"], ["a"]), "stages", "['a']"),
    (lambda: kpi.stage_conversion(["a"], ["a"], ["a", "b", "a"]), "stages", "'b'"),
    (lambda: kpi.stage_conversion(["aware"], ["aware", "trial"], STAGES), "before", "(1,)"),
    (lambda: kpi.engagement_rate(700, 600), "engaged", "700"),
    (lambda: kpi.engagement_rate(-1, 600), "engaged", "-1"),
    (lambda: kpi.engagement_rate(10, -600), "reached", "-600"),
    (lambda: kpi.awareness([1, 2]), "aware", "2"),
    (lambda: kpi.awareness(["yes", "no"]), "aware", "'yes'"),
    (lambda: kpi.awareness([-1]), "aware", "-1"),
    (lambda: kpi.awareness([0.5]), "aware", "0.5"),
    (lambda: kpi.share_of_requirements(200, 180), "brand_rx", "200"),
    (lambda: kpi.share_of_requirements(-1, 180), "brand_rx", "-1"),
    (lambda: kpi.share_of_requirements(1, -180), "category_rx", "-180"),
    (lambda: kpi.nps([11]), "scores", "11"),
    (lambda: kpi.nps([-1]), "scores", "-1"),
    (lambda: kpi.nps([8.5]), "scores", "8.5"),
    (lambda: kpi.nps(S(["9", "10"])), "scores", "'9'"),
    (lambda: kpi.share_change(21, 0.184), "share_now", "21"),
    (lambda: kpi.share_change(0.21, 18.4), "share_before", "18.4"),
    (lambda: kpi.share_change(0.21, -0.1), "share_before", "-0.1"),
    (lambda: kpi.share_change(0.21, 250), "share_before", "250"),
    (lambda: kpi.response_rate(400, 320), "responses", "400"),
    (lambda: kpi.response_rate(-1, 320), "responses", "-1"),
    (lambda: kpi.response_rate(1, -320), "reached", "-320"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("call", "name", "value"), BAD_INPUT)
def test_impossible_input_names_the_argument_and_value(call, name, value, lang):
    with i18n.language(lang), pytest.raises(ValueError) as caught:
        call()
    message = str(caught.value)
    assert name in message
    assert value in message
    has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert has_chinese == (lang == "zh")


def test_rate_given_as_a_percentage_suggests_the_fraction():
    with i18n.language("zh"), pytest.raises(ValueError) as caught:
        kpi.clv(60, 92, 0.008)
    assert str(caught.value) == "参数 retention 的值 92 不在 0–1 之间；比率请写成小数，例如 0.92"
    with i18n.language("en"), pytest.raises(ValueError, match=r"e\.g\. 0\.92$"):
        kpi.clv(60, 92, 0.008)
    with pytest.raises(ValueError) as caught:  # no "1.5" suggestion for a value above 100
        kpi.share_change(0.21, 150)
    assert "1.5" not in str(caught.value)


def test_position_of_the_bad_value_in_an_array_is_given():
    with i18n.language("en"), pytest.raises(ValueError, match=r"converted \(at 2\)"):
        kpi.conversion_rate([1, 2, 9, 9], [5, 5, 5, 5])
    with i18n.language("en"), pytest.raises(ValueError, match=r"scores \(at 3\)"):
        kpi.nps(pd.Series([10, np.nan, 9, 12]))


def test_when_several_checks_fail_the_first_is_reported():
    spend = np.array([5.0, -1.0, 5.0])
    customers = np.array([-2, 1, 1])
    with i18n.language("en"), pytest.raises(ValueError, match="spend"):
        kpi.cac(spend, customers)
