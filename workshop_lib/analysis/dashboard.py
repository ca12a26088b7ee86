"""The KPI dashboard's tiles: six KPIs of the latest period against the one before.

:func:`dashboard_tiles` reads the active scenario (or tables given to it) and returns one tile
per KPI in the form :func:`workshop_lib.diagrams.kpi_dashboard` draws, so a notebook shows the
whole dashboard in one line::

    wl.diagrams.kpi_dashboard(wl.analysis.dashboard_tiles());

==================  ==============  =======================================================
tile                table           value and period
==================  ==============  =======================================================
penetration         patient_funnel  patients on our brand ÷ treated patients, per year
share               rx_monthly      our brand's TRx ÷ all TRx, per calendar year
new_prescribers     activities      new prescribers won by the activities, per calendar year
response_rate       activities      responded ÷ reached, per calendar year
csat                surveys         top-2 box of 1–5, per survey wave
nps                 surveys         promoters − detractors in points, per survey wave
==================  ==============  =======================================================

Each tile compares the latest period with the one before; the targets are a group's judgement
(:data:`EXAMPLE_TARGETS` by default).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from .. import data as scenario
from .. import kpi
from ..data.schema import BRAND
from ..i18n import t

TILES: dict[str, str] = {
    "penetration": "percent",
    "share": "percent",
    "new_prescribers": "count",
    "response_rate": "percent",
    "csat": "percent",
    "nps": "number",
}
"""The dashboard's KPIs in order, each with how its tile shows the value."""

EXAMPLE_TARGETS: dict[str, float] = {
    "penetration": 0.12,
    "share": 0.10,
    "new_prescribers": 1900,
    "response_rate": 0.125,
    "csat": 0.55,
    "nps": -20,
}
"""The sample brand team's targets for the tiles (fractions for rates, points for NPS)."""

SURVEY_TILES = ("csat", "nps")
"""Tiles that rest on survey answers and therefore report their n."""


def _latest_two(values: pd.Series) -> list[Any]:
    """The last two distinct values of ``values``, in order (the period before, then the latest)."""
    return sorted(values.dropna().unique())[-2:]


def _computations(get: Callable[[str], pd.DataFrame]) -> dict[str, tuple[Callable, list]]:
    """Each tile's KPI as a function of a period, and the two periods it compares."""
    funnel = get("patient_funnel").assign(period=lambda f: f["period"].astype(str))
    funnel = funnel.groupby(["period", "stage"])["patients"].sum()
    years = _latest_two(funnel.index.get_level_values("period").to_series())
    rx = get("rx_monthly").assign(period=lambda f: f["month"].str[:4])
    trx = rx.groupby(["period", "product"])["trx"].sum()
    acts = get("activities").assign(period=lambda f: f["month"].str[:4])
    acts = acts.groupby("period")[["reached", "responded", "new_prescribers"]].sum()
    surveys = get("surveys")
    waves = _latest_two(surveys["wave"])

    def wave(w: Any, column: str) -> pd.Series:
        return surveys.loc[surveys["wave"] == w, column]

    return {
        "penetration": (
            lambda p: kpi.penetration(funnel[(p, "brand")], funnel[(p, "treated")]),
            years,
        ),
        "share": (lambda p: kpi.penetration(trx[(p, BRAND)], trx[p].sum()), years),
        "new_prescribers": (lambda p: float(acts.loc[p, "new_prescribers"]), years),
        "response_rate": (
            lambda p: kpi.response_rate(acts.loc[p, "responded"], acts.loc[p, "reached"]),
            years,
        ),
        "csat": (lambda w: kpi.csat(wave(w, "csat")), waves),
        "nps": (lambda w: kpi.nps(wave(w, "nps")), waves),
    }


def dashboard_tiles(
    *,
    targets: Mapping[str, float] | None = None,
    data: Mapping[str, pd.DataFrame] | None = None,
) -> list[dict[str, Any]]:
    """The dashboard's six KPI tiles: latest value, the value before and the target.

    Parameters
    ----------
    targets : mapping of str to float, optional
        Target per tile key (see :data:`TILES`); a key left out keeps its
        :data:`EXAMPLE_TARGETS` value, None as a value draws the tile without a target.
    data : mapping of str to DataFrame, optional
        Tables by name (as returned by :func:`workshop_lib.data.load`); by default the active
        scenario's. Needs ``patient_funnel``, ``rx_monthly``, ``activities`` and ``surveys``.

    Returns
    -------
    list of dict
        One tile per key of :data:`TILES`, in order, with ``key``, ``name`` (in the active
        language), ``value``, ``previous``, ``target``, ``format`` and ``note`` (the survey's
        n for survey KPIs, else empty): the input of :func:`workshop_lib.diagrams.kpi_dashboard`.

    Raises
    ------
    ValueError
        For a target key that is no tile, or a table missing from ``data``.

    Examples
    --------
    >>> from workshop_lib import i18n
    >>> with i18n.language("en"):
    ...     tiles = dashboard_tiles(targets={"nps": 0})
    >>> [tile["key"] for tile in tiles]
    ['penetration', 'share', 'new_prescribers', 'response_rate', 'csat', 'nps']
    >>> tiles[-1]["name"], tiles[-1]["target"]
    ('Word-of-mouth index (NPS)', 0)
    """
    unknown = sorted(set(targets or {}) - set(TILES))
    if unknown:
        raise ValueError(t("analysis.dashboard.target", key=unknown[0], keys=", ".join(TILES)))
    goals = {**EXAMPLE_TARGETS, **(targets or {})}

    def get(name: str) -> pd.DataFrame:
        if data is None:
            return scenario.load(name)
        if name not in data:
            raise ValueError(t("analysis.dashboard.table_missing", table=name))
        return data[name]

    computations = _computations(get)
    surveys = get("surveys")
    n = int((surveys["wave"] == surveys["wave"].max()).sum())
    tiles = []
    for key, kind in TILES.items():
        compute, periods = computations[key]
        nan = float("nan")
        before, now = ([nan, nan] + [float(compute(p)) for p in periods])[-2:]
        tiles.append(
            {
                "key": key,
                "name": t(f"analysis.dashboard.{key}"),
                "value": now,
                "previous": before,
                "target": goals[key],
                "format": kind,
                "note": t("analysis.dashboard.survey_n", n=n) if key in SURVEY_TILES else "",
            }
        )
    return tiles
