"""The package's layers, as the README's architecture section draws them: imports go one way.

The import graph is read from the source (every ``import`` and ``from ... import``, relative or
absolute, at the top of a module or inside a function), so a lazy import counts like any other.
A module belongs to the layer of its part of the package: ``workshop_lib.canvas.base`` to
``canvas``, ``workshop_lib.fmt`` to ``fmt``. A module may import its own layer or a lower one,
never a higher one; no two parts import each other, directly or round about, and neither do two
modules.

When a module is added, moved or renamed, put its part in :data:`LAYERS`.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import workshop_lib

PACKAGE = Path(workshop_lib.__file__).parent

LAYERS = (
    ("base", ("workshop_lib", "i18n", "files", "fmt")),
    ("workspace", ("workspace",)),
    ("data", ("data",)),
    ("kpi", ("kpi",)),
    ("analysis", ("analysis",)),
    ("layout", ("layout",)),
    ("style", ("style",)),
    ("diagrams", ("diagrams",)),
    ("plan", ("plan", "groups")),
    (
        "exercises",
        (
            "exercises",
            "answers",
            "plan_figures",
            "quiz",
            "review",
            "summary",
            "tables",
            "worked_example",
        ),
    ),
    ("canvas", ("canvas",)),
    (
        "trainer outputs",
        (
            "pages",
            "report",
            "debrief",
            "progress",
            "export",
            "handouts",
            "printed_widgets",
            "classroom",
            "diagram_gallery",
        ),
    ),
    ("setup", ("servers", "doctor", "authoring", "notebook")),
    ("cli", ("cli", "__main__")),
)
"""The layers from the bottom up, each with the parts of the package it holds: the modules
and sub-packages directly under ``workshop_lib`` (``workshop_lib`` itself is the package's
``__init__``)."""

WIDGET_PARTS = ("canvas",)
"""The only parts that import ipywidgets (the design's contract)."""


@dataclass(frozen=True)
class Import:
    """One import of a module of the package by another, where the source says it."""

    importer: str
    imported: str
    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path.relative_to(PACKAGE.parent)}:{self.line} imports {self.imported}"


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package: dotted name → (file, whether it is a package)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


MODULES = _modules()


def _known(name: str) -> str:
    """The module ``name`` lives in: itself, or the package a name was imported from."""
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _targets(module: str, package: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The package's modules one import statement loads (none for other libraries)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == PACKAGE.name]
    if node.level:
        base = module.split(".") if package else module.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        source = ".".join([*base, node.module] if node.module else base)
    else:
        source = node.module or ""
    if source.split(".")[0] != PACKAGE.name:
        return []
    return [f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source for a in node.names]


def imports() -> list[Import]:
    """Every import of one module of the package by another."""
    found = []
    for module, (path, package) in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _targets(module, package, node):
                    imported = _known(target)
                    if imported != module:
                        found.append(Import(module, imported, path, node.lineno))
    return found


def part(module: str) -> str:
    """The part of the package a module belongs to: ``workshop_lib.canvas.base`` → ``canvas``."""
    names = module.split(".")
    return names[1] if len(names) > 1 else names[0]


RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}
LAYER = {name: layer for layer, names in LAYERS for name in names}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of nodes that reach each other (strongly connected, more than one node)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph is a few dozen nodes deep
        order[node] = low[node] = len(order)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in order:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], order[other])
        if low[node] == order[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in order:
            visit(node)
    return found


def test_the_table_names_every_part_of_the_package_and_nothing_else():
    parts = {part(module) for module in MODULES}
    missing = sorted(parts - set(RANK))
    gone = sorted(set(RANK) - parts)
    assert not missing, f"parts of the package in no layer, add them to LAYERS: {missing}"
    assert not gone, f"LAYERS names parts that no longer exist, remove them: {gone}"
    assert len(RANK) == sum(len(names) for _, names in LAYERS), "a part is in two layers"


def test_imports_go_down_the_layers():
    upward = [
        f"{link} ({LAYER[part(link.importer)]} → {LAYER[part(link.imported)]})"
        for link in imports()
        if RANK.get(part(link.imported), -1) > RANK.get(part(link.importer), len(RANK))
    ]
    assert not upward, "imports up the layers:\n" + "\n".join(upward)


def test_no_two_parts_of_the_package_import_each_other():
    edges: dict[str, set[str]] = defaultdict(set)
    for link in imports():
        if part(link.importer) != part(link.imported):
            edges[part(link.importer)].add(part(link.imported))
    found = cycles(edges)
    assert not found, f"parts that import each other: {found}"


def test_no_two_modules_import_each_other():
    edges: dict[str, set[str]] = defaultdict(set)
    for link in imports():
        edges[link.importer].add(link.imported)
    found = cycles(edges)
    assert not found, f"modules that import each other: {found}"


def test_only_the_canvases_import_ipywidgets():
    outside = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for module, (path, _) in MODULES.items()
        if part(module) not in WIDGET_PARTS
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (
            isinstance(node, ast.Import)
            and any(a.name.startswith("ipywidgets") for a in node.names)
        )
        or (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ipywidgets"))
    ]
    assert not outside, f"ipywidgets imported outside {WIDGET_PARTS}: {outside}"


def test_the_graph_sees_relative_lazy_and_absolute_imports():
    found = {(i.importer, i.imported) for i in imports()}
    assert ("workshop_lib.canvas.base", "workshop_lib.fmt") in found  # from ..fmt import
    assert ("workshop_lib.cli.diagrams", "workshop_lib.diagram_gallery") in found  # in a function
    assert ("workshop_lib.diagrams._frame", "workshop_lib.layout.text") in found  # from ..layout
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
