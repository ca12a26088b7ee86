"""What every diagram shares: the decorator, input checks, labels from the data dictionary and PNG
output (the page a diagram draws on is :mod:`workshop_lib.diagrams._frame`).

Each public diagram is a function ``f(data, *, ax=None, lang=None, **kws) -> Axes`` wrapped in
:func:`diagram`, which draws inside :func:`workshop_lib.style.workshop_style` and
:func:`workshop_lib.i18n.language` (so the CJK font and the labels are right even when the caller
never called ``style.use()``) and checks ``ax`` and ``lang`` before drawing.

Artists a user may want to restyle carry a ``gid`` such as ``"funnel.stage.2"``;
:func:`artists` finds them again.

Examples
--------
>>> from workshop_lib.diagrams._frame import new_axes
>>> @diagram(size=(4, 3))
... def dots(data, *, ax=None, lang=None):
...     ax = new_axes(ax, (4, 3))
...     ax.plot(positive(data, "data"), "o", gid="dots.line")
...     return ax
>>> ax = dots([1, 2, 3], lang="en")
>>> len(artists(ax, "dots."))
1
>>> dots([1, -2])
Traceback (most recent call last):
...
ValueError: 数据 “data[1]” 无效：必须是不小于 0 的数，收到 -2。
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

import functools
import io
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import matplotlib as mpl
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import i18n, style
from ..files import write_atomic
from ..i18n import t

F = TypeVar("F", bound=Callable[..., Any])


def category(kind: str, key: Any, lang: str) -> str:
    """Return the ``lang`` label of a category value from the data dictionary.

    A value the dictionary does not know (a trainer's own stage, say) is shown as given;
    English labels start with a capital letter.
    """
    from ..data.schema import CATEGORIES, category_label

    if key not in CATEGORIES.get(kind, {}):
        return str(key)
    label = category_label(kind, key, lang)
    return label[:1].upper() + label[1:] if lang == "en" else label


def column_label(table: str, column: str, lang: str) -> str:
    """Return the ``lang`` header of ``table.column`` from the data dictionary, else ``column``.

    English labels start with a capital letter.
    """
    from ..data.schema import TABLES

    if table not in TABLES or column not in TABLES[table].keys:
        return column
    label = TABLES[table].column(column).label(lang)
    return label[:1].upper() + label[1:] if lang == "en" else label


def level_label(table: str, column: str, key: Any, lang: str) -> str:
    """Return the label of a value of a category column of ``table`` (as given if unknown)."""
    from ..data.schema import TABLES

    if table in TABLES and column in TABLES[table].keys:
        kind = TABLES[table].column(column).category
        if kind:
            return category(kind, key, lang)
    return str(key)


def diagram(*, size: tuple[float, float]) -> Callable[[F], F]:
    """Decorate a diagram function: check ``ax``/``lang``, apply style and language.

    Parameters
    ----------
    size : (float, float)
        The figure size in inches used when the caller passes no ``ax``; recorded on the
        function as ``default_size``.
    """

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def drawn(data: Any, *, ax: Axes | None = None, lang: str | None = None, **kws: Any):
            if ax is not None and not isinstance(ax, Axes):
                raise invalid("ax", ax, t("diagrams.problem.axes"))
            try:
                code = i18n.resolve(lang)
            except ValueError:
                raise invalid("lang", lang, t("diagrams.problem.lang")) from None
            with style.workshop_style(), i18n.language(code):
                return func(data, ax=ax, lang=code, **kws)

        drawn.default_size = size
        return drawn  # type: ignore[return-value]

    return wrap


def invalid(field: str, value: Any, problem: str) -> ValueError:
    """Return (not raise) a ``ValueError`` naming ``field``, its ``value`` and the ``problem``.

    The message is in the active language; ``problem`` is already translated.
    """
    shown = repr(value) if not isinstance(value, numbers.Number) else f"{value:g}"
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return ValueError(t("diagrams.invalid", field=field, value=shown, problem=problem))


def number(
    value: Any, field: str, *, minimum: float | None = None, maximum: float | None = None
) -> float:
    """Return ``value`` as a finite float in ``[minimum, maximum]``; else raise naming ``field``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise invalid(field, value, t("diagrams.problem.number"))
    if minimum is not None and maximum is not None and not minimum <= value <= maximum:
        raise invalid(field, value, t("diagrams.problem.range", low=minimum, high=maximum))
    if minimum is not None and value < minimum:
        raise invalid(field, value, t("diagrams.problem.minimum", low=minimum))
    if maximum is not None and value > maximum:
        raise invalid(field, value, t("diagrams.problem.maximum", high=maximum))
    return float(value)


def positive(values: Iterable[Any], field: str) -> list[float]:
    """Return ``values`` as non-negative floats; a bad one raises naming ``field[i]``."""
    return [number(v, f"{field}[{i}]", minimum=0) for i, v in enumerate(values)]


def text(value: Any, field: str, *, required: bool = True) -> str:
    """Return ``value`` as stripped text; missing or blank raises naming ``field`` if required."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        value = ""
    if not isinstance(value, str | numbers.Number):
        raise invalid(field, value, t("diagrams.problem.text"))
    result = str(value).strip()
    if required and not result:
        raise invalid(field, value, t("diagrams.problem.empty"))
    return result


def plan_section(data: Any) -> Any:
    """Return a plan section (a pydantic model of :mod:`workshop_lib.plan`) as a plain dict.

    Anything else is returned unchanged, so diagrams accept a section or its ``model_dump()``.
    """
    return data.model_dump() if hasattr(data, "model_dump") else data


def records(data: Any, required: Sequence[str], *, field: str = "data") -> list[dict[str, Any]]:
    """Return ``data`` (a DataFrame or a sequence of mappings) as a list of dicts.

    Every row must hold the ``required`` keys; the rows are copies, so the caller's data is
    never changed. An empty input or a missing key raises naming ``field[row].key``.
    """
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        rows = data.to_dict("records")
    elif isinstance(data, Sequence) and not isinstance(data, str | bytes):
        rows = list(data)
    else:
        raise invalid(field, data, t("diagrams.problem.rows"))
    if not rows:
        raise invalid(field, data, t("diagrams.problem.empty"))
    result = []
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise invalid(f"{field}[{i}]", row, t("diagrams.problem.rows"))
        missing = [key for key in required if key not in row]
        if missing:
            raise invalid(f"{field}[{i}].{missing[0]}", None, t("diagrams.problem.missing"))
        result.append(dict(row))
    return result


def artists(ax: Axes, prefix: str) -> list[Artist]:
    """Return the artists of ``ax`` whose ``gid`` starts with ``prefix``, in drawing order.

    Diagrams name what a user may restyle, e.g. ``artists(ax, "funnel.stage.")``.
    """
    found = [a for a in ax.get_children() if (a.get_gid() or "").startswith(prefix)]
    found += [a for a in ax.figure.texts if (a.get_gid() or "").startswith(prefix)]
    return found


def png_bytes(fig: Figure, *, dpi: float | None = None, compress_level: int = 6) -> bytes:
    """Draw the whole of ``fig`` with matplotlib's Agg (``savefig``) and return it as PNG bytes.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Drawn as a whole (no "tight" box: a second drawing pass) on its own face colour, in
        the workbook's style.
    dpi : float, optional
        Pixels per inch of the image; the style's ``savefig.dpi`` by default.
    compress_level : int, optional
        zlib level from 0 (none) to 9; 1 is several times quicker than 6 for a somewhat larger
        file (a live picture redrawn as people type).

    Returns
    -------
    bytes
        A full-colour PNG with transparency (RGBA): a reduced palette would merge the light
        panel tints with the white paper.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from PIL import Image
    >>> fig = plt.figure(figsize=(2, 1))
    >>> Image.open(io.BytesIO(png_bytes(fig, dpi=50))).size
    (100, 50)
    >>> plt.close(fig)
    """
    buffer = io.BytesIO()
    with style.workshop_style(), mpl.rc_context({"savefig.bbox": "standard"}):
        fig.savefig(
            buffer,
            format="png",
            dpi=dpi or mpl.rcParams["savefig.dpi"],
            facecolor="auto",
            pil_kwargs={"compress_level": compress_level},
        )
    return buffer.getvalue()


def save_png(ax_or_fig: Axes | Figure, path: str | Path, *, dpi: float | None = None) -> Path:
    """Write the figure holding ``ax_or_fig`` to ``path`` as a PNG, atomically; return the path.

    Uses the workbook's resolution and the whole figure: the diagrams keep their text inside
    it, so no "tight" bounding box (a second drawing pass) is needed (see :func:`png_bytes`).
    """
    fig = ax_or_fig.figure if isinstance(ax_or_fig, Axes) else ax_or_fig
    target = Path(path)
    write_atomic(target, png_bytes(fig, dpi=dpi))
    return target
