"""Worked examples for the text-heavy diagrams: what a group might write for the sample brand.

The content lives as data in ``examples/<diagram>.json``, one entry per language, and serves
the gallery, the diagram tests and the solution notebooks.

Examples
--------
>>> from workshop_lib.diagrams import examples
>>> examples.NAMES
('persona_card', 'behaviour_map', 'benefit_ladder', 'brand_assessment', 'activity_plan')
>>> examples.load("persona_card", lang="en")["name"]
'Dr Li Wenhua'
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from .. import i18n

NAMES = ("persona_card", "behaviour_map", "benefit_ladder", "brand_assessment", "activity_plan")
"""The diagrams that have a worked example, named like their functions."""


@cache
def _read(name: str) -> dict[str, Any]:
    folder = resources.files("workshop_lib.diagrams") / "examples"
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


def load(name: str, lang: str | None = None) -> Any:
    """Return the worked example for diagram ``name`` in ``lang`` (default: the active language).

    The result is a fresh copy: change it freely.

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`NAMES`.
    """
    if name not in NAMES:
        raise ValueError(
            i18n.t("diagram_text.unknown_example", name=repr(name), names=", ".join(NAMES))
        )
    return copy.deepcopy(_read(name)[i18n.resolve(lang)])
