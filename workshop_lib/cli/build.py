"""The ``build`` verb: generate the course's editions from its one source."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workshop build`` to the parser."""
    verb = subparsers.add_parser(
        "build", help=t("cli.build.help"), description=t("cli.build.description")
    )
    verb.add_argument("--editions", action="store_true", help=t("cli.build.editions_help"))
    verb.add_argument("--check", action="store_true", help=t("cli.build.check_help"))
    verb.add_argument(
        "--root", type=Path, default=None, metavar="DIR", help=t("cli.build.root_help")
    )
    verb.set_defaults(func=build)


def build(args: argparse.Namespace) -> int:
    """``workshop build --editions [--check]``: write (or check) every generated notebook."""
    from .. import authoring, workspace

    root = (args.root or workspace.course_source()).resolve()
    if not authoring.sources(root):
        print(t("cli.build.no_source", folder=root / authoring.SOURCE_DIR))
        return 1
    if args.check:
        stale = authoring.stale(root)
        for path in stale:
            print(t("cli.build.stale", path=path.relative_to(root)))
        print(t("cli.build.checked", n=len(stale)))
        return 1 if stale else 0
    changed = authoring.build(root)
    for path in changed:
        print(t("cli.build.wrote", path=path.relative_to(root)))
    print(t("cli.build.done", n=len(changed)))
    return 0
