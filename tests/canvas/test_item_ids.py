"""Adding, deleting and retyping rows in a canvas leaves the other rows' ids alone."""

from __future__ import annotations

import ipywidgets as widgets
from widget_tree import find, labelled

from workshop_lib import i18n
from workshop_lib.plan import BrandPlan


def saved(plan: BrandPlan, canvas) -> BrandPlan:
    canvas.flush()
    return BrandPlan.load(plan.path)


def test_adding_and_deleting_rows_keeps_the_other_rows_ids(plan, open_canvas):
    canvas = open_canvas("market_scope")
    levels = plan.market_scope.levels
    before = [level.id for level in levels]
    assert len(before) >= 3
    find(canvas.widget, widgets.Button, description=i18n.t("canvas.add_row"))[0].click()
    added = levels[-1].id
    assert added not in before
    delete = find(canvas.widget, widgets.Button, description="×")
    delete[1].click()  # the second row
    kept = [before[0], *before[2:], added]
    assert [level.id for level in plan.market_scope.levels] == kept
    assert [level.id for level in saved(plan, canvas).market_scope.levels] == kept


def test_editing_a_row_keeps_its_id(plan, open_canvas):
    canvas = open_canvas("activity_plan")
    add = find(canvas.widget, widgets.Button, description=i18n.t("canvas.add_row"))[0]
    add.click()
    add.click()
    first, second = (row.id for row in plan.activity_plan.rows)
    placeholder = i18n.t("canvas.field.activity")
    find(canvas.widget, widgets.Text, placeholder=placeholder)[1].value = "科室会"
    assert [row.id for row in saved(plan, canvas).activity_plan.rows] == [first, second]
    assert plan.activity_plan.rows[1].activity == "科室会"


def test_retyping_the_ladder_keeps_line_ids(plan, open_canvas):
    canvas = open_canvas("benefit_ladder")
    box = labelled(canvas.widget, i18n.t("canvas.field.attributes"))
    box.value = "一天一片\n心肾证据"
    one, two = (line.id for line in plan.benefit_ladder.attributes)
    box.value = "心肾证据\n一天一片（口服）\n低血糖风险低"
    lines = saved(plan, canvas).benefit_ladder.attributes
    assert [line.id for line in lines[:2]] == [two, one]
    assert lines[2].id not in {one, two}
