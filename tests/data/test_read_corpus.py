"""A corpus of malformed files, one per rule: each must fail with the right row and column.

The files are built from the clean sample by one declarative edit each and written as real
bytes (CSV in UTF-8 or GBK, .xlsx with openpyxl). Row numbers are spreadsheet rows: the header
is row 1, so the sample's index ``i`` is row ``i + 2``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.data import DataError, read_table


@dataclass(frozen=True)
class Case:
    """One malformed file: edit the clean ``table``, expect ``row``/``column`` and ``words``."""

    id: str
    table: str
    edit: Callable[[pd.DataFrame], pd.DataFrame]
    row: int | Callable[[pd.DataFrame], int] | None
    column: str | None
    words: str
    encoding: str = "utf-8"


def cell(index: int, column: str, value: object) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """An edit that puts ``value`` into one cell (index ``index`` is spreadsheet row index+2)."""

    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.astype(object)
        frame.loc[index, column] = value
        return frame

    return edit


def drop(column: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    return lambda frame: frame.drop(columns=[column])


def duplicate_row(source: int, target: int) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        frame.iloc[target] = frame.iloc[source]
        return frame

    return edit


def funnel_increase(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame.loc[4, "patients"] = int(frame.loc[3, "patients"]) + 1  # treated → sglt2 grows
    return frame


def key_and_label_twice(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["医生编号"] = frame["hcp_id"]
    return frame


def _unaware(frame: pd.DataFrame) -> int:
    """Index of the first respondent aware neither unaided nor aided."""
    return int(frame.index[~frame["aware_aided"] & ~frame["aware_unaided"]][0])


CASES = [
    Case("missing_column", "hcps", drop("brand_rx"), 1, "brand_rx", "brand Rx"),
    Case("column_twice", "hcps", key_and_label_twice, 1, "hcp_id", "appears twice"),
    Case("blank_required", "hcps", cell(4, "hcp_id", ""), 6, "hcp_id", "empty"),
    Case("not_a_number", "rx_monthly", cell(10, "trx", "abc"), 12, "trx", "'abc'"),
    Case("not_a_float", "rx_monthly", cell(3, "value_rmb", "十万"), 5, "value_rmb", "'十万'"),
    Case("not_whole", "rx_monthly", cell(7, "units", "12.5"), 9, "units", "whole number"),
    Case("huge_count", "rx_monthly", cell(8, "trx", "1e30"), 10, "trx", "too large"),
    Case("infinite_money", "rx_monthly", cell(4, "value_rmb", "inf"), 6, "value_rmb", "'inf'"),
    Case("negative_count", "activities", cell(20, "invited", "-5"), 22, "invited", "negative"),
    Case("negative_money", "activities", cell(21, "cost_rmb", "-1"), 23, "cost_rmb", "negative"),
    Case("rate_above_one", "regions", cell(2, "prevalence", "1.3"), 4, "prevalence", "0 and 1"),
    Case("rate_percent_over", "regions", cell(1, "aware_rate", "130%"), 3, "aware_rate", "1.3"),
    Case("rate_negative", "patients", cell(9, "pdc_12m", "-0.2"), 11, "pdc_12m", "0 and 1"),
    Case(
        "percent_in_count", "patient_funnel", cell(2, "patients", "12%"), 4, "patients", "percent"
    ),
    Case("rating_off_scale", "surveys", cell(5, "csat", "6"), 7, "csat", "at most 5"),
    Case("decile_below", "hcps", cell(8, "volume_decile", "0"), 10, "volume_decile", "at least 1"),
    Case(
        "unknown_category", "hcps", cell(3, "adoption_stage", "fan"), 5, "adoption_stage", "'fan'"
    ),
    Case(
        "unknown_channel_label",
        "activities",
        cell(6, "channel", "微信群"),
        8,
        "channel",
        "'微信群'",
    ),
    Case("not_bool", "hcps", cell(11, "kol", "maybe"), 13, "kol", "yes/no"),
    Case("not_month", "rx_monthly", cell(12, "month", "2024-13"), 14, "month", "2024-13"),
    Case("duplicate_id", "hcps", cell(30, "hcp_id", "H0003"), 32, "hcp_id", "duplicates row 4"),
    Case("duplicate_key", "rx_monthly", duplicate_row(0, 50), 52, "month", "duplicates row 2"),
    Case("unknown_region", "hcps", cell(15, "region_id", "R99"), 17, "region_id", "'R99'"),
    Case(
        "reached_gt_invited",
        "activities",
        cell(2, "reached", "999999"),
        4,
        "reached",
        "cannot exceed invited",
    ),
    Case(
        "responded_gt_reached",
        "activities",
        cell(3, "responded", "999999"),
        5,
        "responded",
        "cannot exceed reached",
    ),
    Case(
        "converted_gt_responded",
        "activities",
        cell(4, "converted", "999999"),
        6,
        "converted",
        "cannot exceed responded",
    ),
    Case(
        "brand_gt_category",
        "hcps",
        cell(6, "brand_rx", "100000"),
        8,
        "brand_rx",
        "cannot exceed category_rx",
    ),
    Case("nbrx_gt_trx", "rx_monthly", cell(9, "nbrx", "99999999"), 11, "nbrx", "cannot exceed trx"),
    Case("funnel_increases", "patient_funnel", funnel_increase, 6, "patients", "never increase"),
    Case(
        "unaided_without_aided",
        "surveys",
        lambda f: cell(_unaware(f), "aware_unaided", "yes")(f),
        _unaware,
        "aware_unaided",
        "cannot exceed aware_aided",
    ),
    Case(
        "treated_gt_aware",
        "regions",
        cell(5, "treated_rate", "0.9"),
        7,
        "treated_rate",
        "cannot exceed aware_rate",
    ),
    Case(
        "churn_before_start",
        "patients",
        cell(0, "churn_month", "2020-01"),
        2,
        "start_month",
        "cannot exceed churn_month",
    ),
    Case(
        "gbk_unknown_category",
        "hcps",
        cell(13, "department", "眼科"),
        15,
        "department",
        "'眼科'",
        encoding="gbk",
    ),
]


def _expected_row(case: Case, clean: pd.DataFrame) -> int | None:
    return case.row(clean) + 2 if callable(case.row) else case.row


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_file_names_row_and_column(case, clean, tmp_path, write_csv):
    frame = case.edit(clean[case.table])
    path = write_csv(frame, tmp_path / f"{case.table}.csv", case.encoding)
    row = _expected_row(case, clean[case.table])
    with i18n.language("en"), pytest.raises(DataError) as caught:
        read_table(path, case.table, regions={f"R0{i}" for i in range(1, 7)})
    err = caught.value
    assert (err.row, err.column) == (row, case.column)
    assert len(err.problems) == 1, err.problems
    text = str(err)
    assert f"row {row}, column {case.column}" in text
    assert case.words in text
    assert path.name in text


def test_excel_file_with_a_wrong_cell(clean, tmp_path):
    frame = cell(10, "trx", "abc")(clean["rx_monthly"])
    path = tmp_path / "rx.xlsx"
    frame.to_excel(path, index=False, sheet_name="rx_monthly")
    with i18n.language("en"), pytest.raises(DataError) as caught:
        read_table(path, "rx_monthly")
    assert (caught.value.row, caught.value.column) == (12, "trx")
    assert "rx.xlsx [rx_monthly]" in str(caught.value)


def test_message_follows_the_active_language(clean, tmp_path, write_csv):
    path = write_csv(cell(3, "adoption_stage", "fan")(clean["hcps"]), tmp_path / "hcps.csv")
    with pytest.raises(DataError) as caught:
        read_table(path, "hcps")
    text = str(caught.value)
    assert "第 5 行" in text and "adoption_stage" in text and "无法识别" in text


def test_missing_column_message_names_key_and_label_in_chinese(clean, tmp_path, write_csv):
    path = write_csv(clean["hcps"].drop(columns=["brand_rx"]), tmp_path / "hcps.csv")
    with pytest.raises(DataError, match="brand_rx") as caught:
        read_table(path, "hcps")
    assert "本品处方量" in str(caught.value)


def test_every_problem_is_listed_up_to_fifty(clean, tmp_path, write_csv):
    frame = clean["rx_monthly"].astype(object)
    frame.loc[0:79, "trx"] = "x"
    frame.loc[100, "region_id"] = "R42"
    path = write_csv(frame, tmp_path / "rx.csv")
    with i18n.language("en"), pytest.raises(DataError) as caught:
        read_table(path, "rx_monthly", regions=set(clean["regions"]["region_id"]))
    err = caught.value
    assert len(err.problems) == 50 and err.total == 81
    assert [p.row for p in err.problems[:3]] == [2, 3, 4]
    assert all(p.column == "trx" for p in err.problems)
    assert "31 more" in str(err)


def test_problems_in_several_columns_are_all_reported(clean, tmp_path, write_csv):
    frame = clean["hcps"]
    for edit in (
        cell(3, "monthly_patients", "abc"),
        cell(7, "region_id", "R99"),
        cell(10, "hcp_id", "H0001"),
        cell(11, "category_rx", "-3"),
    ):
        frame = edit(frame)
    path = write_csv(frame, tmp_path / "hcps.csv")
    write_csv(clean["regions"], tmp_path / "regions.csv")  # the reference check reads this one
    with pytest.raises(DataError) as caught:
        read_table(path, "hcps")
    found = {(p.row, p.column) for p in caught.value.problems}
    assert found == {(5, "monthly_patients"), (9, "region_id"), (12, "hcp_id"), (13, "category_rx")}


# --- whole-file problems -------------------------------------------------------------------------

FILES = {
    "empty": (b"", "empty"),
    "spaces_only": (b"  \n\n  \n", "empty"),
    "header_only": (
        b"region_id,name_zh,name_en,tier,adult_pop,prevalence,aware_rate,"
        b"treated_rate,control_of_treated\n",
        "no data rows",
    ),
    "binary": (bytes(range(256)) * 20, "neither a text table"),
    "old_excel": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
    "broken_xlsx": (b"PK\x03\x04" + b"garbage" * 50, "cannot be read"),
    "utf16_no_header_match": ("a\tb\n1\t2\n".encode("utf-16"), "is missing"),
}


@pytest.mark.parametrize("name", FILES)
def test_unusable_file_is_rejected_as_a_whole(name, tmp_path):
    content, words = FILES[name]
    path = tmp_path / f"regions{'.xlsx' if name == 'broken_xlsx' else '.csv'}"
    path.write_bytes(content)
    with i18n.language("en"), pytest.raises(DataError) as caught:
        read_table(path, "regions")
    assert words in str(caught.value)
    assert path.name in str(caught.value)
    assert caught.value.problems


def test_missing_file(tmp_path):
    with i18n.language("en"), pytest.raises(DataError, match="does not exist"):
        read_table(tmp_path / "nope.csv", "regions")


def test_unknown_table_is_a_value_error(tmp_path):
    with i18n.language("en"), pytest.raises(ValueError, match="hcps"):
        read_table(tmp_path / "x.csv", "doctors")


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


def test_excel_sheet_that_does_not_exist(clean, tmp_path):
    path = tmp_path / "book.xlsx"
    clean["regions"].to_excel(path, index=False, sheet_name="regions")
    with i18n.language("en"), pytest.raises(DataError, match="no sheet 'other'"):
        read_table(path, "regions", sheet="other")


def test_corpus_has_at_least_twenty_rules():
    assert len({c.id for c in CASES}) + len(FILES) >= 20
