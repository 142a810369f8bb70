"""What the bench scripts share: the ANT corpus of ../shared and articles analyzed up to a stage."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "news" / "ant-2018.jsonl.gz"
sys.path.insert(0, str(ROOT))


def have_ant() -> bool:
    """Whether ../shared is there; prints the skip line when it is not."""
    if ANT.exists():
        return True
    print(f"skipped: {ANT} not found (../shared is not available)")
    return False


def ant_records(n: int, cat: str | None = None) -> Iterator[dict]:
    """The first ``n`` ANT records with a text (of one category when ``cat`` is given)."""
    count = 0
    with gzip.open(ANT, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if not rec.get("text") or (cat and rec.get("cat") != cat):
                continue
            yield rec
            count += 1
            if count >= n:
                return


def ant_articles(
    n: int, upto: str | None = None, cat: str | None = None, before: bool = True
) -> list:
    """ANT articles as Articles, analyzed by the stages before ``upto`` (``before=False``: and
    ``upto`` itself); ``upto=None`` runs no stage. Working caches (tokens) are kept."""
    from rasad import pipeline
    from rasad.ingest.records import article_from_record, record_from_dict

    stages = []
    if upto:
        stages = [s for s in pipeline.resolve([upto]) if not (before and s.name == upto)]
    out = []
    for rec in ant_records(n, cat):
        article = article_from_record(record_from_dict(rec))
        for stage in stages:
            article = stage.load()(article)
        out.append(article)
    return out
