"""Writers for analysis results: JSON (one record), JSON Lines (many), and a pretty summary."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import IO, Any

from rasad.ingest.records import InputError
from rasad.model import Article

Result = Article | InputError


def result_dict(result: Result) -> dict[str, Any]:
    """The record for a result: the analysis record or an error record."""
    return result.to_dict()


def _dumps(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def write_results(results: Iterable[Result], out: IO[str], fmt: str = "auto") -> dict[str, int]:
    """Write results as ``json``, ``jsonl``, ``pretty`` or ``auto``; return ok/failed counts."""
    counts = {"ok": 0, "failed": 0}
    counted = _count(results, counts)
    if fmt == "pretty":
        from rasad.batch.pretty import print_pretty

        print_pretty(counted, out)
        return counts
    first = list(islice(counted, 2))
    if fmt == "auto":
        fmt = "json" if len(first) == 1 else "jsonl"
    rest = chain(first, counted)
    if fmt == "jsonl":
        for r in rest:
            out.write(_dumps(result_dict(r)) + "\n")
    elif len(first) == 1:
        out.write(_dumps(result_dict(first[0]), indent=2) + "\n")
    else:
        _write_json_list(rest, out)
    return counts


def _write_json_list(results: Iterable[Result], out: IO[str]) -> None:
    out.write("[")
    for i, r in enumerate(results):
        out.write(("," if i else "") + "\n" + _dumps(result_dict(r)))
    out.write("\n]\n")


def _count(results: Iterable[Result], counts: dict[str, int]) -> Iterator[Result]:
    for r in results:
        counts["failed" if isinstance(r, InputError) else "ok"] += 1
        yield r
