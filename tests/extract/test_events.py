"""Tests for the events stage with hand-built articles (mentions, dates, quotes set by hand)."""

from __future__ import annotations

import pytest

from rasad.extract.events import events
from rasad.extract.events.lexicon import (
    candidates,
    load_codes,
    load_triggers,
    noun_forms,
    verb_forms,
)
from rasad.model import Actor, Article

from .events_helpers import article, dyads

ARGUMENT_CASES = [
    ("VSO", "قصفت إسرائيل غزة.", [("19", ("c:ISR",), ("p:gaza",))]),
    ("SVO", "إسرائيل تقصف غزة.", [("19", ("c:ISR",), ("p:gaza",))]),
    (
        "between",
        "جرت المحادثة الهاتفية بين نتنياهو وبايدن.",
        [("04", ("a:netanyahu",), ("a:biden",))],
    ),
    (
        "between, two targets",
        "ومحادثة هاتفية بين أشكينازي، ونظيريه البوسعيدي، وعبد الله بن زايد.",
        [("04", ("a:ashkenazi",), ("a:busaidi",)), ("04", ("a:ashkenazi",), ("a:abz",))],
    ),
    (
        "nominal between",
        "الاجتماع السري الذي جمع بين نتنياهو والسيسي.",
        [("04", ("a:netanyahu",), ("a:sisi",))],
    ),
    ("with X", "اجتمع السيسي مع بايدن.", [("04", ("a:sisi",), ("a:biden",))]),
    ("genitive source", "بدأت زيارة ماكرون إلى لبنان.", [("04", ("a:macron",), ("c:LBN",))]),
    ("genitive target", "أثار اعتقال نافالني غضبا.", [("17", (), ("a:navalny",))]),
    ("passive: target only", "اغتيل سليماني.", [("18", (), ("a:soleimani",))]),
    (
        "list of targets",
        "فرضت الولايات المتحدة عقوبات على إيران وفنزويلا.",
        [("16", ("c:USA",), ("c:IRN",)), ("16", ("c:USA",), ("c:VEN",))],
    ),
    (
        "title + name",
        "وقال رئيس الأركان في الجيش الإسرائيلي ونتنياهو إن إسرائيل هددت طهران.",
        [("13", ("c:ISR",), ("p:tehran",))],
    ),
    ("prep target", "وجه نتنياهو تهديدات لطهران.", [("13", ("a:netanyahu",), ("p:tehran",))]),
    ("victim subject", "لقي سليماني مصرعه أمس.", [("18", (), ("a:soleimani",))]),
    (
        "agent of a passive",
        "اغتيل سليماني على يد الجيش الإسرائيلي.",
        [("18", ("o:idf",), ("a:soleimani",))],
    ),
    (
        "noun with ل agent",
        "قتل سليماني في غارة جوية لإسرائيل.",
        [("18", (), ("a:soleimani",)), ("19", ("c:ISR",), ())],
    ),
    (
        "capital stands for its state",
        "هدد نتنياهو طهران. وتوعد نتنياهو إيران.",
        [("13", ("a:netanyahu",), ("c:IRN",))],
    ),
    ("a city is a place, not a source", "غزة تقصف لبنان.", [("19", (), ("c:LBN",))]),
    ("a reporter is not the agent", "أعلنت مصر مقتل سليماني.", [("18", (), ("a:soleimani",))]),
    (
        "a condemner is not the attacker",
        "مصر تدين هجوما على لبنان.",
        [("11", ("c:EGY",), ()), ("19", (), ("c:LBN",))],
    ),
    (
        "a far object belongs to another clause",
        "قصفت إسرائيل المباني ثم قال الجيش إن الوضع هادئ في لبنان.",
        [("19", ("c:ISR",), ())],
    ),
    (
        "a target after a title",
        "بحث السيسي مع نظيره الفرنسي ماكرون الأزمة.",
        [("04", ("a:sisi",), ("a:macron",))],
    ),
    (
        "a plural verb: the name after it is the object",
        "إن مسلحين اغتالوا سليماني.",
        [("18", (), ("a:soleimani",))],
    ),
    (
        "a count before the name: passive",
        "قتل 5 من عناصر الجيش الإسرائيلي في هجوم.",
        [("18", (), ("o:idf",))],
    ),
    (
        "a genitive after a title",
        "أثار اعتقال الناشط السياسي المعروف نافالني غضبا.",
        [("17", (), ("a:navalny",))],
    ),
    (
        "a fronted subject with nothing after: passive",
        "وكان سليماني قد قتل في غارة.",
        [("18", (), ("a:soleimani",))],
    ),
    (
        "a resumptive pronoun is the subject",
        "وأشار البيان إلى أنها استهدفت لبنان.",
        [("19", (), ("c:LBN",))],
    ),
    (
        "an agent after برصاص",
        "قتل سليماني برصاص الجيش الإسرائيلي.",
        [("18", ("o:idf",), ("a:soleimani",))],
    ),
    ("a vowelled passive", "قُتل سليماني.", [("18", (), ("a:soleimani",))]),
    ("ta marbuta is no verb ending", "قال وكيل وزارة مصر ذلك.", []),
    (
        "a common-noun subject makes the name an object",
        "قال الجيش إن القوات الحكومية قصفت لبنان.",
        [("19", (), ("c:LBN",))],
    ),
    (
        "a between-list after a place noun is not the dyad",
        "أصيب شخص في إطلاق نار بالقرب من الحدود بين إسرائيل ولبنان.",
        [],
    ),
    (
        "a verb with its subject only",
        "تجري إسرائيل اتصالات مع دول غربية.",
        [("04", ("c:ISR",), ())],
    ),
    ("a verbal noun without arguments is no event", "الاتصالات مع دول غربية مستمرة.", []),
    ("trigger inside a name is not an event", "قال الجيش الإسرائيلي ذلك.", []),
]


