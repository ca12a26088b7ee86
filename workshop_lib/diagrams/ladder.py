"""The brand benefit ladder (品牌利益阶梯), unit 4: product attributes → functional benefits →
emotional benefits, with the links that say which attribute delivers which benefit.

Examples
--------
>>> from workshop_lib.diagrams import examples
>>> ax = benefit_ladder(examples.load("benefit_ladder", "en"), lang="en")
>>> [a.get_gid() for a in artists(ax, "ladder.rung.") if a.get_gid().endswith(".box")]
['ladder.rung.0.box', 'ladder.rung.1.box', 'ladder.rung.2.box']
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

import numbers
from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrow

from ..i18n import t
from ..layout import ladder
from ..layout.grid import Box
from ..style import PALETTE, SIZES
from . import _frame as frame
from ._common import artists, diagram, invalid, text
from ._fields import get, items, mapping

SIZE = (11.0, 6.4)
LEVELS = (
    ("attributes", PALETTE.muted),
    ("functional", PALETTE.primary),
    ("emotional", PALETTE.accent),
)
"""The rungs from the bottom up, with their colours."""

_MAX_ITEMS = 5
_RUNG_GAP = 34.0
_TAB = 104.0

__all__ = ["artists", "benefit_ladder"]


def _links(raw: Any, counts: list[int]) -> dict[int, list[tuple[int, int]]]:
    """Validated links, keyed by the upper level: ``{1: [(attribute, functional), ...], ...}``."""
    record = mapping(raw or {}, "data.links")
    links: dict[int, list[tuple[int, int]]] = {}
    for upper, (key, _) in enumerate(LEVELS[1:], start=1):
        pairs = []
        for k, pair in enumerate(record.get(key) or []):
            field = f"data.links.{key}[{k}]"
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise invalid(field, pair, t("diagram_text.problem.pair"))
            ends = []
            for end, (index, count) in enumerate(
                zip(pair, counts[upper - 1 : upper + 1], strict=True)
            ):
                ok = isinstance(index, numbers.Integral) and not isinstance(index, bool)
                if not ok or not 0 <= index < count:
                    raise invalid(
                        f"{field}[{end}]", index, t("diagram_text.problem.index", high=count - 1)
                    )
                ends.append(int(index))
            pairs.append((ends[0], ends[1]))
        links[upper] = pairs
    return links


def _read(data: Any) -> dict[str, Any]:
    record = mapping(data)
    levels = []
    for key, _ in LEVELS:
        phrases = items(get(record, key, "data"), f"data.{key}")
        if len(phrases) > _MAX_ITEMS:
            raise invalid(
                f"data.{key}", len(phrases), t("diagram_text.problem.too_many", most=_MAX_ITEMS)
            )
        levels.append(phrases)
    return {
        "brand": text(record.get("brand"), "data.brand", required=False),
        "levels": levels,
        "links": _links(record.get("links"), [len(level) for level in levels]),
    }


@diagram(size=SIZE)
def benefit_ladder(data: Any, *, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Draw the brand benefit ladder: three rungs of phrases and the links between them.

    Parameters
    ----------
    data : dict or dataclass
        ``attributes``, ``functional`` and ``emotional``: lists of up to five phrases each
        (or text with one phrase per line), from the bottom rung up. Optional ``brand`` (shown
        in the title) and ``links``: ``{"functional": [[attribute, benefit], ...],
        "emotional": [[functional, emotional], ...]}`` with 0-based positions.
    ax : matplotlib Axes, optional
        Drawn into; by default a new figure of :data:`SIZE` inches.
    lang : {"zh", "en"}, optional
        Language of the rung names and title; default the active language.

    Returns
    -------
    matplotlib.axes.Axes
        Rungs are ``ladder.rung.<level>.box`` (0 = attributes), items
        ``ladder.item.<level>.<i>.box`` / ``.text``, links ``ladder.link.<level>.<k>``.

    Raises
    ------
    ValueError
        If a level is missing or empty, has more than five phrases, or a link points nowhere.
    """
    spec = _read(data)
    ax = frame.new_axes(ax, SIZE)
    page = frame.page(ax).inset(10)
    title = t("diagram_text.ladder.title")
    if spec["brand"]:
        title = t("diagram_text.ladder.title_brand", brand=spec["brand"])
    head, page = page.take(24, "top", gap=10)
    frame.label(
        ax,
        head,
        title,
        gid="ladder.title.text",
        fontsize=SIZES["title"],
        weight="bold",
        va="center",
    )
    rail, page = page.take(22, "left", gap=8)
    boxes: list[list[Box]] = []
    for level, ((key, colour), rung) in enumerate(
        zip(LEVELS, ladder.rungs(page, len(LEVELS), gap=_RUNG_GAP), strict=True)
    ):
        frame.panel(
            ax, rung, gid=f"ladder.rung.{level}.box", face=frame.tint(colour, 0.12), radius=6
        )
        tab, shelf = rung.take(_TAB, "left", gap=0)
        frame.panel(ax, tab, gid=f"ladder.rung.{level}.tab", face=colour, radius=6, zorder=2)
        frame.label(
            ax,
            tab.inset(8, 6),
            t(f"diagram_text.ladder.{key}"),
            gid=f"ladder.rung.{level}.label",
            fontsize=SIZES["label"],
            weight="bold",
            color=PALETTE.paper,
            ha="center",
            va="center",
        )
        slots = ladder.slots(shelf.inset(12, 10), len(spec["levels"][level]), gap=12, max_width=220)
        tall = max(
            frame.needed_height(phrase, slots[0].width - 16, fontsize=SIZES["base"]) + 24
            for phrase in spec["levels"][level]
        )
        slots = [slot.inset(0, max((slot.height - max(tall, 52.0)) / 2, 0)) for slot in slots]
        boxes.append(slots)
        for i, (slot, phrase) in enumerate(zip(slots, spec["levels"][level], strict=True)):
            frame.panel(
                ax,
                slot,
                gid=f"ladder.item.{level}.{i}.box",
                face=PALETTE.paper,
                edge=colour,
                linewidth=1.2,
                zorder=3,
            )
            frame.label(
                ax,
                slot.inset(8, 6),
                phrase,
                gid=f"ladder.item.{level}.{i}.text",
                fontsize=SIZES["base"],
                weight="bold" if level == 2 else "normal",
                ha="center",
                va="center",
                zorder=4,
            )
    for upper, pairs in spec["links"].items():
        for k, (low, high) in enumerate(pairs):
            (x0, y0), (x1, y1) = ladder.link(boxes[upper - 1][low], boxes[upper][high])
            ax.plot(
                [x0, x1],
                [y0, y1],
                color=LEVELS[upper][1],
                linewidth=1.3,
                alpha=0.8,
                solid_capstyle="round",
                gid=f"ladder.link.{upper}.{k}",
                zorder=2.5,
            )
    x = rail.x + rail.width / 2
    frame.add(
        ax,
        FancyArrow(
            x,
            rail.y,
            0,
            rail.height,
            width=4,
            head_width=14,
            head_length=12,
            length_includes_head=True,
            color=frame.tint(PALETTE.muted, 0.45),
            gid="ladder.rail",
            zorder=1,
        ),
    )
    return ax
