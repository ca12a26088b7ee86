"""Who has done what: each group's state in each exercise, and its quiz scores.

Pure: plans in, a table out (:func:`progress`), and that table as terminal text
(:func:`render_text`). Reading the folder and refreshing are the ``workshop progress`` verb's job.

When is an exercise complete? Each exercise's ``<id>_done`` function below says (the registry's
``done``, :mod:`workshop_lib.exercises`). Some canvases start from the scenario's numbers (pool
levels, flow counts, default criteria), so "something is there" is not the same as "the group
did it":

======================  ==================================================================
exercise                complete when
======================  ==================================================================
1.1 market_scope        a market definition and at least 3 pool levels with counts
1.2 purchase_flow       at least 3 named steps with counts, none larger than the one before
                        (the scenario's counts the canvas starts from count: checking them
                        is the exercise)
1.3 leverage_points     3 leverage points, each with a step and an idea
2.1 segmentation        two different variables and at least 1 priority segment
3.1 attractiveness      at least 2 segments scored on every criterion, not all left at the
                        canvas's starting 3; weights sum to 1
3.2 persona             a name or role, a portrait, and at least 1 need, driver and barrier
3.3 behaviour_map       at least 2 stages with current and desired behaviour, and at least
                        1 driver and 1 barrier on the map
4.1 benefit_ladder      at least 1 item on each of the three rungs
4.2 brand_assessment    at least 1 strength and 1 weakness, each scored on all 4 dimensions
4.3 communication       a strategy statement and at least 1 step with a message
5.1 activity_plan       at least 2 activities with channel, activity, message and KPI
======================  ==================================================================

An exercise is *started* when it holds anything (:attr:`workshop_lib.answers.Answer.empty`
is false), *empty* otherwise. Quiz answers are grouped by unit (question ids ``u<unit>.*``)
and the closing review (``r*``); a unit has one question per KPI of the unit.

Examples
--------
>>> from workshop_lib.plan import BrandPlan
>>> plan = BrandPlan.from_dict({"group": "G", "benefit_ladder": {"attributes": ["a"]}})
>>> row = progress([plan])[0]
>>> row.status["benefit_ladder"], row.status["persona"]
('started', 'empty')
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from .analysis.unit_kpis import UNITS
from .answers import DIMENSIONS
from .exercises import EXERCISES
from .i18n import t
from .plan import RUNGS, BrandPlan

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"
PREFILLED_SCORE = 3
"""The score the attractiveness canvas starts every segment on; all 3s is no judgement yet."""
WEIGHT_TOLERANCE = 0.01
SYMBOLS = {COMPLETE: "✓", STARTED: "◐", EMPTY: "·"}
"""How the terminal table shows each state."""


def _filled(text: str) -> bool:
    return bool(text.strip())


def market_scope_done(plan: BrandPlan) -> bool:
    scope = plan.market_scope
    levels = [lv for lv in scope.levels if _filled(lv.label) and lv.count is not None]
    return _filled(scope.definition) and len(levels) >= 3


def purchase_flow_done(plan: BrandPlan) -> bool:
    counts = [s.count for s in plan.purchase_flow.steps if _filled(s.name) and s.count is not None]
    return len(counts) >= 3 and all(b <= a for a, b in pairwise(counts))


def leverage_points_done(plan: BrandPlan) -> bool:
    points = plan.purchase_flow.leverage_points
    return sum(_filled(p.step) and _filled(p.idea) for p in points) >= 3


def segmentation_done(plan: BrandPlan) -> bool:
    keys = [v.key for v in plan.segmentation.variables if _filled(v.key)]
    return len(set(keys)) == 2 and any(_filled(s) for s in plan.segmentation.priority_segments)


def attractiveness_done(plan: BrandPlan) -> bool:
    section = plan.attractiveness
    keys = [c.key for c in section.criteria]
    if keys and abs(sum(c.weight for c in section.criteria) - 1) > WEIGHT_TOLERANCE:
        return False
    needed = set(keys) if keys else None
    scored = [s for s in section.scores.values() if needed is None or needed <= set(s)]
    changed = any(v != PREFILLED_SCORE for s in scored for v in s.values())
    return len(scored) >= 2 and changed


def persona_done(plan: BrandPlan) -> bool:
    p = plan.persona
    return (
        (_filled(p.name) or _filled(p.role))
        and _filled(p.portrait)
        and all(any(_filled(x) for x in items) for items in (p.needs, p.drivers, p.barriers))
    )


def behaviour_map_done(plan: BrandPlan) -> bool:
    stages = plan.behaviour_map.stages
    full = [s for s in stages if _filled(s.stage) and _filled(s.current) and _filled(s.desired)]
    drivers = any(_filled(d) for s in stages for d in s.drivers)
    barriers = any(_filled(b) for s in stages for b in s.barriers)
    return len(full) >= 2 and drivers and barriers


def benefit_ladder_done(plan: BrandPlan) -> bool:
    ladder = plan.benefit_ladder
    return all(any(_filled(x) for x in ladder.texts(rung)) for rung in RUNGS)


def brand_assessment_done(plan: BrandPlan) -> bool:
    scored = {
        item.kind
        for item in plan.brand_assessment.items
        if _filled(item.statement) and all(getattr(item, d) is not None for d in DIMENSIONS)
    }
    return scored == {"strength", "weakness"}


def communication_done(plan: BrandPlan) -> bool:
    comm = plan.communication
    return _filled(comm.strategy) and any(_filled(s.message) for s in comm.steps)


def activity_plan_done(plan: BrandPlan) -> bool:
    needed = ("channel", "activity", "message", "kpi")
    rows = [r for r in plan.activity_plan.rows if all(_filled(getattr(r, c)) for c in needed)]
    return len(rows) >= 2


def status(plan: BrandPlan, exercise: str) -> str:
    """``"complete"``, ``"started"`` or ``"empty"``: the state of ``exercise`` in ``plan``."""
    declared = EXERCISES[exercise]
    if declared.complete(plan):
        return COMPLETE
    return EMPTY if declared.read(plan).empty else STARTED


@dataclass(frozen=True)
class QuizScore:
    """Answers given and points scored in one unit's questions (or the review's)."""

    answered: int
    total: int | None
    score: float


def quiz_scores(plan: BrandPlan) -> dict[str, QuizScore]:
    """Scores by part: ``"1"`` … ``"5"`` (the units' KPI questions) and ``"review"``."""
    parts: dict[str, list] = {str(unit): [] for unit in UNITS}
    parts["review"] = []
    for qid, answer in plan.quiz.answers.items():
        unit = qid[1:].split(".", 1)[0]
        part = "review" if qid[:1] == "r" else None
        if qid.startswith("u") and unit in parts:
            part = unit
        if part is not None and (answer.attempts or answer.answer is not None):
            parts[part].append(answer)
    return {
        part: QuizScore(
            answered=len(given),
            total=len(UNITS[int(part)]) if part.isdigit() else None,
            score=sum(a.score for a in given),
        )
        for part, given in parts.items()
    }


@dataclass(frozen=True)
class GroupProgress:
    """One group's line of the progress table."""

    group: str
    status: dict[str, str]
    quiz: dict[str, QuizScore]
    updated: datetime

    @property
    def complete(self) -> int:
        """How many exercises are complete."""
        return sum(state == COMPLETE for state in self.status.values())


def progress(plans: Iterable[BrandPlan]) -> list[GroupProgress]:
    """Every plan's state in every exercise and its quiz scores, in the plans' order."""
    return [
        GroupProgress(
            group=plan.group,
            status={exercise: status(plan, exercise) for exercise in EXERCISES},
            quiz=quiz_scores(plan),
            updated=plan.updated,
        )
        for plan in plans
    ]


def printable(text: str) -> str:
    """``text`` without control characters, so a group name cannot drive the terminal."""
    return "".join("?" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, columns: int) -> str:
    out = ""
    for char in text:
        if width(out + char) > columns:
            return out[:-1] + "…" if out else "…"
        out += char
    return out


def _pad(text: str, columns: int) -> str:
    text = _cut(text, columns)
    return text + " " * (columns - width(text))


def _quiz_cell(score: QuizScore) -> str:
    if not score.answered:
        return "-"
    shown = f"{score.score:g}"
    return f"{shown}/{score.total}" if score.total else f"{shown} ({score.answered})"


NAME_COLUMNS = 16


def render_text(rows: list[GroupProgress], lang: str | None = None) -> str:
    """The progress table for a terminal: a line per group, a column per exercise and quiz."""
    numbers = {ex.id: ex.number for ex in EXERCISES.values()}
    quiz_parts = ("1", "2", "3", "4", "5", "review")
    head = [_pad(t("trainer.progress.group", lang=lang), NAME_COLUMNS)]
    head += [_pad(n, 4) for n in numbers.values()]
    head += [_pad(t("trainer.progress.done", lang=lang), 6)]
    head += [
        _pad(
            t("trainer.progress.quiz", lang=lang, part=p)
            if p.isdigit()
            else t("trainer.progress.review", lang=lang),
            8,
        )
        for p in quiz_parts
    ]
    lines = [" ".join(head).rstrip()]
    for row in rows:
        cells = [_pad(printable(row.group), NAME_COLUMNS)]
        cells += [_pad(SYMBOLS[row.status[ex]], 4) for ex in numbers]
        cells += [_pad(f"{row.complete}/{len(numbers)}", 6)]
        cells += [_pad(_quiz_cell(row.quiz[p]), 8) for p in quiz_parts]
        lines.append(" ".join(cells).rstrip())
    legend = t(
        "trainer.progress.legend",
        lang=lang,
        complete=SYMBOLS[COMPLETE],
        started=SYMBOLS[STARTED],
        empty=SYMBOLS[EMPTY],
    )
    lines.append(legend)
    return "\n".join(lines)
