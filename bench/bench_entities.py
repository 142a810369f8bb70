#!/usr/bin/env python3
"""Throughput of the entity stage over ANT articles (the stages before it run first, untimed).

Times are CPU time of this process (the machine is shared), one core.

Usage: python bench/bench_entities.py [N]   (default 2000 articles; skips without ../shared)
"""

from __future__ import annotations

import sys
import time

from common import ant_articles, have_ant


def timed(docs) -> tuple[float, int, int]:
    """CPU seconds, tokens and mentions of the entity stage over these articles."""
    from rasad.analyze.entities import entities

    t0 = time.process_time()
    for a in docs:
        entities(a)
    dt = time.process_time() - t0
    return dt, sum(len(a.cache["tokens"]) for a in docs), sum(len(a.mentions) for a in docs)


def main() -> None:
    """Print a small table: articles, tokens, seconds, articles/s, tokens/s, mentions.

    Two rows: the first N articles with cold per-word caches (only one article seen before),
    then the next N articles with the caches the first N filled (a long batch's steady state).
    """
    if not have_ant():
        return
    from rasad.analyze.entities import entities
    from rasad.analyze.entities.lex import lexicon

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    docs = ant_articles(2 * n, upto="entities")
    lexicon()
    entities(docs[0])  # load the lexicon, CRF model and clusters
    print(
        f"{'caches':>6} {'articles':>9} {'tokens':>9} {'seconds':>8} {'art/s':>7} {'tok/s':>8} {'mentions':>9}"
    )
    for label, part in (("cold", docs[:n]), ("warm", docs[n:])):
        dt, ntok, nm = timed(part)
        print(
            f"{label:>6} {len(part):9d} {ntok:9d} {dt:8.2f} {len(part) / dt:7.0f} {ntok / dt:8.0f} {nm:9d}"
        )


if __name__ == "__main__":
    main()
