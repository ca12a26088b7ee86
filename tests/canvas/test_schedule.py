"""The scheduler on a real asyncio loop: bursts coalesce, drags keep a pace, the last input wins.

Each test counts runs and reads what the last run saw; none asserts how long anything took.
"""

from __future__ import annotations

import asyncio
import time

from workshop_lib.canvas.schedule import Deferred

WAIT = 0.2
"""The scheduler's wait in these tests, as the canvases' ``REDRAW_SECONDS``."""


class Picture:
    """An action that draws the current input, as a canvas redraw reads its plan."""

    def __init__(self, draw_seconds: float = 0.0):
        self.input = 0
        self.drawn: list[int] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.draw_seconds = draw_seconds

    def __call__(self) -> None:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        time.sleep(self.draw_seconds)  # drawing blocks the loop, as matplotlib does
        self.drawn.append(self.input)
        self.in_flight -= 1


def test_a_burst_of_typing_costs_at_most_two_pictures_and_ends_on_the_last_input():
    picture = Picture(draw_seconds=0.03)
    later = Deferred(picture, wait=WAIT)

    async def type_burst():
        for key in range(1, 21):  # 20 keystrokes 80 ms apart
            picture.input = key
            later.debounce()
            await asyncio.sleep(0.08)
        await asyncio.sleep(3 * WAIT)

    asyncio.run(type_burst())
    assert 1 <= len(picture.drawn) <= 2
    assert picture.drawn[-1] == 20
    assert not later.pending


def test_a_drag_is_followed_at_four_pictures_a_second_and_ends_on_the_last_value():
    picture = Picture(draw_seconds=0.05)
    later = Deferred(picture, wait=WAIT)

    async def drag() -> float:
        start = time.monotonic()
        for value in range(1, 101):  # a slider sends a value every 20 ms while dragged
            picture.input = value
            later.throttle()
            await asyncio.sleep(0.02)
        dragged = time.monotonic() - start
        await asyncio.sleep(3 * WAIT)
        return dragged

    dragged = asyncio.run(drag())
    assert len(picture.drawn) >= 4 * dragged
    assert picture.drawn[-1] == 100
    assert picture.drawn == sorted(picture.drawn)
    assert picture.most_in_flight == 1


def test_a_request_made_by_the_action_runs_after_it_never_inside_it():
    picture = Picture()

    def redraw_and_touch_an_input():
        picture()
        if len(picture.drawn) == 1:  # the drawing changes a drop-down, which asks again
            picture.input = 2
            later.throttle()

    later = Deferred(redraw_and_touch_an_input, wait=WAIT)
    later.throttle()  # no loop: at once, and the request from inside right after it
    assert picture.drawn == [0, 2]
    assert picture.most_in_flight == 1

    async def on_a_loop():
        picture.drawn.clear()
        later.throttle()
        await asyncio.sleep(3 * WAIT)

    asyncio.run(on_a_loop())
    assert picture.most_in_flight == 1


def test_without_a_loop_every_request_runs_at_once():
    picture = Picture()
    later = Deferred(picture, wait=WAIT)
    for key in (1, 2, 3):
        picture.input = key
        later.debounce()
        later.throttle()
    assert picture.drawn == [1, 1, 2, 2, 3, 3]
    assert later.runs == 6 and not later.pending


def test_flush_runs_a_pending_run_now_and_only_once():
    picture = Picture()
    later = Deferred(picture, wait=WAIT)

    async def type_then_flush():
        picture.input = 7
        later.debounce()
        assert later.pending and picture.drawn == []
        later.flush()
        assert picture.drawn == [7] and not later.pending
        later.flush()  # nothing pending: nothing drawn
        await asyncio.sleep(2 * WAIT)  # the cancelled timer does not fire

    asyncio.run(type_then_flush())
    assert picture.drawn == [7]


def test_a_change_after_a_quiet_spell_runs_as_soon_as_its_callback_returns():
    picture = Picture()
    later = Deferred(picture, wait=WAIT)

    async def one_change():
        picture.input = 1
        later.throttle()
        assert picture.drawn == []  # not inside the widget's callback
        await asyncio.sleep(0.01)
        assert picture.drawn == [1]

    asyncio.run(one_change())
