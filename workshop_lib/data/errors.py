"""What goes wrong with a data file, said so that a spreadsheet user can find it.

Examples
--------
>>> from workshop_lib.data.errors import DataError, Problem
>>> err = DataError([Problem(3, "trx", "not a number: 'abc'")], file="rx.csv", lang="en")
>>> err.row, err.column
(3, 'trx')
>>> print(err)
rx.csv: 1 problem(s)
  row 3, column trx: not a number: 'abc'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..i18n import language, t

MAX_PROBLEMS = 50
"""At most this many problems are collected for one file."""


class Problem(NamedTuple):
    """One problem in a file.

    Attributes
    ----------
    row : int or None
        The row a spreadsheet shows: the header is row 1, the first data row is 2. None when
        the problem concerns the whole file.
    column : str or None
        The column key, or None when the problem concerns the whole file or row.
    message : str
        What is wrong, in the language active when the problem was found.
    """

    row: int | None
    column: str | None
    message: str


class DataError(ValueError):
    """A data file cannot be used as it is.

    Parameters
    ----------
    problems : iterable of Problem
        Every problem found; the first :data:`MAX_PROBLEMS` (in row order) are kept.
    file : str, optional
        The file's name (and sheet), shown at the start of the message.
    total : int, optional
        How many problems were found in all, if more than were kept.
    lang : {"zh", "en"}, optional
        Language of the message; the active language by default.

    Attributes
    ----------
    problems : list of Problem
    row : int or None
        Row of the first problem (header = 1, first data row = 2).
    column : str or None
        Column key of the first problem.
    file : str or None
    total : int
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        file: str | None = None,
        total: int | None = None,
        lang: str | None = None,
    ) -> None:
        found = sorted(problems, key=lambda p: (p.row is not None, p.row or 0))
        self.total = max(total or 0, len(found))
        self.problems = found[:MAX_PROBLEMS]
        self.file = file
        first = self.problems[0] if self.problems else Problem(None, None, "")
        self.row = first.row
        self.column = first.column
        with language(lang):
            super().__init__(self._render())

    def _render(self) -> str:
        head = t("data.error_head", file=self.file or "?", n=self.total)
        lines = [head]
        for p in self.problems:
            lines.append("  " + locate(p))
        if self.total > len(self.problems):
            lines.append("  " + t("data.more_problems", n=self.total - len(self.problems)))
        return "\n".join(lines)


def locate(problem: Problem) -> str:
    """Say where ``problem`` is and what it is, in the active language."""
    if problem.row is not None and problem.column is not None:
        return t("data.at_cell", row=problem.row, column=problem.column, message=problem.message)
    if problem.row is not None:
        return t("data.at_row", row=problem.row, message=problem.message)
    if problem.column is not None:
        return t("data.at_column", column=problem.column, message=problem.message)
    return problem.message


class DataWarning(UserWarning):
    """Something in a data file was ignored or replaced, e.g. an unknown column."""
