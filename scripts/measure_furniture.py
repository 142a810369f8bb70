"""Measure furniture removal on random ANT and SaudiNewsNet articles.

Cleans N random articles of each corpus (seeded, streamed), counts the body lines dropped
per reason, and writes a random sample of the dropped lines to a TSV for hand-checking
(column `ok` left empty: fill y/n, then run with --score FILE to get the precision).

    .venv/bin/python scripts/measure_furniture.py [--n 500] [--sample 200] [--out /tmp/drops.tsv]
    .venv/bin/python scripts/measure_furniture.py --score /tmp/drops.tsv
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.clean.furniture import clean_text  # noqa: E402
from rasad.ingest.records import compose_text  # noqa: E402

NEWS = ROOT / ".." / "shared" / "data" / "news"
CORPORA = {"ant": ("ant-2018.jsonl.gz", "text"), "snn": ("saudinewsnet-2015.jsonl.gz", "content")}


def sample_records(path: Path, n: int, rng: random.Random) -> list[dict]:
    """n records chosen uniformly at random in one streamed pass (reservoir sampling)."""
    chosen: list[dict] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < n:
                chosen.append(json.loads(line))
            elif (j := rng.randrange(i + 1)) < n:
                chosen[j] = json.loads(line)
    return chosen


def measure(n: int, seed: int) -> tuple[Counter, list[tuple[str, str, str, str]]]:
    """Line counts and every dropped line as (corpus, source, reason, text)."""
    counts: Counter = Counter()
    drops = []
    for corpus, (name, field) in CORPORA.items():
        for rec in sample_records(NEWS / name, n, random.Random(seed)):
            body = str(rec.get(field) or "")
            title = (rec.get("title") or "").strip() or None
            counts[corpus, "lines"] += sum(1 for line in body.splitlines() if line.strip())
            _, removed = clean_text(title, compose_text(title, body))
            src = rec.get("src") or rec.get("source") or ""
            for r in removed:
                counts[corpus, r.reason] += 1
                drops.append((corpus, src, r.reason, r.text))
    return counts, drops


def report(counts: Counter, drops: list) -> None:
    """Print lines and drops per corpus and reason."""
    for corpus in CORPORA:
        lines = counts[corpus, "lines"]
        dropped = sum(v for (c, r), v in counts.items() if c == corpus and r != "lines")
        print(f"{corpus}: {lines} body lines, {dropped} dropped ({dropped / max(lines, 1):.1%})")
        for (c, r), v in sorted(counts.items()):
            if c == corpus and r != "lines":
                print(f"  {r:14} {v}")


def write_sample(drops: list, k: int, seed: int, out: Path) -> None:
    """A random sample of dropped lines to hand-check (column ok: y/n)."""
    sample = random.Random(seed).sample(drops, min(k, len(drops)))
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["ok", "corpus", "source", "reason", "text"])
        for row in sample:
            w.writerow(["", *row])
    print(f"{len(sample)} dropped lines to check -> {out}")


def score(path: Path) -> None:
    """Precision of the drops from a hand-checked sample file."""
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["ok"] in ("y", "n")]
    good = sum(r["ok"] == "y" for r in rows)
    print(f"precision {good}/{len(rows)} = {good / max(len(rows), 1):.3f}")
    for r in rows:
        if r["ok"] == "n":
            print("  wrongly dropped:", r["reason"], r["text"][:100])


def main() -> int:
    """Measure, or score a checked sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles per corpus")
    parser.add_argument("--sample", type=int, default=200, help="dropped lines to check")
    parser.add_argument("--seed", type=int, default=13)
    default_out = (
        Path(tempfile.gettempdir()) / "furniture_sample.tsv"
    )  # corpus text: not for the repo
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--score", type=Path, help="a checked sample file")
    args = parser.parse_args()
    if args.score:
        score(args.score)
        return 0
    if not NEWS.exists():
        print(f"corpora not found under {NEWS}", file=sys.stderr)
        return 1
    counts, drops = measure(args.n, args.seed)
    report(counts, drops)
    write_sample(drops, args.sample, args.seed, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
