"""Hostile input never raises, is explained beside the exercise, and never breaks the saved plan."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from widget_tree import find, labelled

from workshop_lib import i18n
from workshop_lib.plan import BrandPlan

TEXTS = [
    "",
    "   ",
    "长" * 10_000,
    "👩‍⚕️🩺💊🚀 emoji 患者",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://x")',
    "\u202eRTL override",
    "line one\nline two\r\nline three",
    "\x00 NUL and \x1b escape",
    "'; DROP TABLE plans; --",
    "../../etc/passwd",
]


def reloads(plan: BrandPlan, canvas) -> BrandPlan:
    canvas.flush()
    return BrandPlan.load(plan.path)


@pytest.mark.parametrize("text", TEXTS)
def test_any_text_is_kept_verbatim_and_draws_or_explains(text, plan, open_canvas):
    canvas = open_canvas("persona")
    labelled(canvas.widget, i18n.t("canvas.field.persona_name")).value = "李主任"
    labelled(canvas.widget, i18n.t("canvas.field.portrait")).value = text
    labelled(canvas.widget, i18n.t("canvas.field.quote")).value = text
    assert plan.persona.quote == text
    assert bytes(canvas.image.value).startswith(b"\x89PNG") or canvas.message.value
    assert "<script>" not in canvas.message.value and "<img" not in canvas.message.value
    assert reloads(plan, canvas).persona.quote == text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1,234", 1234.0),
        ("１２３４", 1234.0),
        ("8.5万", 85_000.0),
        ("0.0008亿", 80_000.0),
        (" 12 345 ", 12345.0),
        ("1e3", 1000.0),
        ("", None),
    ],
)
def test_numbers_in_the_ways_people_type_them(typed, stored, plan, open_canvas):
    canvas = open_canvas("market_scope")
    box = find(canvas.widget, widgets.Text)[-1]  # the last (smallest) level's count
    box.value = typed
    assert plan.market_scope.levels[-1].count == stored
    assert canvas.message.value == ""
    assert reloads(plan, canvas).market_scope.levels[-1].count == stored


@pytest.mark.parametrize(
    "typed",
    [
        "abc",
        "-5",
        "1e400",
        "NaN",
        "12%",
        "１２３４５６７８９０１２３４５６７８９０万亿",
        "🚀",
        "1,2,3.4.5",
    ],
)
def test_impossible_numbers_are_explained_and_the_old_value_kept(typed, plan, open_canvas):
    canvas = open_canvas("market_scope")
    before = plan.market_scope.levels[0].count
    box = find(canvas.widget, widgets.Text)[1]
    box.value = typed
    assert plan.market_scope.levels[0].count == before
    assert canvas.message.value  # an inline message, never a traceback
    box.value = "2000万"  # and fixing it clears the message
    assert canvas.message.value == "" and plan.market_scope.levels[0].count == 2e7


def test_huge_but_finite_numbers_are_drawn_or_explained(plan, open_canvas):
    canvas = open_canvas("market_scope")
    find(canvas.widget, widgets.Text)[1].value = "9" * 300
    assert canvas.image.value or canvas.message.value
    assert reloads(plan, canvas).market_scope.levels[0].count > 1e299


def test_deleting_every_row_explains_what_the_diagram_needs(plan, open_canvas):
    canvas = open_canvas("purchase_flow")
    while plan.purchase_flow.steps:
        find(canvas.widget, widgets.Button, tooltip=i18n.t("canvas.delete_row"))[0].click()
    assert canvas.message.value and canvas.image.layout.visibility == "hidden"
    assert reloads(plan, canvas).purchase_flow.steps == []
    find(canvas.widget, widgets.Button, description=i18n.t("canvas.add_row"))[0].click()
    assert len(plan.purchase_flow.steps) == 1


def test_duplicate_level_names_are_explained(plan, open_canvas):
    canvas = open_canvas("market_scope")
    names = find(canvas.widget, widgets.Text)[0::2]  # rows alternate name, count
    names[1].value = names[0].value
    assert names[0].value in canvas.message.value


def test_all_weights_zero_then_normalised_to_equal(plan, open_canvas):
    canvas = open_canvas("attractiveness")
    for slider in find(canvas.widget, widgets.FloatSlider):
        slider.value = 0
    assert canvas.message.value
    find(canvas.widget, widgets.Button, description=i18n.t("canvas.normalise"))[0].click()
    weights = [c.weight for c in plan.attractiveness.criteria]
    assert sum(weights) == pytest.approx(1) and max(weights) - min(weights) < 0.01


def test_cut_points_that_are_not_numbers(plan, open_canvas):
    canvas = open_canvas("segmentation")
    cuts = next(
        w
        for w in find(canvas.widget, widgets.Text)
        if w.description == i18n.t("canvas.field.cut_points")
    )
    before = list(plan.segmentation.variables[0].cut_points)
    cuts.value = "60, lots"
    assert "lots" in canvas.message.value
    assert plan.segmentation.variables[0].cut_points == before


def test_too_many_stages_cannot_be_added(plan, open_canvas):
    canvas = open_canvas("behaviour_map")
    add = find(canvas.widget, widgets.Button, description=i18n.t("canvas.add_stage"))[0]
    for _ in range(10):
        if not add.disabled:
            add.click()
    assert len(plan.behaviour_map.stages) == canvas.max_stages and add.disabled


def test_a_full_disk_is_reported_and_typing_goes_on(plan, open_canvas, monkeypatch):
    canvas = open_canvas("persona")

    def refuse(*_args, **_kws):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BrandPlan, "save", refuse)
    canvas.saver._last = float("-inf")
    labelled(canvas.widget, i18n.t("canvas.field.persona_name")).value = "李主任"
    assert "No space left" in canvas.message.value
    assert plan.persona.name == "李主任"


def test_a_group_named_like_a_path_stays_in_its_folder(tmp_path):
    from workshop_lib import groups

    plan = groups.open_group("../../x", tmp_path / "groups")
    assert plan.path.parent == tmp_path / "groups"
    assert [name for name, _ in groups.list_groups(tmp_path / "groups")] == ["../../x"]
