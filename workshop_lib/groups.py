"""Where the groups' plans live, and which group this laptop is working for.

Every notebook of a group writes the same plan file, ``<groups folder>/<group>.json``. The
groups folder is ``<workspace>/groups`` unless ``WORKSHOP_GROUPS`` names another (on a hub, a
folder shared by the class); the workspace is :func:`workshop_lib.workspace.home`'s. The group
last chosen on this workspace is remembered, so a reloaded page or the next unit's notebook opens
the same plan.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> plan = open_group("第一组", folder, members=["王芳"])
>>> [name for name, _ in list_groups(folder)]
['第一组']
>>> locate(folder, groups_folder_ok=True).named_by
'given'
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import workspace
from .files import write_atomic
from .plan import BrandPlan, file_name

GROUPS_ENV_VAR = "WORKSHOP_GROUPS"
"""Names the folder of the groups' plans (e.g. a shared folder on a hub)."""

GROUPS_DIRNAME = "groups"
"""The groups folder inside a workspace."""

WORKSPACE, ENVIRONMENT, GIVEN = "workspace", "environment", "given"
"""What chose the groups folder (:attr:`Place.named_by`)."""

_REMEMBERED = workspace.SETTINGS / "group.json"


@dataclass(frozen=True)
class Place:
    """A workspace and the folder of its groups' plans.

    Attributes
    ----------
    root : Path
        The workspace (for a groups folder given in its place, the folder above it).
    groups : Path
        The folder of the groups' plans.
    named_by : str
        :data:`WORKSPACE` (``<root>/groups``), :data:`ENVIRONMENT` (``WORKSHOP_GROUPS``) or
        :data:`GIVEN` (a groups folder given where a workspace was expected).
    """

    root: Path
    groups: Path
    named_by: str


def is_groups_folder(folder: str | Path) -> bool:
    """Whether ``folder`` is a folder of plans rather than a workspace.

    It holds ``.json`` files, has no ``groups/`` folder and is not a workspace itself.
    """
    folder = Path(folder).expanduser()
    return (
        folder.is_dir()
        and not (folder / GROUPS_DIRNAME).is_dir()
        and not workspace.is_workspace(folder)
        and any(folder.glob("*.json"))
    )


def locate(folder: str | Path | None = None, *, groups_folder_ok: bool = False) -> Place:
    """Find the workspace and its groups folder, as every command and notebook does.

    Parameters
    ----------
    folder : str or Path, optional
        The workspace a command was given (see :func:`workshop_lib.workspace.home`).
    groups_folder_ok : bool
        Accept a groups folder in place of the workspace (:func:`is_groups_folder`), as the
        trainer's commands did before they took the workspace.

    Returns
    -------
    Place
        The groups folder is ``WORKSHOP_GROUPS`` when set, else ``<workspace>/groups``.
    """
    if folder is not None and groups_folder_ok and is_groups_folder(folder):
        groups = Path(folder).expanduser().resolve()
        return Place(groups.parent, groups, GIVEN)
    root = workspace.home(folder)
    named = os.environ.get(GROUPS_ENV_VAR, "").strip()
    if named:
        return Place(root, Path(named).expanduser().resolve(), ENVIRONMENT)
    return Place(root, root / GROUPS_DIRNAME, WORKSPACE)


def groups_dir(root: str | Path | None = None) -> Path:
    """The folder of the groups' plans: ``WORKSHOP_GROUPS``, else ``<workspace>/groups``."""
    return locate(root).groups


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
    payload = json.dumps({"group": name}, ensure_ascii=False).encode()
    write_atomic(workspace.home(root) / _REMEMBERED, payload)


def remembered(root: Path | None = None) -> str | None:
    """The group last chosen on this workspace, or None."""
    record = workspace.home(root) / _REMEMBERED
    try:
        name = json.loads(record.read_text(encoding="utf-8")).get("group")
    except (OSError, ValueError, AttributeError):
        return None
    return name if isinstance(name, str) and name.strip() else None
