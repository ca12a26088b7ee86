"""Handouts: the executed editions through the course's templates, offline, nothing outside --out.

The fast tests render small notebooks held in memory, with outputs as a kernel leaves them; the
slow ones execute editions in real kernels.
"""

from __future__ import annotations

import base64
import hashlib
import re

import nbformat
import pytest
from trainer.test_report import OUTSIDE

from workshop_lib import authoring, i18n, pages
from workshop_lib.cli import main
from workshop_lib.handouts import (
    GUIDE,
    SLIDES_DIR,
    WORKBOOK,
    SlideBreaks,
    build_handouts,
    page,
    title,
)
from workshop_lib.printed_widgets import VIEW, PrintWidgets, widget_html

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n-a-picture").decode("ascii")


def _state(*models):
    """Saved widget state as nbclient keeps it: ``(id, model name, state[, buffers])``."""
    state = {}
    for model_id, name, values, *buffers in models:
        state[model_id] = {"model_name": name, "state": values}
        if buffers:
            state[model_id]["buffers"] = buffers[0]
    return state


CANVAS = _state(
    ("root", "VBoxModel", {"children": ["IPY_MODEL_title", "IPY_MODEL_row", "IPY_MODEL_gone"]}),
    ("title", "HTMLModel", {"value": "<h3>Exercise 1.1 Draw the pool</h3>"}),
    ("row", "HBoxModel", {"children": ["IPY_MODEL_text", "IPY_MODEL_pick", "IPY_MODEL_go"]}),
    ("text", "TextModel", {"description": "Level", "value": "<adults>"}),
    ("pick", "DropdownModel", {"description": "Step", "_options_labels": ["a", "b"], "index": 1}),
    ("go", "ButtonModel", {"description": "Check"}),
    ("gone", "TextareaModel", {"description": "Hidden", "value": "", "layout": "IPY_MODEL_lay"}),
    ("lay", "LayoutModel", {"display": "none"}),
    ("notes", "TextareaModel", {"description": "Notes", "value": ""}),
    ("rate", "FloatSliderModel", {"description": "Rate", "value": 0.925, "readout_format": ".1%"}),
    ("odd", "FloatSliderModel", {"description": "Odd", "value": 3.0, "readout_format": "~s"}),
    ("pic", "ImageModel", {"format": "png"}, [{"path": ["value"], "data": PNG}]),
)


def test_widgets_print_as_their_labels_and_values():
    html = str(widget_html("root", CANVAS))
    assert html.startswith('<div class="w-box"><div class="w-html"><h3>Exercise 1.1')
    assert '<div class="w-row">' in html
    assert '<span class="w-label">Level</span><span class="w-value">&lt;adults&gt;</span>' in html
    assert '<span class="w-label">Step</span><span class="w-value">b</span>' in html
    assert "Check" not in html and "Hidden" not in html  # buttons and hidden boxes
    empty = str(widget_html("notes", CANVAS))
    assert 'w-textarea"><span class="w-label">Notes</span><span class="w-value"></span>' in empty
    assert f'src="data:image/png;base64,{PNG}"' in str(widget_html("pic", CANVAS))
    assert widget_html("missing", CANVAS) == ""
    assert '<span class="w-value">92.5%</span>' in str(widget_html("rate", CANVAS))
    assert '<span class="w-value">3.0</span>' in str(widget_html("odd", CANVAS))


def _output(model_id):
    return nbformat.v4.new_output(
        "execute_result",
        data={"text/plain": "VBox()", VIEW: {"model_id": model_id, "version_major": 2}},
    )


def test_print_widgets_replaces_views_and_drops_the_state():
    status = {"value": "<span>Saved to /scratch/ws/groups/g.json</span>"}
    state = {**CANVAS, "status": {"model_name": "HTMLModel", "state": status}}
    cells = [nbformat.v4.new_code_cell(outputs=[_output(m)]) for m in ("root", "status")]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.widgets = {"application/vnd.jupyter.widget-state+json": {"state": state}}
    PrintWidgets(hidden="/scratch/ws/").preprocess(nb, {})
    (canvas,), (saved,) = (cell.outputs for cell in nb.cells)
    assert list(canvas.data) == ["text/html"] and "Exercise 1.1" in canvas.data["text/html"]
    assert (
        saved.data["text/html"] == '<div class="w-html"><span>Saved to groups/g.json</span></div>'
    )
    assert "widgets" not in nb.metadata


