"""Evaluate rasad's near-duplicate detection and story grouping on ../shared/data/dedup.

1. Silver pairs (pairs_jaccard5.jsonl, ANT + SaudiNewsNet, exact 5-gram Jaccard >= 0.3): recall by
   Jaccard bin, both pairwise (the LSH finds the pair and the estimated similarity passes the
   threshold) and as story grouping (running the ingest-time assignment over the documents in
   date order, are both in one story?). Flagged pairs outside the silver set with an exact
   Jaccard below 0.3 are counted as likely false positives.
2. SemEval-2022 Task 8 Arabic pairs: mean estimated similarity and share flagged per human
   Overall score (1 = same story ... 4 = unrelated).

Usage: .venv/bin/python scripts/eval_dedup.py [--threshold 0.3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rasad.ingest.records import compose_text, parse_published  # noqa: E402
from rasad.store import dedup  # noqa: E402
from rasad.store.textkey import default_segmenter, search_body, words  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEGMENTER = default_segmenter()
BINS = [
    (1.0, 1.01, "1.0"),
    (0.9, 1.0, "0.9-1"),
    (0.7, 0.9, "0.7-0.9"),
    (0.5, 0.7, "0.5-0.7"),
    (0.3, 0.5, "0.3-0.5"),
]


def bin_of(j: float) -> str:
    """The README's Jaccard bin of a value."""
    return next(name for lo, hi, name in BINS if lo <= j < hi)


