"""Cross-article events: one corpus event per real-world event, counted GDELT-style."""

from __future__ import annotations

import sqlite3

from rasad.store.ingest import ingest_articles

BASE = "اتصال هاتفي بين وزير خارجية السعودية ونظيره اليمني لبحث تطورات الأزمة الإنسانية في اليمن"


def cevents(path) -> list[tuple]:
    con = sqlite3.connect(path)
    return con.execute(
        "SELECT root, n_articles, n_stories, n_outlets, first_seen, last_seen FROM cevents ORDER BY id"
    ).fetchall()


def test_same_event_across_outlets_and_copies(tmp_path, make_article, make_event):
    ev = lambda d: (make_event("e1", "042", ["c:SAU"], ["c:YEM"], d),)  # noqa: E731
    arts = [
        make_article(BASE, "A", "2018-05-01", ("c:SAU", "c:YEM"), ev("2018-05-01")),
        make_article(
            "وزير الخارجية السعودي يتحدث هاتفيا مع نظيره اليمني حول الوضع الإنساني الصعب",
            "B",
            "2018-05-02",
            ("c:SAU", "c:YEM"),
            ev("2018-05-03"),
        ),
        # a syndicated copy of the first article: same story, counts once toward stories
        make_article(
            BASE + " حسبما ذكرت الوكالة", "C", "2018-05-01", ("c:SAU", "c:YEM"), ev("2018-05-01")
        ),
    ]
    ingest_articles(arts, tmp_path / "c.db")
    assert cevents(tmp_path / "c.db") == [("04", 3, 2, 3, "2018-05-01", "2018-05-02")]


def test_links_to_every_source_article(tmp_path, make_article, make_event):
    ev = (make_event("e1", "190", ["c:ISR"], ["c:YEM"], "2018-06-10"),)
    arts = [
        make_article(
            f"{BASE} رقم {i} " * 2 + "إسرائيل", f"O{i}", "2018-06-10", ("c:ISR", "c:YEM"), ev
        )
        for i in range(3)
    ]
    ingest_articles(arts, tmp_path / "c.db")
    con = sqlite3.connect(tmp_path / "c.db")
    linked = {
        r[0]
        for r in con.execute(
            "SELECT a.id FROM cevent_articles ca JOIN articles a ON a.n = ca.article"
        )
    }
    assert linked == {a.id for a in arts}


def _texts(n: int) -> list[str]:
    topics = ["الطقس في المدينة", "مباراة كرة القدم", "أسعار النفط العالمية", "معرض الكتاب الدولي"]
    return [
        f"خبر عن {topics[i]} مع تفاصيل كثيرة مختلفة عن غيرها من الأخبار اليومية" for i in range(n)
    ]


def test_split_by_dyad_window_and_negation(tmp_path, make_article, make_event):
    t = _texts(4)
    arts = [
        make_article(
            t[0],
            "A",
            "2018-05-01",
            events=(make_event("e1", "042", ["c:SAU"], ["c:YEM"], "2018-05-01"),),
        ),
        # reversed dyad: another event
        make_article(
            t[1],
            "B",
            "2018-05-01",
            events=(make_event("e1", "042", ["c:YEM"], ["c:SAU"], "2018-05-01"),),
        ),
        # 5 days later: outside the ±3 day window
        make_article(
            t[2],
            "C",
            "2018-05-06",
            events=(make_event("e1", "042", ["c:SAU"], ["c:YEM"], "2018-05-06"),),
        ),
        make_article(
            t[3],
            "D",
            "2018-05-01",
            events=(make_event("e1", "042", ["c:SAU"], ["c:YEM"], "2018-05-01", negated=True),),
        ),
    ]
    ingest_articles(arts, tmp_path / "c.db")
    assert [r[1] for r in cevents(tmp_path / "c.db")] == [1, 1, 1, 1]


def test_undated_events_merge_within_a_story_only(tmp_path, make_article, make_event):
    ev = (make_event("e1", "111", ["c:SAU"], ["o:un"]),)
    arts = [
        make_article(BASE, "A", None, events=ev),
        make_article(BASE + " كما قالت مصادر", "B", None, events=ev),  # same story
        make_article(_texts(1)[0], "C", None, events=ev),  # other story
    ]
    ingest_articles(arts, tmp_path / "c.db")
    assert [r[1:3] for r in cevents(tmp_path / "c.db")] == [(2, 1), (1, 1)]
