"""Build rasad/data/wordfreq.tsv.gz: normalized Arabic word forms and their corpus counts.

Reads the ANT and SaudiNewsNet corpora from ../shared (streamed, one process) and keeps the
most frequent forms. The clitic segmenter uses it to tell whether a stripped form is a word.

    .venv/bin/python scripts/build_wordfreq.py [--top 200000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.analyze.normalize import TABLE  # noqa: E402

SHARED = ROOT / ".." / "shared" / "data" / "news"
OUT = ROOT / "rasad" / "data" / "wordfreq.tsv.gz"
CORPORA = {
    "ant-2018.jsonl.gz": ("title", "text"),
    "saudinewsnet-2015.jsonl.gz": ("title", "content"),
}
# Arabic letters with their marks and tatweel (a word of the lexicon is all Arabic).
ARABIC_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+")
HEADER = """# Arabic word-form frequencies (normalized with rasad.analyze.normalize), top {top} forms.
# Sources: ANT Corpus v2.1 (antcorpus/antcorpus.multisource.data), Apache-2.0, Chouigui et al. 2021;
#   SaudiNewsNet (2015), CC BY-NC-SA 4.0, research use only.
# Built by scripts/build_wordfreq.py: title + body of {docs} articles, {words} Arabic words.
# Columns: form (normalized), count, ta_marbuta (how many of them were written with a final ة).
"""


# Normalization without the ة → ه fold, so that the final ة can be counted.
LIGHT = {k: v for k, v in TABLE.items() if chr(k) != "ة"}


def count_corpora(shared: Path) -> tuple[Counter[str], Counter[str], int]:
    """Counts of normalized word forms, of those written with a final ة, and the articles."""
    light: Counter[str] = Counter()
    docs = 0
    for name, fields in CORPORA.items():
        with gzip.open(shared / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                text = "\n".join(str(record.get(f) or "") for f in fields)
                light.update(ARABIC_WORD.findall(text.translate(LIGHT)))
                docs += 1
    counts: Counter[str] = Counter()
    ta: Counter[str] = Counter()
    for form, n in light.items():
        norm = form.translate(TABLE)
        counts[norm] += n
        if form.endswith("ة"):
            ta[norm] += n
    return counts, ta, docs


def write_lexicon(counts: Counter[str], ta: Counter[str], docs: int, top: int, out: Path) -> None:
    """Write the top forms as a gzip TSV with a provenance header."""
    words = sum(counts.values())
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(HEADER.format(top=top, docs=docs, words=words))
        fh.write("form\tcount\tta_marbuta\n")
        for form, n in counts.most_common(top):
            fh.write(f"{form}\t{n}\t{ta.get(form, 0)}\n")


def main() -> int:
    """Count, then write the lexicon."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=200_000)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.shared.exists():
        print(f"corpora not found under {args.shared}", file=sys.stderr)
        return 1
    counts, ta, docs = count_corpora(args.shared)
    write_lexicon(counts, ta, docs, args.top, args.out)
    print(f"{docs} articles, {sum(counts.values())} words, {len(counts)} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
