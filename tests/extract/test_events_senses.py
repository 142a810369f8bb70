"""Event sense restrictions, common-noun subjects and modality cues, on hand-built articles."""

from __future__ import annotations

import pytest

from rasad.extract.events import events

from .events_helpers import article


def _events(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    return [
        (e.root, tuple(e.source), tuple(e.target), e.modality) for e in events(article(text)).events
    ]


# (name, text, root, an event of that root that must be found, or None: no event of that root)
SENSE_CASES = [
    ("an inanimate subject is no visit", "وصل عدد المساعدات إلى غزة.", "04", None),
    ("fighting alongside is no attack", "قاتلت إيران مع لبنان.", "19", None),
    ("طالب without a complement is a student", "وقال نتنياهو، وهو طالب في مصر، ذلك.", "10", None),
    ("attacking a person is criticism", "هاجم نتنياهو بايدن.", "11", ("a:netanyahu",)),
    ("a verbal attack", "هاجمت إيران السعودية قائلة إنها تكذب.", "11", ("c:IRN",)),
    ("a single quoted word is a label", 'وقال نتنياهو إن السيسي "قاتل".', "19", None),
    ("a quoted name after its head noun", 'أعلن تحالف "دعم الشرعية" في السعودية ذلك.', "05", None),
    ("تجمع بين: relations, no gathering", "العلاقات التي تجمع بين مصر والسعودية قوية.", "14", None),
    (
        "a court conviction is no condemnation",
        "غرمت محكمة نتنياهو بعد إدانته بتهمة الفساد.",
        "11",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "root", "source"), SENSE_CASES, ids=[c[0] for c in SENSE_CASES]
)
def test_sense_restrictions(name: str, text: str, root: str, source: tuple | None) -> None:
    found = [e for e in _events(text) if e[0] == root]
    if source is None:
        assert found == []
    else:
        assert [e[1] for e in found] == [source]


# (name, text, root, (sources, targets) of the event of that root; None: no event of that root)
COMMON_SUBJECT_CASES = [
    (
        "a definite noun between a verb and its complement is the subject",
        "شنت الجماعة هجوما على إسرائيل.",
        "19",
        ((), ("c:ISR",)),
    ),
    (
        "an actor noun subject makes the name the object",
        "اتهمت جماعات حقوق الإنسان إسرائيل بالفساد.",
        "11",
        ((), ("c:ISR",)),
    ),
    (
        "a plural verb does not agree with a singular name",
        "أحرق محتجون علم السعودية بعدما اقتحموها.",
        "17",
        None,
    ),
    (
        "a plural victim verb before an adjunct",
        "وقال مسؤول إن 22 من عناصر الجيش الإسرائيلي قتلوا جراء غارة.",
        "18",
        ((), ("o:idf",)),
    ),
    (
        "a relative clause: the antecedent is the subject",
        "قال ماكرون إن الضربات التي استهدفت لبنان كانت ضرورية.",
        "19",
        ((), ("c:LBN",)),
    ),
    ("a named antecedent", "إسرائيل التي قصفت غزة ترفض الهدنة.", "19", (("c:ISR",), ("p:gaza",))),
    (
        "a pronoun complement: the subject follows",
        "السعودية أول محطة يصل إليها بايدن.",
        "04",
        (("a:biden",), ()),
    ),
    (
        "كان ... قد: the subject between them",
        "وكان الرئيس الأمريكي، بايدن، قد هدد إيران.",
        "13",
        (("a:biden",), ("c:IRN",)),
    ),
    ("a counted object after the subject", "قتل الجيش الإسرائيلي 6 أشخاص.", "18", (("o:idf",), ())),
    (
        "a construct genitive is a verbal noun, its pronoun the victim",
        "أعرب بايدن عن قلقه من احتمال ارتكاب جريمة قتله.",
        "18",
        None,
    ),
    (
        "an attack claimed in its sentence",
        "هجوم استهدف لبنان تبنته إيران.",
        "19",
        (("c:IRN",), ("c:LBN",)),
    ),
    (
        "a verbal noun governing a common noun has that noun as agent",
        "يتابع بايدن إدانة الحكومة الاتفاق.",
        "11",
        None,
    ),
    ("قتال X: X is the enemy", "وكان لها دور في قتال إيران.", "19", ((), ("c:IRN",))),
    (
        "an enclitic object in a relative clause: the name after is the subject",
        "الجماعات التي تستهدفها إيران في لبنان.",
        "19",
        (("c:IRN",), ()),
    ),
    (
        "a pronoun after the pattern's preposition",
        "مدينة تسيطر عليها إيران.",
        "19",
        (("c:IRN",), ()),
    ),
    (
        "a relative after كان: no earlier subject",
        "قالت إيران إن التنظيم الذي كان يسيطر على لبنان.",
        "19",
        None,
    ),
    (
        "a genitive agent before a ل-target",
        "منذ استهداف إيران لإسرائيل بالصواريخ.",
        "19",
        (("c:IRN",), ("c:ISR",)),
    ),
    (
        "a genitive of a construct noun is no subject",
        "خطيبة نتنياهو تهاجم إيران.",
        "19",
        ((), ("c:IRN",)),
    ),
    (
        "no subject after a free preposition",
        "أعرب عن قلقه من احتمال عبث الجيش الإسرائيلي بالأدلة.",
        "01",
        None,
    ),
    (
        "a titled person after a ل-genitive",
        "هدد الأمين العام للولايات المتحدة نتنياهو إيران.",
        "13",
        (("a:netanyahu",), ("c:IRN",)),
    ),
    (
        "a name in a later clause is no conjunct",
        "أكد بايدن مقتل نتنياهو، البالغ من العمر 70 عاما، وقال لإذاعة إيران ذلك.",
        "18",
        ((), ("a:netanyahu",)),
    ),
    (
        "a name after مقابل is no target",
        "أفرج نتنياهو عن القس مقابل سليماني.",
        "08",
        (("a:netanyahu",), ()),
    ),
    ("وصل إلى + a number is an amount", "قالت إيران إن المدة تصل إلى 12 شهرا.", "04", None),
    ("an outlet's meeting is an interview", "أجرت رويترز لقاء مع نتنياهو.", "04", None),
    ("تحقيق السلام is achieving peace", "دعا نتنياهو إلى تحقيق السلام في لبنان.", "09", None),
    ("a noun after بسبب is a circumstance", "أغلق مطار في إيران بسبب المعارك.", "19", None),
    (
        "a genitive before a ل-word is the agent",
        "وقال إن استهداف إسرائيل للمركز الثقافي همجي.",
        "19",
        (("c:ISR",), ()),
    ),
    (
        "a nisba agent and a ل-target",
        "وقالت الولايات المتحدة إن الضربة الأمريكية للبنان فاشلة.",
        "19",
        (("c:USA",), ("c:LBN",)),
    ),
    (
        "a pronoun agent: no name before is the source",
        "انتقد لبنان قرار إيران ومساندتها للمتمردين.",
        "05",
        None,
    ),
    (
        "a genitive before a count is the agent",
        "جاء ذلك ردا على قتل إسرائيل 116 فلسطينيا.",
        "18",
        (("c:ISR",), ()),
    ),
    ("طرد X: X is expelled", "بدأت عملية طرد سليماني من لبنان.", "17", ((), ("a:soleimani",))),
    ("a pronoun victim has no agent before it", "نفت السلطات في مصر احتجازه.", "17", None),
    (
        "a genitive stops at a ل-phrase",
        "وجه بايدن دعوة لأمير السعودية.",
        "02",
        (("a:biden",), ("c:SAU",)),
    ),
    (
        "a subject name of three words before a complement",
        "أطلقت قوات الأمن العراقية الغاز المسيل للدموع على المحتجين.",
        "17",
        (("o:isf",), ()),
    ),
    (
        "the owner of a hit object",
        "استهدف الجيش الإسرائيلي منشأتين لإيران.",
        "19",
        (("o:idf",), ("c:IRN",)),
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "root", "want"), COMMON_SUBJECT_CASES, ids=[c[0] for c in COMMON_SUBJECT_CASES]
)
def test_common_noun_and_clause_subjects(
    name: str, text: str, root: str, want: tuple | None
) -> None:
    found = [(e[1], e[2]) for e in _events(text) if e[0] == root]
    if want is None:
        assert not any(src for src, _ in found)
    else:
        assert want in found


MODALITY_CASES = [
    ("a threatened act is intended", "هدد نتنياهو باستهداف إيران.", "intended"),
    ("any: a generic mention", "ترفض مصر أي هجمات على غزة.", "hypothetical"),
    ("a possibility", "حذر بايدن من احتمال أن تقصف إسرائيل غزة.", "hypothetical"),
    (
        "a future verb governs its verbal noun",
        "قال بايدن إن بلاده ستعيد فرض عقوبات على إيران.",
        "intended",
    ),
    ("كما is no negation", "كما قصفت إسرائيل غزة.", "asserted"),
    ("عادة ما is no negation", "وعادة ما تقصف إسرائيل غزة.", "asserted"),
]


@pytest.mark.parametrize(
    ("name", "text", "modality"), MODALITY_CASES, ids=[c[0] for c in MODALITY_CASES]
)
def test_generic_and_hypothetical_cues(name: str, text: str, modality: str) -> None:
    violent = [e for e in _events(text) if e[0] in ("13", "16", "18", "19") and e[2]]
    assert violent and all(e[3] == modality for e in violent)
    assert not any(e.negated for e in events(article(text)).events)
