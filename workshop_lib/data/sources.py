"""Where each table's data is in a company folder: a file, or a sheet of a workbook.

A company folder holds one file per table, named by the table key or its Chinese or English name
(``hcps.csv``, ``医生.xlsx``), or a workbook with one sheet per table (as written by
``workshop data template``). :func:`find_sources` finds them without reading any table.

Examples
--------
>>> from workshop_lib import workspace
>>> sources = find_sources(workspace.course_source() / "datasets")
>>> describe(sources["hcps"])
'hcps.csv'
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..i18n import t
from .errors import DataError, Problem
from .schema import TABLES
from .validate import fold

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
"""Workbook formats read with openpyxl."""

TEXT_SUFFIXES = (".csv", ".txt")
"""Text formats read as CSV."""


class Source(NamedTuple):
    """Where a table's data is: a file, and the sheet for a workbook (None: pick by name)."""

    path: Path
    sheet: str | None = None


def find_sources(folder: str | Path) -> dict[str, Source]:
    """Find each table's file (or workbook sheet) in ``folder``.

    Raises
    ------
    DataError
        If a table has more than one file.
    """
    folder = Path(folder)
    names = {
        fold(n): table.name
        for table in TABLES.values()
        for n in (table.name, table.label_zh, table.label_en)
    }
    found: dict[str, list[Source]] = {}
    workbooks = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        suffix = path.suffix.lower()
        table = names.get(fold(path.stem))
        if table and suffix in (*TEXT_SUFFIXES, *EXCEL_SUFFIXES):
            found.setdefault(table, []).append(Source(path))
        elif suffix in EXCEL_SUFFIXES:
            workbooks.append(path)
    for path in workbooks:
        for sheet in sheet_names(path):
            table = names.get(fold(sheet))
            if table:
                found.setdefault(table, []).append(Source(path, sheet))
    problems = [
        Problem(
            None,
            None,
            t("data.two_sources", table=table, files=", ".join(describe(s) for s in sources)),
        )
        for table, sources in found.items()
        if len(sources) > 1
    ]
    if problems:
        raise DataError(problems, file=str(folder))
    return {table: sources[0] for table, sources in found.items()}


def describe(source: Source) -> str:
    """A source's file name, with the sheet for a workbook."""
    return source.path.name if source.sheet is None else f"{source.path.name} [{source.sheet}]"


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook; none when it cannot be opened (reading a table says why)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # an unreadable workbook is reported when a table is read from it
        return []
    try:
        return list(book.sheetnames)
    finally:
        book.close()
