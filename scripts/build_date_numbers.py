"""Build rasad/data/dates/numbers.tsv: Arabic cardinal and ordinal number words 1-100.

The forms are general knowledge of Arabic numerals (masculine and feminine, definite and
indefinite, nominative and oblique); run ``python scripts/build_date_numbers.py`` to rebuild.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "rasad" / "data" / "dates" / "numbers.tsv"

UNITS = {
    1: ["واحد", "واحدة"],
    2: ["اثنان", "اثنين", "اثنتان", "اثنتين"],
    3: ["ثلاث", "ثلاثة"],
    4: ["أربع", "أربعة"],
    5: ["خمس", "خمسة"],
    6: ["ست", "ستة"],
    7: ["سبع", "سبعة"],
    8: ["ثمان", "ثماني", "ثمانية"],
    9: ["تسع", "تسعة"],
}
TEEN_UNITS = {1: ["أحد", "إحدى"], 2: ["اثنا", "اثني", "اثنتا", "اثنتي"]}
TENS = {
    20: ["عشرون", "عشرين"],
    30: ["ثلاثون", "ثلاثين"],
    40: ["أربعون", "أربعين"],
    50: ["خمسون", "خمسين"],
    60: ["ستون", "ستين"],
    70: ["سبعون", "سبعين"],
    80: ["ثمانون", "ثمانين"],
    90: ["تسعون", "تسعين"],
}
ORDINALS = {
    1: ["أول", "أولى"],
    2: ["ثاني", "ثانية", "ثان"],
    3: ["ثالث", "ثالثة"],
    4: ["رابع", "رابعة"],
    5: ["خامس", "خامسة"],
    6: ["سادس", "سادسة"],
    7: ["سابع", "سابعة"],
    8: ["ثامن", "ثامنة"],
    9: ["تاسع", "تاسعة"],
    10: ["عاشر", "عاشرة"],
}
COMPOUND_ORD_ONE = ["حادي", "حادية"]


def cardinals() -> list[tuple[str, int]]:
    """Cardinal forms 1-100."""
    rows = [(f, n) for n, forms in UNITS.items() for f in forms]
    rows += [("عشر", 10), ("عشرة", 10)]
    for n in range(1, 10):
        units = TEEN_UNITS.get(n, UNITS[n])
        rows += [(f"{u} {t}", 10 + n) for u in units for t in ("عشر", "عشرة")]
    for tens, tforms in TENS.items():
        rows += [(t, tens) for t in tforms]
        rows += [(f"{u} و{t}", tens + n) for n, uf in UNITS.items() for u in uf for t in tforms]
    rows += [("مئة", 100), ("مائة", 100)]
    return rows


def ordinals() -> list[tuple[str, int]]:
    """Ordinal forms 1-31, definite and indefinite (day of month, nth weekday)."""
    rows = []
    for n, forms in ORDINALS.items():
        rows += [(f, n) for f in forms] + [("ال" + f, n) for f in forms]
    for n in range(11, 20):
        units = COMPOUND_ORD_ONE if n == 11 else ORDINALS[n - 10]
        for u in units:
            rows += [(f"{p}{u} {p}{t}", n) for p in ("ال", "") for t in ("عشر", "عشرة")]
            rows += [(f"ال{u} {t}", n) for t in ("عشر", "عشرة")]
    for tens in (20, 30):
        for t in TENS[tens]:
            rows += [(t, tens), ("ال" + t, tens)]
            for n in range(1, 10):
                if tens == 30 and n > 1:
                    break
                units = COMPOUND_ORD_ONE if n == 1 else ORDINALS[n]
                rows += [(f"{p}{u} و{p}{t}", tens + n) for u in units for p in ("ال", "")]
                rows += [(f"ال{u} و{t}", tens + n) for u in units]
    return rows


def main() -> None:
    """Write the table."""
    lines = [
        "# Arabic number words: cardinals 1-100 and ordinals 1-31 (days of the month).",
        "# Source: general knowledge of Arabic numerals (rasad).",
        "# Licence: Apache-2.0 (rasad).",
        "# How built: scripts/build_date_numbers.py (generated from unit, teen and tens forms).",
        "form\tvalue\tkind",
    ]
    seen = set()
    for kind, rows in (("cardinal", cardinals()), ("ordinal", ordinals())):
        for form, value in rows:
            if (form, kind) not in seen:
                seen.add((form, kind))
                lines.append(f"{form}\t{value}\t{kind}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
