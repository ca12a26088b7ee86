"""What-if sliders: move an input of a KPI and watch the KPI (and its curve) respond.

Each what-if is a small spec: the sliders, a function of their values and how to show the
result. ``whatif("clv")`` shows how customer lifetime value reacts to retention, margin and the
discount rate; the curve plots the KPI against the first slider with the current point marked.
The value follows a dragged slider at once; the curve at most every ``REDRAW_SECONDS`` (on the
kernel's asyncio loop, see :mod:`.schedule`), ending on the slider's last position.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axis import Axis
from matplotlib.ticker import FuncFormatter, PercentFormatter

from .. import fmt, i18n, kpi
from ..diagrams import png_bytes
from ..i18n import t
from ..style import PALETTE, workshop_style
from .base import PNG_COMPRESSION, PNG_DPI, REDRAW_SECONDS
from .schedule import Deferred


@dataclass(frozen=True)
class Slider:
    """One input: its argument name, range, step, starting value and how it is shown."""

    name: str
    low: float
    high: float
    step: float
    start: float
    kind: str = "number"


@dataclass(frozen=True)
class WhatIfSpec:
    """A what-if: the sliders, the KPI they drive and how the KPI is shown."""

    sliders: tuple[Slider, ...]
    compute: Callable[..., float]
    kind: str


def _activation_cac(spend: float, reached: float, response: float, conversion: float) -> float:
    return kpi.cac(spend, reached * response * conversion)


WHATIFS: dict[str, WhatIfSpec] = {
    "clv": WhatIfSpec(
        (
            Slider("retention", 0.80, 0.99, 0.005, 0.92, "rate"),
            Slider("margin", 20, 200, 5, 60, "money"),
            Slider("discount", 0.0, 0.03, 0.001, 0.008, "rate"),
        ),
        lambda retention, margin, discount: kpi.clv(margin, retention, discount),
        "money",
    ),
    "retention": WhatIfSpec(
        (
            Slider("end", 600, 1200, 10, 900, "count"),
            Slider("new", 0, 300, 5, 120, "count"),
            Slider("start", 500, 1200, 10, 1000, "count"),
        ),
        lambda end, new, start: (
            kpi.retention_rate(start, end, new) if end - new <= start else float("nan")
        ),
        "rate",
    ),
    "conversion": WhatIfSpec(
        (Slider("converted", 0, 500, 5, 180, "count"), Slider("base", 100, 1000, 10, 600, "count")),
        lambda converted, base: (
            kpi.conversion_rate(converted, base) if converted <= base else float("nan")
        ),
        "rate",
    ),
    "share_change": WhatIfSpec(
        (
            Slider("share_now", 0.05, 0.30, 0.002, 0.21, "rate"),
            Slider("share_before", 0.05, 0.30, 0.002, 0.184, "rate"),
        ),
        lambda share_now, share_before: kpi.share_change(share_now, share_before),
        "points",
    ),
    "activation_cac": WhatIfSpec(
        (
            Slider("response", 0.01, 0.60, 0.01, 0.25, "rate"),
            Slider("conversion", 0.05, 0.60, 0.01, 0.20, "rate"),
            Slider("reached", 200, 5000, 50, 1500, "count"),
            Slider("spend", 10_000, 500_000, 5_000, 150_000, "money"),
        ),
        _activation_cac,
        "money",
    ),
}
"""What-if id → spec."""


def _show(value: float, kind: str) -> str:
    if kind == "rate":
        return fmt.percent(value)
    if kind == "money":
        return fmt.money(value)
    if kind == "points":
        return fmt.points(value)
    return fmt.count(value) if kind == "count" else fmt.number(value)


class WhatIf:
    """The sliders, the KPI value and its curve for one what-if.

    Attributes
    ----------
    widget : ipywidgets.Widget
    result : ipywidgets.HTML
        The KPI's current value.
    image : ipywidgets.Image
        The KPI against the first slider, with the current point marked.
    redraws : Deferred
        The curve's redraws while a slider moves (:meth:`Deferred.flush` draws a pending one).
    """

    def __init__(self, name: str, *, lang: str | None = None):
        if name not in WHATIFS:
            raise ValueError(t("canvas.unknown_exercise", name=name, names=", ".join(WHATIFS)))
        self.name = name
        self.spec = WHATIFS[name]
        self.lang = i18n.resolve(lang)
        with i18n.language(self.lang):
            self.sliders = {
                s.name: widgets.FloatSlider(
                    value=s.start,
                    min=s.low,
                    max=s.high,
                    step=s.step,
                    description=t(f"whatif.{name}.{s.name}"),
                    readout_format=_readout(s.kind),
                    style={"description_width": "12em"},
                    layout=widgets.Layout(width="34em"),
                    continuous_update=True,
                )
                for s in self.spec.sliders
            }
            title = t(f"whatif.{name}.title")
        self.result = widgets.HTML()
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="520px"))
        self.redraws = Deferred(self.redraw, wait=REDRAW_SECONDS)
        for slider in self.sliders.values():
            slider.observe(lambda _change: self.update(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h4 style='margin:4px 0'>{html.escape(title)}</h4>"),
                *self.sliders.values(),
                self.result,
                self.image,
            ]
        )
        self._show_result()
        self.redraw()

    def values(self) -> dict[str, float]:
        """The sliders' current values by argument name."""
        return {name: slider.value for name, slider in self.sliders.items()}

    def update(self) -> None:
        """Show the KPI for the sliders' values now, and redraw its curve soon."""
        self._show_result()
        self.redraws.throttle()

    def redraw(self) -> None:
        """Draw the KPI's curve for the sliders' values into :attr:`image`."""
        values = self.values()
        self.image.value = self._curve(values, self.spec.compute(**values))

    def _show_result(self) -> None:
        values = self.values()
        value = self.spec.compute(**values)
        with i18n.language(self.lang):
            shown = _show(value, self.spec.kind) if np.isfinite(value) else t("whatif.impossible")
            label = t(f"whatif.{self.name}.result")
            line = t(
                "core.label_value",
                label=html.escape(label),
                value=f"<b style='color:{PALETTE.primary}'>{html.escape(shown)}</b>",
            )
        self.result.value = f"<p style='font-size:1.3em;margin:6px 0'>{line}</p>"

    def _curve(self, values: dict[str, float], value: float) -> bytes:
        first = self.spec.sliders[0]
        xs = np.linspace(first.low, first.high, 60)
        ys = [self.spec.compute(**{**values, first.name: x}) for x in xs]
        with i18n.language(self.lang), workshop_style():
            fig, ax = plt.subplots(figsize=(5.2, 2.6))
            ax.plot(xs, ys, color=PALETTE.primary)
            if np.isfinite(value):
                ax.plot([values[first.name]], [value], "o", color=PALETTE.accent)
            _format_axis(ax.xaxis, first.kind)
            _format_axis(ax.yaxis, self.spec.kind)
            ax.set_xlabel(t(f"whatif.{self.name}.{first.name}"))
            ax.set_ylabel(t(f"whatif.{self.name}.result"))
            ax.grid(True, alpha=0.4)
            fig.tight_layout()
            try:
                return png_bytes(fig, dpi=PNG_DPI, compress_level=PNG_COMPRESSION)
            finally:
                plt.close(fig)


def _format_axis(axis: Axis, kind: str) -> None:
    """Tick labels written like the readouts: 25%, ¥150,000, 1,200."""
    if kind == "rate":
        axis.set_major_formatter(PercentFormatter(1.0))
    elif kind in ("money", "count"):
        write = fmt.money if kind == "money" else fmt.count
        axis.set_major_formatter(FuncFormatter(lambda value, _position: write(value)))


def _readout(kind: str) -> str:
    return {"rate": ".1%", "money": ",.0f", "count": ",.0f"}.get(kind, ".3g")


def whatif(name: str, *, lang: str | None = None) -> widgets.Widget:
    """The what-if ``name`` as a widget (one line in a notebook: ``whatif("clv")``)."""
    return WhatIf(name, lang=lang).widget
