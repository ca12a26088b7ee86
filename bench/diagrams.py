"""How long each course diagram takes to render to PNG, against plain matplotlib.

For each diagram of the gallery (zh, the sample scenario) the script times drawing plus
:func:`workshop_lib.diagrams.save_png` and, as the baseline, a plain matplotlib figure of the
same size holding the same number of texts (same strings, sizes and font) and patches, saved
with a plain ``savefig`` at the same resolution. It prints each ratio (goal: at most 1.5x) and
the time for all ten together (goal: at most 1.5 s) with its CPU time, which a busy machine
inflates less; times are the best of a few runs. Labels measured once are remembered between
runs (as in a participant's kernel), so the time of each diagram's very first render in the
process is printed too.
Run it with ``python bench/diagrams.py``; it takes under a minute.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from workshop_lib import diagram_gallery as gallery
from workshop_lib import diagrams, style

REPEATS = 5


def _diagram(name, payload, kws, folder):
    ax = getattr(diagrams, name)(payload, lang="zh", **kws)
    diagrams.save_png(ax, Path(folder) / f"{name}.png")
    return ax


def _plain(template) -> None:
    """A plain figure with the template's texts and patches, placed on a grid."""
    with style.workshop_style():
        fig = plt.figure(figsize=template.figure.get_size_inches())
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        texts = template.texts
        for i, text in enumerate(texts):
            ax.text(
                (i % 6) / 6,
                (i // 6) / (len(texts) / 6 + 1),
                text.get_text(),
                fontsize=text.get_fontsize(),
                weight=text.get_weight(),
            )
        for i, _ in enumerate(template.patches):
            ax.add_patch(Rectangle(((i % 10) / 10, 0.9), 0.08, 0.05))
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def _best(func, *args, clock=time.perf_counter) -> float:
    times = []
    for _ in range(REPEATS):
        start = clock()
        func(*args)
        times.append(clock() - start)
        plt.close("all")
    return min(times)


def main() -> None:
    inputs = gallery.inputs("zh")
    folder = tempfile.mkdtemp()
    print(f"{'diagram':32} {'ms':>7} {'plain ms':>9} {'ratio':>6}  texts patches")
    ratios, total, cpu, first = [], 0.0, 0.0, 0.0
    for stem, (name, payload, kws) in inputs.items():
        start = time.perf_counter()
        template = _diagram(name, payload, kws, folder)
        if stem in gallery.NAMES:
            first += time.perf_counter() - start
        counts = (len(template.texts), len(template.patches))
        ours = _best(_diagram, name, payload, kws, folder)
        plain = _best(_plain, template)
        plt.close("all")
        ratios.append(ours / plain)
        if stem in gallery.NAMES:
            total += ours
            cpu += _best(_diagram, name, payload, kws, folder, clock=time.process_time)
        print(
            f"{stem:32} {ours * 1000:7.0f} {plain * 1000:9.0f} {ours / plain:6.2f}"
            f"  {counts[0]:5} {counts[1]:7}"
        )
    print(f"median ratio {statistics.median(ratios):.2f} (goal <= 1.5), worst {max(ratios):.2f}")
    print(f"all ten diagrams: {total:.2f} s (goal <= 1.5 s); CPU time {cpu:.2f} s")
    print(f"all ten, each drawn for the first time: {first:.2f} s")


if __name__ == "__main__":
    main()
