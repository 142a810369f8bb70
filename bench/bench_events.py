"""Throughput of the events stage alone (upstream stages run first, untimed).

Reads the first N middleEast articles of ../shared/data/news/ant-2018.jsonl.gz, runs the
stages events requires, then times ``events()`` over them on one core.
Usage: ``python bench/bench_events.py [N]``; skips cleanly without ../shared.
"""

from __future__ import annotations

import sys
import time

from common import ant_articles, have_ant


def main() -> int:
    """Print a small table: articles, events, seconds, articles/s."""
    if not have_ant():
        return 0
    from rasad.extract.events import events

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    articles = ant_articles(n, upto="events", cat="middleEast")
    events(articles[0])  # warm the lexicon caches
    # CPU time of this process: the machine is shared, so wall time overstates the cost.
    start, cpu = time.perf_counter(), time.process_time()
    total = sum(len(events(a).events) for a in articles)
    secs, cpu = time.perf_counter() - start, time.process_time() - cpu
    n = len(articles)
    print(
        f"{'articles':>10} {'events':>8} {'wall s':>8} {'cpu s':>8} {'art/s wall':>11} {'art/s cpu':>10}"
    )
    print(f"{n:>10} {total:>8} {secs:>8.2f} {cpu:>8.2f} {n / secs:>11.0f} {n / cpu:>10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
