"""Display formats: percentages, percentage points, money, counts and missing values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workshop_lib import fmt, i18n


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (0.125, {}, "12.5%"),
        (0.0, {}, "0.0%"),
        (1, {"digits": 0}, "100%"),
        (0.141, {"sign": True}, "+14.1%"),
        (-0.05, {"sign": True}, "-5.0%"),
        (-0.00001, {}, "0.0%"),
        (np.float64(0.3333), {"digits": 2}, "33.33%"),
    ],
)
def test_percent(value, kwargs, text):
    assert fmt.percent(value, **kwargs) == text


def test_points_follow_the_active_language():
    assert fmt.points(2.6, lang="en") == "+2.6 pp"
    assert fmt.points(2.6, lang="zh") == "+2.6 个百分点"
    assert fmt.points(2.6) == "+2.6 个百分点"  # Chinese is the default
    with i18n.language("en"):
        assert fmt.points(-0.45) == "-0.5 pp"
        assert fmt.points(0.01) == "0.0 pp"


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (1234.4, {}, "¥1,234"),
        (1_234_567, {}, "¥1,234,567"),
        (627.27, {"digits": 2}, "¥627.27"),
        (-1500, {}, "-¥1,500"),
        (-0.2, {}, "¥0"),
        (99, {"symbol": "$"}, "$99"),
    ],
)
def test_money(value, kwargs, text):
    assert fmt.money(value, **kwargs) == text


def test_counts_and_numbers():
    assert fmt.count(2_480_000) == "2,480,000"
    assert fmt.count(np.int64(820)) == "820"
    assert fmt.count(12.6) == "13"
    assert fmt.number(25, digits=0, sign=True) == "+25"
    assert fmt.number(-32.04, digits=0, sign=True) == "-32"
    assert fmt.number(1234.56) == "1,234.6"


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, np.float64("nan")])
def test_missing_is_a_dash_everywhere(missing):
    for func in (fmt.percent, fmt.points, fmt.money, fmt.count, fmt.number):
        assert func(missing) == fmt.MISSING == "—"
