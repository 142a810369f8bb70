"""Rules for day ranges (من 3 إلى 5 مارس) and n-th days, weekdays and weeks of a month."""

from __future__ import annotations

import re
from datetime import date, timedelta

from rasad.analyze.dates import calendar as cal
from rasad.analyze.dates.context import Ctx
from rasad.analyze.dates.lexicon import key, load
from rasad.analyze.dates.pieces import (
    Result,
    day_of,
    g,
    month_of,
    number,
    rel_month,
    resolve_day,
    span_value,
    year_in,
)


def _month_year(m: re.Match, ctx: Ctx, t: str = "") -> tuple[int | None, int] | None:
    """(year or None, month) of a month reference, relative months resolved."""
    ym = rel_month(m, ctx, t)
    if ym:
        return ym
    if g(m, f"mr{t}"):
        return None
    mon = month_of(m, t)
    return (year_in(m, ctx, t), mon[0]) if mon else None


def _place(ctx: Ctx, y: int | None, month: int, day: int, adj: str | None) -> date | None:
    if y is not None:
        return cal.safe_date(y, month, day)
    return resolve_day(ctx, month, day, adj)


def range_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Days of one month: من 3 إلى 5 مارس، بين 13 و15 تموز، 13-15 يوليو."""
    d1, d2 = day_of(m, "1"), day_of(m, "2")
    ym = _month_year(m, ctx)
    if d1 is None or d2 is None or d1 >= d2 or ym is None:
        return None
    a = _place(ctx, ym[0], ym[1], d1, g(m, "adj"))
    if a is None:
        return (None, "range") if ctx.pub is None or ym[0] is None else None
    b = cal.safe_date(a.year, a.month, d2)
    return span_value(a, b) if b else None


def range2_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Days across months: من 28 شباط إلى 3 آذار 2021، من 13 تموز الى 15 تموز."""
    d1, d2 = day_of(m, "1"), day_of(m, "2")
    ma, mb = _month_year(m, ctx, "a"), _month_year(m, ctx, "b")
    if d1 is None or d2 is None or ma is None or mb is None:
        return None
    yb = mb[0] if mb[0] is not None else ma[0]
    ya = ma[0] if ma[0] is not None else (yb - 1 if yb and ma[1] > mb[1] else yb)
    a = _place(ctx, ya, ma[1], d1, g(m, "adj"))
    if a is None:
        return (None, "range") if ctx.pub is None else None
    if yb is None:
        yb = a.year + (1 if mb[1] < ma[1] else 0)
    b = cal.safe_date(yb, mb[1], d2)
    return span_value(a, b) if b and b > a else None


def nth_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """N-th day, weekday or week of a month: آخر اثنين من آذار، الأسبوع الأول من أكتوبر 2014."""
    nth = key(m.group("nth"))
    n = -1 if nth.endswith(("اخر", "الاخير", "الاخيره")) else number(nth)
    unit = key(g(m, "unit") or "").removeprefix("ال")
    wd = load().weekdays.get(key(g(m, "wd") or ""))
    if n is None or not (unit or wd is not None):
        return None
    ym = _month_year(m, ctx)
    if ym is None:
        return None
    if ym[0] is None:
        if ctx.pub is None:
            return None, "week" if unit == "اسبوع" else "day"
        ym = cal.month_only(ctx.pub, ym[1], ctx.direction())
    y, mo = ym
    if wd is not None:
        return _nth_weekday(y, mo, wd, n)
    if unit == "يوم":
        d = cal.month_end(y, mo) if n == -1 else cal.safe_date(y, mo, n)
        return (cal.day_value(d), "day") if d else None
    return _nth_week(y, mo, n)


def _nth_weekday(y: int, mo: int, wd: int, n: int) -> Result | None:
    if n == 0 or n > 5:
        d = cal.safe_date(y, mo, n)  # "الثلاثاء التاسع عشر": a day of the month
        return (cal.day_value(d), "day") if d and d.weekday() == wd else None
    d = cal.nth_weekday(y, mo, wd, n)
    return (cal.day_value(d), "day") if d else None


def _nth_week(y: int, mo: int, n: int) -> Result | None:
    """The n-th Monday-to-Sunday week lying wholly in the month (-1: the last one)."""
    first = date(y, mo, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    weeks = []
    while monday + timedelta(days=6) <= cal.month_end(y, mo):
        weeks.append(monday)
        monday += timedelta(days=7)
    if not weeks or n > len(weeks) or n == 0:
        return None
    return cal.week_value(weeks[n - 1] if n > 0 else weeks[-1]), "week"
