"""Page-furniture removal: related-link boxes, widget labels, credits, bylines, end markers.

The patterns are data (``rasad/data/furniture.yaml``); this module applies them line by line.
``clean(article)`` rewrites ``article.text`` as title, blank line, paragraphs separated by
blank lines, each line stripped, and records every dropped line in ``article.removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.analyze.normalize import strip_diacritics, strip_orphan_marks
from rasad.data.loader import read_yaml
from rasad.model import Article, Removed

_BULLETS = "•●▪■◦·"
_BULLET = re.compile(rf"(\s*)[{_BULLETS}]\s*(\S.{{0,80}})")
_LABEL_TAIL = r"\s*[:：…|>.\-–]*"
_SENTENCE_END = re.compile(r"[.!؟?]['\"»”’)\]]*$")
MAX_BOX = 8  # headlines in a related-links box
MAX_HEADLINE = 160  # characters
MAX_FURNITURE = 330  # characters: no furniture line is longer (the longest rule allows ~320)
MAX_EDGE = 260  # characters: the longest edge line (a tag list) allows ~215


@dataclass(frozen=True)
class Rules:
    """The compiled furniture patterns: one alternation per kind, a named group per reason."""

    boxes: re.Pattern
    whole: re.Pattern  # any line
    edge: re.Pattern  # only the first or last line
    reasons: dict[str, str]  # group name -> reason


def _groups(rules: dict[str, list[str]], tail: str, reasons: dict[str, str]) -> str:
    """One regex source: a named group per reason, its patterns as alternatives."""
    parts = []
    for reason, patterns in rules.items():
        name = f"g{len(reasons)}"
        reasons[name] = reason
        body = "|".join(f"(?:{p})" for p in patterns)
        parts.append(f"(?P<{name}>(?:{body}){tail})")
    return "|".join(parts)


@cache
def rules() -> Rules:
    """Compile rasad/data/furniture.yaml once."""
    data = read_yaml("furniture.yaml")
    names: dict[str, str] = {}
    boxes = _groups(data["boxes"], _LABEL_TAIL, names)
    whole = _groups(data["labels"], _LABEL_TAIL, names) + "|" + _groups(data["lines"], "", names)
    edge = _groups(data["edge"], "", names)
    flags = re.IGNORECASE
    return Rules(re.compile(boxes, flags), re.compile(whole, flags), re.compile(edge, flags), names)


def match_key(line: str) -> str:
    """The form a line is matched in: stripped, spaces folded, no tatweel or diacritics."""
    if len(line) > 2 * MAX_FURNITURE:
        return line  # too long to be furniture whatever its marks: not worth folding
    return " ".join(strip_diacritics(line).split())


def line_reason(line: str, edge: bool = False) -> str | None:
    """Why a single line is furniture (a reason from furniture.yaml), or None."""
    return _key_reason(match_key(line), edge)


def _key_reason(key: str, edge: bool = False) -> str | None:
    """Why a line (as its match key) is furniture, or None."""
    if not key or len(key) > MAX_FURNITURE:
        return None
    r = rules()
    m = r.whole.fullmatch(key) or r.boxes.fullmatch(key) or (edge and r.edge.fullmatch(key))
    return r.reasons[m.lastgroup] if m else None


def find_furniture(lines: list[str]) -> list[str | None]:
    """A reason per body line (None: article text); lines keep their indentation."""
    keys = [match_key(line) for line in lines]
    reasons: list[str | None] = [None] * len(lines)
    i = 0
    while i < len(lines):
        label, box_end = _box(lines, keys, i)
        if box_end > i:
            reasons[i:box_end] = [label] + ["related"] * (box_end - i - 1)
            i = box_end
            continue
        reasons[i] = _key_reason(keys[i])
        i += 1
    _mark_edges(keys, reasons)
    return reasons


def _box(lines: list[str], keys: list[str], i: int) -> tuple[str, int]:
    """(label reason, end) of a related-links box starting at line i (end == i: none)."""
    if len(keys[i]) > MAX_HEADLINE:
        return "related", i
    m = rules().boxes.fullmatch(keys[i])
    if m:
        j = i + 1
        while j < len(lines) and j - i <= MAX_BOX and _is_headline(keys[j]):
            j += 1
        return rules().reasons[m.lastgroup], j
    return "related", _bullet_box_end(lines, keys, i)


def _bullet_box_end(lines: list[str], keys: list[str], i: int) -> int:
    """A bullet label ("• غانتس:") with the deeper-indented headlines under it."""
    if keys[i][:1] not in _BULLETS:
        return i
    m = _BULLET.fullmatch(lines[i].rstrip())
    if not m or _SENTENCE_END.search(m.group(2)):
        return i
    indent = len(m.group(1))
    j = i + 1
    while (
        j < len(lines) and j - i <= MAX_BOX and _indent(lines[j]) > indent and _is_headline(keys[j])
    ):
        j += 1
    # Without a deeper-indented headline under it, a bullet is the article's own list item.
    return j if j > i + 1 else i


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_headline(key: str) -> bool:
    """A short line (its match key) without sentence-final punctuation: a linked headline."""
    return 0 < len(key) <= MAX_HEADLINE and not _SENTENCE_END.search(key)


def _mark_edges(keys: list[str], reasons: list[str | None]) -> None:
    """Bylines, datelines and tag lists on the first or last remaining line."""
    for _ in range(2):
        kept = [i for i, r in enumerate(reasons) if r is None]
        for i in {kept[0], kept[-1]} if kept else ():
            if len(keys[i]) <= MAX_EDGE:
                reasons[i] = _key_reason(keys[i], edge=True)


def clean_text(title: str | None, text: str) -> tuple[str, list[Removed]]:
    """The cleaned text (title, blank line, paragraphs) and the furniture removed."""
    text = strip_orphan_marks(text)
    lines = [line for line in text.splitlines() if line.strip()]
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    reasons = find_furniture(lines)
    kept = [line.strip() for line, r in zip(lines, reasons, strict=True) if r is None]
    removed = [Removed(line.strip(), r) for line, r in zip(lines, reasons, strict=True) if r]
    paragraphs = ([title.strip()] if title and title.strip() else []) + kept
    return "\n\n".join(paragraphs), removed


def clean(article: Article) -> Article:
    """Pipeline stage: drop page furniture from ``article.text`` and record it in ``removed``."""
    text, removed = clean_text(article.title, article.text)
    article.text = text
    article.removed.extend(removed)
    return article