def load_docs(wanted: set[str]) -> dict[str, tuple[str, str]]:
    """Texts (composed title + body) and dates of the wanted ids, streamed from both corpora."""
    docs: dict[str, tuple[str, str]] = {}
    news = SHARED / "data" / "news"
    for name, prefix, key, body, when in (
        ("ant-2018.jsonl.gz", "ant:", "docno", "text", "time"),
        ("saudinewsnet-2015.jsonl.gz", "snn:", "url", "content", "date_extracted"),
    ):
        with gzip.open(news / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                did = prefix + str(r.get(key))
                if did in wanted and did not in docs:
                    docs[did] = (compose_text(r.get("title"), r.get(body) or ""), _day(r.get(when)))
    return docs


def _day(value: str | None) -> str:
    try:
        return (parse_published(value) or "")[:19]
    except Exception:
        return ""


def exact_jaccard(a: set, b: set) -> float:
    """Exact Jaccard of two shingle sets."""
    return len(a & b) / len(a | b) if a or b else 0.0


def silver(threshold: float) -> dict:
    """Recall by bin on the silver pairs, and likely false positives among their documents."""
    pairs = [
        json.loads(x)
        for x in (SHARED / "data/dedup/silver/pairs_jaccard5.jsonl").open(encoding="utf-8")
    ]
    docs = load_docs({p[k] for p in pairs for k in ("id1", "id2")})
    sigs = {d: dedup.signature(t) for d, (t, _) in docs.items()}
    ssigs = {d: dedup.story_signature(search_body(t, SEGMENTER)) for d, (t, _) in docs.items()}
    index = dedup.DedupIndex(threshold)
    for d in sorted(docs, key=lambda d: (docs[d][1], d)):  # ingest order: by date
        day = docs[d][1][:10] or None
        m = index.assign(d, sigs[d], ssigs[d], day)
        index.add(d, sigs[d], ssigs[d], m.story, day)
    found, total = defaultdict(lambda: [0, 0]), defaultdict(int)
    silver_keys = set()
    for p in pairs:
        a, b = p["id1"], p["id2"]
        if a not in docs or b not in docs:
            continue
        silver_keys.add(frozenset((a, b)))
        name = bin_of(p["jaccard_5gram"])
        total[name] += 1
        hit = (
            b in index.lsh.query(dedup._lean(sigs[a]))
            and dedup.similarity(sigs[a], sigs[b]) >= threshold
        )
        found[name][0] += hit
        found[name][1] += index.entries[a].story == index.entries[b].story
    fp = _false_positives(index, docs, sigs, silver_keys, threshold)
    sizes = defaultdict(int)
    for e in index.entries.values():
        sizes[e.story] += 1
    return {
        "pairs": sum(total.values()),
        "missing_docs": len(pairs) - sum(total.values()),
        "docs": len(docs),
        "stories": len(sizes),
        "largest_story": max(sizes.values()),
        "bins": {
            n: {
                "pairs": total[n],
                "pair_recall": found[n][0] / max(total[n], 1),
                "same_story": found[n][1] / max(total[n], 1),
            }
            for _, _, n in BINS
        },
        **fp,
    }


def _false_positives(index, docs, sigs, silver_keys, threshold) -> dict:
    flagged, low = 0, 0
    shingle_cache: dict[str, set] = {}
    for a in docs:
        for b in index.lsh.query(dedup._lean(sigs[a])):
            if a < b and dedup.similarity(sigs[a], sigs[b]) >= threshold:
                flagged += 1
                if frozenset((a, b)) not in silver_keys:
                    sa = shingle_cache.setdefault(a, set(dedup.shingles(words(docs[a][0]))))
                    sb = shingle_cache.setdefault(b, set(dedup.shingles(words(docs[b][0]))))
                    low += exact_jaccard(sa, sb) < 0.3
    return {"flagged_pairs": flagged, "flagged_below_0.3_not_in_silver": low}


def semeval(threshold: float) -> dict:
    """Mean estimated similarity and share flagged per human Overall score."""
    by_score: dict[float, list[tuple[float, float]]] = defaultdict(list)
    path = SHARED / "data/dedup/semeval2022-ar/ar_ar_pairs.jsonl"
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        sim = dedup.similarity(dedup.signature(r["text1"]), dedup.signature(r["text2"]))
        ssim = dedup.similarity(
            *(dedup.story_signature(search_body(r[k], SEGMENTER)) for k in ("text1", "text2"))
        )
        story = (
            sim >= threshold or ssim >= dedup.STORY_THRESHOLD
        )  # pairs are undated: assume in window
        by_score[round(float(r["Overall"]))].append((sim, ssim, sim >= threshold, story))
    return {
        str(s): {
            "pairs": len(v),
            "mean_est_sim": _mean(x[0] for x in v),
            "mean_story_sim": _mean(x[1] for x in v),
            "flagged_dup": _mean(x[2] for x in v),
            "same_story": _mean(x[3] for x in v),
        }
        for s, v in sorted(by_score.items())
    }


def _mean(xs) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else 0.0


def main() -> int:
    """Run both evaluations and print tables (and JSON with --json)."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--threshold", type=float, default=dedup.THRESHOLD)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (SHARED / "data/dedup").exists():
        print("../shared/data/dedup not available; skipping", file=sys.stderr)
        return 0
    sem = semeval(args.threshold)
    sil = silver(args.threshold)
    if args.json:
        print(json.dumps({"threshold": args.threshold, "silver": sil, "semeval": sem}, indent=1))
        return 0
    print(
        f"dup: estimated 5-gram Jaccard >= {args.threshold}; story: dup, or stem-bigram >= "
        f"{dedup.STORY_THRESHOLD} within +-{dedup.WINDOW_DAYS} days; MinHash {dedup.NUM_PERM} perms; "
        f"segmenter {SEGMENTER}"
    )
    print(f"\nsilver pairs: {sil['pairs']} with both texts ({sil['missing_docs']} missing)")
    print(f"{'bin':<9}{'pairs':>7}{'pair recall':>13}{'same story':>12}")
    for name, b in sil["bins"].items():
        print(f"{name:<9}{b['pairs']:>7}{b['pair_recall']:>13.3f}{b['same_story']:>12.3f}")
    print(f"{sil['docs']} documents in {sil['stories']} stories (largest: {sil['largest_story']})")
    print(
        f"flagged pairs among those documents: {sil['flagged_pairs']}, of which not silver and "
        f"exact Jaccard < 0.3: {sil['flagged_below_0.3_not_in_silver']}"
    )
    print("\nSemEval-2022 ar-ar (Overall 1 = same story ... 4 = unrelated)")
    print(f"{'score':<7}{'pairs':>6}{'5-gram sim':>12}{'bigram sim':>12}{'dup':>6}{'story':>7}")
    for s, v in sem.items():
        print(
            f"{s:<7}{v['pairs']:>6}{v['mean_est_sim']:>12.3f}{v['mean_story_sim']:>12.3f}"
            f"{v['flagged_dup']:>6.2f}{v['same_story']:>7.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
