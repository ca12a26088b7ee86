"""``workshop data generate|template|check|use``: the course's data, sample or a company's."""

from __future__ import annotations

import argparse
import os
import unicodedata
from pathlib import Path

from ..i18n import t
from .where import add_workspace_option, announce


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workshop data`` and its actions to the ``workshop`` parser."""
    verb = subparsers.add_parser(
        "data", help=t("data.cli.help"), description=t("data.cli.description")
    )
    actions = verb.add_subparsers(
        dest="action", metavar=t("data.cli.action_metavar"), parser_class=type(verb), required=True
    )

    generate = actions.add_parser(
        "generate", help=t("data.cli.generate.help"), description=t("data.cli.generate.help")
    )
    generate.add_argument("--seed", type=int, metavar="N", help=t("data.cli.seed_help"))
    generate.add_argument("--out", type=Path, metavar="DIR", help=t("data.cli.out_help"))
    generate.set_defaults(func=generate_sample)

    template = actions.add_parser(
        "template", help=t("data.cli.template.help"), description=t("data.cli.template.help")
    )
    template.add_argument("dir", type=Path, metavar="DIR", help=t("data.cli.template_dir_help"))
    template.set_defaults(func=write_template)

    check = actions.add_parser(
        "check", help=t("data.cli.check.help"), description=t("data.cli.check.help")
    )
    check.add_argument(
        "dir", type=Path, nargs="?", metavar="DIR", help=t("data.cli.check_dir_help")
    )
    add_workspace_option(check, "data.cli.check_workspace_help")
    check.set_defaults(func=check_folder)

    use = actions.add_parser("use", help=t("data.cli.use.help"), description=t("data.cli.use.help"))
    use.add_argument("dir", type=Path, nargs="?", metavar="DIR", help=t("data.cli.use_dir_help"))
    use.add_argument("--sample", action="store_true", help=t("data.cli.sample_help"))
    add_workspace_option(use, "data.cli.use_workspace_help")
    use.set_defaults(func=use_folder)


def generate_sample(args: argparse.Namespace) -> int:
    """``workshop data generate [--seed N] [--out DIR]``: rebuild the sample CSVs."""
    from ..data import generate, scenario

    out = args.out or scenario.sample_folder()
    seed = generate.DEFAULT_SEED if args.seed is None else args.seed
    written = generate.write(out, seed=seed)
    print(t("data.cli.generated", n=len(written), folder=out))
    return 0


def write_template(args: argparse.Namespace) -> int:
    """``workshop data template DIR``: the Excel workbook a client fills in."""
    from ..data.template import write_template as write

    print(t("data.cli.template_written", path=write(args.dir)))
    return 0


def check_folder(args: argparse.Namespace) -> int:
    """``workshop data check [DIR]``: list every problem of a company folder; exit 1 if any.

    Without ``DIR`` it checks the data the workspace uses (a company folder, or the sample).
    """
    from ..data.check import check_folder as check
    from ..data.sources import describe

    folder = args.dir
    if folder is None:
        from ..data import scenario
        from ..data.errors import DataError

        root = announce(args.workspace).root
        try:
            folder = scenario.active_folder(root) or scenario.sample_folder()
        except DataError as error:
            print(error)
            return 1
        print(t("data.cli.checking", folder=folder))
    report = check(folder)
    for table, rows in report.rows.items():
        print(
            t(
                "data.cli.check_table_ok",
                table=table,
                file=describe(report.sources[table]),
                rows=rows,
            )
        )
    for table in report.missing:
        print("· " + t("data.cli.check_missing", table=table))
    for note in report.notes:
        print("· " + note)
    if report.ok:
        print(t("data.cli.check_ok", folder=folder, n=len(report.rows)))
        return 0
    header = [t(f"data.cli.col_{k}") for k in ("file", "row", "column", "problem")]
    body = [
        [file, "" if p.row is None else str(p.row), p.column or "", p.message]
        for file, p in report.problems
    ]
    print()
    print(format_table(header, body))
    print()
    print(t("data.cli.check_failed", n=len(report.problems)))
    return 1


def use_folder(args: argparse.Namespace) -> int:
    """``workshop data use DIR`` / ``--sample``: choose the course's data for the workspace."""
    from ..data import scenario
    from ..data.errors import DataError

    if args.sample == (args.dir is not None):
        print(t("data.cli.use_needs_dir"))
        return 2
    root = announce(args.workspace).root
    try:
        record = scenario.save_choice(None if args.sample else args.dir, root)
    except DataError as error:
        print(error)
        return 1
    if args.sample:
        print(t("data.cli.using_sample", record=record))
    else:
        print(t("data.cli.using_folder", folder=args.dir.expanduser().resolve(), record=record))
    if os.environ.get(scenario.ENV_VAR):
        print(t("data.cli.env_wins", var=scenario.ENV_VAR, folder=os.environ[scenario.ENV_VAR]))
    return 0


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(header: list[str], rows: list[list[str]]) -> str:
    """Lay out rows as an aligned text table; the last column is left unpadded.

    >>> print(format_table(["file", "row"], [["a.csv", "2"], ["医生.csv", "10"]]))
    file      row
    --------  ---
    a.csv     2
    医生.csv  10
    """
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells[:-1], widths, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])
