"""Rules for calendar dates: day + month (+ year), months, Hijri dates, numeric dates, years."""

from __future__ import annotations

import re
from datetime import date

from rasad.analyze.dates import calendar as cal
from rasad.analyze.dates.context import Ctx
from rasad.analyze.dates.lexicon import key, load
from rasad.analyze.dates.pieces import (
    Result,
    day_of,
    g,
    gregorian_day,
    month_of,
    number,
    rel_month,
    resolve_day,
    resolve_month,
    span_value,
    year_in,
)

HIJRI_YEARS = range(1300, 1501)
# Words before a bare four-digit number that make it a year ("في 2018", "منذ 2011").
YEAR_PREPS = frozenset(
    "في منذ حتي خلال بحلول قبل بعد مطلع اواخر اوائل منتصف نهايه بدايه عام سنه العام السنه".split()
)

# Prepositions that make a month name that is also a word (مارس، نيسان) a month: "في مارس".
MONTH_PREPS = frozenset("في منذ حتي خلال بحلول".split())


def _weekday(m: re.Match) -> int | None:
    wd = g(m, "wd")
    return load().weekdays.get(key(wd)) if wd else None


def date_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Day + month (+ year): 25 شباط/فبراير الماضي، الرابع من أبريل 2014، 19 من الشهر الجاري."""
    day = day_of(m)
    if day is None:
        return None
    ym = rel_month(m, ctx)
    if g(m, "mr") and ym is None:
        return None, "day"
    mon = month_of(m) if ym is None else (ym[1], 0)
    if mon is None:
        return None
    year = year_in(m, ctx) or (ym[0] if ym else None)
    if year is None:
        d = resolve_day(ctx, mon[0], day, g(m, "adj"))
        return (cal.day_value(d), "day") if d else (None, "day")
    return _weekday_check(m, year, mon[0], day) or gregorian_day(year, mon[0], day)


def _weekday_check(m: re.Match, year: int, month: int, day: int) -> Result | None:
    """ "الثلاثاء الثالث من أيلول": the n-th weekday when day n is not that weekday."""
    wd, n = _weekday(m), number(g(m, "o"))
    d = cal.safe_date(year, month, day)
    if wd is None or n is None or n > 5 or d is None or d.weekday() == wd:
        return None
    nth = cal.nth_weekday(year, month, wd, n)
    return (cal.day_value(nth), "day") if nth else None


def month_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """A month without a day: أواخر شهر كانون الثاني/يناير الماضي، مايو 2019، مطلع آذار."""
    mon = month_of(m)
    if mon is None:
        return None
    month, level = mon
    part, year, adj = g(m, "part"), year_in(m, ctx), g(m, "adj")
    prep = level == 1 and ctx.prev_word().removeprefix("و") in MONTH_PREPS
    if not (prep or _month_context_ok(level, part, g(m, "shahr"), year, adj)):
        return None
    ym = (year, month) if year else resolve_month(ctx, month, adj)
    if ym is None:
        return None, "month"
    return _part_of_month(ym, load().parts.get(key(part)) if part else None)


def _month_context_ok(level: int, part, shahr, year, adj) -> bool:
    """Whether a month name that is also a common word stands in a date context."""
    if level == 0 or year:
        return True
    return level <= 2 and bool(part or shahr or adj)


def _part_of_month(ym: tuple[int, int], part: str | None) -> Result:
    if part == "first":
        return cal.day_value(date(ym[0], ym[1], 1)), "day"
    if part == "last":
        return cal.day_value(cal.month_end(*ym)), "day"
    return cal.month_value(*ym), "month"


def hijri_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """A Hijri day and month (+ year): 1 رمضان 1442 هـ → 2021-04-13."""
    month, day = load().months[key(g(m, "hmon"))].month, day_of(m)
    if day is None or day > 30:
        return None
    y = g(m, "y")
    if y is None:
        if ctx.pub is None:
            return None, "day"
        d = cal.hijri_nearest(ctx.pub, month, day, ctx.direction())
    elif int(y) in HIJRI_YEARS:
        d = cal.hijri_to_date(int(y), month, day)
    else:
        d = _hijri_in_gregorian_year(int(y), month, day)
    return (cal.day_value(d), "day") if d else None


def _hijri_in_gregorian_year(gy: int, month: int, day: int) -> date | None:
    """A Hijri day and month falling in a given Gregorian year (رمضان 2019)."""
    if not 1800 <= gy <= 2200:
        return None
    hy = cal.hijri_of(date(gy, 7, 1))[0]
    for y in (hy - 1, hy, hy + 1):
        d = cal.hijri_to_date(y, month, day)
        if d and d.year == gy:
            return d
    return None


def hmonth_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """A Hijri month with a year: رمضان 1442 هـ → its Gregorian days as a range."""
    month, y = load().months[key(g(m, "hmon"))].month, int(g(m, "y"))
    if y in HIJRI_YEARS:
        span = cal.hijri_month_span(y, month)
    else:
        first = _hijri_in_gregorian_year(y, month, 1)
        span = cal.hijri_month_span(cal.hijri_of(first)[0], month) if first else None
    if span is None:
        return None
    part = load().parts.get(key(g(m, "part") or ""))
    if part in ("first", "last"):
        return cal.day_value(span[0] if part == "first" else span[1]), "day"
    return span_value(*span)


def numeric_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Numeric dates: 25/2/2021، 2021-02-25، 14-09-1432 هـ، 2/2013، (يوم السبت) 21/09."""
    a, b, c = g(m, "a"), g(m, "b"), g(m, "c")
    if c is None:
        return _numeric_two(m, ctx, a, b)
    if len(b) > 2:
        return None
    if len(a) == 4:
        y, mo, d = int(a), int(b), int(c)
    elif len(c) == 4:
        d, mo, y = int(a), int(b), int(c)
        if mo > 12 >= d:  # month/day/year order
            d, mo = mo, d
    else:
        return None
    if g(m, "hm") or y in HIJRI_YEARS:
        h = cal.hijri_to_date(y, mo, d) if 1 <= mo <= 12 else None
        return (cal.day_value(h), "day") if h else None
    return gregorian_day(y, mo, d) if 1800 <= y <= 2200 and 1 <= mo <= 12 else None


