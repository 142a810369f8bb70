"""Throughput of the quotes stage alone (its prerequisites run first, untimed) over ANT.

Usage: .venv/bin/python bench/bench_quotes.py [N]   (default 1000 articles; one core)
Skips cleanly without ../shared.
"""

from __future__ import annotations

import sys
import time

from common import ant_articles, have_ant


def main() -> None:
    """Print a small table: articles, quotes found, seconds, articles/s."""
    if not have_ant():
        return
    from rasad.extract.quotes import quotes

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    articles = ant_articles(n, upto="quotes")
    with_mentions = sum(bool(a.mentions) for a in articles)
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(len(quotes(a).quotes) for a in articles)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(articles)
    # CPU time is the one-core figure on a shared machine; wall time includes waiting.
    print(
        f"{'articles':>9}{'w/ mentions':>13}{'quotes':>8}{'cpu s':>8}{'art/s cpu':>11}{'art/s wall':>12}"
    )
    print(f"{n:>9}{with_mentions:>13}{found:>8}{cpu:>8.2f}{n / cpu:>11.0f}{n / wall:>12.0f}")


if __name__ == "__main__":
    main()
