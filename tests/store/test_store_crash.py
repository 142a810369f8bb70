"""Crash safety: a `rasad ingest` killed with SIGKILL midway loses nothing it committed, and a
rerun ends with exactly what a clean run stores."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasad.store.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
WORDS = (
    "الحكومة الوزير المجلس الرئيس الاجتماع الاتفاق المفاوضات العاصمة الحدود الجيش المساعدات "
    "الأزمة المنطقة البرلمان الانتخابات الاقتصاد النفط الأسعار المدينة الشرطة المحكمة القرار"
).split()
VERBS = "قال أعلن أكد نفى بحث ناقش وقع رفض دعا طالب".split()
OUTLETS = ["A", "B", "C", "D"]

# The child runs no stages (the test must not depend on them) and slows analysis down so that
# the kill lands midway through the corpus.
CHILD = """
import sys, time
import rasad.batch.parallel as par
_orig = par.analyze_one
def slow(item, stages=None, defaults=None):
    time.sleep(0.01)
    return _orig(item, [], defaults)
par.analyze_one = slow
from rasad.cli import main
sys.exit(main(sys.argv[1:]))
"""


def corpus(path: Path, n: int = 300) -> Path:
    """A generated corpus: random Arabic sentences, some exact repeats and some rewrites."""
    rng = random.Random(7)
    records = []
    for i in range(n):
        if i % 10 == 9:  # an exact repeat under another outlet
            rec = dict(records[rng.randrange(len(records))], outlet=rng.choice(OUTLETS))
        elif i % 10 == 8:  # a rewrite: one sentence added
            base = records[rng.randrange(len(records))]
            rec = dict(
                base,
                text=base["text"] + " وأضاف المصدر أن المباحثات ستستمر",
                outlet=rng.choice(OUTLETS),
            )
        else:
            sents = [" ".join([rng.choice(VERBS), *rng.sample(WORDS, 8)]) for _ in range(3)]
            rec = {
                "title": " ".join(rng.sample(WORDS, 4)),
                "text": "\n".join(sents),
                "outlet": rng.choice(OUTLETS),
                "published": f"2018-05-{1 + i % 28:02d}",
            }
        records.append(rec)
    records.insert(50, {"title": "x", "text": "no arabic"})
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    return path


def snapshot(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        tables = [
            "articles",
            "minhash",
            "mentions",
            "actors",
            "article_actors",
            "events",
            "quotes",
            "dates",
            "cevents",
            "cevent_articles",
            "errors",
        ]
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        out["assign"] = sorted(con.execute("SELECT id, story, dup_of FROM articles").fetchall())
        out["fts"] = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        return out
    finally:
        con.close()


def committed(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_midway_then_rerun_equals_clean_run(tmp_path):
    src = corpus(tmp_path / "in.jsonl")
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    ingest_paths([str(src)], clean, batch=20, stages=[])

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = ["ingest", str(src), "--batch", "20", "--db", str(crashed)]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while committed(crashed) < 60 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert child.poll() is None, "the child finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    partial = committed(crashed)
    assert 0 < partial < snapshot(clean)["articles"]

    ingest_paths([str(src)], crashed, batch=20, stages=[])
    assert snapshot(crashed) == snapshot(clean)
    ingest_paths([str(src)], crashed, batch=20, stages=[])  # and a third run adds nothing
    assert snapshot(crashed) == snapshot(clean)
