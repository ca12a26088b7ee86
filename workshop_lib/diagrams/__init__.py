"""The course diagrams: each draws on a matplotlib Axes from data and returns it.

Every function has the form ``f(data, *, ax=None, lang=None, **kws) -> Axes``: with ``ax=None``
it makes a figure of a suitable size; ``lang`` picks zh or en labels. Artists a user may restyle
carry a ``gid``; :func:`artists` finds them (``artists(ax, "funnel.stage.")``), and
:func:`save_png` writes the figure.
"""

from __future__ import annotations

from ._common import artists, save_png
from .attractiveness import attractiveness_chart
from .dashboard import kpi_dashboard
from .funnel import purchase_funnel
from .matrix import segment_matrix
from .pool import market_pool

__all__ = [
    "artists",
    "attractiveness_chart",
    "kpi_dashboard",
    "market_pool",
    "purchase_funnel",
    "save_png",
    "segment_matrix",
]
