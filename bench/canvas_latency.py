"""Canvas latency: how soon the picture shows the last input, and what a burst of typing costs.

Real canvases on the sample brand's plan run on a real asyncio loop, as in a kernel, and their
widgets are set the way a browser sets them. For every canvas with a picture, bursts of 20
keystrokes 80 ms apart are typed into its first filled text field (3.1 has none: its sliders are
dragged below); printed per canvas:

- the time from the last keystroke of a burst until the picture shows it (p50, p95);
- the redraws a burst costs;
- the baseline, measured in the same run: drawing the same diagram and one plain ``savefig`` of
  it to PNG, in wall-clock and in CPU seconds (on a busy machine the CPU time is what the same
  work takes on an idle one), and the latency's ratio to it (the rest is the pause that tells
  typing has stopped).

Then a slider is dragged (a value every 20 ms) on the 3.1 weights and on each what-if, and the
pictures a second of drag gets are printed. Goals: latency p95 <= 300 ms after input settles,
<= 2 redraws per burst of 20 keystrokes, >= 4 pictures a second while dragging; each is printed
as met or not met.

Run: ``python bench/canvas_latency.py [--bursts N] [--drag-seconds S]``
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from workshop_lib import style
from workshop_lib.canvas import CANVASES
from workshop_lib.canvas.base import PNG_DPI, REDRAW_SECONDS
from workshop_lib.canvas.schedule import Deferred
from workshop_lib.canvas.whatif import WHATIFS, WhatIf
from workshop_lib.worked_example import worked_plan

KEYS = 20
KEY_GAP = 0.08
DRAG_GAP = 0.02
POLL = 0.005

GOAL_P95 = 0.300
GOAL_REDRAWS = 2
GOAL_FPS = 4.0


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _editor(canvas) -> Callable[[int], None] | None:
    """A function making the i-th keystroke in the first filled text field, if there is one."""
    for widget in _walk(canvas.widget):
        if isinstance(widget, widgets.Text | widgets.Textarea) and widget.value:
            original = widget.value
            return lambda i: setattr(widget, "value", f"{original} {i}")
    return None


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def _drawn_after(redraws: Deferred, runs: int) -> float:
    """Wait until ``redraws`` has run since it had run ``runs`` times and nothing is pending;
    return the moment seen (a poll cannot run while a picture is being drawn)."""
    while redraws.pending or redraws.runs == runs:
        await asyncio.sleep(POLL)
    return time.perf_counter()


async def burst(canvas, edit: Callable[[int], None], start: int) -> tuple[float, int]:
    """Type a burst; return the seconds from its last keystroke to the picture, and redraws."""
    runs = canvas.redraws.runs
    for key in range(start, start + KEYS):
        edit(key)
        last, at_last = time.perf_counter(), canvas.redraws.runs
        await asyncio.sleep(KEY_GAP)
    shown = await _drawn_after(canvas.redraws, at_last)
    await asyncio.sleep(2 * REDRAW_SECONDS)  # a quiet spell before the next burst
    return shown - last, canvas.redraws.runs - runs


def baseline(canvas) -> tuple[float, float]:
    """Wall-clock and CPU seconds to draw the canvas's diagram and ``savefig`` it to PNG."""
    start, cpu = time.perf_counter(), time.process_time()
    ax = canvas.draw()
    with style.workshop_style():
        ax.figure.savefig(io.BytesIO(), format="png", dpi=PNG_DPI)
    plt.close(ax.figure)
    return time.perf_counter() - start, time.process_time() - cpu


async def drag(redraws: Deferred, slider: widgets.FloatSlider, seconds: float) -> float:
    """Drag ``slider`` back and forth for ``seconds``; return the pictures per second of drag.

    The last value must be drawn too: the drag's last picture is waited for.
    """
    values = [slider.min + (slider.max - slider.min) * k / 20 for k in range(21)]
    runs, start, k = redraws.runs, time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        slider.value = values[k % len(values)]
        k += 1
        at_last = redraws.runs
        await asyncio.sleep(DRAG_GAP)
    dragged = time.perf_counter() - start
    drawn_during = redraws.runs - runs
    await _drawn_after(redraws, at_last)
    return drawn_during / dragged


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


async def main(bursts: int, drag_seconds: float) -> None:
    latencies, per_burst = [], []
    print(
        f"typing: {KEYS} keystrokes {KEY_GAP * 1000:.0f} ms apart, {bursts} bursts per canvas; "
        f"pause before a redraw {REDRAW_SECONDS * 1000:.0f} ms"
    )
    print(
        f"{'canvas':<18}{'p50':>7}{'p95':>7}{'redraws':>9}{'savefig':>9}{'cpu':>6}"
        f"{'p50/savefig':>13}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for exercise, cls in CANVASES.items():
            if exercise == "communication":  # an HTML preview, no picture
                continue
            plan = worked_plan("zh")
            plan.save(Path(folder) / f"{exercise}.json")
            canvas = cls(plan)
            edit = _editor(canvas)
            if edit is None:
                continue
            mine, costs = [], []
            for b in range(bursts):
                latency, redraws = await burst(canvas, edit, b * KEYS)
                mine.append(latency)
                costs.append(redraws)
            timings = [baseline(canvas) for _ in range(3)]
            base = statistics.median(wall for wall, _ in timings)
            cpu = statistics.median(cpu for _, cpu in timings)
            canvas.flush()
            latencies += mine
            per_burst += costs
            p50 = statistics.median(mine)
            print(
                f"{exercise:<18}{p50 * 1000:6.0f} {_percentile(mine, 0.95) * 1000:6.0f} "
                f"{max(costs):8d} {base * 1000:8.0f} {cpu * 1000:5.0f} {p50 / base:11.2f}x"
            )

        print(f"\ndragging: a value every {DRAG_GAP * 1000:.0f} ms for {drag_seconds:.1f} s")
        rates = {}
        plan = worked_plan("zh")
        plan.save(Path(folder) / "weights.json")
        weights = CANVASES["attractiveness"](plan)
        slider = next(w for w in _walk(weights.widget) if isinstance(w, widgets.FloatSlider))
        rates["attractiveness weight"] = await drag(weights.redraws, slider, drag_seconds)
        weights.flush()
        for name in WHATIFS:
            whatif = WhatIf(name, lang="zh")
            slider = next(iter(whatif.sliders.values()))
            rates[f"what-if {name}"] = await drag(whatif.redraws, slider, drag_seconds)
        for name, rate in rates.items():
            print(f"{name:<26}{rate:5.1f} pictures/s")

    p50, p95 = statistics.median(latencies), _percentile(latencies, 0.95)
    slowest = min(rates.values())
    print(
        f"\nlast keystroke to picture: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
        f"(goal: p95 <= {GOAL_P95 * 1000:.0f} ms): {verdict(p95 <= GOAL_P95)}"
    )
    print(
        f"redraws per burst of {KEYS} keystrokes: at most {max(per_burst)} "
        f"(goal: <= {GOAL_REDRAWS}): {verdict(max(per_burst) <= GOAL_REDRAWS)}"
    )
    print(
        f"pictures while dragging: at least {slowest:.1f} a second "
        f"(goal: >= {GOAL_FPS:.0f}): {verdict(slowest >= GOAL_FPS)}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=3)
    parser.add_argument("--drag-seconds", type=float, default=3.0)
    options = parser.parse_args()
    asyncio.run(main(options.bursts, options.drag_seconds))
