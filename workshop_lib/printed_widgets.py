"""Widgets on paper: an executed notebook's widget views as static, printable HTML.

When nbclient executes a notebook it keeps the state of every widget the kernel made (the
notebook's ``widgets`` metadata, as Jupyter saves it). :class:`PrintWidgets` turns each widget
view among the outputs into plain HTML drawn from that state, so a handout shows the canvases
as the participants see them, without JupyterLab's widget scripts (which would load from a
CDN):

- boxes keep their children in a row (``HBox``) or a column (any other box); hidden ones
  (``layout.display`` ``none``) are left out;
- ``HTML`` and ``Label`` show their text; ``Image`` its picture as a ``data:`` URI;
- a text box, a drop-down, a slider or a check box shows its label and its value, or a line
  to write on when it is empty;
- buttons, and any other control, have nothing to print and are left out.

``HTML`` values are shown as they are (the package's own widgets build them, escaping what
they show); every other value is escaped.

Examples
--------
>>> state = {
...     "a": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_b", "IPY_MODEL_c"]}},
...     "b": {"model_name": "HTMLModel", "state": {"value": "<b>Persona</b>"}},
...     "c": {"model_name": "TextModel", "state": {"description": "Name <1>", "value": ""}},
... }
>>> print(widget_html("a", state))
<div class="w-box"><div class="w-html"><b>Persona</b></div><div class="w-field w-text">\
<span class="w-label">Name &lt;1&gt;</span><span class="w-value"></span></div></div>
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from nbconvert.preprocessors import Preprocessor

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
_REFERENCE = "IPY_MODEL_"

State = dict[str, dict[str, Any]]
"""Model id → saved model (``model_name``, ``state``, and ``buffers`` for binary values)."""


def _model(reference: str) -> str:
    return reference.removeprefix(_REFERENCE)


def _hidden(model: dict[str, Any], state: State) -> bool:
    layout = state.get(_model(str(model["state"].get("layout", ""))), {}).get("state", {})
    return layout.get("display") == "none" or layout.get("visibility") == "hidden"


def _field(kind: str, label: Any, value: Any) -> Markup:
    return Markup(
        '<div class="w-field w-{}"><span class="w-label">{}</span>'
        '<span class="w-value">{}</span></div>'
    ).format(kind, label or "", "" if value is None else value)


def _box(model: dict[str, Any], state: State) -> Markup:
    kind = "w-row" if model["model_name"] == "HBoxModel" else "w-box"
    children = Markup("").join(
        widget_html(_model(child), state) for child in model["state"].get("children", [])
    )
    return Markup('<div class="{}">{}</div>').format(kind, children)


def _html(model: dict[str, Any], _state: State) -> Markup:
    return Markup('<div class="w-html">{}</div>').format(Markup(model["state"].get("value", "")))


def _label(model: dict[str, Any], _state: State) -> Markup:
    return Markup('<div class="w-html">{}</div>').format(model["state"].get("value", ""))


def _image(model: dict[str, Any], _state: State) -> Markup:
    data = next((b["data"] for b in model.get("buffers", []) if b["path"] == ["value"]), "")
    if not data:
        return Markup("")
    kind = model["state"].get("format", "png")
    return Markup(
        '<figure class="w-image"><img src="data:image/{};base64,{}" alt=""></figure>'
    ).format(kind, data)


def _text(model: dict[str, Any], _state: State) -> Markup:
    kind = "textarea" if model["model_name"] == "TextareaModel" else "text"
    return _field(kind, model["state"].get("description"), model["state"].get("value"))


def _choice(model: dict[str, Any], _state: State) -> Markup:
    labels, index = model["state"].get("_options_labels", []), model["state"].get("index")
    value = labels[index] if isinstance(index, int) and 0 <= index < len(labels) else None
    return _field("choice", model["state"].get("description"), value)


def _slider(model: dict[str, Any], _state: State) -> Markup:
    """A slider's value as its readout shows it (d3's common formats are Python's too)."""
    value, shape = model["state"].get("value"), model["state"].get("readout_format", "")
    try:
        shown = format(value, shape)
    except (TypeError, ValueError):
        shown = value
    return _field("slider", model["state"].get("description"), shown)


def _checkbox(model: dict[str, Any], _state: State) -> Markup:
    mark = "☑" if model["state"].get("value") else "☐"
    return Markup('<div class="w-field w-check">{} {}</div>').format(
        mark, model["state"].get("description", "")
    )


PRINTERS: dict[str, Callable[[dict[str, Any], State], Markup]] = {
    "VBoxModel": _box,
    "HBoxModel": _box,
    "BoxModel": _box,
    "GridBoxModel": _box,
    "HTMLModel": _html,
    "HTMLMathModel": _html,
    "LabelModel": _label,
    "ImageModel": _image,
    "TextModel": _text,
    "TextareaModel": _text,
    "IntTextModel": _text,
    "FloatTextModel": _text,
    "BoundedIntTextModel": _text,
    "BoundedFloatTextModel": _text,
    "ComboboxModel": _text,
    "DropdownModel": _choice,
    "SelectModel": _choice,
    "RadioButtonsModel": _choice,
    "ToggleButtonsModel": _choice,
    "SelectionSliderModel": _choice,
    "FloatSliderModel": _slider,
    "IntSliderModel": _slider,
    "CheckboxModel": _checkbox,
}
"""Widget model → its printed form; a model not named here prints nothing."""


def widget_html(model_id: str, state: State) -> Markup:
    """The printable HTML of the widget ``model_id`` and its children, from saved ``state``."""
    model = state.get(model_id)
    if model is None or _hidden(model, state) or model["model_name"] not in PRINTERS:
        return Markup("")
    return PRINTERS[model["model_name"]](model, state)


class PrintWidgets(Preprocessor):
    """Replace every widget view among a notebook's outputs by its printable HTML.

    The notebook's saved widget state is dropped afterwards: the page needs no widget script.

    Parameters
    ----------
    hidden : str, optional
        Text left out of the printed widgets (a scratch folder's path, which means nothing on
        paper).
    """

    def __init__(self, hidden: str = "", **kwargs: Any):
        super().__init__(**kwargs)
        self.hidden = hidden
        self.state: State = {}

    def preprocess(self, nb, resources):
        """Print the widget views of ``nb`` from its ``widgets`` metadata."""
        self.state = nb.metadata.get("widgets", {}).get(STATE, {}).get("state", {})
        nb, resources = super().preprocess(nb, resources)
        nb.metadata.pop("widgets", None)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        """Widget views of one cell as ``text/html``; its other outputs as they are."""
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(VIEW)
            if view is not None:
                printed = str(widget_html(view["model_id"], self.state))
                output.data = {
                    "text/html": printed.replace(self.hidden, "") if self.hidden else printed
                }
        return cell, resources
