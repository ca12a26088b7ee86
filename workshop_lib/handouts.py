"""Handouts from the course's editions: participant workbook, trainer guide, slides per unit.

Each language gets, under the output folder:

- ``<lang>/participant-workbook.html`` (and ``.pdf``): the exercise edition (``exercises/``),
  no solutions and no trainer notes, every exercise canvas printed as a worksheet to fill in
  by hand (its title, instructions and empty fields), the KPI questions with room to answer;
- ``<lang>/trainer-guide.html`` (and ``.pdf``): the trainer edition (``solutions/``), with
  the timing and facilitation notes, the teaching diagrams and the worked example's answers;
- ``<lang>/slides/<unit>.html``: the course edition of each unit as a slide deck, a slide per
  heading. The deck is one self-contained HTML file with its own small stylesheet and script
  (arrow keys, space, Home/End; printing gives a slide per page): nothing is loaded from a CDN,
  so the slides work offline.

Notebooks are rendered without a kernel: markdown cells through mistune (raw HTML escaped),
MyST admonitions as boxes, ``wl.canvas.*`` calls as worksheets or worked answers, and the other
code cells (the course's own diagram and table calls) run in this process, their figures
embedded as SVG and their tables as HTML. Code itself is never shown: participants don't code.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import nbformat
from markupsafe import Markup, escape

from . import authoring, doctor, i18n, pages, plan_figures, style
from .exercises import EXERCISES
from .i18n import t
from .report import block

WORKBOOK, GUIDE = "participant-workbook", "trainer-guide"
SLIDES_DIR = "slides"

_CANVAS_CALL = re.compile(r"^\s*wl\.canvas\.(\w+)\((.*)\)\s*;?\s*$")
_ADMONITION = re.compile(r"```\{admonition\}[ \t]*(.*?)\n(.*?)```", re.S)
_HEADING = re.compile(r"^#{1,2}\s", re.M)
SLIDE_CELLS = 3
"""A figure or table that would be a slide's fourth piece starts a new slide."""


@cache
def _markdown() -> Callable[[str], str]:
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])


def markdown_html(text: str) -> Markup:
    """A markdown cell as HTML: raw HTML escaped, MyST admonitions as titled boxes.

    >>> html = markdown_html("```{admonition} Tip\\n*x* <b>\\n```")
    >>> html.startswith('<div class="admonition"><p class="admonition-title">Tip</p>')
    True
    >>> "<em>x</em> &lt;b&gt;" in html
    True
    """
    parts, last = [], 0
    for match in _ADMONITION.finditer(text):
        parts.append(_markdown()(text[last : match.start()]))
        title, body = match.group(1).strip(), match.group(2)
        parts.append(
            f'<div class="admonition"><p class="admonition-title">{escape(title)}</p>'
            f"{_markdown()(body)}</div>"
        )
        last = match.end()
    parts.append(_markdown()(text[last:]))
    return Markup("".join(p for p in parts if p.strip()))


# --- what a canvas call becomes on paper ---------------------------------------------------------


def _argument(text: str) -> Any:
    """The first literal argument of a call, e.g. ``"market_scope"`` or ``1``."""
    try:
        return ast.literal_eval(text.split(",")[0].strip()) if text.strip() else None
    except (ValueError, SyntaxError):
        return None


def _worksheet(exercise: str, lang: str) -> Markup:
    from .plan import BrandPlan

    empty = block(BrandPlan(group="-"), exercise, lang, figure=False)
    return Markup(
        pages.render(
            "worksheet.html.j2",
            title=EXERCISES[exercise].title(lang),
            help=t(f"canvas.{exercise}.help"),
            fields=[t(key) for key, _ in empty.answer.fields],
            columns=empty.columns,
            rows=range(4),
        )
    )


@cache
def _worked_plan(lang: str):
    from .classroom import scenario_plan

    return scenario_plan(lang)


def _worked(exercise: str, lang: str) -> Markup:
    answer = block(_worked_plan(lang), exercise, lang)
    return Markup(pages.render("worked.html.j2", t=t, b=answer))


