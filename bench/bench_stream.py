"""Streaming: peak memory of ``rasad analyze`` over a large generated JSONL (bounded memory)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = "قال وزير الخارجية في مؤتمر صحفي اليوم إن المحادثات مع الوفد مستمرة. " * 20


def make_input(path: Path, megabytes: int) -> int:
    """Write about ``megabytes`` MB of JSON Lines; return the record count."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < megabytes * 1_000_000:
            fh.write(
                json.dumps({"id": n, "title": f"خبر {n}", "text": PARAGRAPH}, ensure_ascii=False)
                + "\n"
            )
            n += 1
    return n


def main() -> int:
    """Generate the input, run the CLI on it, print records/s and the child's peak RSS."""
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.jsonl"
        n = make_input(src, megabytes)
        t0 = time.perf_counter()
        cmd = [
            sys.executable,
            "-m",
            "rasad.cli",
            "analyze",
            str(src),
            "--stages",
            "clean",
            "-o",
            "/dev/null",
        ]
        subprocess.run(cmd, check=True)
        spent = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{megabytes} MB JSONL, {n} records, stage 'clean': {n / spent:.0f} records/s, "
        f"peak RSS of the analyze process {peak:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
