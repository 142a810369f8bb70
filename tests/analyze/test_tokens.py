"""Tokenization: offsets, punctuation and quotes as tokens, clitic offsets, sentence index."""

from __future__ import annotations

import pytest

from rasad.analyze.normalize import normalize
from rasad.analyze.tokens import Token, tokenize, tokens
from rasad.model import Article

SPLITS = [
    ('قال لـ"تأسيس تحالف"', ["قال", "لـ", '"', "تأسيس", "تحالف", '"']),
    ("بـ«الشرق الأوسط»", ["بـ", "«", "الشرق", "الأوسط", "»"]),
    ("نمو 3.5% في 2021.", ["نمو", "3.5", "%", "في", "2021", "."]),
    ("ارتفع إلى 1,200 دولار", ["ارتفع", "إلى", "1,200", "دولار"]),
    ("موقع i24NEWS الإسرائيلي،", ["موقع", "i24NEWS", "الإسرائيلي", "،"]),
    ("25 شباط/فبراير", ["25", "شباط", "/", "فبراير"]),
    ("هل انتهى؟ نعم!", ["هل", "انتهى", "؟", "نعم", "!"]),
    ("(أ.ف.ب)", ["(", "أ", ".", "ف", ".", "ب", ")"]),
    ("عام 2018م", ["عام", "2018م"]),
    ("مُحَمَّدٌ", ["مُحَمَّدٌ"]),
    ("رئيس الـــوزراء", ["رئيس", "الـــوزراء"]),
    ("غان\u200cتس", ["غان\u200cتس"]),
    ("", []),
    ("   \n\n ", []),
]


@pytest.mark.parametrize(("text", "surfaces"), SPLITS)
def test_token_surfaces(text: str, surfaces: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == surfaces


@pytest.mark.parametrize("text", [t for t, _ in SPLITS])
def test_offsets_and_norm(text: str) -> None:
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.norm == normalize(t.text)
        assert t.start <= t.core_start <= t.stem_start <= t.stem_end <= t.end


# word, pre, det, stem, suf, text at core_start:end, text at stem_start:stem_end
PIECES = [
    ("للأمم", "ل", "ل", "امم", "", "لأمم", "أمم"),
    ("والحكومة", "و", "ال", "حكومه", "", "الحكومة", "حكومة"),
    ("وَالحُكُومَةِ", "و", "ال", "حكومه", "", "الحُكُومَةِ", "حُكُومَةِ"),
    ("حكومتُه", "", "", "حكومه", "ه", "حكومتُه", "حكومتُ"),
    ("وبالـتالي", "وب", "ال", "تالي", "", "الـتالي", "تالي"),
    ("لبنان", "", "", "لبنان", "", "لبنان", "لبنان"),
    ("وإسرائيل", "و", "", "اسرائيل", "", "إسرائيل", "إسرائيل"),
]


@pytest.mark.parametrize(("word", "pre", "det", "stem", "suf", "core", "stem_text"), PIECES)
def test_piece_offsets(word, pre, det, stem, suf, core, stem_text) -> None:
    (t,) = tokenize(word)
    assert (t.pre, t.det, t.stem, t.suf) == (pre, det, stem, suf)
    assert word[t.core_start - t.start : t.end - t.start] == core
    assert word[t.stem_start - t.start : t.stem_end - t.start] == stem_text
    assert t.is_word


def test_tatweel_clitic_before_quote() -> None:
    lam, quote, word = tokenize('لـ"تأسيس')
    assert (lam.pre, lam.stem, lam.core_start) == ("ل", "", lam.end)
    assert not quote.is_word and word.text == "تأسيس"


@pytest.mark.parametrize(
    ("surface", "pre", "det", "core"),
    [
        ("لـ", "ل", "", 2),
        ("بـ", "ب", "", 2),
        ("بالـ", "ب", "ال", 1),
        ("وبالـ", "وب", "ال", 2),
        ("الـ", "", "ال", 0),
    ],
)
def test_clitics_alone_before_number_or_quote(surface: str, pre: str, det: str, core: int) -> None:
    t = tokenize(f'{surface}"2018"')[0]
    assert (t.text, t.pre, t.det, t.stem, t.core_start) == (surface, pre, det, "", core)


def test_numbers_and_punctuation_are_not_words() -> None:
    kinds = {t.text: t.is_word for t in tokenize('قال: "نعم" 3.5 ٢٠٢١ ـ')}
    assert kinds == {
        "قال": True, ":": False, '"': False, "نعم": True, "3.5": False, "٢٠٢١": False, "ـ": False
    }  # fmt: skip


def test_sentence_index() -> None:
    text = "قال غانتس. وأضاف الوزير!\n\nثم انتهى"
    sentences = [[0, 10], [11, 25], [27, 35]]
    sent_of = {t.text: t.sent for t in tokenize(text, sentences)}
    assert sent_of == {
        "قال": 0,
        "غانتس": 0,
        ".": 0,
        "وأضاف": 1,
        "الوزير": 1,
        "!": 1,
        "ثم": 2,
        "انتهى": 2,
    }


def test_stage_sets_cache_and_keeps_text() -> None:
    text = "قال غانتس. وأضاف الوزير"
    article = Article(text=text, sentences=[[0, 10], [11, 24]])
    out = tokens(article)
    toks = out.cache["tokens"]
    assert out.text == text
    assert all(isinstance(t, Token) for t in toks)
    assert [t.sent for t in toks] == [0, 0, 0, 1, 1]


def test_same_word_same_analysis_anywhere() -> None:
    a, b = tokenize("والحكومة قالت والحكومة")[0::2]
    assert (a.pre, a.det, a.stem) == (b.pre, b.det, b.stem)
    assert b.core_start - b.start == a.core_start - a.start
