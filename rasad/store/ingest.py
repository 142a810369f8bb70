"""Ingest: analyse input records and store them, idempotently, in batched transactions.

Records already stored are skipped before analysis (their id is the hash of the composed
text). Each batch is one transaction, so a killed run keeps every committed batch and a rerun
completes the rest. Failed records go to the ``errors`` table with the reason.
"""

from __future__ import annotations

import gc
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rasad.ingest.records import InputError, Record, compose_text
from rasad.model import Article, text_id
from rasad.store import corpus, db, dedup
from rasad.store.dedup import DedupIndex, signature, story_signature
from rasad.store.textkey import default_segmenter, stemmer, words
from rasad.store.writer import day_of, store_article, store_bodies

BATCH = 200
BATCH_SECONDS = 5.0  # commit at least this often when the stages are slow


@dataclass
class IngestReport:
    """What an ingest run did."""

    read: int = 0
    analysed: int = 0
    skipped: int = 0
    stored: int = 0
    errors: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    error_kinds: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The report as a plain dict."""
        return dict(self.__dict__)


def now() -> str:
    """The current UTC time as ISO seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def record_id(rec: Record) -> str:
    """The article id a record will get (hash of its composed text), known before analysis."""
    return text_id(compose_text(rec.title, rec.text))


class Ingester:
    """Stores analysed articles into an open database, continuing its dedup index."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.segmenter = _segmenter(con)
        self.known: set[str] = {r[0] for r in con.execute("SELECT id FROM articles")}
        self.pending: set[str] = set()
        self.dedup = DedupIndex.load(con)
        self.words: set[str] = {r[0] for r in con.execute("SELECT word FROM stems")}
        self.report = IngestReport()
        # Written once per batch, at its end: search bodies and the stems of new words.
        self.bodies: list[tuple[int, str]] = []
        self.stems: list[tuple[str, str]] = []

    def fresh(self, items: Iterable[Record | InputError]) -> Iterator[Record | InputError]:
        """The items still to analyse: stored or repeated records are skipped."""
        for item in items:
            self.report.read += 1
            if isinstance(item, Record):
                rid = record_id(item)
                if rid in self.known or rid in self.pending:
                    self.report.skipped += 1
                    continue
                self.pending.add(rid)
            yield item

    def flush(self, batch: list[Article | InputError]) -> None:
        """Store a batch of results in one transaction."""
        added = now()
        touched: set[int] = set()
        self.bodies, self.stems = [], []
        self.con.execute("BEGIN IMMEDIATE")
        try:
            for item in batch:
                if isinstance(item, Article):
                    touched |= self._store(item, added)
                else:
                    self._error(item, added)
            self.con.executemany(  # in key order: appends to the b-tree pages
                "INSERT OR IGNORE INTO stems(word, stem) VALUES (?, ?)", sorted(self.stems)
            )
            store_bodies(self.con, self.bodies)
            corpus.refresh(self.con, touched)
            self.con.execute("COMMIT")
        except BaseException:
            # The in-memory index now holds uncommitted articles: this Ingester must not go on.
            self.con.execute("ROLLBACK")
            raise

    def _store(self, article: Article, added: str) -> set[int]:
        if article.id in self.known:
            self.report.skipped += 1
            return set()
        ws = words(article.text)
        body = " ".join(map(stemmer(self.segmenter), ws))
        self._new_stems(ws)
        sig, ssig = signature(ws), story_signature(body)
        day = day_of(article.published)
        match = self.dedup.assign(article.id, sig, ssig, day)
        self.con.execute("SAVEPOINT art")
        try:
            n, touched = store_article(self.con, article, match, (sig, ssig), added)
        except sqlite3.Error as err:  # one bad article must not sink its batch
            self.con.execute("ROLLBACK TO art")
            self.con.execute("RELEASE art")
            self._error(InputError("store_failed", str(err), article.source.get("path")), added)
            return set()
        self.con.execute("RELEASE art")
        self.bodies.append((n, body))
        self.dedup.add(article.id, sig, ssig, match.story, day)
        self.known.add(article.id)
        self.report.stored += 1
        self.report.duplicates += match.dup_of is not None
        return touched

    def _new_stems(self, ws: list[str]) -> None:
        """Record the stem of each word not seen before (queries look stems up there)."""
        new = set(ws) - self.words
        if new:
            stem = stemmer(self.segmenter)
            self.stems.extend((w, stem(w)) for w in new)
            self.words |= new

    def _error(self, err: InputError, added: str) -> None:
        self.report.errors += 1
        self.report.error_kinds[err.kind] = self.report.error_kinds.get(err.kind, 0) + 1
        self.con.execute(
            'INSERT OR IGNORE INTO errors("where", kind, message, added) VALUES (?,?,?,?)',
            (err.where, err.kind, err.message, added),
        )


def _segmenter(con: sqlite3.Connection) -> str:
    """The segmenter of the search index; the first run also records the dedup scheme."""
    name, version = db.get_meta(con, "fts_segmenter"), db.get_meta(con, "dedup_version")
    if version not in (None, dedup.VERSION):
        raise db.StoreError(
            f"this database was built with dedup scheme {version!r}; this rasad "
            f"uses {dedup.VERSION!r}: ingest into a new database"
        )
    if name is None or version is None:
        con.execute("BEGIN IMMEDIATE")
        db.set_meta(con, "fts_segmenter", name or default_segmenter())
        db.set_meta(con, "dedup_version", dedup.VERSION)
        con.execute("COMMIT")
    return db.get_meta(con, "fts_segmenter")


# Young-generation size for the collector during a run (Python's default is 700).
GC_THRESHOLD = (20_000, 20, 20)


@contextmanager
def _lenient_gc() -> Iterator[None]:
    """Collect garbage less often while ingesting (restored after).

    Every article allocates thousands of tracked objects (tokens, spans) while the lexicons
    and caches stay alive: with the default thresholds the collector keeps rescanning those,
    about a tenth of the run's time. Cycles are still collected, in larger rounds.
    """
    before = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(before, GC_THRESHOLD, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _run(
    db_path: str | Path,
    results: Callable[[Ingester], Iterable[Article | InputError]],
    batch: int,
    on_progress: Callable[[IngestReport], None] | None,
) -> IngestReport:
    """Store results in batches of ``batch`` (or every few seconds), one transaction each."""
    start = time.perf_counter()
    con = db.connect(db_path)
    try:
        with _lenient_gc():
            report = _batches(Ingester(con), results, batch, on_progress)
        report.seconds = time.perf_counter() - start
        if on_progress:
            on_progress(report)
        return report
    finally:
        con.close()


def _batches(
    ing: Ingester,
    results: Callable[[Ingester], Iterable[Article | InputError]],
    batch: int,
    on_progress: Callable[[IngestReport], None] | None,
) -> IngestReport:
    """Flush the results in batches; returns the report."""
    buf: list[Article | InputError] = []
    last = time.monotonic()
    for result in results(ing):
        ing.report.analysed += 1
        buf.append(result)
        if len(buf) >= batch or time.monotonic() - last > BATCH_SECONDS:
            ing.flush(buf)
            buf, last = [], time.monotonic()
        if on_progress and (len(buf) % 10 == 0):
            on_progress(ing.report)
    if buf:
        ing.flush(buf)
    return ing.report


def ingest_records(
    items: Iterable[Record | InputError],
    db_path: str | Path = db.DEFAULT_DB,
    *,
    workers: int = 1,
    batch: int = BATCH,
    stages: Iterable[str] | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Analyse and store records (skipping those already stored); returns the run's report."""
    from rasad.api import analyze_many

    def results(ing: Ingester) -> Iterable[Article | InputError]:
        return analyze_many(ing.fresh(items), workers=workers, stages=stages)

    return _run(db_path, results, batch, on_progress)


