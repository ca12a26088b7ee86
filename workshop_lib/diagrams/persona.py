"""The customer portrait (客户肖像): one card per persona, unit 3.

Examples
--------
>>> from workshop_lib.diagrams import examples
>>> ax = persona_card(examples.load("persona_card", "en"), lang="en")
>>> [a.get_gid() for a in artists(ax, "persona.") if a.get_gid().endswith(".box")][:2]
['persona.header.box', 'persona.segment.box']
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import Circle

from ..i18n import t
from ..layout.grid import Box, split
from ..style import PALETTE, SIZES
from . import _frame as frame
from ._common import artists, diagram, text
from ._fields import get, items, mapping

SIZE = (11.0, 5.5)
SECTIONS = (("needs", PALETTE.primary), ("drivers", PALETTE.good), ("barriers", PALETTE.bad))
"""The three lists of the card, left to right, with their colours."""

__all__ = ["artists", "persona_card"]


def _initials(name: str) -> str:
    """The avatar's letters: the first Chinese character, or up to two Latin initials."""
    if name and not name[0].isascii():
        return name[0]
    words = [w for w in name.replace(".", " ").split() if w[:1].isupper()]
    titles = {"Dr", "Prof", "Mr", "Ms", "Mrs"}
    words = [w for w in words if w not in titles] or words
    return "".join(w[0] for w in words[:2]) or "?"


def _read(data: Any) -> dict[str, Any]:
    record = mapping(data)
    facts = []
    for i, fact in enumerate(record.get("facts") or []):
        fact = mapping(fact, f"data.facts[{i}]")
        facts.append(
            (
                text(get(fact, "label", f"data.facts[{i}]"), f"data.facts[{i}].label"),
                text(get(fact, "value", f"data.facts[{i}]"), f"data.facts[{i}].value"),
            )
        )
    return {
        "name": text(get(record, "name", "data"), "data.name"),
        "role": text(record.get("role"), "data.role", required=False),
        "segment": text(record.get("segment"), "data.segment", required=False),
        "portrait": text(record.get("portrait"), "data.portrait", required=False),
        "quote": text(record.get("quote"), "data.quote", required=False),
        "facts": facts,
        **{key: items(record.get(key), f"data.{key}", required=False) for key, _ in SECTIONS},
    }


def _header(ax: Axes, box: Box, card: dict[str, Any]) -> None:
    frame.panel(ax, box, gid="persona.header.box", face=PALETTE.primary, radius=6)
    inner = box.inset(14, 8)
    radius = min(inner.height / 2, 24)
    cx, cy = inner.x + radius, inner.y + inner.height / 2
    frame.add(
        ax,
        Circle(
            (cx, cy),
            radius,
            facecolor=PALETTE.paper,
            edgecolor="none",
            gid="persona.header.avatar",
            zorder=2,
        ),
    )
    initials = _initials(card["name"])
    ax.text(
        cx,
        cy,
        initials,
        ha="center",
        va="center",
        fontsize=radius * (0.9 if len(initials) == 1 else 0.75),
        fontweight="bold",
        color=PALETTE.primary,
        gid="persona.header.initials",
        zorder=3,
    )
    _, rest = inner.take(2 * radius, "left", gap=12)
    tag = None
    if card["segment"]:
        tag, rest = rest.take(min(rest.width * 0.32, 200), "right", gap=12)
    name, role = rest.take(rest.height * 0.55, "top")
    frame.label(
        ax,
        name,
        card["name"],
        gid="persona.header.name",
        fontsize=17,
        min_fontsize=11,
        weight="bold",
        color=PALETTE.paper,
        va="bottom",
    )
    if card["role"]:
        frame.label(
            ax,
            role.take(role.height - 2, "bottom")[0],
            card["role"],
            gid="persona.header.role",
            fontsize=SIZES["base"],
            color=PALETTE.paper,
        )
    if tag is not None:
        pill = Box(tag.x, tag.y + tag.height / 2 - 13, tag.width, 26)
        frame.panel(ax, pill, gid="persona.segment.box", face=PALETTE.accent, radius=13, zorder=2)
        frame.label(
            ax,
            pill.inset(10, 4),
            card["segment"],
            gid="persona.segment.text",
            fontsize=SIZES["base"],
            weight="bold",
            color=PALETTE.paper,
            ha="center",
            va="center",
        )


