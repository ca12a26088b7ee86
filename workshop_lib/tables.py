"""Analysis results as tables a participant can read: labelled columns, formatted numbers.

The analysis functions return raw numbers for computing; these functions turn them into
text tables in the active language for a notebook to show.
"""

from __future__ import annotations

import pandas as pd

from . import fmt, i18n
from .analysis.funnel import funnel
from .data.schema import CATEGORIES
from .i18n import t


def funnel_table(counts: pd.Series, *, lang: str | None = None) -> pd.DataFrame:
    """The purchase flow's conversion, drop-off and leverage as a readable table.

    Parameters
    ----------
    counts : Series
        People at each step in order, e.g. :func:`workshop_lib.analysis.stage_counts`.
    lang : {"zh", "en"}, optional
        Language of the labels; the active language by default.

    Examples
    --------
    >>> table = funnel_table(pd.Series({"population": 1000, "diabetic": 120, "brand": 12}),
    ...                      lang="en")
    >>> table.loc["people with diabetes", "Conversion from previous step"]
    '12.0%'
    """
    lang = i18n.resolve(lang)
    result = funnel(counts)
    stages = CATEGORIES["stage"]
    index = [stages[k][0 if lang == "zh" else 1] if k in stages else k for k in result.index]
    columns = {
        "count": fmt.count,
        "from_previous": fmt.percent,
        "from_initial": fmt.percent,
        "drop_off": fmt.count,
        "leverage": fmt.count,
        "rank": lambda v: "" if pd.isna(v) else str(int(v)),
    }
    with i18n.language(lang):
        table = pd.DataFrame(
            {t(f"tables.funnel.{c}"): [show(v) for v in result[c]] for c, show in columns.items()},
            index=pd.Index(index, name=t("tables.funnel.step")),
        )
    return table
