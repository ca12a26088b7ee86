"""The Excel export: a sheet per exercise, numbers as numbers, formulas neutralised."""

from __future__ import annotations

import io

import openpyxl
import pytest
from trainer.plans import hostile_plan

from workshop_lib.cli import main
from workshop_lib.exercises import EXERCISES
from workshop_lib.export import safe_text, workbook_bytes


def _cells(book):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet.title, cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_neutralised(start):
    assert safe_text(f"{start}1+1") == f"'{start}1+1"


def test_plain_text_is_kept():
    assert safe_text("格维乐 -5%") == "格维乐 -5%"
    assert safe_text("bell\x07") == "bell"


def test_workbook_has_a_sheet_per_exercise(small_class):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(small_class, lang="en")))
    assert len(book.sheetnames) == len(EXERCISES) + 2  # overview and quiz
    assert book.sheetnames[1] == "1.1 Market scope"
    flow = book["1.2 Treatment flow"]
    counts = [row[2] for row in flow.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(c, int | float) for c in counts if c is not None)
    groups = {row[0] for row in flow.iter_rows(min_row=2, values_only=True)}
    assert groups == {p.group for p in small_class}


def test_no_cell_is_a_formula(small_class):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([*small_class, hostile_plan()])))
    for _, cell in _cells(book):
        assert cell.data_type != "f"
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    persona = book["3.2 客户肖像"]
    names = [row[1] for row in persona.iter_rows(min_row=2, values_only=True) if row[1]]
    assert '\'=HYPERLINK("http://evil.example","x")' in names


def test_export_verb(class_dir, tmp_path, capsys):
    out = tmp_path / "class.xlsx"
    assert main(["--lang", "en", "export", str(class_dir), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert {"Overview", "Quiz"} <= set(book.sheetnames)
    captured = capsys.readouterr()
    assert "Exported 5 groups" in captured.out and "damaged.json" in captured.err


def test_export_needs_an_output_file(class_dir, capsys):
    with pytest.raises(SystemExit):
        main(["export", str(class_dir)])
