"""The zh/en string catalog and the active language.

Every text a participant or trainer reads comes from one catalog: the JSON files in
``workshop_lib/messages/``, one per part of the package (``cli.json``, ``data.json``, ...).
Each file maps a key to its Chinese and English text; the key's first dotted part is the file's
name, so ``t("cli.doctor.title")`` lives in ``messages/cli.json``.

The active language is Chinese unless the environment variable ``WORKSHOP_LANG`` says ``en``,
or a program calls :func:`set_language`.

Examples
--------
>>> from workshop_lib import i18n
>>> with i18n.language("en"):
...     i18n.t("core.language_name")
'English'
>>> i18n.t("core.language_name", lang="zh")
'中文'
"""

from __future__ import annotations

import contextlib
import json
import os
import string
from collections.abc import Iterator
from functools import cache
from importlib import resources

LANGUAGES = ("zh", "en")
"""The languages every catalog entry carries, the primary one first."""

_ENV_VAR = "WORKSHOP_LANG"
_active: str | None = None


def _normalise(lang: str) -> str:
    """Map ``"zh-CN"``, ``"ZH"``, ``"en_US"`` and the like onto a catalog language."""
    code = str(lang).strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise ValueError(
            f"language must be one of {', '.join(LANGUAGES)}; got {lang!r} / "
            f"语言只能是 {'、'.join(LANGUAGES)}，收到 {lang!r}"
        )
    return code


def get_language() -> str:
    """Return the active language code, ``"zh"`` or ``"en"``.

    Set by :func:`set_language`; otherwise from ``WORKSHOP_LANG``; otherwise ``"zh"``.
    An unknown value in the environment falls back to ``"zh"`` rather than failing.
    """
    if _active is not None:
        return _active
    try:
        return _normalise(os.environ.get(_ENV_VAR, LANGUAGES[0]))
    except ValueError:
        return LANGUAGES[0]


def set_language(lang: str | None) -> str:
    """Make ``lang`` the active language for the whole process.

    Parameters
    ----------
    lang : {"zh", "en"} or None
        Locale-like spellings (``"zh-CN"``, ``"en_US"``) are accepted. ``None`` returns to the
        default (the environment, then Chinese).

    Returns
    -------
    str
        The language now active.
    """
    global _active
    _active = None if lang is None else _normalise(lang)
    return get_language()


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Use ``lang`` inside a ``with`` block, then restore the previous choice.

    ``None`` keeps the active language, so callers can pass a ``lang=None`` argument through.
    """
    global _active
    previous = _active
    if lang is not None:
        set_language(lang)
    try:
        yield get_language()
    finally:
        _active = previous


def resolve(lang: str | None = None) -> str:
    """Return ``lang`` normalised, or the active language when ``lang`` is None."""
    return get_language() if lang is None else _normalise(lang)


@cache
def catalog() -> dict[str, dict[str, str]]:
    """Load and merge every catalog file: ``{key: {"zh": text, "en": text}}``.

    Raises
    ------
    ValueError
        If a key is defined twice or does not start with its file's name.
    """
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("workshop_lib") / "messages"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        part = entry.name.removesuffix(".json")
        for key, texts in json.loads(entry.read_text(encoding="utf-8")).items():
            if not key.startswith(part + "."):
                raise ValueError(f"catalog key {key!r} belongs in {key.split('.')[0]}.json")
            if key in merged:
                raise ValueError(f"catalog key {key!r} is defined twice")
            merged[key] = texts
    return merged


def t(key: str, /, lang: str | None = None, **fmt: object) -> str:
    """Translate ``key`` into the active (or given) language and fill its placeholders.

    Parameters
    ----------
    key : str
        A catalog key such as ``"cli.doctor.title"``.
    lang : {"zh", "en"}, optional
        Overrides the active language for this call.
    **fmt
        Values for the ``{name}`` placeholders of the text.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If the catalog has no such key (a programming error, caught by the test suite).
    """
    texts = catalog()[key]
    text = texts[resolve(lang)]
    return text.format(**fmt) if fmt else text


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in a catalog text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
