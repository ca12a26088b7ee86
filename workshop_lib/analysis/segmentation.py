"""The segmentation framework: a grid of two variables, counted and valued per cell.

Unit 2 of the course splits customers (here HCPs from the ``hcps`` table) on two variables,
for example prescribing potential × adoption stage. A numeric variable is cut into levels at
given cut points (tertiles by default); a categorical one keeps its own levels. Each cell gets
its number of customers and their value (e.g. category prescriptions), and the most valuable
cells, or the ones the group picks, become the priority segments in order.

Examples
--------
>>> import pandas as pd
>>> hcps = pd.DataFrame({
...     "monthly_patients": [20, 80, 150, 300, 40, 220],
...     "adoption_stage": ["aware", "trial", "adopter", "adopter", "unaware", "trial"],
...     "category_rx": [10, 40, 90, 200, 15, 120],
... })
>>> seg = framework(hcps, "monthly_patients", "adoption_stage", row_cuts=[100],
...                 col_levels=["unaware", "aware", "trial", "adopter"], priority=2)
>>> seg.rows.levels, seg.cols.levels
(('low', 'high'), ('unaware', 'aware', 'trial', 'adopter'))
>>> seg.cells.query("count > 0")[["row", "col", "count", "value", "priority"]]
    row      col  count  value  priority
0   low  unaware      1   15.0      <NA>
1   low    aware      1   10.0      <NA>
2   low    trial      1   40.0      <NA>
6  high    trial      1  120.0         2
7  high  adopter      2  290.0         1
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..i18n import t

LEVEL_NAMES = {
    2: ("low", "high"),
    3: ("low", "medium", "high"),
    4: ("low", "medium_low", "medium_high", "high"),
}
"""Names of the levels of a numeric variable cut into 2, 3 or 4 bands (low to high)."""


@dataclass(frozen=True)
class Axis:
    """One variable of the framework: its column, level keys (low to high) and cut points."""

    column: str
    levels: tuple[str, ...]
    cuts: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Segmentation:
    """A segmentation framework.

    Attributes
    ----------
    rows, cols : Axis
        The two variables.
    value : str
        The column summed as each cell's value.
    cells : DataFrame
        One row per cell (every combination of levels, rows-major): ``row``, ``col``,
        ``count``, ``value``, ``count_share``, ``value_share`` and ``priority`` (1 = first;
        ``<NA>`` for cells that are not priorities).
    """

    rows: Axis
    cols: Axis
    value: str
    cells: pd.DataFrame

    def priorities(self) -> pd.DataFrame:
        """Return the priority cells in their order."""
        return self.cells.dropna(subset=["priority"]).sort_values("priority")


def _error(field: str, value: Any, problem: str) -> ValueError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return ValueError(t("segmentation.invalid", field=field, value=shown, problem=problem))


def _axis(
    table: pd.DataFrame,
    column: str,
    cuts: Sequence[float] | None,
    levels: Sequence[str] | None,
    field: str,
) -> tuple[Axis, pd.Series]:
    """Build one axis and the level key of every row."""
    if column not in table.columns:
        raise _error(field, column, t("segmentation.no_column", columns=", ".join(table.columns)))
    series = table[column]
    if levels is None and pd.api.types.is_numeric_dtype(series) and series.dtype != bool:
        if cuts is None:
            cuts = series.quantile([1 / 3, 2 / 3]).tolist()
        cuts = tuple(float(c) for c in cuts)
        if not cuts or len(cuts) + 1 not in LEVEL_NAMES or list(cuts) != sorted(set(cuts)):
            raise _error(f"{field}_cuts", list(cuts), t("segmentation.cuts"))
        names = LEVEL_NAMES[len(cuts) + 1]
        codes = np.searchsorted(np.asarray(cuts), series.to_numpy(dtype=float), side="right")
        keys = pd.Series(np.asarray(names, dtype=object)[codes], index=table.index)
        return Axis(column, names, cuts), keys
    keys = series.astype(object).map(lambda v: v if pd.isna(v) else str(v))
    if levels is None:
        if isinstance(series.dtype, pd.CategoricalDtype):
            levels = [str(c) for c in series.cat.categories]
        else:
            levels = _known_order(column, set(keys.dropna())) or sorted(keys.dropna().unique())
    levels = tuple(str(v) for v in levels)
    unknown = keys[keys.notna() & ~keys.isin(levels)]
    if len(unknown):
        raise _error(
            f"{column}[{unknown.index[0]}]",
            unknown.iloc[0],
            t("segmentation.level", levels=", ".join(levels)),
        )
    return Axis(column, levels), keys


HIGHEST_FIRST = frozenset({"city_tier", "hospital_tier", "title"})
"""Categories the data dictionary lists from the top down (tier 1 first, chief first)."""


def _known_order(column: str, values: set[str]) -> list[str] | None:
    """The data dictionary's order of a category column's values, low to high."""
    from ..data.schema import CATEGORIES, TABLES

    for table in TABLES.values():
        category = table.column(column).category if column in table.keys else None
        if category:
            order = list(CATEGORIES[category])
            if category in HIGHEST_FIRST:
                order.reverse()
            if values <= set(order):
                return [v for v in order if v in values]
    return None


def framework(
    table: pd.DataFrame,
    rows: str,
    cols: str,
    *,
    row_cuts: Sequence[float] | None = None,
    col_cuts: Sequence[float] | None = None,
    row_levels: Sequence[str] | None = None,
    col_levels: Sequence[str] | None = None,
    value: str = "category_rx",
    priority: int | Sequence[tuple[str, str]] = 3,
) -> Segmentation:
    """Build the segmentation framework of ``table`` on the variables ``rows`` × ``cols``.

    Parameters
    ----------
    table : DataFrame
        One row per customer, e.g. the ``hcps`` table.
    rows, cols : str
        The two segmentation variables (column names).
    row_cuts, col_cuts : sequence of float, optional
        Cut points of a numeric variable, ascending: 1–3 of them give 2–4 levels
        (``low``/``high``, ``low``/``medium``/``high``, ...). A value equal to a cut point goes to
        the higher level. Default: the variable's tertiles.
    row_levels, col_levels : sequence of str, optional
        Levels of a categorical variable in order (low to high); default: the categories of
        an ordered column, else the sorted values.
    value : str
        Column summed as each cell's value (e.g. ``category_rx``, the prescribing potential).
    priority : int or sequence of (row level, col level)
        How many of the most valuable cells become priorities, or the group's own choice in
        order.

    Returns
    -------
    Segmentation

    Raises
    ------
    ValueError
        Naming the argument or the row and column of a bad value (unknown column, bad cut
        points, a value outside the given levels, a priority cell that does not exist).
    """
    if not isinstance(table, pd.DataFrame) or table.empty:
        raise _error("table", type(table).__name__, t("segmentation.table"))
    row_axis, row_keys = _axis(table, rows, row_cuts, row_levels, "rows")
    col_axis, col_keys = _axis(table, cols, col_cuts, col_levels, "cols")
    if value not in table.columns:
        raise _error("value", value, t("segmentation.no_column", columns=", ".join(table.columns)))
    amounts = pd.to_numeric(table[value], errors="coerce")
    bad = amounts[amounts.isna() | (amounts < 0)]
    if len(bad):
        raise _error(
            f"{value}[{bad.index[0]}]", table.at[bad.index[0], value], t("segmentation.value")
        )
    # every key is one of its axis's levels or missing (checked above): count by level codes
    rows_n, cols_n = len(row_axis.levels), len(col_axis.levels)
    row_codes = pd.Categorical(row_keys, categories=row_axis.levels).codes.astype(np.int64)
    col_codes = pd.Categorical(col_keys, categories=col_axis.levels).codes.astype(np.int64)
    known = (row_codes >= 0) & (col_codes >= 0)  # a missing key has code -1
    cell_of = row_codes[known] * cols_n + col_codes[known]
    cells = pd.DataFrame(
        {
            "row": np.repeat(row_axis.levels, cols_n),
            "col": np.tile(col_axis.levels, rows_n),
            "count": np.bincount(cell_of, minlength=rows_n * cols_n).astype(int),
            "value": np.bincount(
                cell_of, weights=amounts.to_numpy(dtype=float)[known], minlength=rows_n * cols_n
            ),
        }
    )
    cells["count_share"] = cells["count"] / max(cells["count"].sum(), 1)
    cells["value_share"] = cells["value"] / cells["value"].sum() if cells["value"].sum() else 0.0
    cells["priority"] = pd.array([pd.NA] * len(cells), dtype="Int64")
    for order, position in enumerate(_priority_positions(cells, priority), start=1):
        cells.loc[position, "priority"] = order
    return Segmentation(row_axis, col_axis, value, cells)


def _priority_positions(cells: pd.DataFrame, priority: Any) -> list[int]:
    """Row positions of the priority cells, first priority first."""
    if isinstance(priority, int) and not isinstance(priority, bool):
        if not 0 <= priority <= len(cells):
            raise _error("priority", priority, t("segmentation.priority_count", n=len(cells)))
        ranked = cells[cells["count"] > 0].sort_values(
            ["value", "count"], ascending=False, kind="stable"
        )
        return list(ranked.index[:priority])
    positions = []
    lookup = {(r, c): i for i, r, c in zip(cells.index, cells["row"], cells["col"], strict=True)}
    for i, cell in enumerate(priority):
        key = tuple(str(v) for v in cell) if isinstance(cell, tuple | list) else None
        if key not in lookup or lookup[key] in positions:
            raise _error(f"priority[{i}]", cell, t("segmentation.priority_cell"))
        positions.append(lookup[key])
    return positions
