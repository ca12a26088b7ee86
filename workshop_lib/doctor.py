"""The pre-workshop laptop check.

A trainer asks every participant to run ``workshop doctor`` (or the welcome notebook's live
check) before day one. Each check says what it found and, when it fails, how to fix it. Only
*required* checks decide whether the course can run; PDF export through Chromium and packages at
other versions than the tested ones (``requirements/lock.txt``) are warnings.

Examples
--------
>>> from workshop_lib import doctor
>>> results = doctor.run_checks()
>>> sorted({type(r).__name__ for r in results})
['Check']
"""

from __future__ import annotations

import html
import importlib.metadata as metadata
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from . import workspace
from .i18n import t
from .pages import CHROMIUM_ENV_VAR, find_chromium

MIN_PYTHON = (3, 11)
DIST_NAME = "workshop-lib"
LOCK = Path("requirements") / "lock.txt"
"""The tested versions, in the course's source (a checkout, or the copy inside the wheel)."""
KERNEL_NAME = "python3"
WIDGETS_EXTENSION = Path("labextensions") / "@jupyter-widgets" / "jupyterlab-manager"
LOCK_SHOWN = 5
"""How many packages at other versions the lock check names before "and N more"."""


@dataclass(frozen=True)
class Check:
    """One line of the doctor's table.

    Attributes
    ----------
    name : str
        What was checked, in the active language.
    ok : bool
        Whether it passed.
    detail : str
        What was found (a version, a font family, a path) or what went wrong.
    fix : str
        How to fix a failure; empty when ``ok``.
    required : bool
        Whether the course cannot run without it.
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True


def check_python() -> Check:
    """Python is recent enough."""
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info[:2] >= MIN_PYTHON
    need = ".".join(map(str, MIN_PYTHON))
    return Check(t("doctor.python"), ok, version, "" if ok else t("doctor.python_fix", need=need))


def _requirements() -> list[Requirement]:
    try:
        declared = metadata.requires(DIST_NAME) or []
    except metadata.PackageNotFoundError:
        return []
    reqs = [Requirement(r) for r in declared]
    return [r for r in reqs if r.marker is None or r.marker.evaluate({"extra": ""})]


def check_packages() -> Check:
    """Every package the course needs is installed at a version it accepts."""
    reqs = _requirements()
    if not reqs:
        return Check(
            t("doctor.packages"),
            False,
            t("doctor.not_installed", name=DIST_NAME),
            t("doctor.packages_fix"),
        )
    problems, found = [], []
    for req in reqs:
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            problems.append(t("doctor.package_missing", name=req.name))
            continue
        if req.specifier and not req.specifier.contains(version, prereleases=True):
            problems.append(
                t("doctor.package_old", name=req.name, version=version, need=str(req.specifier))
            )
        found.append(f"{req.name} {version}")
    if problems:
        return Check(t("doctor.packages"), False, "; ".join(problems), t("doctor.packages_fix"))
    return Check(t("doctor.packages"), True, t("doctor.packages_ok", n=len(found)))


def lock_file() -> Path:
    """Return where this installation keeps the lock of tested versions."""
    return workspace.course_source() / LOCK


def read_lock(text: str) -> dict[str, str]:
    """Return the version the lock pins for each package on this machine.

    Lines whose marker names another system or Python are left out; names are normalised.

    Raises
    ------
    ValueError
        A line that is not a package pinned with ``==`` (the message quotes it).

    Examples
    --------
    >>> read_lock("NumPy==2.4.6\\n    # via pandas\\npywin32==311 ; sys_platform == 'x'\\n")
    {'numpy': '2.4.6'}
    """
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            raise ValueError(f"{line!r}: {err}") from None
        versions = [s.version for s in req.specifier if s.operator == "=="]
        if len(versions) != 1:
            raise ValueError(f"{line!r}: not one version pinned with ==")
        if req.marker is None or req.marker.evaluate():
            pins[canonicalize_name(req.name)] = versions[0]
    return pins


def course_packages() -> dict[str, str]:
    """Return the installed version of every package the course runs on.

    That is the package's requirements, theirs, and so on (with the extras asked for), not
    test tools or whatever else is installed; a missing one is :func:`check_packages`'s to
    report.
    """
    requires: dict[str, list[Requirement]] = {}
    versions: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    todo = [(canonicalize_name(DIST_NAME), "")]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        if name not in requires:
            try:
                about = metadata.metadata(name)  # parsed once, unlike each property's lookup
            except metadata.PackageNotFoundError:
                requires[name] = []
                continue
            versions[name] = about["Version"]
            requires[name] = [Requirement(r) for r in about.get_all("Requires-Dist") or []]
        for req in requires[name]:
            if req.marker is None or req.marker.evaluate({"extra": extra}):
                todo += [(canonicalize_name(req.name), x) for x in ("", *req.extras)]
    versions.pop(canonicalize_name(DIST_NAME), None)
    return versions


def check_lock() -> Check:
    """The packages the course runs on are the versions it was tested with (a warning only)."""
    lock = lock_file()
    name = t("doctor.lock")
    try:
        tested = read_lock(lock.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        detail = t("doctor.lock_unreadable", path=lock, error=getattr(err, "strerror", None) or err)
        return Check(name, False, detail, t("doctor.packages_fix"), required=False)
    installed = course_packages()
    direct = {canonicalize_name(r.name) for r in _requirements()}  # named first
    differ = [
        t("doctor.lock_package", name=n, version=v, tested=tested[n])
        for n, v in sorted(installed.items(), key=lambda item: (item[0] not in direct, item[0]))
        if n in tested and v != tested[n]
    ]
    if not differ:
        n = sum(1 for n in installed if n in tested)
        return Check(name, True, t("doctor.lock_ok", n=n), required=False)
    shown = t("doctor.list_separator").join(differ[:LOCK_SHOWN])
    if len(differ) > LOCK_SHOWN:
        shown += t("doctor.lock_more", n=len(differ) - LOCK_SHOWN)
    command = f'python -m pip install -c "{lock}" {DIST_NAME}'
    return Check(
        name,
        False,
        t("doctor.lock_differs", packages=shown),
        t("doctor.lock_fix", command=command),
        required=False,
    )


def check_font() -> Check:
    """A font that draws Chinese is available to matplotlib."""
    from .style import FontNotFoundError, cjk_font

    try:
        return Check(t("doctor.font"), True, cjk_font())
    except FontNotFoundError as err:
        return Check(t("doctor.font"), False, t("doctor.font_none"), str(err))


def _jupyter_data_dirs() -> list[Path]:
    from jupyter_core.paths import jupyter_path

    return [Path(p) for p in jupyter_path()]


def check_widgets() -> Check:
    """The widgets front end is installed where JupyterLab and Voilà find it."""
    try:
        version = metadata.version("jupyterlab_widgets")
    except metadata.PackageNotFoundError:
        return Check(
            t("doctor.widgets"),
            False,
            t("doctor.package_missing", name="jupyterlab_widgets"),
            t("doctor.widgets_fix"),
        )
    for base in _jupyter_data_dirs():
        if (base / WIDGETS_EXTENSION).is_dir():
            return Check(t("doctor.widgets"), True, f"jupyterlab_widgets {version}")
    return Check(t("doctor.widgets"), False, t("doctor.widgets_missing"), t("doctor.widgets_fix"))


def check_kernel() -> Check:
    """A Python kernel is registered for the notebooks."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if KERNEL_NAME in specs:
        return Check(t("doctor.kernel"), True, KERNEL_NAME)
    return Check(t("doctor.kernel"), False, t("doctor.kernel_missing"), t("doctor.kernel_fix"))


