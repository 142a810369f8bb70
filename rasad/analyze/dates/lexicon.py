"""The date lexicon: tables under ``rasad/data/dates/`` as normalized lookups and regex pieces."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv


@dataclass(frozen=True)
class Month:
    """One month name: its number, calendar and how much context it needs to count as a date."""

    month: int
    calendar: str  # gregorian | hijri
    context: str  # free | prep | context | strict (see the header of months.tsv)


@dataclass(frozen=True)
class DateLexicon:
    """Normalized lookups of every date table."""

    months: dict[str, Month]
    weekdays: dict[str, int]
    relative: dict[str, int]
    cues: dict[str, tuple[str, str]]  # form -> (kind, direction)
    parts: dict[str, str]
    units: dict[str, tuple[str, int | None]]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    vague: dict[str, str]
    not_today: frozenset[str]
    holidays: dict[str, tuple[str, int, int]]  # form -> (calendar, month, day)

    def adjectives(self, direction: str | None = None) -> list[str]:
        """The direction adjectives (الماضي، المقبل، الجاري), optionally of one direction."""
        return [f for f, (k, d) in self.cues.items() if k == "adjective" and direction in (None, d)]


def _norm_key(form: str) -> str:
    return " ".join(normalize(form).split())


@cache
def load() -> DateLexicon:
    """The date lexicon (cached)."""
    rows = read_tsv
    months = {
        _norm_key(r["form"]): Month(int(r["month"]), r["calendar"], r["context"])
        for r in rows("dates/months.tsv")
    }
    numbers = rows("dates/numbers.tsv")
    return DateLexicon(
        months=months,
        weekdays={_norm_key(r["form"]): int(r["weekday"]) for r in rows("dates/weekdays.tsv")},
        relative={_norm_key(r["form"]): int(r["offset"]) for r in rows("dates/relative.tsv")},
        cues={_norm_key(r["form"]): (r["kind"], r["direction"]) for r in rows("dates/cues.tsv")},
        parts={_norm_key(r["form"]): r["part"] for r in rows("dates/parts.tsv")},
        units={
            _norm_key(r["form"]): (r["unit"], int(r["count"]) if r["count"] else None)
            for r in rows("dates/units.tsv")
        },
        cardinals={
            _norm_key(r["form"]): int(r["value"]) for r in numbers if r["kind"] == "cardinal"
        },
        ordinals={_norm_key(r["form"]): int(r["value"]) for r in numbers if r["kind"] == "ordinal"},
        vague={_norm_key(r["form"]): r["precision"] for r in rows("dates/vague.tsv")},
        not_today=frozenset(_norm_key(r["form"]) for r in rows("dates/not_today.tsv")),
        holidays={
            _norm_key(r["form"]): (r["calendar"], int(r["month"] or 0), int(r["day"] or 0))
            for r in rows("dates/holidays.tsv")
        },
    )


def alt(forms) -> str:
    """A regex alternation of normalized forms, longest first, spaces matching any whitespace."""
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in uniq) + ")"


def trie_alt(words) -> str:
    """A regex alternation of words built as a prefix trie (fast in ``re``: little backtracking)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    optional = "" in node
    branches = [re.escape(ch) + _trie_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


def key(s: str) -> str:
    """The lookup key of a matched (normalized) piece of text: spaces folded."""
    return " ".join(s.split())
