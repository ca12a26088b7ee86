"""Checked questions: right and wrong answers, hints, scoring, answers computed from the data."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from workshop_lib import data, i18n, quiz
from workshop_lib.canvas.quiz_card import QuizCard
from workshop_lib.plan import BrandPlan

CLV = quiz.Numeric(
    "clv",
    "CLV?",
    hints=("m·r ÷ (1 + d − r)", "60 × 0.92 ÷ 0.088"),
    explanation="627.27",
    expected=627.27,
    kind="money",
)
RATE = quiz.Numeric("rate", "Rate?", expected=0.125, kind="rate")
CHOICE = quiz.Choice(
    "nps",
    "NPS?",
    options=(("a", "mean"), ("b", "promoters − detractors")),
    correct=frozenset({"b"}),
)
MULTI = quiz.Choice(
    "dims",
    "Brand dimensions?",
    options=(("a", "attractive"), ("b", "cheap"), ("c", "sustainable")),
    correct=frozenset({"a", "c"}),
    multiple=True,
)
RANK = quiz.Ranking(
    "ladder",
    "Order",
    items=(("u", "unaware"), ("a", "aware"), ("t", "trial")),
    order=("u", "a", "t"),
)


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("627", True),
        ("¥627.3", True),
        ("６２７", True),
        ("620", False),
        ("", False),
        ("abc", False),
    ],
)
def test_numeric_money_within_one_percent(answer, right):
    assert CLV.check(answer).correct is right


@pytest.mark.parametrize("answer", ["12.5%", "0.125", "12.5", "12.9%", "0.121"])
def test_rates_accept_fraction_or_percent(answer):
    assert RATE.check(answer).correct


def test_wrong_feedback_never_gives_the_answer_away():
    for question, wrong in ((CLV, "500"), (CHOICE, "a"), (RANK, ["a", "u", "t"])):
        message = question.check(wrong).message
        assert question.answer_text() not in message
        assert question.answer_text() in question.reveal()


def test_choice_multiple_and_ranking():
    assert CHOICE.check("b").correct and not CHOICE.check("a").correct
    assert not CHOICE.check(["a", "b"]).correct  # one only
    assert not CHOICE.check("z").correct
    assert MULTI.check(["a", "c"]).correct and not MULTI.check(["a"]).correct
    assert RANK.check(["u", "a", "t"]).correct
    assert not RANK.check(["u", "a"]).correct and not RANK.check(["u", "u", "t"]).correct


def test_hints_come_one_at_a_time_and_run_out():
    assert CLV.hint(0) == "m·r ÷ (1 + d − r)" and CLV.hint(1) and CLV.hint(2) is None


@pytest.mark.parametrize(
    ("correct", "attempts", "hints", "revealed", "expected"),
    [
        (True, 1, 0, False, 1.0),
        (True, 2, 1, False, 0.5),
        (True, 9, 9, False, 0.25),
        (False, 3, 0, False, 0.0),
        (True, 1, 0, True, 0.0),
    ],
)
def test_scoring(correct, attempts, hints, revealed, expected):
    assert quiz.score(correct, attempts, hints, revealed) == expected


def test_kpi_questions_follow_the_data():
    tables = {name: data.load(name) for name in data.TABLES}
    before = next(q for q in quiz.kpi_questions(1, data=tables) if q.id == "u1.penetration")
    funnel = tables["patient_funnel"]
    funnel.loc[funnel["stage"] == "brand", "patients"] //= 2
    after = next(q for q in quiz.kpi_questions(1, data=tables) if q.id == "u1.penetration")
    assert after.expected == pytest.approx(before.expected / 2, rel=0.01)
    assert not after.check(str(before.expected)).correct


def test_share_change_question_gives_two_shares_whose_difference_is_the_answer():
    question = next(q for q in quiz.kpi_questions(4) if q.id == "u4.share_change")
    now, before = (float(p) for p in re.findall(r"(\d+\.\d+)%", question.prompt))
    assert "分子" not in question.prompt and "分母" not in question.prompt
    assert question.check(f"{now - before:.2f}").correct
    assert f"{now}% − {before}%" in question.hints[1]


def test_clv_question_gives_margin_retention_and_discount_that_give_the_answer():
    question = next(q for q in quiz.kpi_questions(1) if q.id == "u1.clv")
    margin = float(re.search(r"¥([\d,.]+)", question.prompt).group(1).replace(",", ""))
    retention, discount = (float(p) / 100 for p in re.findall(r"(\d+\.\d+)%", question.prompt))
    assert "分子" not in question.prompt
    assert question.check(margin * retention / (1 + discount - retention)).correct


def test_sample_questions_are_answerable_with_their_own_answer_in_both_languages():
    for lang in ("zh", "en"):
        with i18n.language(lang):
            for unit in range(1, 6):
                for question in quiz.kpi_questions(unit):
                    assert question.check(question.expected).correct, question.id
                    assert question.prompt and question.hints and question.explanation


def test_quiz_card_records_attempts_hints_and_score_in_the_plan(tmp_path):
    plan = BrandPlan(group="g")
    plan.save(tmp_path / "g.json")
    card = QuizCard(CLV, plan)
    card.input.value = "500"
    card.check()
    assert "✗" in card.feedback.value
    card.hint()
    assert "m·r" in card.feedback.value
    card.input.value = "627.3"
    card.check()
    saved = BrandPlan.load(tmp_path / "g.json").quiz.answers["clv"]
    assert saved.correct and saved.attempts == 2 and saved.hints == 1 and saved.score == 0.5
    again = QuizCard(CLV, BrandPlan.load(tmp_path / "g.json"))
    assert again.input.value == "627.3"  # the answer comes back after a reload


def test_quiz_card_for_choice_multiple_and_ranking():
    plan = BrandPlan(group="g")
    multi = QuizCard(MULTI, plan)
    boxes = [w for w in multi.input.children if isinstance(w, widgets.Checkbox)]
    boxes[0].value = boxes[2].value = True
    multi.check()
    assert plan.quiz.answers["dims"].correct
    ranking = QuizCard(RANK, plan)
    for box, key in zip(ranking.input.children, ["u", "a", "t"], strict=True):
        box.value = key
    ranking.check()
    assert plan.quiz.answers["ladder"].correct
    ranking.reveal()
    assert plan.quiz.answers["ladder"].score == 0.0
