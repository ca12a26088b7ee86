"""The three KPIs of each course unit, computed on the active scenario's tables.

Which KPIs belong to which unit comes from the course's domain brief; their names and formulas
in both languages are in the catalog (``messages/analysis.json``), and the numbers come from
:mod:`workshop_lib.kpi`. Each KPI names its population and period:

==================  ==============  =========================================================
KPI                 table           population and period
==================  ==============  =========================================================
penetration         patient_funnel  patients on our brand ÷ treated patients, latest period
cac                 activities      cost of the acquiring channels (those with new prescribers
                                    in the window) ÷ new prescribers, last 12 months
clv                 patients,       brand patients: monthly retention 1 − churn events ÷
                    rx_monthly      patient-months on therapy; margin = brand value per Rx in
                                    the last 12 months × :data:`MARGIN_RATE`; discount
                                    :data:`MONTHLY_DISCOUNT`
segment_growth      rx_monthly      category Rx, last 12 months against the 12 before
csat                surveys         all respondents of the latest wave, top-2 box of 1–5
retention           patients,       brand patients on therapy in the month before the last 12
                    rx_monthly      months (start) and in the last month (end); new = started
                                    in the window and still on therapy
behaviour_          hcps            HCPs at trial or beyond ÷ HCPs aware or beyond (the sample
conversion                          holds one adoption snapshot, not a start-of-period cohort)
engagement          activities      engaged ÷ reached, last 12 months
awareness           surveys         aided awareness, all respondents of the latest wave
loyalty             hcps            brand Rx ÷ category Rx among HCPs prescribing our brand
nps                 surveys         all respondents of the latest wave
share_change        rx_monthly      brand share of Rx, last 12 months against the 12 before
                                    (numerator: the share now; denominator: the share before)
response_rate       activities      responded ÷ reached, last 12 months
sales_conversion    activities      converted ÷ responded, last 12 months
acquisition_growth  activities      new prescribers, last 12 months against the 12 before
==================  ==============  =========================================================

The months of a table's own ``month`` column make its windows; the patients table uses the
months of ``rx_monthly``.

Examples
--------
>>> table = unit_kpis(4)
>>> table.index.tolist()
['loyalty', 'nps', 'share_change']
>>> table.columns.tolist()
['kpi', 'value', 'display', 'formula', 'numerator', 'denominator', 'n', 'period']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import data as scenario
from .. import fmt, kpi
from ..data.schema import BRAND
from ..i18n import t

MARGIN_RATE = 0.6
"""Gross margin as a share of prescription value, for CLV (an assumption of the sample)."""

MONTHLY_DISCOUNT = 0.008
"""Discount rate per month for CLV (about 10% a year)."""

WINDOW = 12
"""Months in a KPI window; growth compares it with the window before."""

UNITS: dict[int, tuple[str, str, str]] = {
    1: ("penetration", "cac", "clv"),
    2: ("segment_growth", "csat", "retention"),
    3: ("behaviour_conversion", "engagement", "awareness"),
    4: ("loyalty", "nps", "share_change"),
    5: ("response_rate", "sales_conversion", "acquisition_growth"),
}
"""The three KPIs of each unit, as in the course's domain brief."""

BY_COLUMNS: dict[str, dict[str, str]] = {
    "patient_funnel": {"region": "region_id"},
    "rx_monthly": {"region": "region_id"},
    "patients": {"region": "region_id"},
    "hcps": {"region": "region_id", "segment": "hospital_tier"},
    "surveys": {"segment": "segment"},
    "activities": {"segment": "target_segment", "channel": "channel"},
}
"""The column of each table that ``by="region"``, ``"segment"`` or ``"channel"`` groups on."""

COLUMNS = ["kpi", "value", "display", "formula", "numerator", "denominator", "n", "period"]
ADOPTION = ("unaware", "aware", "trial", "adopter", "advocate")

Tables = Callable[[str], pd.DataFrame]


@dataclass(frozen=True)
class _Kpi:
    """How one KPI is computed and shown."""

    table: str
    compute: Callable[[Tables, str | None], tuple[pd.DataFrame, str]]
    show: Callable[[float], str]
    formula: Callable[[], str] | None = None


# --- grouping and periods -----------------------------------------------------------------------


def _groups(frame: pd.DataFrame, column: str | None):
    """``frame`` grouped by ``column``, or as one group (key 0) when ``column`` is None."""
    key = frame[column] if column else pd.Series(0, index=frame.index)
    return frame.groupby(key, sort=True)


def _result(numerator, denominator, n, value: pd.Series) -> pd.DataFrame:
    """The KPI's rows: numerator, denominator, n and value per group (``value``'s index)."""
    columns = {"numerator": numerator, "denominator": denominator, "n": n, "value": value}
    return pd.DataFrame(
        {name: np.asarray(column, dtype=float) for name, column in columns.items()},
        index=value.index,
    )


