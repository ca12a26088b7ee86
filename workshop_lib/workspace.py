"""Where the course lives on a laptop, and how it gets there.

The course (notebooks, exercises, solutions, datasets) ships inside the installed package. A
trainer or participant works on a copy in a writable *workspace* folder. :func:`prepare` copies
the course in on the first start and brings unchanged files up to date on later starts; a file
a participant changed is never overwritten. A manifest of what was copied
(``.workshop/manifest.json``) tells the two apart.

In a checkout of the course's source repository the course can run in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import workshop_lib

from .files import write_atomic

COURSE_PARTS = ("notebooks", "exercises", "solutions", "datasets")
"""The folders that make up the course."""

DEFAULT_DIRNAME = "marketing-workshop"
"""The workspace folder created in the current directory when none is named."""

HOME_ENV_VAR = "WORKSHOP_HOME"
"""The environment variable that names the workspace of a running course."""

MANIFEST = Path(".workshop") / "manifest.json"
_IGNORED_DIRS = {".ipynb_checkpoints", "__pycache__"}


def course_source() -> Path:
    """Return the folder that holds the course shipped with this installation.

    A wheel carries it as ``workshop_lib/course``; an editable install or a checkout uses the
    repository root beside the package.
    """
    package = Path(workshop_lib.__file__).resolve().parent
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


def default_workspace(cwd: Path | None = None) -> Path:
    """Return the workspace to use when the user names none.

    The folder named by ``WORKSHOP_HOME`` (set for the notebooks by ``workshop lab`` and
    ``workshop app``); else the current folder when it is a checkout of the course; else
    ``./marketing-workshop``.
    """
    home = os.environ.get(HOME_ENV_VAR, "").strip()
    if home:
        return Path(home)
    cwd = Path.cwd() if cwd is None else Path(cwd)
    return cwd if is_checkout(cwd) else cwd / DEFAULT_DIRNAME


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
    payload = {"package_version": workshop_lib.__version__, "files": manifest}
    write_atomic(root / MANIFEST, json.dumps(payload, indent=1, sort_keys=True).encode("utf-8"))
    return report


def check_writable(root: Path) -> None:
    """Raise ``OSError`` unless a file can be created in ``root`` (created if missing)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=root, prefix=".write-test-"):
        pass
