"""The store's CLI commands: thin wrappers, JSON for programs, clear errors."""

from __future__ import annotations

import json

import pytest

from rasad.batch import parallel
from rasad.cli import build_parser, main

COMMANDS = ["ingest", "search", "events", "actors", "stats", "export"]
RECORDS = [
    {
        "title": "السعودية ترحب",
        "text": "رحبت السعودية بالاتفاق الجديد بين الأطراف اليمنية في العاصمة",
        "outlet": "A",
        "published": "2018-05-01",
    },
    {
        "title": "اجتماع في الرياض",
        "text": "عقد في الرياض اجتماع لبحث الأوضاع والسعودية تستضيف الوفود",
        "outlet": "B",
        "published": "2018-05-02",
    },
    {"title": "x", "text": "not arabic"},
]


@pytest.fixture
def corpus_db(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), encoding="utf-8")
    db = tmp_path / "c.db"
    # run no stages: these tests are about the store, not the analysis
    orig = parallel.analyze_one
    monkeypatch.setattr(
        parallel, "analyze_one", lambda item, stages=None, defaults=None: orig(item, [], defaults)
    )
    assert main(["ingest", str(src), "--db", str(db)]) == 1  # 1: a record failed
    return db


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples(command):
    sub = build_parser()._subparsers._group_actions[0].choices[command]
    assert "examples:" in sub.format_help()


@pytest.mark.parametrize("argv", [["search", "x"], ["events"], ["actors"], ["stats"], ["export"]])
def test_missing_db_exit_2(tmp_path, capsys, argv):
    assert main([*argv, "--db", str(tmp_path / "none.db")]) == 2
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_ingest_then_query_json(corpus_db, capsys):
    capsys.readouterr()
    assert main(["search", "السعودية", "--db", str(corpus_db), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["outlet"] for h in hits} == {"A", "B"}
    assert main(["stats", "--db", str(corpus_db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["errors"]) == (2, 1)
    for argv in (["events"], ["actors"]):
        assert main([*argv, "--db", str(corpus_db), "--json"]) == 0
        assert isinstance(json.loads(capsys.readouterr().out), list)


def test_tables_for_people(corpus_db, capsys):
    assert main(["search", "الرياض", "--db", str(corpus_db)]) == 0
    assert "B" in capsys.readouterr().out


@pytest.mark.parametrize(
    "fmt, extra",
    [
        ("jsonl", []),
        ("csv", ["--table", "articles"]),
        ("gdelt", []),
        ("parquet", ["--table", "articles"]),
    ],
)
def test_export_to_file(corpus_db, tmp_path, fmt, extra):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--format", fmt, *extra, "-o", str(out), "--db", str(corpus_db)]) == 0
    assert out.stat().st_size > 0


def test_export_bad_table_and_parquet_without_file(corpus_db, capsys):
    assert main(["export", "--format", "csv", "--table", "nope", "--db", str(corpus_db)]) == 2
    assert main(["export", "--format", "parquet", "--db", str(corpus_db)]) == 2
    assert "-o FILE" in capsys.readouterr().err


def test_ingest_into_missing_directory(tmp_path, capsys):
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "no" / "c.db")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_bad_date_is_a_usage_error(corpus_db, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["events", "--since", "yesterday", "--db", str(corpus_db)])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