def _span(months: list[str]) -> str:
    if not months:
        return t("analysis.period.none")
    return t("analysis.period.range", first=months[0], last=months[-1])


def _windows(months: pd.Series) -> tuple[list[str], list[str]]:
    """The last :data:`WINDOW` months of ``months`` and the window before them."""
    ordered = sorted(months.dropna().unique())
    return ordered[-WINDOW:], ordered[-2 * WINDOW : -WINDOW]


def _compare(now: list[str], before: list[str]) -> str:
    return t("analysis.period.compare", now=_span(now), before=_span(before))


def _sums(frame: pd.DataFrame, column: str | None, columns: list[str]) -> pd.DataFrame:
    """Sums of ``columns`` and the row count ``n`` per group (one group, 0, for no column)."""
    if column is None:  # a plain sum is several times quicker than grouping on a constant
        totals = {name: [frame[name].sum()] for name in columns}
        return pd.DataFrame({**totals, "n": [len(frame)]}, index=[0])
    grouped = _groups(frame, column)
    sums = grouped[columns].sum()
    sums["n"] = grouped.size()
    return sums


def _ratio(frame, column, part, whole, func) -> pd.DataFrame:
    """``func(sum of part, sum of whole)`` per group."""
    sums = _sums(frame, column, [part, whole])
    return _result(sums[part], sums[whole], sums["n"], func(sums[part], sums[whole]))


