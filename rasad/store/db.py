"""The SQLite corpus database: connection settings and numbered schema migrations.

The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[i]`` takes a database from
version ``i`` to ``i + 1``. WAL mode lets readers (search, export) run during an ingest, and a
committed batch survives a killed process.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

DEFAULT_DB = "rasad.db"


class StoreError(Exception):
    """A database problem the user can fix (missing file, newer schema)."""


_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  published TEXT, day TEXT, outlet TEXT, url TEXT, path TEXT, title TEXT,
  story TEXT NOT NULL, dup_of TEXT, dup_sim REAL,
  record BLOB NOT NULL,
  added TEXT NOT NULL
);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_story ON articles(story);
CREATE TABLE minhash (n INTEGER PRIMARY KEY, sig BLOB NOT NULL, story_sig BLOB NOT NULL);
CREATE TABLE actors (
  id TEXT PRIMARY KEY, type TEXT, name TEXT, name_ar TEXT, country TEXT, cameo TEXT,
  wikidata TEXT, known INTEGER, n_articles INTEGER NOT NULL DEFAULT 0, norm TEXT
);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_type ON actors(type);
CREATE TABLE article_actors (
  article INTEGER NOT NULL, actor TEXT NOT NULL, role TEXT, PRIMARY KEY (actor, article)
) WITHOUT ROWID;
CREATE INDEX article_actors_article ON article_actors(article);
CREATE TABLE mentions (
  article INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, type TEXT, actor TEXT
);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE TABLE events (
  article INTEGER NOT NULL, eid TEXT, code TEXT, root TEXT, label TEXT, plover TEXT,
  source TEXT, target TEXT, sentence INTEGER, trigger TEXT, date_value TEXT,
  date_precision TEXT, day TEXT, location TEXT, negated INTEGER, modality TEXT,
  reported_by TEXT, confidence REAL, cevent INTEGER
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_cevent ON events(cevent);
CREATE TABLE quotes (
  article INTEGER NOT NULL, qid TEXT, start INTEGER, "end" INTEGER, text TEXT,
  speaker TEXT, via TEXT, kind TEXT, cue TEXT
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE dates (
  article INTEGER NOT NULL, did TEXT, start INTEGER, "end" INTEGER, text TEXT,
  value TEXT, precision TEXT
);
CREATE INDEX dates_article ON dates(article);
CREATE TABLE cevents (
  id INTEGER PRIMARY KEY, root TEXT NOT NULL, code TEXT, label TEXT, plover TEXT,
  source TEXT NOT NULL, target TEXT NOT NULL, negated INTEGER NOT NULL, day TEXT,
  story TEXT, location TEXT, is_root INTEGER NOT NULL DEFAULT 0,
  n_articles INTEGER NOT NULL DEFAULT 0, n_stories INTEGER NOT NULL DEFAULT 0,
  n_outlets INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT, added TEXT NOT NULL
);
CREATE INDEX cevents_key ON cevents(root, source, target, negated, day);
CREATE INDEX cevents_day ON cevents(day);
CREATE TABLE cevent_articles (
  cevent INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (cevent, article)
) WITHOUT ROWID;
CREATE INDEX cevent_articles_article ON cevent_articles(article);
CREATE TABLE cevent_actors (
  cevent INTEGER NOT NULL, actor TEXT NOT NULL, side TEXT NOT NULL,
  PRIMARY KEY (actor, cevent, side)
) WITHOUT ROWID;
CREATE TABLE errors (
  n INTEGER PRIMARY KEY, "where" TEXT, kind TEXT NOT NULL, message TEXT NOT NULL,
  record_id TEXT, added TEXT NOT NULL, UNIQUE ("where", kind, message)
);
CREATE TABLE stems (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX stems_stem ON stems(stem);
CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='', tokenize='unicode61');
"""

# Append new migrations; never edit one that has shipped.
MIGRATIONS: list[str] = [_V1]


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and migrate) a corpus database; a missing file is an error unless ``create``."""
    path = Path(path)
    if not create and not path.is_file():
        raise StoreError(f"no database at {path} (create one with: rasad ingest FILE --db {path})")
    if create and path.parent and not path.parent.exists():
        raise StoreError(f"directory {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    con = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    try:
        _setup(con, create)
    except sqlite3.DatabaseError as err:
        con.close()
        raise StoreError(f"{path} is not a rasad database ({err})") from None
    except StoreError:
        con.close()
        raise
    return con


def _setup(con: sqlite3.Connection, create: bool) -> None:
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a killed process loses nothing committed (only power loss could).
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA cache_size=-32000")
    # The per-article savepoints journal to a temporary file otherwise (a write per article).
    con.execute("PRAGMA temp_store=MEMORY")
    if schema_version(con) == 0:
        tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables or not create:  # someone else's SQLite file: never add our tables to it
            raise StoreError("not a rasad database (no rasad schema in it)")
    migrate(con)


def schema_version(con: sqlite3.Connection) -> int:
    """The schema version of an open database."""
    return con.execute("PRAGMA user_version").fetchone()[0]


def migrate(con: sqlite3.Connection) -> int:
    """Apply the pending migrations, each in its own transaction; returns the new version."""
    version = schema_version(con)
    if version > len(MIGRATIONS):
        raise StoreError(
            f"database schema v{version} is newer than this rasad (v{len(MIGRATIONS)})"
        )
    for i in range(version, len(MIGRATIONS)):
        con.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(con) == i:  # another process may have migrated meanwhile
                for stmt in _statements(MIGRATIONS[i]):
                    con.execute(stmt)
                con.execute(f"PRAGMA user_version={i + 1}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return schema_version(con)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def get_meta(con: sqlite3.Connection, key: str) -> str | None:
    """A value from the meta table."""
    row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(con: sqlite3.Connection, key: str, value: str) -> None:
    """Set a value in the meta table (inside the caller's transaction)."""
    con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def pack(record: dict[str, Any]) -> bytes:
    """A record as compressed JSON (the ``articles.record`` column)."""
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8"), 1)


def unpack(blob: bytes) -> dict[str, Any]:
    """A record back from compressed JSON."""
    return json.loads(zlib.decompress(blob))
