"""Turn raw cells into typed columns and check a table's rules, collecting every problem.

Each check is vectorised and looks at distinct values where it can (a million rows of months
hold a few dozen distinct months), so validating costs little next to reading the file.
Row numbers are the ones a spreadsheet shows: header row 1, first data row 2.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..i18n import get_language, t
from .errors import MAX_PROBLEMS, Problem
from .schema import CATEGORIES, Column, Table

_TRUE = {"true", "t", "yes", "y", "1", "1.0", "是", "对", "√", "✓", "有"}
_FALSE = {"false", "f", "no", "n", "0", "0.0", "否", "不是", "错", "×", "✗", "无"}
_MONTH = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|(?:[-/.]\s*\d{1,2}\s*日?)(?:[ T].*)?)?$"
)
_NUMBER_NOISE = re.compile(r"[,，\s¥￥]")
_PERCENT = ("%", "％")


def _fmt(value: float) -> str:
    """Show a number as a person typed it: ``1200000``, ``0.35``, never ``1.2e+06``.

    >>> _fmt(1200000.0), _fmt(0.35), _fmt(-3)
    ('1200000', '0.35', '-3')
    """
    value = float(value)
    if value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.10g}"


class Checker:
    """Collect problems for one table, at most :data:`MAX_PROBLEMS` per check.

    Parameters
    ----------
    rows : numpy.ndarray
        Spreadsheet row number of each data row, aligned with the frame.
    """

    def __init__(self, rows: np.ndarray) -> None:
        self.rows = rows
        self.problems: list[Problem] = []
        self.total = 0
        self.flagged: dict[str | None, np.ndarray] = {}
        self.codes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        """Per text-like column: (code per row, distinct converted values); code -1 is blank."""

    def add(self, mask: np.ndarray, column: str | None, message) -> None:
        """Record a problem for each row where ``mask`` holds.

        ``message`` is a function of the row position giving the text.
        """
        positions = np.flatnonzero(mask)
        if not len(positions):
            return
        previous = self.flagged.get(column)
        self.flagged[column] = mask if previous is None else previous | mask
        self.total += len(positions)
        for pos in positions[:MAX_PROBLEMS]:
            self.problems.append(Problem(int(self.rows[pos]), column, message(pos)))


# --- column conversion ---------------------------------------------------------------------------


def convert(frame: pd.DataFrame, table: Table, check: Checker) -> pd.DataFrame:
    """Return ``frame`` (columns already named by key) with every column typed.

    Columns of ``table`` missing from ``frame`` must be optional; they are added, empty.
    """
    out = {}
    for column in table.columns:
        if column.key in frame.columns:
            out[column.key] = _CONVERTERS[column.dtype](frame[column.key], column, check)
            _check_blank(out[column.key], column, check)
        else:
            out[column.key] = _empty(column, frame.index)
    return pd.DataFrame(out, index=frame.index, copy=False)


def _empty(column: Column, index: pd.Index) -> pd.Series:
    dtype = {"int": "Int64", "float": "float64", "rate": "float64", "bool": "boolean"}
    if column.dtype in dtype:
        return pd.Series([pd.NA] * len(index), index=index, dtype=dtype[column.dtype])
    return as_text([None] * len(index), index)


def _check_blank(series: pd.Series, column: Column, check: Checker) -> None:
    """Report empty cells of a required column, except cells already reported as unreadable."""
    if column.required:
        codes = check.codes.get(column.key)
        blank = series.isna().to_numpy() if codes is None else codes[0] < 0
        flagged = check.flagged.get(column.key)
        if flagged is not None:
            blank = blank & ~flagged
        check.add(blank, column.key, lambda _: t("data.blank"))


def _text(value: object) -> str | None:
    """A cell as stripped text, None when blank; whole floats lose their ``.0``."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _by_value(series: pd.Series, column: Column, check: Checker, parse) -> pd.Series:
    """Convert through the distinct values: ``parse(raw) -> (value, error message or None)``.

    Records a code per row for the converted value in ``check.codes`` (later checks reuse it)
    and returns ``series`` itself when no value changes, as in a clean file.
    """
    # an object ndarray factorises much faster than a string Series (no extension-array detour),
    # and a small size hint keeps the hash table small (it grows if there are many values)
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), size_hint=1024)
    values = np.empty(len(uniques) + 1, dtype=object)
    values[-1] = None
    bad = np.zeros(len(uniques) + 1, dtype=bool)
    messages: dict[int, str] = {}
    unchanged = True
    for i, raw in enumerate(uniques):
        value, message = parse(raw)
        values[i] = value
        unchanged = unchanged and value == raw and type(value) is type(raw)
        if message is not None:
            bad[i] = True
            messages[i] = message
    if bad.any():
        check.add(bad[codes], column.key, lambda pos: messages[codes[pos]])
    codes = codes.astype(np.int32, copy=False)
    if unchanged:  # distinct raw values stay distinct: the raw codes serve as they are
        check.codes[column.key] = (codes, values[:-1])
        if series.dtype == _TEXT_DTYPE:
            return series
    else:
        value_codes, value_uniques = pd.factorize(values[:-1], use_na_sentinel=True)
        value_codes = np.append(value_codes, -1).astype(np.int32)
        check.codes[column.key] = (value_codes[codes], np.asarray(value_uniques, dtype=object))
    return pd.Series(values[codes], index=series.index, dtype=object)


