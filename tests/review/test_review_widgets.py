"""The review's widgets: answers recorded in the group's plan, the framework page kept current."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from workshop_lib.canvas import session
from workshop_lib.canvas.session import Workbook
from workshop_lib.plan import BrandPlan


@pytest.fixture
def book(tmp_path, monkeypatch) -> Workbook:
    """The kernel's workbook on a temporary groups folder, with group 第一组 chosen."""
    made = Workbook(folder=tmp_path / "groups", root=tmp_path)
    made.choose("第一组", ["王芳"])
    monkeypatch.setattr(session, "_workbook", made)
    return made


def buttons(box: widgets.Widget) -> list[widgets.Button]:
    """Every button inside ``box``, depth first."""
    if isinstance(box, widgets.Button):
        return [box]
    return [b for child in getattr(box, "children", ()) for b in buttons(child)]


def htmls(box: widgets.Widget) -> list[widgets.HTML]:
    if isinstance(box, widgets.HTML):
        return [box]
    return [h for child in getattr(box, "children", ()) for h in htmls(child)]


def test_review_answers_are_saved_in_the_groups_plan(book):
    shown = session.show_review()
    cards = shown.children[0].children
    assert len(cards) == 10
    dimension = cards[6]  # r4.dimension, a single choice
    choice = dimension.children[1]
    assert isinstance(choice, widgets.RadioButtons)
    choice.value = "sustainability"
    dimension.children[2].children[0].click()  # "Check"
    assert "答对了" in dimension.children[3].value
    saved = BrandPlan.load(book.plan.path).quiz.answers["r4.dimension"]
    assert saved.correct and saved.attempts == 1 and saved.answer == "sustainability"


def test_review_asks_for_a_group_first(tmp_path, monkeypatch):
    monkeypatch.setattr(session, "_workbook", Workbook(folder=tmp_path / "g", root=tmp_path))
    shown = session.show_review()
    assert "小组" in shown.children[0].value


def test_framework_follows_the_plan_file_and_the_group(book):
    shown = session.show_framework(lang="en")
    page = htmls(shown)[-1]
    assert "第一组" in page.value and "Not filled in yet: market definition" in page.value
    # another notebook of the same group saves a definition
    other = BrandPlan.load(book.plan.path)
    other.market_scope.definition = "Adults <on treatment>"
    other.save(book.plan.path)
    assert "Adults" not in page.value
    (refresh,) = buttons(shown)
    refresh.click()
    page = htmls(shown)[-1]
    assert "Adults &lt;on treatment&gt;" in page.value
    assert "Updated" in htmls(shown)[0].value
    book.choose("第二组")
    assert "第二组" in htmls(shown)[-1].value


def test_framework_refresh_reports_a_damaged_file(book):
    shown = session.show_framework(lang="en")
    book.plan.path.write_text("{not json", encoding="utf-8")
    (refresh,) = buttons(shown)
    refresh.click()
    note = htmls(shown)[0].value
    assert str(book.plan.path.name) in note


def test_example_framework_is_the_whole_worked_plan():
    page = session.example_framework(lang="zh").value
    assert "尚未填写" not in page.split("</style>")[1]
    assert "格维乐" in page