@pytest.mark.parametrize(
    ("name", "text", "want"), ARGUMENT_CASES, ids=[c[0] for c in ARGUMENT_CASES]
)
def test_arguments(name: str, text: str, want: list) -> None:
    assert dyads(article(text)) == want


def test_collective_actor() -> None:
    a = article("تعمل إسرائيل على إنشاء تحالف أمني مع دول خليجية.")
    a.actors.append(Actor("p:gulf", "LOC", "Gulf", "الخليج", None))
    (e,) = events(a).events
    assert (e.code, e.source, e.target) == ("0312", ["c:ISR"], ["p:gulf"])


def test_location() -> None:
    (e,) = events(article("اجتمع السيسي مع بايدن في القاهرة.")).events
    assert e.location == "p:cairo"


POLARITY_CASES = [
    ("قصفت إسرائيل غزة.", False, "asserted"),
    ("لم تقصف إسرائيل غزة.", True, "asserted"),
    ("لن تقصف إسرائيل غزة.", True, "asserted"),
    ("لا تقصف إسرائيل غزة.", True, "asserted"),
    ("نفت إسرائيل أنها قصفت غزة.", True, "denied"),
    ("تعتزم إسرائيل قصف غزة.", False, "intended"),
    ("تسعى إسرائيل إلى قصف غزة.", False, "intended"),
    ("ستقصف إسرائيل غزة.", False, "intended"),
    ("سوف تقصف إسرائيل غزة.", False, "intended"),
    ("إذا قصفت إسرائيل غزة فإن الرد سيكون قاسيا.", False, "hypothetical"),
    ("لو قصفت إسرائيل غزة لانهارت الهدنة.", False, "hypothetical"),
    ("طالبت مصر بأن تقصف إسرائيل غزة.", False, "demanded"),
]


@pytest.mark.parametrize(("text", "negated", "modality"), POLARITY_CASES)
def test_negation_and_modality(text: str, negated: bool, modality: str) -> None:
    found = [e for e in events(article(text)).events if e.target == ["p:gaza"]]
    assert [(e.negated, e.modality) for e in found] == [(negated, modality)]


def test_intent_recodes_to_threat_or_intent_to_cooperate() -> None:
    (e,) = events(article("تعتزم إسرائيل قصف غزة.")).events
    assert e.root == "13"
    (e,) = events(article("تعمل إسرائيل على إنشاء تحالف أمني مع السعودية.")).events
    assert (e.code, e.label, e.plover) == (
        "0312",
        "Express intent to cooperate militarily",
        "AGREE",
    )


