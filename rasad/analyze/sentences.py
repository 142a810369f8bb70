"""Sentence splitting: Arabic and Latin sentence punctuation and paragraph breaks.

A sentence ends at . ! ? ؟ ؛ … (with any closing quotes or brackets after it) followed by
white space, or at a line break. It does not end inside a quotation (قال: "سنقاتل!" وأضاف),
after an abbreviation made of single letters (د. ، أ.ف.ب), inside a number (3.5), or at
two dots, which join like a colon in Arabic headlines (اليمن.. مقتل 10 أشخاص).
"""

from __future__ import annotations

import re

from rasad.model import Article

# Punctuation, then closing quotes/brackets, then white space or the end.
_END_RE = re.compile(r"[.!?\u061f\u061b\u2026]+[\"'»”’)\]]*(?=\s|$)")
_LINE_RE = re.compile(r"[^\n]+")
_QUOTE_CHARS = re.compile(r'["«“(]')
_QUOTE_RE = re.compile(r'"[^"\n]*"|«[^»\n]*»|“[^”\n]*”|\([^()\n]*\)')
# A single letter (with an optional dotted chain before it) is an abbreviation: د. أ.ف.ب.
_ABBREV_RE = re.compile(r"(?:^|[\s(\"«])(?:[^\W\d_]\.)*[^\W\d_]$")
_ABBREV_SPAN = 16  # characters before a period that can hold an abbreviation


def split_sentences(text: str) -> list[list[int]]:
    """Sentence spans ``[start, end]`` of a text, white space trimmed, in order."""
    spans: list[list[int]] = []
    for line in _LINE_RE.finditer(text):
        spans.extend(_split_line(text, line.start(), line.end()))
    return spans


def _split_line(text: str, start: int, end: int) -> list[list[int]]:
    """Sentence spans of one line (a paragraph never continues across a line break)."""
    line = text[start:end]
    quoted = [m.span() for m in _QUOTE_RE.finditer(line)] if _QUOTE_CHARS.search(line) else []
    cuts = [m.end() for m in _END_RE.finditer(line) if _is_boundary(line, m, quoted)]
    spans, prev = [], 0
    for cut in [*cuts, len(line)]:
        span = _trim(line, prev, cut)
        if span:
            spans.append([start + span[0], start + span[1]])
        prev = cut
    return spans


def _is_boundary(line: str, m: re.Match, quoted: list[tuple[int, int]]) -> bool:
    """Whether a punctuation match ends a sentence (not quoted, not an abbreviation)."""
    pos = m.start()
    if any(qs < pos < qe for qs, qe in quoted):  # inside a quotation, even at its end
        return False
    if m.group() == "." and _ABBREV_RE.search(line[max(0, pos - _ABBREV_SPAN) : pos]):
        return False
    # Two dots join like a colon in Arabic news (اليمن.. مقتل 10 أشخاص).
    return m.group().rstrip("\"'»”’)]") != ".."


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding white space, or None if nothing is left."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentences(article: Article) -> Article:
    """Pipeline stage: fill ``article.sentences`` from the cleaned text."""
    article.sentences = split_sentences(article.text)
    return article
