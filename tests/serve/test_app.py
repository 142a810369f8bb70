"""The HTTP API and web page."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from rasad.model import Actor, Article, Mention  # noqa: E402
from rasad.serve.app import create_app  # noqa: E402

TEXT = "عنوان الخبر\nقال وزير الخارجية إن المحادثات مع السعودية مستمرة."


@pytest.fixture
def client():
    return TestClient(create_app())


@pytest.fixture
def corpus(tmp_path):
    from rasad.store.ingest import ingest_articles

    text = "محادثات في الرياض\n\nبحث وفد من اليمن مع السعودية الأزمة."
    i = text.index("السعودية")
    actor = Actor("c:SAU", "GPE", "Saudi Arabia", "السعودية", "SAU", cameo="SAU")
    art = Article(
        text=text,
        title="محادثات في الرياض",
        published="2018-05-01",
        source={"outlet": "A"},
        mentions=[Mention(i, i + 8, "السعودية", "GPE", "c:SAU")],
        actors=[actor],
    )
    db = tmp_path / "c.db"
    ingest_articles([art], db)
    return TestClient(create_app(db)), art.id


def test_page_is_served(client):
    res = client.get("/")
    assert res.status_code == 200
    assert 'dir="rtl"' in res.text and "api/analyze" in res.text


def test_analyze_returns_the_record(client):
    res = client.post("/api/analyze", json={"text": TEXT, "published": "2021-03-02"})
    assert res.status_code == 200
    rec = res.json()
    assert rec["schema"] == "rasad/1"
    assert rec["title"] == "عنوان الخبر"
    assert rec["published"] == "2021-03-02"


@pytest.mark.parametrize(
    "body, status",
    [
        ({"text": "English only, no Arabic"}, 422),
        ({"text": "نص عربي", "published": "not a date"}, 422),
        ({"title": "no text"}, 422),
    ],
)
def test_bad_requests(client, body, status):
    assert client.post("/api/analyze", json=body).status_code == status


def test_corpus_endpoints_need_a_database(client):
    assert client.get("/api/stats").status_code == 404


def test_corpus_endpoints(corpus):
    client, article_id = corpus
    assert client.get("/api/stats").json()["articles"] == 1
    hits = client.get("/api/search", params={"q": "السعودية"}).json()
    assert len(hits) == 1
    assert client.get("/api/actors", params={"country": "SAU"}).json()[0]["id"] == "c:SAU"
    assert client.get("/api/events").status_code == 200
    assert client.get(f"/api/articles/{article_id}").json()["id"] == article_id
    assert client.get("/api/articles/nope").status_code == 404
