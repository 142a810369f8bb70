"""Normalization for matching (never for display), with a map back to offsets in the text.

Only deletions and one-to-one replacements are made, so a normalized view is the text with
some characters dropped: ``NormView`` maps offsets both ways from the dropped positions.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

# Dropped: tatweel, Arabic diacritics (harakat, superscript alef, Quranic marks),
# zero-width and bidi control characters, soft hyphen, BOM.
_DROP = (
    "\u0640"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E9))
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
    + "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    + "\u2066\u2067\u2068\u2069\u00ad\ufeff\u061c"
)

_REPLACE = {
    # alef forms
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    # alef maqsura and Persian/Urdu ya, ta marbuta, Persian kaf, heh variants
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ة": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "ە": "ه",
    "ہ": "ه",
    "ھ": "ه",
    # punctuation variants that matter for matching
    "\u060c": "،",
}
# Arabic-Indic and Persian digits
_REPLACE.update({chr(0x0660 + i): str(i) for i in range(10)})
_REPLACE.update({chr(0x06F0 + i): str(i) for i in range(10)})
# every kind of space becomes a plain space
for _sp in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t":
    _REPLACE[_sp] = " "
# Latin letters fold to lower case (i24NEWS = i24news)
_REPLACE.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
# Arabic presentation forms (old PDFs and web text: ﺇﻟﻰ) fold to the letters they show; only
# one-letter forms (a ligature such as ﻻ would change the length, which NormView forbids).
for _c in [*range(0xFB50, 0xFDF0), *range(0xFE70, 0xFEFD)]:
    _base = unicodedata.normalize("NFKC", chr(_c))
    if len(_base) == 1 and _base != chr(_c):
        _REPLACE[chr(_c)] = _REPLACE.get(_base, _base)

TABLE = str.maketrans({**_REPLACE, **{c: None for c in _DROP}})
_DROP_RE = re.compile("[" + re.escape(_DROP) + "]")


def normalize(text: str) -> str:
    """The matching form of a text: alef/ya/ta-marbuta folded, diacritics and tatweel dropped."""
    # Words and names repeat endlessly: cache them; whole texts would only fill the cache.
    return _normalize_short(text) if len(text) <= 64 else text.translate(TABLE)


@lru_cache(maxsize=200_000)
def _normalize_short(text: str) -> str:
    return text.translate(TABLE)


# A diacritic with no letter before it (at a line start or after a space) is a typing or
# scraping artefact that sits inside no word.
_ORPHAN_MARKS = re.compile(r"(?:(?<=\s)|^)[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+", re.M)


def strip_orphan_marks(text: str) -> str:
    """Drop diacritics that follow no letter (a line start or a space)."""
    return _ORPHAN_MARKS.sub("", text)


def strip_diacritics(text: str) -> str:
    """Drop diacritics, tatweel and invisible controls only (for display-safe comparison)."""
    return _DROP_RE.sub("", text)


class NormView:
    """The normalized form of a text with maps between normalized and text offsets.

    Only the positions of dropped characters are kept: diacritics and tatweel are rare in news,
    so building a view costs one ``str.translate`` and a regex scan.
    """

    __slots__ = ("text", "norm", "dropped")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = text.translate(TABLE)
        self.dropped = (
            [m.start() for m in _DROP_RE.finditer(text)] if len(self.norm) != len(text) else []
        )

    def to_norm(self, i: int) -> int:
        """The normalized offset of text offset ``i`` (the next kept character)."""
        return i - bisect_left(self.dropped, i)

    def to_text(self, i: int) -> int:
        """The text offset of normalized offset ``i`` (``len(norm)`` maps to ``len(text)``)."""
        for p in self.dropped:  # ascending: each drop at or before the target shifts it by one
            if p > i:
                break
            i += 1
        return i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A normalized span ``[start, end)`` as a span of the text."""
        if start >= end:
            s = self.to_text(start)
            return s, s
        return self.to_text(start), self.to_text(end - 1) + 1
