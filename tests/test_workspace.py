"""The course is copied into a workspace once and never overwrites a participant's edits."""

from __future__ import annotations

import json
import os
from pathlib import Path

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


def test_home_is_the_named_folder_the_environment_or_the_course_around_the_current_folder(
    course, tmp_path, monkeypatch
):
    monkeypatch.delenv(workspace.HOME_ENV_VAR, raising=False)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert workspace.home(cwd=outside) == outside / workspace.DEFAULT_DIRNAME
    assert workspace.home("~/acme") == Path.home() / "acme"
    checkout = workspace.course_source()
    if workspace.is_checkout(checkout):
        assert workspace.home(cwd=checkout / "notebooks" / "zh") == checkout
    # a prepared workspace is found from any folder inside it (a kernel runs beside its notebook)
    root = tmp_path / "ws"
    workspace.prepare(root, course)
    assert workspace.home(cwd=root / "notebooks" / "zh") == root.resolve()
    monkeypatch.setenv(workspace.HOME_ENV_VAR, str(tmp_path / "hub"))
    assert workspace.home(cwd=root) == tmp_path / "hub"
    assert workspace.home(tmp_path / "named", cwd=root) == tmp_path / "named"


def test_shipped_course_has_the_welcome_notebook_in_both_languages():
    source = workspace.course_source()
    for lang in ("zh", "en"):
        assert (source / "notebooks" / lang / "00_welcome.ipynb").is_file()


def test_check_writable_creates_nothing(tmp_path):
    before = set(tmp_path.rglob("*"))
    assert workspace.check_writable(tmp_path / "new" / "ws") == tmp_path
    assert workspace.check_writable(tmp_path) == tmp_path
    assert set(tmp_path.rglob("*")) == before  # no folder, no test file left behind
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        workspace.check_writable(blocker / "sub")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anyway")
def test_check_writable_refuses_a_read_only_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            workspace.check_writable(locked / "ws")
        assert not (locked / "ws").exists()
    finally:
        locked.chmod(0o755)
