"""Every dependency in pyproject.toml is used, every import is declared, and the lock fits both.

The package's imports are read from its source (ast), so an import inside a function counts.
A few dependencies are programs or plugins rather than imports; each of those is checked where
the course starts or loads it.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import sys
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from workshop_lib import doctor, servers

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE = ROOT / "workshop_lib"
TESTS = ROOT / "tests"


def _names(requirements: Iterable[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


RUNTIME = _names(PYPROJECT["project"]["dependencies"])
TEST_EXTRA = _names(PYPROJECT["project"]["optional-dependencies"]["test"])


def _module_run_by(command: list[str]) -> str:
    """The module a ``python -m MODULE …`` command line runs."""
    return command[command.index("-m") + 1]


def _kernel_argv(name: str) -> list[str]:
    """The command line of a registered kernel."""
    from jupyter_client.kernelspec import KernelSpecManager

    return KernelSpecManager().get_kernel_spec(name).argv


# Dependencies the course runs as programs or loads as plugins instead of importing them. For
# each, the modules it is used through, found where the course starts or loads it.
PROGRAMS: dict[str, Callable[[], list[str]]] = {
    # `workshop lab` serves the course with `python -m jupyterlab`
    "jupyterlab": lambda: [_module_run_by(servers.lab_command(ROOT))],
    # JupyterLab's menus in Chinese: the language pack is a plugin found by its entry point
    "jupyterlab-language-pack-zh-cn": lambda: [
        entry.value
        for entry in metadata.entry_points(group="jupyterlab.languagepack")
        if entry.name in servers.LAB_LOCALES.values()
    ],
    # every notebook runs in the Python kernel that `workshop doctor` checks for
    "ipykernel": lambda: [_module_run_by(_kernel_argv(doctor.KERNEL_NAME))],
}


def _imports(folder: Path) -> dict[str, list[str]]:
    """Top-level module → the places (file:line) that import it, in every ``.py`` file."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                place = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(module.split(".")[0], []).append(place)
    return found


@cache
def _providers() -> dict[str, list[str]]:
    return metadata.packages_distributions()


def _distributions(module: str) -> set[str]:
    """The installed distributions that provide a top-level module (normalised names)."""
    return {canonicalize_name(d) for d in _providers().get(module, [])}


def _third_party(imports: dict[str, list[str]], local: set[str]) -> dict[str, list[str]]:
    return {
        module: places
        for module, places in imports.items()
        if module not in sys.stdlib_module_names and module not in local
    }


def _undeclared(imports: dict[str, list[str]], declared: set[str]) -> list[str]:
    problems = []
    for module, places in sorted(imports.items()):
        dists = _distributions(module)
        if not dists & declared:
            provider = ", ".join(sorted(dists)) or "no installed distribution"
            problems.append(f"{module} ({provider}), imported at {', '.join(places[:3])}")
    return problems


def test_every_runtime_dependency_is_imported_by_the_package():
    imported = set()
    for module in _imports(PACKAGE):
        imported |= _distributions(module)
    unused = sorted(RUNTIME - imported - set(PROGRAMS))
    assert not unused, (
        f"declared in pyproject.toml [project] dependencies but never imported by workshop_lib: "
        f"{', '.join(unused)}. Import it where it is used, remove it, or, if the course runs it "
        f"as a program or plugin, add it to PROGRAMS in this test with the check of that use."
    )


@pytest.mark.parametrize("dist", sorted(PROGRAMS))
def test_programs_and_plugins_are_declared_and_used_where_the_course_starts_them(dist):
    assert dist in RUNTIME, f"{dist} is in PROGRAMS but not a runtime dependency"
    modules = PROGRAMS[dist]()
    assert modules, f"the course never starts or loads {dist}"
    for module in modules:
        assert dist in _distributions(module), f"{module} (used for {dist}) comes from elsewhere"


def test_every_third_party_import_of_the_package_is_declared():
    imports = _third_party(_imports(PACKAGE), {"workshop_lib"})
    problems = _undeclared(imports, RUNTIME)
    assert not problems, "imported by workshop_lib but not in [project] dependencies: " + (
        "; ".join(problems)
    )


def test_every_third_party_import_of_the_tests_is_declared():
    local = {"workshop_lib", *(p.stem for p in TESTS.rglob("*.py"))}
    local |= {p.name for p in TESTS.rglob("*") if p.is_dir()}
    problems = _undeclared(_third_party(_imports(TESTS), local), RUNTIME | TEST_EXTRA)
    assert not problems, "imported by tests but in neither [project] dependencies nor the test " + (
        "extra: " + "; ".join(problems)
    )


def test_the_lock_pins_every_dependency_within_its_bounds():
    tested = doctor.read_lock((ROOT / doctor.LOCK).read_text(encoding="utf-8"))
    requirements = [
        Requirement(r)
        for r in (
            PYPROJECT["project"]["dependencies"]
            + PYPROJECT["project"]["optional-dependencies"]["test"]
        )
    ]
    outside = [
        f"{r.name} {tested.get(canonicalize_name(r.name), 'missing')} (needs {r.specifier})"
        for r in requirements
        if not r.specifier.contains(tested.get(canonicalize_name(r.name), "0"), prereleases=True)
    ]
    assert not outside, (
        "requirements/lock.txt does not fit pyproject.toml; run bash requirements/lock.sh: "
        + "; ".join(outside)
    )


def test_the_wheel_carries_the_lock_where_doctor_reads_it():
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    sdist = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert wheel[doctor.LOCK.as_posix()] == f"workshop_lib/course/{doctor.LOCK.as_posix()}"
    assert doctor.LOCK.parts[0] in sdist
    assert doctor.lock_file() == ROOT / doctor.LOCK  # an editable install reads the checkout's


def test_binder_installs_the_tested_versions():
    tested = doctor.read_lock((ROOT / doctor.LOCK).read_text(encoding="utf-8"))
    pins = doctor.read_lock((ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8"))
    differ = {
        name: (pin, tested.get(name)) for name, pin in pins.items() if tested.get(name) != pin
    }
    assert not differ, f"binder/requirements.txt pins other versions than the lock: {differ}"
