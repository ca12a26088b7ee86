"""Whatever a client types into a cell, ``read_table`` returns a table or raises ``DataError``."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_lib.data import TABLES, DataError, read_table

TOKENS = [
    "",
    " ",
    "abc",
    "-1",
    "1e400",
    "12%",
    "1,234",
    '"',
    "\x00",
    "是",
    "2024-13",
    "nan",
    "inf",
    "NULL",
    "\t",
    "9" * 30,
    "1.5",
    "TRUE",
    "R99",
    "\ufeff",
    "=SUM(A1)",
    "2024年3月",
]
CELLS = [None, -1, 1e300, True, dt.datetime(2024, 3, 1), 3.5, 10**20, "x" * 300, *TOKENS]
REGIONS = {f"R0{i}" for i in range(1, 7)}

edits = st.lists(
    st.tuples(st.integers(0, 29), st.integers(0, 12), st.sampled_from(CELLS)),
    min_size=1,
    max_size=4,
)


def _edited(clean, table, changes):
    frame = clean[table].head(30).astype(object)
    for row, col, value in changes:
        frame.iat[row % len(frame), col % frame.shape[1]] = value
    return frame


def _read(path, table):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return read_table(path, table, regions=REGIONS)
        except DataError as error:
            assert error.problems and str(error)
            return None


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=st.sampled_from(list(TABLES)), changes=edits)
def test_csv_cells(clean, tmp_path, write_csv, encoding, table, changes):
    frame = _edited(clean, table, changes)
    try:
        path = write_csv(frame, tmp_path / "f.csv", encoding)
    except UnicodeEncodeError:
        return
    _read(path, table)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=st.sampled_from(list(TABLES)), changes=edits)
def test_excel_cells(clean, tmp_path, table, changes):
    frame = _edited(clean, table, changes).map(
        lambda v: v.replace("\x00", "") if isinstance(v, str) else v
    )
    path = tmp_path / "f.xlsx"
    frame.to_excel(path, index=False)
    _read(path, table)
