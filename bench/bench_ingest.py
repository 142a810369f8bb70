"""Benchmark: ingest the first N ANT articles into a fresh corpus database, then time queries.

Prints articles/s end to end (all registered stages, one process), the share of time spent
storing, the database size, and the latency of each CLI query (library call including opening
the database; median of 5), plus the wall time of one real ``rasad`` process for reference.

Usage: .venv/bin/python bench/bench_ingest.py [--n 10000] [--db PATH] [--workers 1]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad import pipeline  # noqa: E402
from rasad.ingest.readers import iter_records  # noqa: E402
from rasad.store import db, export, query  # noqa: E402
from rasad.store.ingest import Ingester, ingest_records  # noqa: E402

ANT = ROOT.parent / "shared" / "data" / "news" / "ant-2018.jsonl.gz"


def timed_flush() -> list[float]:
    """Accumulate the time spent storing (Ingester.flush) into the returned list: [wall, CPU]."""
    spent = [0.0, 0.0]
    orig = Ingester.flush

    def flush(self, batch):
        t, c = time.perf_counter(), time.process_time()
        try:
            return orig(self, batch)
        finally:
            spent[0] += time.perf_counter() - t
            spent[1] += time.process_time() - c

    Ingester.flush = flush
    return spent


def run_ingest(path: Path, n: int, workers: int) -> dict:
    """Ingest the first n records and measure."""
    spent = timed_flush()
    t, c = time.perf_counter(), time.process_time()
    report = ingest_records(islice(iter_records([str(ANT)]), n), path, workers=workers)
    total, cpu = time.perf_counter() - t, time.process_time() - c
    con = db.connect(path, create=False)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s = query.stats(con, path)
    con.close()
    return {
        "report": report,
        "seconds": total,
        "cpu": cpu,
        "store_seconds": spent[0],
        "store_cpu": spent[1],
        "stats": s,
    }


QUERIES = {
    "search السعودية": lambda c: query.search(c, "السعودية"),
    "search phrase + outlet": lambda c: query.search(
        c, '"الأمم المتحدة"', query.Filters(outlet="BBC")
    ),
    "search + date range": lambda c: query.search(
        c, "ترامب", query.Filters(since="2018-05-01", until="2018-06-30")
    ),
    "search + country": lambda c: query.search(c, "الحكومة", query.Filters(country="IRN")),
    "search + actor": lambda c: query.search(c, "الحكومة", query.Filters(actor="United Nations")),
    "search + code": lambda c: query.search(c, "الحكومة", query.Filters(code="19")),
    "events": lambda c: query.events(c),
    "events --sort count": lambda c: query.events(c, sort="count"),
    "events --country USA": lambda c: query.events(c, query.Filters(country="USA")),
    "events --actor Trump": lambda c: query.events(c, query.Filters(actor="Trump")),
    "events --code 04 --since": lambda c: query.events(
        c, query.Filters(code="04", since="2018-06-01")
    ),
    "events --outlet": lambda c: query.events(c, query.Filters(outlet="BBC")),
    "actors": lambda c: query.actors(c),
    "actors --type PER --country USA": lambda c: query.actors(c, "PER", "USA"),
    "stats": lambda c: query.stats(c),
}


def time_queries(path: Path) -> list[tuple[str, float, int]]:
    """Median latency (ms) of each query, opening the database each time as the CLI does."""
    rows = []
    for name, fn in QUERIES.items():
        times, n = [], 0
        for _ in range(5):
            t = time.perf_counter()
            con = db.connect(path, create=False)
            n = len(fn(con))
            con.close()
            times.append((time.perf_counter() - t) * 1000)
        rows.append((name, statistics.median(times), n))
    return rows


def time_exports(path: Path) -> list[tuple[str, float, int]]:
    """Time of each export format over the whole corpus."""
    out = []
    con = db.connect(path, create=False)
    for fmt, fn in (
        ("jsonl", lambda: export.write_jsonl(con, io.StringIO())),
        ("csv events", lambda: export.write_csv(con, io.StringIO(), "events")),
        ("gdelt", lambda: export.write_gdelt(con, io.StringIO())),
    ):
        t = time.perf_counter()
        n = fn()
        out.append((f"export {fmt}", (time.perf_counter() - t) * 1000, n))
    con.close()
    return out


def cli_wall(path: Path) -> float:
    """Wall time (ms) of one real `rasad search` process, interpreter start included."""
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "rasad.cli", "search", "السعودية", "--db", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return (time.perf_counter() - t) * 1000


def main() -> int:
    """Run the benchmark and print tables."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument(
        "--db", help="database path (default: a temporary file; an existing db is reused)"
    )
    args = ap.parse_args()
    if not ANT.exists():
        print("../shared/data/news/ant-2018.jsonl.gz not available; skipping", file=sys.stderr)
        return 0
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    r = run_ingest(path, args.n, args.workers)
    rep, s = r["report"], r["stats"]
    print(f"stages: {', '.join(pipeline.stage_names()) or '(none)'}; workers {args.workers}")
    print(f"{'ingest':<34}{'value':>14}")
    for label, value in (
        ("records read", rep.read),
        ("articles stored", rep.stored),
        ("skipped", rep.skipped),
        ("errors", rep.errors),
        ("near-duplicates", rep.duplicates),
        ("stories", s["stories"]),
        ("mentions", s["mentions"]),
        ("actors", s["actors"]),
        ("events", s["events"]),
        ("corpus events", s["corpus_events"]),
        ("quotes", s["quotes"]),
        ("dates", s["dates"]),
        ("seconds", f"{r['seconds']:.1f}"),
        ("articles/s (end to end)", f"{rep.stored / r['seconds']:.1f}"),
        ("store share of time", f"{r['store_seconds'] / r['seconds']:.1%}"),
        ("store-only articles/s", f"{rep.stored / max(r['store_seconds'], 1e-9):.0f}"),
        ("CPU seconds (this process)", f"{r['cpu']:.1f}"),
        ("articles/s (CPU, end to end)", f"{rep.stored / r['cpu']:.1f}"),
        ("store ms/article (CPU)", f"{r['store_cpu'] / max(rep.stored, 1) * 1000:.2f}"),
        ("db size (MB)", f"{s['db_bytes'] / 1e6:.1f}"),
    ):
        print(f"{label:<34}{value!s:>14}")
    print(f"\n{'query (goal < 200 ms)':<34}{'ms':>8}{'rows':>7}")
    for name, ms, n in time_queries(path) + time_exports(path):
        print(f"{name:<34}{ms:>8.1f}{n:>7}")
    print(f"{'rasad search process (wall)':<34}{cli_wall(path):>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
