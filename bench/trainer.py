"""How long the trainer's tools take on a class of 30 groups, against what they cannot avoid.

A class of 30 plans is made from the worked example (:func:`workshop_lib.classroom.demo_class`,
varied text and numbers, every third group behind) and saved to a temporary folder. Timed, each
as the best of a few runs, with its CPU time (a busy machine inflates wall time, not CPU time):

- **progress** (goal <= 1 s): read the folder, compute the table, format it for the terminal;
- **gallery** (goal <= 10 s): read the folder and write the side-by-side page;
- **report HTML** (goal <= 3 s): one group's report with its nine diagrams;
- **report PDF** (goal <= 10 s): the same printed by headless Chromium (skipped without one;
  its CPU time counts this process only, not Chromium's).

Baselines measured in the same run: reading and validating the 30 plans (progress, gallery);
drawing the nine diagrams and saving them with :func:`workshop_lib.diagrams.save_png` (report
HTML); Chromium printing an empty page (report PDF). Run with ``python bench/trainer.py``;
it takes about a minute.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from workshop_lib import diagrams, doctor, pages, plan_figures
from workshop_lib.classroom import demo_class, load_class
from workshop_lib.debrief import gallery_html
from workshop_lib.exercises import EXERCISES
from workshop_lib.plan import file_name
from workshop_lib.progress import progress, render_text
from workshop_lib.report import report_html

GROUPS = 30
REPEATS = 2


def _best(func) -> tuple[float, float]:
    """Best wall and CPU seconds of a few calls of ``func``."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def _line(name: str, timing: tuple[float, float], goal: float, base: tuple[float, float]) -> None:
    wall, cpu = timing
    verdict = "ok" if wall <= goal else "OVER"
    print(
        f"{name:<12} {wall:7.2f} s (cpu {cpu:6.2f} s)  goal <= {goal:>4.0f} s  {verdict:<4}  "
        f"{wall / base[0]:6.1f}x baseline ({base[0]:.2f} s)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "groups"
        plans = demo_class(GROUPS)
        for plan in plans:
            plan.save(folder / file_name(plan.group))
        plan = plans[0]

        def read():
            return load_class(folder)

        def show_progress():
            render_text(progress(load_class(folder).plans))

        def gallery():
            found = load_class(folder)
            pages.write_text(Path(tmp) / "gallery.html", gallery_html(found.plans))

        def plain_diagrams():
            for exercise in (ex.id for ex in EXERCISES.values() if ex.figure):
                ax = plan_figures.draw(plan, exercise, "zh")
                diagrams.save_png(ax, Path(tmp) / f"{exercise}.png")
                plt.close(ax.figure)

        def html():
            report_html(plan)

        read_time = _best(read)
        print(f"{GROUPS} plans; baseline: reading them takes {read_time[0]:.2f} s")
        _line("progress", _best(show_progress), 1, read_time)
        _line("gallery", _best(gallery), 10, read_time)
        _line("report HTML", _best(html), 3, _best(plain_diagrams))
        if doctor.find_chromium() is None:
            print("report PDF   skipped: no Chromium")
            return
        page = report_html(plan)
        empty = _best(lambda: pages.print_pdf("<p></p>", Path(tmp) / "empty.pdf"))

        def pdf():
            pages.print_pdf(report_html(plan), Path(tmp) / "report.pdf")

        _line("report PDF", _best(pdf), 10, empty)
        sizes = len(page.encode("utf-8")) / 1e6, (Path(tmp) / "report.pdf").stat().st_size / 1e6
        print(f"report HTML is {sizes[0]:.1f} MB, PDF {sizes[1]:.1f} MB")


if __name__ == "__main__":
    main()