def _portrait(ax: Axes, box: Box, card: dict[str, Any]) -> None:
    frame.panel(ax, box, gid="persona.portrait.box", face=frame.tint(PALETTE.muted, 0.08), radius=6)
    inner = box.inset(frame.PAD * 2, frame.PAD * 2)
    title, body = inner.take(18, "top", gap=8)
    frame.label(
        ax,
        title,
        t("diagram_text.persona.portrait"),
        gid="persona.portrait.title",
        fontsize=SIZES["label"],
        weight="bold",
        color=PALETTE.primary,
    )
    if card["facts"]:
        row = 32.0
        facts, body = body.take(row * len(card["facts"]), "bottom", gap=12)
        rows = split(facts, [1] * len(card["facts"]), axis="y")
        for i, (fact_box, (name, value)) in enumerate(zip(rows, card["facts"], strict=True)):
            ax.plot(
                [fact_box.x, fact_box.right],
                [fact_box.top, fact_box.top],
                color=PALETTE.grid,
                linewidth=0.8,
                gid=f"persona.portrait.facts.rule.{i}",
            )
            left, right = fact_box.inset(0, 3).take(fact_box.width * 0.55, "left", gap=8)
            frame.label(
                ax,
                left,
                name,
                gid=f"persona.portrait.facts.label.{i}",
                fontsize=SIZES["small"],
                color=PALETTE.muted,
                va="center",
            )
            frame.label(
                ax,
                right,
                value,
                gid=f"persona.portrait.facts.value.{i}",
                fontsize=SIZES["base"],
                weight="bold",
                ha="right",
                va="center",
            )
    if card["portrait"]:
        frame.label(
            ax, body, card["portrait"], gid="persona.portrait.text", fontsize=13.5, balanced=False
        )


def _quote(ax: Axes, box: Box, quote: str) -> None:
    frame.panel(ax, box, gid="persona.quote.box", face=frame.tint(PALETTE.accent, 0.1), radius=6)
    mark, words = box.inset(frame.PAD * 2, frame.PAD).take(30, "left", gap=6)
    # A Latin face: the CJK font draws "“" at the right of a full-width cell.
    ax.text(
        mark.x,
        mark.top + 4,
        "“",
        fontsize=40,
        fontweight="bold",
        color=PALETTE.accent,
        fontfamily="DejaVu Sans",
        ha="left",
        va="top",
        gid="persona.quote.mark",
        zorder=3,
    )
    frame.label(
        ax,
        words,
        quote,
        gid="persona.quote.text",
        fontsize=SIZES["title"],
        min_fontsize=9,
        weight="bold",
        va="center",
    )


def _lists(ax: Axes, box: Box, card: dict[str, Any]) -> None:
    columns = split(box, [1, 1, 1], gap=10)
    size = frame.common_size(
        [card[key] for key, _ in SECTIONS],
        [c.take(30, "top")[1].inset(frame.PAD * 2, frame.PAD * 2) for c in columns],
        fontsize=SIZES["base"],
    )
    for (key, color), column in zip(SECTIONS, columns, strict=True):
        frame.panel(ax, column, gid=f"persona.{key}.box", face=frame.tint(color, 0.07), radius=6)
        head, body = column.take(30, "top")
        frame.panel(ax, head, gid=f"persona.{key}.head", face=color, radius=6, zorder=2)
        frame.panel(
            ax,
            head.take(6, "bottom")[0],
            gid=f"persona.{key}.head_foot",
            face=color,
            radius=0,
            zorder=2,
        )
        frame.label(
            ax,
            head.inset(frame.PAD * 2, 4),
            t(f"diagram_text.persona.{key}"),
            gid=f"persona.{key}.title",
            fontsize=SIZES["label"],
            weight="bold",
            color=PALETTE.paper,
            va="center",
        )
        if card[key]:
            frame.bullets(
                ax,
                body.inset(frame.PAD * 2, frame.PAD * 2),
                card[key],
                gid=f"persona.{key}.items",
                fontsize=size,
                spaced=True,
            )


@diagram(size=SIZE)
def persona_card(data: Any, *, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Draw a customer portrait: who they are, their needs, drivers, barriers and a quote.

    Parameters
    ----------
    data : dict, dataclass or Series
        ``name`` (required); optional ``role``, ``segment``, ``portrait`` (a paragraph),
        ``quote``, ``facts`` (a list of ``{"label", "value"}``), and the lists ``needs``,
        ``drivers`` and ``barriers`` (lists of phrases, or text with one phrase per line).
    ax : matplotlib Axes, optional
        Drawn into; by default a new figure of :data:`SIZE` inches.
    lang : {"zh", "en"}, optional
        Language of the section titles; default the active language.

    Returns
    -------
    matplotlib.axes.Axes
        Artists carry gids ``persona.<part>.<role>``, e.g. ``persona.needs.items``.

    Raises
    ------
    ValueError
        If a field is missing or of the wrong kind; the message names it.
    """
    card = _read(data)
    ax = frame.new_axes(ax, SIZE)
    page = frame.page(ax).inset(8)
    header, body = page.take(min(72, page.height * 0.2), "top", gap=10)
    _header(ax, header, card)
    left, right = body.take(body.width * 0.36, "left", gap=10)
    _portrait(ax, left, card)
    if card["quote"]:
        quote, right = right.take(min(76, right.height * 0.3), "bottom", gap=10)
        _quote(ax, quote, card["quote"])
    _lists(ax, right, card)
    return ax
