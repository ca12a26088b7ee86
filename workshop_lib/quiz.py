"""Checked questions: numeric, single and multiple choice, and ranking, with hints.

A question checks an answer and says whether it is right, without revealing the expected answer
until the learner asks for it (:meth:`Question.reveal`). Hints come one at a time. The unit KPI
questions are computed from the active scenario (:func:`kpi_questions`), so a client's data gives
right checks without anyone typing answers in.

Scoring: a right answer scores 1, less 0.25 for each hint taken and each wrong attempt before it,
but never below 0.25; a revealed answer scores 0.

Examples
--------
>>> q = Numeric("q1", "CLV with m=60, r=0.92, d=0.008?", expected=627.27, kind="money",
...             hints=("m·r ÷ (1 + d − r)",), explanation="60 × 0.92 ÷ 0.088 = 627.27")
>>> q.check("620").correct, q.check("627").correct, q.check("¥627.3").correct
(False, True, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import fmt
from .i18n import t

HINT_PENALTY = 0.25
WRONG_PENALTY = 0.25
FLOOR = 0.25


@dataclass(frozen=True)
class Feedback:
    """The result of checking an answer: right or not, and what to tell the learner."""

    correct: bool
    message: str


def score(correct: bool, attempts: int, hints: int, revealed: bool = False) -> float:
    """The score of a question from how it was answered (see the module's scoring rule)."""
    if revealed or not correct:
        return 0.0
    return max(FLOOR, 1 - HINT_PENALTY * hints - WRONG_PENALTY * max(attempts - 1, 0))


@dataclass(frozen=True)
class Question:
    """Base of every question: an id, the prompt, hints in order and the explanation."""

    id: str
    prompt: str
    hints: tuple[str, ...] = ()
    explanation: str = ""

    def check(self, answer: Any) -> Feedback:
        """Check ``answer``; the message never contains the expected answer."""
        raise NotImplementedError

    def answer_text(self) -> str:
        """The expected answer as text (shown only by :meth:`reveal`)."""
        raise NotImplementedError

    def reveal(self) -> str:
        """The expected answer and the explanation, for a learner who asked to see it."""
        return t("quiz.revealed", answer=self.answer_text(), explanation=self.explanation)

    def hint(self, taken: int) -> str | None:
        """The next hint after ``taken`` hints, or None when there are no more."""
        return self.hints[taken] if taken < len(self.hints) else None

    def _verdict(self, correct: bool) -> Feedback:
        if correct:
            return Feedback(True, t("quiz.correct", explanation=self.explanation))
        return Feedback(False, t("quiz.wrong"))


@dataclass(frozen=True)
class Numeric(Question):
    """A number to compute, right within a tolerance.

    ``kind`` says how the number is read and shown (``shown``, when given, is the expected
    answer as the course displays it): ``"rate"`` (a share: ``0.125``, ``12.5%``
    and ``12.5`` all mean 12.5%), ``"money"`` (``¥3,388``), ``"points"`` (percentage points or
    NPS points) or ``"number"``. ``tolerance`` is absolute unless ``relative`` is true.
    """

    expected: float = 0.0
    kind: str = "number"
    tolerance: float | None = None
    relative: bool = False
    shown: str = ""

    def _tolerance(self) -> tuple[float, bool]:
        if self.tolerance is not None:
            return self.tolerance, self.relative
        return {"rate": (0.0051, False), "points": (0.51, False)}.get(self.kind, (0.01, True))

    def read(self, answer: Any) -> float:
        """The number in ``answer`` (``"12.5%"``, ``"¥3,388"``, ``"１２"``); ValueError if none."""
        if isinstance(answer, str):
            answer = answer.replace("¥", "").replace("￥", "").replace("RMB", "")
            answer = answer.replace("个百分点", "").replace("pp", "").replace("元", "")
        # read as every number field reads what is typed
        value = fmt.parse_number(answer, field=t("quiz.answer"), percent=True)
        if value is None:
            raise ValueError(t("quiz.empty"))
        if self.kind == "rate" and abs(value) > 1 and abs(self.expected) <= 1:
            value /= 100  # "12.5" meant 12.5%
        return value

    def check(self, answer: Any) -> Feedback:
        try:
            value = self.read(answer)
        except ValueError as err:
            return Feedback(False, str(err))
        tolerance, relative = self._tolerance()
        allowed = tolerance * abs(self.expected) if relative else tolerance
        return self._verdict(math.isclose(value, self.expected, rel_tol=0, abs_tol=allowed))

    def answer_text(self) -> str:
        if self.shown:
            return self.shown
        if self.kind == "rate":
            return fmt.percent(self.expected)
        if self.kind == "money":
            return fmt.money(self.expected)
        return fmt.number(self.expected, digits=1)


@dataclass(frozen=True)
class Choice(Question):
    """Pick the right option (``multiple=False``) or every right option (``multiple=True``)."""

    options: tuple[tuple[str, str], ...] = ()
    correct: frozenset[str] = field(default_factory=frozenset)
    multiple: bool = False

    def check(self, answer: Any) -> Feedback:
        chosen = {answer} if isinstance(answer, str) else set(answer or ())
        if not chosen:
            return Feedback(False, t("quiz.empty"))
        unknown = chosen - {key for key, _ in self.options}
        if unknown:
            return Feedback(False, t("quiz.unknown_option", option=", ".join(sorted(unknown))))
        if not self.multiple and len(chosen) > 1:
            return Feedback(False, t("quiz.one_only"))
        return self._verdict(chosen == set(self.correct))

    def answer_text(self) -> str:
        return "; ".join(text for key, text in self.options if key in self.correct)


@dataclass(frozen=True)
class Ranking(Question):
    """Put the items in the right order (first = highest)."""

    items: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] = ()

    def check(self, answer: Any) -> Feedback:
        given = list(answer or ())
        if len(given) != len(self.order) or set(given) != set(self.order):
            return Feedback(False, t("quiz.rank_all", n=len(self.order)))
        return self._verdict(tuple(given) == self.order)

    def answer_text(self) -> str:
        names = dict(self.items)
        return " > ".join(names[key] for key in self.order)


