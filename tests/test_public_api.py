"""The package uses only the public API of matplotlib, ipywidgets, Voilà and jupyter_server.

Their private names (a leading underscore) change between releases without notice. Read from
the source of every module: an import of a private module or name (``import matplotlib._x``,
``from matplotlib._x import y``, ``from matplotlib import _x``), a private attribute of anything
imported from these libraries (``fontManager._find_fonts_by_props``, ``plt.gcf()._x``), a
private attribute a subclass of one of their classes inherits (``self._renderer`` in a
``RendererAgg`` subclass, where the subclass does not set it itself), and
``getattr``/``setattr``/``hasattr`` with a private name written as a string, whatever the object.
Dunder names (``__version__``) are public.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import workshop_lib

PACKAGE = Path(workshop_lib.__file__).parent

GUARDED = ("matplotlib", "ipywidgets", "voila", "jupyter_server")
"""The libraries whose private names the package must not use."""

REFLECTION = ("getattr", "setattr", "hasattr", "delattr")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _guarded(module: str) -> bool:
    return module.split(".")[0] in GUARDED


def _root(node: ast.expr) -> ast.expr:
    """The innermost object of an attribute chain or call: ``a`` in ``a.b().c[0].d``."""
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


def uses(source: str) -> list[tuple[int, str]]:
    """The private uses in ``source``: (line, what), in the order of the source."""
    tree = ast.parse(source)
    library_names = set()  # names bound to something imported from a guarded library
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _guarded(alias.name):
                    library_names.add(alias.asname or alias.name.split(".")[0])
                    if any(_private(part) for part in alias.name.split(".")):
                        found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and not node.level and _guarded(node.module or ""):
            if any(_private(part) for part in node.module.split(".")):
                found.append((node.lineno, f"from {node.module} import"))
            for alias in node.names:
                library_names.add(alias.asname or alias.name)
                if _private(alias.name):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            root = _root(node)
            if isinstance(root, ast.Name) and root.id in library_names:
                found.append((node.lineno, f"{ast.unparse(node)}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in REFLECTION
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ClassDef) and any(
            isinstance(_root(base), ast.Name) and _root(base).id in library_names
            for base in node.bases
        ):
            found += _inherited(node)
    return sorted(found)


def _inherited(cls: ast.ClassDef) -> list[tuple[int, str]]:
    """Private attributes a subclass of a library class reads from ``self`` or ``super()``
    without defining them itself."""
    own = {item.name for item in cls.body if isinstance(item, ast.FunctionDef | ast.Assign)}
    own |= {
        target.attr
        for node in ast.walk(cls)
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute)
    }
    found = []
    for node in ast.walk(cls):
        if isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
            inner = node.value
            by_self = isinstance(inner, ast.Name) and inner.id == "self"
            by_super = (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Name)
                and inner.func.id == "super"
            )
            if by_self or by_super:
                found.append((node.lineno, ast.unparse(node)))
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import matplotlib._api", "import matplotlib._api"),
        ("from matplotlib._api import deprecated", "from matplotlib._api import"),
        ("from matplotlib import _api", "from matplotlib import _api"),
        ("from voila.utils import _x", "from voila.utils import _x"),
        (
            "from matplotlib.font_manager import fontManager\nfontManager._find_fonts_by_props(p)",
            "fontManager._find_fonts_by_props",
        ),
        ("import matplotlib.pyplot as plt\nplt.gcf().canvas._x", "plt.gcf().canvas._x"),
        ("import ipywidgets as w\nw.Button()._repr_keys()", "w.Button()._repr_keys"),
        ("import jupyter_server.serverapp as s\ns.ServerApp._x", "s.ServerApp._x"),
        ("getattr(renderer, '_renderer')", "getattr(renderer, '_renderer')"),
        ("setattr(app, '_hidden', 1)", "setattr(app, '_hidden', 1)"),
        (
            "from matplotlib.backends.backend_agg import RendererAgg\n"
            "class Fast(RendererAgg):\n"
            "    def draw(self):\n"
            "        self._count = 1\n"
            "        self._count += 1\n"
            "        return self._renderer",
            "self._renderer",
        ),
        (
            "import matplotlib.backends.backend_agg as agg\n"
            "class Fast(agg.RendererAgg):\n"
            "    def font(self, prop):\n"
            "        return super()._prepare_font(prop)",
            "super()._prepare_font",
        ),
    ],
)
def test_each_kind_of_private_use_is_found(source, expected):
    assert [what for _, what in uses(source)] == [expected]


@pytest.mark.parametrize(
    "source",
    [
        "import matplotlib\nmatplotlib.__version__",
        "from matplotlib.font_manager import findfont\nfindfont(p)",
        "import pandas as pd\npd.DataFrame()._mgr",  # another library: not guarded here
        "from . import _common\n_common.x",  # the package's own private modules
        "self._context = 1",
        "getattr(obj, name)",
    ],
)
def test_public_and_own_names_pass(source):
    assert uses(source) == []


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_the_package_uses_only_public_names_of_these_libraries(path):
    found = uses(path.read_text(encoding="utf-8"))
    shown = [f"{path.relative_to(PACKAGE.parent)}:{line}: {what}" for line, what in found]
    assert not shown, "private names used:\n" + "\n".join(shown)
