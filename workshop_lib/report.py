"""A group's brand plan as a designed report: self-contained HTML, and PDF through Chromium.

The report has a cover (group, members, date, product), a section per unit with each exercise's
diagram and the group's own text, the quiz results, and the whole framework on one page
(:func:`workshop_lib.summary.framework_html`). Everything the group typed is escaped by the
template engine; diagrams are embedded SVG pictures; nothing is loaded from the internet.

Examples
--------
>>> from workshop_lib.plan import BrandPlan
>>> page = report_html(BrandPlan(group="<img src=x onerror=alert(1)>"), lang="en")
>>> "<img src=x" in page, "&lt;img src=x onerror=alert(1)&gt;" in page
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from . import fmt, i18n, pages, plan_figures
from .answers import Answer, Cell
from .exercises import EXERCISES
from .i18n import t
from .plan import BrandPlan
from .progress import quiz_scores
from .style import PALETTE
from .summary import framework_html

UNITS = (1, 2, 3, 4, 5)


@dataclass
class Figure:
    """One exercise's picture: an SVG ``data:`` URI, or the reason it could not be drawn."""

    uri: str = ""
    problem: str = ""


@dataclass
class Block:
    """One exercise in the report: title, picture and the group's answer as text."""

    title: str
    answer: Answer
    figure: Figure | None = None
    fields: list[tuple[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def cell_text(value: Cell) -> str:
    """A cell as the report and the gallery show it: counts grouped, scores plain, text as is."""
    if value is None:
        return ""
    if isinstance(value, float):
        return fmt.count(value) if value.is_integer() else fmt.number(value, digits=2)
    return str(value)


def _figure(plan: BrandPlan, exercise: str, lang: str) -> Figure | None:
    try:
        ax = plan_figures.draw(plan, exercise, lang)
    except (ValueError, KeyError, IndexError, TypeError) as err:  # input the diagram rejects
        return Figure(problem=str(err))
    if ax is None:
        return None
    return Figure(uri=pages.data_uri(plan_figures.svg(ax), "image/svg+xml"))


def block(plan: BrandPlan, exercise: str, lang: str, *, figure: bool = True) -> Block:
    """One exercise of ``plan`` ready for a template: title, picture, fields and rows as text."""
    answer = EXERCISES[exercise].read(plan)
    return Block(
        title=EXERCISES[exercise].title(lang),
        answer=answer,
        figure=_figure(plan, exercise, lang) if figure else None,
        fields=[(t(key), cell_text(v)) for key, v in answer.fields if cell_text(v).strip()],
        columns=[t(key) for key in answer.columns],
        rows=[[cell_text(v) for v in row] for row in answer.rows],
    )


def _product(plan: BrandPlan) -> str:
    for name in (plan.benefit_ladder.brand, plan.brand_assessment.brand):
        if name.strip():
            return name
    return ""


def _quiz(plan: BrandPlan) -> list[tuple[str, str, str]]:
    """``(part, answered, points)`` rows of the quiz results."""
    rows = []
    for part, score in quiz_scores(plan).items():
        name = t(f"report.unit{part}") if part.isdigit() else t("report.review")
        answered = f"{score.answered}/{score.total}" if score.total else str(score.answered)
        rows.append((name, answered, f"{score.score:g}"))
    return rows


def report_html(plan: BrandPlan, lang: str | None = None) -> str:
    """The report of ``plan`` as one self-contained HTML page.

    Parameters
    ----------
    plan : BrandPlan
    lang : {"zh", "en"}, optional
        Language of headings and diagram labels; the active language by default.
    """
    with i18n.language(lang) as code:
        units = [
            (
                t(f"report.unit{unit}"),
                [block(plan, ex.id, code) for ex in EXERCISES.values() if ex.unit == unit],
            )
            for unit in UNITS
        ]
        return pages.render(
            "report.html.j2",
            lang=code,
            t=t,
            palette=PALETTE,
            plan=plan,
            members=", ".join(m for m in plan.members if m.strip()),
            date=plan.updated.astimezone().strftime("%Y-%m-%d"),
            product=_product(plan),
            units=units,
            quiz=_quiz(plan),
            framework=Markup(framework_html(plan, code)),
        )


def write_report(
    plan: BrandPlan, out: str | Path, *, pdf: bool = False, lang: str | None = None
) -> Path:
    """Write the report of ``plan`` to ``out`` (HTML, or PDF with ``pdf=True``); return the path.

    Raises
    ------
    workshop_lib.pages.NoChromium
        For a PDF when no Chromium is installed (write the HTML instead).
    RuntimeError
        If Chromium fails to print.
    """
    page = report_html(plan, lang)
    out = Path(out)
    if pdf:
        return pages.print_pdf(page, out)
    return pages.write_text(out, page)
