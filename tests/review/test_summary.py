"""The framework page: typed text is escaped, an empty plan renders, the worked plan is whole."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from workshop_lib.plan import (
    Activity,
    BehaviourStage,
    BrandItem,
    BrandPlan,
    LeveragePoint,
    PoolLevel,
    SegmentVariable,
)
from workshop_lib.summary import framework_html

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "\"'><svg onload=alert(2)>",
    "血糖 🩺💊 控制 👩‍⚕️",
    "长" * 10_000,
]


class Tags(HTMLParser):
    """Every start tag and attribute name in a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def filled_with(text: str) -> BrandPlan:
    """A plan with ``text`` typed into every kind of field the page shows."""
    plan = BrandPlan(group=text[:80], members=[text[:200]])
    plan.market_scope.definition = text
    plan.market_scope.levels = [PoolLevel(label=text, count=100), PoolLevel(label="b", count=50)]
    plan.purchase_flow.leverage_points = [LeveragePoint(step=text, idea=text)]
    plan.segmentation.variables = [SegmentVariable(key="monthly_patients", label=text)]
    plan.segmentation.priority_segments = [text]
    plan.attractiveness.scores = {
        text: {
            k: 3 for k in ("size", "growth", "value", "unmet_need", "competition", "access", "fit")
        }
    }
    plan.persona.name = text
    plan.persona.segment = text
    plan.behaviour_map.stages = [BehaviourStage(stage=text, current=text, desired=text)]
    plan.benefit_ladder.attributes = [text]
    plan.benefit_ladder.emotional = [text]
    plan.brand_assessment.items = [
        BrandItem(statement=text, kind="strength", attractiveness=5),
        BrandItem(statement=text, kind="weakness", sustainability=2),
    ]
    plan.communication.strategy = text
    plan.activity_plan.title = text
    plan.activity_plan.rows = [
        Activity(
            **dict.fromkeys(
                ("target_group", "channel", "activity", "message", "kpi", "target"), text
            )
        )
    ]
    return plan


@pytest.mark.parametrize("text", HOSTILE[:3])
def test_hostile_text_is_escaped(text):
    page = framework_html(filled_with(text), lang="en")
    parsed = parse(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags and "svg" not in parsed.tags
    assert not any(name.startswith("on") for name in parsed.attributes)
    assert text not in page
    assert "&lt;" in page


def test_emoji_and_long_text_are_kept_whole():
    for text in HOSTILE[3:]:
        page = framework_html(filled_with(text), lang="zh")
        assert page.count(text) >= 10  # every field shows it, nothing cut
        assert "尚未填写" not in page


def test_only_our_own_tags():
    page = framework_html(filled_with(HOSTILE[0]), lang="zh")
    allowed = {
        "div",
        "style",
        "h2",
        "h3",
        "h4",
        "p",
        "section",
        "ol",
        "ul",
        "li",
        "b",
        "table",
        "tr",
        "th",
        "td",
    }
    assert set(parse(page).tags) <= allowed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_empty_plan_says_what_is_missing(lang):
    page = framework_html(BrandPlan(group="空组"), lang=lang)
    missing = "尚未填写" if lang == "zh" else "Not filled in yet"
    # every part of the five units: definition, pool, leverage, variables, priorities, ranking,
    # persona, stages, ladder, strengths, weaknesses, strategy, activities
    assert page.count(missing) == 13
    assert page.count("<section") == 5


def test_a_part_left_empty_is_named():
    plan = filled_with("文字")
    plan.communication.strategy = "   "
    page = framework_html(plan, lang="en")
    assert "Not filled in yet: communication strategy" in page
    assert page.count("Not filled in yet") == 1


def test_worked_plan_renders_every_section(worked):
    for lang in ("zh", "en"):
        plan = worked(lang)
        page = framework_html(plan, lang=lang)
        text = re.sub(r"<[^>]+>", "", page.split("</style>")[1])
        assert "尚未填写" not in text and "Not filled in yet" not in text
        assert plan.persona.name in page
        assert plan.activity_plan.rows[0].activity in page
        assert page.count("<li>") >= 3 + 3 + 3 + 3  # leverage, ranking, ladder rungs, strengths


def test_ranking_uses_the_groups_weights():
    plan = BrandPlan(group="g")
    low = dict.fromkeys(
        ("size", "growth", "value", "unmet_need", "competition", "access", "fit"), 1
    )
    plan.attractiveness.scores = {"A": {**low, "size": 5}, "B": {**low, "fit": 5}}
    first = framework_html(plan, lang="en")
    assert first.index("A (") < first.index("B (")  # size weighs 0.20, fit 0.10 by default
    from workshop_lib.plan import Criterion

    plan.attractiveness.criteria = [
        Criterion(key=k, weight=1.0 if k == "fit" else 0.0) for k in low
    ]
    second = framework_html(plan, lang="en")
    assert second.index("B (") < second.index("A (")


def test_unscorable_ranking_says_why():
    plan = BrandPlan(group="g")
    plan.attractiveness.scores = {"A": {"size": 3}}
    page = framework_html(plan, lang="en")
    assert "A" in page and "wlf-missing" in page.split("</style>")[1]
