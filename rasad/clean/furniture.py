"""Page-furniture removal: related-link boxes, widget labels, credits, bylines, end markers.

The patterns are data (``rasad/data/furniture.yaml``); this module applies them line by line.
``clean(article)`` rewrites ``article.text`` as title, blank line, paragraphs separated by
blank lines, each line stripped, and records every dropped line in ``article.removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.analyze.normalize import TABLE
from rasad.data.loader import read_yaml
from rasad.model import Article, Removed

# Drop what normalize() drops (diacritics, tatweel, invisible controls); every space → " ".
_KEY_TABLE = {k: v for k, v in TABLE.items() if v is None or v == " "}
_BULLET = re.compile(r"(\s*)[•●▪■◦·]\s*(\S.{0,80})")
_LABEL_TAIL = r"\s*[:：…|>.\-–]*"
_SENTENCE_END = re.compile(r"[.!؟?]['\"»”’)\]]*$")
MAX_BOX = 8  # headlines in a related-links box
MAX_HEADLINE = 160  # characters
MAX_FURNITURE = 330  # characters: no furniture line is longer (the longest rule allows ~320)


@dataclass(frozen=True)
class Rules:
    """The compiled furniture patterns."""

    boxes: tuple[tuple[str, re.Pattern], ...]  # (reason of the label, pattern)
    whole: tuple[tuple[str, re.Pattern], ...]  # (reason, pattern) for any line
    edge: tuple[tuple[str, re.Pattern], ...]  # only first or last line


def _alternation(patterns: list[str], tail: str = "") -> re.Pattern:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"(?:{body}){tail}", re.IGNORECASE)


@cache
def rules() -> Rules:
    """Compile rasad/data/furniture.yaml once."""
    data = read_yaml("furniture.yaml")
    whole = [(r, _alternation(p, _LABEL_TAIL)) for r, p in data["labels"].items()]
    whole += [(r, _alternation(p)) for r, p in data["lines"].items()]
    edge = [(r, _alternation(p)) for r, p in data["edge"].items()]
    boxes = [(r, _alternation(p, _LABEL_TAIL)) for r, p in data["boxes"].items()]
    return Rules(tuple(boxes), tuple(whole), tuple(edge))


def match_key(line: str) -> str:
    """The form a line is matched in: stripped, spaces folded, no tatweel or diacritics."""
    return " ".join(line.translate(_KEY_TABLE).split())


def line_reason(line: str, edge: bool = False) -> str | None:
    """Why a single line is furniture (a reason from furniture.yaml), or None."""
    return _key_reason(match_key(line), edge)


def _key_reason(key: str, edge: bool = False) -> str | None:
    """Why a line (as its match key) is furniture, or None."""
    if not key or len(key) > MAX_FURNITURE:
        return None
    for reason, pattern in rules().whole:
        if pattern.fullmatch(key):
            return reason
    if edge:
        for reason, pattern in rules().edge:
            if pattern.fullmatch(key):
                return reason
    return None


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
    for reason, pattern in rules().boxes:
        if pattern.fullmatch(keys[i]):
            j = i + 1
            while j < len(lines) and j - i <= MAX_BOX and _is_headline(keys[j]):
                j += 1
            return reason, j
    return "related", _bullet_box_end(lines, keys, i)


def _bullet_box_end(lines: list[str], keys: list[str], i: int) -> int:
    """A bullet label ("• غانتس:") with the deeper-indented headlines under it."""
    m = _BULLET.fullmatch(lines[i].rstrip())
    if not m or _SENTENCE_END.search(m.group(2)):
        return i
    indent = len(m.group(1))
    j = i + 1
    while (
        j < len(lines) and j - i <= MAX_BOX and _indent(lines[j]) > indent and _is_headline(keys[j])
    ):
        j += 1
    if j == i + 1 and not m.group(2).endswith(":"):
        return i  # a bullet item of the article, not a box label
    return j


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
            reasons[i] = _key_reason(keys[i], edge=True)


def clean_text(title: str | None, text: str) -> tuple[str, list[Removed]]:
    """The cleaned text (title, blank line, paragraphs) and the furniture removed."""
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
