"""Funnel maths for the purchase (diagnosis-and-treatment) flow of unit 1.

A funnel is an ordered list of steps with the number of people at each, every step a subset of
the one before (adults → diabetic → diagnosed → treated → SGLT2 → our brand). :func:`funnel`
adds each step's conversion from the previous and from the first step, what is lost on the way,
and a leverage ranking that says where one more percentage point of conversion wins the most
people at the end of the funnel.

Examples
--------
>>> counts = {"diabetic": 1000, "diagnosed": 400, "treated": 360, "brand": 36}
>>> columns = ["count", "from_previous", "from_initial", "drop_off", "rank"]
>>> funnel(counts)[columns]  # doctest: +NORMALIZE_WHITESPACE
           count  from_previous  from_initial  drop_off  rank
step
diabetic    1000            NaN         1.000      <NA>  <NA>
diagnosed    400            0.4         0.400       600     2
treated      360            0.9         0.360        40     3
brand         36            0.1         0.036       324     1

Raising the last step's conversion from 10% to 11% wins 3.6 more people at the end, more than
one point at any other step:

>>> funnel(counts)["leverage"].round(2).tolist()
[nan, 0.9, 0.4, 3.6]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .. import kpi
from ..i18n import t


def _steps(counts: object) -> pd.Series:
    """The counts as a float Series indexed by step, checked to be a funnel."""
    if isinstance(counts, pd.Series):
        series = counts.copy()
    elif isinstance(counts, Mapping):
        series = pd.Series(dict(counts), dtype=object)
    else:
        raise ValueError(t("analysis.funnel.steps", value=repr(counts)[:60]))
    if len(series) < 2:
        raise ValueError(t("analysis.funnel.steps", value=repr(dict(series))[:60]))
    values = pd.to_numeric(series, errors="coerce").astype(float)
    for step, raw, value in zip(series.index, series, values, strict=True):
        if np.isnan(value) or value < 0:
            raise ValueError(t("analysis.funnel.number", step=step, value=repr(raw)))
    growing = values.to_numpy()[1:] > values.to_numpy()[:-1]
    if growing.any():
        at = int(np.argmax(growing)) + 1
        raise ValueError(
            t(
                "analysis.funnel.increase",
                step=series.index[at],
                value=f"{values.iloc[at]:g}",
                previous=series.index[at - 1],
                previous_value=f"{values.iloc[at - 1]:g}",
            )
        )
    values.index = pd.Index(series.index, name="step")
    return values


def funnel(counts: Mapping[str, float] | pd.Series, *, lift: float = 0.01) -> pd.DataFrame:
    """Conversion, drop-off and leverage of each step of a funnel.

    Parameters
    ----------
    counts : mapping or Series
        People at each step, in funnel order (step name → count). Each count must be at least 0
        and at most the count of the step before.
    lift : float
        The improvement used to rank the steps: a rise of the step's conversion from the
        previous step by this many (fraction) points, 0.01 being one percentage point.

    Returns
    -------
    DataFrame
        Indexed by step, in funnel order, with columns

        - ``count``: people at the step;
        - ``from_previous``: conversion from the previous step (NaN for the first);
        - ``from_initial``: share of the first step still there;
        - ``drop_off``: people lost since the previous step, and ``drop_off_rate`` as a share;
        - ``leverage``: extra people at the last step if this step's conversion rose by
          ``lift`` (``final × lift ÷ from_previous``: the funnel multiplies, so the weakest step
          gives the most);
        - ``rank``: 1 for the step with the most leverage (a leverage point, 杠杆点), then 2, …

    Raises
    ------
    ValueError
        Fewer than two steps, a count that is negative or not a number, a step larger than the
        one before, or a ``lift`` outside 0–1; the message names the step and the value.
    """
    if not 0 < lift <= 1:
        raise ValueError(t("analysis.funnel.lift", value=lift))
    count = _steps(counts)
    previous = count.shift(1)
    from_previous = kpi.conversion_rate(count.iloc[1:], previous.iloc[1:]).reindex(count.index)
    from_initial = kpi.conversion_rate(count, count.iloc[0])
    whole = bool((count % 1 == 0).all())
    drop_off = (previous - count).astype("Int64" if whole else float)
    with np.errstate(divide="ignore", invalid="ignore"):
        leverage = count.iloc[-1] * lift / from_previous
    rank = leverage.rank(ascending=False, method="min").astype("Int64")
    return pd.DataFrame(
        {
            "count": count.astype("int64") if whole else count,
            "from_previous": from_previous,
            "from_initial": from_initial,
            "drop_off": drop_off,
            "drop_off_rate": 1 - from_previous,
            "leverage": leverage,
            "rank": rank,
        }
    )


def stage_counts(table: pd.DataFrame, *, period: object = None) -> pd.Series:
    """Patients at each funnel stage, summed over regions, for one period (default the last).

    Parameters
    ----------
    table : DataFrame
        The ``patient_funnel`` table (``period``, ``stage``, ``patients``), stages in order.
    period : optional
        The period to count; the latest one by default.

    Returns
    -------
    Series
        Stage key → patients, in funnel order; ready for :func:`funnel`.

    Examples
    --------
    >>> table = pd.DataFrame({"period": [2024] * 4, "stage": ["population", "diabetic"] * 2,
    ...                       "patients": [100, 12, 50, 7]})
    >>> stage_counts(table).to_dict()
    {'population': 150, 'diabetic': 19}
    """
    chosen = table["period"].max() if period is None else period
    rows = table[table["period"] == chosen]
    if rows.empty:
        raise ValueError(t("analysis.no_period", period=chosen))
    order = list(dict.fromkeys(rows["stage"]))
    return rows.groupby("stage", sort=False)["patients"].sum().reindex(order)
