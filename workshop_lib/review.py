"""The closing review (开火车): two quick checked questions for each of the five units.

Half of the questions test a concept of the course (which KPI measures what, the order of the
adoption ladder, which criterion counts against a segment, what the four brand dimensions mean).
The other half are answered from the active scenario's tables, so a client's data gives right
checks without anyone typing answers in:

==============  ==============  ======================================================
question        table           the answer
==============  ==============  ======================================================
``r1.loss``     patient_funnel  the step of the treatment flow (after the first level,
                                the whole population) that loses the most people
``r3.ladder``   hcps            the step of the adoption ladder that keeps the smallest
                                share of the HCPs who reached the stage before
``r4.nps``      surveys         the NPS of the latest wave, passives in the denominator
``r5.channel``  activities      the channel with the highest sales conversion in the
                                last 12 months
==============  ==============  ======================================================

Examples
--------
>>> from workshop_lib import i18n
>>> with i18n.language("en"):
...     questions = review_questions()
>>> [q.id for q in questions][:4]
['r1.loss', 'r1.clv', 'r2.ladder', 'r2.retention']
>>> questions[2].answer_text()
'Unaware > Aware > Trial > Adopter > Advocate'
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

import pandas as pd
from pandas.io.formats.style import Styler

from . import data as scenario
from . import fmt, i18n, kpi
from .analysis.attractiveness import CRITERIA, INVERSE
from .analysis.funnel import funnel, stage_counts
from .analysis.unit_kpis import ADOPTION, unit_kpis
from .data.schema import CATEGORIES
from .i18n import t
from .quiz import Choice, Numeric, Question, Ranking

DIMENSIONS = ("attractiveness", "differentiation", "implementability", "sustainability")
"""The four dimensions a brand strength is assessed on (unit 4), in the course's order."""

LADDER_SHOWN = ("trial", "unaware", "advocate", "aware", "adopter")
"""The adoption stages in the (scrambled) order the ranking question lists them."""


def _label(category: str, key: object) -> str:
    """The active language's label of a category value, or the value itself when unknown."""
    labels = CATEGORIES[category].get(str(key))
    if labels is None:
        return str(key)
    return labels[0] if i18n.get_language() == "zh" else labels[1]


def _option(text: str) -> str:
    """An answer option as shown: its first letter capitalised (Chinese is left as it is)."""
    return text[:1].upper() + text[1:]


def _tables(data: Mapping[str, pd.DataFrame] | None):
    """A function giving each table: from ``data`` when given, else the active scenario."""
    if data is None:
        return scenario.load

    def get(name: str) -> pd.DataFrame:
        if name not in data:
            raise ValueError(t("review.table_missing", table=name))
        return data[name]

    return get


def _kpi_choice(qid: str, correct: str, options: tuple[str, ...]) -> Choice:
    """A "which KPI is this?" question whose options are KPI names of the catalog."""
    return Choice(
        id=qid,
        prompt=t(f"review.{qid}.prompt"),
        hints=(t(f"review.{qid}.hint"),),
        explanation=t(f"review.{qid}.explanation"),
        options=tuple((key, _option(t(f"analysis.kpi.{key}"))) for key in options),
        correct=frozenset({correct}),
    )


def _concept_choice(qid: str, correct: str, options: tuple[tuple[str, str], ...]) -> Choice:
    """A concept question whose prompt, hint and explanation are in the catalog."""
    return Choice(
        id=qid,
        prompt=t(f"review.{qid}.prompt"),
        hints=(t(f"review.{qid}.hint"),),
        explanation=t(f"review.{qid}.explanation"),
        options=options,
        correct=frozenset({correct}),
    )


def biggest_loss(table: pd.DataFrame) -> Choice:
    """Which step of the treatment flow loses the most people (from the ``patient_funnel``).

    The first level (the whole population) is left out: people without the disease are not
    lost patients. The options are the later steps; each loses people from the step before.
    """
    counts = stage_counts(table).iloc[1:]
    steps = funnel(counts)
    lost = steps["drop_off"].iloc[1:].astype(float)
    names = [_label("stage", key) for key in steps.index]
    options = tuple(
        (str(key), _option(name)) for key, name in zip(steps.index[1:], names[1:], strict=True)
    )
    worst = lost.idxmax()
    at = list(steps.index).index(worst)
    return Choice(
        id="r1.loss",
        prompt=t("review.r1.loss.prompt", first=names[0]),
        hints=(t("review.r1.loss.hint"),),
        explanation=t(
            "review.r1.loss.explanation",
            step=names[at],
            lost=fmt.count(lost[worst]),
            share=fmt.percent(steps.at[worst, "drop_off_rate"]),
            before=names[at - 1],
        ),
        options=options,
        correct=frozenset({str(worst)}),
    )


def adoption_ladder() -> Ranking:
    """Put the HCP adoption stages in order, from unaware to advocate."""
    return Ranking(
        id="r2.ladder",
        prompt=t("review.r2.ladder.prompt"),
        hints=(t("review.r2.ladder.hint"),),
        explanation=t("review.r2.ladder.explanation"),
        items=tuple((key, _option(_label("adoption_stage", key))) for key in LADDER_SHOWN),
        order=ADOPTION,
    )


