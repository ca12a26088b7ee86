"""Groups: where plans live, opening or creating one, remembering the current group."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from widget_tree import find

from workshop_lib import groups, i18n, workspace
from workshop_lib.canvas.session import Workbook
from workshop_lib.plan import BrandPlan


def test_groups_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(workspace.HOME_ENV_VAR, str(tmp_path / "ws"))
    monkeypatch.delenv(groups.GROUPS_ENV_VAR, raising=False)
    assert groups.groups_dir() == tmp_path / "ws" / "groups"
    assert groups.locate() == groups.Place(tmp_path / "ws", tmp_path / "ws" / "groups", "workspace")
    assert groups.groups_dir(tmp_path / "other") == tmp_path / "other" / "groups"
    monkeypatch.setenv(groups.GROUPS_ENV_VAR, str(tmp_path / "shared"))
    assert groups.groups_dir() == tmp_path / "shared"
    assert groups.locate(tmp_path / "other").named_by == groups.ENVIRONMENT


def test_a_groups_folder_given_for_a_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv(groups.GROUPS_ENV_VAR, str(tmp_path / "shared"))
    folder = tmp_path / "class"
    groups.open_group("第一组", folder)
    assert groups.is_groups_folder(folder)
    place = groups.locate(folder, groups_folder_ok=True)
    assert (place.groups, place.named_by) == (folder, groups.GIVEN)
    assert groups.locate(folder).groups == tmp_path / "shared"  # only where a command allows it
    (folder / "groups").mkdir()  # a workspace with a stray plan beside its groups folder
    assert not groups.is_groups_folder(folder)
    assert not groups.is_groups_folder(tmp_path / "empty")


def test_the_remembered_group_lives_in_the_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv(workspace.HOME_ENV_VAR, str(tmp_path / "ws"))
    groups.remember("第二组")
    assert (tmp_path / "ws" / ".workshop" / "group.json").is_file()
    assert groups.remembered() == "第二组"


def test_open_creates_then_reopens_and_lists(tmp_path):
    first = groups.open_group("第一组", tmp_path, members=["王芳"])
    first.persona.name = "李主任"
    first.save(first.path)
    again = groups.open_group("第一组", tmp_path)
    assert again.persona.name == "李主任" and again.members == ["王芳"]
    groups.open_group("Team B", tmp_path)
    (tmp_path / "notes.json").write_text("[1, 2]")  # not a plan: skipped
    (tmp_path / "broken.json").write_text("{")
    assert [name for name, _ in groups.list_groups(tmp_path)] == ["Team B", "第一组"]


def test_a_damaged_plan_is_reported_with_its_backup(tmp_path):
    plan = groups.open_group("g", tmp_path)
    plan.save(plan.path)
    plan.path.write_text('{"group": "g", "persona": {')
    with pytest.raises(ValueError, match=r"\.bak"):
        groups.open_group("g", tmp_path)


def test_remembered_group(tmp_path):
    assert groups.remembered(tmp_path) is None
    groups.remember("第二组", tmp_path)
    assert groups.remembered(tmp_path) == "第二组"
    (tmp_path / ".workshop" / "group.json").write_text("garbage")
    assert groups.remembered(tmp_path) is None


def test_picker_creates_a_group_and_canvases_follow(tmp_path):
    book = Workbook(folder=tmp_path / "groups", root=tmp_path)
    box = book.show("persona")
    assert i18n.t("canvas.pick_group_first") in box.children[0].value
    picker = book.picker()
    name = find(picker, widgets.Text, description=i18n.t("canvas.group_name"))[0]
    button = find(picker, widgets.Button)[0]
    button.click()  # empty name: explained, nothing created
    assert i18n.t("canvas.group_name_empty") in picker.children[-1].value
    name.value = "../../第三组"
    button.click()
    assert book.plan.group == "../../第三组"
    assert book.plan.path.parent == tmp_path / "groups"
    assert not isinstance(box.children[0], widgets.HTML)  # the canvas replaced the hint
    # a new kernel (a reloaded page) opens the same group
    assert Workbook(folder=tmp_path / "groups", root=tmp_path).plan.group == "../../第三组"


def test_switching_group_saves_pending_input_first(tmp_path):
    book = Workbook(folder=tmp_path / "groups", root=tmp_path)
    book.choose("A")
    book.show("persona")
    book.canvases[0].plan.persona.name = "甲"
    book.canvases[0].changed()
    book.choose("B")
    assert BrandPlan.load(tmp_path / "groups" / "A.json").persona.name == "甲"
    assert book.plan.group == "B" and book.canvases[0].plan is book.plan
