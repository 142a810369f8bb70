"""Attestation of the actor lexicon in the news corpora (ANT 2018 + SaudiNewsNet 2015).

Counts how often every surface form occurs as a token n-gram in the normalized corpora (text
tokens with proclitics و ف ب ل ك stripped, لل read as ال), then reports per actor type the share
of entries with at least one attested surface, and unattested spellings that look like errors
(an unattested variant one or two edits away from an attested spelling of the same entry).

Usage: .venv/bin/python scripts/attest_actors.py [--limit N] [--out counts.tsv]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.analyze.lexicon import load_lexicon, surface_key  # noqa: E402
from rasad.analyze.normalize import normalize  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news"
CORPORA = {
    "ant-2018.jsonl.gz": ("title", "text"),
    "saudinewsnet-2015.jsonl.gz": ("title", "content"),
}
TOKEN = re.compile(r"\w+|[^\w\s]")
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def texts(limit: int | None):
    """Normalized article texts, streamed."""
    for name, fields in CORPORA.items():
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in islice(fh, limit):
                rec = json.loads(line)
                yield normalize(" ".join(rec.get(f) or "" for f in fields))


def readings(tok: str) -> list[str]:
    """A token and its proclitic-stripped readings ('وللعراق' → ..., 'العراق')."""
    out = [tok]
    for p in PROCLITICS:
        if tok.startswith(p) and len(tok) > len(p) + 1:
            rest = tok[len(p) :]
            out.append("ا" + rest if rest.startswith("ل") and p.endswith("ل") else rest)
            out.append(rest)
    return out


def count(keys: set[tuple[str, ...]], first: set[str], max_len: int, limit: int | None) -> Counter:
    """Occurrences of each key in the corpora."""
    found: Counter = Counter()
    for text in texts(limit):
        toks = TOKEN.findall(text)
        for i, tok in enumerate(toks):
            for head in readings(tok):
                if head not in first:
                    continue
                for n in range(1, min(max_len, len(toks) - i) + 1):
                    key = (head, *toks[i + 1 : i + n])
                    if key in keys:
                        found[key] += 1
    return found


def near(a: str, b: str) -> bool:
    """True if two spellings are one or two edits apart (typo-like)."""
    if a.replace(" ", "") == b.replace(" ", "") or a.count(" ") != b.count(" "):
        return False  # spacing variants (عبد الله/عبدالله) and title variants are deliberate
    return abs(len(a) - len(b)) <= 2 and SequenceMatcher(None, a, b).ratio() >= 0.8


def report(lex, found: Counter) -> None:
    """Print attestation shares per type and suspicious unattested spellings."""
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    suspicious = []
    for e in lex.entries():
        keys = {surface_key(s): s for s in e.surfaces}
        seen = [k for k in keys if found[k]]
        group = e.type + (
            "/petrarch" if e.id.startswith("a:") and not e.wikidata and _generated(e) else ""
        )
        by_type[group][0] += bool(seen)
        by_type[group][1] += 1
        for k, s in keys.items():
            if not found[k] and any(near(" ".join(k), " ".join(a)) for a in seen):
                suspicious.append((e.id, s))
    print(f"{'type':<16}{'attested':>10}{'entries':>10}{'share':>8}")
    for t, (a, n) in sorted(by_type.items()):
        print(f"{t:<16}{a:>10}{n:>10}{a / n:>8.1%}")
    reviewed = reviewed_variants()
    fresh = [x for x in suspicious if x not in reviewed]
    print(f"\nunattested spellings near an attested one ({len(suspicious)}, "
          f"{len(suspicious) - len(fresh)} reviewed in variants_reviewed.tsv):")  # fmt: skip
    for actor_id, s in sorted(fresh)[:200]:
        print(f"  {actor_id}\t{s}")


def reviewed_variants() -> set[tuple[str, str]]:
    """(id, surface) pairs kept by hand although unattested (variants_reviewed.tsv)."""
    from rasad.data.loader import DATA_DIR, read_tsv

    if not (DATA_DIR / "actors" / "variants_reviewed.tsv").exists():
        return set()
    return {(r["id"], r["surface"]) for r in read_tsv("actors/variants_reviewed.tsv")}


_GENERATED: set[str] = set()


def _generated(entry) -> bool:
    return entry.id in _GENERATED


def load_generated_ids() -> None:
    """Ids of machine-generated person entries (persons_petrarch.tsv), reported apart."""
    from rasad.data.loader import DATA_DIR, read_tsv

    if (DATA_DIR / "actors" / "persons_petrarch.tsv").exists():
        curated = {r["id"] for r in read_tsv("actors/persons.tsv")}
        _GENERATED.update(r["id"] for r in read_tsv("actors/persons_petrarch.tsv"))
        _GENERATED.difference_update(curated)


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus (default all)")
    ap.add_argument("--out", type=Path, help="write surface counts as TSV here")
    args = ap.parse_args()
    if not NEWS.exists():
        sys.exit("../shared/data/news not available")
    lex = load_lexicon()
    load_generated_ids()
    keys = {surface_key(s) for e in lex.entries() for s in e.surfaces} - {()}
    first = {k[0] for k in keys}
    found = count(keys, first, max(map(len, keys)), args.limit)
    report(lex, found)
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            fh.write("surface\tcount\n")
            for k in sorted(keys):
                fh.write(f"{' '.join(k)}\t{found[k]}\n")


if __name__ == "__main__":
    main()