def weakest_adoption_step(hcps: pd.DataFrame) -> Choice:
    """Which step of the adoption ladder keeps the smallest share of HCPs (from ``hcps``).

    Each HCP counts at their stage and every stage below it, so the counts make a funnel from
    "all HCPs" to "advocate"; the weakest step is the one with the lowest conversion.
    """
    at_stage = hcps["adoption_stage"].astype(str).value_counts()
    reached = pd.Series(
        {key: int(at_stage.reindex(ADOPTION[i:]).fillna(0).sum()) for i, key in enumerate(ADOPTION)}
    )
    steps = funnel(reached)
    conversion = steps["from_previous"].iloc[1:]
    weakest = conversion.idxmin()
    names = {key: _label("adoption_stage", key) for key in ADOPTION}
    options = tuple((key, f"{names[before]} → {names[key]}") for before, key in pairwise(ADOPTION))
    return Choice(
        id="r3.ladder",
        prompt=t("review.r3.ladder.prompt"),
        hints=(t("review.r3.ladder.hint"),),
        explanation=t(
            "review.r3.ladder.explanation",
            step=dict(options)[weakest],
            share=fmt.percent(conversion[weakest]),
        ),
        options=options,
        correct=frozenset({weakest}),
    )


def nps_question(surveys: pd.DataFrame) -> Numeric:
    """The NPS of the latest survey wave, given its promoters, passives and detractors."""
    wave = surveys["wave"].max()
    scores = pd.to_numeric(surveys.loc[surveys["wave"] == wave, "nps"]).dropna()
    promoters = int((scores >= 9).sum())
    detractors = int((scores <= 6).sum())
    passives = len(scores) - promoters - detractors
    value = kpi.nps(scores)
    return Numeric(
        id="r4.nps",
        prompt=t(
            "review.r4.nps.prompt",
            wave=wave,
            promoters=fmt.count(promoters),
            passives=fmt.count(passives),
            detractors=fmt.count(detractors),
        ),
        hints=(t("review.r4.nps.hint"), t("review.r4.nps.hint2", n=fmt.count(len(scores)))),
        explanation=t(
            "review.r4.nps.explanation",
            promoters=fmt.count(promoters),
            detractors=fmt.count(detractors),
            n=fmt.count(len(scores)),
            value=fmt.number(value, digits=1, sign=True),
        ),
        expected=value,
        kind="points",
        shown=fmt.number(value, digits=1, sign=True),
    )


def best_channel(activities: pd.DataFrame) -> Choice:
    """The channel with the highest sales conversion in the last 12 months (``activities``)."""
    table = unit_kpis(5, by="channel", data={"activities": activities}).loc["sales_conversion"]
    table = table.dropna(subset=["value"])
    values = pd.Series(table["value"].to_numpy(dtype=float), index=table["channel"].astype(str))
    best = values.idxmax()
    options = tuple((key, _option(_label("channel", key))) for key in values.index)
    return Choice(
        id="r5.channel",
        prompt=t("review.r5.channel.prompt", period=table["period"].iloc[0]),
        hints=(t("review.r5.channel.hint"),),
        explanation=t(
            "review.r5.channel.explanation",
            channel=dict(options)[best],
            share=fmt.percent(values[best]),
        ),
        options=options,
        correct=frozenset({best}),
    )


def review_questions(data: Mapping[str, pd.DataFrame] | None = None) -> list[Question]:
    """The review round's ten questions, two per unit, in course order.

    Parameters
    ----------
    data : mapping of str to DataFrame, optional
        Tables by name (``patient_funnel``, ``hcps``, ``surveys``, ``activities``); the active
        scenario's by default.

    Returns
    -------
    list of Question
        In the active language; ids ``r<unit>.<name>``.

    Raises
    ------
    ValueError
        When ``data`` lacks one of the four tables (the message names it).
    """
    get = _tables(data)
    criteria = tuple((key, t(f"attractiveness.criterion.{key}")) for key in CRITERIA)
    dimensions = tuple((key, t(f"canvas.dimension.{key}")) for key in DIMENSIONS)
    activity_kpis = ("sales_conversion", "response_rate", "acquisition_growth", "loyalty")
    return [
        biggest_loss(get("patient_funnel")),
        _kpi_choice("r1.clv", "clv", ("cac", "clv", "penetration", "retention")),
        adoption_ladder(),
        _kpi_choice(
            "r2.retention", "retention", ("segment_growth", "csat", "retention", "loyalty")
        ),
        _concept_choice("r3.criterion", next(iter(INVERSE)), criteria),
        weakest_adoption_step(get("hcps")),
        _concept_choice("r4.dimension", "sustainability", dimensions),
        nps_question(get("surveys")),
        _kpi_choice("r5.kpi", "response_rate", activity_kpis),
        best_channel(get("activities")),
    ]


def answer_key(questions: list[Question] | None = None) -> Styler:
    """The questions with their answers and explanations, one row each (trainer edition).

    Parameters
    ----------
    questions : list of Question, optional
        The review's questions (:func:`review_questions` on the active scenario) by default.

    Returns
    -------
    Styler
        Indexed by question id, with the prompt, the answer and the explanation as columns,
        left-aligned and shown in full; ``.data`` is the DataFrame.

    Examples
    --------
    >>> from workshop_lib import i18n
    >>> with i18n.language("en"):
    ...     key = answer_key().data
    >>> key.loc["r4.dimension", "Answer"]
    'Sustainability'
    """
    if questions is None:
        questions = review_questions()
    columns = [t("review.key.question"), t("review.key.answer"), t("review.key.explanation")]
    rows = [(q.prompt, q.answer_text(), q.explanation) for q in questions]
    table = pd.DataFrame(rows, columns=columns, index=pd.Index([q.id for q in questions]))
    return table.style.set_table_styles(
        [{"selector": "th, td", "props": "text-align: left; vertical-align: top"}]
    )
