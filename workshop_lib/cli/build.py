"""The ``build`` verb: generate the course's editions from its one source."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workshop build`` to the parser."""
    verb = subparsers.add_parser(
        "build",
        help=t("cli.build.help"),
        description=t("cli.build.description"),
        epilog=t("handouts.build_epilog"),
    )
    verb.add_argument("--editions", action="store_true", help=t("cli.build.editions_help"))
    verb.add_argument("--check", action="store_true", help=t("cli.build.check_help"))
    verb.add_argument(
        "--root", type=Path, default=None, metavar="DIR", help=t("cli.build.root_help")
    )
    verb.add_argument(
        "--out", type=Path, default=Path("handouts"), metavar="DIR", help=t("handouts.out_help")
    )
    verb.add_argument(
        "--lang", dest="langs", default="zh,en", metavar="zh,en", help=t("handouts.lang_help")
    )
    verb.add_argument("--no-pdf", action="store_true", help=t("handouts.no_pdf_help"))
    verb.set_defaults(func=build)


def build(args: argparse.Namespace) -> int:
    """``workshop build --editions [--check]``: write (or check) every generated notebook;
    ``workshop build [--out DIR] [--lang zh,en]``: write the handouts."""
    from .. import authoring, workspace

    root = (args.root or workspace.course_source()).resolve()
    if not args.editions and not args.check:
        return handouts(args, root)
    if not authoring.sources(root):
        print(t("cli.build.no_source", folder=root / authoring.SOURCE_DIR))
        return 1
    try:
        if args.check:
            stale = authoring.stale(root)
        else:
            changed = authoring.build(root)
    except authoring.SourceError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(t("authoring.problems", n=len(err.problems)), file=sys.stderr)
        return 1
    if args.check:
        for path in stale:
            print(t("cli.build.stale", path=path.relative_to(root)))
        print(t("cli.build.checked", n=len(stale)))
        return 1 if stale else 0
    for path in changed:
        print(t("cli.build.wrote", path=path.relative_to(root)))
    print(t("cli.build.done", n=len(changed)))
    return 0


BAR = 24
"""Width of the progress bar, in characters."""


def _progress(done: int, total: int, name: str) -> None:
    filled = BAR * done // max(total, 1)
    bar = "#" * filled + "-" * (BAR - filled)
    end = "\n" if done == total else ""
    line = t("handouts.progress", bar=bar, done=done, total=total, name=name)
    print(f"\r{line:<100}", end=end, file=sys.stderr, flush=True)


def handouts(args: argparse.Namespace, root: Path) -> int:
    """``workshop build [--out DIR] [--lang zh,en] [--no-pdf]``: workbook, guide and slides."""
    from .. import i18n
    from ..handouts import build_handouts, jobs

    langs = tuple(code.strip() for code in args.langs.split(",") if code.strip())
    for code in langs:
        if code not in i18n.LANGUAGES:
            print(t("handouts.bad_lang", code=code), file=sys.stderr)
            return 2
    if not any(job.sources for job in jobs(root, langs)):
        print(t("handouts.no_course", folder=root), file=sys.stderr)
        return 1
    out = args.out.resolve()
    written = build_handouts(root, out, langs, pdf=not args.no_pdf, progress=_progress)
    print(t("handouts.summary", n=len(written.files), folder=out))
    for path in written.files:
        size = f"{path.stat().st_size / 1024:,.0f} KB"
        print(t("handouts.file", path=path.relative_to(out).as_posix(), size=size))
    for problem in written.problems:
        print(t("handouts.problem", problem=problem), file=sys.stderr)
    return 1 if written.problems else 0
