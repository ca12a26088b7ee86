"""One course source → every edition of every notebook, in Chinese and English.

Each unit is written once, as a MyST Markdown notebook in ``course/`` (readable text, reviewed
like code, opened by jupytext). Cell tags say where a cell goes:

============  =========================================================================
tag           the cell appears in
============  =========================================================================
``zh``/``en``  only the edition in that language (markdown is written in both)
``teach``     the course and trainer editions (concepts, worked examples), not the
              participants' exercise workbook
``blank``     the course and exercise editions (blank canvases for the groups)
``solution``  the trainer edition only (worked-example canvases, answer keys)
``trainer``   the trainer edition only (timing, facilitation tips, common mistakes)
============  =========================================================================

Untagged cells go to every edition. Every markdown cell carries exactly one language tag (a
picture or a formula too: it is written once per language). A code cell may carry one language
tag and usually carries none: code is the same in both languages, and its output follows the
notebook's language. ``hide-input``, ``remove-input``, ``remove-cell`` and ``remove-output``
(MyST's display tags) are kept in the editions for the front ends and the handouts. Any other
tag is an error (:func:`check`), so a misspelt ``trainr`` never sends a trainer note to
participants.

MyST admonitions (```` ```{admonition} Title ````) become quoted
blocks, which every notebook front end shows. Inside a code cell, lines between
``# BEGIN SOLUTION`` and ``# END SOLUTION`` (and any line ending in ``# SOLUTION``) stay only
in the trainer edition; a ``BEGIN`` without its ``END``, an ``END`` without its ``BEGIN`` or a
``BEGIN`` inside another is an error.
A first hidden cell is added to every notebook that sets its language and style.

The editions, written by :func:`build` (``workshop build --editions``):

- ``notebooks/<lang>/``: the course as taught in class;
- ``exercises/<lang>/``: the participants' workbook (exercises only, no answers, no notes);
- ``solutions/<lang>/``: the trainer edition (everything, with worked examples and notes).

Generated notebooks carry no outputs and stable cell ids, so the same source always gives
byte-identical files and :func:`stale` can tell when one is out of date.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from .files import write_atomic
from .i18n import t

LANGUAGE_TAGS = ("zh", "en")


@dataclass(frozen=True)
class Edition:
    """A version of the course: which tagged cells it keeps and where it is written."""

    name: str
    folder: str
    keeps: frozenset[str]
    solutions: bool


EDITIONS = (
    Edition("course", "notebooks", frozenset({"teach", "blank"}), solutions=False),
    Edition("exercises", "exercises", frozenset({"blank"}), solutions=False),
    Edition("trainer", "solutions", frozenset({"teach", "solution", "trainer"}), solutions=True),
)
"""Every edition, in the order they are built."""

EDITION_TAGS = frozenset({"teach", "blank", "solution", "trainer"})
DISPLAY_TAGS = frozenset({"hide-input", "remove-input", "remove-cell", "remove-output"})
"""Tags the front ends and the handouts honour; they stay in the editions (``remove-output``:
the live page shows the output, the printed handouts leave it out)."""
KNOWN_TAGS = frozenset(LANGUAGE_TAGS) | EDITION_TAGS | DISPLAY_TAGS
"""Every tag a course source may use."""
SOURCE_DIR = "course"
SETUP_CELL = 'import workshop_lib as wl\n\nwl.notebook.setup("{lang}");'

_BEGIN = re.compile(r"^\s*# BEGIN SOLUTION\s*$")
_END = re.compile(r"^\s*# END SOLUTION\s*$")
_INLINE = re.compile(r"\s*# SOLUTION\s*$")


class SourceError(ValueError):
    """The course sources break the authoring rules; ``problems`` holds one line per problem.

    Parameters
    ----------
    problems : list of str
        Each names the source file, the cell and what is wrong.
    """

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _marker_problem(source: str) -> str | None:
    """The message key of a code cell's misplaced solution marker, or None when they pair up."""
    inside = False
    for line in source.splitlines():
        if _BEGIN.match(line):
            if inside:
                return "authoring.nested_begin"
            inside = True
        elif _END.match(line):
            if not inside:
                return "authoring.end_without_begin"
            inside = False
    return "authoring.unterminated" if inside else None


def check(source: nbformat.NotebookNode, name: str) -> list[str]:
    """Every problem of one source notebook, one line each (an empty list when it is right).

    Parameters
    ----------
    source : NotebookNode
        The source as jupytext reads it.
    name : str
        The source file's name, for the messages.

    Examples
    --------
    >>> cell = nbformat.v4.new_markdown_cell("Hi", metadata={"tags": ["en", "trainr"]})
    >>> problems = check(nbformat.v4.new_notebook(cells=[cell]), "01_demo.md")
    >>> "trainr" in problems[0] and "trainer" in problems[0]
    True
    """
    problems = []
    for number, cell in enumerate(source.cells, start=1):
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        where = {"file": name, "cell": number, "start": first.strip()[:40]}
        tags = cell.metadata.get("tags", [])
        for tag in tags:
            if tag not in KNOWN_TAGS:
                near = difflib.get_close_matches(str(tag), sorted(KNOWN_TAGS), n=1)
                key = "authoring.unknown_tag_near" if near else "authoring.unknown_tag"
                problems.append(t(key, tag=tag, near=near[0] if near else "", **where))
        languages = [tag for tag in tags if tag in LANGUAGE_TAGS]
        if cell.cell_type == "code":
            if len(languages) > 1:
                problems.append(t("authoring.code_languages", **where))
            marker = _marker_problem(cell.source)
            if marker:
                problems.append(t(marker, **where))
        elif len(languages) != 1:
            problems.append(t("authoring.markdown_language", n=len(languages), **where))
    return problems