def _unit(heading, *, extra=()):
    """An executed edition notebook: setup cell first, then text, a figure, a table, a widget."""
    cells = [
        nbformat.v4.new_code_cell('import workshop_lib as wl\n\nwl.notebook.setup("en");'),
        nbformat.v4.new_markdown_cell(f"# {heading}\n\nIntro <b>bold</b>"),
        nbformat.v4.new_markdown_cell("## 1. The pool"),
        nbformat.v4.new_code_cell(
            "wl.diagrams.market_pool(data);",
            outputs=[nbformat.v4.new_output("display_data", data={"image/png": PNG})],
        ),
        nbformat.v4.new_code_cell(
            "wl.tables.kpis()",
            outputs=[
                nbformat.v4.new_output(
                    "execute_result",
                    data={"text/html": "<table><tr><td>cac</td></tr></table>"},
                    execution_count=3,
                )
            ],
        ),
        nbformat.v4.new_code_cell(
            "wl.canvas.show('market_scope')",
            outputs=[nbformat.v4.new_output("display_data", data={"text/html": "<p>printed</p>"})],
        ),
        *extra,
    ]
    cells[0].metadata["tags"] = ["remove-input"]
    for cell in cells[3:6]:
        cell.metadata["tags"] = ["hide-input"]
    return nbformat.v4.new_notebook(cells=cells, metadata={"workshop": {"source": "01_unit.md"}})


def _tagged(kind, source, tag, output=None):
    maker = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
    cell = maker(source)
    cell.metadata["tags"] = [tag]
    if output:
        cell.outputs = [nbformat.v4.new_output("stream", text=output)]
    return cell


def test_the_workbook_page_shows_outputs_and_text_never_code():
    extra = (
        _tagged("md", "A note for nobody", "remove-cell"),
        _tagged("code", "wl.doctor.report()", "remove-output", output="this laptop"),
    )
    html = page(WORKBOOK, "en", [_unit("Unit 1 Where to play", extra=extra), _unit("Unit 2")])
    assert "<h1>Participant workbook</h1>" in html
    assert '<a href="#nb1">Unit 1 Where to play</a>' in html and '<a href="#nb2">Unit 2</a>' in html
    assert html.count('<article class="notebook"') == 2 and html.count("</article>") == 2
    assert html.count(f"data:image/png;base64,{PNG}") == 2
    assert "<td>cac</td>" in html and "<p>printed</p>" in html and "Intro <b>bold</b>" in html
    assert "wl." not in html and "import workshop_lib" not in html and "Out[" not in html
    assert "A note for nobody" not in html and "this laptop" not in html
    assert "default-src 'none'" in html and "<script" not in html
    assert not OUTSIDE.search(html)


def test_the_guide_is_titled_and_escapes_its_titles():
    html = page(GUIDE, "zh", [_unit("单元一 <i>市场</i>")])
    assert "<h1>讲师指南</h1>" in html and 'lang="zh-CN"' in html
    assert "单元一 &lt;i&gt;市场&lt;/i&gt;</a>" in html


def test_slides_start_at_headings_and_after_three_pieces():
    nb = _unit("Unit 1")
    SlideBreaks().preprocess(nb, {})
    starts = [i for i, c in enumerate(nb.cells) if c.metadata.get("slideshow")]
    # the title opens the first slide, "## 1." the second; its fourth piece starts a third
    assert starts == [2, 5]


def test_slides_work_offline_with_their_own_script():
    deck = page(SLIDES_DIR, "en", [_unit("Unit 1")])
    assert len(re.findall(r'<section class="slide', deck)) == 3
    assert not OUTSIDE.search(deck) and "reveal" not in deck.lower()
    script = re.search(r"<script>(.*?)</script>", deck, re.S).group(1)
    assert "ArrowRight" in script  # keyboard navigation is in the page itself
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in deck  # only this script may run
    assert "<title>Unit 1</title>" in deck


def test_a_notebook_without_heading_is_titled_by_its_source():
    nb = nbformat.v4.new_notebook(metadata={"workshop": {"source": "03_x.md"}})
    assert title(nb) == "03_x"


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


SOURCE = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
  language: python
---

+++ {"tags": ["en"]}

# Unit 1 Where to play

+++ {"tags": ["en", "trainer"]}

> **Trainer note: timing** 0:00 start

+++ {"tags": ["en"]}

## 1. The pool

```{code-cell} ipython3
:tags: [hide-input, teach]

wl.diagrams.market_pool({"adults": 1000, "patients": 120, "treated": 40});
```

```{code-cell} ipython3
:tags: [hide-input]

import pandas as pd
pd.DataFrame({"kpi": ["cac"], "value": [12.5]})
```

