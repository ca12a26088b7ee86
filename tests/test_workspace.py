"""The course is copied into a workspace once and never overwrites a participant's edits."""

from __future__ import annotations

import json

import pytest

from workshop_lib import workspace


@pytest.fixture
def course(tmp_path):
    source = tmp_path / "course"
    (source / "notebooks" / "zh").mkdir(parents=True)
    (source / "notebooks" / "zh" / "01_unit.ipynb").write_text('{"cells": []}', encoding="utf-8")
    (source / "notebooks" / "zh" / ".ipynb_checkpoints").mkdir()
    (source / "notebooks" / "zh" / ".ipynb_checkpoints" / "x.ipynb").write_text("{}")
    (source / "datasets").mkdir()
    (source / "datasets" / "regions.csv").write_text("region_id\nR1\n", encoding="utf-8")
    return source


def test_first_start_copies_everything_but_checkpoints(course, tmp_path):
    report = workspace.prepare(tmp_path / "ws", course)
    assert sorted(report.copied) == ["datasets/regions.csv", "notebooks/zh/01_unit.ipynb"]
    assert (tmp_path / "ws" / "datasets" / "regions.csv").read_text() == "region_id\nR1\n"
    assert not (tmp_path / "ws" / "notebooks" / "zh" / ".ipynb_checkpoints").exists()
    manifest = json.loads((tmp_path / "ws" / workspace.MANIFEST).read_text())
    assert set(manifest["files"]) == set(report.copied)


def test_second_start_keeps_an_edited_file_and_updates_an_untouched_one(course, tmp_path):
    root = tmp_path / "ws"
    workspace.prepare(root, course)
    edited = root / "notebooks" / "zh" / "01_unit.ipynb"
    edited.write_text('{"cells": ["our group work"]}', encoding="utf-8")
    (course / "notebooks" / "zh" / "01_unit.ipynb").write_text('{"cells": [1]}')
    (course / "datasets" / "regions.csv").write_text("region_id\nR1\nR2\n")

    report = workspace.prepare(root, course)

    assert report.kept == ["notebooks/zh/01_unit.ipynb"]
    assert report.updated == ["datasets/regions.csv"]
    assert edited.read_text() == '{"cells": ["our group work"]}'
    assert (root / "datasets" / "regions.csv").read_text() == "region_id\nR1\nR2\n"
    # and it stays kept on every later start
    assert workspace.prepare(root, course).kept == ["notebooks/zh/01_unit.ipynb"]


def test_a_deleted_file_comes_back_and_unrelated_files_are_left_alone(course, tmp_path):
    root = tmp_path / "ws"
    workspace.prepare(root, course)
    (root / "datasets" / "regions.csv").unlink()
    (root / "groups").mkdir()
    (root / "groups" / "team1.json").write_text("{}")
    report = workspace.prepare(root, course)
    assert report.copied == ["datasets/regions.csv"]
    assert (root / "groups" / "team1.json").read_text() == "{}"


def test_a_same_named_file_that_was_there_before_is_kept(course, tmp_path):
    root = tmp_path / "ws"
    (root / "datasets").mkdir(parents=True)
    (root / "datasets" / "regions.csv").write_text("company data\n")
    report = workspace.prepare(root, course)
    assert report.kept == ["datasets/regions.csv"]
    assert (root / "datasets" / "regions.csv").read_text() == "company data\n"


def test_a_corrupt_manifest_is_treated_as_unknown_history(course, tmp_path):
    root = tmp_path / "ws"
    workspace.prepare(root, course)
    (root / workspace.MANIFEST).write_text("{not json")
    (root / "notebooks" / "zh" / "01_unit.ipynb").write_text("edited")
    assert workspace.prepare(root, course).kept == ["notebooks/zh/01_unit.ipynb"]


def test_preparing_the_source_itself_runs_in_place(course):
    report = workspace.prepare(course, course)
    assert report.in_place and not report.copied


def test_default_workspace(tmp_path, monkeypatch):
    monkeypatch.delenv(workspace.HOME_ENV_VAR, raising=False)
    assert workspace.default_workspace(tmp_path) == tmp_path / workspace.DEFAULT_DIRNAME
    checkout = workspace.course_source()
    if workspace.is_checkout(checkout):
        assert workspace.default_workspace(checkout) == checkout
    monkeypatch.setenv(workspace.HOME_ENV_VAR, str(tmp_path / "hub"))
    assert workspace.default_workspace(tmp_path) == tmp_path / "hub"


def test_shipped_course_has_the_welcome_notebook_in_both_languages():
    source = workspace.course_source()
    for lang in ("zh", "en"):
        assert (source / "notebooks" / lang / "00_welcome.ipynb").is_file()


def test_check_writable(tmp_path):
    workspace.check_writable(tmp_path / "new")
    assert (tmp_path / "new").is_dir()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        workspace.check_writable(blocker / "sub")
