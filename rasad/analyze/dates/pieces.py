"""Reading the groups of a grammar match: month, day, year, quantities; and value helpers."""

from __future__ import annotations

import re
from datetime import date

from rasad.analyze.dates import calendar as cal
from rasad.analyze.dates.context import Ctx
from rasad.analyze.dates.lexicon import key, load

Result = tuple[str | None, str]  # (value, precision)
LEVELS = {"free": 0, "prep": 1, "context": 2, "strict": 3}


def g(m: re.Match, name: str) -> str | None:
    """A group's text, or None when absent (or not in this pattern)."""
    try:
        return m.group(name)
    except IndexError:
        return None


def number(s: str | None) -> int | None:
    """A number written in digits or words (cardinal or ordinal)."""
    if not s:
        return None
    s = key(s)
    if s.isdigit():
        return int(s)
    lex = load()
    return lex.cardinals.get(s) or lex.ordinals.get(s)


def month_of(m: re.Match, t: str = "") -> tuple[int, int] | None:
    """(month number, context level) of a month reference; level 0 for combined names."""
    lex = load()
    name = g(m, f"m{t}")
    if name:
        month = lex.months[key(name)]
        combined = g(m, f"mb{t}") or g(m, f"mc{t}") or g(m, f"md{t}")  # مايو أيار
        return month.month, 0 if combined else LEVELS[month.context]
    n = number(g(m, f"mn{t}")) or number(g(m, f"mo{t}"))
    if n and 1 <= n <= 12:
        return n, 2  # "شهر 3": a month only with a day, a year or a part-of-month word
    return None


def rel_month(m: re.Match, ctx: Ctx, t: str = "") -> tuple[int, int] | None:
    """(year, month) of هذا الشهر / الشهر الماضي / الشهر المقبل, or None if not used."""
    if not g(m, f"mr{t}") or ctx.pub is None:
        return None
    k = {"past": -1, "future": 1}.get(ctx.direction(g(m, f"ma{t}")), 0) if g(m, f"ma{t}") else 0
    return cal.add_months(ctx.pub.year, ctx.pub.month, k)


def day_of(m: re.Match, t: str = "") -> int | None:
    """The day of the month (digits or ordinal word), if 1-31."""
    d = number(g(m, f"d{t}")) or number(g(m, f"o{t}"))
    return d if d and 1 <= d <= 31 else None


def year_of(m: re.Match, t: str = "") -> int | None:
    """A Gregorian year group, if plausible."""
    y = g(m, f"y{t}")
    return int(y) if y and 1000 <= int(y) <= 2200 else None


def year_in(m: re.Match, ctx: Ctx, t: str = "") -> int | None:
    """The year of a date: its digits, or العام الماضي / السنة المقبلة resolved."""
    adj = g(m, f"ya{t}")
    if adj and ctx.pub is not None:
        return ctx.pub.year + {"past": -1, "future": 1}.get(ctx.direction(adj), 0)
    return year_of(m, t)


def gregorian_day(y: int, month: int, day: int) -> Result | None:
    """A full date as a day value (None when it does not exist)."""
    d = cal.safe_date(y, month, day)
    return (cal.day_value(d), "day") if d else None


def span_value(a: date, b: date) -> Result:
    """A range of days as "A/B"."""
    return f"{a.isoformat()}/{b.isoformat()}", "range"


def adj_direction(ctx: Ctx, adj: str | None) -> str:
    """The direction for resolving a partial date: past, future or current."""
    return ctx.direction(adj)


def resolve_day(ctx: Ctx, month: int, day: int, adj: str | None) -> date | None:
    """A day and month without a year, placed by direction around the publication date."""
    if ctx.pub is None:
        return None
    d = ctx.direction(adj)
    if d == "current" or (d == cal.FUTURE and not adj and month == ctx.pub.month):
        return cal.safe_date(ctx.pub.year, month, day)  # a day of this month: this month's
    return cal.month_day(ctx.pub, month, day, d)


def resolve_month(ctx: Ctx, month: int, adj: str | None) -> tuple[int, int] | None:
    """A month without a year, placed by direction ("الماضي" excludes the current month)."""
    if ctx.pub is None:
        return None
    d = ctx.direction(adj)
    if d == "current":
        return ctx.pub.year, month
    return cal.month_only(ctx.pub, month, d, strict=bool(adj))
