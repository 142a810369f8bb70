"""Export the corpus: article records (jsonl), tables (csv, parquet) and GDELT-style events."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from functools import cache
from typing import IO, Any

from rasad.store.db import unpack

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

# Tables for csv/parquet: name -> SELECT returning one row per record.
TABLES: dict[str, str] = {
    "articles": """SELECT a.id, a.published, a.outlet, a.url, a.path, a.title, a.story,
        a.dup_of AS duplicate_of, a.dup_sim AS duplicate_similarity, a.added FROM articles a ORDER BY a.n""",
    "events": """SELECT a.id AS article, a.outlet, a.url, a.published, a.story, e.eid AS event,
        e.code, e.root, e.label, e.plover, e.source, e.target, e.day, e.date_value,
        e.date_precision, e.location, e.negated, e.modality, e.reported_by, e.confidence,
        e.trigger, e.sentence, e.cevent AS corpus_event
        FROM events e JOIN articles a ON a.n = e.article ORDER BY a.n, e.rowid""",
    "corpus-events": """SELECT id, day, root, code, label, plover, source, target, negated,
        location, is_root, n_articles, n_stories, n_outlets, first_seen, last_seen, added
        FROM cevents ORDER BY id""",
    "actors": """SELECT id, type, name, name_ar, country, cameo, wikidata, known, n_articles
        FROM actors ORDER BY n_articles DESC, id""",
    "quotes": """SELECT a.id AS article, q.qid AS quote, q.start, q."end", q.text, q.speaker,
        q.via, q.kind, q.cue FROM quotes q JOIN articles a ON a.n = q.article ORDER BY a.n, q.rowid""",
    "errors": """SELECT "where", kind, message, added FROM errors ORDER BY n""",
}

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "DATEADDED",
    "SOURCEURL",
    # rasad provenance
    "rasad_label",
    "rasad_plover",
    "rasad_actor1_ids",
    "rasad_actor2_ids",
    "rasad_negated",
    "rasad_num_stories",
    "rasad_first_seen",
    "rasad_last_seen",
    "rasad_article_ids",
    "rasad_source_urls",
)


def table_rows(con: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple]]:
    """Column names and rows of an export table."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
    cur = con.execute(TABLES[table])
    return [d[0] for d in cur.description], (tuple(r) for r in cur)


def write_jsonl(con: sqlite3.Connection, out: IO[str]) -> int:
    """One ``rasad/1`` record per article, with its story under ``corpus``."""
    n = 0
    for rec_blob, story, dup, sim in con.execute(
        "SELECT record, story, dup_of, dup_sim FROM articles ORDER BY n"
    ):
        record = unpack(rec_blob)
        record["corpus"] = {"story": story, "duplicate_of": dup, "similarity": sim}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(con: sqlite3.Connection, out: IO[str], table: str = "events") -> int:
    """A table as CSV with a header line."""
    columns, rows = table_rows(con, table)
    w = csv.writer(out)
    w.writerow(columns)
    n = 0
    for row in rows:
        w.writerow(row)
        n += 1
    return n


