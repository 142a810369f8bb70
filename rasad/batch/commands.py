"""CLI commands ``analyze`` and ``demo`` (thin: they call rasad.batch.run)."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from rasad import pipeline
from rasad.batch.run import analyze_paths
from rasad.ingest.records import InputError, parse_published

ANALYZE_EXAMPLES = """examples:
  rasad analyze article.txt --published 2021-03-02
  rasad analyze page.html --format pretty
  rasad analyze news.jsonl.gz --workers 2 -o analyzed.jsonl
  cat article.txt | rasad analyze - --outlet "Al Mayadeen"
  rasad analyze corpus/ --stages clean,entities,dates

Exit status: 0 all records analyzed, 1 some records failed (each failed record is written
as {"error": {"kind", "message", "where"}} in its place), 2 usage error.
"""

DEMO_EXAMPLES = """example:
  rasad demo            # the bundled sample article, published 2021-03-02, as a summary
  rasad demo --format json
"""

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "gantz-alliance.txt"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``analyze`` and ``demo`` commands."""
    p = subparsers.add_parser(
        "analyze",
        help="analyze Arabic articles (txt, html, json, jsonl, gz, dirs, -)",
        description="Analyze Arabic news articles into rasad/1 records (JSON for one input, "
        "JSON Lines for many).",
        epilog=ANALYZE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    p.add_argument("--published", help="publication date for records that lack one (ISO 8601)")
    p.add_argument("--outlet", help="outlet name for records that lack one")
    _common(p)
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=cmd_analyze)

    d = subparsers.add_parser(
        "demo",
        help="analyze the bundled sample article",
        description="Analyze the bundled sample article and print a summary.",
        epilog=DEMO_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(d, default_format="pretty")
    d.set_defaults(func=cmd_demo)


def _common(p: argparse.ArgumentParser, default_format: str = "auto") -> None:
    p.add_argument(
        "--format",
        choices=["auto", "json", "jsonl", "pretty"],
        default=default_format,
        help=f"output format (default {default_format}: JSON for one record, JSONL for many)",
    )
    p.add_argument(
        "--stages",
        help=f"comma-separated stages to run (default all: "
        f"{','.join(pipeline.stage_names()) or 'none built'})",
    )


def _usage_error(message: str) -> int:
    print(f"rasad: error: {message}", file=sys.stderr)
    return 2


def cmd_analyze(args: argparse.Namespace) -> int:
    """Run ``rasad analyze``."""
    try:
        stages = pipeline.parse_stages(args.stages)
        pipeline.resolve(stages)
        defaults = {
            "published": parse_published(args.published, "--published"),
            "outlet": args.outlet,
        }
    except (ValueError, InputError) as err:
        return _usage_error(str(err))
    if args.workers < 1:
        return _usage_error("--workers must be at least 1")
    target = open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with target as out:
        counts = analyze_paths(
            args.paths,
            out,
            fmt=args.format,
            workers=args.workers,
            stages=stages,
            defaults=defaults,
            progress=sys.stderr.isatty(),
        )
    return 1 if counts["failed"] else 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Run ``rasad demo`` on the bundled sample article."""
    try:
        stages = pipeline.parse_stages(args.stages)
        pipeline.resolve(stages)
    except ValueError as err:
        return _usage_error(str(err))
    defaults = {"published": "2021-03-02", "outlet": "Al Mayadeen"}
    counts = analyze_paths(
        [str(EXAMPLE)], sys.stdout, fmt=args.format, stages=stages, defaults=defaults
    )
    return 1 if counts["failed"] else 0