_TEXT_DTYPE = pd.Series(["text"]).dtype
"""The default text dtype of this pandas: ``str`` from pandas 3, ``object`` before."""


def as_text(values, index=None) -> pd.Series:
    """A Series of texts (None for blanks) in this pandas' default text dtype."""
    return pd.Series(values, index=index, dtype=_TEXT_DTYPE)


def _texts(result: pd.Series) -> pd.Series:
    return result if result.dtype == _TEXT_DTYPE else as_text(result.to_numpy(), result.index)


def _to_string(series: pd.Series, column: Column, check: Checker) -> pd.Series:
    return _texts(_by_value(series, column, check, lambda raw: (_text(raw), None)))


def _to_category(series: pd.Series, column: Column, check: Checker) -> pd.Series:
    lookup = category_lookup(column.category)
    allowed = ", ".join(CATEGORIES[column.category])

    def parse(raw):
        text = _text(raw)
        if text is None:
            return None, None
        key = lookup.get(fold(text))
        if key is None:
            return None, t("data.unknown_category", value=text, allowed=allowed)
        return key, None

    return _texts(_by_value(series, column, check, parse))


def category_lookup(category: str) -> dict[str, str]:
    """Map each spelling of a category value (key, zh label, en label) to its key."""
    lookup = {}
    for key, (zh, en) in CATEGORIES[category].items():
        for spelling in (key, zh, en):
            lookup[fold(spelling)] = key
    return lookup


def fold(text: str) -> str:
    """Compare texts ignoring case, spaces and full-width/half-width brackets."""
    text = text.replace("(", "(").replace(")", ")").replace("-", "-")
    return re.sub(r"\s+", "", text).lower()


def _to_bool(series: pd.Series, column: Column, check: Checker) -> pd.Series:
    def parse(raw):
        if isinstance(raw, (bool, np.bool_)):
            return bool(raw), None
        text = _text(raw)
        if text is None:
            return None, None
        if text.lower() in _TRUE:
            return True, None
        if text.lower() in _FALSE:
            return False, None
        return None, t("data.not_bool", value=text)

    result = _by_value(series, column, check, parse)
    if column.required and result.notna().all():
        return result.astype(bool)
    return result.astype("boolean")


def _to_month(series: pd.Series, column: Column, check: Checker) -> pd.Series:
    def parse(raw):
        if isinstance(raw, (dt.date, pd.Timestamp)):
            return f"{raw.year:04d}-{raw.month:02d}", None
        text = _text(raw)
        if text is None:
            return None, None
        match = _MONTH.match(text)
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}", None
        return None, t("data.not_month", value=text)

    return _texts(_by_value(series, column, check, parse))


