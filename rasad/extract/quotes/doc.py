"""The working view of an article for the quote stage: normalized text, cues, mentions, marks.

Everything here is in offsets of the normalized text (``NormView.norm``); the stage maps spans
back to ``Article.text`` only when it writes the quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from rasad.analyze.normalize import NormView
from rasad.extract.quotes.lexicon import Cue, QuoteLexicon, load_lexicon
from rasad.extract.quotes.marks import Sentences, Span, pair_marks, word_count
from rasad.model import Article

SPEAKER_TYPES = ("PER", "ORG", "MEDIA", "GPE")
_LETTER = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]")


@dataclass(slots=True)
class CueHit:
    """A cue word found in the text: body span (without و/ف) and its lexicon entry."""

    start: int
    end: int
    pre: str
    cue: Cue


@dataclass(slots=True)
class Ment:
    """An entity mention in normalized offsets."""

    start: int
    end: int
    type: str
    actor: str | None


class Doc:
    """Normalized text of an article with its cues, mentions, quoted spans and sentences."""

    def __init__(self, article: Article, lex: QuoteLexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        self.view = NormView(article.text)
        self.norm = self.view.norm
        self.spans = pair_marks(self.norm)
        self.span_starts = [s.open for s in self.spans]
        self.cues = [h for h in self._find_cues() if not self.in_span(h.start)]
        self.cue_starts = [h.start for h in self.cues]
        self.dates = [(self.view.to_norm(d.start), self.view.to_norm(d.end)) for d in article.dates]
        self.mentions = self._mentions(article)
        self.countries = {a.id: a.country for a in article.actors}
        self.names = {a.id: a.name_ar for a in article.actors}
        self.ment_starts = [m.start for m in self.mentions]
        self.vias = [(m.start(), m.end()) for m in self.lex.via_re.finditer(self.norm)]
        self.direct: list[Span] = []
        self.sents: Sentences | None = None

    def _find_cues(self) -> list[CueHit]:
        cues = self.lex.cues
        hits = (
            CueHit(m.start(2), m.end(2), m.group(1), cues[m.group(2)])
            for m in self.lex.cue_re.finditer(self.norm)
        )
        return [h for h in hits if h.pre or not h.cue.needs_pre]

    def _mentions(self, article: Article) -> list[Ment]:
        out = [
            Ment(self.view.to_norm(m.start), self.view.to_norm(m.end), m.type, m.actor)
            for m in article.mentions
        ]
        # A "mention" inside a time expression (اليوم الثلاثاء، كانون الثاني) is never a speaker.
        if self.dates:
            out = [m for m in out if not self._in_date(m)]
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _in_date(self, m: Ment) -> bool:
        """Whether a mention overlaps a time expression."""
        return any(s < m.end and m.start < e for s, e in self.dates)

    def set_direct(self, direct: list[Span]) -> None:
        """Fix the direct quotes; sentence limits then ignore stops inside them."""
        self.direct = direct
        self.sents = Sentences(self.norm, direct)

    def in_span(self, pos: int) -> Span | None:
        """The quoted span (any pair of marks) holding ``pos``, if any."""
        k = bisect_left(self.span_starts, pos) - 1
        if k >= 0 and self.spans[k].open < pos < self.spans[k].close:
            return self.spans[k]
        return None

    def in_via(self, pos: int) -> bool:
        """Whether ``pos`` is inside a relay phrase ("وفق ما نقلت"، "بحسب ما أفادت")."""
        return any(s <= pos < e for s, e in self.vias)

    def in_direct(self, pos: int) -> bool:
        """Whether ``pos`` is inside a kept direct quote."""
        return any(q.open <= pos <= q.close for q in self.direct)

    def cues_between(self, a: int, b: int) -> list[CueHit]:
        """Cue hits starting in ``[a, b)``."""
        i, j = bisect_left(self.cue_starts, a), bisect_left(self.cue_starts, b)
        return self.cues[i:j]

    def mentions_between(self, a: int, b: int) -> list[Ment]:
        """Mentions inside ``[a, b)`` that are not inside a direct quote."""
        i, j = bisect_left(self.ment_starts, a), bisect_left(self.ment_starts, b)
        return [m for m in self.mentions[i:j] if m.end <= b and not self.in_direct(m.start)]

    def mention_at(self, a: int, b: int) -> Ment | None:
        """The first mention overlapping ``[a, b)``."""
        k = max(bisect_left(self.ment_starts, a) - 1, 0)
        for m in self.mentions[k:]:
            if m.start >= b:
                break
            if m.end > a:
                return m
        return None

    def words(self, a: int, b: int) -> int:
        """Number of words in ``norm[a:b]``."""
        return word_count(self.norm[a:b])

    def without_dates(self, a: int, b: int) -> str:
        """``norm[a:b]`` with time expressions found by the dates stage blanked out."""
        chars = list(self.norm[a:b])
        for s, e in self.dates:
            for i in range(max(s, a), min(e, b)):
                chars[i - a] = " "
        return "".join(chars)

    def word_before(self, pos: int) -> str:
        """The normalized word ending right before ``pos`` (spaces and quotation marks skipped:
        the preposition of على "تويتر")."""
        i = pos
        while i > 0 and self.norm[i - 1] in ' \t"«»“”':
            i -= 1
        j = i
        while j > 0 and _LETTER.match(self.norm[j - 1]):
            j -= 1
        return self.norm[j:i]

    def attached_proclitic(self, m: Ment) -> str:
        """A proclitic letter glued to a mention (ل of لرويترز, لـ"كان", بـ...), or ""."""
        i = m.start
        while i > 0 and self.norm[i - 1] in "\"«“'":
            i -= 1
        if i > 0 and self.norm[i - 1] in "لبك" and (i < 2 or not _LETTER.match(self.norm[i - 2])):
            return self.norm[i - 1]
        if i > 1 and self.norm[i - 1] == "ل" and self.norm[i - 2] == "و":
            return "ل"
        return ""
