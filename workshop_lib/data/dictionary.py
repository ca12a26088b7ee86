"""The data dictionary: the schema as tables people read (and the sample ships as a CSV).

Examples
--------
>>> from workshop_lib.data.dictionary import schema_frame
>>> frame = schema_frame("rx_monthly", lang="en")
>>> frame.set_index("column").loc["nbrx", ["label_zh", "label_en", "dtype", "unit"]].tolist()
['新处方数', 'NBRx', 'int', 'prescriptions a month']
"""

from __future__ import annotations

import pandas as pd

from ..i18n import resolve
from .schema import TABLES, UNITS, Column, get_table


def _row(column: Column, lang: str | None) -> dict[str, object]:
    low, high = column.bounds
    row = {
        "column": column.key,
        "label_zh": column.label_zh,
        "label_en": column.label_en,
        "dtype": column.dtype,
        "required": column.required,
    }
    if lang is None:
        row |= {"unit_zh": UNITS[column.unit][0], "unit_en": UNITS[column.unit][1]}
    else:
        row["unit"] = UNITS[column.unit][0 if lang == "zh" else 1]
    row |= {
        "min": low,
        "max": high,
        "allowed": "|".join(column.allowed) if column.allowed else "",
    }
    if lang is None:
        row |= {"description_zh": column.description_zh, "description_en": column.description_en}
    else:
        row["description"] = column.description(lang)
    row["references"] = column.references or ""
    return row


def schema_frame(table: str, lang: str | None = None) -> pd.DataFrame:
    """Describe the columns of ``table``, one row per column.

    Parameters
    ----------
    table : str
        A key of :data:`~workshop_lib.data.schema.TABLES`.
    lang : {"zh", "en"}, optional
        Language of ``unit`` and ``description``; the active language by default.

    Returns
    -------
    DataFrame
        Columns ``column, label_zh, label_en, dtype, required, unit, min, max, allowed,
        description, references``. ``allowed`` lists category keys separated by ``|``;
        ``min``/``max`` are the inclusive bounds of numbers (rates: 0 and 1).
    """
    spec = get_table(table)
    lang = resolve(lang)
    return pd.DataFrame([_row(c, lang) for c in spec.columns])


def dictionary() -> pd.DataFrame:
    """Every column of every table with both languages' texts: ``datasets/data_dictionary.csv``.

    Returns
    -------
    DataFrame
        Columns ``table, column, label_zh, label_en, dtype, required, unit_zh, unit_en, min,
        max, allowed, description_zh, description_en, references``.
    """
    rows = [{"table": spec.name, **_row(c, None)} for spec in TABLES.values() for c in spec.columns]
    return pd.DataFrame(rows)