def _questions(questions: list, lang: str) -> Markup:
    return Markup(pages.render("questions.html.j2", t=t, questions=questions))


def _quiz(unit: int, lang: str) -> Markup:
    from .quiz import kpi_questions

    return _questions(kpi_questions(int(unit)), lang)


def _review(_arg: Any, lang: str) -> Markup:
    from .review import review_questions

    return _questions(review_questions(), lang)


def _note(key: str) -> Callable[[Any, str], Markup]:
    def note(_arg: Any, _lang: str) -> Markup:
        return Markup('<p class="note">{}</p>').format(t(key))

    return note


def _example_framework(_arg: Any, lang: str) -> Markup:
    from .summary import framework_html

    return Markup(framework_html(_worked_plan(lang), lang))


def _group_line(_arg: Any, _lang: str) -> Markup:
    return Markup(
        pages.render(
            "worksheet.html.j2",
            title=t("handouts.group_title"),
            help="",
            fields=[t("report.group"), t("report.members")],
            columns=[],
            rows=[],
        )
    )


CANVAS_CALLS: dict[str, Callable[[Any, str], Markup]] = {
    "show": _worksheet,
    "example": _worked,
    "pick_group": _group_line,
    "show_quiz": _quiz,
    "show_review": _review,
    "whatif": _note("handouts.whatif"),
    "show_framework": _note("handouts.framework"),
    "example_framework": _example_framework,
}
"""``wl.canvas.<name>(...)`` → what it becomes in a handout."""

SKIPPED_CALLS = ("wl.doctor.report",)
"""Calls whose output belongs to one laptop, not to a handout."""


# --- running the course's own code cells ---------------------------------------------------------


def _run(source: str, namespace: dict[str, Any]) -> list[Markup]:
    """Run a code cell of the course; return its figures (SVG) and its shown value (HTML)."""
    import matplotlib.pyplot as plt

    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    before = set(plt.get_fignums())
    exec(compile(tree, "<course cell>", "exec"), namespace)
    value = None
    if last is not None:
        value = eval(compile(ast.Expression(last.value), "<course cell>", "eval"), namespace)
    shown = []
    for number in sorted(set(plt.get_fignums()) - before):
        fig = plt.figure(number)
        uri = pages.data_uri(plan_figures.svg(fig.axes[0]), "image/svg+xml")
        shown.append(Markup('<figure><img src="{}" alt=""></figure>').format(uri))
    if value is not None and hasattr(value, "_repr_html_") and not source.rstrip().endswith(";"):
        shown.append(Markup('<div class="table">{}</div>').format(Markup(value._repr_html_())))
    return shown


@dataclass
class Rendered:
    """A notebook as HTML pieces, one per shown cell, with where slides start."""

    title: str
    cells: list[Markup] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)


def render_notebook(path: Path, lang: str) -> Rendered:
    """Render one generated notebook (any edition) as HTML pieces, without a kernel.

    Raises
    ------
    RuntimeError
        If a code cell of the course fails; the message names the notebook and the cell.
    """
    import workshop_lib as wl

    notebook = nbformat.read(path, as_version=4)
    setup = authoring.SETUP_CELL.format(lang=lang)
    namespace: dict[str, Any] = {"wl": wl}
    result = Rendered(title=path.stem)
    for number, cell in enumerate(notebook.cells):
        if "remove-cell" in cell.metadata.get("tags", []) or cell.source.strip() == setup:
            continue
        if cell.cell_type == "markdown":
            if _HEADING.match(cell.source) and result.cells:
                result.breaks.append(len(result.cells))
            heading = re.match(r"^#\s+(.+)$", cell.source, re.M)
            if heading and result.title == path.stem:
                result.title = heading.group(1).strip()
            result.cells.append(markdown_html(cell.source))
            continue
        if cell.cell_type != "code" or cell.source.strip().startswith(SKIPPED_CALLS):
            continue
        if len(result.cells) - (result.breaks[-1] if result.breaks else 0) >= SLIDE_CELLS:
            result.breaks.append(len(result.cells))
        call = _CANVAS_CALL.match(cell.source.strip())
        try:
            if call and call.group(1) in CANVAS_CALLS:
                result.cells.append(CANVAS_CALLS[call.group(1)](_argument(call.group(2)), lang))
            elif not call:
                result.cells.extend(_run(cell.source, namespace))
        except Exception as err:
            raise RuntimeError(
                t("handouts.cell_failed", notebook=path, cell=number, error=err)
            ) from err
    return result


