"""Near-duplicate detection and story grouping with MinHash signatures.

Two signals: near-duplicates (syndicated copies, light edits) by MinHash-LSH over word 5-gram
shingles of the normalized text; rewrites of the same story (other outlets' own wording) by a
MinHash over stem bigrams, compared with the articles published within ``WINDOW_DAYS``.
An article joins the story of its closest earlier duplicate, else of its closest rewrite, else
starts a story of its own. Signatures are stored as blobs (``minhash`` table), so a later run
rebuilds the same index and continues it.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

import numpy as np
from datasketch import MinHashLSH

from rasad.analyze.normalize import normalize

NUM_PERM = 128
SEED = 1
SHINGLE = 5
# Stored in the database: signatures from another scheme are not comparable.
VERSION = f"minhash-crc32-mulshift/{NUM_PERM}/{SEED}/w{SHINGLE}+stem-bigrams"
# Estimated Jaccard of 5-gram shingles above which two articles tell the same story.
THRESHOLD = 0.3
# Estimated Jaccard of stem bigrams above which a dated article in the window is a rewrite.
STORY_THRESHOLD = 0.15
WINDOW_DAYS = 2
_WORD = re.compile(r"\w+")


def shingles(words: list[str], size: int = SHINGLE) -> list[bytes]:
    """Word n-grams of normalized words (the whole text when it is shorter than n words)."""
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    # Slices of the encoded text: the same bytes as joining each n-gram, at a third of the cost.
    data = " ".join(words).encode("utf-8")
    ends = list(accumulate(len(w.encode("utf-8")) + 1 for w in words))
    starts = [0, *ends]
    return [data[starts[i] : ends[i + size - 1] - 1] for i in range(len(words) - size + 1)]


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(SEED)
    a = rng.randint(1, 1 << 63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.randint(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
    return a, b


def minhash(items: Iterable[bytes]) -> np.ndarray:
    """MinHash values of byte strings: CRC-32 item hashes under NUM_PERM multiply-shift hashes.

    One vectorized step with no modulo (datasketch's MinHash rebuilds its permutations per
    object and hashes with SHA-1, which was most of the cost at ingest). Repeated items are
    harmless: the minimum ignores them.
    """
    hv = np.fromiter(map(zlib.crc32, items), dtype=np.uint64)
    if not hv.size:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    a, b = _permutations()
    with np.errstate(over="ignore"):  # arithmetic mod 2**64 is the point
        phv = np.multiply.outer(hv, a)
        phv += b  # in place: one array of len(items) x NUM_PERM, no temporaries
    # The high 32 bits of the minimum are the minimum of the high 32 bits.
    return (phv.min(axis=0) >> np.uint64(32)).astype(np.uint32)


def signature(text: str | list[str]) -> np.ndarray:
    """The MinHash signature of the 5-gram shingles of a text (or of its normalized words)."""
    return minhash(shingles(_WORD.findall(normalize(text)) if isinstance(text, str) else text))


def story_signature(stems: str) -> np.ndarray:
    """The MinHash signature of the stem bigrams of a search body (words of 2+ letters)."""
    words = [w for w in stems.split() if len(w) > 1]
    grams = shingles(words, 2) if len(words) > 1 else []
    return minhash(grams or [stems.encode()])


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_blob(sig: np.ndarray) -> bytes:
    """A signature as bytes for the database."""
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    """A signature back from the database."""
    return np.frombuffer(blob, dtype="<u4")


@dataclass
class Match:
    """Where a new article goes: its story, and its closest earlier duplicate (if any)."""

    story: str
    dup_of: str | None
    similarity: float | None


@dataclass
class Entry:
    """What the index keeps per article."""

    sig: np.ndarray
    ssig: np.ndarray
    story: str
    day: str | None


class DedupIndex:
    """An LSH index over the stored articles' signatures, continued across runs."""

    def __init__(
        self, threshold: float = THRESHOLD, story_threshold: float = STORY_THRESHOLD
    ) -> None:
        self.threshold = threshold
        self.story_threshold = story_threshold
        self.lsh = Bands(threshold)
        self.entries: dict[str, Entry] = {}
        self.by_day: dict[str, list[str]] = defaultdict(list)
        self._day_matrix: dict[str, np.ndarray] = {}  # stacked story signatures per day

    @classmethod
    def load(cls, con: sqlite3.Connection) -> DedupIndex:
        """Rebuild the index from the signatures stored in a database."""
        index = cls()
        rows = con.execute(
            "SELECT a.id, a.story, a.day, m.sig, m.story_sig FROM minhash m JOIN articles a USING (n) ORDER BY n"
        )
        for aid, story, day, blob, sblob in rows:
            index._keep(aid, Entry(from_blob(blob), from_blob(sblob), story, day))
            index.lsh.insert(aid, index.entries[aid].sig)
        return index

    def _keep(self, aid: str, entry: Entry) -> None:
        self.entries[aid] = entry
        if entry.day:
            self.by_day[entry.day].append(aid)
            self._day_matrix.pop(entry.day, None)

    def match(self, sig: np.ndarray) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold, with its similarity."""
        cands = ((k, similarity(sig, self.entries[k].sig)) for k in self.lsh.query(sig))
        return _best(cands, self.threshold)

    def rewrite(self, ssig: np.ndarray, day: str | None) -> tuple[str, float] | None:
        """The indexed article within the day window whose stem bigrams are most similar."""
        if not day:
            return None
        best: tuple[str, float] | None = None
        for d in _window(day):
            ids = self.by_day.get(d)
            if not ids:
                continue
            sims = (self._matrix(d) == ssig).mean(axis=1)  # one vectorized pass per day
            i = int(np.argmax(sims))
            if sims[i] >= self.story_threshold and (best is None or sims[i] > best[1]):
                best = (ids[i], float(sims[i]))
        return best

    def _matrix(self, day: str) -> np.ndarray:
        m = self._day_matrix.get(day)
        if m is None:
            m = self._day_matrix[day] = np.stack([self.entries[k].ssig for k in self.by_day[day]])
        return m

    def assign(self, article_id: str, sig: np.ndarray, ssig: np.ndarray, day: str | None) -> Match:
        """The story of a new article: its closest duplicate's, its closest rewrite's, or its own."""
        if article_id in self.entries:  # already indexed: keep its assignment
            return Match(self.entries[article_id].story, None, None)
        best = self.match(sig)
        if best is not None:
            story = self.entries[best[0]].story
            return Match(story if self._fits(story, ssig) else article_id, best[0], best[1])
        near = self.rewrite(ssig, day)
        story = self.entries[near[0]].story if near else article_id
        return Match(story if self._fits(story, ssig) else article_id, None, None)

    def _fits(self, story: str, ssig: np.ndarray) -> bool:
        """Whether an article is close enough to a story's first article to join it.

        Without this check stories chain: formulaic wire items (A ~ B ~ C ...) would merge
        unrelated news into one story.
        """
        seed = self.entries.get(story)
        return seed is None or similarity(ssig, seed.ssig) >= self.story_threshold

    def add(
        self, article_id: str, sig: np.ndarray, ssig: np.ndarray, story: str, day: str | None
    ) -> None:
        """Index an article once it is stored."""
        if article_id not in self.entries:
            self._keep(article_id, Entry(sig, ssig, story, day))
            self.lsh.insert(article_id, sig)


def _best(cands, threshold: float) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for key, sim in cands:
        if sim >= threshold and (
            best is None or sim > best[1] or (sim == best[1] and key < best[0])
        ):
            best = (key, sim)
    return best


def _window(day: str) -> list[str]:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return [day]
    return [(d + timedelta(days=i)).isoformat() for i in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]


def _lean(sig: np.ndarray) -> np.ndarray:
    """What ``Bands.query`` takes (kept for scripts written against the datasketch index)."""
    return sig


class Bands:
    """MinHash-LSH buckets with the banding of datasketch's ``MinHashLSH`` (the same bands and
    rows for the threshold, so the same candidates), without its per-article LeanMinHash
    objects and byte swapping: a band's key is the bytes of its values."""

    def __init__(self, threshold: float) -> None:
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)  # only for its parameters
        self.b, self.r = lsh.b, lsh.r
        self.tables: list[dict[bytes, list[str]]] = [{} for _ in range(self.b)]

    def _keys(self, sig: np.ndarray) -> list[bytes]:
        raw, w = sig.astype("<u4", copy=False).tobytes(), 4 * self.r
        return [raw[i * w : i * w + w] for i in range(self.b)]

    def insert(self, key: str, sig: np.ndarray) -> None:
        """Index a signature under a key."""
        for table, band in zip(self.tables, self._keys(sig), strict=True):
            table.setdefault(band, []).append(key)

    def query(self, sig: np.ndarray) -> set[str]:
        """The keys sharing at least one band with a signature."""
        found: set[str] = set()
        for table, band in zip(self.tables, self._keys(sig), strict=True):
            keys = table.get(band)
            if keys:
                found.update(keys)
        return found
