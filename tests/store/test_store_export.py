"""Every export format read back: jsonl records, csv and parquet tables, gdelt events."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rasad.model import Article
from rasad.store import db, export
from rasad.store.ingest import ingest_articles

BASE = "اتصال هاتفي بين وزير خارجية السعودية ونظيره اليمني لبحث تطورات الأزمة الإنسانية في اليمن"


@pytest.fixture
def con(tmp_path, make_article, make_event):
    ev = (make_event("e1", "042", ["c:SAU"], ["c:YEM"], "2018-05-01", sentence=0),)
    arts = [
        make_article(BASE, "A", "2018-05-01", ("c:SAU", "c:YEM"), ev, url="http://a/1"),
        make_article(
            BASE + " حسبما ذكرت الوكالة",
            "B",
            "2018-05-02",
            ("c:SAU", "c:YEM"),
            ev,
            url="http://b/1",
        ),
        make_article("خبر بلا أحداث عن الطقس", "C", None),
    ]
    ingest_articles(arts, tmp_path / "c.db")
    c = db.connect(tmp_path / "c.db", create=False)
    yield c
    c.close()


def test_jsonl_round_trips_records(con):
    out = io.StringIO()
    assert export.write_jsonl(con, out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    first = Article.from_dict({k: v for k, v in records[0].items() if k != "corpus"})
    assert first.events[0].code == "042" and first.actors[0].id == "c:SAU"
    assert records[1]["corpus"]["duplicate_of"] == records[0]["id"]


@pytest.mark.parametrize(
    "table, n",
    [
        ("articles", 3),
        ("events", 2),
        ("corpus-events", 1),
        ("actors", 2),
        ("quotes", 0),
        ("errors", 0),
    ],
)
def test_csv_tables(con, table, n):
    out = io.StringIO()
    assert export.write_csv(con, out, table) == n
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n


def test_parquet_read_back(con, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "e.parquet"
    assert export.write_parquet(con, str(path), "events") == 2
    table = pq.read_table(path)
    assert table.column("code").to_pylist() == ["042", "042"]
    assert table.column("corpus_event").to_pylist() == [1, 1]
    assert export.write_parquet(con, str(tmp_path / "a.parquet"), "articles") == 3
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 3


def test_gdelt_columns(con):
    out = io.StringIO()
    assert export.write_gdelt(con, out) == 1
    (row,) = csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t")
    assert (
        row["SQLDATE"] == "20180501" and row["EventCode"] == "042" and row["EventRootCode"] == "04"
    )
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "1.9")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor2Name"]) == (
        "SAU",
        "SAU",
        "Yemen",
    )
    assert (
        row["NumArticles"],
        row["NumSources"],
        row["NumMentions"],
        row["rasad_num_stories"],
    ) == ("2", "2", "2", "1")
    assert row["IsRootEvent"] == "1" and row["SOURCEURL"] == "http://a/1"
    assert row["rasad_source_urls"] == "http://a/1;http://b/1"


@pytest.mark.parametrize(
    "code, value", [("042", 1.9), ("0874", 10.0), ("0875", 9.0), ("19", -10.0), ("99", None)]
)
def test_goldstein_lookup(code, value):
    assert export.goldstein_of(code) == value


@pytest.mark.parametrize(
    "root, quad", [("01", 1), ("05", 1), ("06", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)]
)
def test_quad_class(root, quad):
    assert export.quad_class(root) == quad