```{code-cell} ipython3
:tags: [hide-input, blank]

wl.canvas.pick_group()
```

```{code-cell} ipython3
:tags: [hide-input, blank]

wl.canvas.show("market_scope")
```

```{code-cell} ipython3
:tags: [hide-input, solution]

wl.canvas.example("leverage_points")
```
"""


@pytest.fixture
def course(tmp_path):
    """A two-unit course in its editions, as ``workshop build --editions`` writes them; the
    second unit fails in its last cell."""
    root = tmp_path / "course"
    (root / "course").mkdir(parents=True)
    (root / "course" / "01_unit.md").write_text(SOURCE, encoding="utf-8")
    broken = SOURCE.replace("# Unit 1", "# Unit 2") + "\n```{code-cell} ipython3\n1 / 0\n```\n"
    (root / "course" / "02_broken.md").write_text(broken, encoding="utf-8")
    authoring.build(root)
    return root


@pytest.mark.slow
def test_handouts_from_executed_editions(course, tmp_path):
    out, seen = tmp_path / "out", []
    with i18n.language("en"):
        written = build_handouts(
            course, out, ("en",), pdf=False, progress=lambda d, n, name: seen.append((d, n, name))
        )
    names = sorted(p.relative_to(out).as_posix() for p in written.files)
    assert names == ["en/slides/01_unit.html"]  # workbook and guide need the broken unit
    assert len(written.problems) == 3
    assert "exercises/en/02_broken.ipynb, cell 7 failed: ZeroDivisionError" in written.problems[0]
    assert all("02_broken.ipynb, cell" in p and "ZeroDivisionError" in p for p in written.problems)
    executed = [name for _, _, name in seen if name.endswith(".ipynb")]
    assert sorted(executed) == sorted(
        f"{edition}/en/{unit}.ipynb"
        for edition in ("exercises", "solutions", "notebooks")
        for unit in ("01_unit", "02_broken")
    )
    assert [(d, n) for d, n, _ in seen] == [(d, 10) for d in range(1, 11)]
    deck = (out / "en/slides/01_unit.html").read_text(encoding="utf-8")
    assert deck.count("data:image/png;base64,") >= 1  # the pool, drawn by the kernel
    assert '<span class="w-label">Group</span><span class="w-value">Our group</span>' in deck
    assert "Exercise 1.1 Draw the pool" in deck and "<td>cac</td>" in deck
    assert "Trainer note" not in deck and "wl.canvas" not in deck and not OUTSIDE.search(deck)
    assert "workshop-handouts-" not in deck  # the kernels' scratch folder is not printed


@pytest.mark.slow
def test_workbook_and_guide_from_executed_editions(course, tmp_path):
    (course / "course" / "02_broken.md").unlink()
    for edition in ("notebooks", "exercises", "solutions"):
        (course / edition / "en" / "02_broken.ipynb").unlink()
    out = tmp_path / "out"
    written = build_handouts(course, out, ("en",), pdf=False)
    assert not written.problems
    workbook = (out / "en/participant-workbook.html").read_text(encoding="utf-8")
    guide = (out / "en/trainer-guide.html").read_text(encoding="utf-8")
    assert "Exercise 1.1 Draw the pool" in workbook and 'class="w-field' in workbook
    assert "Trainer note" not in workbook and "Exercise 1.3" not in workbook
    assert "Trainer note: timing" in guide and "Exercise 1.3" in guide
    for html in (workbook, guide):
        assert "<td>cac</td>" in html and "data:image/png;base64," in html
        assert not OUTSIDE.search(html) and "wl.canvas" not in html


@pytest.mark.slow
def test_build_verb_on_the_real_course(tmp_path, capsys):
    out = tmp_path / "handouts"
    assert main(["--lang", "en", "build", "--out", str(out), "--lang", "zh", "--no-pdf"]) == 0
    printed = capsys.readouterr()
    assert "Wrote 9 files" in printed.out and "[########################]" in printed.err
    decks = sorted((out / "zh" / "slides").glob("*.html"))
    assert len(decks) == 7
    workbook = (out / "zh" / "participant-workbook.html").read_text(encoding="utf-8")
    guide = (out / "zh" / "trainer-guide.html").read_text(encoding="utf-8")
    assert workbook.count('<article class="notebook"') == 7
    assert workbook.count('class="w-field') >= 30  # every canvas, with lines to write on
    assert "讲师提示" not in workbook and "讲师提示" in guide  # trainer notes in the guide only
    for html in (workbook, guide, *(deck.read_text(encoding="utf-8") for deck in decks)):
        assert not OUTSIDE.search(html) and "Traceback" not in html
