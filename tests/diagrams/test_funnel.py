"""purchase_funnel: a bar per stage, conversions, drop-offs and numbered leverage points."""

from __future__ import annotations

import pytest
from diagrams.diagram_inputs import FUNNEL
from matplotlib.patches import Rectangle

from workshop_lib import i18n
from workshop_lib.diagrams import artists, purchase_funnel
from workshop_lib.style import PALETTE


def test_a_bar_per_stage_ordered_top_down_and_narrowing():
    ax = purchase_funnel(FUNNEL, lang="en")
    bars = artists(ax, "funnel.stage.")
    assert len(bars) == len(FUNNEL)
    assert all(isinstance(bar, Rectangle) for bar in bars)
    assert [b.get_y() for b in bars] == sorted((b.get_y() for b in bars), reverse=True)
    widths = [b.get_width() for b in bars]
    assert widths == sorted(widths, reverse=True)
    assert len(artists(ax, "funnel.flow")) == len(FUNNEL) - 1


def test_linear_scale_keeps_width_ratios():
    ax = purchase_funnel({"a": 100, "b": 50, "c": 25}, scale="linear", lang="en")
    widths = [b.get_width() for b in artists(ax, "funnel.stage.")]
    assert widths[1] / widths[0] == pytest.approx(0.5)
    assert widths[2] / widths[0] == pytest.approx(0.25)


def test_percentages_and_drop_offs_are_right():
    ax = purchase_funnel(FUNNEL, lang="zh")
    text = {a.get_gid(): a.get_text() for a in ax.texts}
    assert text["funnel.previous.diagnosed"] == "36.7%"
    assert text["funnel.initial.diagnosed"] == "4.5%"
    assert text["funnel.drop.diagnosed"] == "-1,570,000"
    assert text["funnel.previous.population"] == "—"
    assert text["funnel.initial.population"] == "100.0%"
    assert text["funnel.name.diagnosed"] == "已诊断（知晓）"


def test_leverage_points_are_highlighted_and_numbered_in_order():
    ax = purchase_funnel(FUNNEL, leverage=["sglt2", "diagnosed"], lang="en")
    first = artists(ax, "funnel.leverage_number.1")[0]
    second = artists(ax, "funnel.leverage_number.2")[0]
    assert (first.get_text(), second.get_text()) == ("1", "2")
    assert first.get_position()[1] == pytest.approx(_middle(ax, "sglt2"))
    assert second.get_position()[1] == pytest.approx(_middle(ax, "diagnosed"))
    bars = {b.get_gid(): b for b in artists(ax, "funnel.stage.")}
    assert bars["funnel.stage.sglt2"].get_facecolor()[:3] == pytest.approx(_rgb(PALETTE.accent))
    assert bars["funnel.stage.treated"].get_facecolor()[:3] == pytest.approx(_rgb(PALETTE.primary))
    assert artists(ax, "funnel.legend")


def _middle(ax, key: str) -> float:
    bar = artists(ax, f"funnel.stage.{key}")[0]
    return bar.get_y() + bar.get_height() / 2


def _rgb(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)


@pytest.mark.parametrize(
    ("kws", "field"),
    [
        ({"leverage": ["population"]}, "leverage[0]"),
        ({"leverage": ["nowhere"]}, "leverage[0]"),
        ({"leverage": ["brand", "brand"]}, "leverage[1]"),
        ({"scale": "log"}, "scale"),
    ],
)
def test_invalid_options_name_the_field(kws, field):
    with i18n.language("en"), pytest.raises(ValueError, match=f'"{field}"'.replace("[", r"\[")):
        purchase_funnel(FUNNEL, **kws)


def test_draws_on_a_given_axes_and_returns_it():
    import matplotlib.pyplot as plt

    _fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    assert purchase_funnel(FUNNEL, ax=right) is right
    assert not left.texts
    with pytest.raises(ValueError, match="ax"):
        purchase_funnel(FUNNEL, ax="right")


def test_the_plans_purchase_flow_brings_its_leverage_points():
    from workshop_lib.plan import FlowStep, LeveragePoint, PurchaseFlow

    flow = PurchaseFlow(
        steps=[FlowStep(name=k, count=v) for k, v in FUNNEL.items()],
        leverage_points=[
            LeveragePoint(step="treated", idea="随访"),
            LeveragePoint(step="diagnosed", idea="筛查"),
        ],
    )
    ax = purchase_funnel(flow.model_dump(), lang="en")
    assert len(artists(ax, "funnel.stage.")) == len(FUNNEL)
    first = artists(ax, "funnel.leverage_number.1")[0]
    assert first.get_position()[1] == pytest.approx(_middle(ax, "treated"))
    assert not artists(purchase_funnel(flow, leverage=[], lang="en"), "funnel.leverage")
