"""Sentence splitting: punctuation, paragraphs, quotations, abbreviations and numbers."""

from __future__ import annotations

import pytest

from rasad.analyze.sentences import sentences, split_sentences
from rasad.model import Article

CASES = [
    ("قال الوزير. وأضاف المتحدث.", ["قال الوزير.", "وأضاف المتحدث."]),
    ("هل انتهى؟ نعم! ثم غادر", ["هل انتهى؟", "نعم!", "ثم غادر"]),
    ("Is it over? Yes. Then", ["Is it over?", "Yes.", "Then"]),
    ("أولا؛ ثانيا", ["أولا؛", "ثانيا"]),
    ("انتظر... ثم عاد", ["انتظر...", "ثم عاد"]),
    ("العنوان\n\nالفقرة الأولى\n\nالفقرة الثانية", ["العنوان", "الفقرة الأولى", "الفقرة الثانية"]),
    # quotations are not split
    ('وأضاف: "هذا جيد. لكنه غير كاف". ثم غادر.', ['وأضاف: "هذا جيد. لكنه غير كاف".', "ثم غادر."]),
    ("قال «لن نتراجع. سنواصل» أمس. وانتهى", ["قال «لن نتراجع. سنواصل» أمس.", "وانتهى"]),
    ("قال “لا أعتقد. ربما” وسكت.", ["قال “لا أعتقد. ربما” وسكت."]),
    ('قال: "سنقاتل!" وأضاف: "لن نستسلم؟".', ['قال: "سنقاتل!" وأضاف: "لن نستسلم؟".']),
    # punctuation that closes a quotation does not end the sentence around it
    ('وقال "انتهى الأمر." ثم غادر', ['وقال "انتهى الأمر." ثم غادر']),
    # a closing quote or bracket after the punctuation stays with the sentence
    ('وقال: "انتهى الأمر."\n\nثم', ['وقال: "انتهى الأمر."', "ثم"]),
    ("وصل الوفد.» ثم", ["وصل الوفد.»", "ثم"]),
    # abbreviations
    ("قال د. محمد إن الوضع جيد.", ["قال د. محمد إن الوضع جيد."]),
    ("نقلت وكالة أ.ف.ب. الخبر.", ["نقلت وكالة أ.ف.ب. الخبر."]),
    ("نقلت (أ.ف.ب) الخبر. ثم", ["نقلت (أ.ف.ب) الخبر.", "ثم"]),
    ("Smith met U.S. officials.", ["Smith met U.S. officials."]),
    # numbers
    ("بلغ النمو 3.5 في المئة. وارتفع", ["بلغ النمو 3.5 في المئة.", "وارتفع"]),
    ("الساعة 10.30 صباحا", ["الساعة 10.30 صباحا"]),
    ("في عام 2018. ثم", ["في عام 2018.", "ثم"]),
    # an unclosed quote does not swallow the paragraph's other sentences
    ('قال "نعم. ثم غادر', ['قال "نعم.', "ثم غادر"]),
    # two dots join like a colon in headlines
    ("اليمن.. مقتل 10 أشخاص في غارة. ثم", ["اليمن.. مقتل 10 أشخاص في غارة.", "ثم"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_spans_are_trimmed_and_ordered() -> None:
    text = "  قال الوزير.   وأضاف.  \n\n  ثم انتهى  "
    spans = split_sentences(text)
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    assert spans == sorted(spans)


def test_stage_fills_sentences() -> None:
    article = Article(text="العنوان\n\nقال الوزير. وأضاف.")
    assert sentences(article).sentences == [[0, 7], [9, 20], [21, 27]]
