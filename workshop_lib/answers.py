"""What a group answered in each exercise, as plain fields and rows for the gallery and Excel.

A function per exercise, named like it (the registry's ``answer``,
:mod:`workshop_lib.exercises`), reads its part of a :class:`~workshop_lib.plan.BrandPlan` into an
:class:`Answer`: a few single fields (the market definition, the strategy statement, ...) and a
table of rows (pool levels, flow steps, activities, ...). Headers are catalog keys, so the
gallery and the workbook speak the active language; the group's text is passed on as typed
(escaping is the job of whoever writes HTML).

Examples
--------
>>> from workshop_lib.plan import BrandPlan
>>> flow = {"steps": [{"name": "确诊", "count": 9}]}
>>> plan = BrandPlan.from_dict({"group": "G", "purchase_flow": flow})
>>> answer = purchase_flow(plan)
>>> answer.columns, answer.rows
(('canvas.field.step', 'canvas.field.count'), [('确诊', 9.0)])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

from . import i18n
from .analysis.attractiveness import CRITERIA
from .data.schema import CATEGORIES, get_table
from .i18n import t
from .plan import RUNGS, BrandPlan

Cell = str | float | int | None
"""A value in an answer: text as typed, a count or score, or nothing."""

LIST_SEPARATOR = "; "
"""Joins a list of short texts (needs, drivers, ...) into one cell."""


@dataclass(frozen=True)
class Answer:
    """One group's answer to one exercise.

    Attributes
    ----------
    fields : list of (header key, value)
        Single values shown above the rows (e.g. the market definition).
    columns : tuple of str
        Header keys of the rows.
    rows : list of tuple
        The non-empty rows, each as long as ``columns``.
    """

    fields: list[tuple[str, Cell]] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    rows: list[tuple[Cell, ...]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the group has written nothing here."""
        return not self.rows and not any(_filled(v) for _, v in self.fields)


def _filled(value: Cell) -> bool:
    return value is not None and str(value).strip() != ""


