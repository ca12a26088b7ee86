"""Handouts from the course's editions, executed: participant workbook, trainer guide, slides.

Each language gets, under the output folder:

- ``<lang>/participant-workbook.html`` (and ``.pdf``): the exercise edition (``exercises/``),
  no solutions and no trainer notes; every canvas printed as the participants see it, with a
  line to write on for each empty field, and the KPI questions with room to answer;
- ``<lang>/trainer-guide.html`` (and ``.pdf``): the trainer edition (``solutions/``), with the
  timing and facilitation notes, the teaching diagrams and the worked example's answers;
- ``<lang>/slides/<unit>.html``: the course edition (``notebooks/``) of each unit as a slide
  deck, a slide per heading. The deck is one self-contained HTML file with its own small
  stylesheet and script (arrow keys, space, Home/End; printing gives a slide per page):
  nothing is loaded from a CDN, so the slides work offline.

Every notebook is executed once by nbclient in a real kernel, the language of the edition set by
``WORKSHOP_LANG`` in the kernel's environment and the active data passed on by
``WORKSHOP_DATA``. Each kernel works in a scratch workspace with a group of its own, so building
handouts never touches the class's plans. Several notebooks run at once
(:data:`PARALLEL`), on the asyncio loop. nbconvert's ``HTMLExporter`` then renders them through
the course's templates (``handout.html.j2``, ``slides.html.j2``): code is never shown
(participants don't code), cells tagged ``remove-cell`` are left out and so are the outputs of
cells tagged ``remove-output`` (what belongs to one laptop, such as its check), figures are
embedded as ``data:`` URIs and widgets are printed from their saved state
(:mod:`workshop_lib.printed_widgets`).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources as package_files
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor

from . import i18n, pages, style
from .data import scenario
from .i18n import t
from .printed_widgets import PrintWidgets

WORKBOOK, GUIDE, SLIDES_DIR = "participant-workbook", "trainer-guide", "slides"
EDITION_OF = {WORKBOOK: "exercises", GUIDE: "solutions", SLIDES_DIR: "notebooks"}
"""Which edition each kind of handout is made from."""

PARALLEL = max(1, min(4, os.cpu_count() or 1))
"""How many kernels run at once."""

CELL_TIMEOUT = 300
"""Seconds one cell may run before its notebook is given up on."""

SLIDE_CELLS = 3
"""A piece that would be a slide's fourth starts a new slide."""

_HEADING = re.compile(r"^#{1,2}\s", re.M)
_TITLE = re.compile(r"^#\s+(.+)$", re.M)
TEMPLATES = Path(str(package_files.files("workshop_lib") / "templates"))


@dataclass(frozen=True)
class Job:
    """One file to write: what it is, from which notebooks, where (relative to the output)."""

    kind: str
    lang: str
    sources: tuple[Path, ...]
    target: str


def _editions(root: Path, kind: str, lang: str) -> list[Path]:
    return sorted((root / EDITION_OF[kind] / lang).glob("[0-9][0-9]_*.ipynb"))


def jobs(root: Path, langs: tuple[str, ...]) -> list[Job]:
    """Every handout of ``langs`` from the course in ``root``, in the order they are written."""
    planned = []
    for lang in langs:
        for kind in (WORKBOOK, GUIDE):
            sources = tuple(_editions(root, kind, lang))
            planned.append(Job(kind, lang, sources, f"{lang}/{kind}.html"))
        for source in _editions(root, SLIDES_DIR, lang):
            target = f"{lang}/{SLIDES_DIR}/{source.stem}.html"
            planned.append(Job(SLIDES_DIR, lang, (source,), target))
    return planned


# --- executing the editions ----------------------------------------------------------------------


