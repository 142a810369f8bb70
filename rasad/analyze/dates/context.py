"""Time direction of a date expression: explicit adjective, tense cues in its sentence, or default."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rasad.analyze.dates.calendar import FUTURE, PAST
from rasad.analyze.dates.lexicon import key, load

_BOUNDARY = re.compile(r"[.!?؟\n؛]")
_WORD = re.compile(r"\w+")
BACK, AHEAD = 160, 100  # how far the sentence window reaches around the expression


@dataclass
class Ctx:
    """What a rule needs to normalize one match: the text, the publication date, the default."""

    norm: str
    pub: date | None
    default: str = PAST
    start: int = 0
    end: int = 0
    _scanned: str | None = field(default=None, repr=False)

    def direction(self, adj: str | None = None) -> str:
        """past | future | current: the adjective's, else the nearest tense cue's, else default."""
        if adj:
            cue = load().cues.get(key(adj))
            if cue:
                return cue[1]
        if self._scanned is None:
            self._scanned = scan_cues(self.norm, self.start, self.end) or self.default
        return self._scanned

    def prev_word(self) -> str:
        """The normalized word just before the expression ("" at the start)."""
        words = _WORD.findall(self.norm[max(0, self.start - 30) : self.start])
        return words[-1] if words else ""

    def next_word(self, at: int) -> str:
        """The normalized word starting after offset ``at``."""
        m = _WORD.search(self.norm, at, at + 40)
        return m.group() if m else ""


def _window(norm: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - BACK)
    hits = list(_BOUNDARY.finditer(norm, lo, start))
    lo = hits[-1].end() if hits else lo
    m = _BOUNDARY.search(norm, end, end + AHEAD)
    return lo, (m.start() if m else min(len(norm), end + AHEAD))


def _cue(word: str, cues: dict[str, tuple[str, str]]) -> str | None:
    for w in (word, word[1:] if word[:1] in "وف" else None):
        if w and w in cues and cues[w][0] == "verb":
            return cues[w][1]
    return None


def scan_cues(norm: str, start: int, end: int) -> str | None:
    """The direction of the tense cue nearest the span in its sentence (None: no cue)."""
    cues = load().cues
    lo, hi = _window(norm, start, end)
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(norm, lo, hi):
        if start <= m.start() < end:
            continue
        d = _cue(m.group(), cues)
        if d in (PAST, FUTURE):
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, d)
    return best[1] if best else None
