"""Calendar arithmetic for date normalization: direction-aware resolution, weeks, Hijri."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

PAST, FUTURE = "past", "future"


def day_value(d: date) -> str:
    """A day as YYYY-MM-DD."""
    return d.isoformat()


def month_value(y: int, m: int) -> str:
    """A month as YYYY-MM."""
    return f"{y:04d}-{m:02d}"


def week_value(d: date) -> str:
    """The ISO week of a day as YYYY-Www."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """The month ``k`` months after (y, m)."""
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def shift(d: date, n: int, unit: str) -> date:
    """A day moved by ``n`` days, weeks, months or years (month ends clamp)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n if unit == "month" else 12 * n
    y, m = add_months(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def safe_date(y: int, m: int, d: int) -> date | None:
    """A date, or None when the day does not exist."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_day(pub: date, month: int, day: int, direction: str, strict: bool = False) -> date | None:
    """The day/month nearest the publication date in the given direction."""
    cands = [safe_date(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)]
    cands = [c for c in cands if c]
    if direction == FUTURE:
        ok = [c for c in cands if c > pub or (c == pub and not strict)]
        return min(ok) if ok else None
    ok = [c for c in cands if c < pub or (c == pub and not strict)]
    return max(ok) if ok else None


def month_only(pub: date, month: int, direction: str, strict: bool = False) -> tuple[int, int]:
    """The (year, month) nearest the publication month in the given direction."""
    cur = (pub.year, pub.month)
    if direction == FUTURE:
        y = (
            pub.year
            if (pub.year, month) > cur or ((pub.year, month) == cur and not strict)
            else pub.year + 1
        )
    else:
        y = (
            pub.year
            if (pub.year, month) < cur or ((pub.year, month) == cur and not strict)
            else pub.year - 1
        )
    return y, month


def weekday(pub: date, wd: int, direction: str, strict: bool = False) -> date:
    """The weekday ``wd`` nearest the publication date (past: on/before; future: after)."""
    if direction == FUTURE:
        ahead = (wd - pub.weekday()) % 7
        return pub + timedelta(days=ahead or (7 if strict else 0))
    back = (pub.weekday() - wd) % 7
    return pub - timedelta(days=back or (7 if strict else 0))


def week_start(d: date) -> date:
    """The Monday of a day's ISO week."""
    return d - timedelta(days=d.weekday())


def month_end(y: int, m: int) -> date:
    """The last day of a month."""
    return date(y, m, calendar.monthrange(y, m)[1])


def nth_weekday(y: int, m: int, wd: int, n: int) -> date | None:
    """The n-th (1-based; -1 = last) weekday ``wd`` of a month."""
    if n == -1:
        d = month_end(y, m)
        return d - timedelta(days=(d.weekday() - wd) % 7)
    first = date(y, m, 1)
    d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == m else None


def hijri_to_date(y: int, m: int, d: int) -> date | None:
    """A Hijri date as a Gregorian date (a day 30 past a 29-day month rolls over)."""
    try:
        first = Hijri(y, m, 1).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if not 1 <= d <= 30:
        return None
    return date(first.year, first.month, first.day) + timedelta(days=d - 1)


def hijri_month_span(y: int, m: int) -> tuple[date, date] | None:
    """The first and last Gregorian days of a Hijri month."""
    try:
        h = Hijri(y, m, 1)
        first = h.to_gregorian()
        length = h.month_length()
    except (ValueError, OverflowError):
        return None
    start = date(first.year, first.month, first.day)
    return start, start + timedelta(days=length - 1)


def hijri_year_span(y: int) -> tuple[date, date] | None:
    """The first and last Gregorian days of a Hijri year."""
    a, b = hijri_month_span(y, 1), hijri_month_span(y, 12)
    return (a[0], b[1]) if a and b else None


def hijri_of(d: date) -> tuple[int, int, int]:
    """The Hijri (year, month, day) of a Gregorian date."""
    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def hijri_nearest(pub: date, month: int, day: int, direction: str) -> date | None:
    """A Hijri day/month without a year, placed nearest the publication date."""
    hy = hijri_of(pub)[0]
    cands = [hijri_to_date(y, month, day) for y in (hy - 1, hy, hy + 1)]
    cands = [c for c in cands if c]
    ok = [c for c in cands if (c >= pub if direction == FUTURE else c <= pub)]
    if not ok:
        return None
    return min(ok) if direction == FUTURE else max(ok)


def easter(y: int) -> date:
    """Western Easter Sunday of a year (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(y, month, (h + ell - 7 * m + 33 * month + 19) % 32)
