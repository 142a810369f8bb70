"""Print the quotes rasad finds in quote-rich ANT articles, with context, for reading by hand.

Articles: ANT 2018 articles under 6,000 characters with at least 5 quoted stretches of 4+
words, ranked per source by md5(seed + docno); ``--ranks 18:24`` takes ranks 18-23 of each
of the 5 sources (30 articles); ``--seed`` draws a different sample and ``--fresh 30`` leaves
out the unseeded ranks 0-29 (the samples read before). Every quote is printed with the 150
characters before it, how it was attributed, the speaker's text and actor, and the outlet; a
quote whose subject has no mention shows that subject (UNNAMED-SUBJECT), to list names the
entity stage missed.

Usage: .venv/bin/python scripts/audit_quotes.py --ranks 0:6 --seed r7a --fresh 30
       [--kinds direct,indirect]
Skips cleanly without ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "news" / "ant-2018.jsonl.gz"
sys.path.insert(0, str(ROOT))
PRIOR = ("clean", "sentences", "tokens", "entities", "dates")


def pick(lo: int, hi: int, seed: str = "", fresh: int = 0) -> list[dict]:
    """Quote-rich articles of ranks ``lo..hi-1`` per source (ranked by md5(seed + docno)),
    leaving out the first ``fresh`` ranks of the unseeded order (samples already read)."""
    from rasad.analyze.normalize import normalize
    from rasad.extract.quotes.marks import pair_marks, word_count

    by_src: dict[str, list] = defaultdict(list)
    with gzip.open(ANT, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            t = normalize(r["text"])
            n = sum(word_count(t[s.start : s.end]) >= 4 for s in pair_marks(t))
            if n >= 5 and len(t) < 6000:
                by_src[r["src"]].append(r)
    out = []
    for src in sorted(by_src):
        rows = sorted(by_src[src], key=lambda r: _rank(r, ""))
        pool = sorted(rows[fresh:], key=lambda r: _rank(r, seed))
        out.extend(pool[lo:hi])
    return out


def _rank(r: dict, seed: str) -> str:
    return hashlib.md5((seed + r["docno"]).encode()).hexdigest()


def show(k: int, r: dict, kinds: set[str]) -> None:
    """Print one article's quotes."""
    from rasad import pipeline
    from rasad.extract.quotes import find_quotes
    from rasad.extract.quotes.doc import Doc
    from rasad.model import Article

    art = Article(text=f"{r['title']}\n\n{r['text']}")
    for stage in pipeline.resolve([s for s in PRIOR if s in pipeline.stage_names()]):
        art = stage.load()(art)
    doc = Doc(art)
    names = {a.id: a.name for a in art.actors}
    print(f"=== A{k} {r['src']} {r['docno']}")
    for i, f in enumerate(find_quotes(doc)):
        if f.kind not in kinds:
            continue
        att = f.att
        spk = doc.norm[att.span[0] : att.span[1]] if att.span and att.speaker else "-"
        ctx = doc.norm[max(0, f.start - 150) : f.start].replace("\n", " / ")
        print(
            f"[{k}.{i}] {f.kind[:3]} {att.how} SPK={spk!r} ({names.get(att.speaker, att.speaker)})"
            f" VIA={names.get(att.via, att.via)}"
        )
        print(f"   ...{ctx}⟦{doc.norm[f.start : f.end][:70]}⟧")
        if att.speaker is None and att.span:
            # an unnamed subject: a name the entity stage may have missed (for its engineer)
            print(f"   UNNAMED-SUBJECT: {doc.norm[att.span[0] : att.span[1]][:60]!r}")


def main() -> None:
    """Parse arguments and print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ranks", default="18:24", help="rank window per source, e.g. 18:24")
    ap.add_argument("--seed", default="", help="prefix to the hash: a different sample")
    ap.add_argument("--fresh", type=int, default=0, help="leave out unseeded ranks below N")
    ap.add_argument("--kinds", default="direct", help="direct, indirect or direct,indirect")
    args = ap.parse_args()
    if not ANT.exists():
        print("skip: ../shared not available")
        return
    lo, hi = (int(x) for x in args.ranks.split(":"))
    for k, r in enumerate(pick(lo, hi, args.seed, args.fresh)):
        show(k, r, set(args.kinds.split(",")))


if __name__ == "__main__":
    main()
