"""The stored record equals Article.to_dict(); a database keeps its dedup scheme."""

from __future__ import annotations

import pytest

from rasad.model import Removed
from rasad.store import db
from rasad.store.ingest import ingest_articles
from rasad.store.writer import day_of, record_of


def test_record_matches_to_dict(make_article, make_event):
    ev = make_event("e1", "042", ["c:SAU"], ["c:YEM"], "2018-05-01")
    ev2 = make_event(
        "e2", "190", ["c:ISR"], [], None, triggers=[{"start": 0, "end": 1, "text": "x"}]
    )
    a = make_article(
        "السعودية واليمن وإسرائيل",
        actors=("c:SAU", "c:YEM", "c:ISR"),
        events=(ev, ev2),
        removed=[Removed("اخترنا لك", "widget")],
        sentences=[[0, 10]],
    )
    assert record_of(a) == a.to_dict()
    assert list(record_of(a)) == list(a.to_dict())


@pytest.mark.parametrize(
    "value, day",
    [
        ("2018-05-01", "2018-05-01"),
        ("2018-05-01T10:00:00+00:00", "2018-05-01"),
        ("2018", None),
        (None, None),
    ],
)
def test_day_of(value, day):
    assert day_of(value) == day


def test_other_dedup_scheme_is_refused(tmp_path, make_article):
    path = tmp_path / "c.db"
    ingest_articles([make_article("نص أول عن الأخبار")], path)
    con = db.connect(path)
    con.execute("UPDATE meta SET value='old' WHERE key='dedup_version'")
    con.close()
    with pytest.raises(db.StoreError, match="dedup scheme"):
        ingest_articles([make_article("نص ثان عن الأخبار")], path)
