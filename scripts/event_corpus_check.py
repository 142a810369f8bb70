"""Events over ANT middleEast articles: counts per CAMEO root and a sample for a hand check.

Streams ../shared/data/news/ant-2018.jsonl.gz (ANT Corpus v2.1, Apache-2.0), takes every
k-th middleEast article until N are read, runs the full pipeline, prints event counts per root
and trigger-pattern counts, and writes a seeded random sample of events (sentence, trigger,
code, source → target) as TSV for precision judgement by hand.
Usage: ``python scripts/event_corpus_check.py [N] [SAMPLE.tsv] [SEED] [PHASE] [SKIP]``
(defaults 1000, /tmp, 13, 0, 0). A fresh hand check uses a new PHASE (which of every STEP
articles is read, 0..STEP-1) or skips the SKIP articles an earlier check read, and a new SEED,
so that no article of an earlier check is judged again.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.api import analyze  # noqa: E402

ANT = ROOT / ".." / "shared" / "data" / "news" / "ant-2018.jsonl.gz"
STEP = 7  # spread the sample over the corpus period
CUTS = (0.3, 0.35, 0.4, 0.45, 0.5)


def articles(n: int, phase: int = 0, skip: int = 0):
    """n middleEast articles (every STEP-th, offset by phase, after skipping some), streamed."""
    seen = taken = 0
    with gzip.open(ANT, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("cat") != "middleEast" or not rec.get("text"):
                continue
            seen += 1
            if seen % STEP != phase % STEP:
                continue
            if skip > 0:
                skip -= 1
                continue
            yield rec
            taken += 1
            if taken >= n:
                return


def _published(rec: dict) -> str | None:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(rec["time"]).date().isoformat()
    except (KeyError, TypeError, ValueError):
        return None


def run(n: int, phase: int = 0, skip: int = 0) -> tuple[Counter, list[dict], int, float]:
    """Counts per root and every event with its sentence, over n articles."""
    roots: Counter = Counter()
    rows = []
    start = time.perf_counter()
    for rec in articles(n, phase, skip):
        d = analyze(rec["text"], title=rec.get("title"), published=_published(rec)).to_dict()
        names = {a["id"]: a.get("name_ar") or a["name"] for a in d["actors"]}
        for e in d["events"]:
            roots[e["root"]] += 1
            s, t = d["sentences"][e["sentence"]] if e["sentence"] is not None else (0, 0)
            rows.append(
                {
                    "doc": rec.get("docno"),
                    "code": e["code"],
                    "trigger": e["trigger"]["text"],
                    "source": ",".join(names.get(x, x) for x in e["source"]),
                    "target": ",".join(names.get(x, x) for x in e["target"]),
                    "neg": e["negated"],
                    "mod": e["modality"],
                    "conf": e["confidence"],
                    "sentence": d["text"][s:t].replace("\n", " ").replace("\t", " "),
                }
            )
    return roots, rows, n, time.perf_counter() - start


def main() -> int:
    """Print counts, write the hand-check sample."""
    if not ANT.exists():
        print(f"missing {ANT}", file=sys.stderr)
        return 1
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/rasad_event_sample.tsv")
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 13
    phase = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    skip = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    roots, rows, n, secs = run(n, phase, skip)
    print(f"{n} articles, {len(rows)} events, {secs:.0f}s full pipeline")
    for cut in CUTS:  # the recall cost of a confidence threshold
        kept = sum(r["conf"] >= cut for r in rows)
        print(f"confidence >= {cut}: {kept} events, {kept / max(n, 1):.2f} per article")
    for root in sorted(roots):
        print(f"root {root}\t{roots[root]}")
    sample = random.Random(seed).sample(rows, min(50, len(rows)))
    cols = ["doc", "code", "trigger", "source", "target", "neg", "mod", "conf", "sentence"]
    with out.open("w", encoding="utf-8") as fh:
        fh.write("ok\t" + "\t".join(cols) + "\n")
        for r in sample:
            fh.write("\t" + "\t".join(str(r[c]) for c in cols) + "\n")
    print(f"wrote {len(sample)} events for hand checking to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
