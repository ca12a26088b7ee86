"""The frame every exercise canvas shares: widgets bound to a plan section, live diagram, autosave.

A canvas subclass names its exercise (``exercise``; the exercise registry gives its plan
section), builds its input widgets with the binding helpers below (:meth:`Canvas.text`,
:meth:`Canvas.lines`, :meth:`Canvas.number`, :meth:`Canvas.rows`, ...), and draws its diagram in
:meth:`Canvas.draw`. The base class does the rest: every change is validated and written into the
plan, saved (at most once a second) when the plan has a file, and the diagram redrawn; a problem
is shown beside the exercise, never as a traceback.
"""

from __future__ import annotations

import html
import logging
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from pydantic import BaseModel, ValidationError

from .. import data as scenario
from .. import i18n, plan_figures
from ..diagrams import png_bytes
from ..exercises import EXERCISES
from ..fmt import format_number, parse_number
from ..i18n import t
from ..plan import BrandPlan, describe
from ..style import PALETTE
from .autosave import Autosaver
from .fields import split_lines
from .schedule import Deferred

log = logging.getLogger(__name__)

PNG_DPI = 100
"""Resolution of the live diagram: sharp on a laptop screen, quick to render."""

PNG_COMPRESSION = 1
"""zlib level of the live diagram: several times quicker than the default for a larger image."""

REDRAW_SECONDS = 0.2
"""The pause in typing after which the picture is redrawn, and the least time between two
pictures while a slider is dragged (up to five a second)."""

AUTOSAVE_SECONDS = 1.0
"""At most one write of the plan file per second while someone types."""

Column = tuple[str, str, Any]
"""A column of a :meth:`Canvas.rows` editor: (attribute, label key, kind).

The kind is ``"text"``, ``"number"``, ``"score"`` (a 1–5 drop-down) or a list of
``(shown text, stored value)`` options for a drop-down (a value typed before that is not among
them stays selectable)."""


def delete_button() -> widgets.Button:
    """A small button that deletes its row: a "×", readable without the icon font.

    (Voilà loads the icon font from the internet, which a classroom may not have.)
    """
    return widgets.Button(
        description="×", tooltip=t("canvas.delete_row"), layout=widgets.Layout(width="2.5em")
    )


