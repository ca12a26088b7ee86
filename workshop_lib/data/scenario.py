"""The active scenario: the built-in sample or a company's data folder, and loading from it.

Which data the course uses is decided, first match wins, by

1. :func:`use` in this process (``use(folder)``, or ``use(None)`` for the sample);
2. the environment variable ``WORKSHOP_DATA`` (a folder);
3. the choice saved by ``workshop data use DIR`` in ``<workspace>/.workshop/scenario.json``, where
   the workspace is :func:`workshop_lib.workspace.home`'s, the same one ``workshop lab`` and
   ``workshop app`` give their notebooks;
4. the built-in sample, ``datasets/`` of the course.

A company folder holds a file or a workbook sheet per table (see :mod:`.sources`). A table the
folder lacks comes from the sample, with a warning.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pandas as pd

from .. import workspace
from ..files import write_atomic
from ..i18n import t
from .errors import DataError, DataWarning, Problem
from .read import read_table
from .schema import get_table
from .sources import Source, find_sources

ENV_VAR = "WORKSHOP_DATA"
"""Environment variable naming a company data folder."""

CHOICE_FILE = workspace.SETTINGS / "scenario.json"
"""Where ``workshop data use`` records the choice, relative to the workspace."""

_SAMPLE = "sample"
_UNSET = object()
_choice: object = _UNSET
_cache: dict[tuple, tuple[tuple, pd.DataFrame]] = {}


def sample_folder() -> Path:
    """The folder of the built-in sample CSVs."""
    return workspace.course_source() / "datasets"


def use(folder: str | Path | None) -> Path | None:
    """Make ``folder`` the data of this process; ``None`` means the built-in sample.

    Parameters
    ----------
    folder : str, Path or None

    Returns
    -------
    Path or None
        The folder now in use, resolved; None for the sample.

    Raises
    ------
    DataError
        If ``folder`` does not exist.
    """
    global _choice
    if folder is None:
        _choice = _SAMPLE
        return None
    path = _existing_folder(folder)
    _choice = path
    return path


def reset() -> None:
    """Forget the choice made by :func:`use`; the environment and saved choice apply again."""
    global _choice
    _choice = _UNSET


def _existing_folder(folder: str | Path) -> Path:
    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        raise DataError(
            [Problem(None, None, t("data.folder_missing", folder=path))], file=str(path)
        )
    return path


def save_choice(folder: str | Path | None, root: str | Path | None = None) -> Path:
    """Record ``folder`` (None: the sample) as the data of a workspace; return the record's path.

    Parameters
    ----------
    folder : str, Path or None
        A company data folder, or None for the built-in sample.
    root : str or Path, optional
        The workspace; by default :func:`workshop_lib.workspace.home`'s.

    Raises
    ------
    DataError
        If ``folder`` does not exist.
    """
    record = workspace.home(root) / CHOICE_FILE
    payload = {"data": None if folder is None else str(_existing_folder(folder))}
    write_atomic(record, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
    return record


def _saved_choice(root: str | Path | None) -> Path | None:
    try:
        data = json.loads((workspace.home(root) / CHOICE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = data.get("data") if isinstance(data, dict) else None
    return Path(folder) if folder else None


def active_folder(root: str | Path | None = None) -> Path | None:
    """The company folder in use, or None when the course uses the built-in sample.

    Parameters
    ----------
    root : str or Path, optional
        The workspace whose saved choice counts; by default :func:`workshop_lib.workspace.home`'s.

    Raises
    ------
    DataError
        If the folder chosen no longer exists.
    """
    if _choice is not _UNSET:
        return None if _choice == _SAMPLE else _choice
    env = os.environ.get(ENV_VAR)
    if env:
        return _existing_folder(env)
    saved = _saved_choice(root)
    return _existing_folder(saved) if saved is not None else None


def _stamp(source: Source) -> tuple:
    stat = source.path.stat()
    return (stat.st_mtime_ns, stat.st_size)


def _cached_read(source: Source, table: str, regions: Source | None) -> pd.DataFrame:
    """Read ``source`` once per modification; later calls get a copy of the cached frame."""
    key = (str(source.path), source.sheet, table)
    stamp = (_stamp(source), None if regions is None else _stamp(regions))
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1].copy()
    region_ids = None
    if regions is not None and table != "regions":
        region_ids = set(_cached_read(regions, "regions", None)["region_id"])
    frame = read_table(source.path, table, sheet=source.sheet, regions=region_ids)
    _cache[key] = (stamp, frame)
    return frame.copy()


def load_sample(table: str) -> pd.DataFrame:
    """The built-in sample's ``table``, whatever scenario is active.

    Parameters
    ----------
    table : str
        A key of :data:`~workshop_lib.data.schema.TABLES`.

    Returns
    -------
    DataFrame
        A fresh copy each call (changing it does not affect later calls); see
        :func:`~workshop_lib.data.read.read_table` for the column types.

    Examples
    --------
    >>> hcps = load_sample("hcps")
    >>> len(hcps), hcps["adoption_stage"].iloc[0] in {"unaware", "aware", "trial", "adopter",
    ...                                                "advocate"}
    (1200, True)
    """
    get_table(table)
    folder = sample_folder()
    return _cached_read(Source(folder / f"{table}.csv"), table, Source(folder / "regions.csv"))


def load(table: str) -> pd.DataFrame:
    """The active scenario's ``table``: a company folder if one is chosen, else the sample.

    Repeat calls are fast: a file is read again only when it changes. The result is a fresh copy
    each time, so callers may modify it.

    Parameters
    ----------
    table : str
        A key of :data:`~workshop_lib.data.schema.TABLES`.

    Returns
    -------
    DataFrame

    Raises
    ------
    DataError
        If the company's file for ``table`` has problems.

    Warns
    -----
    DataWarning
        If the company folder has no file for ``table`` (the sample's table is used).

    Examples
    --------
    >>> use(None)  # the built-in sample, whatever was chosen before
    >>> load("regions")["region_id"].tolist()
    ['R01', 'R02', 'R03', 'R04', 'R05', 'R06']
    >>> reset()  # back to the environment's or the saved choice
    """
    get_table(table)
    folder = active_folder()
    if folder is None:
        return load_sample(table)
    sources = find_sources(folder)
    if table not in sources:
        warnings.warn(t("data.no_source", folder=folder, table=table), DataWarning, stacklevel=2)
        return load_sample(table)
    return _cached_read(sources[table], table, sources.get("regions"))
