"""CLI ``rasad evaluate ner|dates|events|gold`` (thin: each calls an evaluate_* function)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXAMPLES = """examples:
  rasad evaluate ner ANERCorp_test.txt --tag-map PERS=PERS,LOC=LOC,ORG=ORG
  rasad evaluate ner train.txt --split dev --system crf --json
  rasad evaluate dates duckling_ar_time_corpus.jsonl --errors
  rasad evaluate events protest_detection_dev.csv --spans protest_spans_dev.json
  rasad evaluate gold gold/*.gold.json --articles gold/ --errors
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``rasad evaluate`` and its subcommands."""
    fmt = argparse.RawDescriptionHelpFormatter
    ev = subparsers.add_parser(
        "evaluate",
        help="measure rasad on annotated data",
        description="Measure rasad on annotated data in standard formats.",
        epilog=EXAMPLES,
        formatter_class=fmt,
    )
    sub = ev.add_subparsers(dest="what", metavar="WHAT", required=True)
    ner = sub.add_parser(
        "ner", help="NER on CoNLL 'token TAG' sentences (BIO)", epilog=EXAMPLES, formatter_class=fmt
    )
    ner.add_argument("file")
    ner.add_argument(
        "--split",
        choices=["all", "dev", "train"],
        default="all",
        help="all sentences, or the dev split (last 10%%) / the rest",
    )
    ner.add_argument(
        "--system", choices=["full", "crf"], default="full", help="whole recognizer or CRF alone"
    )
    ner.add_argument("--tag-map", help="map file tags to PERS/LOC/ORG, e.g. PER=PERS,GPE=LOC")
    ner.add_argument(
        "--convention",
        choices=["rasad", "anercorp"],
        default="rasad",
        help="anercorp: ignore state-institution ORGs that ANERcorp never tags",
    )
    dates = sub.add_parser(
        "dates",
        help="date cases {text, reference time, expected value} (JSONL)",
        epilog=EXAMPLES,
        formatter_class=fmt,
    )
    dates.add_argument("file")
    events = sub.add_parser(
        "events",
        help="sentence-level event detection (GSR CSV)",
        epilog=EXAMPLES,
        formatter_class=fmt,
    )
    events.add_argument("file")
    events.add_argument("--spans", help="span records (JSON) to check source and target actors")
    events.add_argument(
        "--detector",
        choices=["dev", "silver"],
        default="dev",
        help="dev: the sentence model calibrated on the gsr-dev set (optimistic on that set; "
        "see rasad/evaluate/events.py for cross-validated numbers); silver: weakly supervised "
        "from unlabelled news, never fitted on labelled data",
    )
    gold = sub.add_parser(
        "gold",
        help="whole articles against GOLD.md reference annotations",
        epilog=EXAMPLES,
        formatter_class=fmt,
    )
    gold.add_argument("files", nargs="+", metavar="GOLD.json")
    gold.add_argument(
        "--articles", help="directory of the article texts (default: beside each gold file)"
    )
    for p in (ner, dates, events, gold):
        p.add_argument("--json", action="store_true", help="print one JSON object")
        p.add_argument("--errors", action="store_true", help="list the misses")
        p.set_defaults(func=cmd_evaluate)


def _tag_map(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    pairs = [item.split("=", 1) for item in spec.split(",") if item.strip()]
    if any(len(p) != 2 for p in pairs):
        raise ValueError(f"--tag-map wants FILE_TAG=TYPE pairs, got {spec!r}")
    return {a.strip(): b.strip() for a, b in pairs}


def run_evaluation(args: argparse.Namespace) -> dict[str, Any]:
    """Run the chosen evaluation and return its result."""
    if args.what == "ner":
        from rasad.evaluate.ner import evaluate_ner

        return evaluate_ner(
            args.file,
            split=args.split,
            tag_map=_tag_map(args.tag_map),
            system=args.system,
            convention=args.convention,
        )
    if args.what == "dates":
        from rasad.evaluate.dates import evaluate_dates

        return evaluate_dates(args.file)
    if args.what == "events":
        from rasad.evaluate.events import evaluate_events

        return {
            "detector": args.detector,
            **evaluate_events(args.file, spans=args.spans, detector=args.detector),
        }
    from rasad.evaluate.articles import evaluate_gold

    return evaluate_gold(args.files, articles=args.articles)


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Run ``rasad evaluate``: print the scores (a table, or JSON with --json)."""
    for f in [getattr(args, "file", None), *getattr(args, "files", [])]:
        if f and not Path(f).exists():
            print(f"rasad: error: {f}: no such file", file=sys.stderr)
            return 2
    try:
        result = run_evaluation(args)
    except (ValueError, KeyError, OSError) as err:
        print(f"rasad: error: {err}", file=sys.stderr)
        return 2
    if not args.errors:
        result = {k: v for k, v in result.items() if k not in _ERROR_KEYS}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_nested(result)
    return 0


_ERROR_KEYS = {"misses", "errors", "out_of_scope", "false", "missed", "wrong"}


def _print_nested(value: Any, indent: str = "") -> None:
    """A plain readable dump: scalars on one line, nested tables indented."""
    if isinstance(value, dict):
        scalars = {k: v for k, v in value.items() if not isinstance(v, (dict, list))}
        if scalars:
            print(indent + "  ".join(f"{k}={v}" for k, v in scalars.items()))
        for k, v in value.items():
            if isinstance(v, (dict, list)):
                print(f"{indent}{k}:")
                _print_nested(v, indent + "  ")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                _print_nested(item, indent + "- ")
            else:
                print(f"{indent}{item}")
