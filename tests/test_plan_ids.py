"""Every list item of a plan has a stable id: made once, kept across saves, edits and moves."""

from __future__ import annotations

import json
import re

import pytest

from workshop_lib.classroom import demo_class, scenario_plan
from workshop_lib.plan import SCHEMA_VERSION, BrandPlan, FlowStep, item_lists
from workshop_lib.worked_example import worked_plan

ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def ids(plan: BrandPlan) -> list[str]:
    return [item.id for _, item in plan.items()]


def old_file() -> dict:
    """A version-2 plan: no ids anywhere, ladder lines as text, links as places."""
    return {
        "schema_version": 2,
        "group": "第二组",
        "market_scope": {
            "levels": [{"label": "成人", "count": 100}, {"label": "患者", "count": 9}]
        },
        "purchase_flow": {"steps": [{"name": "确诊", "count": 5}], "leverage_points": [{}]},
        "behaviour_map": {"stages": [{"stage": "知晓"}, {"stage": "试用"}]},
        "benefit_ladder": {
            "attributes": ["一天一片", "心肾证据"],
            "functional": ["控糖"],
            "emotional": ["安心"],
            "links": {"functional": [[1, 0], [7, 0]], "emotional": [[0, 0]]},
        },
        "activity_plan": {"rows": [{"activity": "科室会"}, {"activity": "患教会"}]},
    }


def test_every_list_of_items_is_known_and_every_item_has_an_id():
    plan = worked_plan("zh")
    assert set(item_lists()) >= {
        "market_scope.levels",
        "purchase_flow.steps",
        "behaviour_map.stages",
        "benefit_ladder.attributes",
        "benefit_ladder.links.functional",
        "communication.steps",
        "activity_plan.rows",
    }
    found = ids(plan)
    assert len(found) > 20 and all(ID.match(i) for i in found)


def test_ids_survive_a_save_and_a_load(tmp_path):
    plan = scenario_plan("en")
    before = ids(plan)
    plan.save(tmp_path / "g.json")
    assert ids(BrandPlan.load(tmp_path / "g.json")) == before


def test_a_new_item_gets_a_fresh_id_and_keeps_it_when_edited_or_moved():
    plan = BrandPlan(group="g")
    plan.purchase_flow.steps = [FlowStep(name="a"), FlowStep(name="b")]
    first, second = plan.purchase_flow.steps
    assert first.id != second.id
    first.name = "changed"
    plan.purchase_flow.steps.reverse()
    again = BrandPlan.from_dict(plan.to_dict())
    assert [s.id for s in again.purchase_flow.steps] == [second.id, first.id]


def test_an_old_file_gets_ids_that_stay_once_saved(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old_file(), ensure_ascii=False), encoding="utf-8")
    first, second = BrandPlan.load(path), BrandPlan.load(path)
    assert first.schema_version == SCHEMA_VERSION
    assert ids(first) == ids(second)  # the same file gives the same ids before it is saved
    assert len(set(ids(first))) == len(ids(first)) == 14
    first.save(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == SCHEMA_VERSION
    assert saved["behaviour_map"]["stages"][1]["id"] == first.behaviour_map.stages[1].id
    assert ids(BrandPlan.load(path)) == ids(first)


def test_migrated_ladder_links_name_the_lines_they_joined():
    ladder = BrandPlan.from_dict(old_file()).benefit_ladder
    assert ladder.texts("attributes") == ["一天一片", "心肾证据"]
    (link,) = ladder.links.functional  # the link to a seventh attribute that never was is gone
    assert (link.lower, link.upper) == (ladder.attributes[1].id, ladder.functional[0].id)
    (emotional,) = ladder.links.emotional
    assert (emotional.lower, emotional.upper) == (ladder.functional[0].id, ladder.emotional[0].id)


def test_two_items_never_share_an_id():
    data = BrandPlan.from_dict(old_file()).to_dict()
    data["activity_plan"]["rows"][1]["id"] = data["market_scope"]["levels"][0]["id"]
    plan = BrandPlan.from_dict(data)
    assert len(set(ids(plan))) == len(ids(plan))
    assert plan.market_scope.levels[0].id == data["market_scope"]["levels"][0]["id"]


def test_a_badly_formed_id_is_named():
    data = BrandPlan.from_dict(old_file()).to_dict()
    data["behaviour_map"]["stages"][0]["id"] = "a b/c"
    with pytest.raises(ValueError, match=r"behaviour_map\.stages\.0\.id"):
        BrandPlan.from_dict(data)


def test_an_item_is_found_by_its_list_and_id():
    plan = worked_plan("en")
    stage = plan.behaviour_map.stages[2]
    assert plan.item("behaviour_map.stages", stage.id) is stage
    line = plan.benefit_ladder.functional[1]
    assert plan.item("benefit_ladder.functional", line.id) is line
    with pytest.raises(ValueError, match=r"behaviour_map\.stages"):
        plan.item("behaviour_map.stages", "nope")
    with pytest.raises(ValueError, match=r"persona\.needs"):
        plan.item("persona.needs", stage.id)


def test_retyping_a_rung_keeps_the_ids_of_kept_and_edited_lines():
    ladder = worked_plan("en").benefit_ladder
    old = ladder.attributes
    texts = ladder.texts("attributes")
    moved = [texts[1], texts[0], texts[2] + " (edited)", texts[3], "a new line"]
    lines = ladder.retyped("attributes", moved)
    assert [x.text for x in lines] == moved
    assert [x.id for x in lines[:4]] == [old[1].id, old[0].id, old[2].id, old[3].id]
    assert lines[4].id not in {x.id for x in old}


def test_the_worked_example_and_the_demo_class_have_the_same_ids_every_time():
    assert ids(worked_plan("zh")) == ids(worked_plan("zh"))
    assert ids(scenario_plan("en")) == ids(scenario_plan("en"))
    assert [ids(p) for p in demo_class(3)] == [ids(p) for p in demo_class(3)]
