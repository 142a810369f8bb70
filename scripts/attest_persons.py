"""Attest the persons and outlets lexicons against the news corpora in ../shared/data/news.

Counts, for each Arabic/Latin variant, its whole-token occurrences in the normalized text of
every article (a clitic و/ف/ب/ل or two of them may precede the first token; ل + ال → لل), and
reports the share of entries with at least one attested variant and the unattested spellings.

Usage: ``.venv/bin/python scripts/attest_persons.py [--limit N] [--unattested FILE]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
ACTORS = REPO / "rasad" / "data" / "actors"
sys.path.insert(0, str(REPO))

from rasad.analyze.normalize import normalize  # noqa: E402

TOKEN = re.compile(r"\w+")  # after normalize(): letters and digits only, never ، ؛ ؟
CLITICS = ("و", "ف", "ب", "ل")


def tokens(text: str) -> list[str]:
    """Normalized word tokens of a text."""
    return TOKEN.findall(normalize(text))


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of one of the actor TSV files (``#`` header skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    cols = lines[0].split("\t")
    return [dict(zip(cols, ln.split("\t"), strict=True)) for ln in lines[1:]]


def load_entries() -> dict[str, list[dict[str, str]]]:
    """Entries per file name for persons*.tsv and outlets*.tsv."""
    out = {}
    for pattern in ("persons*.tsv", "outlets*.tsv"):
        for path in sorted(ACTORS.glob(pattern)):
            out[path.name] = read_rows(path)
    return out


def variant_index(entries) -> dict[str, set[tuple[str, ...]]]:
    """Every variant's token tuple, indexed by its first token."""
    index: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for rows in entries.values():
        for row in rows:
            for v in row["variants"].split("|"):
                toks = tuple(tokens(v))
                if toks:
                    index[toks[0]].add(toks)
    return index


def first_forms(tok: str) -> list[str]:
    """The token and its forms without one or two clitic letters (لل → ل + ال)."""
    forms = [tok]
    for cut in (1, 2):
        if len(tok) > cut + 1 and all(c in CLITICS for c in tok[:cut]):
            rest = tok[cut:]
            forms.append(rest)
            if tok[cut - 1] == "ل" and rest.startswith("ل"):
                forms.append("ا" + rest)
    return forms


def count_article(toks: list[str], index, counts: Counter) -> None:
    """Add the variant occurrences found in one article's tokens."""
    for i, tok in enumerate(toks):
        for form in first_forms(tok):
            for variant in index.get(form, ()):
                n = len(variant)
                if n == 1 or tuple(toks[i + 1 : i + n]) == variant[1:]:
                    counts[variant] += 1


def articles(limit: int | None):
    """Texts (title + body) of the news corpora, streamed."""
    n = 0
    for path in sorted(NEWS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield " ".join(str(rec.get(k) or "") for k in ("title", "text", "content"))
                n += 1
                if limit and n >= limit:
                    return


def report(entries, counts: Counter, unattested_path: Path | None) -> None:
    """Print attestation shares per file and write the unattested spellings."""
    lines = []
    for name, rows in entries.items():
        hit = 0
        for row in rows:
            found = [v for v in row["variants"].split("|") if counts[tuple(tokens(v))]]
            hit += bool(found)
            missing = [v for v in row["variants"].split("|") if not counts[tuple(tokens(v))]]
            lines.extend(
                f"{name}\t{row['id']}\t{v}\t{'entry-unattested' if not found else ''}"
                for v in missing
            )
        share = hit / len(rows) if rows else 0.0
        print(f"{name:24} {len(rows):6} entries  {hit:6} attested  {share:6.1%}")
    if unattested_path:
        unattested_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"unattested spellings: {len(lines)} -> {unattested_path}")


def main() -> None:
    """Count variants over the corpora and report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N articles (e.g. 2000)")
    ap.add_argument("--unattested", type=Path, help="write unattested spellings (TSV) here")
    ap.add_argument("--counts", type=Path, help="write every variant's count (TSV) here")
    args = ap.parse_args()
    if not NEWS.exists():
        sys.exit(f"missing {NEWS}: attest_persons.py needs ../shared")
    entries = load_entries()
    index, counts = variant_index(entries), Counter()
    for text in articles(args.limit):
        count_article(tokens(text), index, counts)
    report(entries, counts, args.unattested)
    if args.counts:
        rows = sorted(counts.items(), key=lambda kv: -kv[1])
        args.counts.write_text("".join(f"{' '.join(k)}\t{v}\n" for k, v in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
