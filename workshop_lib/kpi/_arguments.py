"""Turning a KPI's arguments into NumPy arrays, and its result back into the caller's shape."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..i18n import t

_NUMBER_KINDS = "biuf"


def show(value: object) -> str:
    """Write a value for an error message: ``92``, ``0.92``, ``'yes'``."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if np.isfinite(number) and number == round(number) and abs(number) < 1e15:
            return str(int(number))
        return np.format_float_positional(number, trim="-") if np.isfinite(number) else str(number)
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _to_float(value: object, name: str) -> float:
    """One element of an object array as a float; None and NA are missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return np.nan
    if isinstance(value, (str, bytes)):
        raise ValueError(t("kpi.not_numeric", name=name, value=show(value)))
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(t("kpi.not_numeric", name=name, value=show(value))) from None


def _numeric(value: object, name: str) -> np.ndarray:
    """The argument as a NumPy array of numbers (bool, int or float), missing values as NaN."""
    if isinstance(value, pd.Series):
        if isinstance(value.dtype, np.dtype):
            array = value.to_numpy()
        elif pd.api.types.is_numeric_dtype(value.dtype):  # nullable: NA becomes NaN
            array = value.to_numpy(dtype=float, na_value=np.nan)
        else:  # text and other extension dtypes: checked element by element below
            array = value.to_numpy(dtype=object)
    else:
        array = np.asarray(value)
    if array.dtype.kind in _NUMBER_KINDS:
        return array
    if array.dtype.kind == "O":
        flat = [_to_float(v, name) for v in array.ravel()]
        return np.asarray(flat, dtype=float).reshape(array.shape)
    first = array.ravel()[0] if array.size else array
    raise ValueError(t("kpi.not_numeric", name=name, value=show(first)))


class Args:
    """The numeric arguments of one call, and the shape to give its result.

    Parameters
    ----------
    **args
        Argument name → value as the caller passed it.

    Attributes
    ----------
    index : pandas.Index or None
        The index of the Series arguments (their union), or None when none is a Series.
    shape : tuple of int
        The broadcast shape of the arguments: the shape of the result.
    scalar : bool
        True when every argument is a single number: the result is a float.
    """

    def __init__(self, **args: object) -> None:
        self.index: pd.Index | None = None
        for value in args.values():
            if isinstance(value, pd.Series):
                if self.index is None:
                    self.index = value.index
                elif not self.index.equals(value.index):
                    self.index = self.index.union(value.index)
        self.arrays: dict[str, np.ndarray] = {}
        for name, value in args.items():
            if isinstance(value, pd.Series) and not value.index.equals(self.index):
                value = value.reindex(self.index)
            self.arrays[name] = _numeric(value, name)
        shapes = [a.shape for a in self.arrays.values()]
        try:
            self.shape = np.broadcast_shapes(*shapes)
        except ValueError:
            raise ValueError(
                t("kpi.shapes", names=", ".join(args), shapes=", ".join(map(str, shapes)))
            ) from None
        self.scalar = self.index is None and self.shape == ()

    def __getitem__(self, name: str) -> np.ndarray:
        return self.arrays[name]

    def wrap(self, result: np.ndarray | float) -> float | np.ndarray | pd.Series:
        """Hand ``result`` back as a float, an array or a Series, like the arguments."""
        if self.index is not None:
            values = np.asarray(result, dtype=float)
            if values.shape != self.shape:
                values = np.broadcast_to(values, self.shape).copy()
            return pd.Series(values, index=self.index)
        if self.scalar:
            return float(result)
        return np.asarray(result, dtype=float)

    def first(self, mask: np.ndarray) -> tuple[int, ...]:
        """Position of the first True in ``mask`` (broadcast to the call's shape)."""
        return tuple(int(i) for i in np.argwhere(np.broadcast_to(mask, self.shape))[0])

    def label(self, name: str, position: tuple[int, ...]) -> str:
        """``name``, followed by where ``position`` is when the call works on arrays."""
        if self.scalar:
            return name
        if self.index is not None:
            where = self.index[position[0]]
        else:
            where = position[0] if len(position) == 1 else position
        return t("kpi.at", name=name, label=show(where))

    def value(self, name: str, position: tuple[int, ...]) -> object:
        """The value of argument ``name`` at ``position``."""
        return np.broadcast_to(self.arrays[name], self.shape)[position]
