"""attractiveness_chart: ranked stacked bars and the GE-style bubble variant."""

from __future__ import annotations

import pytest
from diagrams.diagram_inputs import SCORES

from workshop_lib import i18n
from workshop_lib.analysis.attractiveness import CRITERIA, rank
from workshop_lib.diagrams import artists, attractiveness_chart


def test_a_part_per_criterion_per_segment_best_first():
    ax = attractiveness_chart(SCORES, lang="en")
    assert len(artists(ax, "attractiveness.part.")) == len(SCORES) * len(CRITERIA)
    names = [a.get_text() for a in artists(ax, "attractiveness.name.")]
    assert names == ["A", "B", "C"]
    scores = [a.get_text() for a in artists(ax, "attractiveness.score.")]
    assert scores == ["3.95", "3.70", "2.10"]
    ends = [a.get_position()[0] for a in artists(ax, "attractiveness.score.")]
    assert ends == sorted(ends, reverse=True)


def test_bar_length_is_the_weighted_score():
    table = rank(SCORES)
    ax = attractiveness_chart(table, lang="zh")
    parts = artists(ax, "attractiveness.part.A.")
    total = sum(p.get_width() for p in parts)
    scale = parts[0].get_width() / table.loc["A", "size"]
    assert total == pytest.approx(table.loc["A", "score"] * scale)
    legend = [a.get_text() for a in artists(ax, "attractiveness.legend.")]
    assert legend[0] == "市场规模" and len(legend) == 7


def test_bubbles_follow_size_and_sit_at_ability_and_market():
    sizes = {"A": 400, "B": 100, "C": 25}
    ax = attractiveness_chart(SCORES, kind="bubble", size=sizes, lang="en")
    bubbles = {b.get_gid().rsplit(".", 1)[1]: b for b in artists(ax, "attractiveness.bubble.")}
    assert len(bubbles) == 3
    assert (bubbles["A"].radius / bubbles["B"].radius) ** 2 == pytest.approx(4)
    table = rank(SCORES, size=sizes)
    higher = table["market"].idxmax()
    lower = table["market"].idxmin()
    assert bubbles[higher].center[1] > bubbles[lower].center[1]


@pytest.mark.parametrize(
    ("kws", "field"), [({"kind": "pie"}, '"kind"'), ({"kind": "bubble"}, '"size"')]
)
def test_invalid_options_name_the_field(kws, field):
    with i18n.language("en"), pytest.raises(ValueError, match=field):
        attractiveness_chart(SCORES, **kws)


def test_scores_off_the_scale_name_segment_and_criterion():
    bad = {**SCORES, "B": {**SCORES["B"], "growth": 9}}
    with i18n.language("en"), pytest.raises(ValueError, match=r"scores\[B\]\.growth"):
        attractiveness_chart(bad)


def test_the_plans_section_gives_scores_and_weights():
    from workshop_lib.plan import Attractiveness, Criterion

    equal = [Criterion(key=c, label=c, weight=1 / 7) for c in CRITERIA]
    section = Attractiveness(criteria=equal, scores=SCORES)
    ax = attractiveness_chart(section, lang="en")
    expected = rank(SCORES, {c: 1 / 7 for c in CRITERIA})
    scores = [a.get_text() for a in artists(ax, "attractiveness.score.")]
    assert scores == [f"{v:.2f}" for v in expected["score"]]