def scratch_workspace(folder: Path, lang: str) -> dict[str, str]:
    """Make ``folder`` a workspace for the handouts' kernels; return their environment.

    The workspace remembers one group of its own (named like the workbook's group line), whose
    plan is kept under ``groups/`` in it, so the canvases show as they do for a new group.
    """
    group = t("handouts.group_title", lang=lang)
    remembered = folder / ".workshop" / "group.json"
    remembered.parent.mkdir(parents=True, exist_ok=True)
    remembered.write_text(json.dumps({"group": group}, ensure_ascii=False), encoding="utf-8")
    env = dict(
        os.environ,
        WORKSHOP_LANG=lang,
        WORKSHOP_HOME=str(folder),
        WORKSHOP_GROUPS=str(folder / "groups"),
    )
    data = scenario.active_folder()
    if data is not None:
        env[scenario.ENV_VAR] = str(data)
    return env


def _name(path: Path) -> str:
    """An edition notebook as the course names it: ``exercises/zh/01_market_scope.ipynb``."""
    return Path(*Path(path).parts[-3:]).as_posix()


def _failed(nb: nbformat.NotebookNode) -> int:
    """The number (from 1) of the first cell with an error output (0 when none has one)."""
    for number, cell in enumerate(nb.cells, start=1):
        if any(output.output_type == "error" for output in cell.get("outputs", [])):
            return number
    return 0


