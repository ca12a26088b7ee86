"""Numbers as participants read and type them: percentages, percentage points, money and counts.

Rates are fractions inside the code and become percentages only here. Every display function
takes one number and returns a string for the active language (:mod:`workshop_lib.i18n`); a
missing value (None, NaN, ``pd.NA``) is shown as ``—``. Tiny values that round to zero lose
their minus sign, so a table never shows ``-0.0%``. :func:`parse_number` reads what a
participant types into a number field or a quiz answer, and :func:`format_number` shows a stored
number back in such a field.

Examples
--------
>>> from workshop_lib import fmt
>>> fmt.percent(0.125), fmt.money(1234.4), fmt.count(2_480_000)
('12.5%', '¥1,234', '2,480,000')
>>> fmt.points(2.6, lang="en"), fmt.points(2.6, lang="zh")
('+2.6 pp', '+2.6 个百分点')
>>> fmt.percent(float("nan"))
'—'
>>> fmt.parse_number("248万"), fmt.format_number(2480000.0)
(2480000.0, '2,480,000')
"""

from __future__ import annotations

import math
import re
import unicodedata

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


_UNITS = {"万": 1e4, "亿": 1e8, "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6}
_TYPED = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(万|亿|[kKmM])?\s*(%)?$")
_SEPARATORS = str.maketrans("", "", ",_ '\u00a0\u3000")


def parse_number(
    text: str | float | None,
    *,
    field: str = "",
    percent: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> float | None:
    """Read a number typed by a participant; ``None`` for an empty field.

    Accepts thousands separators, full-width digits and punctuation, ``万``/``亿`` and
    ``k``/``M`` multipliers and, with ``percent=True``, a trailing ``%`` (12.4% → 0.124).

    Parameters
    ----------
    text : str, float or None
        What was typed (a number passes through, checked).
    field : str
        The field's name, shown in the message of a bad entry.
    percent : bool
        Whether a trailing ``%`` is allowed.
    minimum, maximum : float, optional
        The allowed range.

    Returns
    -------
    float or None

    Raises
    ------
    ValueError
        Naming ``field`` and what was typed, in the active language: not a number, not finite,
        or outside ``minimum``…``maximum``.

    Examples
    --------
    >>> parse_number("1,234"), parse_number("１２３４"), parse_number("2.5亿")
    (1234.0, 1234.0, 250000000.0)
    >>> parse_number("12.4%", percent=True), parse_number("")
    (0.124, None)
    """
    if text is None:
        return None
    if isinstance(text, int | float):
        value = float(text)
    else:
        cleaned = unicodedata.normalize("NFKC", str(text)).strip().translate(_SEPARATORS)
        cleaned = cleaned.replace("−", "-")
        if not cleaned:
            return None
        match = _TYPED.match(cleaned)
        if not match or (match.group(3) and not percent):
            raise ValueError(t("fmt.not_a_number", field=field, value=str(text)[:40]))
        value = float(match.group(1)) * _UNITS.get(match.group(2) or "", 1.0)
        if match.group(3):
            value /= 100
    if not math.isfinite(value):
        raise ValueError(t("fmt.not_a_number", field=field, value=str(text)[:40]))
    if minimum is not None and value < minimum:
        raise ValueError(t("fmt.too_small", field=field, value=f"{value:,.6g}", limit=minimum))
    if maximum is not None and value > maximum:
        raise ValueError(t("fmt.too_large", field=field, value=f"{value:,.6g}", limit=maximum))
    return value


def format_number(value: float | None) -> str:
    """Show a stored number in a text field: thousands separators, no trailing ``.0``.

    Examples
    --------
    >>> format_number(1234.0), format_number(0.125), format_number(None)
    ('1,234', '0.125', '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
