"""Every canvas: built on a blank plan, edited through its widgets, saved, redrawn."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from widget_tree import find, labelled, walk

from workshop_lib import i18n
from workshop_lib.canvas import CANVASES
from workshop_lib.exercises import EXERCISES
from workshop_lib.fmt import parse_number
from workshop_lib.plan import BrandPlan


def is_number(text: str) -> bool:
    try:
        return parse_number(text) is not None
    except ValueError:
        return False


def saved(plan: BrandPlan, canvas) -> BrandPlan:
    canvas.flush()
    return BrandPlan.load(plan.path)


def test_there_are_at_least_eleven_canvases_in_course_order():
    assert len(CANVASES) >= 11
    assert list(CANVASES) == list(EXERCISES)


@pytest.mark.parametrize("exercise", list(CANVASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_canvas_builds_on_a_blank_plan_without_a_traceback(exercise, lang, open_canvas):
    canvas = open_canvas(exercise, lang=lang)
    assert isinstance(canvas.widget, widgets.Widget)
    # either a diagram was drawn or a message says what it still needs
    assert canvas.image.value or canvas.message.value or exercise == "communication"
    title = i18n.t(f"canvas.{exercise}.title", lang=lang)
    assert any(
        title in getattr(w, "value", "") for w in walk(canvas.widget) if isinstance(w, widgets.HTML)
    )


def test_market_scope_prefilled_from_the_scenario_then_edited(plan, open_canvas):
    canvas = open_canvas("market_scope")
    levels = plan.market_scope.levels
    assert len(levels) == 6 and levels[0].count > levels[-1].count > 0
    before = canvas.image.value
    counts = [w for w in find(canvas.widget, widgets.Text) if is_number(w.value)]
    counts[1].value = "300万"
    assert plan.market_scope.levels[1].count == 3_000_000
    assert canvas.image.value != before
    assert saved(plan, canvas).market_scope.levels[1].count == 3_000_000


def test_purchase_flow_and_leverage_points_share_the_section(plan, open_canvas):
    flow = open_canvas("purchase_flow")
    leverage = open_canvas("leverage_points")
    step = plan.purchase_flow.steps[2].name
    before = leverage.image.value
    dropdown = find(leverage.widget, widgets.Dropdown)[0]
    dropdown.value = step
    labelled(leverage.widget, i18n.t("canvas.field.idea")).value = "基层筛查项目"
    assert plan.purchase_flow.leverage_points[0].step == step
    assert leverage.image.value != before
    assert saved(plan, leverage).purchase_flow.leverage_points[0].idea == "基层筛查项目"
    assert flow.plan is leverage.plan


def test_segmentation_variables_cut_points_and_priorities(plan, open_canvas):
    canvas = open_canvas("segmentation")
    before = canvas.image.value
    row = labelled(canvas.widget, i18n.t("canvas.field.row_variable"))
    row.value = "category_rx"
    assert plan.segmentation.variables[0].key == "category_rx"
    cuts = next(
        w
        for w in find(canvas.widget, widgets.Text)
        if w.description == i18n.t("canvas.field.cut_points")
    )
    cuts.value = "40，120"
    assert plan.segmentation.variables[0].cut_points == [40.0, 120.0]
    first = labelled(canvas.widget, i18n.t("canvas.priority_n", n=1))
    first.value = first.options[-1][1]
    assert plan.segmentation.priority_segments[0] == first.options[-1][1]
    assert canvas.image.value != before
    column = labelled(canvas.widget, i18n.t("canvas.field.column_variable"))
    column.value = "category_rx"  # the same variable twice is explained, not raised
    assert i18n.t("canvas.same_variable") in canvas.message.value


def test_attractiveness_weights_off_then_normalised(plan, open_canvas):
    canvas = open_canvas("attractiveness")
    before = canvas.image.value
    sliders = find(canvas.widget, widgets.FloatSlider)
    assert len(sliders) == 7
    sliders[0].value = 0.9
    assert "1.00" in canvas.weights_note.value and canvas.message.value  # shown, not raised
    find(canvas.widget, widgets.Button, description=i18n.t("canvas.normalise"))[0].click()
    assert sum(c.weight for c in plan.attractiveness.criteria) == pytest.approx(1)
    assert canvas.message.value == ""
    scores = [w for w in find(canvas.widget, widgets.Dropdown)]
    scores[0].value = 5
    segment = next(iter(plan.attractiveness.scores))
    assert plan.attractiveness.scores[segment]["size"] == 5
    assert canvas.image.value != before
    assert saved(plan, canvas).attractiveness.scores[segment]["size"] == 5


def test_persona_draws_once_it_has_a_name(plan, open_canvas):
    canvas = open_canvas("persona")
    assert canvas.image.value == b""
    labelled(canvas.widget, i18n.t("canvas.field.persona_name")).value = "李主任"
    labelled(canvas.widget, i18n.t("canvas.field.needs")).value = "控糖达标\n\n减少低血糖 \n"
    assert plan.persona.needs == ["控糖达标", "减少低血糖"]
    assert bytes(canvas.image.value).startswith(b"\x89PNG")
    assert saved(plan, canvas).persona.name == "李主任"


def test_behaviour_map_stages_added_filled_and_deleted(plan, open_canvas):
    canvas = open_canvas("behaviour_map")
    add = find(canvas.widget, widgets.Button, description=i18n.t("canvas.add_stage"))[0]
    add.click()
    add.click()
    assert len(plan.behaviour_map.stages) == 2
    for box in find(canvas.widget, widgets.Textarea, description=i18n.t("canvas.field.desired")):
        box.value = "每位新诊断患者都评估 SGLT2"
    assert bytes(canvas.image.value).startswith(b"\x89PNG")
    first = canvas.image.value
    find(canvas.widget, widgets.Button, description=i18n.t("canvas.delete_stage"))[0].click()
    assert len(plan.behaviour_map.stages) == 1 and canvas.image.value != first


def test_benefit_ladder_and_brand_assessment(plan, open_canvas):
    ladder = open_canvas("benefit_ladder")
    for key, text in (
        ("attributes", "每日一次口服"),
        ("functional", "平稳降糖"),
        ("emotional", "安心"),
    ):
        labelled(ladder.widget, i18n.t(f"canvas.field.{key}")).value = text
    assert bytes(ladder.image.value).startswith(b"\x89PNG")
    brand = open_canvas("brand_assessment")
    find(brand.widget, widgets.Button, description=i18n.t("canvas.add_row"))[0].click()
    labelled(brand.widget, i18n.t("canvas.field.statement")).value = "心肾获益证据"
    assert bytes(brand.image.value).startswith(b"\x89PNG")
    assert saved(plan, brand).brand_assessment.items[0].statement == "心肾获益证据"


def test_communication_preview_escapes_what_was_typed(plan, open_canvas):
    canvas = open_canvas("communication")
    labelled(canvas.widget, i18n.t("canvas.field.strategy")).value = "<script>alert(1)</script>"
    assert "&lt;script&gt;" in canvas.preview.value and "<script>" not in canvas.preview.value
    assert saved(plan, canvas).communication.strategy == "<script>alert(1)</script>"


def test_activity_plan_rows(plan, open_canvas):
    canvas = open_canvas("activity_plan")
    find(canvas.widget, widgets.Button, description=i18n.t("canvas.add_row"))[0].click()
    texts = find(canvas.widget, widgets.Text)[1:]  # after the plan's title
    for box, value in zip(
        texts, ["内分泌科医生", "病例分享", "心肾获益", "响应率", "≥ 25%"], strict=True
    ):
        box.value = value
    channel = find(canvas.widget, widgets.Dropdown)[0]
    assert ("企业微信", "wecom") in channel.options or ("WeCom", "wecom") in channel.options
    channel.value = "wecom"
    assert bytes(canvas.image.value).startswith(b"\x89PNG")
    saved_plan = saved(plan, canvas)
    assert saved_plan.activity_plan.rows[0].channel == "wecom"
    assert saved_plan.activity_plan.rows[0].target == "≥ 25%"


def test_a_plan_without_a_file_is_edited_but_not_saved(open_canvas, tmp_path):
    plan = BrandPlan(group="no file")
    canvas = CANVASES["persona"](plan)
    labelled(canvas.widget, i18n.t("canvas.field.persona_name")).value = "x"
    assert plan.persona.name == "x" and canvas.saver is None and plan.path is None
