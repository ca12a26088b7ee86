"""Fixtures for the trainer's tools: a class made from the worked example, hostile plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from trainer.plans import hostile_plan, save_all

from workshop_lib.classroom import demo_class
from workshop_lib.plan import BrandPlan


@pytest.fixture(scope="session")
def small_class() -> list[BrandPlan]:
    """Four groups from the worked example; the third is behind (see ``demo_class``)."""
    return demo_class(4)


@pytest.fixture
def class_dir(tmp_path, small_class) -> Path:
    """A class folder: four groups, a hostile group and a damaged file."""
    folder = save_all([*small_class, hostile_plan()], tmp_path / "groups")
    (folder / "damaged.json").write_text('{"group": "半', encoding="utf-8")
    return folder
