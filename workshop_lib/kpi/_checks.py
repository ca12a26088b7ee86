"""The checks the KPIs share: counts not negative, rates within 0–1, parts within their whole.

Each check compares the argument's smallest or largest value with its bounds, and only when one
is out of bounds looks for the first impossible value, to raise a :class:`ValueError` naming it
(its position too, inside an array) in the active language. Missing values (NaN) pass: they
give NaN where they are used.
"""

from __future__ import annotations

import numpy as np

from ..i18n import t
from ._arguments import Args, show


def lowest(values: np.ndarray) -> float:
    """The smallest value, missing values left out; NaN when no value is given."""
    return np.fmin.reduce(values, axis=None) if values.size else np.nan


def highest(values: np.ndarray) -> float:
    """The largest value, missing values left out; NaN when no value is given."""
    return np.fmax.reduce(values, axis=None) if values.size else np.nan


def check_nonnegative(args: Args, name: str) -> float:
    """Check that a count, amount or spend is not negative; return its smallest value."""
    smallest = lowest(args[name])
    if smallest < 0:
        at = args.first(args[name] < 0)
        raise ValueError(
            t("kpi.negative", name=args.label(name, at), value=show(args.value(name, at)))
        )
    return smallest


def check_rate(args: Args, name: str) -> None:
    """Check that a rate or share lies within 0–1, suggesting the fraction for 92 (%)."""
    values = args[name]
    if lowest(values) < 0 or highest(values) > 1:
        at = args.first((values < 0) | (values > 1))
        label, value = args.label(name, at), args.value(name, at)
        if 1 < value <= 100:
            hint = show(round(value / 100, 10))
            raise ValueError(t("kpi.rate_percent", name=label, value=show(value), hint=hint))
        raise ValueError(t("kpi.rate_range", name=label, value=show(value)))


def check_not_above(args: Args, part: str, whole: str) -> None:
    """Check that ``part`` is nowhere larger than ``whole``, of which it counts a subset."""
    larger = np.greater(args[part], args[whole])
    if larger.any():
        at = args.first(larger)
        raise ValueError(
            t(
                "kpi.larger_than_whole",
                name=args.label(part, at),
                part=part,
                value=show(args.value(part, at)),
                whole=whole,
                whole_value=show(args.value(whole, at)),
            )
        )


def check_subset(args: Args, part: str, whole: str) -> None:
    """Check that ``part`` counts a subset of ``whole``: neither negative, ``part`` not larger."""
    check_nonnegative(args, part)
    check_nonnegative(args, whole)
    check_not_above(args, part, whole)


def divide(numerator: np.ndarray, denominator: np.ndarray, smallest: float) -> np.ndarray:
    """``numerator / denominator``, with NaN (never ±inf) where the denominator is 0.

    ``smallest`` is the denominator's smallest value, as :func:`check_nonnegative` returns it:
    only when it is 0 is there a zero to look for. A ratio too large for a float (a share over
    a share of 1e-320) is infinity, quietly.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.true_divide(numerator, denominator)
    if smallest == 0:
        ratio = np.where(denominator == 0, np.nan, ratio)
    return ratio


def check_answers(values: object, name: str, low: int, high: int, key: str) -> np.ndarray:
    """The answers given in ``values``, missing ones left out, checked to lie on the scale.

    An answer is on the scale when it is a whole number from ``low`` to ``high``.
    """
    args = Args(**{name: values})
    answers = given = args[name]
    if answers.dtype.kind == "f":
        given = answers[~np.isnan(answers)]
        whole = np.array_equal(given, np.round(given))
    else:
        whole = True  # booleans and integers
    if lowest(given) < low or highest(given) > high or not whole:
        with np.errstate(invalid="ignore"):  # infinity has no fraction; it is off the scale
            fraction = answers % 1 > 0  # NaN % 1 is NaN: a missing answer passes
        at = args.first((answers < low) | (answers > high) | fraction)
        value = show(args.value(name, at))
        raise ValueError(t(key, name=args.label(name, at), value=value, low=low, high=high))
    return given.ravel()


def check_whole_number(value: object, name: str, low: int) -> int:
    """Check a setting such as ``horizon`` or ``scale`` is a whole number >= low."""
    whole = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if not whole or value < low:
        raise ValueError(t("kpi.whole_number", name=name, value=show(value), low=low))
    return int(value)
