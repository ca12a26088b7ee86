"""One source gives every edition; generated notebooks are in sync and carry no outputs."""

from __future__ import annotations

import json

import nbformat
import pytest

from workshop_lib import authoring, i18n, workspace
from workshop_lib.cli import main

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


def _break(course, old, new):
    path = course / "course" / "01_demo.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(course):
    with pytest.raises(authoring.SourceError) as raised:
        authoring.build(course)
    return raised.value.problems


def test_a_misspelt_tag_is_rejected_with_the_nearest_known_tag(course):
    _break(course, '{"tags": ["zh", "trainer"]}', '{"tags": ["zh", "trainr"]}')
    with i18n.language("en"):
        problems = _problems(course)
    assert problems == [
        '01_demo.md, cell 3 (讲师提示): unknown tag "trainr"; did you mean "trainer"?'
    ]
    assert not (course / "exercises").exists()  # nothing generated, participants' edition included


def test_an_unknown_tag_far_from_any_is_named_without_a_guess(course):
    _break(course, ":tags: [hide-input, teach]", ":tags: [hide-input, teach, zzzzzz]")
    with i18n.language("en"):
        (problem,) = _problems(course)
    assert problem.startswith("01_demo.md, cell 4 (wl.diagrams.market_pool(")
    assert problem.endswith('unknown tag "zzzzzz"')


def test_a_markdown_cell_needs_exactly_one_language(course):
    _break(course, '+++ {"tags": ["zh"]}', "+++")
    _break(course, '{"tags": ["en"]}', '{"tags": ["en", "zh"]}')
    with i18n.language("en"):
        problems = _problems(course)
    assert [p.split(":")[0] for p in problems] == [
        "01_demo.md, cell 1 (# 中文标题)",
        "01_demo.md, cell 2 (# English title)",
    ]
    assert "exactly one language tag" in problems[0] and problems[0].endswith("it has 0")
    assert problems[1].endswith("it has 2")


def test_solution_markers_must_pair(course):
    _break(course, "# END SOLUTION\n", "")
    with i18n.language("en"):
        (problem,) = _problems(course)
    assert problem.startswith("01_demo.md, cell 7 (answer = 42  # SOLUTION)")
    assert "# BEGIN SOLUTION without its # END SOLUTION" in problem


def test_an_end_marker_without_begin_and_a_nested_begin_are_errors(course):
    _break(course, "# BEGIN SOLUTION\n", "")
    path = course / "course" / "01_demo.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "\n```{code-cell} ipython3\n# BEGIN SOLUTION\n# BEGIN SOLUTION\nx = 1\n```\n",
        encoding="utf-8",
    )
    with i18n.language("en"):
        problems = _problems(course)
    assert len(problems) == 2
    assert "cell 7" in problems[0] and "# END SOLUTION without a # BEGIN SOLUTION" in problems[0]
    assert "cell 8" in problems[1] and "inside another one" in problems[1]


def test_every_problem_of_every_source_is_listed_at_once(course):
    _break(course, '{"tags": ["zh", "trainer"]}', '{"tags": ["zh", "trainer", "blnk"]}')
    other = course / "course" / "02_other.md"
    other.write_text(SOURCE.replace(":tags: [hide-input, blank]", ":tags: [hide-inputs, blank]"))
    with i18n.language("en"):
        problems = _problems(course)
    assert len(problems) == 2
    assert problems[0].startswith("01_demo.md") and '"blank"?' in problems[0]
    assert problems[1].startswith("02_other.md") and '"hide-input"?' in problems[1]


def test_build_verb_prints_the_problems_and_exits_1(course, capsys):
    _break(course, '{"tags": ["zh", "trainer"]}', '{"tags": ["zh", "trainr"]}')
    for check in ([], ["--check"]):
        code = main(["--lang", "en", "build", "--editions", *check, "--root", str(course)])
        assert code == 1
        err = capsys.readouterr().err
        assert 'cell 3 (讲师提示): unknown tag "trainr"; did you mean "trainer"?' in err
        assert "The course sources have 1 problems" in err and "Traceback" not in err


def test_display_tags_are_kept_for_the_front_ends(course):
    _break(course, ":tags: [hide-input, blank]", ":tags: [remove-input, blank]")
    authoring.build(course)
    notebook = nbformat.read(course / "notebooks" / "zh" / "01_demo.ipynb", 4)
    tags = {cell.source: cell.metadata.get("tags") for cell in notebook.cells}
    assert tags['wl.canvas.show("persona")'] == ["remove-input"]
    assert tags['wl.diagrams.market_pool({"a": 2, "b": 1});'] == ["hide-input"]
