"""The review round: answers follow the data, concepts are checked, every question has both
languages."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.quiz import Choice, Numeric, Ranking
from workshop_lib.review import answer_key, review_questions


def funnel_table(diagnosed: int, treated: int) -> pd.DataFrame:
    stages = ["population", "diabetic", "diagnosed", "treated", "sglt2", "brand"]
    patients = [1000, 500, diagnosed, treated, 20, 10]
    return pd.DataFrame({"period": [2024] * 6, "stage": stages, "patients": patients})


def hcps_table(counts: dict[str, int]) -> pd.DataFrame:
    stages = [stage for stage, n in counts.items() for _ in range(n)]
    return pd.DataFrame({"hcp_id": range(len(stages)), "adoption_stage": stages})


def surveys_table(latest: list[int]) -> pd.DataFrame:
    waves = [1] * 3 + [2] * len(latest)
    return pd.DataFrame({"wave": waves, "nps": [0, 0, 0, *latest]})


def activities_table(converted: dict[str, int]) -> pd.DataFrame:
    rows = [
        {
            "month": "2024-12",
            "channel": channel,
            "reached": 100,
            "responded": 50,
            "converted": n,
            "new_prescribers": n,
        }
        for channel, n in converted.items()
    ]
    return pd.DataFrame(rows)


def tables(**changes) -> dict[str, pd.DataFrame]:
    made = {
        "patient_funnel": funnel_table(200, 180),
        "hcps": hcps_table(dict.fromkeys(["unaware", "aware", "trial", "adopter", "advocate"], 10)),
        "surveys": surveys_table([10, 10, 9, 8, 7, 6, 0, 3]),
        "activities": activities_table({"rep_visit": 5, "wecom": 20, "city_meeting": 10}),
    }
    made.update(changes)
    return made


def by_id(data: dict[str, pd.DataFrame]) -> dict:
    return {q.id: q for q in review_questions(data)}


def test_ten_questions_two_per_unit_in_course_order():
    questions = review_questions(tables())
    assert [q.id.split(".")[0] for q in questions] == [f"r{u}" for u in range(1, 6) for _ in "ab"]
    assert len({q.id for q in questions}) == 10
    assert all(q.hints and q.explanation for q in questions)


def test_biggest_loss_follows_the_funnel():
    # diabetic 500 → diagnosed 200 loses 300, the most after the population level
    assert by_id(tables())["r1.loss"].correct == {"diagnosed"}
    # diagnosed 450 → treated 400 → SGLT2 20: now the SGLT2 step loses the most
    moved = tables(patient_funnel=funnel_table(450, 400))
    assert by_id(moved)["r1.loss"].correct == {"sglt2"}


def test_biggest_loss_leaves_out_the_population_level():
    question = by_id(tables())["r1.loss"]
    assert "population" not in dict(question.options)
    assert len(question.options) == 4


def test_weakest_adoption_step_follows_the_hcps():
    # 50 → 40 → 30 → 20 → 10 reached: adopter → advocate keeps only half
    assert by_id(tables())["r3.ladder"].correct == {"advocate"}
    stuck = hcps_table({"unaware": 1, "aware": 60, "trial": 5, "adopter": 20, "advocate": 14})
    assert by_id(tables(hcps=stuck))["r3.ladder"].correct == {"trial"}


def test_nps_keeps_passives_in_the_denominator():
    question = by_id(tables(surveys=surveys_table([10, 10, 9, 8, 7, 6])))["r4.nps"]
    assert isinstance(question, Numeric)
    assert question.expected == pytest.approx(100 * (3 - 1) / 6)
    assert question.check("33.3").correct
    assert not question.check("50").correct  # passives dropped: (3 − 1) ÷ 4
    assert by_id(tables())["r4.nps"].expected == pytest.approx(0.0)


def test_nps_uses_only_the_latest_wave():
    # wave 1 holds three detractors; wave 2 only promoters
    assert by_id(tables(surveys=surveys_table([10, 9])))["r4.nps"].expected == 100


def test_best_channel_follows_the_activities():
    assert by_id(tables())["r5.channel"].correct == {"wecom"}
    swapped = activities_table({"rep_visit": 30, "wecom": 20, "city_meeting": 10})
    question = by_id(tables(activities=swapped))["r5.channel"]
    assert question.correct == {"rep_visit"}
    assert dict(question.options)["rep_visit"] == "代表拜访"


def test_concept_answers():
    questions = by_id(tables())
    assert questions["r4.dimension"].check("sustainability").correct
    assert not questions["r4.dimension"].check("differentiation").correct
    assert questions["r3.criterion"].check("competition").correct
    assert questions["r1.clv"].check("clv").correct
    assert questions["r2.retention"].check("retention").correct
    assert questions["r5.kpi"].check("response_rate").correct
    ladder = questions["r2.ladder"]
    assert isinstance(ladder, Ranking)
    assert ladder.check(["unaware", "aware", "trial", "adopter", "advocate"]).correct
    assert not ladder.check(["aware", "unaware", "trial", "adopter", "advocate"]).correct


def test_feedback_never_gives_the_answer_away():
    for question in review_questions(tables()):
        wrong = str(question.expected + 37) if isinstance(question, Numeric) else None
        if isinstance(question, Choice):
            wrong = next(k for k, _ in question.options if k not in question.correct)
        if isinstance(question, Ranking):
            wrong = list(reversed(question.order))
        message = question.check(wrong).message
        assert question.answer_text() not in message


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_both_languages(lang):
    with i18n.language(lang):
        questions = review_questions(tables())
    other = "en" if lang == "zh" else "zh"
    with i18n.language(other):
        others = review_questions(tables())
    assert all(a.prompt != b.prompt for a, b in zip(questions, others, strict=True))


def test_missing_table_is_named():
    data = tables()
    del data["surveys"]
    with pytest.raises(ValueError, match="surveys"):
        review_questions(data)


def test_answer_key_lists_every_answer():
    key = answer_key(review_questions(tables())).data
    assert len(key) == 10
    assert key.loc["r1.loss"].iloc[1] == "已诊断（知晓）"
    assert "从“糖尿病患者”到“已诊断（知晓）”" in key.loc["r1.loss"].iloc[2]
    assert key.loc["r4.nps"].iloc[1] == "0.0"
    assert "(3 − 3) ÷ 8" in key.loc["r4.nps"].iloc[2]
