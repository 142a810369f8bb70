"""Throughput of the text layer (clean + sentences + tokens) on ANT articles, one core.

    .venv/bin/python bench/bench_textlayer.py [--n 3000]

Prints articles/s per stage (CPU time of this process, so other jobs on the machine do not
count; the best of --repeat runs) and for the three together. A first pass fills the
caches, as in a long batch run, and is reported on its own. Skips cleanly without ../shared.
"""

from __future__ import annotations

import argparse
import sys
import time

from common import ant_records, have_ant

from rasad.analyze.sentences import sentences  # noqa: E402
from rasad.analyze.tokens import tokenize, tokens  # noqa: E402
from rasad.clean.furniture import clean  # noqa: E402
from rasad.ingest.records import compose_text  # noqa: E402
from rasad.model import Article  # noqa: E402

STAGES = (("clean", clean), ("sentences", sentences), ("tokens", tokens))


def load(n: int) -> list[tuple[str, str]]:
    """(title, composed text) of the first n ANT articles."""
    out = []
    for rec in ant_records(n):
        title = rec.get("title") or None
        out.append((title, compose_text(title, rec["text"])))
    return out


def run(docs: list[tuple[str, str]]) -> dict[str, float]:
    """Seconds spent in each stage over all documents."""
    spent = dict.fromkeys((name for name, _ in STAGES), 0.0)
    for title, text in docs:
        article = Article(text=text, title=title, id="x")
        for name, stage in STAGES:
            t0 = time.process_time()
            article = stage(article)
            spent[name] += time.process_time() - t0
    return spent


def main() -> int:
    """Warm up, then time and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not have_ant():
        return 0
    docs = load(args.n)
    t0 = time.process_time()
    tokenize("والحكومة")  # loads the segmentation lexicon
    loading = time.process_time() - t0
    cold = sum(run(docs).values())  # first pass: fills the segment() and token caches
    runs = [run(docs) for _ in range(args.repeat)]
    spent = {name: min(r[name] for r in runs) for name in runs[0]}  # best run, as timeit
    total = sum(spent.values())
    chars = sum(len(t) for _, t in docs)
    print(f"{len(docs)} ANT articles, {chars / len(docs):.0f} chars on average")
    print(f"{'stage':12} {'seconds':>8} {'articles/s':>11}")
    for name, sec in [*spent.items(), ("text layer", total), ("first pass", cold)]:
        print(f"{name:12} {sec:8.2f} {len(docs) / sec:11.0f}")
    print(f"(first pass: the text layer with empty caches; lexicon loading {loading:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
