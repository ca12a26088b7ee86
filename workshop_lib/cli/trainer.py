"""The trainer's verbs: ``report``, ``gallery``, ``progress`` and ``export``.

They only read the groups' saved plans (JSON); each writes one file, where ``--out`` says, or a
file named after the group in the current folder. ``gallery``, ``progress`` and ``export`` take
the workspace (``DIR``) and read its groups folder, saying first which folders they use; a groups
folder given in place of the workspace still works. A damaged plan in a class folder is named and
skipped, never a traceback; a class with no group at all is an error (exit 1), not an empty page.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..i18n import t
from .where import add_dir, announce, line

if TYPE_CHECKING:
    from ..classroom import Class
    from ..groups import Place

CLEAR = "\x1b[H\x1b[2J"
"""Terminal codes that move to the top left and clear the screen (for ``--watch``)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the trainer's verbs to the ``workshop`` parser."""
    verb = subparsers.add_parser(
        "report", help=t("trainer.cli.report.help"), description=t("trainer.cli.report.description")
    )
    verb.add_argument("plan", type=Path, metavar="PLAN.json", help=t("trainer.cli.plan_help"))
    verb.add_argument(
        "--format", choices=("html", "pdf"), default="html", help=t("trainer.cli.format_help")
    )
    verb.add_argument("--out", type=Path, metavar="FILE", help=t("trainer.cli.report.out_help"))
    verb.set_defaults(func=report)

    verb = subparsers.add_parser(
        "gallery",
        help=t("trainer.cli.gallery.help"),
        description=t("trainer.cli.gallery.description"),
    )
    add_dir(verb, "cli.class_dir_help")
    verb.add_argument("--out", type=Path, metavar="FILE", help=t("trainer.cli.gallery.out_help"))
    verb.set_defaults(func=gallery)

    verb = subparsers.add_parser(
        "progress",
        help=t("trainer.cli.progress.help"),
        description=t("trainer.cli.progress.description"),
    )
    add_dir(verb, "cli.class_dir_help")
    verb.add_argument("--watch", action="store_true", help=t("trainer.cli.watch_help"))
    verb.add_argument(
        "--interval", type=float, default=2.0, metavar="S", help=t("trainer.cli.interval_help")
    )
    verb.set_defaults(func=progress)

    verb = subparsers.add_parser(
        "export", help=t("trainer.cli.export.help"), description=t("trainer.cli.export.description")
    )
    add_dir(verb, "cli.class_dir_help")
    verb.add_argument(
        "--out",
        type=Path,
        metavar="FILE.xlsx",
        required=True,
        help=t("trainer.cli.export.out_help"),
    )
    verb.set_defaults(func=export)


def _place(args: argparse.Namespace) -> Place | None:
    """The verb's workspace and groups folder, after the line naming them; None if missing."""
    place = announce(args.dir, groups_folder_ok=True)
    if not place.root.is_dir():
        print(t("trainer.no_folder", folder=place.root), file=sys.stderr)
        return None
    return place


def _load(folder: Path) -> Class:
    """The plans in ``folder``; none when the folder does not exist (yet)."""
    from ..classroom import Class, load_class

    return load_class(folder) if folder.is_dir() else Class(folder)


def _class(args: argparse.Namespace) -> Class | None:
    """The class of the verb's workspace; None, and why, if it is missing or has no group."""
    place = _place(args)
    if place is None:
        return None
    found = _load(place.groups)
    for problem in found.problems:
        print(t("trainer.cli.skipped", problem=problem), file=sys.stderr)
    if not found.plans:
        print(t("cli.no_groups", groups=place.groups), file=sys.stderr)
        return None
    return found


def report(args: argparse.Namespace) -> int:
    """``workshop report PLAN.json``: the group's report as HTML, or PDF (exit 1 if only HTML)."""
    from .. import pages
    from ..plan import BrandPlan, file_name
    from ..report import report_html

    try:
        plan = BrandPlan.load(args.plan)
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    suffix = f".{args.format}"
    out = args.out or Path(Path(file_name(plan.group)).stem + suffix)
    page = report_html(plan, args.lang or plan.language)  # the group's language unless --lang
    if args.format == "pdf":
        try:
            pages.print_pdf(page, out)
        except RuntimeError as err:  # no Chromium, or it failed: keep the HTML
            html_out = out.with_suffix(".html")
            pages.write_text(html_out, page)
            print(t("report.pdf_fallback", problem=err, path=html_out), file=sys.stderr)
            return 1
    else:
        pages.write_text(out, page)
    print(t("report.wrote", path=out))
    return 0


def gallery(args: argparse.Namespace) -> int:
    """``workshop gallery [DIR]``: every group side by side, one self-contained page."""
    from .. import pages
    from ..debrief import gallery_html

    found = _class(args)
    if found is None:
        return 1
    out = args.out or Path("gallery.html")
    pages.write_text(out, gallery_html(found.plans, problems=found.problems))
    print(t("trainer.cli.gallery.wrote", path=out, n=len(found.plans)))
    return 0


def progress_text(folder: Path) -> str:
    """The progress table of the plans in ``folder``, with any unreadable files named below."""
    return _progress_lines(_load(folder))


def _progress_lines(found: Class) -> str:
    from ..progress import printable, render_text
    from ..progress import progress as table

    if found.plans:
        lines = [render_text(table(found.plans))]
    else:
        lines = [t("cli.no_groups", groups=found.folder)]
    lines += [printable(t("trainer.cli.skipped", problem=p)) for p in found.problems]
    return "\n".join(lines)


def watch(
    folder: Path, interval: float, out: TextIO, rounds: int | None = None, heading: str = ""
) -> None:
    """Redraw the progress table every ``interval`` seconds (``rounds`` times, or until Ctrl-C).

    ``heading`` (the workspace line) tops every frame, as the screen is cleared between them.
    """
    done = 0
    while rounds is None or done < rounds:
        stamp = time.strftime("%H:%M:%S")
        out.write(CLEAR + (heading + "\n" if heading else ""))
        out.write(t("trainer.cli.watching", folder=folder, time=stamp) + "\n\n")
        out.write(progress_text(folder) + "\n")
        out.flush()
        done += 1
        if rounds is None or done < rounds:
            time.sleep(interval)


def progress(args: argparse.Namespace) -> int:
    """``workshop progress [DIR] [--watch]``: who has completed which exercise, quiz scores.

    ``--watch`` waits for the groups of a class that has none yet; without it such a class is an
    error (exit 1).
    """
    place = _place(args)
    if place is None:
        return 1
    if not args.watch:
        found = _load(place.groups)
        print(_progress_lines(found))
        return 0 if found.plans else 1
    try:
        watch(place.groups, max(args.interval, 0.2), sys.stdout, heading=line(place))
    except KeyboardInterrupt:
        print()
    return 0


def export(args: argparse.Namespace) -> int:
    """``workshop export [DIR] --out FILE.xlsx``: every group's answers in one workbook."""
    from ..export import write_workbook

    found = _class(args)
    if found is None:
        return 1
    write_workbook(found.plans, args.out)
    print(t("trainer.cli.export.wrote", path=args.out, n=len(found.plans)))
    return 0