KPI_KINDS = {"cac": "money", "clv": "money", "nps": "points", "share_change": "points"}
"""How each KPI's value is read and shown; every other KPI is a rate."""


def kpi_questions(unit: int, *, data: Mapping[str, pd.DataFrame] | None = None) -> list[Numeric]:
    """One numeric question per KPI of ``unit``, computed from the active scenario.

    Each gives the KPI's numerator and denominator for the period and asks for the KPI; hints
    name the formula, then the division; the explanation shows the worked result.
    """
    from .analysis import unit_kpis

    table = unit_kpis(unit, data=data)
    questions = []
    for key, row in table.iterrows():
        kind = KPI_KINDS.get(str(key), "rate")
        prompt, hint = _kpi_prompt(str(key), row)
        questions.append(
            Numeric(
                id=f"u{unit}.{key}",
                prompt=prompt,
                hints=(t("quiz.hint_formula", formula=row["formula"]), hint),
                explanation=t(
                    "quiz.kpi_explanation",
                    kpi=row["kpi"],
                    display=row["display"],
                    formula=row["formula"],
                    n=int(row["n"]),
                ),
                expected=float(row["value"]),
                kind=kind,
                shown=str(row["display"]),
            )
        )
    return questions


def _kpi_prompt(key: str, row: pd.Series) -> tuple[str, str]:
    """The question for one KPI and its second hint, giving the inputs as the KPI reads them.

    A share change is a difference of two shares, shown as percentages; CLV gives its margin,
    retention and discount rate (its numerator is ``m·r``, its denominator ``1 + d − r``); every
    other KPI is a numerator over a denominator.
    """
    common = {"kpi": row["kpi"], "period": row["period"], "formula": row["formula"]}
    if key == "clv":
        from .analysis.unit_kpis import MONTHLY_DISCOUNT

        retention = 1 + MONTHLY_DISCOUNT - row["denominator"]
        inputs = {
            "margin": fmt.money(row["numerator"] / retention, 2),
            "retention": fmt.percent(retention, 2),
            "discount": fmt.percent(MONTHLY_DISCOUNT, 1),
        }
        steps = {"top": _given(row["numerator"]), "bottom": _given(row["denominator"])}
        return t("quiz.clv_prompt", **common, **inputs), t("quiz.hint_clv", **steps)
    if key == "share_change":
        shares = {
            "now": fmt.percent(row["numerator"], 2),
            "before": fmt.percent(row["denominator"], 2),
        }
        return t("quiz.share_prompt", **common, **shares), t("quiz.hint_share", **shares)
    given = {"numerator": _given(row["numerator"]), "denominator": _given(row["denominator"])}
    return t("quiz.kpi_prompt", **common, **given), t("quiz.hint_divide", **given)


def _given(value: float) -> str:
    """A KPI input as the prompt shows it: whole numbers grouped, others to 4 significant digits."""
    value = float(value)
    if value.is_integer():
        return fmt.number(value, digits=0)
    digits = max(0, 3 - math.floor(math.log10(abs(value)))) if value else 0
    return fmt.number(value, digits=digits)
