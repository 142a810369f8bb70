"""The ``rasad`` command line: a thin layer, each command calls a library function."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module exposes register(subparsers); its parser sets func=callable(args) -> exit code.
COMMANDS: list[str] = [
    "rasad.batch.commands",
    "rasad.evaluate.commands",
    "rasad.store.commands",
    "rasad.serve.commands",
]

EPILOG = """examples:
  rasad analyze article.txt --published 2021-03-02
  rasad analyze news.jsonl.gz --workers 2 -o out.jsonl
  rasad demo
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="rasad",
        description="Arabic news articles to structured, sourced event data.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        importlib.import_module(module).register(subparsers)
    return parser


def _version() -> str:
    from rasad import __version__

    return f"rasad {__version__}"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``rasad`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("rasad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
