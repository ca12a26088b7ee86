"""Fixtures for the review: the worked example plan completed with the scenario's numbers."""

from __future__ import annotations

import pytest

from workshop_lib.canvas import CANVASES
from workshop_lib.exercises import EXERCISES
from workshop_lib.plan import BrandPlan
from workshop_lib.worked_example import worked_plan


@pytest.fixture
def worked():
    """The worked example plan in a language, its pool, flow and variables from the scenario."""

    def make(lang: str) -> BrandPlan:
        plan = worked_plan(lang)
        for exercise in EXERCISES.values():
            if exercise.from_scenario:
                CANVASES[exercise.id](plan, lang=lang)
        return plan

    return make
