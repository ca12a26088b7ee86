"""Pure pandas analysis behind the course's exercises: no drawing, no widgets, no files.

- :func:`funnel` (:mod:`.funnel`): conversion, drop-off and leverage points of a purchase flow;
  :func:`stage_counts` sums the ``patient_funnel`` table into the counts it takes.
- :func:`unit_kpis` (:mod:`.unit_kpis`): the three KPIs of a course unit on the active scenario.
- :func:`dashboard_tiles` (:mod:`.dashboard`): the KPI dashboard's tiles, latest period against
  the one before.
- :mod:`.segmentation` and :mod:`.attractiveness`: the segmentation framework and the
  attractiveness scoring of units 2 and 3.
"""

from . import attractiveness, segmentation
from .dashboard import dashboard_tiles
from .funnel import funnel, stage_counts
from .unit_kpis import unit_kpis

__all__ = [
    "attractiveness",
    "dashboard_tiles",
    "funnel",
    "segmentation",
    "stage_counts",
    "unit_kpis",
]