def check_chromium() -> Check:
    """A Chromium-family browser exists for PDF export (optional: HTML works without it)."""
    found = find_chromium()
    if found:
        return Check(t("doctor.chromium"), True, str(found), required=False)
    return Check(
        t("doctor.chromium"),
        False,
        t("doctor.chromium_missing"),
        t("doctor.chromium_fix", var=CHROMIUM_ENV_VAR),
        required=False,
    )


def check_workspace(root: Path) -> Check:
    """The workspace folder can be written (groups' plans are saved there); nothing is created."""
    try:
        workspace.check_writable(root)
    except OSError as err:
        return Check(
            t("doctor.workspace"),
            False,
            f"{root}: {err.strerror or err}",
            t("doctor.workspace_fix"),
        )
    return Check(t("doctor.workspace"), True, str(root))


def run_checks(root: Path | None = None) -> list[Check]:
    """Run every check, in the order of the table.

    Parameters
    ----------
    root : Path, optional
        The workspace to test for write access; by default the one ``workshop lab`` would use.
    """
    root = workspace.home(root)
    checks: list[Callable[[], Check]] = [
        check_python,
        check_packages,
        check_lock,
        check_font,
        check_widgets,
        check_kernel,
        check_chromium,
    ]
    return [check() for check in checks] + [check_workspace(root)]


def can_run(results: list[Check]) -> bool:
    """Whether every required check passed."""
    return all(r.ok for r in results if r.required)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _mark(result: Check) -> str:
    """✓ passed, ✗ a required check failed, ! an optional one failed."""
    return "✓" if result.ok else ("✗" if result.required else "!")


def format_table(results: list[Check]) -> str:
    """Render the results as a plain-text table with a closing verdict."""
    name_w = max(_width(r.name) for r in results)
    lines = [t("doctor.title"), ""]
    for r in results:
        lines.append(f" {_mark(r)} {_pad(r.name, name_w)}  {r.detail}")
        if r.fix:
            lines.append(f"   {' ' * name_w}  → {r.fix}")
    lines += ["", t("doctor.ready") if can_run(results) else t("doctor.not_ready")]
    return "\n".join(lines)


class Report:
    """The doctor's results, shown as a table in a notebook and as text elsewhere."""

    def __init__(self, results: list[Check]):
        self.results = results

    @property
    def ok(self) -> bool:
        """Whether the course can run."""
        return can_run(self.results)

    def __str__(self) -> str:
        return format_table(self.results)

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        from .style import PALETTE

        cell = "text-align:left;padding:4px 12px;vertical-align:middle"
        rows = []
        for r in self.results:
            colour = PALETTE.good if r.ok else (PALETTE.bad if r.required else PALETTE.warning)
            fix = f"<br><span style='color:{colour}'>→ {html.escape(r.fix)}</span>" if r.fix else ""
            rows.append(
                f"<tr><td style='{cell};color:{colour};font-weight:bold'>{_mark(r)}</td>"
                f"<td style='{cell}'>{html.escape(r.name)}</td>"
                f"<td style='{cell}'>{html.escape(r.detail)}{fix}</td></tr>"
            )
        verdict = t("doctor.ready") if self.ok else t("doctor.not_ready")
        colour = PALETTE.good if self.ok else PALETTE.bad
        return (
            f"<table style='border-collapse:collapse'><thead><tr><th style='{cell}'></th>"
            f"<th style='{cell}'>{html.escape(t('doctor.check'))}</th>"
            f"<th style='{cell}'>{html.escape(t('doctor.result'))}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            f"<p style='color:{colour}'><b>{html.escape(verdict)}</b></p>"
        )


def report(root: Path | None = None) -> Report:
    """Run the checks and return a :class:`Report` (a table when displayed in a notebook)."""
    return Report(run_checks(root))