def ingest_articles(
    articles: Iterable[Article | InputError],
    db_path: str | Path = db.DEFAULT_DB,
    *,
    batch: int = BATCH,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Store already-analysed articles (e.g. ``rasad/1`` records); stored ids are skipped."""

    def results(ing: Ingester) -> Iterator[Article | InputError]:
        for a in articles:
            ing.report.read += 1
            yield a

    return _run(db_path, results, batch, on_progress)


def ingest_paths(
    paths: Iterable[str], db_path: str | Path = db.DEFAULT_DB, **kwargs: Any
) -> IngestReport:
    """Read files (txt, html, json, jsonl, gz, directories) and ingest their records."""
    from rasad.ingest.readers import iter_records

    return ingest_records(iter_records(paths), db_path, **kwargs)


def progress_printer() -> tuple[Callable[[IngestReport], None], Callable[[], None]]:
    """A rich progress display on stderr (when it is a terminal): (update, stop)."""
    if not sys.stderr.isatty():
        return (lambda report: None), (lambda: None)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    task = bar.add_task("ingesting", total=None)
    bar.start()
    t0 = time.perf_counter()

    def update(r: IngestReport) -> None:
        rate = r.analysed / max(time.perf_counter() - t0, 1e-9)
        bar.update(
            task,
            description=f"read {r.read}  analysed {r.analysed}  stored {r.stored}  "
            f"skipped {r.skipped}  errors {r.errors}  ({rate:.0f} records/s)",
        )

    return update, bar.stop
