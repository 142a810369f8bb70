#!/usr/bin/env python3
"""Build word clusters for the NER features: k-means over SVD-reduced PPMI co-occurrence vectors.

Reads ../shared/data/news/{ant-2018,saudinewsnet-2015}.jsonl.gz (streamed, subsampled), keeps
the most frequent normalized words, counts +-2 window co-occurrences with the most frequent
context words, reweights with PPMI, reduces with a truncated SVD and clusters with spherical
k-means at two granularities (fine, and coarse clusters of the fine centroids, like Brown
prefixes). Writes rasad/data/models/clusters.tsv.gz (word, fine, coarse). Needs numpy + scipy.

Usage: python scripts/build_clusters.py [--every 1] [--words 50000] [--k 512]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from rasad.analyze.normalize import normalize  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "news"
OUT = ROOT / "rasad" / "data" / "models" / "clusters.tsv.gz"
WORD = re.compile(r"[\u0621-\u064a]+|[a-z]+[0-9]*")
CORPORA = (("ant-2018.jsonl.gz", "text"), ("saudinewsnet-2015.jsonl.gz", "content"))


def stream_docs(every: int, limit_s: float):
    """Texts of every n-th article of both corpora (stops reading after limit_s seconds)."""
    t0 = time.time()
    for name, field in CORPORA:
        with gzip.open(SHARED / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % every:
                    continue
                if time.time() - t0 > limit_s:
                    return
                yield json.loads(line).get(field) or ""


def encode(every: int, limit_s: float) -> tuple[np.ndarray, list[str]]:
    """All tokens as ids (documents separated by -1) and the id -> word list."""
    ids: dict[str, int] = {}
    out: list[int] = []
    for text in stream_docs(every, limit_s):
        for w in WORD.findall(normalize(text)):
            out.append(ids.setdefault(w, len(ids)))
        out.append(-1)
    words = [""] * len(ids)
    for w, i in ids.items():
        words[i] = w
    return np.array(out, dtype=np.int64), words


def cooccurrence(seq: np.ndarray, target: np.ndarray, context: np.ndarray, window: int):
    """Sparse target x context counts over a +-window (documents do not leak into each other)."""
    rows, cols = [], []
    for d in range(1, window + 1):
        for a, b in ((seq[:-d], seq[d:]), (seq[d:], seq[:-d])):
            ok = (a >= 0) & (b >= 0)
            # a separator between a and b means different documents
            if d > 1:
                for k in range(1, d):
                    ok &= seq[k : len(seq) - d + k] >= 0
            ta, cb = target[np.where(ok, a, 0)], context[np.where(ok, b, 0)]
            keep = ok & (ta >= 0) & (cb >= 0)
            rows.append(ta[keep])
            cols.append(cb[keep])
    r, c = np.concatenate(rows), np.concatenate(cols)
    n_t, n_c = int(target.max()) + 1, int(context.max()) + 1
    return sparse.coo_matrix((np.ones(len(r), np.float32), (r, c)), shape=(n_t, n_c)).tocsr()


def ppmi(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive PMI with context-distribution smoothing (alpha 0.75)."""
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel() + 1e-9
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col = col / col.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (row[m.row] / total) / col[m.col])
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)


def kmeans(x: np.ndarray, k: int, iters: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means (rows of x are unit vectors); returns labels and centroids."""
    rng = np.random.default_rng(seed)
    cent = x[rng.choice(len(x), k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        for s in range(0, len(x), 8192):
            labels[s : s + 8192] = np.argmax(x[s : s + 8192] @ cent.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(axis=0)
                cent[j] = c / (np.linalg.norm(c) + 1e-9)
    return labels, cent


def build(args) -> None:
    """Run the whole build and write the clusters file."""
    t0 = time.time()
    seq, words = encode(args.every, args.read_seconds)
    freq = np.bincount(seq[seq >= 0], minlength=len(words))
    order = np.argsort(-freq)
    target = np.full(len(words), -1, np.int64)
    target[order[: args.words]] = np.arange(min(args.words, len(words)))
    context = np.full(len(words), -1, np.int64)
    context[order[: args.contexts]] = np.arange(min(args.contexts, len(words)))
    print(
        f"read {len(seq):,} tokens, {len(words):,} types in {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    m = ppmi(cooccurrence(seq, target, context, args.window))
    u, s, _ = svds(m.astype(np.float64), k=args.dims)
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    print(f"svd done in {time.time() - t0:.0f}s", file=sys.stderr)
    fine, cent = kmeans(x.astype(np.float32), args.k, args.iters)
    coarse_of_fine, _ = kmeans(cent, args.coarse, args.iters, seed=1)
    write(words, order[: args.words], fine, coarse_of_fine[fine], freq, args)
    print(f"wrote {OUT} in {time.time() - t0:.0f}s", file=sys.stderr)


def write(words, ids, fine, coarse, freq, args) -> None:
    """Write word, fine cluster, coarse cluster with the provenance header."""
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        fh.write(
            "# Word clusters for rasad's NER features (normalized words; fine and coarse k-means ids).\n"
            "# Source: ANT Corpus v2.1 (Apache-2.0; Chouigui et al. 2021) and SaudiNewsNet (CC BY-NC-SA 4.0,\n"
            "#   research use), read from ../shared/data/news; only cluster ids are kept, no text.\n"
            f"# Built by scripts/build_clusters.py: every {args.every}th article, {args.words} words x "
            f"{args.contexts} contexts, +-{args.window} window, PPMI, SVD {args.dims}, "
            f"spherical k-means k={args.k} then {args.coarse}.\n"
            "# Licence of this derived file: CC BY-NC-SA 4.0 (inherits SaudiNewsNet's terms).\n"
        )
        fh.write("word\tfine\tcoarse\n")
        for w, f, c in zip(ids, fine, coarse, strict=True):
            fh.write(f"{words[w]}\t{f}\t{c}\n")


def main() -> None:
    """Parse arguments and build."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--every", type=int, default=1, help="read every n-th article")
    ap.add_argument("--read-seconds", type=float, default=240.0, help="stop reading after this")
    ap.add_argument("--words", type=int, default=50000)
    ap.add_argument("--contexts", type=int, default=5000)
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--k", type=int, default=512)
    ap.add_argument("--coarse", type=int, default=64)
    ap.add_argument("--iters", type=int, default=20)
    build(ap.parse_args())


if __name__ == "__main__":
    main()
