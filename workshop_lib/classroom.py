"""The class's plans: every group's saved plan in a folder, read as data, problems named.

A trainer's verbs (gallery, progress, export) read a whole folder of plans. A damaged or foreign
file must not stop the debrief: it is skipped and named, with the reason, in :attr:`Class.problems`.
Plans are JSON, validated by :class:`~workshop_lib.plan.BrandPlan`; nothing in them is executed.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = BrandPlan(group="第二组").save(folder / "b.json")
>>> _ = (folder / "broken.json").write_text("{", encoding="utf-8")
>>> found = load_class(folder)
>>> [p.group for p in found.plans], len(found.problems)
(['第二组'], 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .i18n import t
from .plan import BrandPlan


@dataclass
class Class:
    """The plans found in a folder, sorted by group name, and the files that could not be read."""

    folder: Path
    plans: list[BrandPlan] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_class(folder: str | Path) -> Class:
    """Read every ``*.json`` plan in ``folder`` (not its subfolders; backups are ignored).

    Raises
    ------
    ValueError
        If ``folder`` is not an existing folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(t("trainer.no_folder", folder=folder))
    found = Class(folder)
    for path in sorted(folder.glob("*.json")):
        if not path.is_file():
            continue
        try:
            found.plans.append(BrandPlan.load(path))
        except ValueError as err:
            found.problems.append(str(err))
    found.plans.sort(key=lambda plan: (natural_key(plan.group), str(plan.path)))
    return found


def natural_key(name: str) -> list[tuple[int, int | str]]:
    """Sort key that puts "第2组" before "第10组" (numbers compared as numbers).

    >>> sorted(["第10组", "第2组", "Group 1"], key=natural_key)
    ['Group 1', '第2组', '第10组']
    """
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", name)]


def scenario_plan(lang: str | None = None) -> BrandPlan:
    """The worked example completed from the active scenario, as the canvases would prefill it.

    The pool levels and flow steps get the scenario's patient counts, the segmentation its two
    variables and the framework's three most valuable cells as priorities. Every item's id
    follows from its place, so the same scenario gives the same plan, ids included.
    """
    from . import analysis, i18n
    from . import data as scenario
    from .data.schema import category_label, get_table
    from .worked_example import segmentation, worked_plan

    code = i18n.resolve(lang)
    plan = worked_plan(code).to_dict()
    kind = get_table("patient_funnel").column("stage").category
    counts = analysis.stage_counts(scenario.load("patient_funnel"))
    levels = [(category_label(kind, s, code), float(n)) for s, n in counts.items()]
    plan["market_scope"]["levels"] = [{"label": s, "count": n} for s, n in levels]
    plan["purchase_flow"]["steps"] = [{"name": s, "count": n} for s, n in levels]
    cells = segmentation().priorities()
    plan["segmentation"]["variables"] = [{"key": "monthly_patients"}, {"key": "adoption_stage"}]
    plan["segmentation"]["priority_segments"] = [
        f"{r}|{c}" for r, c in zip(cells["row"], cells["col"], strict=True)
    ]
    return BrandPlan.from_dict(plan)  # the new items' ids come from their places


def demo_class(n: int, lang: str | None = None, *, seed: int = 0) -> list[BrandPlan]:
    """``n`` groups' plans made from the worked example, each with its own text.

    For rehearsing the debrief tools (gallery, progress, reports) before a class, and for
    tests and benchmarks. They start from :func:`scenario_plan`; counts, scores and quiz
    results vary with a seeded generator, so the same ``seed`` gives the same class. Every
    third group is behind: its later exercises are empty.
    """
    import numpy as np

    from . import i18n
    from .analysis.unit_kpis import UNITS
    from .exercises import EXERCISES

    rng = np.random.default_rng(seed)
    code = i18n.resolve(lang)
    base = scenario_plan(code).to_dict()
    plans = []
    for i in range(1, n + 1):
        plan = BrandPlan.from_dict(base)
        with i18n.language(code):
            plan.group = t("trainer.demo.group", n=i)
            plan.members = [t("trainer.demo.member", n=i, k=k) for k in range(1, 5)]
            group_note = t("trainer.demo.group_note", group=plan.group)
        signed = partial(t, "core.label_value", code, label=plan.group)
        scale = float(rng.uniform(0.8, 1.2))
        for item in (*plan.market_scope.levels, *plan.purchase_flow.steps):
            item.count = float(round(item.count * scale))
        plan.market_scope.definition += group_note
        for point in plan.purchase_flow.leverage_points:
            point.idea = signed(value=point.idea)
        plan.attractiveness.scores = {
            segment: {key: int(rng.integers(1, 6)) for key in scores}
            for segment, scores in plan.attractiveness.scores.items()
        }
        plan.persona.name = f"{plan.persona.name} {i}"
        plan.communication.strategy = signed(value=plan.communication.strategy)
        for row in plan.activity_plan.rows:
            row.message += group_note
        answers = {}
        for unit, kpis in UNITS.items():
            for key in kpis[: int(rng.integers(0, len(kpis) + 1))]:
                score = float(rng.choice([0.25, 0.5, 0.75, 1.0]))
                answers[f"u{unit}.{key}"] = {
                    "answer": "1",
                    "attempts": 1,
                    "correct": True,
                    "score": score,
                }
        plan.quiz.answers = answers
        stop = len(EXERCISES) if i % 3 else int(rng.integers(2, len(EXERCISES)))
        for exercise in list(EXERCISES.values())[stop:]:  # every third group is behind
            exercise.clear(plan)
        plans.append(BrandPlan.from_dict(plan.to_dict()))
    return plans