def _to_number(series: pd.Series, column: Column, check: Checker) -> pd.Series:
    if pd.api.types.is_bool_dtype(series.dtype) or not pd.api.types.is_numeric_dtype(series.dtype):
        values = _parse_numbers(series, column, check)
    else:
        values = series.to_numpy()
    key = column.key
    low, high = column.bounds
    if values.dtype.kind == "f":
        values = _drop_unstorable(values, column, check)
    filled = ~np.isnan(values) if values.dtype.kind == "f" else np.ones(len(values), bool)
    if column.dtype == "int" and values.dtype.kind == "f":
        fractional = filled & (values != np.round(values))
        check.add(fractional, key, lambda pos: t("data.not_whole", value=_fmt(values[pos])))
    if column.dtype == "rate":
        outside = filled & ((values < low) | (values > high))
        check.add(outside, key, lambda pos: t("data.rate_range", value=_fmt(values[pos])))
    else:
        if low is not None:
            below = filled & (values < low)
            text = "data.negative" if low == 0 else "data.below_min"
            check.add(below, key, lambda pos: t(text, value=_fmt(values[pos]), min=_fmt(low)))
        if high is not None:
            above = filled & (values > high)
            check.add(
                above, key, lambda pos: t("data.above_max", value=_fmt(values[pos]), max=_fmt(high))
            )
    wanted = np.dtype("int64" if column.dtype == "int" else "float64")
    if series.dtype == wanted:  # already right, as in a clean file: no copy
        return series
    if column.dtype != "int" or values.dtype.kind in "iu":
        return pd.Series(values.astype(wanted), index=series.index, copy=False)
    whole = np.where(filled, np.round(values), np.nan)
    if filled.all() and np.all(np.abs(whole) < 2**62):
        return pd.Series(whole.astype("int64"), index=series.index)
    return pd.Series(pd.array(whole, dtype="Float64").astype("Int64"), index=series.index)


def _drop_unstorable(values: np.ndarray, column: Column, check: Checker) -> np.ndarray:
    """Report infinities, and counts too large to hold exactly; return them as blanks."""
    infinite = np.isinf(values)
    huge = np.zeros(len(values), dtype=bool)
    if column.dtype == "int":
        with np.errstate(invalid="ignore"):
            huge = ~infinite & (np.abs(values) >= 2**53)
    if not (infinite.any() or huge.any()):
        return values
    check.add(infinite, column.key, lambda pos: t("data.not_number", value=str(values[pos])))
    check.add(huge, column.key, lambda pos: t("data.too_large", value=_fmt(values[pos])))
    return np.where(infinite | huge, np.nan, values)


def _parse_numbers(series: pd.Series, column: Column, check: Checker) -> np.ndarray:
    """Parse text cells: thousands separators, currency signs, spaces and (in rates) percents."""
    text = series.astype("string").str.strip()
    cleaned = text.str.replace(_NUMBER_NOISE, "", regex=True)
    percent = cleaned.str.endswith(_PERCENT).fillna(False).to_numpy(dtype=bool)
    if percent.any():
        cleaned = cleaned.str.rstrip("%％")
    numbers = pd.to_numeric(cleaned.replace("", pd.NA), errors="coerce")
    values = numbers.to_numpy(dtype="float64", na_value=np.nan)
    bad = np.isnan(values) & cleaned.fillna("").ne("").to_numpy(dtype=bool)
    check.add(bad, column.key, lambda pos: t("data.not_number", value=text.iloc[pos]))
    if percent.any():
        if column.dtype == "rate":
            values = np.where(percent, values / 100.0, values)
        else:
            check.add(
                percent & ~bad,
                column.key,
                lambda pos: t("data.percent_not_rate", value=text.iloc[pos]),
            )
            values = np.where(percent, np.nan, values)
    return values


_CONVERTERS = {
    "string": _to_string,
    "category": _to_category,
    "bool": _to_bool,
    "month": _to_month,
    "int": _to_number,
    "float": _to_number,
    "rate": _to_number,
}


# --- table rules ---------------------------------------------------------------------------------


def check_rules(
    frame: pd.DataFrame, table: Table, check: Checker, regions: Iterable[str] | None
) -> None:
    """Check the duplicate-ID, reference, row and funnel rules of ``table`` on typed ``frame``."""
    _check_duplicates(frame, table, check)
    if regions is not None:
        _check_references(frame, table, check, set(regions))
    for rule in table.rules:
        _check_le(frame, table, rule.left, rule.right, check)
    if table.non_increasing:
        _check_non_increasing(frame, table, check)