def _keep(cell: nbformat.NotebookNode, edition: Edition, lang: str) -> bool:
    tags = set(cell.metadata.get("tags", []))
    languages = tags & set(LANGUAGE_TAGS)
    if languages and lang not in languages:
        return False
    placed = tags & EDITION_TAGS
    return not placed or bool(placed & edition.keeps)


def _strip_solutions(source: str) -> str:
    """Remove solution lines (marked blocks and ``# SOLUTION`` lines) from a code cell."""
    kept, inside = [], False
    for line in source.splitlines():
        if _BEGIN.match(line):
            inside = True
        elif _END.match(line):
            inside = False
        elif not inside and not _INLINE.search(line):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def _unmark(source: str) -> str:
    """Keep solution lines but drop the markers (trainer edition)."""
    lines = [
        _INLINE.sub("", line)
        for line in source.splitlines()
        if not (_BEGIN.match(line) or _END.match(line))
    ]
    return "\n".join(lines)


_ADMONITION = re.compile(
    r"^```\{(admonition|note|tip|warning)\}[ \t]*(.*?)\n(.*?)^```[ \t]*$", re.M | re.S
)


def _admonitions(markdown: str) -> str:
    """MyST admonitions (which Jupyter and Voilà show as raw text) as quoted blocks."""

    def quote(match: re.Match) -> str:
        title, body = match.group(2).strip(), match.group(3).rstrip("\n")
        lines = ([f"**{title}**", ""] if title else []) + body.splitlines()
        return "\n".join(f"> {line}".rstrip() for line in lines) + "\n"

    return _ADMONITION.sub(quote, markdown)


def _clean_tags(cell: nbformat.NotebookNode) -> None:
    tags = [
        tag
        for tag in cell.metadata.get("tags", [])
        if tag not in LANGUAGE_TAGS and tag not in EDITION_TAGS
    ]
    if tags:
        cell.metadata["tags"] = tags
    else:
        cell.metadata.pop("tags", None)


def render(
    source: nbformat.NotebookNode, stem: str, edition: Edition, lang: str
) -> nbformat.NotebookNode:
    """One edition of a source notebook in one language (a new notebook, no outputs)."""
    setup = nbformat.v4.new_code_cell(SETUP_CELL.format(lang=lang))
    setup.metadata["tags"] = ["remove-input"]
    cells = [setup]
    for cell in source.cells:
        if not _keep(cell, edition, lang):
            continue
        cell = nbformat.from_dict(dict(cell))
        cell.metadata = nbformat.from_dict(dict(cell.metadata))
        if cell.cell_type == "code":
            cell.source = (
                _unmark(cell.source) if edition.solutions else _strip_solutions(cell.source)
            )
            cell.outputs, cell.execution_count = [], None
            if not cell.source.strip():
                continue
        else:
            cell.source = _admonitions(cell.source)
        _clean_tags(cell)
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell.id = f"{stem}-{i:03d}"
        cell.metadata.pop("lines_to_next_cell", None)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "workshop": {"edition": edition.name, "language": lang, "source": f"{stem}.md"},
    }
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    nbformat.validate(notebook)
    return notebook


def sources(root: Path) -> list[Path]:
    """The course's source notebooks, in course order."""
    return sorted((Path(root) / SOURCE_DIR).glob("[0-9][0-9]_*.md"))


def read_sources(root: Path) -> list[tuple[Path, nbformat.NotebookNode]]:
    """Every source notebook of the course in ``root``, checked.

    Raises
    ------
    SourceError
        Listing every problem of every source (file, cell and what is wrong).
    """
    read, problems = [], []
    for path in sources(root):
        source = jupytext.read(path, fmt="md:myst")
        problems.extend(check(source, path.name))
        read.append((path, source))
    if problems:
        raise SourceError(problems)
    return read


def outputs(root: Path) -> Iterator[tuple[Path, str]]:
    """Every generated notebook: ``(path, text)`` for each source, edition and language.

    Raises
    ------
    SourceError
        Before anything is generated, when a source breaks the rules (see :func:`check`).
    """
    root = Path(root)
    for path, source in read_sources(root):
        for edition in EDITIONS:
            for lang in LANGUAGE_TAGS:
                notebook = render(source, path.stem, edition, lang)
                text = nbformat.writes(notebook) + "\n"
                yield root / edition.folder / lang / f"{path.stem}.ipynb", text


def build(root: Path) -> list[Path]:
    """Write every edition of every source notebook under ``root``; return the files changed."""
    changed = []
    for path, text in outputs(root):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text.encode("utf-8"))
            changed.append(path)
    return changed


def stale(root: Path) -> list[Path]:
    """The generated notebooks that are missing or differ from what their source gives."""
    return [
        path
        for path, text in outputs(root)
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
