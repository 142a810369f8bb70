"""Normalization for matching: folds, drops, and the offset map back to the text."""

from __future__ import annotations

import pytest

from rasad.analyze.normalize import NormView, normalize, strip_diacritics

CASES = [
    # tatweel
    ("مـــصر", "مصر"),
    ("لـ", "ل"),
    # diacritics (harakat, shadda, sukun, tanwin, superscript alef)
    ("مُحَمَّدٌ", "محمد"),
    ("تحدياً", "تحديا"),
    ("هٰذا", "هذا"),
    ("وَجَّهَ", "وجه"),
    # alef forms
    ("أحمد", "احمد"),
    ("إسرائيل", "اسرائيل"),
    ("آمال", "امال"),
    ("ٱلله", "الله"),
    # alef maqsura and Persian ya, ta marbuta
    ("مصطفى", "مصطفي"),
    ("علی", "علي"),
    ("مدرسة", "مدرسه"),
    # Persian kaf
    ("کتاب", "كتاب"),
    # Arabic-Indic and Persian digits
    ("٢٠٢١", "2021"),
    ("۲۰۲۱", "2021"),
    ("٣٫٥", "3٫5"),
    # spaces: NBSP, narrow NBSP, thin space, tab
    ("بيني\u00a0غانتس", "بيني غانتس"),
    ("بيني\u202fغانتس", "بيني غانتس"),
    ("بيني\u2009غانتس", "بيني غانتس"),
    ("بيني\tغانتس", "بيني غانتس"),
    # zero-width and bidi controls
    ("غان\u200cتس", "غانتس"),
    ("غان\u200dتس", "غانتس"),
    ("\u200fغانتس\u200e", "غانتس"),
    ("\u202bغانتس\u202c", "غانتس"),
    ("\u2067غانتس\u2069", "غانتس"),
    ("\ufeffغانتس", "غانتس"),
    ("\u061cغانتس", "غانتس"),
    # Arabic presentation forms (one letter each; ligatures stay)
    ("ﺇﻟﻰ", "الي"),
    ("ﺍﻟﺤﻜﻮﻣﺔ", "الحكومه"),
    ("ﻻ", "ﻻ"),
    # Latin folds to lower case
    ("i24NEWS", "i24news"),
    ("CNN", "cnn"),
    # a whole phrase
    ("وأكّد غانتس اليومَ", "واكد غانتس اليوم"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(("text", "_"), CASES)
def test_normalize_is_idempotent(text: str, _: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("مُحَمَّد", "محمد"), ("مـصر", "مصر"), ("أحمد", "أحمد"), ("غان\u200cتس", "غانتس")],
)
def test_strip_diacritics_keeps_letters(text: str, expected: str) -> None:
    assert strip_diacritics(text) == expected


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("قال مُحَمَّدٌ إنّ الوفدَ وصل", "الوفد"),
        ("رئيس الـــوزراء", "الوزراء"),
        ("\u200fقال\u200f غانتس", "غانتس"),
        ("ذكر موقع i24NEWS الإسرائيلي", "i24news"),
        ("بلا تغيير", "تغيير"),
    ],
)
def test_normview_maps_back_to_text(text: str, needle: str) -> None:
    view = NormView(text)
    i = view.norm.index(needle)
    start, end = view.span(i, i + len(needle))
    assert normalize(text[start:end]) == needle
    assert view.text is text  # the text is never altered


def test_normview_identity_and_end() -> None:
    view = NormView("غانتس")
    assert view.dropped == []
    assert view.to_text(5) == 5
    marked = NormView("غَانتس")
    assert marked.to_text(len(marked.norm)) == len("غَانتس")
    assert marked.span(2, 2) == (3, 3)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ًرو", "رو"),
        ("قال ًالرئيس", "قال الرئيس"),
        ("مدرسةٌ جديدةٌ", "مدرسةٌ جديدةٌ"),  # marks on letters stay
        ("سطر\nًسطر", "سطر\nسطر"),
    ],
)
def test_orphan_marks_are_dropped(text, want):
    from rasad.analyze.normalize import strip_orphan_marks

    assert strip_orphan_marks(text) == want
