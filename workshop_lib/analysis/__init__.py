"""Pure pandas analysis behind the course's exercises: no drawing, no widgets, no files.

- :func:`funnel` (:mod:`.funnel`): conversion, drop-off and leverage points of a purchase flow.
- :func:`unit_kpis` (:mod:`.unit_kpis`): the three KPIs of a course unit on the active scenario.
- :mod:`.segmentation` and :mod:`.attractiveness`: the segmentation framework and the
  attractiveness scoring of units 2 and 3.
"""

from . import attractiveness, segmentation
from .funnel import funnel
from .unit_kpis import unit_kpis

__all__ = ["attractiveness", "funnel", "segmentation", "unit_kpis"]