async def execute(path: Path, folder: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Execute the notebook ``path`` in a new kernel working in ``folder``, widgets printed.

    Raises
    ------
    RuntimeError
        If a cell fails, runs out of time or the kernel dies or is missing; the message names
        the notebook and the cell.
    """
    nb = nbformat.read(path, as_version=4)
    name = _name(path)
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": folder}}
    )
    try:
        # the kernel's own log (its transport warning) would break into the progress line
        await client.async_execute(env=env, stderr=subprocess.DEVNULL)
    except CellExecutionError as err:
        error = f"{err.ename}: {err.evalue}"
        message = t("handouts.cell_failed", notebook=name, cell=_failed(nb), error=error)
        raise RuntimeError(message) from None
    except CellTimeoutError:
        raise RuntimeError(t("handouts.timeout", notebook=name, seconds=CELL_TIMEOUT)) from None
    except (DeadKernelError, NoSuchKernel) as err:
        raise RuntimeError(t("handouts.kernel_failed", notebook=name, error=err)) from None
    PrintWidgets(hidden=f"{folder}{os.sep}").preprocess(nb, {})  # the scratch path is noise
    return nb


async def execute_all(
    paths: list[Path],
    folder: Path,
    progress: Callable[[str], None] | None = None,
) -> dict[Path, nbformat.NotebookNode | str]:
    """Execute every notebook of ``paths``, :data:`PARALLEL` at a time.

    Each notebook gets a scratch workspace of its own under ``folder``, with a new group: the
    kernels running side by side never see each other's input, so every handout shows the
    canvases as a new group finds them. Returns each path's executed notebook, or the message
    of its failure.
    """
    folder = Path(folder).resolve()  # as the kernels will name their files
    slots = asyncio.Semaphore(PARALLEL)

    async def run(number: int, path: Path) -> nbformat.NotebookNode | str:
        lang = path.parent.name  # an edition's folder is its language: exercises/zh/...
        workspace = folder / str(number)
        env = scratch_workspace(workspace, lang)
        async with slots:
            try:
                executed: nbformat.NotebookNode | str = await execute(path, workspace, env)
            except RuntimeError as err:
                executed = str(err)
        if progress:
            progress(_name(path))
        return executed

    done = await asyncio.gather(*(run(number, path) for number, path in enumerate(paths)))
    return dict(zip(paths, done, strict=True))


# --- rendering -----------------------------------------------------------------------------------


class SlideBreaks(Preprocessor):
    """Mark where slides start (``slideshow.slide_type``): at each ``#`` or ``##`` heading, at a
    cell its author marked, and at a piece that would be a slide's fourth."""

    def preprocess(self, nb, resources):
        """Set ``slideshow.slide_type = "slide"`` on the cells that start a slide."""
        pieces = 0
        for cell in nb.cells:
            if cell.cell_type != "markdown" and not cell.get("outputs"):
                continue
            marked = cell.metadata.get("slideshow", {}).get("slide_type") == "slide"
            heading = cell.cell_type == "markdown" and bool(_HEADING.match(cell.source))
            if pieces and (marked or heading or pieces >= SLIDE_CELLS):
                cell.metadata["slideshow"] = {"slide_type": "slide"}
                pieces = 0
            pieces += 1
        return nb, resources


def _exporter(kind: str) -> HTMLExporter:
    """nbconvert's HTML exporter with the course's template for ``kind``; code left out."""
    exporter = HTMLExporter(
        template_name="lab",
        template_file="slides.html.j2" if kind == SLIDES_DIR else "handout.html.j2",
        extra_template_paths=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    tags = TagRemovePreprocessor(
        remove_cell_tags={"remove-cell"},
        remove_input_tags={"hide-input", "remove-input"},
        remove_all_outputs_tags={"remove-output"},
    )
    exporter.register_preprocessor(tags, enabled=True)
    if kind == SLIDES_DIR:
        exporter.register_preprocessor(SlideBreaks, enabled=True)
    return exporter


def title(nb: nbformat.NotebookNode) -> str:
    """A notebook's title: its first ``#`` heading (its source's name without one)."""
    for cell in nb.cells:
        found = _TITLE.search(cell.source) if cell.cell_type == "markdown" else None
        if found:
            return found.group(1).strip()
    return Path(nb.metadata.get("workshop", {}).get("source", "")).stem


def _deck_script() -> tuple[str, str]:
    """The slide deck's script and its hash for the page's Content-Security-Policy."""
    script = (TEMPLATES / "slides.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


def page(kind: str, lang: str, notebooks: list[nbformat.NotebookNode]) -> str:
    """The HTML of one handout of ``kind`` from executed ``notebooks`` (a slide deck: one)."""
    with i18n.language(lang):
        context = {
            "lang": lang,
            "palette": style.PALETTE,
            "course": t("handouts.course"),
            "slide_keys": t("handouts.slide_keys"),
            "units": [title(nb) for nb in notebooks],
        }
    merged = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python"}})
    for unit, nb in enumerate(notebooks, start=1):
        cells = [nbformat.from_dict(dict(cell)) for cell in nb.cells]
        if cells:
            cells[0].metadata = nbformat.from_dict({**cells[0].metadata, "handout": {"unit": unit}})
        merged.cells.extend(cells)
    if kind == SLIDES_DIR:
        context["title"] = context["units"][0]
        context["script"], context["script_hash"] = _deck_script()
    else:
        context["title"] = t(f"handouts.{kind}", lang=lang)
    html, _ = _exporter(kind).from_notebook_node(merged, resources={"handout": context})
    return html


# --- the handouts --------------------------------------------------------------------------------


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
    """Execute the editions and write every handout of ``langs`` under ``out`` (never outside).

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
        Called as ``progress(done, total, name)`` after each notebook executed and each file
        written.
    """
    written = Written()
    planned = jobs(root, langs)
    if pdf and pages.find_chromium() is None:
        written.problems.append(t("trainer.no_chromium"))
        pdf = False
    printed = [job for job in planned if pdf and job.kind in (WORKBOOK, GUIDE)]
    paths = list(dict.fromkeys(path for job in planned for path in job.sources))
    total, done = len(paths) + len(planned) + len(printed), 0

    def step(name: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, name)

    with tempfile.TemporaryDirectory(prefix="workshop-handouts-") as scratch:
        executed = asyncio.run(execute_all(paths, Path(scratch), step))
    for job in planned:
        failed = [executed[path] for path in job.sources if isinstance(executed[path], str)]
        if failed:
            written.problems.extend(f"{job.target}: {problem}" for problem in failed)
            for _ in range(1 + (job in printed)):
                step(job.target)
            continue
        target = pages.inside(out, job.target)
        html = page(job.kind, job.lang, [executed[path] for path in job.sources])
        written.files.append(pages.write_text(target, html))
        step(job.target)
        if job in printed:
            try:
                written.files.append(pages.print_pdf(html, target.with_suffix(".pdf")))
            except RuntimeError as err:
                written.problems.append(f"{job.target}: {err}")
            step(target.with_suffix(".pdf").relative_to(out).as_posix())
    return written
