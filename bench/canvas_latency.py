"""Canvas latency: from a widget value change to the updated diagram image.

For every canvas, 50 value changes are made the way a browser makes them (setting a widget's
value), and the time until ``canvas.image`` holds the new PNG is measured. The baseline, measured
in the same run, is drawing the same diagram alone and rendering it to PNG: the ratio is what
the canvas adds (binding, validation, autosave scheduling). Goals: median <= 100 ms,
p95 <= 250 ms.

Run: ``python bench/canvas_latency.py [--changes N]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from workshop_lib.canvas import CANVASES
from workshop_lib.canvas.base import figure_png
from workshop_lib.worked_example import worked_plan


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _editor(canvas):
    """A function making the i-th edit: typing in the first filled text field, else picking
    another score in the first 1–5 drop-down."""
    for widget in _walk(canvas.widget):
        if isinstance(widget, widgets.Text | widgets.Textarea) and widget.value:
            original = widget.value
            return lambda i: setattr(widget, "value", f"{original} {i}")
    for widget in _walk(canvas.widget):
        if isinstance(widget, widgets.Dropdown) and 5 in [v for _, v in widget.options]:
            return lambda i: setattr(widget, "value", 4 + i % 2)
    raise LookupError(canvas.exercise)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(exercise: str, changes: int, folder: Path) -> tuple[list[float], list[float]]:
    """Latencies of ``changes`` edits, and of drawing the same diagram alone, in seconds."""
    plan = worked_plan("zh")
    plan.save(folder / f"{exercise}.json")
    canvas = CANVASES[exercise](plan)
    edit = _editor(canvas)
    edits, alone = [], []
    for i in range(changes):
        start = time.perf_counter()
        edit(i)
        edits.append(time.perf_counter() - start)
        start = time.perf_counter()
        ax = canvas.draw()
        figure_png(ax.figure)
        plt.close(ax.figure)
        alone.append(time.perf_counter() - start)
    canvas.flush()
    return edits, alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50)
    changes = parser.parse_args().changes
    print(f"{'canvas':<18}{'median':>9}{'p95':>9}{'alone':>9}{'ratio':>8}")
    medians = []
    with tempfile.TemporaryDirectory() as folder:
        for exercise in CANVASES:
            if exercise == "communication":  # an HTML preview, no diagram
                continue
            edits, alone = measure(exercise, changes, Path(folder))
            median, p95 = statistics.median(edits), _percentile(edits, 0.95)
            base = statistics.median(alone)
            medians.append(median)
            print(
                f"{exercise:<18}{median * 1000:8.0f} {p95 * 1000:8.0f} {base * 1000:8.0f}"
                f" {median / base:7.2f}x"
            )
    print(
        f"median of medians {statistics.median(medians) * 1000:.0f} ms "
        "(goal: median <= 100 ms, p95 <= 250 ms)"
    )


if __name__ == "__main__":
    main()
