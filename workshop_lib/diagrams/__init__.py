"""The course diagrams: each draws on a matplotlib Axes from data and returns it.

Every function has the form ``f(data, *, ax=None, lang=None, **kws) -> Axes``: with ``ax=None``
it makes a figure of a suitable size; ``lang`` picks zh or en labels. Artists a user may restyle
carry a ``gid``; :func:`artists` finds them (``artists(ax, "funnel.stage.")``), and
:func:`save_png` writes the figure (:func:`png_bytes` returns it).
"""

from __future__ import annotations

from ._common import artists, png_bytes, save_png
from .activity import activity_plan
from .attractiveness import attractiveness_chart
from .behaviour import behaviour_map
from .brand import brand_assessment
from .dashboard import kpi_dashboard
from .funnel import purchase_funnel
from .ladder import benefit_ladder
from .matrix import segment_matrix
from .persona import persona_card
from .pool import market_pool

__all__ = [
    "activity_plan",
    "artists",
    "attractiveness_chart",
    "behaviour_map",
    "benefit_ladder",
    "brand_assessment",
    "kpi_dashboard",
    "market_pool",
    "persona_card",
    "png_bytes",
    "purchase_funnel",
    "save_png",
    "segment_matrix",
]
