"""The ``diagrams`` verb: draw the gallery of the ten course diagrams as PNG files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import i18n
from ..i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workshop diagrams --out DIR [--lang zh|en]`` to the parser."""
    verb = subparsers.add_parser(
        "diagrams", help=t("diagrams.cli.help"), description=t("diagrams.cli.description")
    )
    verb.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help=t("diagrams.cli.out_help")
    )
    verb.add_argument(
        "--lang", dest="diagram_lang", choices=i18n.LANGUAGES, help=t("diagrams.cli.lang_help")
    )
    verb.set_defaults(func=draw)


def draw(args: argparse.Namespace) -> int:
    """``workshop diagrams --out DIR``: one PNG per diagram from the active scenario."""
    import matplotlib

    matplotlib.use("Agg")
    from ..diagram_gallery import render

    lang = args.diagram_lang or getattr(args, "lang", None)
    try:
        written = render(args.out, lang)
    except (ValueError, OSError) as error:
        print(t("diagrams.cli.failed", error=error), file=sys.stderr)
        return 1
    for path in written:
        print(t("diagrams.cli.wrote", path=path))
    print(t("diagrams.cli.done", n=len(written), out=args.out.resolve()))
    return 0
