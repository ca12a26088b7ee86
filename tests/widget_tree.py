"""Finding widgets inside a canvas the way a participant finds them: by type and label."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets


def walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """Every widget inside ``widget``, depth first, itself included."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def find(widget: widgets.Widget, cls: type, **attrs) -> list[widgets.Widget]:
    """The widgets of type ``cls`` inside ``widget`` whose attributes equal ``attrs``."""
    return [
        w
        for w in walk(widget)
        if isinstance(w, cls) and all(getattr(w, k) == v for k, v in attrs.items())
    ]


def labelled(widget: widgets.Widget, description: str) -> widgets.Widget:
    """The one input inside ``widget`` with this description (its visible label)."""
    matches = [
        w
        for w in walk(widget)
        if getattr(w, "description", None) == description and hasattr(w, "value")
    ]
    assert len(matches) >= 1, f"no input labelled {description!r}"
    return matches[0]
