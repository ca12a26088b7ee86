"""Verbs that get the course running: ``lab``, ``app``, ``init`` and ``doctor``.

Each takes the workspace as ``DIR`` and says first which workspace and groups folder it uses.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import doctor, servers, workspace
from ..i18n import t
from .where import add_dir, announce


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this module's verbs to the ``workshop`` parser."""
    for name, func in (("lab", lab), ("app", app)):
        verb = subparsers.add_parser(
            name, help=t(f"cli.{name}.help"), description=t(f"cli.{name}.description")
        )
        add_dir(verb)
        verb.add_argument("--no-browser", action="store_true", help=t("cli.no_browser_help"))
        verb.add_argument("--port", type=int, metavar="N", help=t("cli.port_help"))
        if name == "lab":
            verb.add_argument("--token", metavar="TOKEN", help=t("cli.token_help"))
        verb.set_defaults(func=func)

    verb = subparsers.add_parser(
        "init", help=t("cli.init.help"), description=t("cli.init.description")
    )
    add_dir(verb)
    verb.set_defaults(func=init)

    verb = subparsers.add_parser(
        "doctor", help=t("cli.doctor.help"), description=t("cli.doctor.description")
    )
    add_dir(verb)
    verb.set_defaults(func=check)


def _prepare(args: argparse.Namespace) -> Path:
    """Copy or update the course in the workspace and say what happened."""
    root = announce(args.dir).root
    report = workspace.prepare(root)
    if report.in_place:
        print(t("cli.in_place", root=root))
    else:
        print(
            t(
                "cli.prepared",
                root=root,
                copied=len(report.copied),
                updated=len(report.updated),
                kept=len(report.kept),
            )
        )
        for rel in report.kept:
            print(t("cli.kept_file", path=rel))
    return root


def init(args: argparse.Namespace) -> int:
    """``workshop init [DIR]``: copy the course into a workspace without starting a server."""
    _prepare(args)
    return 0


def lab(args: argparse.Namespace) -> int:
    """``workshop lab [DIR]``: the course in JupyterLab."""
    root = _prepare(args)
    print(t("cli.starting", what="JupyterLab"))
    command = servers.lab_command(
        root, port=args.port, browser=not args.no_browser, token=args.token
    )
    return servers.run(command, root)


def app(args: argparse.Namespace) -> int:
    """``workshop app [DIR]``: the course as a code-free web app (Voilà)."""
    root = _prepare(args)
    port = args.port or servers.DEFAULT_APP_PORT
    print(t("cli.starting", what="Voilà"))
    print(
        t("cli.app_url", url=f"http://{servers.HOST}:{port}/voila/render/{servers.welcome_path()}")
    )
    return servers.run(servers.app_command(root, port=port, browser=not args.no_browser), root)


def check(args: argparse.Namespace) -> int:
    """``workshop doctor [DIR]``: the laptop check; exit 0 when the course can run."""
    report = doctor.report(announce(args.dir).root)
    print(report)
    return 0 if report.ok else 1