def _last_window(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    now, _ = _windows(frame["month"])
    return frame[frame["month"].isin(now)], _span(now)


def _change(frame: pd.DataFrame, column: str | None, value: str) -> tuple[pd.DataFrame, str]:
    """Growth of the sum of ``value``: last window against the one before."""
    now, before = _windows(frame["month"])
    frame = frame.assign(
        _now=frame[value].where(frame["month"].isin(now), 0),
        _before=frame[value].where(frame["month"].isin(before), 0),
    )
    sums = _sums(frame[frame["month"].isin(now + before)], column, ["_now", "_before"])
    growth = kpi.growth_rate(sums["_now"], sums["_before"])
    return _result(sums["_now"] - sums["_before"], sums["_before"], sums["n"], growth), _compare(
        now, before
    )


def _answers(get: Tables, column: str | None, answer: str, func, per: float = 1.0) -> tuple:
    """A survey KPI ``func`` on the latest wave's answers to ``answer``.

    The numerator is the count behind the share (``value × answers / per``, ``per`` being 100
    for a KPI in points), so the thresholds live only in :mod:`workshop_lib.kpi`.
    """
    surveys = get("surveys")
    wave = surveys["wave"].max()
    latest = surveys[surveys["wave"] == wave]
    grouped = _groups(latest, column)[answer]
    value, answers = grouped.agg(func), grouped.count()
    numerator = (value * answers / per).round()
    return _result(numerator, answers, answers, value), t("analysis.period.wave", wave=wave)


# --- the fifteen KPIs on the scenario tables -----------------------------------------------------


def _penetration(get: Tables, column: str | None):
    funnel = get("patient_funnel")
    period = funnel["period"].max()
    latest = funnel[funnel["period"] == period]
    wide = latest.set_index(["region_id", "stage"])["patients"].unstack().reset_index()
    return _ratio(wide, column, "brand", "treated", kpi.penetration), t(
        "analysis.period.year", period=period
    )


def _acquiring(get: Tables) -> tuple[pd.DataFrame, str]:
    """Activities of the last window, spend counted only in channels that won prescribers."""
    activities, period = _last_window(get("activities"))
    acquiring = activities.groupby("channel")["new_prescribers"].transform("sum") > 0
    return activities.assign(_spend=activities["cost_rmb"].where(acquiring, 0.0)), period


def _cac(get: Tables, column: str | None):
    activities, period = _acquiring(get)
    return _ratio(activities, column, "_spend", "new_prescribers", kpi.cac), period


def _brand_patients(get: Tables) -> tuple[pd.DataFrame, list[str], list[str]]:
    patients = get("patients")
    now, before = _windows(get("rx_monthly")["month"])
    return patients[patients["product"] == BRAND], now, before


def _clv(get: Tables, column: str | None):
    patients, now, _ = _brand_patients(get)
    churn = patients.assign(_churned=patients["churn_month"].notna())
    stay = _sums(churn, column, ["_churned", "months_on_therapy"])
    monthly_churn = kpi.conversion_rate(stay["_churned"], stay["months_on_therapy"])
    rx = get("rx_monthly")
    rx = rx[(rx["product"] == BRAND) & rx["month"].isin(now)]
    value = _sums(rx, column, ["value_rmb", "trx"])
    margin = kpi.cac(value["value_rmb"], value["trx"]) * MARGIN_RATE
    retention = 1 - monthly_churn
    clv = kpi.clv(margin, retention, MONTHLY_DISCOUNT)
    parts = pd.DataFrame({"margin": margin, "retention": retention, "clv": clv}).reindex(stay.index)
    result = _result(
        parts["margin"] * parts["retention"],
        1 + MONTHLY_DISCOUNT - parts["retention"],
        stay["n"],
        parts["clv"],
    )
    return result, _span([patients["start_month"].min(), *now[-1:]])


def _segment_growth(get: Tables, column: str | None):
    return _change(get("rx_monthly"), column, "trx")


def _csat(get: Tables, column: str | None):
    return _answers(get, column, "csat", kpi.csat)


def _on_therapy(patients: pd.DataFrame, month: str) -> pd.Series:
    started = patients["start_month"] <= month
    return started & (patients["churn_month"].isna() | (patients["churn_month"] > month))


def _retention(get: Tables, column: str | None):
    patients, now, _ = _brand_patients(get)
    if not now:
        none = pd.Series([], dtype=float)
        return _result(none, none, none, none), _span(now)
    month_before = str(pd.Period(now[0], freq="M") - 1)
    end = _on_therapy(patients, now[-1])
    flags = patients.assign(
        _start=_on_therapy(patients, month_before),
        _end=end,
        _new=end & (patients["start_month"] >= now[0]),
    )
    sums = _sums(flags, column, ["_start", "_end", "_new"])
    value = kpi.retention_rate(sums["_start"], sums["_end"], sums["_new"])
    period = _span([month_before, now[-1]])
    return _result(sums["_end"] - sums["_new"], sums["_start"], sums["n"], value), period


def _behaviour_conversion(get: Tables, column: str | None):
    hcps = get("hcps")
    rank = hcps["adoption_stage"].map({stage: i for i, stage in enumerate(ADOPTION)})
    flags = hcps.assign(_aware=rank >= 1, _trial=rank >= 2)
    return _ratio(flags, column, "_trial", "_aware", kpi.conversion_rate), t(
        "analysis.period.snapshot"
    )


def _engagement(get: Tables, column: str | None):
    activities, period = _last_window(get("activities"))
    return _ratio(activities, column, "engaged", "reached", kpi.engagement_rate), period


def _awareness(get: Tables, column: str | None):
    return _answers(get, column, "aware_aided", kpi.awareness)


def _loyalty(get: Tables, column: str | None):
    hcps = get("hcps")
    prescribers = hcps[hcps["brand_rx"] > 0]
    ratio = _ratio(prescribers, column, "brand_rx", "category_rx", kpi.share_of_requirements)
    return ratio, t("analysis.period.snapshot")


def _nps(get: Tables, column: str | None):
    return _answers(get, column, "nps", kpi.nps, per=100.0)


def _share_change(get: Tables, column: str | None):
    rx = get("rx_monthly")
    now, before = _windows(rx["month"])
    brand = rx["product"] == BRAND
    frame = rx.assign(
        _brand_now=rx["trx"].where(brand & rx["month"].isin(now), 0),
        _all_now=rx["trx"].where(rx["month"].isin(now), 0),
        _brand_before=rx["trx"].where(brand & rx["month"].isin(before), 0),
        _all_before=rx["trx"].where(rx["month"].isin(before), 0),
    )
    sums = _sums(frame[frame["month"].isin(now + before)], column, list(frame.columns[-4:]))
    share_now = kpi.share_of_requirements(sums["_brand_now"], sums["_all_now"])
    share_before = kpi.share_of_requirements(sums["_brand_before"], sums["_all_before"])
    value = kpi.share_change(share_now, share_before)
    return _result(share_now, share_before, sums["n"], value), _compare(now, before)


def _response_rate(get: Tables, column: str | None):
    activities, period = _last_window(get("activities"))
    return _ratio(activities, column, "responded", "reached", kpi.response_rate), period


def _sales_conversion(get: Tables, column: str | None):
    activities, period = _last_window(get("activities"))
    return _ratio(activities, column, "converted", "responded", kpi.conversion_rate), period


def _acquisition_growth(get: Tables, column: str | None):
    return _change(get("activities"), column, "new_prescribers")


def _signed_percent(value: float) -> str:
    return fmt.percent(value, sign=True)


def _nps_points(value: float) -> str:
    return fmt.number(value, digits=0, sign=True)


def _clv_formula() -> str:
    return t(
        "analysis.formula.clv",
        margin_rate=fmt.percent(MARGIN_RATE, digits=0),
        discount=fmt.percent(MONTHLY_DISCOUNT),
    )


KPIS: dict[str, _Kpi] = {
    "penetration": _Kpi("patient_funnel", _penetration, fmt.percent),
    "cac": _Kpi("activities", _cac, fmt.money),
    "clv": _Kpi("patients", _clv, fmt.money, _clv_formula),
    "segment_growth": _Kpi("rx_monthly", _segment_growth, _signed_percent),
    "csat": _Kpi("surveys", _csat, fmt.percent),
    "retention": _Kpi("patients", _retention, fmt.percent),
    "behaviour_conversion": _Kpi("hcps", _behaviour_conversion, fmt.percent),
    "engagement": _Kpi("activities", _engagement, fmt.percent),
    "awareness": _Kpi("surveys", _awareness, fmt.percent),
    "loyalty": _Kpi("hcps", _loyalty, fmt.percent),
    "nps": _Kpi("surveys", _nps, _nps_points),
    "share_change": _Kpi("rx_monthly", _share_change, fmt.points),
    "response_rate": _Kpi("activities", _response_rate, fmt.percent),
    "sales_conversion": _Kpi("activities", _sales_conversion, fmt.percent),
    "acquisition_growth": _Kpi("activities", _acquisition_growth, _signed_percent),
}
"""Each KPI's main table (the one ``by`` groups), computation and display format."""


# --- the public function ------------------------------------------------------------------------


def _source(tables: Mapping[str, pd.DataFrame] | None, unit: int) -> Tables:
    """A function giving each table: from ``tables`` when given, else the active scenario."""
    if tables is None:
        return scenario.load

    def get(name: str) -> pd.DataFrame:
        if name not in tables:
            raise ValueError(t("analysis.table_missing", table=name, unit=unit))
        return tables[name]

    return get


def unit_kpis(
    unit: int, *, by: str | None = None, data: Mapping[str, pd.DataFrame] | None = None
) -> pd.DataFrame:
    """The three KPIs of a course unit, overall or by region, segment or channel.

    Parameters
    ----------
    unit : {1, 2, 3, 4, 5}
        The course unit (see :data:`UNITS`).
    by : {"region", "segment", "channel"}, optional
        Give one row per group of the KPI's main table (see :data:`BY_COLUMNS`). A KPI whose
        table has no such grouping gets one row with the group missing and the value NaN.
    data : mapping of str to DataFrame, optional
        Tables by name (as returned by :func:`workshop_lib.data.load`); by default the active
        scenario's.

    Returns
    -------
    DataFrame
        Indexed by KPI key, one row per KPI (and group), with columns ``kpi`` (name in the active
        language), ``value`` (a fraction; money for CAC and CLV; points for NPS; percentage
        points for the market-share change), ``display`` (the value formatted for the active
        language), ``formula``, ``numerator``, ``denominator``, ``n`` (rows of the table the
        value rests on: respondents, HCPs, patients, activity-months, region-periods),
        ``period``; with ``by``, the group column comes first.

    Raises
    ------
    ValueError
        For an unknown unit or ``by``, or a table or column missing from ``data``.

    Examples
    --------
    >>> from workshop_lib import i18n
    >>> with i18n.language("en"):
    ...     table = unit_kpis(1)
    >>> table.loc["penetration", ["kpi", "display"]].tolist()
    ['market penetration', '11.0%']
    """
    if unit not in UNITS or isinstance(unit, bool):
        raise ValueError(t("analysis.unit", value=repr(unit)))
    if by is not None and by not in ("region", "segment", "channel"):
        raise ValueError(t("analysis.by", value=repr(by)))
    get = _source(data, unit)
    parts = []
    for key in UNITS[unit]:
        spec = KPIS[key]
        column = BY_COLUMNS[spec.table].get(by) if by else None
        if by and column is None:
            missing = pd.Series([np.nan], index=pd.Index([pd.NA]))
            rows = _result(missing, missing, [0], missing)
            period = t("analysis.not_split", by=by)
        else:
            try:
                rows, period = spec.compute(get, column)
            except KeyError as missing:  # a hand-made table without a column the KPI needs
                raise ValueError(
                    t("analysis.column_missing", kpi=key, column=missing.args[0])
                ) from None
            if by is None:
                rows = rows.reindex([0])
        rows = rows.assign(
            kpi=t(f"analysis.kpi.{key}"),
            display=[spec.show(v) for v in rows["value"]],
            formula=spec.formula() if spec.formula else t(f"analysis.formula.{key}"),
            period=period,
        )
        rows["n"] = rows["n"].fillna(0).astype(int)
        rows.index = pd.Index(rows.index, name=by).astype(object)
        parts.append(rows.reset_index() if by else rows.reset_index(drop=True))
        parts[-1].index = pd.Index([key] * len(rows), name="key")
    table = pd.concat(parts)
    return table[[by, *COLUMNS]] if by else table[COLUMNS]
