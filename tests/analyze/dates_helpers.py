"""Helpers of the date tests: the publication date they resolve against, and checks."""

from __future__ import annotations

from rasad.analyze.dates import find_dates

PUB = "2021-03-02"  # a Tuesday; ISO week 2021-W09


def main(text: str, pub=PUB, direction: str = "past"):
    """The longest expression found (the one a sentence is about)."""
    found = find_dates(text, pub, direction=direction)
    assert found, f"no date in {text!r}"
    return max(found, key=lambda d: d.end - d.start)


def check(text, value, precision, pub=PUB, direction="past"):
    d = main(text, pub, direction)
    assert (d.value, d.precision) == (value, precision), d
