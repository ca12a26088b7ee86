"""Analysis results as tables a participant can read: labelled columns, formatted numbers.

The analysis functions return raw numbers for computing; these functions turn them into
text tables in the active language for a notebook to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from . import fmt, i18n
from .analysis.funnel import funnel
from .analysis.segmentation import Axis, Segmentation
from .analysis.unit_kpis import UNITS, unit_kpis
from .data.schema import CATEGORIES, TABLES
from .i18n import t


def funnel_table(counts: pd.Series, *, lang: str | None = None) -> pd.DataFrame:
    """The purchase flow's conversion, drop-off and leverage as a readable table.

    Parameters
    ----------
    counts : Series
        People at each step in order, e.g. :func:`workshop_lib.analysis.stage_counts`.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.

    Examples
    --------
    >>> table = funnel_table(pd.Series({"population": 1000, "diabetic": 120, "brand": 12}),
    ...                      lang="en")
    >>> table.loc["people with diabetes", "Conversion from previous step"]
    '12.0%'
    """
    lang = i18n.resolve(lang)
    result = funnel(counts)
    stages = CATEGORIES["stage"]
    index = [stages[k][0 if lang == "zh" else 1] if k in stages else k for k in result.index]
    columns = {
        "count": fmt.count,
        "from_previous": fmt.percent,
        "from_initial": fmt.percent,
        "drop_off": fmt.count,
        "leverage": fmt.count,
        "rank": lambda v: "" if pd.isna(v) else str(int(v)),
    }
    with i18n.language(lang):
        table = pd.DataFrame(
            {t(f"tables.funnel.{c}"): [show(v) for v in result[c]] for c, show in columns.items()},
            index=pd.Index(index, name=t("tables.funnel.step")),
        )
    return table


def _level(table: str, axis: Axis, key: str, lang: str) -> str:
    """A level of a segmentation variable: ``High (≥ 137)`` for a band, else its category."""
    if axis.cuts is not None:
        i = axis.levels.index(key)
        low = fmt.number(axis.cuts[i - 1], digits=0) if i else None
        high = fmt.number(axis.cuts[i], digits=0) if i < len(axis.cuts) else None
        span = f"< {high}" if low is None else (f"≥ {low}" if high is None else f"{low}–{high}")
        name = t(f"segmentation.level.{key}", lang=lang)
        return f"{name}（{span}）" if lang == "zh" else f"{name} ({span})"
    columns = TABLES[table].keys if table in TABLES else ()
    kind = TABLES[table].column(axis.column).category if axis.column in columns else None
    if kind and key in CATEGORIES[kind]:
        return CATEGORIES[kind][key][0 if lang == "zh" else 1]
    return key


def _column(table: str, column: str, lang: str, *, header: bool = True) -> str:
    """The data dictionary's label of ``table.column`` (the column name if unknown).

    As a ``header`` it starts with a capital letter; otherwise it is as the dictionary has it,
    to sit inside a sentence.
    """
    if table not in TABLES or column not in TABLES[table].keys:
        return column
    label = TABLES[table].column(column).label(lang)
    return label[:1].upper() + label[1:] if header else label


def segment_table(
    seg: Segmentation, *, table: str = "hcps", lang: str | None = None
) -> pd.DataFrame:
    """The segments of a framework as a readable table, the most valuable first.

    Parameters
    ----------
    seg : Segmentation
        From :func:`workshop_lib.analysis.segmentation.framework`.
    table : str
        The data-dictionary table whose labels name the variables and their levels.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.

    Returns
    -------
    DataFrame
        One row per non-empty segment, named by its two levels: customers, their share, the
        segment's value, its share, value per customer and the priority (blank if none).

    Examples
    --------
    >>> from workshop_lib.analysis.segmentation import framework
    >>> hcps = pd.DataFrame({"monthly_patients": [20, 80, 150, 300],
    ...                      "adoption_stage": ["aware", "trial", "adopter", "adopter"],
    ...                      "category_rx": [10, 40, 90, 210]})
    >>> seg = framework(hcps, "monthly_patients", "adoption_stage", row_cuts=[100], priority=1)
    >>> segment_table(seg, lang="en").iloc[0].tolist()
    ['2', '50.0%', '300', '85.7%', '150', '1']
    """
    lang = i18n.resolve(lang)
    cells = seg.cells[seg.cells["count"] > 0].sort_values(
        ["value", "count"], ascending=False, kind="stable"
    )
    index = [
        f"{_level(table, seg.rows, r, lang)} × {_level(table, seg.cols, c, lang)}"
        for r, c in zip(cells["row"], cells["col"], strict=True)
    ]
    with i18n.language(lang):
        value = _column(table, seg.value, lang, header=False)
        columns = {
            t("tables.segments.count"): [fmt.count(v) for v in cells["count"]],
            t("tables.segments.count_share"): [fmt.percent(v) for v in cells["count_share"]],
            _column(table, seg.value, lang): [fmt.count(v) for v in cells["value"]],
            t("tables.segments.value_share", value=value): [
                fmt.percent(v) for v in cells["value_share"]
            ],
            t("tables.segments.per_customer", value=value): [
                fmt.count(v) for v in cells["value"] / cells["count"]
            ],
            t("tables.segments.priority"): [
                "" if pd.isna(v) else str(int(v)) for v in cells["priority"]
            ],
        }
        name = t(
            "tables.segments.segment",
            rows=_column(table, seg.rows.column, lang),
            cols=_column(table, seg.cols.column, lang),
        )
        return pd.DataFrame(columns, index=pd.Index(index, name=name))


def attractiveness_table(ranked: pd.DataFrame, *, lang: str | None = None) -> pd.DataFrame:
    """A ranking of segment attractiveness as a readable table, best first.

    Parameters
    ----------
    ranked : DataFrame
        From :func:`workshop_lib.analysis.attractiveness.rank`.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.

    Returns
    -------
    DataFrame
        One row per segment: rank, weighted score (1–5), market attractiveness and ability to
        win (1–5) and, when ranked with sizes, the segment size.

    Examples
    --------
    >>> from workshop_lib.analysis.attractiveness import rank
    >>> scores = {"A": dict.fromkeys(["size", "growth", "value", "unmet_need", "competition",
    ...                               "access", "fit"], 4)}
    >>> attractiveness_table(rank(scores, size={"A": 120}), lang="en").iloc[0].tolist()
    ['1', '3.80', '3.75', '4.00', '120']
    """
    lang = i18n.resolve(lang)
    columns = {
        "rank": lambda v: str(int(v)),
        "score": lambda v: fmt.number(v, digits=2),
        "market": lambda v: fmt.number(v, digits=2),
        "ability": lambda v: fmt.number(v, digits=2),
        "segment_size": fmt.count,
    }
    with i18n.language(lang):
        return pd.DataFrame(
            {
                t(f"tables.attractiveness.{c}"): [show(v) for v in ranked[c]]
                for c, show in columns.items()
                if c in ranked.columns
            },
            index=pd.Index(ranked.index, name=t("tables.attractiveness.segment")),
        )


COMMUNICATION_COLUMNS = ("stage", "desired", "message", "proof")
"""The columns of a behaviour-change step table, in order."""


def communication_table(section: dict[str, Any], *, lang: str | None = None) -> Styler:
    """A communication strategy and its behaviour-change step table, ready to read.

    Parameters
    ----------
    section : dict
        A plan's ``communication`` section: ``strategy`` (text) and ``steps`` (dicts with
        ``stage``, ``desired``, ``message`` and ``proof``), e.g.
        ``workshop_lib.worked_example.section("communication")``.
    lang : {"zh", "en"}, optional
        Language of the headings; the active language by default.

    Returns
    -------
    Styler
        One row per step (no index shown), the strategy as the caption above the table.

    Examples
    --------
    >>> styled = communication_table(
    ...     {"strategy": "First choice for high-risk patients",
    ...      "steps": [{"stage": "Aware", "desired": "Knows the evidence",
    ...                 "message": "Outcome data", "proof": "Trial"}]}, lang="en")
    >>> styled.data.columns.tolist()
    ['Behaviour-change step', 'Desired behaviour', 'Key message', 'Proof']
    >>> styled.caption
    'Communication strategy: First choice for high-risk patients'
    """
    lang = i18n.resolve(lang)
    with i18n.language(lang):
        names = {c: t(f"tables.communication.{c}") for c in COMMUNICATION_COLUMNS}
        caption = t("tables.communication.strategy", strategy=section.get("strategy", ""))
    steps = pd.DataFrame(list(section.get("steps", [])), columns=list(COMMUNICATION_COLUMNS))
    table = steps.fillna("").rename(columns=names)
    return (
        table.style.hide(axis="index")
        .set_caption(caption)
        .set_table_styles(
            [
                {
                    "selector": "caption",
                    "props": "caption-side: top; text-align: left; "
                    "font-weight: bold; padding: 4px 0 8px",
                },
                {"selector": "th, td", "props": "text-align: left; vertical-align: top"},
            ]
        )
    )


def channel_table(
    *, data: Mapping[str, pd.DataFrame] | None = None, lang: str | None = None
) -> pd.DataFrame:
    """Unit 5's three KPIs per channel of the activities table, ready to read.

    Rows are the channels of the active scenario (named and ordered as in the data dictionary),
    columns the activity response rate, sales conversion and acquisition growth as
    :func:`workshop_lib.analysis.unit_kpis` computes them with ``by="channel"``; a KPI without
    a base in a channel shows "—".

    Parameters
    ----------
    data : mapping of str to DataFrame, optional
        Tables by name, at least ``activities``; by default the active scenario's.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.

    Examples
    --------
    >>> table = channel_table(lang="en")
    >>> table.columns.tolist()
    ['Activity response rate', 'Sales conversion', 'Acquisition growth']
    >>> "Rep visit" in table.index
    True
    """
    lang = i18n.resolve(lang)
    channels = CATEGORIES["channel"]
    with i18n.language(lang):
        kpis = unit_kpis(5, by="channel", data=data)
        names = [t(f"analysis.kpi.{key}") for key in UNITS[5]]
        heading = t("tables.channel.channel")
    wide = kpis.reset_index().pivot(index="channel", columns="kpi", values="display")[names]
    wide.columns = [name[:1].upper() + name[1:] for name in names]
    order = [c for c in channels if c in wide.index] + [c for c in wide.index if c not in channels]
    wide = wide.loc[order]
    labels = [channels[c][0 if lang == "zh" else 1] if c in channels else c for c in wide.index]
    labels = [label[:1].upper() + label[1:] for label in labels]
    return wide.set_axis(pd.Index(labels, name=heading))
