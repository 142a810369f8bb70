"""The date grammar: one anchor regex (the prefilter) and the expression patterns tried at anchors.

All patterns work on the normalized text (``rasad.analyze.normalize``): alef forms, ta marbuta
and alef maqsura folded, Arabic-Indic digits as ASCII. Each pattern is tried with
``Pattern.match`` only at the anchors that can start it, so the text is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.analyze.dates.lexicon import alt, load, trie_alt

W = r"(?!\w)"  # end of a word
DIGIT = "<digit>"
# Closed-class pieces of the grammar (a handful of function words each).
TOD = r"(?:صباح|مساء|ظهر|ظهيره|عصر|فجر|ليله|ليل)"
EARLY = r"(?:في\s+)?وقت\s+(?:سابق|لاحق|متاخر|مبكر)\s+(?:من\s+)?"
TO = r"(?:-|–|الى|حتى|وحتى|ولغايه|لغايه|و)"
PREP = r"(?:(?:من|في)\s+|ب\s*)?"
APPROX = (
    r"(?:نحو|حوالي|حوالى|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يزيد\s+(?:عن|على)"
    r"|ما\s+يقرب\s+من|ما\s+يناهز|اخر)"
)
FEW = r"(?:عده|بضعه|بضع)"
HIJRI_MARK = r"(?:\s*(?P<hm>ه|هجريه|هجري|للهجره)" + W + ")?"
PERIOD_NOUN = r"(?:الاسبوع|الشهر|العام|السنه)"
PLURAL_NOUN = r"(?:الايام|الاسابيع|الاشهر|الشهور|السنوات|الاعوام)"


@dataclass(frozen=True)
class Grammar:
    """The compiled anchor regex, the patterns and which anchor words can start which pattern."""

    anchor: re.Pattern
    digit_gate: re.Pattern  # a short number that can start an expression (else: skipped)
    patterns: dict[str, re.Pattern]
    starts: dict[str, tuple[str, ...]]  # anchor word (or DIGIT) -> pattern names, in priority


def _forms(calendar: str) -> list[str]:
    return [f for f, m in load().months.items() if m.calendar == calendar]


def _pieces() -> dict[str, str]:
    lex = load()
    return {
        "GMON": alt(_forms("gregorian")),
        "HMON": alt(_forms("hijri")),
        "WD": alt(lex.weekdays),
        "ADJ": alt(lex.adjectives()),
        "PART": alt(lex.parts),
        "UNIT": alt(lex.units),
        "DUAL": alt(f for f, (_, n) in lex.units.items() if n == 2),
        "CARD": alt(lex.cardinals),
        "ORD": alt(lex.ordinals),
        "REL": alt(lex.relative),
        "VAGUE": alt(lex.vague),
        "HOL": alt(lex.holidays),
    }


def month_re(p: dict[str, str], t: str = "", rel: bool = False) -> str:
    """A month reference: a name (or combined names), شهر + number, or الشهر + ordinal."""
    g = p["GMON"]
    alts = [
        rf"(?P<m{t}>{g}){W}(?:\s*[/\\-]\s*(?P<mb{t}>{g}){W}|\s*\(\s*(?P<mc{t}>{g})\s*\)"
        rf"|\s+(?P<md{t}>{g}){W})?",
        rf"(?:ال)?شهر\s+(?P<mn{t}>\d{{1,2}}(?!\d)|{p['CARD']}{W})",
        rf"الشهر\s+(?P<mo{t}>{p['ORD']}){W}",
    ]
    if rel:
        alts.append(rf"(?P<mr{t}>هذا\s+الشهر|الشهر\s+(?P<ma{t}>{p['ADJ']}){W})")
    return "(?:" + "|".join(alts) + ")"


def day_re(p: dict[str, str], t: str = "") -> str:
    """A day of the month: digits or an ordinal word (الرابع، الحادي والعشرين، ثالث يوم)."""
    return rf"(?:(?P<d{t}>\d{{1,2}})(?!\d)|(?:اليوم\s+)?(?P<o{t}>{p['ORD']}){W}(?:\s+يوم{W})?)"


def year_re(t: str = "") -> str:
    """An optional year after a month: ، 2021 / من عام 2021 / لعام 2014 / 2021 م / العام المقبل."""
    adj = alt(load().adjectives())
    return (
        rf"(?:\s*[،,]?\s*(?:(?:من|في)\s+)?(?:(?:[لب]?(?:عام|سنه|العام|السنه)\s+)?"
        rf"(?P<y{t}>\d{{4}})(?!\d)(?:\s*م{W})?|(?:العام|السنه)\s+(?P<ya{t}>{adj}){W}))?"
    )


def _patterns(p: dict[str, str]) -> dict[str, str]:
    wdp = rf"(?:يوم\s+)?(?P<wd>{p['WD']}){W}\s*[،,]?\s*(?:(?:في|الموافق|الموافقه)\s+)?"
    adj = rf"(?:\s+(?P<adj>{p['ADJ']}){W})?"
    mon, day, year = month_re(p, rel=True), day_re(p), year_re()
    return {
        "date": rf"(?:{wdp})?{day}\s*{PREP}(?:(?:ال)?شهر\s+)?{mon}{year}{adj}",
        "hdate": rf"(?:{wdp})?{day}\s*(?:من\s+)?(?:شهر\s+)?(?P<hmon>{p['HMON']}){W}"
        rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d))?{HIJRI_MARK}",
        "month": rf"(?:(?P<part>{p['PART']}){W}\s*{PREP})?(?P<shahr>(?:ال)?شهر\s+)?"
        rf"{month_re(p)}{year}{adj}",
        "hmonth": rf"(?:(?P<part>{p['PART']}){W}\s*{PREP})?(?:شهر\s+)?(?P<hmon>{p['HMON']}){W}"
        rf"\s*[،,]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d){HIJRI_MARK}",
        "numeric": rf"(?:{wdp})?(?P<a>\d{{1,4}})\s*(?P<sep>[/\-.])\s*(?P<b>\d{{1,4}})(?!\d)"
        rf"(?:\s*(?P=sep)\s*(?P<c>\d{{1,4}}))?(?!\d){HIJRI_MARK}",
        "weekday": rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yom>يوم)\s+)?(?:(?P<this>هذا)\s+)?"
        rf"(?P<wd>{p['WD']}){W}(?:\s+(?:(?P<adj>{p['ADJ']})|(?:من\s+)?(?P<wk>(?:هذا\s+)?الاسبوع)"
        rf"(?:\s+(?P<wadj>{p['ADJ']}))?|(?P<o>{p['ORD']})(?:\s+من\s+(?P<mr>هذا\s+الشهر|الشهر\s+"
        rf"(?P<ma>{p['ADJ']})))?){W})?",
        "relday": rf"(?P<early>{EARLY})?(?:(?P<tod>{TOD})\s+)?(?:(?P<yom>يوم)\s+)?"
        rf"(?P<rel>{p['REL']}){W}(?:\s*[،,]?\s*(?P<wd>{p['WD']}){W}|\s+(?P<adj>{p['ADJ']}){W})?",
        "period": rf"(?:(?P<part>{p['PART']}){W}\s+(?:من\s+)?)?(?:(?P<this>هذا|هذه)\s+)?"
        rf"(?P<noun>{PERIOD_NOUN}){W}{adj}",
        "periods": rf"(?P<pl>{PLURAL_NOUN})\s+(?:ال)?(?P<n>{p['CARD']}|\d{{1,2}})\s+(?P<adj>{p['ADJ']}){W}",
        "year": rf"(?:(?P<part>{p['PART']}){W}\s+(?:من\s+)?)?(?:[لب]?(?P<kw>عام|سنه|العام|السنه)\s+)?"
        rf"(?P<y>\d{{4}})(?!\d)(?:\s*(?P<mil>م){W})?{HIJRI_MARK}",
        "yrange": rf"(?:(?P<from>بين|من)\s+)?(?:(?P<kw>عامي|العامين|سنتي|عام|سنه|الاعوام|السنوات)\s+)?"
        rf"(?P<y1>\d{{4}})\s*{TO}\s*(?:(?:عام|سنه)\s+)?(?P<y2>\d{{4}})(?!\d)",
        "range": rf"(?:(?:من|بين)\s+)?(?:{p['WD']}\s+)?{day_re(p, '1')}\s*{TO}\s*"
        rf"(?:{p['WD']}\s+)?{day_re(p, '2')}\s*{PREP}(?:شهر\s+)?{month_re(p, rel=True)}{year}{adj}",
        "range2": rf"(?:(?:من|بين)\s+)?{day_re(p, '1')}\s*{PREP}(?:شهر\s+)?{month_re(p, 'a')}"
        rf"{year_re('a')}\s*{TO}\s*{day_re(p, '2')}\s*{PREP}(?:شهر\s+)?{month_re(p, 'b')}{year_re('b')}"
        rf"{adj}",
        "range3": rf"{month_re(p)}\s+(?P<d1>\d{{1,2}})\s*{TO}\s*(?P<d2>\d{{1,2}})(?!\d){year}",
        "offset": rf"(?P<rel>قبل|بعد|منذ|خلال)\s+(?:(?P<approx>{APPROX})\s+)?"
        rf"(?:(?P<n>\d{{1,3}}|{p['CARD']}|{FEW})\s+)?(?P<u>{p['UNIT']}){W}(?!\s+(?:{p['GMON']}|{p['HMON']})|\s*\d)(?:(?=(?P<of>\s+من\s+\w+)))?",
        "duration": rf"(?:(?P<n>\d{{1,3}}|{p['CARD']})\s+(?P<u>{p['UNIT']})|(?P<dual>{p['DUAL']})){W}",
        "vague": rf"(?P<v>{p['VAGUE']}){W}",
        "holiday": rf"(?P<hol>{p['HOL']}){W}(?:\s*[،,]?\s*(?:(?:من\s+)?[لب]?(?:عام|سنه)\s+)?"
        rf"(?P<y>\d{{4}})(?!\d){HIJRI_MARK})?{adj}",
        "nth": rf"(?P<nth>{p['ORD']}|اخر)\s+(?:(?P<unit>يوم|اسبوع)\s+)?(?:(?P<wd>{p['WD']}){W}\s*)?"
        rf"(?:من|في|ب)\s*(?:(?:ال)?شهر\s+)?{month_re(p, rel=True)}{year}",
        "nth2": rf"(?:(?P<unit>اليوم|الاسبوع)|(?P<wd>{p['WD']}))\s+(?P<nth>{p['ORD']}|الاخير|الاخيره)"
        rf"\s+(?:من|في|ب)\s*(?:(?:ال)?شهر\s+)?{month_re(p, rel=True)}{year}",
    }


def _first_words(forms) -> set[str]:
    return {f.split()[0] for f in forms}


def _starts() -> dict[str, list[str]]:
    """Which anchor words can begin each pattern."""
    lex = load()
    gmon, hmon = _first_words(_forms("gregorian")), _first_words(_forms("hijri"))
    wd, parts, ords = set(lex.weekdays), set(lex.parts), _first_words(lex.ordinals)
    cards, rel = _first_words(lex.cardinals), _first_words(lex.relative)
    shahr = {"شهر", "الشهر"}
    return {
        "date": [DIGIT, "يوم", "اليوم", *ords, *wd],
        "hdate": [DIGIT, "يوم", "اليوم", *ords, *wd],
        "month": [*parts, *shahr, *gmon],
        "hmonth": [*parts, "شهر", *hmon],
        "numeric": [DIGIT, "يوم", *wd],
        "weekday": [TOD_WORD, "يوم", "هذا", *wd],
        "relday": ["في", "وقت", TOD_WORD, "يوم", *rel],
        "period": [*parts, "هذا", "هذه", "الاسبوع", "الشهر", "العام", "السنه"],
        "periods": ["الايام", "الاسابيع", "الاشهر", "الشهور", "السنوات", "الاعوام"],
        "year": [*parts, DIGIT, "عام", "سنه", "العام", "السنه"],
        "yrange": [
            "بين",
            "من",
            DIGIT,
            "عامي",
            "العامين",
            "سنتي",
            "عام",
            "سنه",
            "الاعوام",
            "السنوات",
        ],
        "range": ["من", "بين", DIGIT, *ords, *wd],
        "range2": ["من", "بين", DIGIT, *ords],
        "range3": [*gmon, *shahr],
        "offset": ["قبل", "بعد", "منذ", "خلال"],
        "duration": [DIGIT, *cards, *(f for f, (_, n) in lex.units.items() if n == 2)],
        "vague": _first_words(lex.vague),
        "holiday": _first_words(lex.holidays),
        "nth": [*ords, "اخر"],
        "nth2": ["اليوم", "الاسبوع", *wd],
    }


TOD_WORD = "<tod>"
# Literals in this module are written as spelled; fold them like the normalized text.
_FOLD = str.maketrans({"ى": "ي", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"})
_TOD_WORDS = ("صباح", "مساء", "ظهر", "ظهيره", "عصر", "فجر", "ليله", "ليل")


@cache
def grammar() -> Grammar:
    """The compiled grammar (built once from the data tables)."""
    p = _pieces()
    patterns = {name: re.compile(rx.translate(_FOLD)) for name, rx in _patterns(p).items()}
    starts: dict[str, list[str]] = {}
    for name, words in _starts().items():
        for w in words:
            for word in _TOD_WORDS if w == TOD_WORD else (w,):
                starts.setdefault(word, []).append(name)
    words = [w for w in starts if w not in (DIGIT, "في", "من", "بين", "هذا", "هذه")]
    ords = alt(_first_words(load().ordinals))
    fi_next = alt({f.split()[1] for f in load().vague if f.startswith("في ")} | {"وقت"})
    anchor = re.compile(
        r"(?<!\w)(?:[وفبل]|وب|ول|فب|فل)?(?P<w>\d+"
        rf"|{trie_alt(words)}{W}"
        rf"|في(?=\s+{fi_next})"
        rf"|هذ[اه](?=\s+(?:{PERIOD_NOUN}|اليوم|الليله|{alt(load().weekdays)}){W})"
        rf"|(?:من|بين)(?=\s+(?:\d|{ords}{W}|عامي|العامين|سنتي|عام|سنه)))"
    )
    gate = re.compile(_digit_gate().translate(_FOLD))
    return Grammar(anchor, gate, patterns, {k: tuple(dict.fromkeys(v)) for k, v in starts.items()})


def _digit_gate() -> str:
    """What must follow a 1-3 digit number for it to start a date, range or duration."""
    lex = load()
    months = alt(_first_words(lex.months))
    follow = rf"(?:و|الى|حتى|وحتى|لغايه|ولغايه|من|شهر|الشهر|{months}|{alt(lex.units)}){W}"
    return rf"\d{{1,3}}(?!\d)\s*(?:[/\-.–]|{follow}|و\s*\d|ب)"
