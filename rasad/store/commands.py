"""CLI commands of the corpus store: ingest, search, events, actors, stats, export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import closing
from typing import Any

from rasad.store import db

_RAW = argparse.RawDescriptionHelpFormatter


def register(subparsers: Any) -> None:
    """Add the store's commands to the ``rasad`` parser."""
    for add in (_add_ingest, _add_search, _add_events, _add_actors, _add_stats, _add_export):
        add(subparsers)


def _parser(subparsers: Any, name: str, help: str, epilog: str) -> argparse.ArgumentParser:
    short = help[0].lower() + help[1:].rstrip(".")
    p = subparsers.add_parser(
        name, help=short, description=help, epilog=epilog, formatter_class=_RAW
    )
    p.add_argument("--db", default=db.DEFAULT_DB, help="corpus database file (default: rasad.db)")
    return p


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="actor id or name (English or Arabic)")
    p.add_argument("--country", help="ISO 3166-1 alpha-3 country of an actor, e.g. ISR")
    p.add_argument("--code", help="CAMEO code or root (2 digits), e.g. 04 or 042")
    p.add_argument("--outlet", help="outlet name as given at ingest")
    p.add_argument("--since", type=iso_day, help="first day, YYYY-MM-DD")
    p.add_argument("--until", type=iso_day, help="last day, YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=20, help="number of results (default 20)")
    p.add_argument("--json", action="store_true", help="JSON output for programs")


def iso_day(value: str) -> str:
    """An argparse type: an ISO day (YYYY-MM-DD)."""
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _add_ingest(sub: Any) -> None:
    p = _parser(
        sub,
        "ingest",
        "Analyse articles and store them in the corpus database.",
        "examples:\n  rasad ingest news.jsonl.gz --db corpus.db\n"
        "  rasad ingest articles/ more.jsonl --workers 2   # rerun: adds only what is new\n",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or - (stdin)")
    p.add_argument("--workers", type=int, default=1, help="analysis processes (default 1)")
    p.add_argument("--batch", type=int, default=200, help="articles per transaction (default 200)")
    p.add_argument("--stages", help="comma-separated stages to run (default: all)")
    p.add_argument("--json", action="store_true", help="print the run report as JSON")
    p.set_defaults(func=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    """``rasad ingest``."""
    from rasad.pipeline import parse_stages
    from rasad.store.ingest import ingest_paths, progress_printer

    update, stop = progress_printer()
    try:
        report = ingest_paths(
            args.paths,
            args.db,
            workers=args.workers,
            batch=max(1, args.batch),
            stages=parse_stages(args.stages),
            on_progress=update,
        )
    except (db.StoreError, ValueError) as err:
        return _fail(str(err))
    finally:
        stop()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    print(
        f"rasad: stored {report.stored} articles ({report.duplicates} near-duplicates), skipped "
        f"{report.skipped} already stored, {report.errors} errors in {report.seconds:.1f}s -> {args.db}",
        file=sys.stderr,
    )
    for kind, n in sorted(report.error_kinds.items()):
        print(
            f"  {n} x {kind} (details: rasad export --format csv --table errors --db {args.db})",
            file=sys.stderr,
        )
    return 1 if report.errors else 0


def _fail(message: str) -> int:
    print(f"rasad: {message}", file=sys.stderr)
    return 2


def _with_db(args: argparse.Namespace, fn: Callable[[Any], int]) -> int:
    try:
        con = db.connect(args.db, create=False)
    except db.StoreError as err:
        return _fail(str(err))
    with closing(con):
        try:
            return fn(con)
        except ValueError as err:
            return _fail(str(err))


def _filters(args: argparse.Namespace) -> Any:
    from rasad.store.query import Filters

    return Filters(args.actor, args.country, args.code, args.outlet, args.since, args.until)


def _add_search(sub: Any) -> None:
    p = _parser(
        sub,
        "search",
        "Full-text search (Arabic-normalized, clitic-insensitive) with filters.",
        "examples:\n  rasad search السعودية            # also finds والسعودية، بالسعودية\n"
        '  rasad search "الأمم المتحدة" --since 2018-05-01 --outlet bbc --json\n',
    )
    p.add_argument("query", help='words (all must match); "quoted words" match as a phrase')
    _add_filters(p)
    p.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    """``rasad search``."""
    from rasad.store.query import search

    def go(con: Any) -> int:
        hits = search(con, args.query, _filters(args), limit=args.limit)
        _emit(args, hits, ("published", "outlet", "title", "snippet", "id"))
        return 0

    return _with_db(args, go)


def _add_events(sub: Any) -> None:
    p = _parser(
        sub,
        "events",
        "Corpus events (deduplicated across articles) with their source counts.",
        "examples:\n  rasad events --country ISR --since 2018-05-01\n"
        "  rasad events --code 19 --sort count --json   # most-reported fights\n",
    )
    _add_filters(p)
    p.add_argument("--sort", choices=("date", "count"), default="date", help="order (default date)")
    p.set_defaults(func=run_events)


def run_events(args: argparse.Namespace) -> int:
    """``rasad events``."""
    from rasad.store.query import events

    def go(con: Any) -> int:
        rows = events(con, _filters(args), limit=args.limit, sort=args.sort)
        if not args.json:
            rows = [dict(r, source=_names(r["source"]), target=_names(r["target"])) for r in rows]
        _emit(
            args,
            rows,
            ("day", "code", "label", "source", "target", "n_articles", "n_stories", "n_outlets"),
        )
        return 0

    return _with_db(args, go)


def _names(side: list[dict[str, str]]) -> str:
    return ", ".join(a["name"] for a in side)


def _add_actors(sub: Any) -> None:
    p = _parser(
        sub,
        "actors",
        "Actors across the corpus, most mentioned first.",
        "examples:\n  rasad actors --type PER --country ISR\n  rasad actors --limit 100 --json\n",
    )
    p.add_argument("--type", help="PER, GPE, LOC, ORG or MEDIA")
    p.add_argument("--country", help="ISO 3166-1 alpha-3 country, e.g. SAU")
    p.add_argument("--limit", type=int, default=50, help="number of results (default 50)")
    p.add_argument("--json", action="store_true", help="JSON output for programs")
    p.set_defaults(func=run_actors)


def run_actors(args: argparse.Namespace) -> int:
    """``rasad actors``."""
    from rasad.store.query import actors

    def go(con: Any) -> int:
        rows = actors(con, args.type, args.country, limit=args.limit)
        _emit(args, rows, ("id", "type", "name", "name_ar", "country", "n_articles"))
        return 0

    return _with_db(args, go)


def _add_stats(sub: Any) -> None:
    p = _parser(
        sub,
        "stats",
        "Counts of what the corpus database holds.",
        "examples:\n  rasad stats --db corpus.db\n  rasad stats --json\n",
    )
    p.add_argument("--json", action="store_true", help="JSON output for programs")
    p.set_defaults(func=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    """``rasad stats``."""
    from rasad.store.query import stats

    def go(con: Any) -> int:
        s = stats(con, args.db)
        _emit(
            args,
            s if args.json else [{"what": k, "value": v} for k, v in s.items()],
            ("what", "value"),
        )
        return 0

    return _with_db(args, go)


def _add_export(sub: Any) -> None:
    p = _parser(
        sub,
        "export",
        "Export the corpus: records, tables or GDELT-style events.",
        "examples:\n  rasad export --format jsonl -o corpus.jsonl\n"
        "  rasad export --format parquet --table events -o events.parquet\n"
        "  rasad export --format gdelt -o events.tsv   # one row per corpus event\n",
    )
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "gdelt"), default="jsonl")
    p.add_argument(
        "--table",
        default="events",
        help="csv/parquet table: articles, events, corpus-events, actors, quotes, errors",
    )
    p.add_argument("-o", "--output", help="output file (default stdout; required for parquet)")
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """``rasad export``."""
    from rasad.store import export

    if args.format == "parquet" and not args.output:
        return _fail("parquet needs an output file: -o FILE.parquet")
    if args.format in ("csv", "parquet") and args.table not in export.TABLES:
        return _fail(f"unknown table {args.table!r} (choose from {', '.join(export.TABLES)})")

    def go(con: Any) -> int:
        try:
            n = _export(export, con, args)
        except (OSError, RuntimeError) as err:
            return _fail(str(err))
        print(f"rasad: exported {n} rows", file=sys.stderr)
        return 0

    return _with_db(args, go)


def _export(export: Any, con: Any, args: argparse.Namespace) -> int:
    if args.format == "parquet":
        return export.write_parquet(con, args.output, args.table)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "jsonl":
            return export.write_jsonl(con, out)
        if args.format == "csv":
            return export.write_csv(con, out, args.table)
        return export.write_gdelt(con, out)
    finally:
        if args.output:
            out.close()


def _emit(args: argparse.Namespace, rows: Any, columns: tuple[str, ...]) -> None:
    """JSON for programs, a rich table for people."""
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    Console().print(table)
    if not rows:
        print("(no results)", file=sys.stderr)
