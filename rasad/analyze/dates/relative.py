"""Rules for expressions relative to the publication date: days, weekdays, periods, offsets."""

from __future__ import annotations

import re
from datetime import timedelta

from rasad.analyze.dates import calendar as cal
from rasad.analyze.dates.context import Ctx
from rasad.analyze.dates.lexicon import key, load
from rasad.analyze.dates.pieces import Result, g, number, rel_month, span_value

STEP = {"past": -1, "future": 1, "current": 0}
NOT_WEEKDAY_AFTER = frozenset({"بين", "كلا", "احد"})  # "بين الاثنين" = between the two
NOT_TODAY_BEFORE = frozenset({"نفس", "ذلك", "ذات", "ذاك"})  # "في ذلك اليوم" = on that day


def weekday_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Weekdays: يوم الثلاثاء، الثلاثاء الماضي، الخميس المقبل، أحد الأسبوع الماضي."""
    form = key(m.group("wd"))
    wd = load().weekdays[form]
    if not (form.startswith("ال") or g(m, "yom") or g(m, "wk") or g(m, "tod")):
        return None
    if ctx.prev_word() in NOT_WEEKDAY_AFTER:
        return None
    if ctx.pub is None:
        return None, "day"
    if g(m, "o") and (found := _weekday_day(m, ctx, wd)):
        return found
    if g(m, "wk"):
        k = STEP.get(ctx.direction(g(m, "wadj")), 0) if g(m, "wadj") else 0
        d = cal.week_start(ctx.pub) + timedelta(days=7 * k + wd)
        return cal.day_value(d), "day"
    adj = g(m, "adj")
    if g(m, "this"):
        return cal.day_value(cal.weekday(ctx.pub, wd, cal.FUTURE)), "day"
    d = ctx.direction(adj)
    if d == "current":
        return cal.day_value(cal.week_start(ctx.pub) + timedelta(days=wd)), "day"
    strict = bool(adj) or d == cal.FUTURE
    return cal.day_value(cal.weekday(ctx.pub, wd, d, strict=strict)), "day"


def _weekday_day(m: re.Match, ctx: Ctx, wd: int) -> Result | None:
    """ "السبت السادس عشر": day n of the nearest month where it falls on that weekday."""
    day = number(m.group("o"))
    if not day or day > 31:
        return None
    ym = rel_month(m, ctx)
    if ym is None:
        step = 1 if ctx.direction() == cal.FUTURE else -1
        months = [cal.add_months(ctx.pub.year, ctx.pub.month, step * k) for k in range(3)]
        hits = [
            (y, mo) for y, mo in months if (d := cal.safe_date(y, mo, day)) and d.weekday() == wd
        ]
        if not hits:
            return None  # "الجمعة السابعة عشرة": the 17th Friday (of protests), not a day
        ym = hits[0]
    d = cal.safe_date(ym[0], ym[1], day)
    return (cal.day_value(d), "day") if d else None


def relday_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Relative days: اليوم، أمس، أول أمس، غدا، بعد غد، صباح اليوم، في وقت سابق اليوم."""
    rel = key(m.group("rel"))
    offset = load().relative[rel]
    if rel == "اليوم" and not m.group("wd") and not _is_today(m, ctx):
        return None
    if (
        rel in ("الليله", "هذه الليله")
        and STEP.get(ctx.direction(g(m, "adj")) if g(m, "adj") else "") == -1
    ):
        offset = -1
    if ctx.pub is None:
        return None, "day"
    return cal.day_value(ctx.pub + timedelta(days=offset)), "day"


def _is_today(m: re.Match, ctx: Ctx) -> bool:
    """ "اليوم" as today, not "the day" (اليوم الأول، في ذلك اليوم، في نفس اليوم)."""
    if ctx.next_word(m.end("rel")) in load().not_today:
        return False
    return m.start("rel") != ctx.start or ctx.prev_word() not in NOT_TODAY_BEFORE


def period_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Periods: الأسبوع الماضي، هذا الشهر، العام المقبل، نهاية العام الجاري."""
    this, adj, part = g(m, "this"), g(m, "adj"), g(m, "part")
    if not (this or adj or part):
        return None
    noun = key(m.group("noun"))
    unit = {"الاسبوع": "week", "الشهر": "month"}.get(noun, "year")
    k = STEP.get(ctx.direction(adj), 0) if adj else 0
    if ctx.pub is None:
        return None, unit
    d = cal.shift(ctx.pub, k, unit)
    if unit == "week":
        return cal.week_value(d), "week"
    if unit == "month":
        return cal.month_value(d.year, d.month), "month"
    return f"{d.year:04d}", "year"


PLURAL_UNITS = {
    "الايام": "day",
    "الاسابيع": "week",
    "الاشهر": "month",
    "الشهور": "month",
    "السنوات": "year",
    "الاعوام": "year",
}


def periods_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """The N units before or after publication: الأسابيع الثلاثة القادمة → a range."""
    n, unit = number(m.group("n").removeprefix("ال")), PLURAL_UNITS[key(m.group("pl"))]
    d = ctx.direction(m.group("adj"))
    if not n or d == "current":
        return None
    if ctx.pub is None:
        return None, "range"
    start = _unit_start(ctx.pub, unit)
    if d == cal.FUTURE:
        a = cal.shift(start, 1, unit) if unit != "day" else ctx.pub + timedelta(days=1)
        return span_value(a, cal.shift(a, n, unit) - timedelta(days=1))
    a = cal.shift(start, -n, unit)
    return span_value(a, start - timedelta(days=1))


def _unit_start(d, unit: str):
    if unit == "week":
        return cal.week_start(d)
    if unit == "month":
        return d.replace(day=1)
    if unit == "year":
        return d.replace(month=1, day=1)
    return d


INEXACT = ("اكثر", "اقل", "ما")


def offset_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """قبل/بعد/منذ/خلال + N units: قبل أسبوع → a day; منذ ثلاث سنوات → a duration."""
    rel = m.group("rel")
    unit, count = load().units[key(m.group("u"))]
    if unit == "hour":
        return None
    n = number(m.group("n")) if m.group("n") else count
    inexact = bool(m.group("approx")) and m.group("approx").split()[0] in INEXACT
    if rel == "خلال":
        return None, "duration"
    if m.group("of"):
        return None, "vague"  # "قبل يومين من الانتخابات": relative to an event, not to publication
    if rel == "منذ" and (n is None or inexact or unit in ("month", "year")):
        return None, "duration"
    if n is None or inexact:
        return None, "vague"
    if rel == "بعد" and ctx.direction() != cal.FUTURE:
        return None, "vague"  # "وبعد أسبوع، أعلن": after a week from some past event
    precision = {"day": "day", "week": "day"}.get(unit, unit)
    if ctx.pub is None:
        return None, precision
    d = cal.shift(ctx.pub, n if rel == "بعد" else -n, unit)
    if precision == "day":
        return cal.day_value(d), "day"
    return (
        (cal.month_value(d.year, d.month), "month")
        if unit == "month"
        else (f"{d.year:04d}", "year")
    )


def duration_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Spans of time: ثلاثة أيام، يومين، 4 أعوام (no calendar value)."""
    u = m.group("u") or m.group("dual")
    if load().units[key(u)][0] == "hour":
        return None
    return None, "duration"


def vague_rule(m: re.Match, ctx: Ctx) -> Result | None:
    """Vague times: مؤخرا، في الأيام الأخيرة، في وقت لاحق."""
    return None, load().vague[key(m.group("v"))]