def write_parquet(
    con: sqlite3.Connection, path: str, table: str = "events", chunk: int = 10_000
) -> int:
    """A table as a Parquet file (needs pyarrow: pip install 'rasad[export]')."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise RuntimeError("Parquet export needs pyarrow: pip install 'rasad[export]'") from err
    columns, rows = table_rows(con, table)
    schema = _arrow_schema(table, columns, pa)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        while batch := [r for _, r in zip(range(chunk), rows, strict=False)]:
            cols = list(zip(*batch, strict=True))
            writer.write_table(
                pa.Table.from_arrays(
                    [_arrow_column(c, f.type, pa) for c, f in zip(cols, schema, strict=True)],
                    schema=schema,
                )
            )
            n += len(batch)
    return n


_INT_COLUMNS = {
    "sentence",
    "negated",
    "corpus_event",
    "is_root",
    "n_articles",
    "n_stories",
    "n_outlets",
    "known",
    "start",
    "end",
}
_FLOAT_COLUMNS = {"confidence", "duplicate_similarity"}


def _arrow_schema(table: str, columns: list[str], pa: Any) -> Any:
    """Column types: integers and floats where the store keeps numbers, text elsewhere."""

    def kind(c: str) -> Any:
        if c in _INT_COLUMNS or (c == "id" and table == "corpus-events"):
            return pa.int64()
        return pa.float64() if c in _FLOAT_COLUMNS else pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in columns])


def _arrow_column(values: tuple, type_: Any, pa: Any) -> Any:
    if type_ == pa.string():
        values = tuple(None if v is None else str(v) for v in values)
    return pa.array(values, type=type_)


@cache
def goldstein() -> dict[str, float]:
    """The Goldstein scale per CAMEO code (rasad/data/gdelt/goldstein.tsv)."""
    from rasad.data.loader import read_tsv

    return {r["code"]: float(r["goldstein"]) for r in read_tsv("gdelt/goldstein.tsv")}


def goldstein_of(code: str | None) -> float | None:
    """The Goldstein value of a code, falling back to its base and root codes."""
    table = goldstein()
    code = code or ""
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def quad_class(root: str) -> int | None:
    """GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    if not root.isdigit():
        return None
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 if r <= 20 else None


def write_gdelt(con: sqlite3.Connection, out: IO[str]) -> int:
    """Corpus events as GDELT 2.0 event-table columns (tab-separated, header line first)."""
    actors = {r[0]: r for r in con.execute("SELECT id, name, country, cameo FROM actors")}
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(GDELT_COLUMNS)
    n = 0
    for c in con.execute("SELECT * FROM cevents ORDER BY id").fetchall():
        w.writerow(gdelt_row(con, c, actors))
        n += 1
    return n


def _actor_cols(ids: str, actors: dict[str, tuple]) -> list[Any]:
    first = next((a for a in ids.split("|") if a), None)
    if first is None:
        return ["", "", ""]
    _, name, country, cameo = actors.get(first, (first, None, None, None))
    return [cameo or country or "", name or first, country or ""]


def gdelt_row(con: sqlite3.Connection, c: sqlite3.Row, actors: dict[str, tuple]) -> list[Any]:
    """One GDELT-style row for a corpus event."""
    arts = con.execute(
        "SELECT a.id, a.url FROM cevent_articles ca JOIN articles a ON a.n = ca.article "
        "WHERE ca.cevent = ? ORDER BY a.published, a.n",
        (c["id"],),
    ).fetchall()
    mentions = con.execute("SELECT count(*) FROM events WHERE cevent = ?", (c["id"],)).fetchone()[0]
    day = c["day"] or ""
    ymd = day.replace("-", "")
    geo = actors.get(c["location"] or "")
    urls = [u for _, u in arts if u]
    return [
        c["id"],
        ymd,
        ymd[:6],
        ymd[:4],
        _fraction(day),
        *_actor_cols(c["source"], actors),
        *_actor_cols(c["target"], actors),
        c["is_root"],
        c["code"],
        (c["code"] or "")[:3],
        c["root"],
        quad_class(c["root"]),
        goldstein_of(c["code"]),
        mentions,
        c["n_outlets"],
        c["n_articles"],
        (geo[1] if geo else c["location"]) or "",
        (geo[2] if geo else "") or "",
        "".join(ch for ch in c["added"] if ch.isdigit())[:14],
        urls[0] if urls else "",
        c["label"],
        c["plover"],
        c["source"],
        c["target"],
        int(c["negated"]),
        c["n_stories"],
        c["first_seen"],
        c["last_seen"],
        ";".join(a for a, _ in arts),
        ";".join(urls),
    ]


def _fraction(day: str) -> str:
    """GDELT FractionDate: year plus the elapsed fraction of it."""
    if len(day) < 10:
        return ""
    from datetime import date

    d = date.fromisoformat(day[:10])
    return f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
