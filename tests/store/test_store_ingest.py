"""Ingest into a real SQLite file: idempotence, errors, actors merged, dedup continued across runs."""

from __future__ import annotations

import sqlite3

import pytest

from rasad.ingest.records import InputError, Record
from rasad.model import DateExpr, Quote
from rasad.store import db
from rasad.store.ingest import ingest_articles, ingest_records, record_id
from rasad.store.query import stats

TEXT = "السعودية تدعم الحل السياسي\n\nقال وزير الخارجية إن السعودية تدعم الحل السياسي في اليمن وتسعى لإنهاء الحرب المستمرة منذ سنوات"


def counts(path) -> dict:
    con = db.connect(path, create=False)
    try:
        return stats(con)
    finally:
        con.close()


def test_reingest_articles_adds_nothing(tmp_path, make_article, make_event):
    path = tmp_path / "c.db"
    arts = [
        make_article(
            TEXT, actors=("c:SAU", "c:YEM"), events=(make_event("e1", "042", ["c:SAU"], ["c:YEM"]),)
        ),
        make_article(
            "خبر آخر عن اليمن\n\nوصل المبعوث إلى اليمن اليوم لبحث الأزمة الإنسانية هناك",
            actors=("c:YEM",),
        ),
    ]
    first = ingest_articles(arts, path)
    before = counts(path)
    second = ingest_articles(arts, path)
    assert (first.stored, second.stored, second.skipped) == (2, 0, 2)
    assert counts(path) == before
    assert before["articles"] == 2 and before["events"] == 1 and before["corpus_events"] == 1


def test_empty_span_lists_store(tmp_path, make_article):
    path = tmp_path / "c.db"
    report = ingest_articles([make_article("نص قصير بلا كيانات ولا أحداث")], path)
    assert report.stored == 1
    s = counts(path)
    assert (s["mentions"], s["actors"], s["events"], s["quotes"], s["dates"]) == (0, 0, 0, 0, 0)


def test_actors_merge_across_articles(tmp_path, make_article):
    path = tmp_path / "c.db"
    ingest_articles(
        [
            make_article(f"السعودية واليمن في خبر رقم {i} عن المفاوضات", actors=("c:SAU", "c:YEM"))
            for i in range(3)
        ],
        path,
    )
    con = sqlite3.connect(path)
    rows = dict(con.execute("SELECT id, n_articles FROM actors").fetchall())
    assert rows == {"c:SAU": 3, "c:YEM": 3}
    assert con.execute("SELECT count(*) FROM article_actors").fetchone()[0] == 6


def test_spans_stored(tmp_path, make_article):
    path = tmp_path / "c.db"
    quote = Quote("q1", 0, 5, "نص", speaker="c:SAU", kind="direct", cue="قال")
    date = DateExpr("d1", 0, 5, "اليوم", "2018-05-01", "day")
    ingest_articles([make_article(TEXT, actors=("c:SAU",), quotes=[quote], dates=[date])], path)
    s = counts(path)
    assert (s["mentions"], s["quotes"], s["dates"]) == (1, 1, 1)


def test_records_skip_before_analysis_and_errors_once(tmp_path):
    path = tmp_path / "c.db"
    recs = [
        Record(
            text="قال المتحدث إن الاجتماع سيعقد غدا في العاصمة",
            title="اجتماع",
            outlet="A",
            where="f:1",
        ),
        Record(
            text="قال المتحدث إن الاجتماع سيعقد غدا في العاصمة",
            title="اجتماع",
            outlet="B",
            where="f:2",
        ),
        Record(text="english only text", where="f:3"),
        InputError("bad_json", "invalid JSON line", "f:4"),
    ]
    first = ingest_records(recs, path, stages=[])
    second = ingest_records(recs, path, stages=[])
    assert (first.stored, first.skipped, first.errors) == (1, 1, 2)
    assert (second.stored, second.skipped) == (0, 2)
    con = sqlite3.connect(path)
    assert con.execute("SELECT kind FROM errors ORDER BY n").fetchall() == [
        ("not_arabic",),
        ("bad_json",),
    ]
    stored_id = con.execute("SELECT id FROM articles").fetchone()[0]
    assert stored_id == record_id(recs[0])


def test_dedup_continues_across_runs(tmp_path, make_article):
    path = tmp_path / "c.db"
    a = make_article(TEXT, outlet="A")
    b = make_article(TEXT.replace("سنوات", "أعوام طويلة"), outlet="B")
    c = make_article(
        "موضوع مختلف تماما عن الطقس والأمطار الغزيرة في المدينة هذا الأسبوع", outlet="C"
    )
    ingest_articles([a], path)
    ingest_articles([b, c], path)
    con = sqlite3.connect(path)
    rows = {r[0]: r[1:] for r in con.execute("SELECT id, story, dup_of FROM articles")}
    assert rows[b.id] == (a.id, a.id)
    assert rows[c.id] == (c.id, None)


def test_duplicates_within_one_batch(tmp_path, make_article):
    path = tmp_path / "c.db"
    a = make_article(TEXT, outlet="A")
    b = make_article(TEXT + " وفق ما أفادت وكالة الأنباء", outlet="B")
    ingest_articles([a, b], path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT story, dup_of FROM articles WHERE id=?", (b.id,)).fetchone() == (
        a.id,
        a.id,
    )


def test_schema_version_and_newer_schema(tmp_path):
    path = tmp_path / "c.db"
    con = db.connect(path)
    assert db.schema_version(con) == len(db.MIGRATIONS)
    con.execute(f"PRAGMA user_version={len(db.MIGRATIONS) + 1}")
    con.close()
    with pytest.raises(db.StoreError, match="newer"):
        db.connect(path)


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(db.StoreError, match="no database"):
        db.connect(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("content", [b"hello, not a database\n" * 10, None])
def test_foreign_file_is_refused(tmp_path, content):
    path = tmp_path / "other.db"
    if content is None:  # an SQLite file of another program
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t(x)")
        con.close()
    else:
        path.write_bytes(content)
    for create in (True, False):
        with pytest.raises(db.StoreError, match="not a rasad database"):
            db.connect(path, create=create)
