"""Queries over the corpus: full-text search, corpus events, actors and statistics."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.store import db, textkey
from rasad.store.db import unpack


@dataclass
class Filters:
    """Filters shared by search and events (None: no filter)."""

    actor: str | None = None
    country: str | None = None
    code: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None


def resolve_actor(con: sqlite3.Connection, name: str) -> list[str]:
    """Actor ids for an id or a name (English or Arabic, normalized substring match)."""
    if con.execute("SELECT 1 FROM actors WHERE id=?", (name,)).fetchone():
        return [name]
    key = normalize(name.strip().lower())
    rows = con.execute(
        "SELECT id FROM actors WHERE instr(lower(norm), ?) > 0 ORDER BY n_articles DESC LIMIT 50",
        (key,),
    )
    return [r[0] for r in rows]


def _code_clause(code: str, col_root: str, events_where: str) -> tuple[str, list[Any]]:
    code = code.strip()
    if len(code) <= 2:
        return f"{col_root} = ?", [code.zfill(2)]
    return events_where, [code + "%"]


def article_filters(con: sqlite3.Connection, f: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions on articles ``a`` for the filters."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        ids = resolve_actor(con, f.actor)
        where.append(f"a.n IN (SELECT article FROM article_actors WHERE actor IN ({_marks(ids)}))")
        params += ids
    if f.country:
        where.append(
            "a.n IN (SELECT aa.article FROM article_actors aa JOIN actors ac ON ac.id = aa.actor WHERE ac.country = ?)"
        )
        params.append(f.country.upper())
    if f.code:
        clause, p = _code_clause(f.code, "e.root", "e.code LIKE ?")
        where.append(f"a.n IN (SELECT e.article FROM events e WHERE {clause})")
        params += p
    if f.outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(f.outlet)
    _day_range(f, "a.day", where, params)
    return where, params


def _day_range(f: Filters, col: str, where: list[str], params: list[Any]) -> None:
    if f.since:
        where.append(f"{col} >= ?")
        params.append(f.since[:10])
    if f.until:
        where.append(f"{col} <= ?")
        params.append(f.until[:10])


def _marks(ids: list[str]) -> str:
    return ",".join("?" * len(ids)) or "NULL"


def search(
    con: sqlite3.Connection, query: str, filters: Filters | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Articles matching a query (clitic-insensitive) and the filters, best first."""
    seg = db.get_meta(con, "fts_segmenter") or textkey.default_segmenter()
    phrases = textkey.query_terms(query, seg, lambda w: _known_stem(con, w))
    where, params = article_filters(con, filters or Filters())
    if phrases:
        sql = (
            "SELECT a.*, f.rank AS score FROM articles_fts f JOIN articles a ON a.n = f.rowid "
            "WHERE articles_fts MATCH ?"
        )
        params = [textkey.fts_query(phrases), *params]
        order = "f.rank"
    else:
        sql, order = "SELECT a.*, NULL AS score FROM articles a WHERE 1", "a.day DESC, a.n DESC"
    sql += "".join(f" AND {w}" for w in where) + f" ORDER BY {order} LIMIT ?"
    rows = con.execute(sql, [*params, limit]).fetchall()
    forms = _forms(con, {w for p in phrases for w in p})
    return [_hit(r, forms) for r in rows]


def _known_stem(con: sqlite3.Connection, word: str) -> str | None:
    row = con.execute("SELECT stem FROM stems WHERE word = ?", (word,)).fetchone()
    return row[0] if row else None


def _forms(con: sqlite3.Connection, stems: set[str]) -> set[str]:
    """The corpus words (normalized) that have one of these stems."""
    rows = con.execute(f"SELECT word FROM stems WHERE stem IN ({_marks(list(stems))})", list(stems))
    return {r[0] for r in rows} | stems


def _hit(row: sqlite3.Row, forms: set[str]) -> dict[str, Any]:
    text = unpack(row["record"])["text"]
    return {
        "id": row["id"],
        "published": row["published"],
        "outlet": row["outlet"],
        "url": row["url"],
        "title": row["title"],
        "story": row["story"],
        "duplicate_of": row["dup_of"],
        "snippet": snippet(text, forms),
    }