def _check_duplicates(frame: pd.DataFrame, table: Table, check: Checker) -> None:
    keys = list(table.key)
    codes = [
        check.codes[k][0] if k in check.codes else pd.factorize(frame[k])[0].astype(np.int64)
        for k in keys
    ]
    combined = codes[0].astype(np.int64)  # one code for the whole key, in mixed radix
    span = int(combined.max()) + 2
    for c in codes[1:]:
        radix = int(c.max()) + 2
        if span * radix >= 2**62:  # re-factorise so the combined code stays small
            combined = pd.factorize(combined)[0].astype(np.int64)
            span = len(combined) + 1
        combined *= radix
        combined += c
        span *= radix
    filled = np.logical_and.reduce([c >= 0 for c in codes])
    # sort the key codes (stable: the earliest row of a key comes first; cheap on sorted files)
    order = np.argsort(combined, kind="stable")
    ranked = combined[order]
    repeat = np.zeros(len(ranked), dtype=bool)
    repeat[1:] = ranked[1:] == ranked[:-1]
    dup = np.zeros(len(ranked), dtype=bool)
    dup[order[repeat]] = True
    dup &= filled
    if not dup.any():
        return

    def message(pos: int) -> str:
        first = order[np.searchsorted(ranked, combined[pos], side="left")]
        key = ", ".join(f"{k}={frame[k].iloc[pos]}" for k in keys)
        return t("data.duplicate", first=int(check.rows[first]), key=key)

    check.add(dup, keys[0], message)


def _check_references(frame: pd.DataFrame, table: Table, check: Checker, known: set[str]):
    known_text = ", ".join(sorted(known)[:12]) + (" …" if len(known) > 12 else "")
    for column in table.columns:
        if column.references != "regions.region_id" or column.key not in frame:
            continue
        values = frame[column.key]
        codes, uniques = check.codes.get(column.key) or pd.factorize(values)
        unknown = np.array([u not in known for u in uniques] + [False])
        check.add(
            unknown[codes],
            column.key,
            lambda pos, v=values: t("data.unknown_region", value=v.iloc[pos], known=known_text),
        )


def _check_le(frame: pd.DataFrame, table: Table, left: str, right: str, check: Checker) -> None:
    a, b = frame[left], frame[right]
    both = (a.notna() & b.notna()).to_numpy(dtype=bool)
    for name in (left, right):  # a cell already reported as wrong is not compared again
        flagged = check.flagged.get(name)
        if flagged is not None:
            both = both & ~flagged
    if not both.any():
        return
    if a.dtype.kind in "biuf" and b.dtype.kind in "biuf":
        left_values = a.to_numpy(dtype="float64", na_value=np.nan)
        over = both & (left_values > b.to_numpy(dtype="float64", na_value=np.nan))
    else:
        over = both & (a.where(both, None) > b.where(both, None)).fillna(False).to_numpy(bool)
    left_column, right_column = table.column(left), table.column(right)

    def message(pos: int) -> str:
        lang = get_language()
        return t(
            "data.rule_le",
            left=left,
            right=right,
            left_label=left_column.label(lang),
            right_label=right_column.label(lang),
            left_value=_show(a.iloc[pos]),
            right_value=_show(b.iloc[pos]),
        )

    check.add(over, left, message)


def _show(value: object) -> str:
    if isinstance(value, (float, np.floating)):
        return _fmt(float(value))
    return str(value)


def _check_non_increasing(frame: pd.DataFrame, table: Table, check: Checker) -> None:
    groups, order, value = table.non_increasing
    rank = {k: i for i, k in enumerate(table.column(order).allowed)}
    work = pd.DataFrame(
        {
            **{g: frame[g] for g in groups},
            "_rank": frame[order].map(rank),
            "_value": frame[value],
            "_pos": np.arange(len(frame)),
        }
    ).dropna()
    work = work.sort_values([*groups, "_rank"], kind="stable")
    previous = work.groupby(list(groups), sort=False)["_value"].shift(1)
    previous_pos = work.groupby(list(groups), sort=False)["_pos"].shift(1)
    bad = (work["_value"] > previous).fillna(False).to_numpy(dtype=bool)
    mask = np.zeros(len(frame), dtype=bool)
    mask[work["_pos"].to_numpy()[bad]] = True
    prev_of = dict(zip(work["_pos"].to_numpy()[bad], previous_pos.to_numpy()[bad], strict=True))

    def message(pos: int) -> str:
        before = int(prev_of[pos])
        return t(
            "data.increasing",
            column=value,
            value=_show(frame[value].iloc[pos]),
            previous=frame[order].iloc[before],
            previous_value=_show(frame[value].iloc[before]),
        )

    check.add(mask, value, message)
