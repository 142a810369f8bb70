"""The Python API: ``analyze`` one text, ``analyze_many`` records in parallel processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rasad import pipeline
from rasad.ingest.records import (
    InputError,
    Record,
    article_from_record,
    parse_published,
    record_from_dict,
)
from rasad.model import Article


def analyze(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    stages: Iterable[str] | None = None,
) -> Article:
    """Analyze one article text and return the Article with every stage's spans."""
    if not isinstance(text, str):
        raise InputError("no_text", f"text must be a str, not {type(text).__name__}")
    rec = Record(
        text=text, title=title, published=parse_published(published), outlet=outlet, url=url
    )
    return pipeline.run(article_from_record(rec), stages)


def analyze_record(
    rec: Record | dict[str, Any],
    stages: Iterable[str] | None = None,
    defaults: dict[str, str | None] | None = None,
) -> Article:
    """Analyze one input record (a Record or a dict with the usual field aliases)."""
    if isinstance(rec, dict):
        rec = record_from_dict(rec)
    article = article_from_record(rec, **(defaults or {}))
    return pipeline.run(article, stages)


def analyze_many(
    records: Iterable[Record | dict[str, Any] | InputError],
    workers: int = 1,
    stages: Iterable[str] | None = None,
    defaults: dict[str, str | None] | None = None,
) -> Iterator[Article | InputError]:
    """Analyze records in input order; a failed record yields its InputError in its place."""
    from rasad.batch.parallel import run_ordered

    yield from run_ordered(records, workers=workers, stages=stages, defaults=defaults)
