"""The sample brand's worked example: a complete plan for the trainer edition and the debrief.

The text-heavy sections come from the diagrams' examples (:mod:`workshop_lib.diagrams.examples`,
the one each exercise declares as ``example``); the rest (market definition, leverage points,
segment scores, communication) from ``worked_example.json``, shaped like a plan. The numbers
come from the active scenario through the canvases' prefill, so a client's data gives a worked
example on their own market.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd

from . import data, i18n, plan_figures
from .analysis import attractiveness as scoring
from .analysis.segmentation import Segmentation, framework
from .diagrams import examples
from .exercises import EXERCISES
from .plan import BrandPlan

SEGMENT_VARIABLES = ("monthly_patients", "adoption_stage")
"""The sample brand's segmentation variables: prescribing potential × adoption stage."""


@cache
def _content() -> dict[str, Any]:
    text = (resources.files("workshop_lib") / "worked_example.json").read_text(encoding="utf-8")
    return json.loads(text)


def worked_plan(lang: str | None = None) -> BrandPlan:
    """A new plan holding the worked example in ``lang`` (not saved to any file)."""
    lang = i18n.resolve(lang)
    content = copy.deepcopy(_content()[lang])
    content["segmentation"] |= {
        "variables": [{"key": key} for key in SEGMENT_VARIABLES],
        "priority_segments": _priority_ids(),
    }
    diagrams = {
        ex.section: examples.load(ex.example, lang) for ex in EXERCISES.values() if ex.example
    }
    return BrandPlan.from_dict({**content, **diagrams, "language": lang})


def section(name: str, lang: str | None = None) -> dict[str, Any]:
    """One section of the worked example as plain data, ready for its diagram.

    >>> section("benefit_ladder", "en")["attributes"][1]
    'One oral tablet a day, no dose adjustment'
    """
    return plan_figures.figure_data(worked_plan(lang), name)


def segmentation() -> Segmentation:
    """The sample brand's segmentation framework on the active scenario's ``hcps`` table.

    HCPs by monthly patients (tertiles) × adoption stage, valued by category prescriptions,
    with the three most valuable cells as priorities in order.

    >>> segmentation().priorities()["priority"].tolist()
    [1, 2, 3]
    """
    rows, cols = SEGMENT_VARIABLES
    return framework(data.load("hcps"), rows, cols, value="category_rx", priority=3)


def _priority_ids() -> list[str]:
    """The priority cells of :func:`segmentation` as the plan stores them: ``"high|aware"``.

    The ``row|col`` form is the one the segmentation canvas writes
    (:data:`workshop_lib.canvas.unit2.SEPARATOR`).
    """
    cells = segmentation().priorities()
    return [f"{row}|{col}" for row, col in zip(cells["row"], cells["col"], strict=True)]


def attractiveness(lang: str | None = None) -> pd.DataFrame:
    """The worked example's segment scores, ranked with the default weights and sized.

    The worked example scores the framework's priority segments in their order
    (:func:`segmentation`); each segment's size is the number of HCPs in that cell.

    Returns
    -------
    DataFrame
        As :func:`workshop_lib.analysis.attractiveness.rank`, with ``segment_size``.

    >>> attractiveness("en")["rank"].tolist()
    [1, 2, 3]
    """
    scores = section("attractiveness", lang)["scores"]
    counts = segmentation().priorities()["count"].tolist()
    sizes = dict(zip(scores, counts, strict=False))
    return scoring.rank(scores, size=sizes)
