"""Analyze inputs (files, directories, stdin) and write the records: the library behind
``rasad analyze``."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import IO

from rasad.api import analyze_many
from rasad.batch.output import Result, write_results
from rasad.ingest.readers import iter_records
from rasad.ingest.records import InputError


def analyze_paths(
    paths: Iterable[str],
    out: IO[str],
    *,
    fmt: str = "auto",
    workers: int = 1,
    stages: list[str] | None = None,
    defaults: dict[str, str | None] | None = None,
    progress: bool = False,
    errors: IO[str] | None = None,
) -> dict[str, int]:
    """Analyze every record of the inputs and write them to ``out``; return ok/failed counts."""
    results = analyze_many(iter_records(paths), workers=workers, stages=stages, defaults=defaults)
    results = _report_errors(results, errors or sys.stderr)
    if progress:
        results = _with_progress(results)
    return write_results(results, out, fmt)


def _report_errors(results: Iterator[Result], errors: IO[str] | None) -> Iterator[Result]:
    for r in results:
        if errors is not None and isinstance(r, InputError):
            print(f"rasad: {r}", file=errors)
        yield r


def _with_progress(results: Iterator[Result]) -> Iterator[Result]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("analyzing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("analyze", total=None)
        for r in results:
            bar.advance(task)
            yield r
