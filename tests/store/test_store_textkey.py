"""Search keys: the fallback proclitic stripper and query parsing."""

from __future__ import annotations

import pytest

from rasad.analyze.normalize import normalize
from rasad.store.textkey import fallback_segment, fts_query, query_terms, search_body


@pytest.mark.parametrize(
    "word, stem",
    [
        ("والسعودية", "سعوديه"),
        ("بالرياض", "رياض"),
        ("للأمم", "امم"),
        ("وللأمم", "امم"),
        ("كالعادة", "عاده"),
        ("ولد", "ولد"),  # too short to carry a clitic
        ("مصر", "مصر"),
    ],
)
def test_fallback_segment(word, stem):
    assert fallback_segment(normalize(word))[2] == stem


@pytest.mark.parametrize("segmenter", ["fallback", "tokens"])
def test_same_key_for_clitic_forms(segmenter):
    pytest.importorskip("rasad.analyze.tokens")
    forms = ["السعودية", "والسعودية", "بالسعودية", "وبالسعودية"]
    assert len({search_body(f, segmenter) for f in forms}) == 1


@pytest.mark.parametrize(
    "word, stem",
    [
        ("وللأمم", "امم"),  # the contracted لل after a conjunction
        ("للحكومة", "حكومه"),
        ("الألمان", "المان"),  # a stem starting with أل keeps it
        ("بالألبوم", "البوم"),
    ],
)
def test_tokens_segmenter_stems(word, stem):
    pytest.importorskip("rasad.analyze.tokens")
    assert search_body(word, "tokens") == stem


def test_query_phrases():
    assert query_terms('اليمن "الأمم المتحدة"', "fallback") == [["يمن"], ["امم", "متحده"]]
    assert fts_query([["يمن"], ["امم", "متحده"]]) == '"يمن" AND "امم متحده"'
