"""Throughput of the date stage alone over the first N ANT articles (one core).

Usage: .venv/bin/python bench/bench_dates.py [N]   (default 2000 articles)
Skips cleanly without ../shared.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from email.utils import parsedate_to_datetime

from common import ant_records, have_ant


def load(n: int) -> list[tuple[str, str | None]]:
    """(text, published ISO date) of the first ``n`` ANT articles."""
    out = []
    for rec in ant_records(n):
        try:
            pub = parsedate_to_datetime(rec.get("time") or "").date().isoformat()
        except (TypeError, ValueError):
            pub = None
        out.append((rec["text"], pub))
    return out


def main() -> None:
    """Time find_dates over the articles and print a small table."""
    if not have_ant():
        return
    from rasad.analyze.dates import find_dates

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    docs = load(n)
    find_dates("اليوم", "2021-03-02")  # build the grammar outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    found = [find_dates(text, pub) for text, pub in docs]
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(t) for t, _ in docs)
    precisions = Counter(d.precision for ds in found for d in ds)
    print(f"{'articles':<22}{len(docs):>10}")
    print(f"{'chars/article':<22}{chars / len(docs):>10.0f}")
    print(f"{'seconds':<22}{dt:>10.2f}")
    print(f"{'cpu seconds':<22}{cpu:>10.2f}")
    print(f"{'articles/s (wall)':<22}{len(docs) / dt:>10.0f}")
    print(f"{'articles/s (cpu)':<22}{len(docs) / cpu:>10.0f}")
    print(f"{'dates found':<22}{sum(map(len, found)):>10}")
    for p, c in precisions.most_common():
        print(f"{'  ' + p:<22}{c:>10}")


if __name__ == "__main__":
    main()
