"""The date stage: find Arabic time expressions and normalize them against the publication date.

``find_dates(text, published)`` is the public function; ``dates(article)`` is the pipeline stage.
One anchor regex over the normalized text finds where an expression can start; only there are
the grammar's patterns tried (longest match wins), and a rule per pattern gives the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from rasad.analyze.dates import relative, rules, spans
from rasad.analyze.dates.calendar import FUTURE, PAST
from rasad.analyze.dates.context import Ctx
from rasad.analyze.dates.grammar import DIGIT, grammar
from rasad.analyze.dates.pieces import Result
from rasad.analyze.normalize import TABLE, NormView
from rasad.model import Article, DateExpr

__all__ = ["dates", "find_dates", "parse_published"]

Rule = Callable[[re.Match, Ctx], Result | None]
RULES: dict[str, Rule] = {
    "date": rules.date_rule,
    "hdate": rules.hijri_rule,
    "month": rules.month_rule,
    "hmonth": rules.hmonth_rule,
    "numeric": rules.numeric_rule,
    "year": rules.year_rule,
    "yrange": rules.yrange_rule,
    "weekday": relative.weekday_rule,
    "relday": relative.relday_rule,
    "period": relative.period_rule,
    "periods": relative.periods_rule,
    "offset": relative.offset_rule,
    "duration": relative.duration_rule,
    "vague": relative.vague_rule,
    "range": spans.range_rule,
    "range2": spans.range2_rule,
    "range3": spans.range_rule,
    "nth": spans.nth_rule,
    "nth2": spans.nth_rule,
    "holiday": rules.holiday_rule,
}


_DROP_CHARS = frozenset(chr(k) for k, v in TABLE.items() if v is None)
_DROPPED = re.compile("[" + re.escape("".join(sorted(_DROP_CHARS))) + "]")


# The folds of ``TABLE`` that matter for dates (letters and digits), applied as C-speed
# replaces: ``str.translate`` with a dict costs a lookup per character. Latin case and space
# variants are left alone (the grammar is Arabic and matches any whitespace).
_LETTER_FOLDS = tuple(
    (chr(k), v)
    for k, v in TABLE.items()
    if v and not chr(k).isascii() and not chr(k).isspace() and not chr(k).isdigit() and chr(k) != v
)
_DIGITS = str.maketrans({k: v for k, v in TABLE.items() if v and chr(k).isdigit()})
_INDIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _fold(s: str) -> str:
    for a, b in _LETTER_FOLDS:
        s = s.replace(a, b)
    return s.translate(_DIGITS) if _INDIC_DIGIT.search(s) else s


class _View(NormView):
    """A ``NormView`` for dates that folds letters and digits only (cheaper than the full
    table); offsets map back the same way."""

    __slots__ = ()

    def __init__(self, text: str) -> None:
        self.text = text
        self.dropped = [m.start() for m in _DROPPED.finditer(text)]
        self.norm = _fold(_DROPPED.sub("", text) if self.dropped else text)


def parse_published(published: date | datetime | str | None) -> date | None:
    """The publication day from a date, datetime or ISO string (None if absent or unreadable)."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def find_dates(
    text: str, published: date | datetime | str | None = None, direction: str = PAST
) -> list[DateExpr]:
    """Time expressions of a text with normalized values (``direction``: default for bare dates)."""
    if direction not in (PAST, FUTURE):
        raise ValueError(f"direction must be {PAST!r} or {FUTURE!r}, not {direction!r}")
    view = _View(text)
    norm, gram = view.norm, grammar()
    ctx = Ctx(norm, parse_published(published), direction)
    out: list[DateExpr] = []
    done = 0
    for am in gram.anchor.finditer(norm):
        start = am.start("w")
        if start < done:
            continue
        word = am.group("w")
        if word[0].isdigit() and len(word) != 4 and not gram.digit_gate.match(norm, start):
            continue
        names = gram.starts.get(DIGIT if word[0].isdigit() else word, ())
        found = _best(gram.patterns, names, ctx, start)
        if found:
            end, (value, precision) = found
            s, e = view.span(start, end)
            while e < len(text) and text[e] in _DROP_CHARS:  # a final diacritic: حالياً
                e += 1
            out.append(DateExpr(f"d{len(out) + 1}", s, e, text[s:e], value, precision))
            done = end
    return _merge_appositions(text, out)


_APPOSITION_GAP = re.compile(r"[\s،,]*")


def _merge_appositions(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """One span for a date restated in apposition with the same value: «أمس الأحد 19 جانفي
    2020», «اليوم الأربعاء 8 جمادى الأولى 1445 هـ» are one expression, not two."""
    out: list[DateExpr] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev
            and prev.value
            and prev.value == d.value
            and prev.precision == d.precision
            and _APPOSITION_GAP.fullmatch(text, prev.end, d.start)
        ):
            prev.end, prev.text = d.end, text[prev.start : d.end]
            continue
        out.append(d)
    for i, d in enumerate(out, 1):
        d.id = f"d{i}"
    return out


def _best(patterns, names, ctx: Ctx, start: int) -> tuple[int, Result] | None:
    """The longest match at ``start`` whose rule accepts it."""
    cands = []
    for i, name in enumerate(names):
        m = patterns[name].match(ctx.norm, start)
        if m:
            cands.append((-m.end(), i, name, m))
    for neg_end, _, name, m in sorted(cands, key=lambda c: c[:2]):
        ctx.start, ctx.end, ctx._scanned = start, -neg_end, None
        try:
            result = RULES[name](m, ctx)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999: no calendar value
            result = None
        if result is not None:
            return -neg_end, result
    return None


def dates(article: Article) -> Article:
    """Pipeline stage: fill ``article.dates`` (ids d1, d2...) from the article text."""
    article.dates = find_dates(article.text, article.published)
    return article
