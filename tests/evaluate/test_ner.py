"""NER evaluation on CoNLL files (exact spans, seqeval conventions, type mapping)."""

from __future__ import annotations

import pytest

from rasad.evaluate.ner import (
    char_to_words,
    evaluate_ner,
    our_map,
    prf,
    read_conll,
    select_split,
)

CONLL = """\
وقال O
بنيامين B-PERS
نتنياهو I-PERS
في O
القاهرة B-LOC
. O

وصل O
وفد O
الأمم B-ORG
المتحدة I-ORG
إلى O
دمشق B-LOC
"""


@pytest.fixture()
def conll(tmp_path):
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_read_and_split(conll):
    sents = read_conll(conll)
    assert len(sents) == 2 and sents[0][1] == ("بنيامين", "B-PERS")
    assert select_split(sents, "all") == sents
    assert len(select_split(sents, "train")) + len(select_split(sents, "dev")) == 2
    with pytest.raises(ValueError):
        select_split(sents, "test")


def test_bad_line_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("كلمة\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected 'token TAG'"):
        read_conll(path)


def test_char_spans_map_to_whole_words():
    offsets = [(0, 4), (5, 12), (13, 19)]
    assert char_to_words([(6, 19, "PER")], offsets) == {(1, 3, "PER")}


@pytest.mark.parametrize(
    "given, expected",
    [
        (None, {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG"}),
        ({"PER": "PER"}, {"PER": "PER"}),  # ours -> file tag
        ({"PERS": "PER", "LOC": "GPE"}, {"PER": "PERS", "GPE": "LOC"}),  # FILE_TAG=TYPE
        ({"PERS": "PERS", "LOC": "LOC"}, {"PER": "PERS", "GPE": "LOC", "LOC": "LOC"}),
    ],
)
def test_tag_map_either_direction(given, expected):
    assert our_map(given) == expected


def test_prf():
    assert prf(2, 1, 1) == {
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
        "tp": 2,
        "fp": 1,
        "fn": 1,
    }


def test_evaluate_ner_report_shape(conll):
    report = evaluate_ner(conll)
    assert set(report["types"]) == {"PERS", "LOC", "ORG"}
    assert {"micro", "macro", "confusion", "sentences"} <= set(report)
    assert report["micro"]["tp"] + report["micro"]["fn"] == 4  # gold spans
    assert report["micro"]["f1"] >= 0.75  # well-known names in the lexicon


def test_evaluate_ner_crf_alone(conll):
    report = evaluate_ner(conll, system="crf")
    assert report["system"] == "crf" and 0.0 <= report["micro"]["f1"] <= 1.0


def test_evaluate_ner_anercorp_convention(conll):
    report = evaluate_ner(conll, convention="anercorp")
    assert report["convention"] == "anercorp" and 0.0 <= report["micro"]["f1"] <= 1.0
    with pytest.raises(ValueError):
        evaluate_ner(conll, convention="nope")
