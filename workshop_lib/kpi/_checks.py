"""The checks the KPIs share: counts not negative, rates within 0–1, parts within their whole."""

from __future__ import annotations

import numpy as np

from ..i18n import t
from ._arguments import Args, show


def _reduce(array: np.ndarray, extreme, nan_extreme: np.ufunc) -> float:
    """``extreme`` of the array (one pass), ignoring NaN; NaN when there is no number.

    ``nan_extreme`` (``np.fmin`` or ``np.fmax``) skips NaN without a warning: the checks run on
    a helper thread too, where switching warnings off would race with the caller's thread.
    """
    if array.size == 0:
        return np.nan
    value = extreme(array)
    if array.dtype.kind == "f" and np.isnan(value):
        value = nan_extreme.reduce(array, axis=None)
    return value


def lowest(array: np.ndarray) -> float:
    """Smallest value, ignoring NaN."""
    return _reduce(np.asarray(array), np.min, np.fmin)


def highest(array: np.ndarray) -> float:
    """Largest value, ignoring NaN."""
    return _reduce(np.asarray(array), np.max, np.fmax)


def low_high(array: np.ndarray) -> tuple[float, float]:
    """Smallest and largest value, ignoring NaN; NaN for both when there is no number."""
    return lowest(array), highest(array)


_ONE_BITS = np.float64(1.0).view(np.uint64)


def top_within_0_1(array: np.ndarray) -> float:
    """The largest value when every value is a number from 0 to 1, else NaN ("look closer").

    One pass over a float array: read as unsigned integers, the bit patterns of non-negative
    doubles sort like the numbers, while negative numbers (even -0.0) and NaN sort above 1.0.
    """
    array = np.asarray(array)
    if array.dtype != np.float64 or array.size == 0:
        low, high = low_high(array)
        return float(high) if low >= 0 and high <= 1 else np.nan
    top = array.view(np.uint64).max()
    return float(top.view(np.float64)) if top <= _ONE_BITS else np.nan


def check_nonnegative(args: Args, name: str) -> float:
    """Check that a count, amount or spend is not negative; return its smallest value."""
    low = lowest(args[name])
    if low < 0:
        at = args.first(args[name] < 0)
        raise ValueError(
            t("kpi.negative", name=args.label(name, at), value=show(args.value(name, at)))
        )
    return low


def _rate_error(name: str, value: float) -> ValueError:
    """The error for a rate or share outside 0–1, suggesting the fraction for 92 (%)."""
    if 1 < value <= 100:
        hint = show(round(value / 100, 10))
        return ValueError(t("kpi.rate_percent", name=name, value=show(value), hint=hint))
    return ValueError(t("kpi.rate_range", name=name, value=show(value)))


def check_rate(args: Args, name: str) -> float:
    """Check that a rate or share lies within 0–1 (missing values pass); return the largest."""
    top = top_within_0_1(args[name])
    if not np.isnan(top):
        return top
    low, high = low_high(args[name])
    if low < 0 or high > 1:
        at = args.first((args[name] < 0) | (args[name] > 1))
        raise _rate_error(args.label(name, at), args.value(name, at))
    return high


def check_not_above(args: Args, part: str, whole: str) -> None:
    """Check that ``part`` is nowhere larger than ``whole``, of which it counts a subset.

    Where ``whole`` is negative, that is what the error says.
    """
    larger = np.greater(args[part], args[whole])
    if larger.any():
        check_nonnegative(args, whole)
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


def divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator``, quietly: 0/0 is NaN, n/0 is ±inf (see :func:`no_infinity`)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return np.true_divide(numerator, denominator)


def no_infinity(ratio: np.ndarray, denominator: np.ndarray, denominator_low: float) -> np.ndarray:
    """``ratio`` with NaN, never ±inf, where the denominator is 0, given its smallest value."""
    if denominator_low == 0:
        return np.where(denominator == 0, np.nan, ratio)
    return ratio


def check_answers(values: object, name: str, low: int, high: int, key: str) -> np.ndarray:
    """The non-missing answers in ``values``, checked to be whole numbers from low to high."""
    args = Args(**{name: values})
    array = args[name].ravel()
    if array.dtype.kind == "b":
        if (low, high) == (0, 1):
            return array
        array = array.astype(np.int8)
    if array.dtype.kind == "f":
        missing = np.isnan(array)
        if missing.any():
            array = array[~missing]
    smallest, largest = low_high(array)
    whole = array.dtype.kind != "f" or np.array_equal(array, np.round(array))
    if smallest < low or largest > high or not whole:
        raw = args[name].ravel()
        with np.errstate(invalid="ignore"):
            bad = ~np.isnan(raw.astype(float)) & ((raw < low) | (raw > high) | (raw % 1 != 0))
        at = (int(np.argmax(bad)),)
        raise ValueError(t(key, name=args.label(name, at), value=show(raw[at]), low=low, high=high))
    return array


def check_whole_number(value: object, name: str, low: int) -> int:
    """Check a setting such as ``horizon`` or ``scale`` is a whole number >= low."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(t("kpi.whole_number", name=name, value=show(value), low=low))
    if value < low:
        raise ValueError(t("kpi.whole_number", name=name, value=show(value), low=low))
    return int(value)
