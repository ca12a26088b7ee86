"""Checks shared by the text-diagram tests: texts inside their boxes, no overlaps, no tofu."""

from __future__ import annotations

import copy
import warnings

from matplotlib.axes import Axes

from workshop_lib.diagrams import examples

TOLERANCE = 1.0
"""Pixels a text may stick out of its box (anti-aliasing of the glyph edges)."""


def box_of(ax: Axes, gid: str):
    """The patch holding the text ``gid``: ``a.b.c.box``, else ``a.b.box``, ... ; or None."""
    patches = {p.get_gid(): p for p in ax.patches if p.get_gid()}
    parts = gid.split(".")
    for end in range(len(parts) - 1, 0, -1):
        found = patches.get(".".join(parts[:end]) + ".box")
        if found is not None:
            return found
    return None


def layout_problems(ax: Axes) -> list[str]:
    """Every text outside its box or the figure, and every pair of overlapping texts."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    problems = []
    drawn = []
    for text in ax.texts:
        if not text.get_text().strip():
            continue
        gid = text.get_gid() or "?"
        extent = text.get_window_extent(renderer)
        if (
            extent.x0 < page.x0 - TOLERANCE
            or extent.x1 > page.x1 + TOLERANCE
            or extent.y0 < page.y0 - TOLERANCE
            or extent.y1 > page.y1 + TOLERANCE
        ):
            problems.append(f"{gid} leaves the figure")
        box = box_of(ax, gid)
        if box is None and not gid.endswith("title.text"):
            problems.append(f"{gid} has no box")
        if box is not None:
            outer = box.get_window_extent(renderer)
            if (
                extent.x0 < outer.x0 - TOLERANCE
                or extent.x1 > outer.x1 + TOLERANCE
                or extent.y0 < outer.y0 - TOLERANCE
                or extent.y1 > outer.y1 + TOLERANCE
            ):
                problems.append(f"{gid} sticks out of {box.get_gid()}: {extent} vs {outer}")
        drawn.append((gid, extent))
    for i, (gid, one) in enumerate(drawn):
        for other_gid, other in drawn[i + 1 :]:
            width = min(one.x1, other.x1) - max(one.x0, other.x0)
            height = min(one.y1, other.y1) - max(one.y0, other.y0)
            if width > TOLERANCE and height > TOLERANCE:
                problems.append(f"{gid} overlaps {other_gid}")
    return problems


def glyph_warnings(draw) -> list[str]:
    """Warnings about glyphs missing from the font while ``draw()`` draws and saves a figure."""
    import io

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = draw()
        ax.figure.savefig(io.BytesIO(), format="png")
    return [
        str(w.message)
        for w in caught
        if "missing from" in str(w.message) or "Glyph" in str(w.message)
    ]


KEEP = {"kind", "channel", "links"}
"""Fields that are codes, not prose: left as they are."""


def _longer(value, times: int, double: bool):
    if isinstance(value, str):
        return " ".join([value] * times) if value.isascii() else value * times
    if isinstance(value, list):
        longer = [_longer(v, times, double) for v in value]
        return longer * 2 if double and value and isinstance(value[0], str) else longer
    if isinstance(value, dict):
        return {k: v if k in KEEP else _longer(v, times, double) for k, v in value.items()}
    return value


def long_example(name: str, lang: str, times: int = 3):
    """The worked example with every text repeated ``times`` times and every list of phrases
    doubled (the ladder keeps its lists: it takes at most five phrases a rung)."""
    data = copy.deepcopy(examples.load(name, lang))
    return _longer(data, times, double=name != "benefit_ladder")
