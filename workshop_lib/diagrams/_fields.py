"""Reading the text-heavy diagrams' input: one record (a plan section) and lists of phrases.

A group's work arrives as a dict, a dataclass (a plan section), a pandas Series or anything with
``to_dict()``; a list of phrases as a list or as text with one phrase per line. Bad input raises
the ``ValueError`` of :func:`workshop_lib.diagrams._common.invalid`, naming the field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from ..i18n import t
from ._common import invalid, text


def mapping(data: Any, field: str = "data") -> dict[str, Any]:
    """Return ``data`` as a plain dict (a copy), or raise naming ``field``."""
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        return dataclasses.asdict(data)
    if isinstance(data, Mapping):
        return dict(data)
    for method in ("model_dump", "to_dict"):
        if callable(getattr(data, method, None)) and not hasattr(data, "columns"):
            result = getattr(data, method)()
            if isinstance(result, Mapping):
                return dict(result)
    raise invalid(field, data, t("diagram_text.problem.record"))


def items(value: Any, field: str, *, required: bool = True) -> list[str]:
    """Return a list of non-empty phrases from a list or from text with one phrase per line.

    >>> items("控制血糖\\n\\n 保护心肾 ", "needs")
    ['控制血糖', '保护心肾']
    >>> items(["a", " b "], "needs")
    ['a', 'b']
    """
    if value is None:
        value = []
    if isinstance(value, str):
        value = value.splitlines()
    if hasattr(value, "tolist"):
        value = value.tolist()
    if not isinstance(value, Sequence):
        raise invalid(field, value, t("diagram_text.problem.items"))
    phrases = [text(v, f"{field}[{i}]", required=False) for i, v in enumerate(value)]
    phrases = [p for p in phrases if p]
    if required and not phrases:
        raise invalid(field, value, t("diagrams.problem.empty"))
    return phrases


def get(record: Mapping[str, Any], key: str, field: str) -> Any:
    """Return ``record[key]``, or raise naming ``field.key`` as missing."""
    if key not in record:
        raise invalid(f"{field}.{key}", None, t("diagrams.problem.missing"))
    return record[key]
