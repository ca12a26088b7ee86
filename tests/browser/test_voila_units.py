"""Each unit's Voilà page in Chromium, as a group uses it: the picker, the first canvas, a quiz
card, the what-if sliders, and a reload that brings the group's input back.

One ``workshop app`` server (preheated kernels, as participants get it) serves every unit of the
module; each unit test works for its own group, so the tests do not depend on each other.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browsing import screenshot, start

from workshop_lib import workspace
from workshop_lib.i18n import t
from workshop_lib.plan import file_name

pytestmark = pytest.mark.slow

NOTEBOOKS = workspace.course_source() / "notebooks"
UNITS = [("zh", path.name) for path in sorted((NOTEBOOKS / "zh").glob("0[1-5]*.ipynb"))]
UNITS.append(("en", "01_market_scope.ipynb"))

ERROR_OUTPUTS = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
)
"""Error and stderr outputs of a cell (a warning, a traceback or Voilà's error note)."""

CANVAS = "xpath=//div[contains(@class,'widget-vbox')][div[contains(@class,'widget-html')]//h3]"
"""An exercise canvas: a box whose first line is the exercise's ``<h3>`` title."""

WHATIF = "xpath=//div[contains(@class,'widget-vbox')][div[contains(@class,'widget-html')]//h4]"
"""A what-if: a box whose first line is its ``<h4>`` title, then sliders and a picture."""

MAX_TRIES = 3
"""Drop-downs, and options of each, tried before giving up on redrawing a diagram."""

SAVE_WAIT_S = 5.0
"""The canvases save at most once a second; give the file a few seconds to appear."""


def quiz_cards(page, lang: str):
    label = t("quiz.check", lang)
    return page.locator(
        "xpath=//div[contains(@class,'widget-vbox')]"
        f"[div[contains(@class,'widget-hbox')]/button[normalize-space()='{label}']]"
    )


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    yield from start("app", tmp_path_factory, "/")


def open_unit(page, app, lang: str, notebook: str) -> None:
    """Open a unit's page and wait until its group picker can be used."""
    page.goto(f"{app.url}/voila/render/notebooks/{lang}/{notebook}", timeout=180_000)
    page.get_by_role("button", name=t("canvas.open_group", lang)).wait_for(timeout=180_000)


def assert_clean(page) -> None:
    """No cell printed an error or a warning, the page's scripts raised nothing, and nothing
    was fetched from off the machine (a classroom network may drop such requests silently,
    keeping a page that waits on them blank)."""
    assert page.locator(ERROR_OUTPUTS).count() == 0, page.locator(ERROR_OUTPUTS).all_inner_texts()
    assert not page.problems.errors
    assert not page.problems.left_machine


def start_group(page, lang: str, group: str) -> None:
    """Create ``group`` with the picker and wait for the canvases to be built on its plan."""
    page.get_by_label(t("canvas.group", lang), exact=True).select_option(
        label=t("canvas.new_group", lang)
    )
    page.get_by_label(t("canvas.group_name", lang), exact=True).fill(group)
    page.get_by_role("button", name=t("canvas.open_group", lang)).click()
    # the picker confirms the group once every canvas is rebuilt on its plan
    page.locator(".widget-html-content", has_text="✓").filter(has_text=group).wait_for(
        timeout=120_000
    )
    page.locator(CANVAS).first.wait_for()


def image_source(box) -> str:
    return box.locator("img.widget-image").last.get_attribute("src") or ""


def wait_for_new_image(box, before: str, timeout_s: float = 5.0) -> bool:
    """Whether the box's picture is redrawn (a new image source) within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if image_source(box) not in ("", before):
            return True
        box.page.wait_for_timeout(100)
    return False


def wait_until_settled(box, quiet_s: float = 1.0, timeout_s: float = 10.0) -> None:
    """Wait until the box's picture has not changed for ``quiet_s`` (the last move is drawn)."""
    deadline = time.monotonic() + timeout_s
    source, since = image_source(box), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet_s:
        box.page.wait_for_timeout(100)
        if image_source(box) != source:
            source, since = image_source(box), time.monotonic()


def move_slider(box) -> None:
    """Move the box's first slider two steps with the keyboard, as a participant would."""
    handle = box.locator(".widget-slider .noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    handle.press("ArrowRight")


def change_diagram(canvas, lang: str) -> list[str]:
    """Operate the canvas's controls until its diagram is redrawn; return what was done.

    Tried in order: deleting the last row of a table, other options of the first drop-downs,
    a slider (then the canvas's own buttons, e.g. one that rebalances weights), a new row,
    then every field still empty.
    Every canvas has at least one of these or draws the text typed into it.
    """
    done = []
    before = image_source(canvas)
    delete = canvas.get_by_title(t("canvas.delete_row", lang))
    if delete.count():
        delete.last.click()
        done.append("delete row")
        if wait_for_new_image(canvas, before):
            return done
    for select in canvas.locator("select").all()[:MAX_TRIES]:
        values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
        current = select.input_value()
        for value in [v for v in values if v != current][:MAX_TRIES]:
            select.select_option(value)
            done.append("drop-down")
            if wait_for_new_image(canvas, before, timeout_s=2.0):
                return done
    if canvas.locator(".widget-slider .noUi-handle").count():
        move_slider(canvas)
        done.append("slider")
        if wait_for_new_image(canvas, before):
            return done
        own = canvas.locator("button").filter(has_not_text=t("canvas.add_row", lang))
        for button in own.all():
            if button.get_attribute("title") != t("canvas.delete_row", lang):
                button.click()
                done.append(f"button {button.inner_text()!r}")
                if wait_for_new_image(canvas, before):
                    return done
    add = canvas.get_by_role("button", name=t("canvas.add_row", lang))
    if add.count():
        add.first.click()
        row = canvas.get_by_title(t("canvas.delete_row", lang)).last.locator("xpath=..")
        cell = row.locator("input").first
        cell.fill("1")
        cell.press("Tab")
        done.append("add row, fill its first cell")
        if wait_for_new_image(canvas, before):
            return done
    for field in canvas.locator("textarea, input[type='text']").all():
        if not field.input_value():
            field.fill("1")  # a diagram may need every part of its section first
            done.append("fill an empty field")
    if done and done[-1] == "fill an empty field":
        canvas.locator("textarea, input[type='text']").last.press("Tab")
        if wait_for_new_image(canvas, before):
            return done
    raise AssertionError(f"the diagram did not change after: {done or 'no control found'}")


def plan_file(app, group: str) -> Path:
    return app.root / "groups" / file_name(group)


def wait_for_plan(app, group: str, text: str) -> dict:
    """The group's plan once its file holds ``text`` (saving is debounced)."""
    path = plan_file(app, group)
    deadline = time.monotonic() + SAVE_WAIT_S
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8"):
            return json.loads(path.read_text(encoding="utf-8"))
        time.sleep(0.2)
    content = path.read_text(encoding="utf-8") if path.exists() else "(no file)"
    raise AssertionError(f"{path} does not hold {text!r} after {SAVE_WAIT_S} s:\n{content}")


TEXT_BOX = "textarea, .widget-text:has(label:not(:empty)) input"
"""A free-text box: a multi-line box or a labelled text field."""


def free_text(page):
    """The first free-text box of the first canvas that has one (some canvases only score).

    Multi-line boxes come first: a one-line field may expect numbers (cut points).
    """
    canvas = page.locator(CANVAS).filter(has=page.locator(TEXT_BOX)).first
    boxes = canvas.locator("textarea")
    return boxes.first if boxes.count() else canvas.locator(TEXT_BOX).first


UNIT_IDS = [f"{lang}-{notebook[:2]}" for lang, notebook in UNITS]


@pytest.mark.parametrize(("lang", "notebook"), UNITS, ids=UNIT_IDS)
def test_a_group_works_through_the_unit_page(page, app, lang, notebook):
    name = f"{lang}_{notebook.removesuffix('.ipynb')}"
    group = f"浏览器{lang}{notebook[:2]}" if lang == "zh" else f"Browser-{notebook[:2]}"
    typed = f"测试输入 {notebook[:2]}" if lang == "zh" else f"typed in unit {notebook[:2]}"

    open_unit(page, app, lang, notebook)
    assert_clean(page)
    fonts = page.locator(".jp-RenderedMarkdown").first.evaluate(
        "el => getComputedStyle(el).fontFamily"
    )
    assert fonts.index("Noto Sans CJK SC") < fonts.index("sans-serif"), fonts  # ，：？ in SC shapes

    start_group(page, lang, group)
    canvas = page.locator(CANVAS).first
    before = image_source(canvas)
    text = free_text(page)
    text.fill(typed)
    text.press("Tab")  # leave the field, as a participant moving on would
    assert wait_for_plan(app, group, typed)["group"] == group
    if not wait_for_new_image(canvas, before):  # the text is not part of this diagram
        change_diagram(canvas, lang)

    cards = quiz_cards(page, lang)
    if cards.count():
        card = cards.first
        feedback = card.locator(".widget-html-content").last
        card.get_by_role("button", name=t("quiz.hint", lang)).click()
        page.wait_for_function(
            "el => el.textContent.trim().length > 0", arg=feedback.element_handle()
        )
        hint = feedback.inner_text()
        card.get_by_role("button", name=t("quiz.show_answer", lang)).click()
        page.wait_for_function(
            "([el, before]) => el.textContent.trim() !== before",
            arg=[feedback.element_handle(), hint],
        )

    whatifs = page.locator(WHATIF)
    if whatifs.count():
        whatif = whatifs.first
        before = image_source(whatif)
        move_slider(whatif)
        assert wait_for_new_image(whatif, before), "the what-if picture did not follow the slider"
        wait_until_settled(whatif)

    assert_clean(page)
    screenshot(page, name)

    page.reload()
    page.get_by_role("button", name=t("canvas.open_group", lang)).wait_for(timeout=180_000)
    page.locator(CANVAS).first.wait_for()
    assert free_text(page).input_value() == typed
    picker = page.get_by_label(t("canvas.group", lang), exact=True)
    assert picker.locator("option:checked").inner_text() == group
    assert_clean(page)
    screenshot(page, f"{name}_reloaded")
