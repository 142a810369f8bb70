"""Tokens with offsets and clitic segmentation (proclitics + ال + stem + enclitic pronoun).

``tokenize(text)`` splits a text into word, number and punctuation tokens; every word is
segmented by ``segment``, which decides from a corpus word-frequency lexicon whether a
stripped form is a word (so وزير, بريطانيا and كان stay whole while والحكومة splits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasad.analyze.normalize import TABLE, normalize
from rasad.analyze.segment import segment
from rasad.model import Article

__all__ = ["Token", "segment", "tokenize", "tokens"]

# Letters (any script), Arabic marks, tatweel and joiners; digits join a word (i24news, 2018م).
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*"
_WORD = rf"[^\W_][\w{_MARKS}]*"
# A lone proclitic written with tatweel before a quote or a Latin word (لـ"تأسيس, بـ MBC).
_CLITIC_TATWEEL = r"[وفبلك]\u0640+(?![\u0621-\u064a])"
TOKEN_RE = re.compile(rf"{_CLITIC_TATWEEL}|{_NUMBER}(?![^\W\d_])|{_WORD}|\S")
_LETTER_RE = re.compile(r"[^\W\d_]")
_TATWEEL_CLITIC_RE = re.compile(_CLITIC_TATWEEL)
# Characters that normalize() drops (diacritics, tatweel, invisible controls).
_DROPPED = frozenset(c for c, v in TABLE.items() if v is None)


@dataclass(slots=True)
class Token:
    """One token: its surface span, normalized form and clitic segmentation."""

    start: int
    end: int
    text: str
    norm: str
    pre: str
    det: str
    stem: str
    suf: str
    core_start: int
    stem_start: int
    stem_end: int
    sent: int
    is_word: bool


def tokenize(text: str, sentences: list[list[int]] | None = None) -> list[Token]:
    """Tokens of a text with offsets and segmentation; ``sent`` indexes ``sentences`` if given."""
    starts = [s for s, _ in sentences[1:]] if sentences else []
    out = []
    append = out.append
    sent, nxt = 0, starts[0] if starts else len(text) + 1
    for m in TOKEN_RE.finditer(text):
        start, end = m.span()
        while start >= nxt:  # tokens come in order: walk the sentence starts along
            sent += 1
            nxt = starts[sent] if sent < len(starts) else len(text) + 1
        surface = m.group()
        norm, pre, det, stem, suf, core, stem_s, stem_e, word = _analysis(surface)
        append(
            Token(start, end, surface, norm, pre, det, stem, suf,
                  start + core, start + stem_s, start + stem_e, sent, word)
        )  # fmt: skip
    return out


@lru_cache(maxsize=500_000)
def _analysis(surface: str) -> tuple[str, str, str, str, str, int, int, int, bool]:
    """Everything about a token but its position: norm, pieces, piece offsets, is_word."""
    norm = normalize(surface)
    n = len(surface)
    if not _LETTER_RE.match(surface):
        return norm, "", "", norm, "", 0, 0, n, False
    if _TATWEEL_CLITIC_RE.fullmatch(surface):  # لـ before a quote: a proclitic alone
        return norm, norm, "", "", "", n, n, n, True
    light = _light(surface)
    pre, det, stem, suf = segment(light, True)
    offsets = _letter_offsets(surface) if len(light) != n else range(n + 1)
    core = offsets[len(pre)]
    stem_start = offsets[len(pre) + len(det)]
    stem_end = offsets[len(norm) - len(suf)]
    return norm, pre, det, stem, suf, core, stem_start, stem_end, True


def _light(surface: str) -> str:
    """The surface without diacritics and tatweel (keeps hamza on alef and ة for segment)."""
    return "".join(c for c in surface if c not in _DROPPED)


def _letter_offsets(surface: str) -> list[int]:
    """Offset in the token of each normalized character, plus the end offset."""
    # A piece starts at its first letter, so marks after a letter stay with that letter.
    return [i for i, c in enumerate(surface) if c not in _DROPPED] + [len(surface)]


def tokens(article: Article) -> Article:
    """Pipeline stage: ``article.cache["tokens"]`` = the tokens of the cleaned text."""
    article.cache["tokens"] = tokenize(article.text, article.sentences)
    return article
