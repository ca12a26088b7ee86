"""The debrief gallery: every group's answers side by side, exercise by exercise, on one page.

For the trainer's comments after the groups present (讲师点评): an overview of who completed
what, then one section per exercise with a card per group, holding the group's fields and rows
as text, with bars for counts and scores so the groups' numbers compare at a glance. The page is
self-contained HTML (no scripts, no outside resources); everything typed is escaped.

Examples
--------
>>> from workshop_lib.plan import BrandPlan
>>> page = gallery_html([BrandPlan(group="<script>x</script>")], lang="en")
>>> "<script>x" in page, "&lt;script&gt;x&lt;/script&gt;" in page
(False, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from . import i18n, pages
from .exercises import EXERCISES
from .i18n import t
from .plan import BrandPlan
from .progress import SYMBOLS, progress
from .report import Block, block
from .style import PALETTE


@dataclass
class Card:
    """One group's answer to one exercise, ready for the template."""

    group: str
    state: str
    block: Block
    bars: list[float]


def _bars(exercise: str, values: list[tuple]) -> list[float]:
    """Each row's bar length, 0–100, against the largest value of the card (the column the
    exercise declares as ``bars``), or none."""
    column = EXERCISES[exercise].bars
    if column is None:
        return []
    numbers = [row[column] if isinstance(row[column], int | float) else 0 for row in values]
    top = max(numbers, default=0) or 1
    return [round(100 * max(n, 0) / top, 1) for n in numbers]


def gallery_html(
    plans: Sequence[BrandPlan], lang: str | None = None, problems: Sequence[str] = ()
) -> str:
    """The debrief page of ``plans`` (e.g. :func:`workshop_lib.classroom.load_class`'s).

    Parameters
    ----------
    plans : sequence of BrandPlan
        The groups, in the order they are shown.
    lang : {"zh", "en"}, optional
        Language of headings; the active language by default.
    problems : sequence of str
        Files that could not be read, listed at the top so nobody is silently missing.
    """
    with i18n.language(lang) as code:
        table = progress(plans)
        numbers = {ex.id: ex.number for ex in EXERCISES.values()}
        sections = []
        for exercise in EXERCISES.values():
            cards = []
            for plan, row in zip(plans, table, strict=True):
                answer_block = block(plan, exercise.id, code, figure=False)
                cards.append(
                    Card(
                        group=plan.group,
                        state=row.status[exercise.id],
                        block=answer_block,
                        bars=_bars(exercise.id, answer_block.answer.rows),
                    )
                )
            sections.append((exercise.id, exercise.number, exercise.title(code), cards))
        return pages.render(
            "gallery.html.j2",
            lang=code,
            t=t,
            palette=PALETTE,
            plans=plans,
            progress=table,
            numbers=numbers,
            symbols=SYMBOLS,
            sections=sections,
            problems=list(problems),
            bar_columns={ex.id: ex.bars for ex in EXERCISES.values()},
            generated=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        )
