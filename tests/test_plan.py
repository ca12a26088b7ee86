"""The brand plan: validation, atomic save with a backup, clear errors, migration."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from workshop_lib import i18n
from workshop_lib.plan import (
    SCHEMA_VERSION,
    SECTIONS,
    Activity,
    BrandPlan,
    backup_path,
    describe,
    file_name,
)


@pytest.fixture
def plan() -> BrandPlan:
    p = BrandPlan(group="第一组", members=["王芳", "李雷"])
    p.market_scope.levels = [{"label": "population", "count": 20e6}, {"label": "brand", "count": 1}]
    p.activity_plan.rows.append(Activity(channel="rep_visit", activity="科室会", target="30%"))
    return p


def test_a_new_plan_has_every_section_and_the_metadata(plan):
    data = plan.to_dict()
    assert set(SECTIONS) <= set(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["language"] == "zh" and data["scenario"] == "sample"
    assert data["created"].endswith("Z") or "+00:00" in data["created"]


def test_language_follows_the_active_language():
    with i18n.language("en"):
        assert BrandPlan(group="Team 1").language == "en"


def test_save_and_load_round_trip_and_keep_a_backup(plan, tmp_path):
    path = tmp_path / "groups" / "g.json"
    plan.save(path)
    assert not backup_path(path).exists()
    first = path.read_text(encoding="utf-8")
    plan.persona.name = "李医生"
    plan.save(path)
    assert backup_path(path).read_text(encoding="utf-8") == first
    loaded = BrandPlan.load(path)
    assert loaded.persona.name == "李医生"
    assert loaded.to_dict() == plan.to_dict()
    assert "李医生" in path.read_text(encoding="utf-8")  # stored readable, not \\u-escaped
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000,
        "👩‍⚕️🩺💊 患者",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "",
        "   ",
        "line1\nline2\ttab",
        "\u202eRTL override",
        "'; DROP TABLE plans; --",
    ],
)
def test_hostile_text_is_stored_verbatim_and_reloads(text, tmp_path):
    p = BrandPlan(group="g")
    p.persona.quote = text
    p.benefit_ladder.emotional = [text, text]
    p.save(tmp_path / "g.json")
    again = BrandPlan.load(tmp_path / "g.json")
    assert again.persona.quote == text
    assert again.benefit_ladder.texts("emotional") == [text, text]


def test_text_beyond_the_limit_is_refused_in_the_language_and_the_plan_is_unchanged(plan):
    with pytest.raises(ValidationError) as info:
        plan.persona.portrait = "长" * 30_000
    assert plan.persona.portrait == ""
    message = describe(info.value)
    assert "portrait" in message and "20000" in message and "太长" in message


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"group": ""}, "group"),
        ({"group": "g", "market_scope": {"levels": [{"count": -5}]}}, "scope.levels.0.count"),
        ({"group": "g", "market_scope": {"levels": [{"count": "1,234"}]}}, "levels.0.count"),
        ({"group": "g", "market_scope": {"levels": [{"count": float("inf")}]}}, "levels.0.count"),
        ({"group": "g", "attractiveness": {"scores": {"A": {"size": 6}}}}, "scores.A.size"),
        ({"group": "g", "attractiveness": {"criteria": [{"weight": 1.5}]}}, "criteria.0.weight"),
        ({"group": "g", "brand_assessment": {"items": [{"kind": "meh"}]}}, "items.0.kind"),
        ({"group": "g", "segmentation": {"variables": [{}, {}, {}]}}, "segmentation.variables"),
        ({"group": "g", "quiz": {"answers": {"q1": {"attempts": -1}}}}, "q1.attempts"),
        ({"group": "g", "schema_version": SCHEMA_VERSION + 1}, "schema_version"),
    ],
)
def test_invalid_data_names_the_field(data, field):
    with pytest.raises(ValueError, match=field.replace(".", r"\.")):
        BrandPlan.from_dict(data)


def test_messages_in_english():
    with i18n.language("en"), pytest.raises(ValueError, match="must be at most 5"):
        BrandPlan.from_dict({"group": "g", "attractiveness": {"scores": {"A": {"x": 9}}}})


def test_unknown_keys_are_dropped_not_fatal():
    plan = BrandPlan.from_dict({"group": "g", "favourite_colour": "blue", "persona": {"hat": 1}})
    assert "favourite_colour" not in plan.to_dict()


@pytest.mark.parametrize("content", ['{"group": "g", "schema_ver', "", "[1, 2]", "\x00\x01binary"])
def test_damaged_file_names_the_file_and_the_backup(plan, tmp_path, content):
    path = tmp_path / "g.json"
    plan.save(path)
    plan.save(path)  # now a .bak exists
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        BrandPlan.load(path)
    message = str(info.value)
    assert str(path) in message and str(backup_path(path)) in message
    assert BrandPlan.load(backup_path(path)).group == "第一组"


def test_missing_file_is_a_clear_value_error(tmp_path):
    with pytest.raises(ValueError, match=r"g\.json"):
        BrandPlan.load(tmp_path / "g.json")


def test_version_1_is_migrated():
    old = {
        "schema_version": 1,
        "group": "老版本",
        "market_scope": {"layers": [{"label": "treated", "count": 820000}]},
        "behaviour_map": {
            "stages": [{"stage": "trial", "kpi": "试用率"}, {"stage": "x", "kpi": ""}]
        },
    }
    plan = BrandPlan.from_dict(old)
    assert plan.schema_version == SCHEMA_VERSION
    assert plan.market_scope.levels[0].count == 820000
    assert [s.kpis for s in plan.behaviour_map.stages] == [["试用率"], []]
    assert old["market_scope"] == {"layers": [{"label": "treated", "count": 820000}]}  # untouched


def test_file_names_are_safe_and_distinct():
    names = {file_name(g) for g in ["第一组", "第一组!", "第一组?", "../../x", "a/b", "CON", ""]}
    assert len(names) == 7
    for name in names:
        assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert json.dumps(file_name("第一组"), ensure_ascii=False) == '"第一组.json"'
