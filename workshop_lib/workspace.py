"""Where the course lives on a laptop, and how it gets there.

The course (notebooks, exercises, solutions, datasets) ships inside the installed package. A
trainer or participant works on a copy in a writable *workspace* folder. :func:`prepare` copies
the course in on the first start and brings unchanged files up to date on later starts; a file
a participant changed is never overwritten. A manifest of what was copied
(``.workshop/manifest.json``) tells the two apart.

Every part of the course finds the workspace through :func:`home`: the data choice
(``.workshop/scenario.json``), the groups' plans (``groups/``), the group remembered on this
laptop (``.workshop/group.json``) and the servers, which pass it on to their kernels. In a checkout
of the course's source repository the course can run in place.

This module needs nothing but the standard library, so the lowest layer (``data``) may ask it.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .files import write_atomic

COURSE_PARTS = ("notebooks", "exercises", "solutions", "datasets")
"""The folders that make up the course."""

DEFAULT_DIRNAME = "marketing-workshop"
"""The workspace folder created in the current directory when none is named."""

HOME_ENV_VAR = "WORKSHOP_HOME"
"""The environment variable that names the workspace of a running course."""

SETTINGS = Path(".workshop")
"""The workspace's own records (manifest, data choice, remembered group, Lab settings)."""

MANIFEST = SETTINGS / "manifest.json"
_IGNORED_DIRS = {".ipynb_checkpoints", "__pycache__"}


def course_source() -> Path:
    """Return the folder that holds the course shipped with this installation.

    A wheel carries it as ``workshop_lib/course``; an editable install or a checkout uses the
    repository root beside the package.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "course"
    if packaged.is_dir():
        return packaged
    return package.parent


def is_checkout(folder: Path) -> bool:
    """Tell whether ``folder`` is a source checkout of the course (it can run in place)."""
    folder = Path(folder)
    return (
        (folder / "pyproject.toml").is_file()
        and (folder / "workshop_lib").is_dir()
        and all((folder / part).is_dir() for part in ("notebooks", "datasets"))
    )


def is_workspace(folder: Path) -> bool:
    """Tell whether ``folder`` holds the course: a checkout, or a copy made by :func:`prepare`."""
    folder = Path(folder)
    return is_checkout(folder) or (folder / MANIFEST).is_file()


def home(folder: str | Path | None = None, *, cwd: Path | None = None) -> Path:
    """Return the workspace, as an absolute path; the one answer every part of the course uses.

    Parameters
    ----------
    folder : str or Path, optional
        The workspace a command was given; returned resolved (absolute, ``~`` expanded).
    cwd : Path, optional
        The folder to start from when none is named; by default the current one.

    Returns
    -------
    Path
        ``folder`` when given; else the folder named by ``WORKSHOP_HOME`` (set for the notebooks'
        kernels by ``workshop lab`` and ``workshop app``, and on a hub); else the nearest folder,
        from ``cwd`` up, that holds the course (a checkout, or a workspace made by
        :func:`prepare`); else ``cwd/marketing-workshop``. Nothing is created.

    Examples
    --------
    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp()).resolve()
    >>> home(base / "acme-2026") == base / "acme-2026"
    True
    """
    if folder is None:
        folder = os.environ.get(HOME_ENV_VAR, "").strip() or None
    if folder is not None:
        return Path(folder).expanduser().resolve()
    start = (Path.cwd() if cwd is None else Path(cwd)).resolve()
    for candidate in (start, *start.parents):
        if is_workspace(candidate):
            return candidate
    return start / DEFAULT_DIRNAME


@dataclass
class SyncReport:
    """What :func:`prepare` did, as relative paths."""

    root: Path
    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    in_place: bool = False


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _course_files(source: Path) -> dict[str, Path]:
    files = {}
    for part in COURSE_PARTS:
        base = source / part
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d not in _IGNORED_DIRS)
            for name in sorted(filenames):
                path = Path(dirpath) / name
                files[path.relative_to(source).as_posix()] = path
    return files


def _read_manifest(root: Path) -> dict[str, str]:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {}) if isinstance(data, dict) else {}


def prepare(root: Path, source: Path | None = None) -> SyncReport:
    """Copy the course into ``root``, or bring an earlier copy up to date.

    Parameters
    ----------
    root : Path
        The workspace folder; created if missing.
    source : Path, optional
        The course to copy; by default :func:`course_source`.

    Returns
    -------
    SyncReport
        Files copied for the first time, files updated because the course changed and the copy
        did not, and files kept because someone edited them.

    Notes
    -----
    A file counts as edited when its content differs from what was last copied. Edited files
    are never overwritten. When ``root`` is the course source itself nothing is copied.
    """
    root = Path(root).resolve()
    source = (course_source() if source is None else Path(source)).resolve()
    report = SyncReport(root=root)
    if root == source:
        report.in_place = True
        return report
    root.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(root)
    for rel, src in _course_files(source).items():
        data = src.read_bytes()
        new_hash = hashlib.sha256(data).hexdigest()
        dst = root / rel
        if not dst.exists():
            write_atomic(dst, data)
            report.copied.append(rel)
        else:
            current = _digest(dst)
            if current == new_hash:
                pass
            elif current == manifest.get(rel):
                write_atomic(dst, data)
                report.updated.append(rel)
            else:
                report.kept.append(rel)
                continue
        manifest[rel] = new_hash
    payload = {"package_version": __version__, "files": manifest}
    write_atomic(root / MANIFEST, json.dumps(payload, indent=1, sort_keys=True).encode("utf-8"))
    return report


def check_writable(root: Path) -> Path:
    """Check that the workspace ``root`` can be written, creating nothing that stays.

    A folder that does not exist yet is judged by its nearest existing ancestor, where it would be
    created: a file is made there and removed at once.

    Returns
    -------
    Path
        The folder whose write access was tested (``root`` itself, or that ancestor).

    Raises
    ------
    OSError
        If that folder cannot be written, or the nearest existing ancestor is a file
        (``NotADirectoryError``).
    """
    root = Path(root).expanduser().absolute()
    existing = next(p for p in (root, *root.parents) if p.exists())
    if not existing.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(existing))
    with tempfile.TemporaryFile(dir=existing, prefix=".write-test-"):
        pass
    return existing
