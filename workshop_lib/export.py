"""Every group's answers in one Excel workbook: an overview sheet, a sheet per exercise, quizzes.

Each exercise sheet has a line per row of a group's answer (pool level, activity, ...) with the
group's single fields (definition, strategy, ...) on its first line, so the sheet can be
filtered by group or sorted by any column.

Text a participant typed is never read by Excel as a formula: a cell that begins with ``=``,
``+``, ``-``, ``@`` (or a tab or carriage return) gets a leading apostrophe and is stored as
text (the OWASP advice against CSV/formula injection, which also survives a later "save as
CSV"). Control characters Excel cannot store are dropped.

Examples
--------
>>> safe_text("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> safe_text("-5 mg"), safe_text("正常文本")
("'-5 mg", '正常文本')
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import i18n
from .answers import Cell
from .exercises import EXERCISES
from .files import write_atomic
from .i18n import t
from .plan import BrandPlan
from .progress import progress

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula."""

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters an .xlsx file cannot hold."""

_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31
COLUMN_WIDTH = (10, 60)
"""Narrowest and widest column, in characters."""


def safe_text(text: str) -> str:
    """``text`` that no spreadsheet runs as a formula, without characters .xlsx cannot hold."""
    text = _ILLEGAL.sub("", text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, bool) or value is None:
        cell.value = None if value is None else str(value)
    elif isinstance(value, int | float):
        cell.value = value
    else:
        cell.value = safe_text(str(value))
        cell.data_type = "s"  # never a formula, whatever the text
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _sheet(book: Workbook, title: str) -> Worksheet:
    name = _SHEET_NAME.sub(" ", title)[:MAX_SHEET_NAME].strip() or "sheet"
    return book.create_sheet(name)


def _table(sheet: Worksheet, header: Sequence[str], lines: Sequence[Sequence[Cell]]) -> None:
    """Write a header and lines, freeze the header and size the columns to their text."""
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EDF3")
    for column, name in enumerate(header, start=1):
        _put(sheet, 1, column, name)
        sheet.cell(row=1, column=column).font = bold
        sheet.cell(row=1, column=column).fill = fill
    for row, line in enumerate(lines, start=2):
        for column, value in enumerate(line, start=1):
            _put(sheet, row, column, value)
    sheet.freeze_panes = "B2"
    for column in range(1, len(header) + 1):
        longest = max(
            (len(str(line[column - 1] or "")) for line in lines if column - 1 < len(line)),
            default=0,
        )
        size = max(len(str(header[column - 1])), longest) + 2
        sheet.column_dimensions[get_column_letter(column)].width = min(
            max(size, COLUMN_WIDTH[0]), COLUMN_WIDTH[1]
        )


def _exercise_lines(plans: Sequence[BrandPlan], exercise: str) -> tuple[list[str], list[list]]:
    answers = [EXERCISES[exercise].read(plan) for plan in plans]
    keys = [key for key, _ in answers[0].fields] if answers else []
    columns = list(answers[0].columns) if answers else []
    header = [t("trainer.field.group"), *(t(k) for k in keys), *(t(k) for k in columns)]
    lines = []
    for plan, answer in zip(plans, answers, strict=True):
        fields = [value for _, value in answer.fields]
        rows = answer.rows or [(None,) * len(columns)]
        for i, row in enumerate(rows):
            lines.append([plan.group, *(fields if i == 0 else [None] * len(fields)), *row])
    return header, lines


def _overview(book: Workbook, plans: Sequence[BrandPlan]) -> None:
    sheet = _sheet(book, t("trainer.export.overview"))
    header = [t("trainer.field.group"), t("trainer.export.members")]
    header += [ex.number for ex in EXERCISES.values()]
    header.append(t("trainer.progress.done"))
    lines = [
        [
            plan.group,
            ", ".join(plan.members),
            *(t(f"trainer.state.{row.status[ex]}") for ex in EXERCISES),
            row.complete,
        ]
        for plan, row in zip(plans, progress(plans), strict=True)
    ]
    _table(sheet, header, lines)


def _quiz(book: Workbook, plans: Sequence[BrandPlan]) -> None:
    sheet = _sheet(book, t("trainer.export.quiz"))
    header = [
        t("trainer.field.group"),
        t("trainer.export.question"),
        t("trainer.export.answer"),
        t("trainer.export.correct"),
        t("trainer.export.attempts"),
        t("trainer.export.hints"),
        t("trainer.export.score"),
    ]
    lines = [
        [
            plan.group,
            qid,
            answer.answer if isinstance(answer.answer, int | float | str) else repr(answer.answer),
            t("trainer.export.yes") if answer.correct else t("trainer.export.no"),
            answer.attempts,
            answer.hints,
            answer.score,
        ]
        for plan in plans
        for qid, answer in sorted(plan.quiz.answers.items())
    ]
    _table(sheet, header, lines)


def workbook_bytes(plans: Sequence[BrandPlan], lang: str | None = None) -> bytes:
    """The class's workbook as .xlsx bytes (see the module's description)."""
    with i18n.language(lang):
        book = Workbook()
        book.remove(book.active)
        _overview(book, plans)
        for exercise in EXERCISES.values():
            title = f"{exercise.number} {t(f'trainer.sheet.{exercise.id}')}"
            header, lines = _exercise_lines(plans, exercise.id)
            _table(_sheet(book, title), header, lines)
        _quiz(book, plans)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


def write_workbook(plans: Sequence[BrandPlan], out: str | Path, lang: str | None = None) -> Path:
    """Write the class's workbook to ``out`` atomically; return the path."""
    out = Path(out)
    write_atomic(out, workbook_bytes(plans, lang))
    return out