def _numeric_two(m: re.Match, ctx: Ctx, a: str, b: str) -> Result | None:
    if m.group("sep") == ".":
        return None
    if len(b) == 4 and len(a) <= 2 and 1 <= int(a) <= 12 and 1800 <= int(b) <= 2200:
        return cal.month_value(int(b), int(a)), "month"
    if g(m, "wd") and len(a) <= 2 and len(b) <= 2 and 1 <= int(b) <= 12:
        d = resolve_day(ctx, int(b), int(a), None)
        return (cal.day_value(d), "day") if d else (None, "day")
    return None


def year_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Years: عام 2018، في 2019، نهاية 2020، سنة 1442 هـ (Hijri years as Gregorian ranges)."""
    y = int(m.group("y"))
    if g(m, "hm"):
        span = cal.hijri_year_span(y) if y in HIJRI_YEARS else None
        return span_value(*span) if span else None
    if not 1800 <= y <= 2200:
        return None
    if not (g(m, "kw") or g(m, "mil") or g(m, "part") or ctx.prev_word() in YEAR_PREPS):
        return None
    return f"{y:04d}", "year"


def yrange_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Year ranges: بين عامي 2010 و2015، من 2003 إلى 2011."""
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not (1800 <= y1 < y2 <= 2200):
        return None
    if not (g(m, "from") or g(m, "kw") or "-" in m.group()):
        return None
    return f"{y1}/{y2}", "range"


def holiday_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Holidays: عيد الأضحى، عيد الفطر 2013، عيد الميلاد 2020، عيد الفصح."""
    cal_name, month, day = load().holidays[key(m.group("hol"))]
    y = g(m, "y")
    if y:
        d = _holiday_in(cal_name, month, day, int(y), bool(g(m, "hm")))
        return (cal.day_value(d), "day") if d else None
    if ctx.pub is None:
        return None, "day"
    direction = ctx.direction(g(m, "adj"))
    if cal_name == "hijri":
        d = cal.hijri_nearest(ctx.pub, month, day, direction)
    else:
        cands = [_holiday_in(cal_name, month, day, ctx.pub.year + k, False) for k in (-1, 0, 1)]
        ok = [c for c in cands if c and (c >= ctx.pub if direction == cal.FUTURE else c <= ctx.pub)]
        d = (min(ok) if direction == cal.FUTURE else max(ok)) if ok else None
    return (cal.day_value(d), "day") if d else None


def _holiday_in(cal_name: str, month: int, day: int, y: int, hijri_year: bool) -> date | None:
    """A holiday's Gregorian day in year ``y`` (a Hijri year when marked هـ)."""
    if cal_name == "easter":
        return cal.easter(y) if 1800 <= y <= 2200 else None
    if cal_name == "gregorian":
        return cal.safe_date(y, month, day)
    if hijri_year or y in HIJRI_YEARS:
        return cal.hijri_to_date(y, month, day)
    return _hijri_in_gregorian_year(y, month, day)
