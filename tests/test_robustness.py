"""Fuzzing with hypothesis: ``rasad.analyze`` and the readers never crash on odd input.

``analyze`` may only raise ``InputError`` and its record must satisfy every invariant of
``tests/test_invariants.py``; ``read_text`` returns Records or InputErrors and never raises.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasad
from rasad.api import analyze_record
from rasad.ingest.readers import read_text
from rasad.ingest.records import InputError, Record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_invariants import violations  # noqa: E402

# No example database on disk, no deadline (the first call loads lexicons), few examples;
# RASAD_FUZZ_EXAMPLES=5000 runs a deeper fuzz by hand. In CI the examples are fixed
# (derandomized), so a run is repeatable; by hand each run explores new ones.
FUZZ = settings(
    max_examples=int(os.environ.get("RASAD_FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + ["\u0671", "\u067e", "\u06a4", "\u06cc"]
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"]  # + tatweel
PUNCT = list(".,،؛؟!:;-–—()[]/…*•#@%$&") + ["&quot;", "&amp;"]
QUOTES = list("\"'«»“”‘’„‹›")
DIGITS = list("0123456789") + [chr(c) for c in range(0x0660, 0x066A)] + ["۱", "۲", "۹"]
SPACES = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u00a0",
    "\u200f",
    "\u200e",
    "\u200c",
    "\ufeff",
]
# Words that lead the stages into their rules (names, cue verbs, date words, titles).
WORDS = (
    "قال أكد أعلن وأضاف إن أن الرئيس وزير الخارجية ترامب بوتين السعودية إسرائيل مصر "
    "الأمم المتحدة رويترز أمس اليوم الثلاثاء يناير مارس 2021 ٢٠١٨ العام الماضي منذ "
    "بين من إلى حتى وفد زار التقى اتفاق هجوم قتل احتجاج بن عبد الله في على لـ بـ ولم لن"
).split()

PIECE = st.one_of(
    st.sampled_from(LETTERS),
    st.sampled_from(DIACRITICS),
    st.sampled_from(PUNCT),
    st.sampled_from(QUOTES),
    st.sampled_from(DIGITS),
    st.sampled_from(SPACES),
    st.sampled_from(WORDS).map(lambda w: f" {w} "),
)
ARABIC_TEXT = st.lists(PIECE, min_size=0, max_size=80).map("".join)
PUBLISHED = st.sampled_from([None, "2021-03-02", "2018-02-28T23:59:00+03:00", "2015-07-21"])


# One-line titles here; titles with line breaks are fuzzed by test_analyze_fuzz_any_title.
ONE_LINE_TITLE = st.none() | ARABIC_TEXT.map(lambda t: " ".join(t.splitlines()))


def check_analyze(text: str, title: str | None = None, published: str | None = None) -> None:
    """``analyze`` gives a record satisfying every invariant, or raises InputError."""
    try:
        article = rasad.analyze(text, title=title, published=published)
    except InputError:
        return
    assert violations(article) == []


@FUZZ
@given(text=ARABIC_TEXT, title=ONE_LINE_TITLE, published=PUBLISHED)
def test_analyze_fuzz(text: str, title: str | None, published: str | None) -> None:
    check_analyze(text, title, published)


@FUZZ
@given(text=st.text(min_size=1, max_size=60))
def test_analyze_any_unicode(text: str) -> None:
    """Any Unicode at all (surrogates, controls, other scripts) mixed into an Arabic sentence."""
    check_analyze(f"قال الرئيس {text} في القاهرة", title=" ".join(text.splitlines()))


@FUZZ
@given(text=ARABIC_TEXT, title=ARABIC_TEXT | st.text(max_size=20))
def test_analyze_fuzz_any_title(text: str, title: str) -> None:
    check_analyze(text, title)


DATE_WORDS = "أمس غدا اليوم الثلاثاء العام الماضي المقبل الشهر الأسبوع قبل بعد 3 أيام سنوات يناير"
DATE_TEXT = st.lists(st.sampled_from(DATE_WORDS.split()), max_size=12).map(" ".join)
# Any day, with the ends of the calendar drawn often: that is where date arithmetic breaks.
ANY_DAY = st.dates() | st.dates(max_value=date(1, 2, 1)) | st.dates(min_value=date(9999, 12, 1))


@pytest.mark.parametrize(
    ("text", "published"),
    [
        pytest.param("غدا الثلاثاء", "9999-12-31", id="tomorrow-9999"),
        pytest.param("أمس", "0001-01-01", id="yesterday-0001"),
        pytest.param("العام المقبل", "0001-01-01", id="next-year-0001"),
        pytest.param("أمس الاثنين والعام الماضي والأسبوع المقبل", "1900-01-01", id="1900"),
        pytest.param("أمس والعام الماضي والأسبوع المقبل", "2099-12-31T23:59:59+14:00", id="2099"),
    ],
)
def test_analyze_extreme_published(text: str, published: str) -> None:
    check_analyze(text, published=published)


@FUZZ
@given(text=DATE_TEXT, published=ANY_DAY.map(date.isoformat))
def test_analyze_fuzz_any_published(text: str, published: str) -> None:
    """Any calendar date as the publication date, down to year 1 and up to 9999."""
    check_analyze(text, published=published)


PREFIXES = [b"", b"{", b"[", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe", b'{"text": "']
ARABIC_BYTES = st.lists(st.sampled_from(WORDS + LETTERS + QUOTES + SPACES)).map(
    lambda xs: "".join(xs).encode("utf-8")
)
RAW = st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=200) | ARABIC_BYTES).map(
    lambda t: t[0] + t[1]
)


@FUZZ
@given(data=RAW)
def test_read_text_fuzz(data: bytes) -> None:
    out = read_text(data)
    assert out and all(isinstance(x, Record | InputError) for x in out)


@FUZZ
@given(
    data=st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf"]), ARABIC_BYTES, st.binary(max_size=40))
)
def test_read_then_analyze(data: tuple[bytes, bytes, bytes]) -> None:
    """Whatever a reader returns can be analyzed: a sound record or a clear InputError."""
    for rec in read_text(b"".join(data)):
        if isinstance(rec, Record):
            try:
                article = analyze_record(rec)
            except InputError:
                continue
            assert violations(article) == []


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00", b"\xff\xfe\x00", b"{", b"[]", b"[1, 2]", b'{"text": 5}', b"<", b"\x1f\x8b\x08"],
)
def test_read_text_edge_bytes(data: bytes) -> None:
    out = read_text(data)
    assert out and all(isinstance(x, Record | InputError) for x in out)
