"""What the five text-heavy diagrams share: fitted text, no tofu, axes handling, baselines."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from diagrams.text_checks import glyph_warnings, layout_problems, long_example
from matplotlib.testing.compare import compare_images

from workshop_lib import diagrams
from workshop_lib.diagrams import examples
from workshop_lib.diagrams._frame import MIN_FONTSIZE

NAMES = examples.NAMES
LANGS = ("zh", "en")
BASELINE = Path(__file__).parent / "baseline"


def draw(name, data, **kws):
    return getattr(diagrams, name)(data, **kws)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_worked_example_text_fits_its_boxes(name, lang):
    ax = draw(name, examples.load(name, lang), lang=lang)
    assert len(ax.texts) >= 5
    assert layout_problems(ax) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_long_text_is_wrapped_shrunk_or_cut_never_spilled(name, lang):
    ax = draw(name, long_example(name, lang), lang=lang)
    assert layout_problems(ax) == []
    assert min(text.get_fontsize() for text in ax.texts if text.get_text()) >= MIN_FONTSIZE


@pytest.mark.parametrize("name", NAMES)
def test_long_text_is_cut_with_an_ellipsis_not_dropped(name):
    _, ax = plt.subplots(figsize=(10, 5))
    ax = draw(name, long_example(name, "zh", times=12), ax=ax, lang="zh")
    assert any(text.get_text().endswith("…") for text in ax.texts)
    assert layout_problems(ax) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_no_missing_glyphs(name, lang):
    assert glyph_warnings(lambda: draw(name, long_example(name, lang), lang=lang)) == []


@pytest.mark.parametrize("name", NAMES)
def test_draws_into_a_given_axes_without_moving_it(name):
    _, (left, right) = plt.subplots(1, 2, figsize=(16, 6))
    before = right.get_position().bounds
    ax = draw(name, examples.load(name, "en"), ax=right, lang="en")
    assert ax is right
    assert right.get_position().bounds == before
    assert not left.texts
    assert layout_problems(ax) == []


@pytest.mark.parametrize("name", NAMES)
def test_global_settings_are_left_alone(name):
    before = dict(mpl.rcParams)
    draw(name, examples.load(name, "zh"))
    assert dict(mpl.rcParams) == before


@pytest.mark.parametrize("name", NAMES)
def test_labels_follow_the_language(name):
    zh = {t.get_text() for t in draw(name, examples.load(name, "en"), lang="zh").texts}
    en = {t.get_text() for t in draw(name, examples.load(name, "en"), lang="en").texts}
    assert zh != en  # same data, different headings


@pytest.mark.parametrize("name", NAMES)
def test_bad_language_and_axes_are_refused(name):
    with pytest.raises(ValueError, match="lang"):
        draw(name, examples.load(name, "en"), lang="fr")
    with pytest.raises(ValueError, match="ax"):
        draw(name, examples.load(name, "en"), ax="left")


@pytest.mark.parametrize("name", NAMES)
def test_not_a_record_names_the_data(name):
    with pytest.raises(ValueError, match="data"):
        draw(name, 42)


def test_examples_are_fresh_copies_and_unknown_names_fail():
    one = examples.load("persona_card", "zh")
    one["name"] = "changed"
    assert examples.load("persona_card", "zh")["name"] != "changed"
    with pytest.raises(ValueError, match="persona"):
        examples.load("persona", "zh")


@pytest.mark.parametrize("name", NAMES)
def test_examples_exist_in_both_languages_with_the_same_shape(name):
    zh, en = examples.load(name, "zh"), examples.load(name, "en")

    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return type(value).__name__

    assert shape(zh) == shape(en)


@pytest.mark.parametrize(
    ("name", "lang"), [("persona_card", "zh"), ("benefit_ladder", "en"), ("activity_plan", "zh")]
)
def test_image_matches_baseline(name, lang, tmp_path):
    ax = draw(name, examples.load(name, lang), lang=lang)
    actual = tmp_path / f"text_{name}_{lang}.png"
    ax.figure.savefig(actual, dpi=50)
    expected = BASELINE / actual.name
    assert expected.exists(), f"missing baseline {expected}"
    assert compare_images(str(expected), str(actual), tol=6) is None


SECTIONS = {
    "persona_card": "persona",
    "behaviour_map": "behaviour_map",
    "benefit_ladder": "benefit_ladder",
    "brand_assessment": "brand_assessment",
    "activity_plan": "activity_plan",
}
"""The plan section each diagram draws."""


@pytest.mark.parametrize("name", NAMES)
def test_a_plan_section_draws_like_its_dict(name):
    from workshop_lib import plan_figures
    from workshop_lib.plan import BrandPlan

    # a file of version 2: its items get ids from their places
    saved = {"schema_version": 2, "group": "G", SECTIONS[name]: examples.load(name, "zh")}
    plan = BrandPlan.from_dict(saved)
    section = getattr(plan, SECTIONS[name])
    if name == "benefit_ladder":  # links name line ids in a plan, places in the diagram
        section = plan_figures.figure_data(plan, SECTIONS[name])
    from_section = [t.get_text() for t in draw(name, section).texts]
    from_dict = [t.get_text() for t in draw(name, examples.load(name, "zh")).texts]
    assert from_section == from_dict