# --- the handouts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One file to write: what it is, from which notebooks, where (relative to the output)."""

    kind: str
    lang: str
    sources: tuple[Path, ...]
    target: str


def jobs(root: Path, langs: tuple[str, ...]) -> list[Job]:
    """Every handout of ``langs`` from the course in ``root``, in the order they are written."""
    planned = []
    for lang in langs:
        for kind, edition in ((WORKBOOK, "exercises"), (GUIDE, "solutions")):
            sources = tuple(sorted((root / edition / lang).glob("[0-9][0-9]_*.ipynb")))
            planned.append(Job(kind, lang, sources, f"{lang}/{kind}.html"))
        for source in sorted((root / "notebooks" / lang).glob("[0-9][0-9]_*.ipynb")):
            planned.append(
                Job(SLIDES_DIR, lang, (source,), f"{lang}/{SLIDES_DIR}/{source.stem}.html")
            )
    return planned


def page(job: Job) -> str:
    """The HTML of one handout."""
    with i18n.language(job.lang) as lang, style.workshop_style():
        notebooks = [render_notebook(path, lang) for path in job.sources]
        if job.kind == SLIDES_DIR:
            deck = notebooks[0]
            bounds = [0, *deck.breaks, len(deck.cells)]
            slides = [deck.cells[a:b] for a, b in pairwise(bounds) if b > a]
            return pages.render(
                "slides.html.j2",
                lang=lang,
                t=t,
                title=deck.title,
                slides=slides,
                palette=style.PALETTE,
            )
        return pages.render(
            "handout.html.j2",
            lang=lang,
            t=t,
            title=t(f"handouts.{job.kind}"),
            notebooks=notebooks,
            palette=style.PALETTE,
        )


@dataclass
class Written:
    """What :func:`build_handouts` wrote, and what it could not."""

    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def build_handouts(
    root: Path,
    out: Path,
    langs: tuple[str, ...],
    *,
    pdf: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> Written:
    """Write every handout of ``langs`` under ``out`` (never outside it).

    Parameters
    ----------
    root : Path
        The course folder (with ``exercises/``, ``solutions/``, ``notebooks/``).
    out : Path
        The output folder.
    langs : tuple of str
    pdf : bool
        Also print the workbook and the guide to PDF (skipped, with a problem noted, when no
        Chromium is installed).
    progress : callable, optional
        Called as ``progress(done, total, name)`` after each file.
    """
    written = Written()
    planned = jobs(root, langs)
    if pdf and doctor.find_chromium() is None:
        written.problems.append(t("trainer.no_chromium"))
        pdf = False
    printed = [job for job in planned if pdf and job.kind in (WORKBOOK, GUIDE)]
    total, done = len(planned) + len(printed), 0
    for job in planned:
        target = pages.inside(out, job.target)
        outputs = [target] + ([target.with_suffix(".pdf")] if job in printed else [])
        try:
            html = page(job)
            written.files.append(pages.write_text(target, html))
            done += 1
            if progress:
                progress(done, total, job.target)
            if job in printed:
                written.files.append(pages.print_pdf(html, outputs[1]))
                done += 1
                if progress:
                    progress(done, total, Path(job.target).with_suffix(".pdf").as_posix())
        except RuntimeError as err:
            written.problems.append(f"{job.target}: {err}")
            done = min(total, done + len(outputs))
    return written
