"""Numbers shown (percentages, points, money, counts, missing values) and numbers typed in."""

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


@pytest.mark.parametrize(
    ("typed", "kwargs", "value"),
    [
        ("1,234", {}, 1234.0),
        ("１２３４", {}, 1234.0),
        (" 248万 ", {}, 2_480_000.0),
        ("2.5亿", {}, 250_000_000.0),
        ("1.2k", {}, 1200.0),
        ("−5", {}, -5.0),
        ("12.4%", {"percent": True}, 0.124),
        (7, {}, 7.0),
        ("", {}, None),
        (None, {}, None),
    ],
)
def test_typed_numbers_are_read_as_people_write_them(typed, kwargs, value):
    assert fmt.parse_number(typed, **kwargs) == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "kwargs", "lang", "words"),
    [
        ("abc", {}, "zh", ("“人数”需要填数字", "abc")),
        ("abc", {}, "en", ("“人数” needs a number", "abc")),
        ("12%", {}, "en", ("needs a number", "12%")),
        ("inf", {}, "en", ("needs a number", "inf")),
        ("-3", {"minimum": 0}, "zh", ("不能小于 0", "-3")),
        ("5,000", {"maximum": 1000}, "en", ("cannot be above 1000", "5,000")),
    ],
)
def test_a_bad_entry_names_the_field_and_what_was_typed(typed, kwargs, lang, words):
    with i18n.language(lang), pytest.raises(ValueError) as error:
        fmt.parse_number(typed, field="人数", **kwargs)
    assert all(word in str(error.value) for word in words)


def test_a_stored_number_shows_back_as_it_reads():
    assert [fmt.format_number(v) for v in (2_480_000.0, 0.125, 12, None, float("nan"))] == [
        "2,480,000",
        "0.125",
        "12",
        "",
        "",
    ]
    assert fmt.parse_number(fmt.format_number(1_234_567.0)) == 1_234_567.0
