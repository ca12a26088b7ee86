"""The workspace argument of the class commands, and the line that says what they used.

Every command that works on a class takes its workspace the same way (``DIR``, or ``--workspace``
where ``DIR`` names something else) and starts its output with the workspace and the groups
folder it found (:func:`workshop_lib.groups.locate`), so that a trainer can see at once when a
command looked somewhere else than the class.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:  # groups brings the plan model: loaded when a verb runs, not for --help
    from ..groups import Place


def add_dir(verb: argparse.ArgumentParser, help_key: str = "cli.dir_help") -> None:
    """Give ``verb`` the optional positional workspace ``DIR``."""
    verb.add_argument("dir", nargs="?", type=Path, metavar="DIR", help=t(help_key))


def add_workspace_option(verb: argparse.ArgumentParser, help_key: str) -> None:
    """Give ``verb`` the workspace as ``--workspace DIR`` (its ``DIR`` names something else)."""
    verb.add_argument("--workspace", type=Path, metavar="DIR", help=t(help_key))


def line(place: Place) -> str:
    """The first line of a class command: the workspace and the groups folder it uses."""
    from ..groups import ENVIRONMENT, GIVEN, GROUPS_ENV_VAR

    if place.named_by == GIVEN:
        return t("cli.where_given", groups=place.groups)
    if place.named_by == ENVIRONMENT:
        return t("cli.where_env", root=place.root, groups=place.groups, var=GROUPS_ENV_VAR)
    return t("cli.where", root=place.root, groups=place.groups)


def announce(folder: Path | None, *, groups_folder_ok: bool = False) -> Place:
    """Find the workspace (and groups) for a command given ``folder``, and print the line."""
    from ..groups import locate

    place = locate(folder, groups_folder_ok=groups_folder_ok)
    print(line(place))
    return place
