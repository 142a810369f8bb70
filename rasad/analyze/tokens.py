"""Tokens with offsets and clitic segmentation (proclitics + ال + stem + enclitic pronoun).

``tokenize(text)`` splits a text into word, number and punctuation tokens; every word is
segmented by ``segment``, which decides from a corpus word-frequency lexicon whether a
stripped form is a word (so وزير, بريطانيا and كان stay whole while والحكومة splits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.analyze.normalize import TABLE, normalize
from rasad.analyze.segment import segment
from rasad.model import Article

__all__ = ["Token", "segment", "tokenize", "tokens"]

# Letters (any script), Arabic marks, tatweel and joiners; digits join a word (i24news, 2018م).
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*"
_WORD = rf"[^\W_][\w{_MARKS}]*"
# Proclitics (and the article) written alone with tatweel before a quote, a number or a
# Latin word: لـ"تأسيس, بـ MBC, بالـ 130.
_CLITIC_TATWEEL = r"(?=[وفبلكا])[وف]?[بلك]?(?:ال)?\u0640+(?![\u0621-\u064a])"
TOKEN_RE = re.compile(rf"{_CLITIC_TATWEEL}|{_NUMBER}(?![^\W_])|{_WORD}|\S")
_LETTER_RE = re.compile(r"[^\W\d_]")
_TATWEEL_CLITIC_RE = re.compile(_CLITIC_TATWEEL)
# Characters that normalize() drops (diacritics, tatweel, invisible controls).
_DROPPED = frozenset(chr(c) for c, v in TABLE.items() if v is None)
_LIGHT = str.maketrans(dict.fromkeys(_DROPPED))


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
    out: list[Token] = []
    prev = 0
    for sent, (_, end) in enumerate(sentences or ()):
        if end > prev:  # text between sentences (only spaces, normally) joins the next one
            _scan(text, prev, end, sent, out)
            prev = end
    if prev < len(text):
        _scan(text, prev, len(text), max(len(sentences or ()) - 1, 0), out)
    return out


def _scan(text: str, pos: int, endpos: int, sent: int, out: list[Token]) -> None:
    """Append the tokens of ``text[pos:endpos]``, all in sentence ``sent``."""
    known = _ANALYSES
    append = out.append
    for m in TOKEN_RE.finditer(text, pos, endpos):
        start, end = m.span()
        surface = m[0]
        try:
            norm, pre, det, stem, suf, core, stem_s, stem_e, word = known[surface]
        except KeyError:
            norm, pre, det, stem, suf, core, stem_s, stem_e, word = _remember(surface)
        append(
            Token(start, end, surface, norm, pre, det, stem, suf,
                  start + core, start + stem_s, start + stem_e, sent, word)
        )  # fmt: skip


def _remember(surface: str) -> tuple[str, str, str, str, str, int, int, int, bool]:
    """Analyze a surface form and cache it (the cache is emptied when full)."""
    if len(_ANALYSES) >= MAX_CACHED:
        _ANALYSES.clear()
    result = _ANALYSES[surface] = _analysis(surface)
    return result


# Token analyses by surface (emptied when full).
_ANALYSES: dict[str, tuple[str, str, str, str, str, int, int, int, bool]] = {}
MAX_CACHED = 500_000


def _analysis(surface: str) -> tuple[str, str, str, str, str, int, int, int, bool]:
    """Everything about a token but its position: norm, pieces, piece offsets, is_word."""
    norm = normalize(surface)
    n = len(surface)
    if not _LETTER_RE.search(norm):
        return norm, "", "", norm, "", 0, 0, n, False
    if _TATWEEL_CLITIC_RE.fullmatch(surface):  # لـ"تأسيس, بالـ 130: clitics alone
        det = "ال" if norm.endswith("ال") else ""
        pre = norm[: len(norm) - len(det)]
        return norm, pre, det, "", "", len(pre) if det else n, n, n, True
    light = _light(surface)
    pre, det, stem, suf = segment(light, True)
    offsets = _letter_offsets(surface) if len(light) != n else range(n + 1)
    core = offsets[len(pre)]
    stem_start = offsets[len(pre) + len(det)]
    stem_end = offsets[len(norm) - len(suf)]
    return norm, pre, det, stem, suf, core, stem_start, stem_end, True


def _light(surface: str) -> str:
    """The surface without diacritics and tatweel (keeps hamza on alef and ة for segment)."""
    return surface.translate(_LIGHT)


def _letter_offsets(surface: str) -> list[int]:
    """Offset in the token of each normalized character, plus the end offset."""
    # A piece starts at its first letter, so marks after a letter stay with that letter.
    return [i for i, c in enumerate(surface) if c not in _DROPPED] + [len(surface)]


def tokens(article: Article) -> Article:
    """Pipeline stage: ``article.cache["tokens"]`` = the tokens of the cleaned text."""
    article.cache["tokens"] = tokenize(article.text, article.sentences)
    return article
