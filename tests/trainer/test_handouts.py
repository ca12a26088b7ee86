"""Handouts: workbook without answers, guide with them, offline slides, nothing outside --out."""

from __future__ import annotations

import re

import nbformat
import pytest
from trainer.test_report import OUTSIDE

from workshop_lib import pages
from workshop_lib.cli import main
from workshop_lib.handouts import build_handouts, markdown_html

TIMING = "```{admonition} Trainer note: timing\n- 0:00 start\n```"


def _notebook(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    made = []
    for kind, source in cells:
        maker = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        made.append(maker(source))
    return nbformat.v4.new_notebook(cells=made)


@pytest.fixture
def course(tmp_path):
    """A one-unit course in its three editions, as ``workshop build --editions`` writes them."""
    common = [
        ("md", "# Unit 1 Where to play\n\nIntro <script>alert(1)</script>"),
        ("md", "## 1. The pool"),
        ("code", 'wl.diagrams.market_pool({"adults": 1000, "patients": 120, "treated": 40});'),
        ("code", "import pandas as pd\npd.DataFrame({'kpi': ['cac'], 'value': [12.5]})"),
        ("code", "wl.canvas.pick_group()"),
        ("code", 'wl.canvas.show("market_scope")'),
        ("code", 'wl.canvas.whatif("clv")'),
    ]
    editions = {
        "exercises": common,
        "solutions": [*common, ("md", TIMING), ("code", 'wl.canvas.example("leverage_points")')],
        "notebooks": common,
    }
    for folder, cells in editions.items():
        path = tmp_path / "course" / folder / "en" / "01_unit.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(_notebook(cells), path)
    return tmp_path / "course"


def test_markdown_escapes_raw_html_and_boxes_admonitions():
    html = str(markdown_html("Hi <img src=x onerror=alert(1)>\n\n" + TIMING))
    assert "<img" not in html and "&lt;img" in html
    assert '<p class="admonition-title">Trainer note: timing</p>' in html


def test_handouts_have_the_right_parts(course, tmp_path):
    out = tmp_path / "out"
    seen = []
    written = build_handouts(
        course, out, ("en",), pdf=False, progress=lambda d, n, name: seen.append((d, n))
    )
    assert not written.problems
    names = sorted(p.relative_to(out).as_posix() for p in written.files)
    assert names == [
        "en/participant-workbook.html",
        "en/slides/01_unit.html",
        "en/trainer-guide.html",
    ]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    workbook = (out / "en/participant-workbook.html").read_text(encoding="utf-8")
    guide = (out / "en/trainer-guide.html").read_text(encoding="utf-8")
    assert "Exercise 1.1 Draw the pool" in workbook and 'class="worksheet"' in workbook
    assert "Trainer note" not in workbook and "Worked example" not in workbook
    assert "Trainer note: timing" in guide and "Worked example: Exercise 1.3" in guide
    for page in (workbook, guide):
        assert "&lt;script&gt;alert(1)" in page and "<script>alert(1)" not in page
        assert page.count("data:image/svg+xml;base64,") >= 1
        assert "<table" in page and "cac" in page
        assert not OUTSIDE.search(page)


def test_slides_work_offline(course, tmp_path):
    build_handouts(course, tmp_path / "out", ("en",), pdf=False)
    deck = (tmp_path / "out/en/slides/01_unit.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<section class="slide', deck)) == 3
    assert not OUTSIDE.search(deck) and "reveal" not in deck.lower()
    assert "ArrowRight" in deck  # keyboard navigation is in the page itself


def test_nothing_is_written_outside_the_output_folder(tmp_path):
    with pytest.raises(ValueError):
        pages.inside(tmp_path / "out", "../../x.html")
    with pytest.raises(ValueError):
        pages.inside(tmp_path / "out", "/etc/x.html")


def test_build_verb_checks_its_languages(tmp_path, capsys):
    assert main(["--lang", "en", "build", "--out", str(tmp_path), "--lang", "fr"]) == 2
    assert "fr" in capsys.readouterr().err


def test_build_verb_without_a_course(tmp_path, capsys):
    code = main(["--lang", "en", "build", "--root", str(tmp_path), "--out", str(tmp_path / "o")])
    assert code == 1
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_build_verb_on_the_real_course(tmp_path, capsys):
    out = tmp_path / "handouts"
    assert main(["--lang", "en", "build", "--out", str(out), "--lang", "zh", "--no-pdf"]) == 0
    printed = capsys.readouterr()
    assert "Wrote" in printed.out and "[########################]" in printed.err
    decks = sorted((out / "zh" / "slides").glob("*.html"))
    assert len(decks) >= 6
    workbook = (out / "zh" / "participant-workbook.html").read_text(encoding="utf-8")
    assert workbook.count('class="worksheet"') >= 11  # every canvas, plus the group lines
    assert "讲师提示" not in workbook  # trainer notes are in the guide only
    assert "讲师提示" in (out / "zh" / "trainer-guide.html").read_text(encoding="utf-8")
