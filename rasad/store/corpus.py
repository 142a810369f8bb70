"""Cross-article events: the same event reported by several articles becomes one corpus event.

Two article events are the same corpus event when they share the CAMEO root, the directed dyad
of actor ids and the negation, and either their days are within ``WINDOW_DAYS`` of the corpus
event's day, or (a day missing) one of the corpus event's articles is in the same story.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

WINDOW_DAYS = 3


def dyad(ids: list[str] | None) -> str:
    """One side of a dyad as a stable key (sorted actor ids joined by '|')."""
    return "|".join(sorted(set(ids or [])))


def shift(day: str, days: int) -> str:
    """An ISO day moved by a number of days."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def find(
    con: sqlite3.Connection, key: tuple[str, str, str, int], day: str | None, story: str
) -> int | None:
    """The corpus event an article event belongs to, or None."""
    if day:
        row = con.execute(
            "SELECT id FROM cevents WHERE root=? AND source=? AND target=? AND negated=? "
            "AND day BETWEEN ? AND ? ORDER BY abs(julianday(day) - julianday(?)), id LIMIT 1",
            (*key, shift(day, -WINDOW_DAYS), shift(day, WINDOW_DAYS), day),
        ).fetchone()
        if row:
            return row[0]
    row = con.execute(
        "SELECT c.id FROM cevents c JOIN cevent_articles ca ON ca.cevent = c.id "
        "JOIN articles a ON a.n = ca.article WHERE c.root=? AND c.source=? AND c.target=? "
        "AND c.negated=? AND a.story=? AND (? IS NULL OR c.day IS NULL) ORDER BY c.id LIMIT 1",
        (*key, story, day),
    ).fetchone()
    return row[0] if row else None


def create(
    con: sqlite3.Connection,
    key: tuple[str, str, str, int],
    ev: dict[str, Any],
    story: str,
    added: str,
) -> int:
    """A new corpus event seeded from an article event."""
    root, source, target, negated = key
    cur = con.execute(
        "INSERT INTO cevents(root, code, label, plover, source, target, negated, day, story, "
        "location, added) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            root,
            ev["code"],
            ev["label"],
            ev["plover"],
            source,
            target,
            negated,
            ev["day"],
            story,
            ev["location"],
            added,
        ),
    )
    cid = cur.lastrowid
    rows = [(cid, a, "source") for a in source.split("|") if a]
    rows += [(cid, a, "target") for a in target.split("|") if a]
    con.executemany("INSERT OR IGNORE INTO cevent_actors(cevent, actor, side) VALUES (?,?,?)", rows)
    return cid


def link(
    con: sqlite3.Connection, article_n: int, story: str, ev: dict[str, Any], added: str
) -> int:
    """Attach an article event to its corpus event (created if new); returns the corpus event id."""
    key = (ev["root"], dyad(ev["source"]), dyad(ev["target"]), int(bool(ev["negated"])))
    cid = find(con, key, ev["day"], story)
    if cid is None:
        cid = create(con, key, ev, story, added)
    con.execute(
        "INSERT OR IGNORE INTO cevent_articles(cevent, article) VALUES (?, ?)", (cid, article_n)
    )
    if ev.get("sentence") is not None and ev["sentence"] <= 1:
        con.execute("UPDATE cevents SET is_root=1 WHERE id=?", (cid,))
    return cid


def refresh(con: sqlite3.Connection, cevent_ids: set[int]) -> None:
    """Recount articles, distinct stories and outlets, first and last seen of corpus events."""
    con.executemany(
        """UPDATE cevents SET
             n_articles = (SELECT count(*) FROM cevent_articles WHERE cevent = cevents.id),
             n_stories = (SELECT count(DISTINCT a.story) FROM cevent_articles ca
                          JOIN articles a ON a.n = ca.article WHERE ca.cevent = cevents.id),
             n_outlets = (SELECT count(DISTINCT a.outlet) FROM cevent_articles ca
                          JOIN articles a ON a.n = ca.article WHERE ca.cevent = cevents.id),
             first_seen = (SELECT min(coalesce(a.published, a.added)) FROM cevent_articles ca
                           JOIN articles a ON a.n = ca.article WHERE ca.cevent = cevents.id),
             last_seen = (SELECT max(coalesce(a.published, a.added)) FROM cevent_articles ca
                          JOIN articles a ON a.n = ca.article WHERE ca.cevent = cevents.id)
           WHERE id = ?""",
        [(i,) for i in sorted(cevent_ids)],
    )
