"""Reading what participants type into number fields: ``1,234``, ``１２３４``, ``248万``, ``12.4%``.

Pure functions: the widgets call them and show their ``ValueError`` message beside the field.

Examples
--------
>>> parse_number("1,234"), parse_number("１２３４"), parse_number("248万"), parse_number("2.5亿")
(1234.0, 1234.0, 2480000.0, 250000000.0)
>>> parse_number("12.4%", percent=True)
0.124
>>> parse_number("")
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..i18n import t

_UNITS = {"万": 1e4, "亿": 1e8, "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6}
_NUMBER = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(万|亿|[kKmM])?\s*(%)?$")
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

    Raises
    ------
    ValueError
        Naming ``field`` and what was typed, in the active language: not a number, not finite,
        or outside ``minimum``…``maximum``.
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
        match = _NUMBER.match(cleaned)
        if not match or (match.group(3) and not percent):
            raise ValueError(t("canvas.not_a_number", field=field, value=str(text)[:40]))
        value = float(match.group(1)) * _UNITS.get(match.group(2) or "", 1.0)
        if match.group(3):
            value /= 100
    if not math.isfinite(value):
        raise ValueError(t("canvas.not_a_number", field=field, value=str(text)[:40]))
    if minimum is not None and value < minimum:
        raise ValueError(t("canvas.too_small", field=field, value=_short(value), limit=minimum))
    if maximum is not None and value > maximum:
        raise ValueError(t("canvas.too_large", field=field, value=_short(value), limit=maximum))
    return value


def _short(value: float) -> str:
    return f"{value:,.6g}"


def format_number(value: float | None) -> str:
    """Show a stored number in a text field: thousands separators, no trailing ``.0``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def split_lines(text: str) -> list[str]:
    """One list item per line of a text box; blank lines and surrounding spaces dropped."""
    return [line.strip() for line in str(text).splitlines() if line.strip()]
