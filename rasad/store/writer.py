"""Writing one analysed article into the corpus tables (inside the caller's transaction)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.model import SCHEMA, SPAN_TYPES, Article, Event
from rasad.store import corpus
from rasad.store.db import pack
from rasad.store.dedup import Match, to_blob


def day_of(value: str | None) -> str | None:
    """The ISO day of an ISO date or datetime string, or None."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    return value[:10]


_FIELDS = {name: tuple(f.name for f in fields(kind)) for name, kind in SPAN_TYPES.items()}


def record_of(article: Article) -> dict[str, Any]:
    """``Article.to_dict()`` without its deep copies (the record is only serialized)."""
    record: dict[str, Any] = {
        "schema": SCHEMA,
        "id": article.id,
        "source": dict(article.source),
        "published": article.published,
        "title": article.title,
        "text": article.text,
        "removed": [],
        "sentences": [list(s) for s in article.sentences],
    }
    for name, names in _FIELDS.items():
        record[name] = [{k: getattr(x, k) for k in names} for x in getattr(article, name)]
    for ev in record["events"]:
        if not ev.get("triggers"):
            ev.pop("triggers", None)
    return record


def store_article(
    con: sqlite3.Connection, article: Article, match: Match, sigs: tuple, added: str
) -> tuple[int, set[int]]:
    """Insert an article, its signatures and spans; returns its row number and corpus events.

    The search body goes in later with the batch (``store_bodies``).
    """
    src = article.source or {}
    cur = con.execute(
        "INSERT INTO articles(id, published, day, outlet, url, path, title, story, dup_of, dup_sim, "
        "record, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            article.id,
            article.published,
            day_of(article.published),
            src.get("outlet"),
            src.get("url"),
            src.get("path"),
            article.title,
            match.story,
            match.dup_of,
            match.similarity,
            pack(record_of(article)),
            added,
        ),
    )
    n = cur.lastrowid
    con.execute(
        "INSERT INTO minhash(n, sig, story_sig) VALUES (?, ?, ?)",
        (n, to_blob(sigs[0]), to_blob(sigs[1])),
    )
    _store_actors(con, n, article)
    _store_spans(con, n, article)
    return n, _store_events(con, n, article, match.story, added)


def store_bodies(con: sqlite3.Connection, rows: list[tuple[int, str]]) -> None:
    """Index the search bodies ``(article row, body)`` of a batch.

    One statement per batch, outside the per-article savepoints: FTS5 writes its pending terms
    to disk at every savepoint release, which made an index segment per article.
    """
    con.executemany("INSERT INTO articles_fts(rowid, body) VALUES (?, ?)", rows)


_UPSERT_ACTOR = """INSERT INTO actors(id, type, name, name_ar, country, cameo, wikidata, known, n_articles, norm)
   VALUES (?,?,?,?,?,?,?,?,1,?)
   ON CONFLICT(id) DO UPDATE SET n_articles = n_articles + 1,
     type = coalesce(type, excluded.type), name = coalesce(name, excluded.name),
     name_ar = coalesce(name_ar, excluded.name_ar), country = coalesce(country, excluded.country),
     cameo = coalesce(cameo, excluded.cameo), wikidata = coalesce(wikidata, excluded.wikidata),
     known = max(known, excluded.known), norm = coalesce(norm, excluded.norm)"""


def _store_actors(con: sqlite3.Connection, n: int, article: Article) -> None:
    actors = list({a.id: a for a in article.actors}.values())  # an id counts once per article
    con.executemany(
        _UPSERT_ACTOR,
        [
            (
                a.id,
                a.type,
                a.name,
                a.name_ar,
                a.country,
                a.cameo,
                a.wikidata,
                int(a.known),
                _actor_norm(a.name, a.name_ar),
            )
            for a in actors
        ],
    )
    con.executemany(
        "INSERT OR IGNORE INTO article_actors(article, actor, role) VALUES (?,?,?)",
        [(n, a.id, a.role) for a in actors],
    )


def _actor_norm(name: str | None, name_ar: str | None) -> str:
    """A lower-cased, normalized name key used to look actors up by name."""
    return "\t".join(normalize(x) for x in (name, name_ar) if x)


def _store_spans(con: sqlite3.Connection, n: int, article: Article) -> None:
    con.executemany(
        'INSERT INTO mentions(article, start, "end", text, type, actor) VALUES (?,?,?,?,?,?)',
        [(n, m.start, m.end, m.text, m.type, m.actor) for m in article.mentions],
    )
    con.executemany(
        'INSERT INTO quotes(article, qid, start, "end", text, speaker, via, kind, cue) VALUES (?,?,?,?,?,?,?,?,?)',
        [
            (n, q.id, q.start, q.end, q.text, q.speaker, q.via, q.kind, q.cue)
            for q in article.quotes
        ],
    )
    con.executemany(
        'INSERT INTO dates(article, did, start, "end", text, value, precision) VALUES (?,?,?,?,?,?,?)',
        [(n, d.id, d.start, d.end, d.text, d.value, d.precision) for d in article.dates],
    )


def event_fields(ev: Event, article: Article) -> dict[str, Any]:
    """An event's columns; its day is its own date (day precision) or the article's."""
    date = ev.date or {}
    own = day_of(date.get("value")) if date.get("precision") in (None, "day") else None
    root = ev.root or (ev.code or "")[:2]
    return {
        "eid": ev.id,
        "code": ev.code,
        "root": root,
        "label": ev.label,
        "plover": ev.plover,
        "source": list(ev.source or []),
        "target": list(ev.target or []),
        "sentence": ev.sentence,
        "trigger": (ev.trigger or {}).get("text"),
        "date_value": date.get("value"),
        "date_precision": date.get("precision"),
        "day": own or day_of(article.published),
        "location": ev.location,
        "negated": bool(ev.negated),
        "modality": ev.modality,
        "reported_by": list(ev.reported_by or []),
        "confidence": ev.confidence,
    }


def _store_events(
    con: sqlite3.Connection, n: int, article: Article, story: str, added: str
) -> set[int]:
    touched: set[int] = set()
    for ev in article.events:
        f = event_fields(ev, article)
        cid = corpus.link(con, n, story, f, added)
        touched.add(cid)
        con.execute(
            "INSERT INTO events(article, eid, code, root, label, plover, source, target, sentence, "
            "trigger, date_value, date_precision, day, location, negated, modality, reported_by, "
            "confidence, cevent) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                n,
                f["eid"],
                f["code"],
                f["root"],
                f["label"],
                f["plover"],
                json.dumps(f["source"]),
                json.dumps(f["target"]),
                f["sentence"],
                f["trigger"],
                f["date_value"],
                f["date_precision"],
                f["day"],
                f["location"],
                int(f["negated"]),
                f["modality"],
                json.dumps(f["reported_by"]),
                f["confidence"],
                cid,
            ),
        )
    return touched
