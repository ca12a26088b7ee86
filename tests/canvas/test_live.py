"""Canvases and what-ifs on a running asyncio loop, as in a kernel: the first picture at once,
typing redrawn after the pause, a dragged slider followed, the last input always drawn."""

from __future__ import annotations

import asyncio
import time

import ipywidgets as widgets
from widget_tree import find, labelled

from workshop_lib import i18n
from workshop_lib.canvas import CANVASES
from workshop_lib.canvas.base import REDRAW_SECONDS
from workshop_lib.canvas.whatif import WhatIf
from workshop_lib.plan import BrandPlan


def settle() -> float:
    """Seconds to wait for a pending redraw (and the drawing) on a loaded machine."""
    return 10 * REDRAW_SECONDS


def test_typing_redraws_once_after_the_pause_and_ends_on_the_last_text(plan, open_canvas):
    async def type_a_name():
        canvas = open_canvas("persona")
        name = labelled(canvas.widget, i18n.t("canvas.field.persona_name"))
        name.value = "李"
        canvas.flush()
        runs = canvas.redraws.runs
        for typed in ("李主", "李主任", "李主任医", "李主任医师"):
            name.value = typed
            assert canvas.redraws.pending  # drawn once the typist pauses, not in the callback
            await asyncio.sleep(REDRAW_SECONDS / 4)
        await asyncio.sleep(settle())
        return canvas, canvas.redraws.runs - runs

    canvas, redraws = asyncio.run(type_a_name())
    assert 1 <= redraws <= 2  # one, unless the machine stalled the typist for a pause
    assert plan.persona.name == "李主任医师"
    again = CANVASES["persona"](plan)  # no loop here: drawn at once from the same plan
    assert canvas.image.value == again.image.value
    canvas.flush()
    assert BrandPlan.load(plan.path).persona.name == "李主任医师"


def test_the_first_picture_is_drawn_when_the_canvas_is_built_inside_a_loop(plan):
    async def build():
        return CANVASES["market_scope"](plan)

    assert bytes(asyncio.run(build()).image.value).startswith(b"\x89PNG")


def test_flush_draws_a_pending_redraw_and_saves(plan, open_canvas):
    async def type_then_flush():
        canvas = open_canvas("persona")
        labelled(canvas.widget, i18n.t("canvas.field.persona_name")).value = "王医生"
        assert canvas.redraws.pending and canvas.image.value == b""
        canvas.flush()
        assert not canvas.redraws.pending and not canvas.saver.pending
        return canvas

    canvas = asyncio.run(type_then_flush())
    assert bytes(canvas.image.value).startswith(b"\x89PNG")
    assert BrandPlan.load(plan.path).persona.name == "王医生"


def test_outside_a_loop_a_change_redraws_at_once(plan, open_canvas):
    canvas = open_canvas("market_scope")
    before, runs = canvas.image.value, canvas.redraws.runs
    find(canvas.widget, widgets.Text)[-1].value = "12,345"
    assert canvas.redraws.runs == runs + 1 and not canvas.redraws.pending
    assert canvas.image.value != before


def test_a_dragged_weight_slider_is_followed_and_ends_on_the_last_value(plan, open_canvas):
    async def drag():
        canvas = open_canvas("attractiveness")
        slider = find(canvas.widget, widgets.FloatSlider)[0]
        runs, start = canvas.redraws.runs, time.monotonic()
        for value in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5) * 2:
            slider.value = value
            await asyncio.sleep(0.03)
        dragged = time.monotonic() - start
        await asyncio.sleep(settle())
        return canvas, canvas.redraws.runs - runs, dragged

    canvas, redraws, dragged = asyncio.run(drag())
    assert redraws >= min(20, 4 * dragged)
    assert plan.attractiveness.criteria[0].weight == 0.5
    assert canvas.message.value  # the last picture: weights that do not add up, said in words


def test_a_what_if_follows_the_drag_and_its_curve_ends_on_the_last_value():
    async def drag():
        whatif = WhatIf("clv", lang="zh")
        slider = whatif.sliders["retention"]
        runs, start = whatif.redraws.runs, time.monotonic()
        for step in range(30):  # a value every 20 ms
            slider.value = round(0.80 + step * 0.006, 3)
            await asyncio.sleep(0.02)
        dragged = time.monotonic() - start
        assert "¥" in whatif.result.value  # the value follows at once
        await asyncio.sleep(settle())
        return whatif, whatif.redraws.runs - runs, dragged

    whatif, redraws, dragged = asyncio.run(drag())
    assert redraws >= 4 * dragged
    last = WhatIf("clv", lang="zh")  # no loop here: drawn at once
    last.sliders["retention"].value = whatif.sliders["retention"].value
    assert whatif.image.value == last.image.value
