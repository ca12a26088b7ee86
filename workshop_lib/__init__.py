"""Marketing Excellence workbook (卓越市场营销): the course's helper library.

The stable parts are modules, loaded on first use so that ``import workshop_lib`` stays quick::

    import workshop_lib as wl
    wl.style.use()                 # Chinese-capable figures in the workbook's look
    wl.i18n.set_language("en")     # English edition

Pure computation: ``kpi`` (the 15 KPIs), ``analysis`` (funnel, segmentation, attractiveness,
unit KPIs), ``data`` (scenario tables), ``fmt`` and ``i18n``. Drawing: ``style`` and ``diagrams``.
The group's work: ``plan``, ``groups``, ``quiz``, ``review`` and the widget ``canvas``. The
trainer's: ``report``, ``debrief``, ``progress``, ``export``, ``handouts`` (with ``answers``,
``summary``, ``plan_figures``, ``pages``, ``classroom``). Around them: ``workspace``, ``doctor``,
``notebook``, ``authoring`` and the ``workshop`` command.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "analysis",
    "answers",
    "authoring",
    "canvas",
    "classroom",
    "data",
    "debrief",
    "diagrams",
    "doctor",
    "export",
    "fmt",
    "groups",
    "handouts",
    "i18n",
    "kpi",
    "notebook",
    "pages",
    "plan",
    "plan_figures",
    "progress",
    "quiz",
    "report",
    "review",
    "style",
    "summary",
    "tables",
    "worked_example",
    "workspace",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