def snippet(text: str, forms: set[str], width: int = 80) -> str:
    """A window of the text around the first word in one of the searched forms."""
    start = 0
    for m in re.finditer(r"\w+", text):
        if normalize(m.group()) in forms:
            start = max(0, m.start() - width // 2)
            break
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def events(
    con: sqlite3.Connection, filters: Filters | None = None, limit: int = 50, sort: str = "date"
) -> list[dict[str, Any]]:
    """Corpus events matching the filters, latest first (or most reported with sort='count')."""
    f = filters or Filters()
    where, params = _event_filters(con, f)
    order = (
        "c.n_stories DESC, c.n_articles DESC, c.id" if sort == "count" else "c.day DESC, c.id DESC"
    )
    sql = "SELECT c.* FROM cevents c" + (" WHERE " + " AND ".join(where) if where else "")
    rows = con.execute(f"{sql} ORDER BY {order} LIMIT ?", [*params, limit]).fetchall()
    names = _actor_names(
        con, {a for r in rows for a in (r["source"] + "|" + r["target"]).split("|") if a}
    )
    return [_cevent(con, r, names) for r in rows]


def _event_filters(con: sqlite3.Connection, f: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        ids = resolve_actor(con, f.actor)
        where.append(f"c.id IN (SELECT cevent FROM cevent_actors WHERE actor IN ({_marks(ids)}))")
        params += ids
    if f.country:
        where.append(
            "c.id IN (SELECT x.cevent FROM cevent_actors x JOIN actors ac ON ac.id = x.actor WHERE ac.country = ?)"
        )
        params.append(f.country.upper())
    if f.code:
        clause, p = _code_clause(
            f.code, "c.root", "c.id IN (SELECT cevent FROM events WHERE code LIKE ?)"
        )
        where.append(clause)
        params += p
    if f.outlet:
        where.append(
            "c.id IN (SELECT ca.cevent FROM cevent_articles ca JOIN articles a ON a.n = ca.article "
            "WHERE a.outlet = ? COLLATE NOCASE)"
        )
        params.append(f.outlet)
    _day_range(f, "c.day", where, params)
    return where, params


def _actor_names(con: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    rows = con.execute(
        f"SELECT id, coalesce(name, name_ar, id) FROM actors WHERE id IN ({_marks(list(ids))})",
        list(ids),
    )
    return dict(rows.fetchall())


def cevent_articles(con: sqlite3.Connection, cevent_id: int) -> list[dict[str, Any]]:
    """The source articles of a corpus event, earliest first."""
    rows = con.execute(
        "SELECT a.id, a.outlet, a.url, a.published, a.story FROM cevent_articles ca "
        "JOIN articles a ON a.n = ca.article WHERE ca.cevent = ? ORDER BY a.published, a.n",
        (cevent_id,),
    )
    return [dict(r) for r in rows]


def _cevent(con: sqlite3.Connection, r: sqlite3.Row, names: dict[str, str]) -> dict[str, Any]:
    def side(s: str) -> list[dict[str, str]]:
        return [{"id": a, "name": names.get(a, a)} for a in s.split("|") if a]

    keys = (
        "id",
        "day",
        "root",
        "code",
        "label",
        "plover",
        "negated",
        "location",
        "n_articles",
        "n_stories",
        "n_outlets",
        "first_seen",
        "last_seen",
    )
    out = {k: r[k] for k in keys}
    out["negated"] = bool(out["negated"])
    out["source"], out["target"] = side(r["source"]), side(r["target"])
    out["articles"] = cevent_articles(con, r["id"])
    return out


def actors(
    con: sqlite3.Connection, type: str | None = None, country: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Actors across the corpus, most mentioned first."""
    where, params = [], []
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if country:
        where.append("country = ?")
        params.append(country.upper())
    sql = (
        "SELECT id, type, name, name_ar, country, cameo, wikidata, known, n_articles FROM actors"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY n_articles DESC, id LIMIT ?"
    )
    return [dict(r, known=bool(r["known"])) for r in con.execute(sql, [*params, limit])]


def stats(con: sqlite3.Connection, path: str | Path | None = None) -> dict[str, Any]:
    """Counts of everything stored, the date range and the database size."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    out: dict[str, Any] = {
        t: one(f"SELECT count(*) FROM {t}")
        for t in ("articles", "mentions", "actors", "events", "quotes", "dates", "errors")
    }
    out["stories"] = one("SELECT count(DISTINCT story) FROM articles")
    out["duplicates"] = one("SELECT count(*) FROM articles WHERE dup_of IS NOT NULL")
    out["corpus_events"] = one("SELECT count(*) FROM cevents")
    out["outlets"] = one("SELECT count(DISTINCT outlet) FROM articles")
    out["first_day"], out["last_day"] = con.execute(
        "SELECT min(day), max(day) FROM articles"
    ).fetchone()
    out["schema_version"] = db.schema_version(con)
    if path is not None:
        p = Path(path)
        out["db_bytes"] = sum(x.stat().st_size for x in (p, Path(f"{p}-wal")) if x.exists())
    return out
