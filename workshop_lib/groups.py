"""Where the groups' plans live, and which group this laptop is working for.

Every notebook of a group writes the same plan file, ``<groups folder>/<group>.json``. The
groups folder is ``<workspace>/groups`` unless ``WORKSHOP_GROUPS`` names another (on a hub, a
folder shared by the class). The group last chosen on this workspace is remembered, so a reloaded
page or the next unit's notebook opens the same plan.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> plan = open_group("第一组", folder, members=["王芳"])
>>> [name for name, _ in list_groups(folder)]
['第一组']
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import workspace
from .files import write_atomic
from .plan import BrandPlan, file_name

GROUPS_ENV_VAR = "WORKSHOP_GROUPS"
"""Names the folder of the groups' plans (e.g. a shared folder on a hub)."""

_REMEMBERED = Path(".workshop") / "group.json"


def groups_dir() -> Path:
    """The folder of the groups' plans: ``WORKSHOP_GROUPS``, else ``<workspace>/groups``."""
    named = os.environ.get(GROUPS_ENV_VAR, "").strip()
    return Path(named) if named else workspace.default_workspace() / "groups"


def list_groups(folder: Path | None = None) -> list[tuple[str, Path]]:
    """The groups with a plan in ``folder``, sorted by name: ``[(group name, plan file)]``.

    Files that are not readable plans are skipped (a damaged plan is reported when opened).
    """
    folder = groups_dir() if folder is None else Path(folder)
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            name = json.loads(path.read_text(encoding="utf-8"))["group"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(name, str) and name.strip():
            found.append((name, path))
    return sorted(found)


def open_group(
    name: str, folder: Path | None = None, *, members: list[str] | None = None
) -> BrandPlan:
    """Open the plan of group ``name``, creating and saving it if it does not exist yet.

    Raises
    ------
    ValueError
        If the name is empty or the existing plan file is damaged (the message names the file
        and its backup).
    """
    folder = groups_dir() if folder is None else Path(folder)
    path = folder / file_name(name)
    if path.exists():
        plan = BrandPlan.load(path)
        if members:
            plan.members = members
            plan.save(path)
        return plan
    plan = BrandPlan.from_dict({"group": name, "members": members or []})
    plan.save(path)
    return plan


def remember(name: str, root: Path | None = None) -> None:
    """Remember ``name`` as this workspace's current group."""
    root = workspace.default_workspace() if root is None else Path(root)
    write_atomic(root / _REMEMBERED, json.dumps({"group": name}, ensure_ascii=False).encode())


def remembered(root: Path | None = None) -> str | None:
    """The group last chosen on this workspace, or None."""
    root = workspace.default_workspace() if root is None else Path(root)
    try:
        name = json.loads((root / _REMEMBERED).read_text(encoding="utf-8")).get("group")
    except (OSError, ValueError, AttributeError):
        return None
    return name if isinstance(name, str) and name.strip() else None
