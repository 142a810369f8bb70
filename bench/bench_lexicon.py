"""Actor-lexicon speed: load time and longest-match lookups over ANT token n-grams.

Usage: .venv/bin/python bench/bench_lexicon.py [N]   (default 300 articles; one core)
Times are CPU time of this process (robust to a shared machine). Skips cleanly without
../shared. Tokens are normalized words and punctuation without proclitic stripping (the real
matcher segments with rasad.analyze.tokens); the cost measured is the lexicon's.
"""

from __future__ import annotations

import re
import sys
import time

from common import ant_records, have_ant

WORD = re.compile(r"\w+|[^\w\s]")


def tokens_of(n: int) -> list[tuple[str, ...]]:
    """Normalized token lists of the first ``n`` ANT articles."""
    from rasad.analyze.normalize import normalize

    return [tuple(WORD.findall(normalize(rec["text"]))) for rec in ant_records(n)]


def longest_match(lex, toks: tuple[str, ...]) -> int:
    """Greedy longest-match over one article; returns the number of matches."""
    found, i, first, max_len = 0, 0, lex.first_tokens, lex.max_len
    while i < len(toks):
        if toks[i] not in first:
            i += 1
            continue
        for n in range(min(max_len, len(toks) - i), 0, -1):
            if lex.lookup(toks[i : i + n]):
                found, i = found + 1, i + n
                break
        else:
            i += 1
    return found


def main() -> None:
    """Print load time, per-lookup and per-token costs."""
    if not have_ant():
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    from rasad.analyze import lexicon

    t0 = time.process_time()
    lex = lexicon.load_lexicon()
    load_s = time.process_time() - t0
    docs = tokens_of(n)
    ntok = sum(map(len, docs))
    keys = [d[i : i + 2] for d in docs for i in range(len(d) - 1)]
    t0 = time.process_time()
    for k in keys:
        lex.lookup(k)
    per_lookup = (time.process_time() - t0) / len(keys)
    t0 = time.process_time()
    found = sum(longest_match(lex, d) for d in docs)
    per_token = (time.process_time() - t0) / ntok
    print(f"{'measure':<34}{'value':>14}")
    print(f"{'load_lexicon() s':<34}{load_s:>14.3f}")
    print(f"{'surfaces indexed':<34}{len(lex.surfaces()):>14,}")
    print(f"{'articles / tokens':<34}{f'{n} / {ntok:,}':>14}")
    print(f"{'lookup(bigram) ns':<34}{per_lookup * 1e9:>14.0f}")
    print(f"{'longest-match ns per token':<34}{per_token * 1e9:>14.0f}")
    print(f"{'matches per 1000 tokens':<34}{1000 * found / ntok:>14.1f}")


if __name__ == "__main__":
    main()
