"""Segment attractiveness: seven criteria scored 1–5, weighted, summed and ranked.

The seven criteria (unit 3 of the course) are market size, growth, value, unmet need,
competitive intensity, accessibility and fit with the brand. Competitive intensity is scored as
intensity (5 = fierce) and counts inversely: its effective score is ``6 - s``. The weighted score
is ``Σ wᵢ·sᵢ`` with weights that sum to 1, so it stays on the 1–5 scale.

Examples
--------
>>> scores = {
...     "A": {"size": 5, "growth": 4, "value": 4, "unmet_need": 3, "competition": 4,
...           "access": 4, "fit": 5},
...     "B": {"size": 2, "growth": 5, "value": 3, "unmet_need": 5, "competition": 1,
...           "access": 3, "fit": 4},
... }
>>> table = rank(scores, size={"A": 300, "B": 120})
>>> table[["size", "score", "rank", "segment_size"]].round(2)
   size  score  rank  segment_size
A   1.0   3.95     1         300.0
B   0.4   3.70     2         120.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..i18n import t

CRITERIA = ("size", "growth", "value", "unmet_need", "competition", "access", "fit")
"""The seven criteria, in the course's order."""

INVERSE = frozenset({"competition"})
"""Criteria scored as a threat: their effective score is ``6 - s``."""

MARKET = ("size", "growth", "value", "unmet_need", "competition")
"""Criteria about the segment itself: the y axis of the GE-style bubble chart."""

ABILITY = ("access", "fit")
"""Criteria about our ability to win it: the x axis of the GE-style bubble chart."""

DEFAULT_WEIGHTS = {
    "size": 0.20,
    "growth": 0.15,
    "value": 0.20,
    "unmet_need": 0.15,
    "competition": 0.10,
    "access": 0.10,
    "fit": 0.10,
}
"""Weights a trainer may change; they sum to 1."""

SCALE = (1, 5)
"""The lowest and highest score."""


def _error(field: str, value: Any, problem: str) -> ValueError:
    return ValueError(t("attractiveness.invalid", field=field, value=value, problem=problem))


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return the weights as floats in :data:`CRITERIA` order after checking them.

    Raises
    ------
    ValueError
        If a criterion is missing or unknown, a weight is negative or not a number, or the
        weights do not sum to 1 (within 0.001); the message names the weight.
    """
    unknown = sorted(set(weights) - set(CRITERIA))
    if unknown:
        raise _error(f"weights.{unknown[0]}", weights[unknown[0]], t("attractiveness.unknown"))
    result = {}
    for name in CRITERIA:
        if name not in weights:
            raise _error(f"weights.{name}", None, t("attractiveness.missing"))
        value = weights[name]
        if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
            raise _error(f"weights.{name}", value, t("attractiveness.weight"))
        result[name] = float(value)
    total = sum(result.values())
    if not math.isclose(total, 1.0, abs_tol=1e-3):
        raise _error("weights", round(total, 4), t("attractiveness.weight_sum"))
    return result


def _scores_frame(scores: pd.DataFrame | Mapping[str, Mapping[str, float]]) -> pd.DataFrame:
    frame = scores.copy() if isinstance(scores, pd.DataFrame) else pd.DataFrame(scores).T
    if frame.empty:
        raise _error("scores", "{}", t("attractiveness.empty"))
    low, high = SCALE
    for name in CRITERIA:
        if name not in frame.columns:
            raise _error(f"scores.{name}", None, t("attractiveness.missing"))
        column = pd.to_numeric(frame[name], errors="coerce")
        bad = frame.index[~column.between(low, high)]
        if len(bad):
            segment = bad[0]
            raise _error(
                f"scores[{segment}].{name}",
                frame.at[segment, name],
                t("attractiveness.score", low=low, high=high),
            )
        frame[name] = column.astype(float)
    return frame[list(CRITERIA)]


def rank(
    scores: pd.DataFrame | Mapping[str, Mapping[str, float]],
    weights: Mapping[str, float] | None = None,
    *,
    size: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """Weight, sum and rank the segments' scores.

    Parameters
    ----------
    scores : DataFrame or mapping
        One row per segment (the index names it), one column per criterion in
        :data:`CRITERIA`, scores 1–5; or ``{segment: {criterion: score}}``.
    weights : mapping, optional
        ``{criterion: weight}`` summing to 1; :data:`DEFAULT_WEIGHTS` if omitted.
    size : mapping or Series, optional
        Segment size (e.g. patients or prescriptions) for the bubble chart.

    Returns
    -------
    DataFrame
        Indexed by segment, best first: one column per criterion holding its weighted
        contribution ``wᵢ·sᵢ`` (effective score), ``score`` (their sum), ``rank`` (1 = most
        attractive; ties share a rank), ``market`` and ``ability`` (the weighted mean of the
        :data:`MARKET` and of the :data:`ABILITY` criteria, 1–5; NaN if their weights are all 0)
        and ``segment_size`` when given.

    Raises
    ------
    ValueError
        Naming the segment and criterion of a score off the scale, a bad weight, or a segment
        without a size.
    """
    frame = _scores_frame(scores)
    w = check_weights(DEFAULT_WEIGHTS if weights is None else weights)
    effective = frame.copy()
    for name in INVERSE:
        effective[name] = SCALE[0] + SCALE[1] - effective[name]
    result = effective.mul(pd.Series(w))
    result["score"] = result.sum(axis=1)
    result["rank"] = result["score"].round(9).rank(ascending=False, method="min").astype(int)
    for column, group in (("market", MARKET), ("ability", ABILITY)):
        total = sum(w[name] for name in group)
        part = result[list(group)].sum(axis=1)
        result[column] = part / total if total else float("nan")
    if size is not None:
        sizes = pd.Series(size, dtype=float) if not isinstance(size, pd.Series) else size
        for segment in result.index:
            value = sizes.get(segment, float("nan"))
            if not value >= 0:
                raise _error(f"size[{segment}]", value, t("attractiveness.size"))
        result["segment_size"] = sizes.reindex(result.index).astype(float)
    return result.sort_values("rank", kind="stable")
