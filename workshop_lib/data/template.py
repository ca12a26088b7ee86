"""An Excel workbook a client company fills in: one sheet per table, Chinese headers, a dictionary.

The sheets are named by each table's Chinese name and the headers are the Chinese column labels,
so the filled workbook can be dropped into a folder and read as it is (see
:func:`~workshop_lib.data.sources.find_sources`). Category and yes/no columns get a drop-down
of their Chinese labels.
"""

from __future__ import annotations

from pathlib import Path

from ..files import write_atomic
from .schema import CATEGORIES, TABLES, UNITS, Column

TEMPLATE_NAME = "workshop_data_template.xlsx"
"""File name of the template in the target folder."""

DICTIONARY_SHEET = "数据字典 dictionary"
"""Name of the sheet that explains every column (matches no table, so it is never read)."""

_DICTIONARY_HEADER = (
    "表 table",
    "列 column",
    "表头 header",
    "English",
    "类型 type",
    "必填 required",
    "单位 unit",
    "范围或取值 range or values",
    "说明",
    "description",
)


def _range_text(column: Column) -> str:
    if column.allowed:
        return "; ".join(f"{CATEGORIES[column.category][k][0]} ({k})" for k in column.allowed)
    if column.dtype == "bool":
        return "是 / 否"
    if column.dtype == "month":
        return "2024-03"
    low, high = column.bounds
    if low is None and high is None:
        return ""
    return f"{'' if low is None else f'{low:g}'} – {'' if high is None else f'{high:g}'}"


def _choices(column: Column) -> list[str] | None:
    if column.allowed:
        return [CATEGORIES[column.category][k][0] for k in column.allowed]
    if column.dtype == "bool":
        return ["是", "否"]
    return None


def write_template(folder: str | Path) -> Path:
    """Write the template workbook into ``folder`` and return its path.

    Parameters
    ----------
    folder : str or Path
        Created if missing; an earlier template there is replaced.

    Returns
    -------
    Path
        ``folder / TEMPLATE_NAME``.
    """
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for spec in TABLES.values():
        sheet = book.create_sheet(spec.label_zh)
        for i, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=i, value=column.label_zh)
            cell.font, cell.fill = bold, fill
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = max(12, 2 * len(column.label_zh) + 4)
            choices = _choices(column)
            if choices:
                rule = DataValidation(
                    type="list",
                    formula1='"' + ",".join(choices) + '"',
                    allow_blank=not column.required,
                )
                sheet.add_data_validation(rule)
                rule.add(f"{letter}2:{letter}5000")
        sheet.freeze_panes = "A2"
    sheet = book.create_sheet(DICTIONARY_SHEET)
    sheet.append(_DICTIONARY_HEADER)
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    for spec in TABLES.values():
        for column in spec.columns:
            unit_zh, unit_en = UNITS[column.unit]
            unit = f"{unit_zh} / {unit_en}" if unit_zh else ""
            sheet.append(
                (
                    f"{spec.label_zh} ({spec.name})",
                    column.key,
                    column.label_zh,
                    column.label_en,
                    column.dtype,
                    "是" if column.required else "否",
                    unit,
                    _range_text(column),
                    column.description_zh,
                    column.description_en,
                )
            )
    for letter, width in zip("ABCDEFGHIJ", (22, 20, 18, 22, 10, 10, 18, 40, 40, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    target = Path(folder) / TEMPLATE_NAME
    write_atomic(target, buffer.getvalue())
    return target