class Canvas:
    """One exercise: input widgets bound to a plan section and the diagram they draw.

    Parameters
    ----------
    plan : BrandPlan
        The group's plan; the canvas edits ``plan.<section>``. When the plan has a file
        (loaded or saved before), changes are saved to it automatically.
    data : mapping of table name to DataFrame, optional
        Tables to prefill from; the active scenario (:func:`workshop_lib.data.load`) otherwise.
    lang : {"zh", "en"}, optional
        Language of labels and diagram; the active language by default.

    Attributes
    ----------
    widget : ipywidgets.Widget
        The root to display.
    image : ipywidgets.Image
        The live diagram (PNG bytes in ``image.value``), drawn at once when the canvas is made
        and then shortly after changes (see the module's notes).
    message : ipywidgets.HTML
        Problems with the input, in the participant's language.
    redraws : Deferred
        The picture's redraws after changes (:meth:`flush` draws a pending one).
    saver : Autosaver or None
        The plan file's saves after changes, when the plan has a file.
    """

    exercise: ClassVar[str] = ""
    """The exercise this canvas is for: its id in :data:`workshop_lib.exercises.EXERCISES`."""
    figure: ClassVar[str] = ""
    """The exercise whose diagram this canvas shows, when not its own (see :meth:`draw`)."""
    wide: ClassVar[bool] = False
    """Whether the inputs need the page's whole width (the diagram then goes below them)."""

    def __init__(
        self,
        plan: BrandPlan,
        *,
        data: Mapping[str, pd.DataFrame] | None = None,
        lang: str | None = None,
    ):
        self.plan = plan
        self.lang = i18n.resolve(lang)
        self._tables = data
        self._problems: dict[str, str] = {}
        self.redraws = Deferred(self.redraw, wait=REDRAW_SECONDS)
        self.saver = (
            Autosaver(self._save, interval=AUTOSAVE_SECONDS, on_error=self._save_failed)
            if plan.path
            else None
        )
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.message = widgets.HTML()
        with i18n.language(self.lang):
            self.prefill()
            controls = self.build()
            header = widgets.HTML(
                f"<h3 style='margin:4px 0'>{html.escape(t(f'canvas.{self.exercise}.title'))}</h3>"
                f"<p style='margin:0 0 8px 0;color:{PALETTE.muted}'>"
                f"{html.escape(t(f'canvas.{self.exercise}.help'))}</p>"
            )
        basis = "100%" if self.wide else "420px"  # a wide table of inputs takes a whole row
        inputs = widgets.VBox(
            controls, layout=widgets.Layout(flex=f"1 1 {basis}", min_width="320px")
        )
        picture = widgets.VBox([self.image], layout=widgets.Layout(flex="1 1 560px"))
        body = widgets.HBox([inputs, picture], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([header, body, self.message])
        self.redraw()

    # -- what subclasses provide -------------------------------------------------------------

    def build(self) -> list[widgets.Widget]:
        """Create the input widgets (with the binding helpers); return them top to bottom."""
        raise NotImplementedError

    def draw(self) -> Axes:
        """Draw the diagram from the plan section; return its Axes.

        By default the exercise's diagram as the report draws it
        (:func:`workshop_lib.plan_figures.draw`); a ValueError says what is still missing.
        """
        ax = plan_figures.draw(self.plan, self.figure or self.exercise, self.lang)
        if ax is None:
            raise ValueError(t("canvas.empty", lang=self.lang))
        return ax

    def prefill(self) -> None:
        """Fill what the section still lacks with a starting point from the scenario.

        Called on every build; it must leave anything the group already entered alone.
        """

    # -- the section and the scenario ---------------------------------------------------------

    @property
    def section(self) -> str:
        """The plan section this canvas edits, as its exercise declares it."""
        return EXERCISES[self.exercise].section

    @property
    def model(self) -> BaseModel:
        """The plan section this canvas edits."""
        return getattr(self.plan, self.section)

    def table(self, name: str) -> pd.DataFrame:
        """A scenario table: from ``data`` when given, else the active scenario."""
        if self._tables is not None and name in self._tables:
            return self._tables[name]
        return scenario.load(name)

    # -- reacting to changes ------------------------------------------------------------------

    def changed(self, *, typing: bool = False) -> None:
        """The section changed: save soon, and redraw.

        Parameters
        ----------
        typing : bool, optional
            The change is a keystroke: redraw once the typing pauses. Any other change
            (a slider, a drop-down, a button) redraws at once, then at most every
            ``REDRAW_SECONDS`` while changes keep coming.
        """
        if self.saver is not None:
            self.saver.changed()
        if typing:
            self.redraws.debounce()
        else:
            self.redraws.throttle()

    def redraw(self) -> None:
        """Draw the diagram into :attr:`image`; show a problem instead of raising.

        A section nobody has filled yet shows a hint instead of the diagram's complaint.
        """
        if self.model == type(self.model)():
            self._problems.pop("diagram", None)
            self.image.layout.visibility = "hidden"
            self._show_problems(hint=t("canvas.empty", lang=self.lang))
            return
        try:
            # Characters no installed font has (emoji a participant typed) are drawn as empty
            # boxes without a warning in the notebook; the plan keeps them for the HTML report.
            with i18n.language(self.lang), warnings.catch_warnings():
                warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
                ax = self.draw()
                try:
                    self.image.value = png_bytes(
                        ax.figure, dpi=PNG_DPI, compress_level=PNG_COMPRESSION
                    )
                finally:
                    plt.close(ax.figure)
            self._problems.pop("diagram", None)
            self.image.layout.visibility = "visible"
        except ValueError as err:
            self._problems["diagram"] = str(err)
            self.image.layout.visibility = "hidden"
        except Exception as err:  # a bug must not cost a group its page; log it, say it
            log.exception("drawing %s failed", self.exercise)
            self._problems["diagram"] = t("canvas.draw_failed", error=f"{type(err).__name__}")
            self.image.layout.visibility = "hidden"
        self._show_problems()

    def flush(self) -> None:
        """Draw a pending redraw and write pending changes to the plan file, now."""
        self.redraws.flush()
        if self.saver is not None:
            self.saver.flush()

    def _save(self) -> None:
        self.plan.save(self.plan.path)
        self._problems.pop("save", None)

    def _save_failed(self, err: Exception) -> None:
        self._problems["save"] = t("canvas.save_failed", path=self.plan.path, error=err)
        self._show_problems()

    def _show_problems(self, hint: str = "") -> None:
        items = "".join(f"<li>{html.escape(text)}</li>" for text in self._problems.values())
        if items:
            self.message.value = f"<ul style='color:{PALETTE.bad};margin:4px 0'>{items}</ul>"
        else:
            muted = f"<p style='color:{PALETTE.muted};margin:4px 0'>{html.escape(hint)}</p>"
            self.message.value = muted if hint else ""

    def _assign(self, target: BaseModel, attr: str, value: Any, key: str) -> bool:
        """Validate and store ``value``; on a problem keep the old value and show why."""
        try:
            setattr(target, attr, value)
        except ValidationError as err:
            self._problems[key] = describe(err)
            self._show_problems()
            return False
        except ValueError as err:
            self._problems[key] = str(err)
            self._show_problems()
            return False
        self._problems.pop(key, None)
        return True

    def _bind(
        self,
        widget: widgets.Widget,
        target: BaseModel,
        attr: str,
        convert: Callable[[Any], Any] = lambda value: value,
    ) -> widgets.Widget:
        key = f"{id(target)}.{attr}"

        def on_change(change: dict[str, Any]) -> None:
            try:
                value = convert(change["new"])
            except ValueError as err:
                self._problems[key] = str(err)
                self._show_problems()
                return
            if self._assign(target, attr, value, key):
                self.changed(typing=typing)
            else:
                self._show_problems()

        typing = isinstance(widget, widgets.Text | widgets.Textarea)
        widget.observe(on_change, names="value")
        return widget

    # -- binding helpers ------------------------------------------------------------------------

    def label(self, key: str) -> str:
        """A field label from the catalog (``canvas.field.<key>``)."""
        return t(f"canvas.field.{key}")

    def text(
        self, target: BaseModel, attr: str, label: str, *, multiline: bool = False, rows: int = 3
    ) -> widgets.Widget:
        """A text field (or box) bound to ``target.attr``."""
        cls = widgets.Textarea if multiline else widgets.Text
        extra = {"rows": rows} if multiline else {}
        widget = cls(
            value=getattr(target, attr) or "",
            description=self.label(label),
            style={"description_width": "8em"},
            layout=widgets.Layout(width="100%"),
            **extra,
        )
        return self._bind(widget, target, attr)

    def lines(self, target: BaseModel, attr: str, label: str, *, rows: int = 3) -> widgets.Widget:
        """A text box bound to a list of texts, one item per line."""
        widget = widgets.Textarea(
            value="\n".join(getattr(target, attr)),
            description=self.label(label),
            placeholder=t("canvas.one_per_line"),
            rows=rows,
            style={"description_width": "8em"},
            layout=widgets.Layout(width="100%"),
        )
        return self._bind(widget, target, attr, split_lines)

    def number(
        self,
        target: BaseModel,
        attr: str,
        label: str,
        *,
        percent: bool = False,
        minimum: float | None = 0,
        width: str = "100%",
    ) -> widgets.Widget:
        """A number field that reads ``1,234``, ``１２３４`` and ``248万``."""
        widget = widgets.Text(
            value=format_number(getattr(target, attr)),
            description=self.label(label) if label else "",
            style={"description_width": "8em" if label else "0"},
            layout=widgets.Layout(width=width),
        )
        field = self.label(label) if label else attr

        def convert(value: str) -> float | None:
            return parse_number(value, field=field, percent=percent, minimum=minimum)

        return self._bind(widget, target, attr, convert)

    def choice(
        self,
        target: BaseModel,
        attr: str,
        label: str,
        options: Sequence[tuple[str, Any]],
        *,
        width: str = "100%",
    ) -> widgets.Widget:
        """A drop-down of ``(shown text, stored value)`` pairs bound to ``target.attr``."""
        values = [value for _, value in options]
        current = getattr(target, attr)
        widget = widgets.Dropdown(
            options=list(options),
            value=current if current in values else (values[0] if values else None),
            description=self.label(label) if label else "",
            style={"description_width": "8em" if label else "0"},
            layout=widgets.Layout(width=width),
        )
        return self._bind(widget, target, attr)

    def rows(
        self,
        target: BaseModel,
        attr: str,
        item: Callable[[], BaseModel],
        columns: Sequence[Column],
        *,
        max_rows: int = 12,
    ) -> widgets.Widget:
        """An editable table bound to the list ``target.attr`` of ``item`` models.

        ``item`` makes a new row: the row's model class, or a function giving one with
        starting values.

        Each row has a field per column and a delete button; a button below adds a row (up to
        ``max_rows``). Deleting every row is allowed: the diagram then says what it needs.
        """
        box = widgets.VBox()
        header = widgets.HBox(
            [
                widgets.HTML(
                    f"<b>{html.escape(self.label(label))}</b>", layout=widgets.Layout(flex="1 1 0")
                )
                for _, label, _ in columns
            ]
            + [widgets.HTML(layout=widgets.Layout(width="2.5em"))]
        )
        add = widgets.Button(
            description=t("canvas.add_row"), icon="plus", layout=widgets.Layout(width="auto")
        )

        def render() -> None:
            items = getattr(target, attr)
            lines = [header] + [
                self._row(target, attr, i, model, columns, render) for i, model in enumerate(items)
            ]
            add.disabled = len(items) >= max_rows
            box.children = [*lines, add]

        def on_add(_button: widgets.Button) -> None:
            getattr(target, attr).append(item())
            render()
            self.changed()

        add.on_click(on_add)
        render()
        return box

    def _row(self, target, attr, index, model, columns, render) -> widgets.Widget:
        cells = []
        for name, label, kind in columns:
            if kind == "number":
                cell = self.number(model, name, "", width="auto")
            elif kind == "score":
                cell = self.choice(model, name, "", SCORES, width="auto")
            elif not isinstance(kind, str):  # a list of (shown text, stored value) options
                current = getattr(model, name)
                known = [value for _, value in kind]
                options = list(kind) + ([(current, current)] if current not in known else [])
                cell = self.choice(model, name, "", options, width="auto")
            else:
                cell = widgets.Text(
                    value=getattr(model, name) or "",
                    placeholder=self.label(label),
                    layout=widgets.Layout(width="auto"),
                )
                self._bind(cell, model, name)
            cell.layout.flex = "1 1 0"
            cell.layout.min_width = "0"
            cells.append(cell)
        delete = delete_button()

        def on_delete(_button: widgets.Button) -> None:
            items = getattr(target, attr)
            if index < len(items):
                items.pop(index)
            render()
            self.changed()

        delete.on_click(on_delete)
        return widgets.HBox([*cells, delete])


SCORES: list[tuple[str, int | None]] = [("—", None)] + [(str(i), i) for i in range(1, 6)]
"""Options of a 1–5 score drop-down; "—" leaves it unscored."""
