"""One source gives every edition; generated notebooks are in sync and carry no outputs."""

from __future__ import annotations

import json

import nbformat
import pytest

from workshop_lib import authoring, workspace

ROOT = workspace.course_source()

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

+++ {"tags": ["zh"]}

# 中文标题

+++ {"tags": ["en"]}

# English title

+++ {"tags": ["zh", "trainer"]}

讲师提示

```{code-cell} ipython3
:tags: [hide-input, teach]

wl.diagrams.market_pool({"a": 2, "b": 1});
```

```{code-cell} ipython3
:tags: [hide-input, blank]

wl.canvas.show("persona")
```

```{code-cell} ipython3
:tags: [hide-input, solution]

wl.canvas.example("persona")
```

```{code-cell} ipython3
answer = 42  # SOLUTION
# BEGIN SOLUTION
print("worked")
# END SOLUTION
shown = 1
```
"""


@pytest.fixture
def course(tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "01_demo.md").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def cells(root, folder, lang):
    notebook = nbformat.read(root / folder / lang / "01_demo.ipynb", 4)
    return [c.source for c in notebook.cells]


def test_each_edition_keeps_its_cells(course):
    written = authoring.build(course)
    assert len(written) == 6
    course_zh = cells(course, "notebooks", "zh")
    assert course_zh[0].startswith("import workshop_lib as wl") and '"zh"' in course_zh[0]
    assert "# 中文标题" in course_zh and "# English title" not in course_zh
    assert any("market_pool" in c for c in course_zh)  # teach
    assert any('show("persona")' in c for c in course_zh)  # blank
    assert not any("example(" in c or "讲师提示" in c for c in course_zh)
    exercises = cells(course, "exercises", "en")
    assert "# English title" in exercises and not any("market_pool" in c for c in exercises)
    trainer = cells(course, "solutions", "zh")
    assert "讲师提示" in trainer and any('example("persona")' in c for c in trainer)
    assert not any('show("persona")' in c for c in trainer)


def test_solution_markers(course):
    authoring.build(course)
    exercise = cells(course, "notebooks", "en")[-1]
    assert exercise == "shown = 1"
    trainer = cells(course, "solutions", "en")[-1]
    assert trainer == 'answer = 42\nprint("worked")\nshown = 1'


def test_editions_have_no_edition_tags_and_stable_ids(course):
    authoring.build(course)
    first = (course / "notebooks" / "zh" / "01_demo.ipynb").read_text(encoding="utf-8")
    data = json.loads(first)
    for cell in data["cells"]:
        assert not set(cell["metadata"].get("tags", [])) & (authoring.EDITION_TAGS | {"zh", "en"})
        assert cell["id"].startswith("01_demo-")
    assert data["metadata"]["workshop"] == {
        "edition": "course",
        "language": "zh",
        "source": "01_demo.md",
    }
    assert authoring.build(course) == []  # a second build changes nothing
    assert authoring.stale(course) == []


def test_a_changed_source_makes_its_notebooks_stale(course):
    authoring.build(course)
    path = course / "course" / "01_demo.md"
    path.write_text(path.read_text(encoding="utf-8").replace("中文标题", "新标题"), "utf-8")
    stale = authoring.stale(course)
    assert {p.parent.parent.name for p in stale} == {"notebooks", "exercises", "solutions"}
    assert {p.parent.name for p in stale} == {"zh"}


def test_the_repository_notebooks_are_in_sync_with_their_sources():
    assert authoring.sources(ROOT), "no course sources found"
    assert [p.relative_to(ROOT) for p in authoring.stale(ROOT)] == []


def test_committed_notebooks_carry_no_outputs():
    for folder in ("notebooks", "exercises", "solutions"):
        for path in (ROOT / folder).rglob("*.ipynb"):
            notebook = json.loads(path.read_text(encoding="utf-8"))
            for cell in notebook["cells"]:
                assert not cell.get("outputs"), path


def test_admonitions_become_quoted_blocks(course):
    path = course / "course" / "01_demo.md"
    text = path.read_text(encoding="utf-8").replace(
        "讲师提示", "```{admonition} 讲师提示:时间\n- 0:00 开场\n```\n之后"
    )
    path.write_text(text, encoding="utf-8")
    authoring.build(course)
    trainer = cells(course, "solutions", "zh")
    note = next(c for c in trainer if "讲师提示" in c)
    assert note.startswith("> **讲师提示:时间**\n>\n> - 0:00 开场\n")
    assert "```" not in note and "\n\n之后" in note
