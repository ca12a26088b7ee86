"""Read one table from a CSV or Excel file and validate it against the schema.

Files come from Chinese Excel as often as from code: CSV in UTF-8 (with or without a byte-order
mark) or GBK/GB18030, Excel workbooks (.xlsx), headers written as column keys or as the Chinese or
English labels, ``1,234`` and ``12.4%`` in cells, stray spaces and blank rows. :func:`read_table`
returns the typed table or raises :class:`~workshop_lib.data.errors.DataError` listing every
problem by row and column.
"""

from __future__ import annotations

import codecs
import warnings
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ..i18n import get_language, t
from .errors import DataError, DataWarning, Problem
from .schema import Table, get_table
from .sources import EXCEL_SUFFIXES, find_sources
from .validate import Checker, check_rules, convert, fold

_SNIFF_BYTES = 1 << 16
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls and other OLE files


def read_table(
    path: str | Path,
    table: str,
    *,
    sheet: str | None = None,
    regions: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Read and validate one table from a CSV or Excel file.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` file (UTF-8, UTF-8 with BOM, GBK/GB18030; comma, tab or semicolon separated)
        or an ``.xlsx`` workbook.
    table : str
        The table key, e.g. ``"hcps"``; see :data:`~workshop_lib.data.schema.TABLES`.
    sheet : str, optional
        For a workbook: the sheet to read. By default the sheet named after the table (key or
        label), else the first sheet.
    regions : iterable of str, optional
        Known region IDs for the ``region_id`` reference check. By default they are read from
        the regions file in the same folder, if there is one (otherwise not checked).

    Returns
    -------
    DataFrame
        Columns in schema order with their keys as names, a fresh ``RangeIndex``; counts as
        ``int64`` (``Int64`` where optional blanks occur), numbers and rates as ``float64`` (rates
        as fractions, ``12.4%`` becomes ``0.124``), text in pandas' default text dtype (``str``
        from pandas 3, ``object`` before) with surrounding spaces removed, categories as their
        English keys, months as ``"YYYY-MM"``, yes/no as ``bool`` (``boolean`` where optional
        blanks occur). Blank rows are dropped; an optional column the file lacks is added empty.

    Raises
    ------
    DataError
        With every problem found (up to 50): the row as a spreadsheet shows it (header row 1),
        the column key and what is wrong, in the active language.

    Warns
    -----
    DataWarning
        When the file has columns the table does not know; they are ignored and named.

    Examples
    --------
    >>> from workshop_lib import workspace
    >>> regions = read_table(workspace.course_source() / "datasets" / "regions.csv", "regions")
    >>> regions.loc[0, "region_id"], float(regions["adult_pop"].sum())
    ('R01', 20000000.0)
    """
    spec = get_table(table)
    path = Path(path)
    name = path.name if sheet is None else f"{path.name} [{sheet}]"
    if not path.is_file():
        raise DataError([Problem(None, None, t("data.file_missing"))], file=str(path))
    raw, name = _read_raw(path, spec, sheet, name)
    frame, check = _map_columns(raw, spec, name)
    if regions is None and spec.name != "regions":
        regions = _sibling_regions(path)
    typed = convert(frame, spec, check)
    check_rules(typed, spec, check, regions)
    if check.problems:
        raise DataError(check.problems, file=name, total=check.total)
    return typed.reset_index(drop=True)


# --- raw reading ---------------------------------------------------------------------------------


def _fail(name: str, key: str, **fmt) -> DataError:
    return DataError([Problem(None, None, t(key, **fmt))], file=name)


def _read_raw(path: Path, spec: Table, sheet: str | None, name: str) -> tuple[pd.DataFrame, str]:
    """Read the file's cells, header row as column names; numbered as a spreadsheet shows."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if not head.strip():
        raise _fail(name, "data.file_empty")
    if path.suffix.lower() == ".xls" or head.startswith(_OLE_MAGIC):
        raise _fail(name, "data.old_excel")
    if path.suffix.lower() in EXCEL_SUFFIXES or head.startswith(_ZIP_MAGIC):
        return _read_excel(path, spec, sheet, name)
    return _read_csv(path, head, spec, name), name


def _read_csv(path: Path, head: bytes, spec: Table, name: str) -> pd.DataFrame:
    encoding = _detect_encoding(head)
    if encoding is None:
        raise _fail(name, "data.file_binary" if b"\x00" in head else "data.file_encoding")
    sample = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    first_line = sample.splitlines()[0] if sample.strip() else ""
    sep = max((",", "\t", ";"), key=first_line.count)
    # a file that looks like UTF-8 in its first bytes may still turn to GB18030 further on
    fallbacks = [encoding, "gb18030"] if encoding in ("utf-8", "utf-8-sig") else [encoding]
    for attempt in fallbacks:
        try:
            return _parse_csv(path, sep, attempt, spec)
        except UnicodeDecodeError:
            continue
        except (pd.errors.ParserError, ValueError, OSError) as error:
            raise _fail(name, "data.file_unreadable", reason=_first_line(error)) from None
    raise _fail(name, "data.file_encoding")


def _parse_csv(path: Path, sep: str, encoding: str, spec: Table) -> pd.DataFrame:
    """Parse with pandas' C reader, as close to a plain ``read_csv`` as correctness allows.

    Free-text columns are read as text, so IDs such as ``007`` keep their zeros; every other
    column is inferred as usual. Blank lines are kept so rows keep their spreadsheet numbers.
    Cells like ``1,234`` or ``12%`` leave a column as text, and :mod:`.validate` parses it.
    """
    header = pd.read_csv(path, sep=sep, encoding=encoding, nrows=0)
    mapping, _ = _header_map(header.columns, spec)
    as_text = {
        raw: str
        for raw in header.columns
        if raw not in mapping or spec.column(mapping[raw]).dtype == "string"
    }
    return pd.read_csv(path, sep=sep, encoding=encoding, dtype=as_text, skip_blank_lines=False)


def _detect_encoding(head: bytes) -> str | None:
    """Guess the encoding from the first bytes: BOMs, then UTF-8, then GB18030, then a detector."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return None
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return best.encoding if best is not None else None


def _read_excel(path: Path, spec: Table, sheet: str | None, name: str) -> tuple[pd.DataFrame, str]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise _fail(name, "data.file_unreadable", reason=_first_line(error)) from None
    try:
        names = book.sheetnames
        chosen = sheet if sheet is not None else _pick_sheet(names, spec)
        if chosen not in names:
            raise _fail(name, "data.no_sheet", sheet=chosen, sheets=", ".join(names))
        rows = list(book[chosen].iter_rows(values_only=True))
    finally:
        book.close()
    name = f"{path.name} [{chosen}]"
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    if not rows:
        raise _fail(name, "data.file_empty")
    header = _unique_headers(rows[0])
    width = len(header)
    body = [tuple(r[:width]) + (None,) * (width - len(r)) for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    return frame, name


def _unique_headers(cells: tuple) -> list[str]:
    """Header texts, a repeated one numbered ``name.1``, ``name.2`` as pandas does for CSV."""
    seen: dict[str, int] = {}
    headers = []
    for cell in cells:
        text = "" if cell is None else str(cell)
        count = seen.get(text, 0)
        seen[text] = count + 1
        headers.append(f"{text}.{count}" if count and text else text)
    return headers


def _pick_sheet(names: list[str], spec: Table) -> str:
    wanted = {fold(spec.name), fold(spec.label_zh), fold(spec.label_en)}
    for sheet_name in names:
        if fold(sheet_name) in wanted:
            return sheet_name
    return names[0]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# --- header and rows -----------------------------------------------------------------------------


def header_lookup(spec: Table) -> dict[str, str]:
    """Map each accepted header spelling (key, zh label, en label) to the column key."""
    lookup = {}
    for column in spec.columns:
        for spelling in (column.key, column.label_zh, column.label_en):
            lookup[fold(spelling)] = column.key
    return lookup


def _header_map(headers: Iterable[object], spec: Table) -> tuple[dict[str, str], list[str]]:
    """``({raw header: key}, [unknown headers])`` for the headers of a file."""
    lookup = header_lookup(spec)
    mapping, unknown = {}, []
    for raw in headers:
        text = str(raw).strip().lstrip("\ufeff")
        key = lookup.get(fold(text))
        if key is None:
            if text and not text.startswith("Unnamed:"):
                unknown.append(text)
        else:
            mapping[raw] = key
    return mapping, unknown


def _map_columns(raw: pd.DataFrame, spec: Table, name: str) -> tuple[pd.DataFrame, Checker]:
    """Name columns by key, drop blank rows, and check that required columns are there."""
    mapping, unknown = _header_map(raw.columns, spec)
    problems = []
    by_key: dict[str, list[str]] = {}
    for header, key in mapping.items():
        by_key.setdefault(key, []).append(str(header))
    for key, headers in by_key.items():
        if len(headers) > 1:
            problems.append(
                Problem(1, key, t("data.column_twice", column=key, headers=", ".join(headers)))
            )
    lang = get_language()
    for column in spec.columns:
        if column.required and column.key not in by_key:
            problems.append(
                Problem(
                    1,
                    column.key,
                    t("data.missing_column", column=column.key, label=column.label(lang)),
                )
            )
    if problems:
        raise DataError(problems, file=name)
    if unknown:
        warnings.warn(
            t("data.unknown_columns", file=name, columns=", ".join(unknown)),
            DataWarning,
            stacklevel=3,
        )
    frame = raw if len(mapping) == raw.shape[1] else raw[list(mapping)]
    frame = frame.set_axis(list(mapping.values()), axis=1)
    frame.index = np.arange(2, len(frame) + 2)
    blank = _blank_rows(frame)
    if blank.any():
        frame = frame[~blank]
    if frame.empty:
        raise _fail(name, "data.no_rows")
    return frame, Checker(frame.index.to_numpy())


def _blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows where every cell is empty; text columns are looked at only where numbers are empty."""
    numeric = [k for k in frame.columns if pd.api.types.is_numeric_dtype(frame[k].dtype)]
    blank = np.ones(len(frame), dtype=bool)
    for key in numeric:
        blank &= frame[key].isna().to_numpy()
    candidates = np.flatnonzero(blank)
    for key in frame.columns.difference(numeric, sort=False):
        if not len(candidates):
            break
        candidates = candidates[frame[key].iloc[candidates].isna().to_numpy()]
    blank[:] = False
    blank[candidates] = True
    return blank


def _sibling_regions(path: Path) -> set[str] | None:
    """Region IDs of the regions file beside ``path``, or None if there is none or it is broken."""
    try:
        source = find_sources(path.parent).get("regions")
    except DataError:
        return None
    if source is None or (source.path == path and source.sheet is None):
        return None
    try:
        regions = read_table(source.path, "regions", sheet=source.sheet)
    except DataError:
        return None
    return set(regions["region_id"])
