"""Benchmarks: whole pipeline and per-stage throughput and memory over ANT, then every
``bench/bench_*.py`` script. Run with ``make bench``; skips cleanly without ../shared."""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from common import ant_articles, have_ant


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_stages(n: int) -> None:
    """Time each registered stage over the same articles, in pipeline order."""
    from rasad import pipeline

    articles = ant_articles(n)
    print(f"pipeline over the first {len(articles)} ANT articles (one core)")
    # CPU time of this process: one core, and stable when other work shares the machine.
    print(f"{'stage':<12}{'load s':>8}{'articles/s':>12}{'wall art/s':>12}{'peak RSS MB':>13}")
    total = wall_total = 0.0
    for stage in pipeline.STAGES:
        t0 = time.perf_counter()
        fn = stage.load()
        fn(articles[0].__class__(text="تحميل نص عربي قصير"))  # first call: lexicons load
        load = time.perf_counter() - t0
        t0, w0 = time.process_time(), time.perf_counter()
        articles = [fn(a) for a in articles]
        spent, wall = time.process_time() - t0, time.perf_counter() - w0
        total, wall_total = total + spent, wall_total + wall
        n = len(articles)
        print(f"{stage.name:<12}{load:>8.2f}{n / spent:>12.0f}{n / wall:>12.0f}{rss_mb():>13.0f}")
    if total:
        n = len(articles)
        print(f"{'ALL':<12}{'':>8}{n / total:>12.0f}{n / wall_total:>12.0f}{rss_mb():>13.0f}")


def run_scripts(only: str | None) -> None:
    """Run the other bench_*.py scripts, each in its own process."""
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        if only and only not in script.name:
            continue
        print(f"\n== {script.name}", flush=True)
        subprocess.run([sys.executable, str(script)], check=False)


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--only", help="run only bench scripts whose name contains this")
    args = parser.parse_args()
    if not have_ant():
        return 0
    if not args.only:
        bench_stages(args.n)
    run_scripts(args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
