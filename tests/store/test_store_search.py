"""Search with Arabic normalization and clitics, and every filter of search and events."""

from __future__ import annotations

import pytest

from rasad.store import db
from rasad.store.ingest import ingest_articles
from rasad.store.query import Filters, actors, events, search


@pytest.fixture
def con(tmp_path, make_article, make_event):
    arts = [
        make_article(
            "وزير الخارجية يزور السعودية\n\nوصل الوزير إلى الرياض والسعودية ترحب بالزيارة",
            "A",
            "2018-05-01",
            ("c:SAU",),
            (make_event("e1", "040", ["c:SAU"], ["c:YEM"], "2018-05-01"),),
        ),
        make_article(
            "مساعدات لليمن\n\nأرسلت الأمم المتحدة مساعدات بالسعودية إلى اليمن عبر الحدود",
            "B",
            "2018-06-10",
            ("o:un", "c:YEM"),
            (make_event("e1", "070", ["o:un"], ["c:YEM"], "2018-06-10"),),
        ),
        make_article(
            "غانتس يهدد\n\nقال بيني غانتس إن إسرائيل سترد على أي هجوم وللأمم المتحدة دور",
            "C",
            "2018-07-20",
            ("a:benny-gantz", "c:ISR", "o:un"),
            (make_event("e1", "138", ["a:benny-gantz"], ["c:YEM"], "2018-07-20"),),
        ),
    ]
    ingest_articles(arts, tmp_path / "c.db")
    c = db.connect(tmp_path / "c.db", create=False)
    yield c
    c.close()


@pytest.mark.parametrize(
    "query, outlets",
    [
        ("السعودية", {"A", "B"}),  # والسعودية، بالسعودية
        ("سعودية", {"A", "B"}),  # without the article
        ("وللسعودية", {"A", "B"}),  # a form the corpus lacks: segmented at query time
        ("السعوديه", {"A", "B"}),  # ta marbuta folded
        ("الأمم المتحدة", {"B", "C"}),  # وللأمم
        ('"الامم المتحدة"', {"B", "C"}),
        ("اليمن", {"B"}),  # لليمن، اليمن
        ("إسرائيل", {"C"}),
        ("الرياض السعودية", {"A"}),
        ("طوكيو", set()),
    ],
)
def test_search_clitic_insensitive(con, query, outlets):
    assert {h["outlet"] for h in search(con, query)} == outlets


@pytest.mark.parametrize(
    "filters, outlets",
    [
        (Filters(actor="c:SAU"), {"A"}),
        (Filters(actor="United Nations"), {"B"}),
        (Filters(actor="الأمم المتحدة"), {"B"}),
        (Filters(country="sau"), {"A"}),
        (Filters(code="07"), {"B"}),
        (Filters(code="04"), {"A"}),
        (Filters(code="040"), {"A"}),
        (Filters(outlet="b"), {"B"}),
        (Filters(since="2018-06-01"), {"B"}),
        (Filters(until="2018-05-31"), {"A"}),
    ],
)
def test_search_filters(con, filters, outlets):
    assert {h["outlet"] for h in search(con, "السعودية", filters)} == outlets


def test_search_without_words_lists_filtered_articles(con):
    assert [h["outlet"] for h in search(con, "", Filters(actor="o:un"))] == ["C", "B"]


def test_snippet_shows_the_match(con):
    hit = search(con, "الحدود")[0]
    assert "الحدود" in hit["snippet"]


@pytest.mark.parametrize(
    "filters, codes",
    [
        (Filters(), {"040", "070", "138"}),
        (Filters(actor="a:benny-gantz"), {"138"}),
        (Filters(actor="Gantz"), {"138"}),
        (Filters(country="YEM"), {"040", "070", "138"}),
        (Filters(country="ISR"), {"138"}),
        (Filters(code="13"), {"138"}),
        (Filters(code="1384"), set()),
        (Filters(outlet="A"), {"040"}),
        (Filters(since="2018-06-01", until="2018-06-30"), {"070"}),
    ],
)
def test_events_filters(con, filters, codes):
    assert {e["code"] for e in events(con, filters)} == codes


def test_event_links_and_names(con):
    (e,) = events(con, Filters(code="13"))
    assert e["source"] == [{"id": "a:benny-gantz", "name": "Benny Gantz"}]
    assert [a["outlet"] for a in e["articles"]] == ["C"]


@pytest.mark.parametrize(
    "type_, country, ids",
    [
        ("PER", None, {"a:benny-gantz"}),
        (None, "ISR", {"a:benny-gantz", "c:ISR"}),
        ("GPE", "YEM", {"c:YEM"}),
    ],
)
def test_actor_filters(con, type_, country, ids):
    assert {a["id"] for a in actors(con, type_, country)} == ids
