"""Numbers as participants read them: percentages, percentage points, money and counts.

Rates are fractions inside the code and become percentages only here. Every function takes one
number and returns a string for the active language (:mod:`workshop_lib.i18n`); a missing
value (None, NaN, ``pd.NA``) is shown as ``—``. Tiny values that round to zero lose their
minus sign, so a table never shows ``-0.0%``.

Examples
--------
>>> from workshop_lib import fmt
>>> fmt.percent(0.125), fmt.money(1234.4), fmt.count(2_480_000)
('12.5%', '¥1,234', '2,480,000')
>>> fmt.points(2.6, lang="en"), fmt.points(2.6, lang="zh")
('+2.6 pp', '+2.6 个百分点')
>>> fmt.percent(float("nan"))
'—'
"""

from __future__ import annotations

import math

import pandas as pd

from .i18n import t

MISSING = "—"
"""What a missing number is shown as."""


def _number(value: object) -> float | None:
    """The value as a float, or None when it is missing."""
    if value is None or value is pd.NA:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _fixed(number: float, digits: int, *, sign: bool = False, grouped: bool = False) -> str:
    """``number`` with ``digits`` decimals, optional thousands separators and a + sign."""
    spec = f"{'+' if sign else ''}{',' if grouped else ''}.{digits}f"
    text = f"{number:{spec}}"
    if not text.strip("+-0.,"):  # rounds to zero: no "-0.0" and no "+0.0"
        text = text.lstrip("+-")
    return text


def percent(value: object, digits: int = 1, *, sign: bool = False) -> str:
    """A fraction as a percentage: ``0.125`` → ``"12.5%"``.

    Parameters
    ----------
    value : float
        A fraction (0.125 is 12.5%).
    digits : int
        Decimals after the point.
    sign : bool
        Show a + before positive values (for changes).

    Examples
    --------
    >>> percent(0.125), percent(0.141, sign=True), percent(1.0, digits=0)
    ('12.5%', '+14.1%', '100%')
    """
    number = _number(value)
    return MISSING if number is None else _fixed(100 * number, digits, sign=sign) + "%"


def points(value: object, digits: int = 1, *, lang: str | None = None) -> str:
    """A change in percentage points, always signed: ``2.6`` → ``"+2.6 pp"`` / ``"+2.6 个百分点"``.

    Parameters
    ----------
    value : float
        Percentage points (as returned by :func:`workshop_lib.kpi.share_change`).
    digits : int
        Decimals after the point.
    lang : {"zh", "en"}, optional
        Overrides the active language.

    Examples
    --------
    >>> points(-0.45, lang="en")
    '-0.5 pp'
    """
    number = _number(value)
    if number is None:
        return MISSING
    return t("fmt.points", lang=lang, value=_fixed(number, digits, sign=True))


def money(value: object, digits: int = 0, *, symbol: str = "¥") -> str:
    """An amount of money with thousands separators: ``1234.4`` → ``"¥1,234"``.

    Parameters
    ----------
    value : float
        The amount.
    digits : int
        Decimals after the point.
    symbol : str
        The currency sign put before the amount.

    Examples
    --------
    >>> money(627.27, digits=2), money(-1500)
    ('¥627.27', '-¥1,500')
    """
    number = _number(value)
    if number is None:
        return MISSING
    text = _fixed(number, digits, grouped=True)
    return "-" + symbol + text[1:] if text.startswith("-") else symbol + text


def count(value: object) -> str:
    """A count with thousands separators: ``2480000`` → ``"2,480,000"``.

    Examples
    --------
    >>> count(2_480_000), count(12.6)
    ('2,480,000', '13')
    """
    number = _number(value)
    return MISSING if number is None else _fixed(number, 0, grouped=True)


def number(value: object, digits: int = 1, *, sign: bool = False) -> str:
    """A plain number such as an NPS in points: ``25`` → ``"25.0"``, or ``"+25"`` with a sign.

    Examples
    --------
    >>> number(25, digits=0, sign=True), number(1234.56)
    ('+25', '1,234.6')
    """
    value = _number(value)
    return MISSING if value is None else _fixed(value, digits, sign=sign, grouped=True)