def _rows(rows: Sequence[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return [row for row in rows if any(_filled(v) for v in row)]


def _joined(items: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(item for item in items if item.strip())


def _f(name: str) -> str:
    return f"canvas.field.{name}"


def category_text(category: str, key: str) -> str:
    """The active language's label of a known category key (e.g. a channel), else ``key``."""
    labels = CATEGORIES.get(category, {}).get(key)
    if labels is None:
        return key
    return labels[0] if i18n.get_language() == "zh" else labels[1]


def variable_text(key: str, label: str = "") -> str:
    """A segmentation variable as people read it: its label, else the column's label."""
    if label.strip():
        return label
    try:
        return get_table("hcps").column(key).label(i18n.get_language())
    except KeyError:
        return key


def _level_text(variable: str, level: str) -> str:
    """A level of a segmentation variable as people read it (``"aware"`` → ``"知晓"``)."""
    try:
        kind = get_table("hcps").column(variable).category
    except KeyError:
        kind = None
    if kind:
        return category_text(kind, level)
    key = f"segmentation.level.{level}"
    return t(key) if key in i18n.catalog() else level


def segment_text(key: str, variables: Sequence[str] = ()) -> str:
    """A priority segment id ``"high|aware"`` as ``"高 × 知晓"`` (levels of ``variables``)."""
    parts = key.split("|")
    if len(parts) != len(variables):
        return " × ".join(parts)
    return " × ".join(_level_text(v, p) for v, p in zip(variables, parts, strict=True))


def market_scope(plan: BrandPlan) -> Answer:
    scope = plan.market_scope
    return Answer(
        [(_f("market_definition"), scope.definition), (_f("notes"), scope.notes)],
        (_f("level"), _f("count")),
        _rows([(level.label, level.count) for level in scope.levels]),
    )


def purchase_flow(plan: BrandPlan) -> Answer:
    steps = plan.purchase_flow.steps
    return Answer([], (_f("step"), _f("count")), _rows([(s.name, s.count) for s in steps]))


def leverage_points(plan: BrandPlan) -> Answer:
    points = [p for p in plan.purchase_flow.leverage_points if p.step or p.idea or p.rationale]
    rows = [(n, p.step, p.idea, p.rationale) for n, p in enumerate(points, start=1)]
    return Answer([], ("trainer.field.priority", _f("step"), _f("idea"), _f("rationale")), rows)


def segmentation(plan: BrandPlan) -> Answer:
    seg = plan.segmentation
    fields: list[tuple[str, Cell]] = []
    for i, name in enumerate(("row_variable", "column_variable")):
        text = ""
        if i < len(seg.variables):
            variable = seg.variables[i]
            text = variable_text(variable.key, variable.label) if variable.key else variable.label
            if variable.cut_points:
                text += " (" + ", ".join(f"{c:g}" for c in variable.cut_points) + ")"
        fields.append((_f(name), text))
    fields.append((_f("notes"), seg.notes))
    keys = [v.key for v in seg.variables]
    rows = [(n, segment_text(s, keys)) for n, s in enumerate(seg.priority_segments, start=1)]
    return Answer(fields, ("trainer.field.priority", _f("segment")), _rows(rows))


def _criteria(plan: BrandPlan) -> list[tuple[str, str, float | None]]:
    """``(key, label, weight)`` of the plan's criteria, or the seven defaults unweighted."""
    criteria = plan.attractiveness.criteria
    if criteria:
        return [(c.key, c.label or _criterion(c.key), c.weight) for c in criteria]
    return [(key, _criterion(key), None) for key in CRITERIA]


def _criterion(key: str) -> str:
    """A criterion's name: the course's own for the seven defaults, else its key."""
    name = f"attractiveness.criterion.{key}"
    return t(name) if name in i18n.catalog() else key


def attractiveness(plan: BrandPlan) -> Answer:
    criteria = _criteria(plan)
    weights = _joined(
        [f"{label} {weight:.2f}" for _, label, weight in criteria if weight is not None]
    )
    rows = []
    for segment, scores in plan.attractiveness.scores.items():
        given = [(label, scores.get(key)) for key, label, _ in criteria]
        text = _joined([f"{label} {score}" for label, score in given if score is not None])
        weighted = [
            (weight if weight is not None else 1 / len(criteria)) * score
            for (_, _, weight), (_, score) in zip(criteria, given, strict=True)
            if score is not None
        ]
        rows.append((segment, round(sum(weighted), 2) if weighted else None, text))
    rows.sort(key=lambda row: -(row[1] or 0))
    return Answer(
        [("trainer.field.weights", weights)],
        (_f("segment"), "trainer.field.weighted_score", "trainer.field.scores"),
        _rows(rows),
    )


def persona(plan: BrandPlan) -> Answer:
    p = plan.persona
    fields: list[tuple[str, Cell]] = [
        (_f("persona_name"), p.name),
        (_f("role"), p.role),
        (_f("segment"), p.segment),
        (_f("portrait"), p.portrait),
        (_f("needs"), _joined(p.needs)),
        (_f("drivers"), _joined(p.drivers)),
        (_f("barriers"), _joined(p.barriers)),
        (_f("quote"), p.quote),
    ]
    return Answer(fields, (_f("fact"), _f("value")), _rows([(f.label, f.value) for f in p.facts]))


def behaviour_map(plan: BrandPlan) -> Answer:
    stages = plan.behaviour_map.stages
    columns = ("stage", "current", "desired", "drivers", "barriers", "activities", "kpis")
    rows = [
        (
            s.stage,
            s.current,
            s.desired,
            _joined(s.drivers),
            _joined(s.barriers),
            _joined(s.activities),
            _joined(s.kpis),
        )
        for s in stages
    ]
    return Answer(
        [(_f("map_title"), plan.behaviour_map.title)],
        tuple(_f(c) for c in columns),
        _rows(rows),
    )


def benefit_ladder(plan: BrandPlan) -> Answer:
    ladder = plan.benefit_ladder
    rows = list(zip_longest(*(ladder.texts(rung) for rung in RUNGS)))
    return Answer(
        [(_f("brand"), ladder.brand)],
        (_f("attributes"), _f("functional"), _f("emotional")),
        _rows(rows),
    )


DIMENSIONS = ("attractiveness", "differentiation", "implementability", "sustainability")
"""The four dimensions a brand strength or weakness is scored on."""


def brand_assessment(plan: BrandPlan) -> Answer:
    section = plan.brand_assessment
    rows = [
        (item.statement, t(f"canvas.kind.{item.kind}"), *(getattr(item, d) for d in DIMENSIONS))
        for item in section.items
        if item.statement.strip() or any(getattr(item, d) is not None for d in DIMENSIONS)
    ]
    columns = (
        _f("statement"),
        "trainer.field.kind",
        *(f"canvas.dimension.{d}" for d in DIMENSIONS),
    )
    return Answer([(_f("brand"), section.brand)], columns, rows)


def communication(plan: BrandPlan) -> Answer:
    comm = plan.communication
    rows = [(s.stage, s.desired, s.message, s.proof) for s in comm.steps]
    return Answer(
        [(_f("strategy"), comm.strategy)],
        (_f("stage"), _f("desired"), _f("message"), _f("proof")),
        _rows(rows),
    )


ACTIVITY_COLUMNS = ("target_group", "channel", "activity", "message", "kpi", "target")


def activity_plan(plan: BrandPlan) -> Answer:
    rows = [
        tuple(
            category_text("channel", getattr(row, c)) if c == "channel" else getattr(row, c)
            for c in ACTIVITY_COLUMNS
        )
        for row in plan.activity_plan.rows
    ]
    return Answer(
        [(_f("plan_title"), plan.activity_plan.title)],
        tuple(_f(c) for c in ACTIVITY_COLUMNS),
        _rows(rows),
    )
