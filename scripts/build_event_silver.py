"""Build the weakly supervised sentence detector for PROTEST and ASSAULT events (silver data).

No labelled data is used. Sentences of unlabelled news (../shared/data/news: ANT Corpus v2.1,
Apache-2.0; SaudiNewsNet, CC BY-NC-SA 4.0) are labelled by rules (labelling functions):

- positive: an asserted, non-negated trigger of the type AND a specific-event context (a count
  or "yesterday" near it, or a date expression in the sentence) AND an anchor (the trigger has
  a source, target or place, or the sentence names a place);
- hard negative: the type's triggers are all negated / intended / hypothetical / demanded, or
  no asserted trigger has a specific context (a generic, habitual or undated mention);
- easy negative: a random share of the sentences with no trigger of the type;
- anything else abstains.

A logistic regression (L2, scipy L-BFGS) over ``silver_features`` (trigger identity and
polarity, evidence, arguments, mention types, context words) is fitted on the silver rows and
written to rasad/data/events/detection_silver.tsv. The model never sees gsr-dev; score it
with ``python scripts/build_event_silver.py --dev`` (all of gsr-dev, a true held-out set).
Usage: ``python scripts/build_event_silver.py [ARTICLES_PER_CORPUS]`` (default 2500).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.api import analyze as run_pipeline  # noqa: E402
from rasad.evaluate.event_model import silver_features  # noqa: E402
from rasad.evaluate.events import TYPE_ROOTS  # noqa: E402
from rasad.extract.events import analyze as find_events  # noqa: E402

NEWS = ROOT / ".." / "shared" / "data" / "news"
CORPORA = {
    "ant-2018.jsonl.gz": ("text", "title"),
    "saudinewsnet-2015.jsonl.gz": ("content", "title"),
}
OUT = ROOT / "rasad" / "data" / "events" / "detection_silver.tsv"
STAGES = ["clean", "sentences", "tokens", "entities", "dates"]
EASY_SHARE = 0.03  # of trigger-free sentences kept as easy negatives
MIN_COUNT = 5  # a feature must occur in this many silver rows to get a weight
L2 = 1.0


def records(name: str, n: int):
    """The first n articles with text of one corpus, streamed."""
    body, title = CORPORA[name]
    with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
        taken = 0
        for line in fh:
            rec = json.loads(line)
            if rec.get(body):
                yield rec[body], rec.get(title)
                taken += 1
                if taken >= n:
                    return


def label(fs: list, n_dates: int, types: set[str], roots: frozenset[str]) -> int | None:
    """The labelling functions: 1, 0 or None (abstain) for one sentence and event type."""
    fs = [f for f in fs if f.code[:2] in roots]
    if not fs:
        return None
    on = [f for f in fs if not f.negated and f.modality == "asserted"]
    if not on:
        return 0
    specific = n_dates > 0 or any(f.evidence for f in on)
    anchored = bool(types & {"GPE", "LOC"}) or any(
        f.args.source or f.args.target or f.args.location for f in on
    )
    if specific and anchored:
        return 1
    return None if specific else 0


def sentence_rows(article, found, rng: random.Random) -> list[tuple[str, dict, int]]:
    """(type, features, silver label) of the article's labelled sentences."""
    tokens = article.cache.get("tokens", [])
    by_sent: dict[int, list] = {}
    for t in tokens:
        by_sent.setdefault(t.sent, []).append(t)
    rows = []
    for i, (a, b) in enumerate(article.sentences):
        toks = by_sent.get(i, [])
        fs = [f for f in found if f.sentence == i]
        types = {m.type for m in article.mentions if a <= m.start < b}
        n_dates = sum(a <= d.start < b for d in article.dates)
        for kind, roots in TYPE_ROOTS.items():
            y = label(fs, n_dates, types, roots)
            if y is None and not any(f.code[:2] in roots for f in fs):
                y = 0 if rng.random() < EASY_SHARE else None
            if y is not None:
                rows.append((kind, silver_features(toks, types, n_dates, fs, kind), y))
    return rows


def silver(n: int) -> list[tuple[str, dict, int]]:
    """Silver rows from n articles of each corpus."""
    rng, rows = random.Random(7), []
    for name in CORPORA:
        for text, title in records(name, n):
            try:
                article = run_pipeline(text, title=title, stages=STAGES)
            except Exception:  # noqa: BLE001 - an unreadable article is skipped, not fatal
                continue
            rows += sentence_rows(article, find_events(article), rng)
    return rows


def fit(rows: list[tuple[dict, int]]) -> dict[str, float]:
    """L2 logistic regression over the features seen MIN_COUNT times (scipy L-BFGS)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter(k for feats, _ in rows for k in feats)
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT or k == "bias")
    index = {k: j for j, k in enumerate(names)}
    data, cols, ptr = [], [], [0]
    for feats, _ in rows:
        for k, v in feats.items():
            if k in index:
                data.append(v)
                cols.append(index[k])
        ptr.append(len(cols))
    x = csr_matrix((data, cols, ptr), shape=(len(rows), len(names)))
    y = np.array([lab for _, lab in rows], dtype=float)
    pen = np.full(len(names), L2)
    pen[index["bias"]] = 0.0

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        nll = np.logaddexp(0, z).sum() - y @ z
        return nll + 0.5 * (pen * w * w).sum(), x.T @ (p - y) + pen * w

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True) if abs(v) >= 0.01}


HEADER = """\
# Weakly supervised sentence detector for PROTEST and ASSAULT events: sparse logistic-regression
#   weights over rasad.evaluate.event_model.silver_features, and the probability threshold.
# Source: silver labels from rules over unlabelled news in ../shared/data/news (ANT Corpus v2.1,
#   Apache-2.0; SaudiNewsNet, CC BY-NC-SA 4.0); no labelled data, gsr-dev never used in fitting.
# Licence: CC BY-NC-SA 4.0 (derived in part from SaudiNewsNet statistics).
# How built: scripts/build_event_silver.py ({n} articles per corpus; {rows}).
"""


def write(models: dict[str, dict[str, float]], n: int, summary: str) -> None:
    """The model file, with its header."""
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(n=n, rows=summary))
        fh.write("type\tfeature\tweight\n")
        for kind, weights in models.items():
            fh.write(f"{kind}\tthreshold\t0.5\n")
            for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
                fh.write(f"{kind}\t{k}\t{v}\n")


def main() -> int:
    """Build silver rows, fit one model per type, write the data file."""
    if not (NEWS / "ant-2018.jsonl.gz").exists():
        print(f"missing {NEWS}", file=sys.stderr)
        return 1
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500
    rows = silver(n)
    models, parts = {}, []
    for kind in TYPE_ROOTS:
        mine = [(f, y) for k, f, y in rows if k == kind]
        pos = sum(y for _, y in mine)
        parts.append(f"{kind} {pos} positive / {len(mine) - pos} negative silver sentences")
        models[kind] = fit(mine)
        print(parts[-1], f"{len(models[kind])} weights")
    write(models, n, "; ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
