"""Quotation marks: pair them into quoted spans, across sentences and paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Opening mark -> the closing marks it accepts. “ closes „ (German style, common in some
# Arabic sites) and also opens a “…” pair; a straight quote closes itself, or a ” typed by a
# different keyboard ("حماقة”).
_CLOSERS = {"«": "»", "“": "”", "„": "“”", '"': '"”', "‹": "›"}
_MARKS = re.compile('[«»“”„"‹›\n]')
_SENT_END = re.compile(r"[.!?؟](?=[\s\"'»”]|$)|\n")
_WORD = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")
_LETTER = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]")
MAX_STRAIGHT_DEPTH = 2  # "… "…" …": one straight quote nested in another, no deeper


@dataclass(slots=True)
class Span:
    """A quoted span: the offsets of the marks and of the words between them."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    start: int  # first quoted character (after the mark and spaces)
    end: int  # end of the quoted words (before spaces and the closing mark)


def _continues(norm: str, newline: int, opener: str) -> int | None:
    """Offset of a mark re-opening the same quote at the start of the next paragraph."""
    i = newline
    while i < len(norm) and norm[i] in " \n\t":
        i += 1
    return i if i < len(norm) and norm[i] == opener else None


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with spaces."""
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def pair_marks(norm: str) -> list[Span]:
    """Quoted spans in reading order; unclosed quotes end at a paragraph break unless the
    next paragraph re-opens with the same mark (the multi-paragraph quote convention)."""
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    skip = -1
    for m in _MARKS.finditer(norm):
        ch, i = m.group(), m.start()
        if i == skip:
            continue
        if ch == "\n":
            if stack and (nxt := _continues(norm, i, stack[-1][0])) is not None:
                stack = stack[-1:]
                skip = nxt
            else:
                stack.clear()
            continue
        closes = bool(stack) and ch in _CLOSERS[stack[-1][0]]
        if ch == '"':
            closes = _straight_closes(norm, i, stack)
        if closes:
            opener, at = stack.pop()
            s, e = _trim(norm, at + 1, i)
            if s < e:
                spans.append(Span(at, i, s, e))
        elif ch in _CLOSERS:
            stack.append((ch, i))
    return _outermost(spans)


def _straight_closes(norm: str, i: int, stack: list[tuple[str, int]]) -> bool:
    """Whether a straight quote closes the open one: it does unless it clearly opens (a word
    glued after it) and two closing marks follow, a quote nested in a quote ("… باسم "X"، …")."""
    if not stack or stack[-1][0] != '"':
        return False
    if _side(norm, i) != "open" or sum(ch == '"' for ch, _ in stack) >= MAX_STRAIGHT_DEPTH:
        return True
    return not _nest_follows(norm, i)


def _nest_follows(norm: str, i: int) -> bool:
    """Whether the next two straight quotes of the paragraph both close (the nested one, then
    the outer one); otherwise the mark closes a quote typed with a space before it."""
    end = norm.find("\n", i)
    end = len(norm) if end < 0 else end
    nxt = [j for j in range(i + 1, end) if norm[j] == '"'][:2]
    return len(nxt) == 2 and all(_side(norm, j) == "close" for j in nxt)


def _side(norm: str, i: int) -> str:
    """ "open" when a word starts right after the mark and none ends right before it (a glued
    proclitic such as لـ"… counts as no word), "close" for the mirror case, else "?"."""
    before = norm[i - 1] if i else " "
    after = norm[i + 1] if i + 1 < len(norm) else " "
    glued = before in "لبوك" and (i < 2 or not _LETTER.match(norm[i - 2]))
    if _LETTER.match(after) and (not _LETTER.match(before) or glued):
        return "open"
    if _LETTER.match(before) and not _LETTER.match(after):
        return "close"
    return "?"


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop spans nested inside another span (scare quotes inside a quote)."""
    spans.sort(key=lambda s: (s.open, -s.close))
    out: list[Span] = []
    for s in spans:
        if not out or s.open > out[-1].close:
            out.append(s)
    return out


def word_count(text: str) -> int:
    """Number of words (letters or digits) in a normalized text."""
    return len(_WORD.findall(text))


class Sentences:
    """Sentence limits over a normalized text, ignoring stops inside the given quotes."""

    def __init__(self, norm: str, quotes: list[Span]) -> None:
        inside = [(q.open, q.close) for q in quotes]
        self.ends = [m.end() for m in _SENT_END.finditer(norm) if not _covered(inside, m.start())]
        self.size = len(norm)

    def limits(self, pos: int) -> tuple[int, int]:
        """The start and end of the sentence holding offset ``pos``."""
        k = bisect_right(self.ends, pos)
        start = self.ends[k - 1] if k else 0
        end = self.ends[k] if k < len(self.ends) else self.size
        return start, end


def _covered(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls strictly inside one of the sorted ``ranges``."""
    k = bisect_left(ranges, (pos, pos)) - 1
    return k >= 0 and ranges[k][0] < pos < ranges[k][1]
