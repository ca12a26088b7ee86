"""The ``workshop`` command: one sub-command per verb, help in the active language.

Each module in this package adds its verbs to the parser with ``register(subparsers)`` and sets
``func`` on them; a verb function takes the parsed arguments and returns the exit code. Verb
modules import heavy libraries inside their functions so that ``workshop --help`` stays quick.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__, i18n
from ..i18n import t
from . import build, course, data, diagrams, trainer

VERB_MODULES = (course, data, diagrams, build, trainer)
"""The modules whose verbs make up the command, in the order of the help text."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:  # argparse passes "" when it builds a sub-command's name
            prefix = t("cli.usage") + " "
        super().add_usage(usage, actions, groups, prefix)


class LocalParser(argparse.ArgumentParser):
    """An argument parser whose own words (usage, headings, help, errors) follow the language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t("cli.positionals")
        self._optionals.title = t("cli.options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.help_help")
        )

    def error(self, message: str):
        """Print the usage and the problem in the active language, then exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('cli.error', message=message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every verb, texts in the active language."""
    parser = LocalParser(prog="workshop", description=t("cli.description"), epilog=t("cli.epilog"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"workshop-lib {__version__}",
        help=t("cli.version_help"),
    )
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=t("cli.lang_help"))
    subparsers = parser.add_subparsers(
        dest="verb", metavar=t("cli.verb_metavar"), parser_class=LocalParser
    )
    for module in VERB_MODULES:
        module.register(subparsers)
    return parser


def _language_from(argv: list[str]) -> str | None:
    """Find ``--lang`` before parsing, so that the help text itself is in that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a console that cannot show ✓ or 汉字 gets "?"
            stream.reconfigure(errors="replace")
    lang = _language_from(argv)
    if lang in i18n.LANGUAGES:
        i18n.set_language(lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb is None:
        parser.print_help()
        return 0
    return int(args.func(args) or 0)
