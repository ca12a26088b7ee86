"""Chinese renders without missing glyphs, whatever the caller did to matplotlib before."""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
import seaborn as sns

from workshop_lib import style


def _draw_chinese_figure() -> plt.Figure:
    fig, ax = plt.subplots()
    ax.plot([-3, 0, 2], [1, -2, 4], label="患者人数")
    ax.set_title("市场范围:糖尿病患者池")
    ax.set_xlabel("月份")
    ax.set_ylabel("处方量(−表示下降)")
    ax.set_xticks([-3, 0, 2], ["一月", "二月", "三月"])
    ax.text(0, 0, "杠杆点 −5%")
    ax.legend()
    return fig


def _glyph_warnings(draw_and_save) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw_and_save()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def _save(fig: plt.Figure) -> None:
    fig.savefig(io.BytesIO(), format="png")


def test_without_the_style_chinese_is_missing_so_the_check_can_fail():
    with mpl.rc_context({"font.family": "DejaVu Sans"}):
        assert _glyph_warnings(lambda: _save(_draw_chinese_figure()))


def test_context_manager_draws_chinese_and_minus_without_warnings():
    def run():
        with style.workshop_style():
            _save(_draw_chinese_figure())

    assert _glyph_warnings(run) == []


def test_after_seaborn_set_theme():
    sns.set_theme()
    try:
        assert mpl.rcParams["font.sans-serif"][0] != style.cjk_font()  # seaborn reset the list

        def run():
            with style.workshop_style():
                _save(_draw_chinese_figure())

        assert _glyph_warnings(run) == []
    finally:
        mpl.rcdefaults()


def test_figure_drawn_inside_and_saved_outside_keeps_the_font():
    # a notebook displays a figure after the cell (and the style block) has ended
    with style.workshop_style():
        fig = _draw_chinese_figure()
    assert _glyph_warnings(lambda: _save(fig)) == []


def test_decorator_form_and_restoring_rcparams():
    before = dict(mpl.rcParams)

    @style.workshop_style()
    def draw():
        assert mpl.rcParams["axes.unicode_minus"] is False
        _save(_draw_chinese_figure())

    assert _glyph_warnings(draw) == []
    assert mpl.rcParams["font.family"] == before["font.family"]
    assert mpl.rcParams["axes.unicode_minus"] == before["axes.unicode_minus"]


def test_use_applies_globally_after_seaborn():
    sns.set_theme()
    try:
        family = style.use()
        assert mpl.rcParams["font.family"][0] == family
        assert _glyph_warnings(lambda: _save(_draw_chinese_figure())) == []
    finally:
        mpl.rcdefaults()


def test_cjk_font_names_a_family_that_matplotlib_can_find():
    family = style.cjk_font()
    assert family in style.CJK_FAMILIES
    path = mpl.font_manager.findfont(
        mpl.font_manager.FontProperties(family=family), fallback_to_default=False
    )
    assert path


def test_font_file_from_the_environment_wins(monkeypatch):
    files = style._font_files()
    assert files, "the test machine needs a CJK font file"
    monkeypatch.setenv(style.FONT_ENV_VAR, str(files[0]))
    style.cjk_font.cache_clear()
    try:
        assert style.cjk_font() in {
            e.name for e in mpl.font_manager.fontManager.ttflist if e.fname == str(files[0])
        }
    finally:
        monkeypatch.undo()
        style.cjk_font.cache_clear()


def test_no_font_raises_an_error_that_says_how_to_fix_it(monkeypatch):
    monkeypatch.setattr(style, "_known_families", lambda: {"DejaVu Sans"})
    monkeypatch.setattr(style, "_font_files", lambda: [])
    style.cjk_font.cache_clear()
    try:
        with pytest.raises(style.FontNotFoundError) as info:
            style.cjk_font()
        message = str(info.value)
        assert style.FONT_ENV_VAR in message
        assert "fonts-noto-cjk" in message or "YaHei" in message or "PingFang" in message
    finally:
        monkeypatch.undo()
        style.cjk_font.cache_clear()


def test_palette_is_deterministic_and_cycles():
    assert style.PALETTE.color(0) == style.PALETTE.series[0]
    assert style.PALETTE.color(len(style.PALETTE.series)) == style.PALETTE.series[0]
    assert mpl.colors.is_color_like(style.PALETTE.accent)
