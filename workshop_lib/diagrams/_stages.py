"""Read the stages of a market or a purchase flow from the shapes users hand in.

The pool and the funnel both draw an ordered list of ``(stage, count)``: from a mapping
``{"population": 20_000_000, ...}`` or a Series of counts by stage, a list of pairs, a list of
dicts, a DataFrame such as the ``patient_funnel`` table (summed over regions, one period) or the
output of ``analysis.funnel``, or a plan section (``plan.market_scope`` with its ``levels``,
``plan.purchase_flow`` with its ``steps``, as models or as ``model_dump()`` dicts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..i18n import t
from ._common import invalid, number, plan_section, records, text

COUNT_COLUMNS = ("count", "patients")
"""Column names accepted for a stage's count, in order of preference."""

PLAN_LISTS = {"levels": "label", "steps": "name"}
"""Plan sections holding stages: the list's key and the key naming each stage."""


def stage_counts(data: Any, *, period: Any = None) -> list[tuple[str, float]]:
    """Return ``[(stage, count), ...]`` in order; counts must not grow from stage to stage.

    Parameters
    ----------
    data : mapping, Series, sequence or DataFrame
        See the module docstring. A DataFrame with a ``period`` column keeps ``period`` (by
        default its last period); rows of the same stage (regions) are summed.
    period : optional
        The period to draw from a table holding several.

    Raises
    ------
    ValueError
        Naming the stage and field of a missing, negative or growing count.
    """
    data = plan_section(data)
    listed = next(
        (k for k in PLAN_LISTS if isinstance(data, Mapping) and isinstance(data.get(k), list)), None
    )
    if listed:
        name = PLAN_LISTS[listed]
        rows = records(data[listed], [name, "count"], field=listed)
        pairs = [(row[name], row["count"]) for row in rows]
    elif hasattr(data, "columns") and hasattr(data, "groupby"):
        pairs = _from_frame(data, period)
    elif isinstance(data, Mapping) or _is_series(data):
        pairs = list(data.items())
    elif (
        isinstance(data, Sequence)
        and data
        and all(isinstance(p, tuple | list) and len(p) == 2 for p in data)
    ):
        pairs = [tuple(p) for p in data]
    else:
        column = "count"
        rows = records(data, ["stage"])
        column = next((c for c in COUNT_COLUMNS if c in rows[0]), column)
        pairs = [(row["stage"], row.get(column)) for row in rows]
    if len(pairs) < 2:
        raise invalid("data", len(pairs), t("diagrams.problem.stages"))
    result = []
    for i, (stage, count) in enumerate(pairs):
        key = text(stage, f"data[{i}].stage")
        value = number(count, f"data[{key}].count", minimum=0)
        if result and value > result[-1][1]:
            raise invalid(
                f"data[{key}].count", count, t("diagrams.problem.growing", previous=result[-1][0])
            )
        result.append((key, value))
    if result[0][1] <= 0:
        raise invalid(f"data[{result[0][0]}].count", result[0][1], t("diagrams.problem.first"))
    return result


def _is_series(data: Any) -> bool:
    """A pandas Series of counts by stage, e.g. :func:`workshop_lib.analysis.stage_counts`."""
    return hasattr(data, "items") and hasattr(data, "index") and not hasattr(data, "columns")


def _from_frame(frame: Any, period: Any) -> list[tuple[Any, Any]]:
    if "stage" not in frame.columns and frame.index.name in ("stage", "step"):
        frame = frame.rename_axis("stage").reset_index()
    column = next((c for c in COUNT_COLUMNS if c in frame.columns), None)
    if "stage" not in frame.columns or column is None:
        missing = "stage" if "stage" not in frame.columns else "/".join(COUNT_COLUMNS)
        raise invalid(f"data.{missing}", list(frame.columns), t("diagrams.problem.missing"))
    if "period" in frame.columns:
        periods = sorted(frame["period"].astype(str).unique())
        chosen = periods[-1] if period is None else str(period)
        if chosen not in periods:
            raise invalid(
                "period", period, t("diagrams.problem.choice", choices=", ".join(periods))
            )
        frame = frame[frame["period"].astype(str) == chosen]
    totals = frame.groupby("stage", sort=False)[column].sum()
    return list(totals.items())
