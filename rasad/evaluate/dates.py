"""Date evaluation on Duckling and dateparser Arabic test cases (``../shared/data/dates``).

``evaluate_dates(path)`` reads one JSONL file of cases (either library's format, see the README
there), runs ``find_dates`` on each text and compares the value of the longest expression found
with the expected value converted to rasad's conventions (OUTPUT.md): days YYYY-MM-DD, weeks
YYYY-Www, months YYYY-MM, years YYYY, intervals "A/B" with an inclusive end, durations as
precision "duration" with no value.

Conventions applied to the expected values (not exclusions):
- Duckling resolves bare dates forward (``direction="future"``); dateparser backward ("past").
- A date with a clock time is compared at day precision (rasad's finest precision is the day).
- A part of a month (أوائل، أواخر، منتصف، نصف، بداية…) is normalized to the month itself, as the
  project's gold does («أواخر شهر كانون الثاني» → 2021-01), so Duckling's day or ten-day values
  for these are compared as their month.

Cases ruled out of scope are listed with their reason (``OUT_OF_SCOPE`` below).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rasad.analyze.dates import find_dates
from rasad.analyze.dates.calendar import week_value
from rasad.analyze.normalize import normalize

DATEPARSER_REFERENCE = date(2015, 1, 10)  # any day: its relative cases give offsets only
_CLOCK = re.compile(
    r"الساعه|\d:\d|صباحا|مساءا?|عصرا|ظهرا|فجرا|الصبح|العصر|المغرب|العشاء|الثامنه|وربع|ونصف|بعد الظهر"
)
_PART = re.compile(r"(?<!\w)(?:في\s+)?(?:اوائل|اواخر|منتصف|نصف|نص|بدايه|مطلع|نهايه)(?!\w)")
_SUBDAY = {"Hour", "Minute", "Second"}

Case = dict[str, Any]


def _now(case: Case) -> bool:
    return normalize(case["text"]).strip() in {"حالا", "الان", "في هذه اللحظه"}


def _clock_only(case: Case) -> bool:
    """A sub-day Duckling value on the reference day named by a clock time."""
    ref = case.get("reference_time", "")[:10]
    day = (case.get("value") or case.get("start") or "")[:10]
    return (
        case.get("grain") in _SUBDAY and day == ref and bool(_CLOCK.search(normalize(case["text"])))
    )


def _sub_day_offset(case: Case) -> bool:
    ago = case.get("ago") or {}
    return any(k in ago for k in ("hours", "minutes", "seconds")) or "hour" in case.get(
        "expected_translation", ""
    )


# (reason, test): the first rule a case meets rules it out of scope.
OUT_OF_SCOPE: list[tuple[str, Callable[[Case], bool]]] = [
    ("'now' (حالا، الآن): a moment, not a calendar date", _now),
    ("clock time on the reference day: rasad's finest precision is the day", _clock_only),
    ("hours/minutes ago: sub-day offsets are below day precision", _sub_day_offset),
    (
        "n-th weekday after a holiday (ثالث ثلاثاء بعد كريسماس): arithmetic on holidays",
        lambda c: "بعد كريسماس" in c["text"],
    ),
    (
        "'within N units' (خلال أسبوعين): rasad reports it as a duration, Duckling as from-now",
        lambda c: normalize(c["text"]).startswith("خلال"),
    ),
]


def out_of_scope(case: Case) -> str | None:
    """The reason a case is out of scope, or None."""
    return next((reason for reason, test in OUT_OF_SCOPE if test(case)), None)


def _exclusive_end(end: str) -> str:
    return (date.fromisoformat(end[:10]) - timedelta(days=1)).isoformat()


def duckling_expected(case: Case) -> str:
    """A Duckling case's value in rasad's conventions."""
    if _PART.search(normalize(case["text"])):
        return (case.get("value") or case["start"])[:7]
    if "start" in case:
        a, b = case["start"][:10], _exclusive_end(case["end"])
        return a if a >= b else f"{a}/{b}"
    v, grain = case["value"], case["grain"]
    if grain == "Week":
        return week_value(date.fromisoformat(v[:10]))
    return {"Month": v[:7], "Year": v[:4]}.get(grain, v[:10])


def dateparser_expected(case: Case) -> list[str | None]:
    """A dateparser case's values (None for a duration) in rasad's conventions."""
    if "expected_matches" in case:
        return [v[:10] for _, v in case["expected_matches"]]
    if "expected" in case:
        return [case["expected"][:10]]
    if "ago" in case:
        return [(DATEPARSER_REFERENCE - timedelta(**case["ago"])).isoformat()]
    tr = case["expected_translation"]
    m = re.fullmatch(r"(\d+) day ago", tr)
    if m:
        return [(DATEPARSER_REFERENCE - timedelta(days=int(m.group(1)))).isoformat()]
    return [None]  # "2 day", "4 year": a span of time


def _check(case: Case) -> tuple[bool, str]:
    """Whether rasad gets a case right, and what it found."""
    if "kind" in case:
        ref, direction = case["reference_time"][:10], "future"
        wanted: list[str | None] = [duckling_expected(case)]
    else:
        ref, direction = case.get("relative_base", DATEPARSER_REFERENCE.isoformat()), "past"
        wanted = dateparser_expected(case)
    found = find_dates(case["text"], ref, direction=direction)
    if len(wanted) > 1:
        got = [d.value for d in found]
        return all(w in got for w in wanted), "; ".join(f"{d.text}={d.value}" for d in found)
    if not found:
        return False, "nothing found"
    best = max(found, key=lambda d: d.end - d.start)
    ok = best.value == wanted[0] and (wanted[0] is not None or best.precision == "duration")
    return ok, f"{best.text}={best.value} ({best.precision}), wanted {wanted[0]}"


def evaluate_dates(path: str | Path) -> dict[str, Any]:
    """Run the date cases of a JSONL file: counts, share right, misses and out-of-scope cases."""
    cases = read_cases(path)
    misses, ruled_out, correct = [], [], 0
    for case in cases:
        reason = out_of_scope(case)
        if reason:
            ruled_out.append({"text": case["text"], "reason": reason})
            continue
        ok, got = _check(case)
        correct += ok
        if not ok:
            misses.append({"text": case["text"], "got": got})
    in_scope = len(cases) - len(ruled_out)
    return {
        "cases": len(cases),
        "in_scope": in_scope,
        "correct": correct,
        "share": round(correct / in_scope, 4) if in_scope else 0.0,
        "misses": misses,
        "out_of_scope": ruled_out,
    }


def read_cases(path: str | Path) -> list[Case]:
    """The cases of a JSONL file (bad lines raise ValueError naming the line)."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e.msg})") from None
            if not isinstance(case, dict) or "text" not in case:
                raise ValueError(f"{path}:{n}: a case needs a 'text' field")
            cases.append(case)
    return cases


def main(argv: list[str] | None = None) -> int:
    """``python -m rasad.evaluate.dates FILE.jsonl``: print the report as JSON."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m rasad.evaluate.dates CASES.jsonl", file=sys.stderr)
        return 2
    print(json.dumps(evaluate_dates(args[0]), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