ATTRIBUTION_CASES = [
    ("ذكرت رويترز أن إسرائيل قصفت غزة.", ["m:reuters"]),
    ("قصفت إسرائيل غزة بحسب رويترز.", ["m:reuters"]),
    ("قصفت إسرائيل غزة، وفق رويترز.", ["m:reuters"]),
    ("رويترز، أشارت إلى أن إسرائيل قصفت غزة.", ["m:reuters"]),
    ("قصفت إسرائيل غزة.", []),
]


@pytest.mark.parametrize(("text", "want"), ATTRIBUTION_CASES)
def test_attribution(text: str, want: list[str]) -> None:
    (e,) = events(article(text)).events
    assert e.reported_by == want


def test_event_inside_quote_credits_the_speaker() -> None:
    text = 'وقال السيسي: "إن إسرائيل قصفت غزة مرة أخرى الليلة".'
    a = article(text, quotes=(("إن إسرائيل قصفت غزة مرة أخرى الليلة", "a:sisi"),))
    (e,) = events(a).events
    assert "a:sisi" in e.reported_by


def test_no_trigger_inside_a_date() -> None:
    a = article("شنت السعودية فجر اليوم غارات على اليمن.", dates=(("فجر اليوم", "2019-09-16"),))
    assert [e.root for e in events(a).events] == ["19"]


DATE_CASES = [
    ("قصفت إسرائيل غزة أمس.", (("أمس", "2021-03-01"),), "2021-03-01"),
    ("قصفت إسرائيل غزة.", (), None),
]


@pytest.mark.parametrize(("text", "dates", "want"), DATE_CASES)
def test_date(text: str, dates: tuple, want: str | None) -> None:
    (e,) = events(article(text, dates=dates)).events
    assert (e.date or {}).get("value") == want
    if want:
        assert e.date["from"] == "d1"


MERGE_CASES = [
    ("قصفت إسرائيل غزة. وكانت إسرائيل قصفت غزة بالمدفعية.", 1, 2),
    ("قصفت إسرائيل غزة. وقصفت إسرائيل لبنان.", 2, 1),
    ("قصفت إسرائيل غزة أمس. وقصفت إسرائيل غزة في 3 مارس.", 2, 1),
]


@pytest.mark.parametrize(("text", "n_events", "n_triggers"), MERGE_CASES)
def test_merging(text: str, n_events: int, n_triggers: int) -> None:
    dates = (("أمس", "2021-03-01"), ("3 مارس", "2021-03-03")) if "أمس" in text else ()
    found = events(article(text, dates=dates)).events
    assert len(found) == n_events
    assert len(found[0].triggers) == n_triggers
    assert [e.id for e in found] == [f"e{i}" for i in range(1, n_events + 1)]


def test_event_fields_follow_the_contract() -> None:
    a = events(article("قصفت إسرائيل غزة."))
    (e,) = a.events
    assert e.trigger["text"] == a.text[e.trigger["start"] : e.trigger["end"]] == "قصفت"
    assert e.plover == "ASSAULT" and e.label and 0 < e.confidence <= 1
    assert a.to_dict()["events"][0]["id"] == "e1"


def test_empty_article_and_no_mentions() -> None:
    assert events(Article("")).events == []
    assert events(Article("قصفت الطائرات المدينة.")).events == []


FORM_CASES = [
    ("قصف", "قصف", {"قصفت", "قصفوا", "يقصف", "تقصف", "يقصفون"}),
    ("التقي", "لتقي", {"التقت", "التقوا", "التقيا", "يلتقي", "يلتقون"}),
    ("دعا", "دعو", {"دعت", "دعوا", "يدعو", "يدعون"}),
]


@pytest.mark.parametrize(("past", "impf", "want"), FORM_CASES)
def test_verb_forms(past: str, impf: str, want: set[str]) -> None:
    assert want <= verb_forms(past, impf)


def test_noun_forms_and_clitics() -> None:
    assert {"مظاهره", "مظاهرات", "مظاهرتين", "مظاهرت"} <= noun_forms("مظاهره")
    forms = {f for f, _, _ in candidates("وبالاجتماعات")}
    assert "اجتماعات" in forms
    assert "اجتماع" in {f for f, _, _ in candidates("للاجتماع")}


def test_lexicon_covers_all_roots_with_known_codes() -> None:
    lex, codes = load_triggers(), load_codes()
    assert len(lex.entries) >= 400
    assert {e.root for e in lex.entries} == {f"{r:02d}" for r in range(1, 21)}
    assert all(e.code in codes for e in lex.entries)
