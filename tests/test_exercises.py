"""Each exercise is declared once, with every part, and nothing else keeps a list of exercises."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workshop_lib import i18n
from workshop_lib.classroom import demo_class
from workshop_lib.diagrams import examples
from workshop_lib.exercises import EXERCISES, part
from workshop_lib.plan import BrandPlan
from workshop_lib.worked_example import worked_plan

PACKAGE = Path(__file__).resolve().parents[1] / "workshop_lib"

REGISTRY = PACKAGE / "exercises.py"


@pytest.mark.parametrize("exercise", EXERCISES.values(), ids=list(EXERCISES))
def test_every_exercise_has_all_its_parts(exercise):
    assert exercise.section in BrandPlan.model_fields
    section = BrandPlan.model_fields[exercise.section].annotation
    assert set(exercise.fields) <= set(section.model_fields)
    canvas = exercise.canvas_class()
    assert canvas.exercise == exercise.id
    for name in (exercise.answer, exercise.done, exercise.figure, *exercise.summary):
        if name is not None:
            assert callable(part(name)), name
    for lang in ("zh", "en"):
        for key in (f"canvas.{exercise.id}.title", f"canvas.{exercise.id}.help"):
            assert i18n.t(key, lang=lang).strip()
        assert i18n.t(f"trainer.sheet.{exercise.id}", lang=lang).strip()
        for name in exercise.summary:
            assert i18n.t(f"summary.part.{name.rpartition('.')[2]}", lang=lang).strip()
    assert exercise.example is None or exercise.example in examples.NAMES


def test_exercises_are_numbered_in_course_order():
    numbers = [tuple(map(int, ex.number.split("."))) for ex in EXERCISES.values()]
    assert numbers == sorted(set(numbers))
    for (unit, place), previous in zip(numbers, [(1, 0), *numbers], strict=False):
        assert place == (previous[1] + 1 if unit == previous[0] else 1)
    assert sorted({ex.unit for ex in EXERCISES.values()}) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_worked_example_answers_and_draws_every_exercise(lang):
    plan = worked_plan(lang)
    for exercise in EXERCISES.values():
        if exercise.from_scenario:
            continue  # its numbers come from the scenario through the canvas
        assert not exercise.read(plan).empty, exercise.id
        if exercise.figure is not None:
            with i18n.language(lang):
                assert exercise.draw(plan, lang) is not None, exercise.id


def test_clearing_an_exercise_empties_only_its_part():
    plan = demo_class(1)[0]
    flow = EXERCISES["leverage_points"]
    flow.clear(plan)
    assert flow.read(plan).empty and plan.purchase_flow.steps
    EXERCISES["persona"].clear(plan)
    assert EXERCISES["persona"].read(plan).empty


def _named(item: ast.AST | None) -> object:
    """The constant an item is, or that a call's first argument is (``Exercise("persona", …)``)."""
    if isinstance(item, ast.Call) and item.args:
        item = item.args[0]
    return item.value if isinstance(item, ast.Constant) else None


def _exercise_lists(tree: ast.AST) -> list[int]:
    """Lines of literals (tuples, lists, sets, dict keys) of three exercise ids or more and
    nothing else (the plan's sections or the diagrams' names are other lists)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
            continue
        items = node.keys if isinstance(node, ast.Dict) else node.elts
        texts = [_named(item) for item in items if _named(item) is not None]
        if len(texts) >= 3 and all(text in EXERCISES for text in texts):
            found.append(node.lineno)
    return found


def test_no_module_keeps_a_list_of_exercises_of_its_own():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = _exercise_lists(ast.parse(path.read_text(encoding="utf-8")))
        if lines and path != REGISTRY:
            offenders[str(path.relative_to(PACKAGE))] = lines
    assert offenders == {}, "read workshop_lib.exercises.EXERCISES instead"


def test_the_check_finds_a_list_of_exercises():
    source = 'DRAWERS = {"persona": 1, "behaviour_map": 2, "benefit_ladder": 3}'
    assert _exercise_lists(ast.parse(source)) == [1]
