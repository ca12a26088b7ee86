"""Text measuring, wrapping and fitting, checked with numbers and against the renderer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties

from workshop_lib import style
from workshop_lib.layout import text as lt

FAMILY = style.rc_params()["font.family"]
FONT = lt.Font.find(FAMILY)
BOLD = lt.Font.find(FAMILY, weight="bold")

ZH = "格维乐（达格列净类）在二甲双胍控制不佳的患者中，帮助医生在降糖之外兼顾心肾保护。"
EN = (
    "Glyvora helps physicians protect the heart and kidneys of patients whose glucose is "
    "not controlled on metformin, with one tablet a day."
)


def rendered_width(s: str, size: float, weight: str = "normal", dpi: float = 150) -> float:
    props = FontProperties(family=FAMILY, size=size, weight=weight)
    return RendererAgg(10, 10, dpi).get_text_width_height_descent(s, props, False)[0] * 72 / dpi


@pytest.mark.parametrize(
    "sample", ["市场范围与购买流程", "Willingness to prescribe", "SGLT2 抑制剂"]
)
@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_width_is_close_to_the_renderer_and_not_below_it(sample, weight):
    ours = lt.text_width(sample, fontsize=10, font=lt.Font.find(FAMILY, weight=weight))
    for dpi in (100, 150):
        drawn = rendered_width(sample, 10, weight, dpi)
        assert drawn <= ours <= drawn * 1.06


def test_widths_follow_the_font_passed_in():
    latin = lt.Font.find("DejaVu Sans")  # comes with matplotlib
    assert latin != FONT
    ours = lt.text_width("Willingness", fontsize=10, font=latin)
    assert ours != pytest.approx(lt.text_width("Willingness", fontsize=10, font=FONT))
    props = FontProperties(family="DejaVu Sans", size=10)
    drawn = RendererAgg(10, 10, 100).get_text_width_height_descent("Willingness", props, False)[0]
    assert drawn * 72 / 100 <= ours <= drawn * 72 / 100 * 1.06


def test_width_scales_with_size_and_adds_up():
    assert lt.text_width("市场", fontsize=20, font=FONT) == pytest.approx(
        2 * lt.text_width("市场", fontsize=10, font=FONT)
    )
    assert lt.text_width("ab", fontsize=10, font=FONT) == pytest.approx(
        lt.text_width("a", fontsize=10, font=FONT) + lt.text_width("b", fontsize=10, font=FONT)
    )
    assert lt.text_width("", fontsize=10, font=FONT) == 0


def test_block_height_is_lines_times_line_height():
    assert lt.block_height(3, 10, font=FONT) == pytest.approx(3 * lt.line_height(10, font=FONT))
    assert lt.line_height(10, linespacing=2.0, font=FONT) == pytest.approx(
        2 * lt.line_height(10, linespacing=1, font=FONT)
    )


def test_chinese_lines_fit_and_keep_every_character():
    lines = lt.wrap(ZH, 100, fontsize=10, font=FONT)
    assert len(lines) > 3
    assert "".join(lines) == ZH
    assert all(lt.text_width(line, fontsize=10, font=FONT) <= 100 for line in lines)


def test_chinese_punctuation_rules():
    lines = lt.wrap(ZH, 70, fontsize=10, font=FONT)
    assert not any(line[0] in lt.CLOSING for line in lines)
    assert not any(line[-1] in lt.OPENING for line in lines)


def test_english_breaks_at_spaces_only():
    lines = lt.wrap(EN, 120, fontsize=10, font=FONT)
    assert " ".join(lines) == EN
    assert all(lt.text_width(line, fontsize=10, font=FONT) <= 120 for line in lines)
    assert not any(line != line.strip() for line in lines)


def test_english_breaks_after_hyphens_and_hyphenates_long_words():
    assert lt.wrap("well-controlled patients", 60, fontsize=10, font=FONT) == [
        "well-",
        "controlled",
        "patients",
    ]
    lines = lt.wrap("Pharmacoeconomically", 40, fontsize=10, font=FONT)
    assert len(lines) > 1
    assert all(line.endswith("-") for line in lines[:-1])
    assert "".join(line.removesuffix("-") for line in lines) == "Pharmacoeconomically"
    assert all(lt.text_width(line, fontsize=10, font=FONT) <= 40 for line in lines)


def test_numbers_and_abbreviations_stay_whole():
    lines = lt.wrap("HbA1c 7.5% e.g. 3.5 mmol", 45, fontsize=10, font=FONT)
    assert lines == ["HbA1c", "7.5% e.g.", "3.5 mmol"]


def test_newlines_force_breaks_and_empty_text_gives_one_line():
    assert lt.wrap("一\n二", 500, fontsize=10, font=FONT) == ["一", "二"]
    assert lt.wrap("", 50, fontsize=10, font=FONT) == [""]


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "10"])
def test_bad_sizes_name_the_argument(bad):
    with pytest.raises(ValueError, match="max_width_pt"):
        lt.wrap("abc", bad, fontsize=10, font=FONT)
    with pytest.raises(ValueError, match="fontsize"):
        lt.wrap("abc", 50, fontsize=bad, font=FONT)


def test_fit_keeps_the_size_when_the_text_fits():
    lines, size = lt.fit("患者教育", 100, 20, fontsize=12, min_fontsize=8, font=FONT)
    assert (lines, size) == (["患者教育"], 12.0)


def test_fit_shrinks_before_it_cuts():
    lines, size = lt.fit(EN, 150, 60, fontsize=12, min_fontsize=6, font=FONT)
    assert 6 <= size < 12
    assert " ".join(lines) == EN
    assert lt.block_height(len(lines), size, font=FONT) <= 60


def test_fit_cuts_with_an_ellipsis_at_the_smallest_size():
    lines, size = lt.fit(ZH * 5, 100, 40, fontsize=10, min_fontsize=8, font=FONT)
    assert size == 8
    assert lines[-1].endswith(lt.ELLIPSIS)
    assert lt.block_height(len(lines), size, font=FONT) <= 40
    assert all(lt.text_width(line, fontsize=size, font=FONT) <= 100 for line in lines)


def test_fit_rejects_a_minimum_above_the_size():
    with pytest.raises(ValueError, match="8"):
        lt.fit("x", 10, 10, fontsize=8, min_fontsize=9, font=FONT)


def test_items_hang_their_continuation_lines():
    lines = lt.wrap_items(["保护心肾，减少住院", "一天一片"], 70, fontsize=10, font=FONT)
    assert lines[0].startswith(lt.BULLET)
    assert sum(line.startswith(lt.BULLET) for line in lines) == 2
    assert all(lt.text_width(line, fontsize=10, font=FONT) <= 70 for line in lines)


texts = st.text(
    alphabet=st.sampled_from(list("市场患者医生处方，。（）《》 abcdefghij-1.%")), max_size=80
)


@settings(max_examples=60, deadline=None)
@given(texts, st.floats(min_value=12, max_value=300))
def test_wrap_properties(sample, width):
    lines = lt.wrap(sample, width, fontsize=10, font=FONT)
    assert lines
    for line in lines:
        assert lt.text_width(line, fontsize=10, font=FONT) <= width or len(line) <= 2
        assert line == line.rstrip()
    kept = "".join(lines).replace(" ", "").replace("-", "")
    assert kept == sample.replace(" ", "").replace("-", "")


@settings(max_examples=40, deadline=None)
@given(texts, st.floats(min_value=30, max_value=200), st.floats(min_value=14, max_value=120))
def test_fit_properties(sample, width, height):
    lines, size = lt.fit(sample, width, height, fontsize=11, min_fontsize=7, font=FONT)
    assert 7 <= size <= 11
    if not lines[-1].endswith(lt.ELLIPSIS) or len(lines) > 1:
        assert lt.block_height(len(lines), size, font=FONT) <= max(
            height, lt.line_height(size, font=FONT)
        )


def test_balance_keeps_the_line_count_and_evens_the_lines():
    text = "每日一次口服，无需调整剂量"
    plain = lt.wrap(text, 115, fontsize=10, font=FONT)
    even = lt.balance(text, 115, fontsize=10, font=FONT)
    assert len(even) == len(plain) == 2
    assert "".join(even) == text
    widths = [lt.text_width(line, fontsize=10, font=FONT) for line in even]
    plain_widths = [lt.text_width(line, fontsize=10, font=FONT) for line in plain]
    assert max(widths) - min(widths) < max(plain_widths) - min(plain_widths)


def test_balance_never_splits_a_word():
    lines = lt.balance("Low risk of hypoglycaemia on its own", 110, fontsize=10.5, font=FONT)
    assert " ".join(lines) == "Low risk of hypoglycaemia on its own"


def test_fit_shrinks_rather_than_hyphenating_a_word_that_fits_smaller():
    lines, size = lt.fit("Functional benefits", 50, 40, fontsize=10.5, min_fontsize=7, font=BOLD)
    assert lines == ["Functional", "benefits"]
    assert size < 10.5


def test_spaced_items_get_an_empty_line_between_them_when_there_is_room():
    lines, size = lt.fit_items(
        ["一", "二"], 100, 100, fontsize=10, min_fontsize=8, spaced=True, font=FONT
    )
    assert (lines, size) == (["• 一", "", "• 二"], 10.0)
    tight = lt.block_height(2, 10, font=FONT) + 1
    lines, _ = lt.fit_items(
        ["一", "二"], 100, tight, fontsize=10, min_fontsize=8, spaced=True, font=FONT
    )
    assert lines == ["• 一", "• 二"]


@settings(max_examples=40, deadline=None)
@given(texts, st.floats(min_value=40, max_value=300))
def test_balance_properties(sample, width):
    plain = lt.wrap(sample, width, fontsize=10, font=FONT)
    even = lt.balance(sample, width, fontsize=10, font=FONT)
    assert len(even) <= len(plain)
    assert "".join(even).replace(" ", "") == "".join(plain).replace(" ", "")
