"""Files a client may bring that hold the same data as the sample must read back identical."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.data import TABLES, DataWarning, read_table
from workshop_lib.data.schema import CATEGORIES

ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030"]


def _zh_headers(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    spec = TABLES[table]
    return frame.rename(columns={c.key: c.label_zh for c in spec.columns})


def _en_headers(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    spec = TABLES[table]
    return frame.rename(columns={c.key: c.label_en.upper() for c in spec.columns})


def _as_spreadsheet(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """What Chinese Excel users type: labels for categories, 是/否, 1,234, 12.4%, spaces, 2024/3."""
    spec = TABLES[table]
    out = frame.astype(object)
    for c in spec.columns:
        values = frame[c.key]
        if c.dtype == "category":
            labels = {k: zh for k, (zh, _) in CATEGORIES[c.category].items()}
            out[c.key] = values.map(labels)
        elif c.dtype == "bool":
            out[c.key] = values.map({True: "是", False: "否"})
        elif c.dtype == "int":
            out[c.key] = [f"{v:,}" if not pd.isna(v) else "" for v in values]
        elif c.dtype == "rate":
            out[c.key] = [f"{v * 100:.10g}%" for v in values]
        elif c.dtype == "month":
            out[c.key] = [f"{m[:4]}/{int(m[5:])}" if isinstance(m, str) else "" for m in values]
        elif c.dtype == "string":
            out[c.key] = [f"  {v} " if isinstance(v, str) else v for v in values]
    return out


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("table", list(TABLES))
def test_encodings_with_chinese_headers(table, encoding, clean, tmp_path, write_csv):
    path = write_csv(_zh_headers(clean[table], table), tmp_path / "f.csv", encoding)
    pd.testing.assert_frame_equal(read_table(path, table), clean[table])


@pytest.mark.parametrize("table", list(TABLES))
def test_excel_with_chinese_headers_in_shuffled_order(table, clean, tmp_path):
    frame = _zh_headers(clean[table], table)
    shuffled = frame[list(np.random.default_rng(1).permutation(frame.columns))]
    path = tmp_path / "book.xlsx"
    shuffled.to_excel(path, index=False, sheet_name=TABLES[table].label_zh)
    pd.testing.assert_frame_equal(read_table(path, table), clean[table])


@pytest.mark.parametrize("table", list(TABLES))
def test_spreadsheet_spellings_in_gbk(table, clean, tmp_path, write_csv):
    frame = _zh_headers(_as_spreadsheet(clean[table], table), table)
    path = write_csv(frame, tmp_path / "f.csv", "gbk")
    pd.testing.assert_frame_equal(read_table(path, table), clean[table])


@pytest.mark.parametrize("table", list(TABLES))
def test_spreadsheet_spellings_in_excel(table, clean, tmp_path):
    frame = _en_headers(_as_spreadsheet(clean[table], table), table)
    path = tmp_path / "book.xlsx"
    frame.to_excel(path, index=False)
    pd.testing.assert_frame_equal(read_table(path, table), clean[table])


def test_english_labels_reversed_order_tab_separated(clean, tmp_path, write_csv):
    frame = _en_headers(clean["hcps"], "hcps")
    path = write_csv(frame[frame.columns[::-1]], tmp_path / "hcps.txt", "utf-8-sig", sep="\t")
    pd.testing.assert_frame_equal(read_table(path, "hcps"), clean["hcps"])


def test_blank_rows_are_ignored_and_rows_keep_their_numbers(clean, tmp_path):
    frame = clean["regions"]
    body = frame.to_csv(index=False).splitlines()
    commas = "," * (len(frame.columns) - 1)
    text = "\n".join([*body[:3], "", commas, *body[3:], commas, commas, "", ""]) + "\n"
    path = tmp_path / "regions.csv"
    path.write_text(text, encoding="utf-8")
    pd.testing.assert_frame_equal(read_table(path, "regions"), frame)
    broken = text.replace("0.131", "1.31")
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_table(path, "regions")
    assert caught.value.row == 2  # first data row, before the blank lines


def test_excel_blank_rows_are_ignored(clean, tmp_path):
    frame = clean["activities"].astype(object)
    gap = pd.DataFrame([[None] * frame.shape[1]] * 2, columns=frame.columns)
    padded = pd.concat([frame.iloc[:5], gap, frame.iloc[5:], gap], ignore_index=True)
    path = tmp_path / "a.xlsx"
    padded.to_excel(path, index=False)
    pd.testing.assert_frame_equal(read_table(path, "activities"), clean["activities"])


def test_unknown_columns_are_ignored_with_a_warning_naming_them(clean, tmp_path, write_csv):
    frame = clean["regions"].assign(备注="x", extra=1)
    path = write_csv(frame, tmp_path / "regions.csv")
    with i18n.language("en"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = read_table(path, "regions")
    pd.testing.assert_frame_equal(result, clean["regions"])
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert len(messages) == 1
    assert "备注" in messages[0] and "extra" in messages[0] and "regions.csv" in messages[0]


def test_optional_column_may_be_left_out(clean, tmp_path, write_csv):
    frame = clean["surveys"].drop(columns=["intent_to_prescribe"])
    result = read_table(write_csv(frame, tmp_path / "s.csv"), "surveys")
    assert result["intent_to_prescribe"].isna().all()
    assert result.columns.tolist() == TABLES["surveys"].keys


def test_gbk_whose_chinese_starts_late_in_the_file(clean, tmp_path):
    frame = clean["hcps"].astype(object)
    labels = {k: zh for k, (zh, _) in CATEGORIES["department"].items()}
    frame.loc[1190:, "department"] = frame.loc[1190:, "department"].map(labels)
    data = frame.to_csv(index=False).encode("gbk")
    assert data[:65536].isascii() and not data.isascii()
    path = tmp_path / "hcps.csv"
    path.write_bytes(data)
    pd.testing.assert_frame_equal(read_table(path, "hcps"), clean["hcps"])


def test_ids_keep_leading_zeros_and_numeric_looking_text(clean, tmp_path, write_csv):
    frame = clean["regions"].copy()
    frame["region_id"] = [f"{i:03d}" for i in range(1, 7)]
    result = read_table(write_csv(frame, tmp_path / "regions.csv"), "regions")
    assert result["region_id"].tolist() == ["001", "002", "003", "004", "005", "006"]


def test_unsorted_file_reports_the_earliest_duplicate_row(clean, tmp_path, write_csv):
    frame = clean["rx_monthly"].sample(frac=1.0, random_state=3).reset_index(drop=True)
    frame.loc[400] = frame.loc[17]
    path = write_csv(frame, tmp_path / "rx.csv")
    with i18n.language("en"), pytest.raises(Exception) as caught:
        read_table(path, "rx_monthly")
    assert (caught.value.row, caught.value.column) == (402, "month")
    assert "duplicates row 19" in str(caught.value)


def test_excel_column_given_twice_under_the_same_header(clean, tmp_path):
    frame = clean["regions"]
    path = tmp_path / "regions.xlsx"
    with pd.ExcelWriter(path) as writer:
        frame.to_excel(writer, index=False)
        frame[["adult_pop"]].to_excel(writer, index=False, startcol=frame.shape[1])
    with i18n.language("en"), pytest.warns(DataWarning, match=r"adult_pop\.1"):
        pd.testing.assert_frame_equal(read_table(path, "regions"), frame)
