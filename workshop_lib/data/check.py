"""Check a whole company folder: every table's file, every problem, nothing printed.

Examples
--------
>>> from workshop_lib.data.check import check_folder
>>> from workshop_lib.data.scenario import sample_folder
>>> report = check_folder(sample_folder())
>>> report.ok, sorted(report.rows)[:2]
(True, ['activities', 'hcps'])
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, DataWarning, Problem
from .read import read_table
from .schema import TABLES
from .sources import Source, describe, find_sources


@dataclass
class FolderReport:
    """What :func:`check_folder` found.

    Attributes
    ----------
    folder : Path
    sources : dict of str to Source
        The file (and sheet) found for each table.
    rows : dict of str to int
        Data rows of each table that read without problems.
    problems : list of (str, Problem)
        ``(file description, problem)`` for every problem, in table order.
    missing : list of str
        Tables the folder has no file for (the course uses the sample's).
    notes : list of str
        Warnings raised while reading, such as ignored columns.
    """

    folder: Path
    sources: dict[str, Source] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file has a problem."""
        return not self.problems


def check_folder(folder: str | Path) -> FolderReport:
    """Read every table of ``folder`` and collect all problems.

    Parameters
    ----------
    folder : str or Path
        A company data folder (see :mod:`workshop_lib.data.sources`).

    Returns
    -------
    FolderReport
        Region references are checked against the folder's own regions table when it reads
        cleanly.
    """
    folder = Path(folder)
    report = FolderReport(folder=folder)
    try:
        report.sources = find_sources(folder)
    except DataError as error:
        report.problems += [(error.file or str(folder), p) for p in error.problems]
        return report
    regions = None
    for table in TABLES:
        source = report.sources.get(table)
        if source is None:
            report.missing.append(table)
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DataWarning)
            try:
                frame = read_table(
                    source.path,
                    table,
                    sheet=source.sheet,
                    regions=regions if table != "regions" else None,
                )
            except DataError as error:
                report.problems += [(error.file or describe(source), p) for p in error.problems]
                if error.total > len(error.problems):
                    report.notes.append(error.args[0].splitlines()[-1].strip())
                frame = None
        report.notes += [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
        if frame is not None:
            report.rows[table] = len(frame)
            if table == "regions":
                regions = set(frame["region_id"])
    return report
