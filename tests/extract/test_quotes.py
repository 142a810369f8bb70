"""Tests of the quote stage: cues, continuations, outlets, via, scare quotes, indirect speech."""

from __future__ import annotations

import pytest

from rasad.extract.quotes import quotes
from rasad.model import Article

from .quotes_helpers import Q1, Q2, Q3, analyze, direct

CUES = [
    # speech verbs before the quote, the subject after the verb
    (f'وقال الرئيس الأمريكي دونالد ترامب: "{Q1}".', "trump", "قال"),
    (f"وقالت وزارة الخارجية في بيان: «{Q1}».", "mfa", "قالت"),
    (f'وأكد ماكرون أن "{Q1}".', "macron", "أكد"),
    (f'وأوضح المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي أن "{Q1}"', "adraee", "أوضح"),
    (f'وأشار لافروف إلى أن "{Q1}".', "lavrov", "أشار"),
    (f'وصرح ظريف للصحفيين: "{Q1}"', "zarif", "صرح"),
    (f"وأعلنت الشرطة: “{Q1}”.", "police", "أعلنت"),
    (f'وشدد أردوغان على أن "{Q1}".', "erdogan", "شدد"),
    (f'واعتبر الرئيس الفلسطيني محمود عباس أن "{Q1}".', "abbas", "اعتبر"),
    (f'ورأى لافروف أن "{Q1}".', "lavrov", "رأى"),
    (f'وكتب ترامب على تويتر: "{Q1}".', "trump", "كتب"),
    (f'وغرد نتنياهو قائلا: "{Q1}".', "netanyahu", "قائلا"),
    (f'وذكر لافروف أن "{Q1}".', "lavrov", "ذكر"),
    (f"وتابع ماكرون: „{Q1}“.", "macron", "تابع"),
    (f'وأضافت ميركل: "{Q1}".', "merkel", "أضافت"),
    (f'يقول الخبير الاقتصادي محمد العريان إن "{Q1}".', "elerian", "يقول"),
    (f'تقول منظمة العفو الدولية إن "{Q1}".', "amnesty", "تقول"),
    (f'وبحسب وزير الخارجية سامح شكري، فإن "{Q1}".', "shoukry", "بحسب"),
    (f'وفق غوتيريش فإن "{Q1}".', "guterres", "وفق"),
    (f'"{Q1}"، بحسب الشرطة.', "police", "بحسب"),
    (f'"{Q1}"، قال المتحدث باسم الكرملين ديمتري بيسكوف.', "peskov", "قال"),
    (f"وجاء في بيان لوزارة الداخلية: «{Q1}».", "moi", "بيان"),
    # the speaker is the person, not the organisation in the title
    (f'وقال رئيس أركان الجيش الإسرائيلي أفيف كوخافي "{Q1}".', "kochavi", "قال"),
    # a time expression between the cue and the quote
    (f'وقال رئيس أركان الجيش الإسرائيلي أفيف كوخافي أواخر الشهر الماضي "{Q1}".', "kochavi", "قال"),
    # subject before a bare verb
    (f'وكان نتنياهو قد قال لإذاعة الجيش: "{Q1}".', "netanyahu", "قال"),
    (f'وكان أردوغان قال: "{Q1}".', "erdogan", "قال"),
    # headline form
    (f'ترامب: "{Q1}"\n\nنص الخبر.', "trump", None),
    # relayed: نقلت X عن Y قوله
    (f"ونقلت وكالة الأنباء الفرنسية عن عبد الفتاح السيسي قوله: «{Q1}».", "sisi", "نقلت"),
]


@pytest.mark.parametrize(("text", "speaker", "cue"), CUES)
def test_cue_patterns(text: str, speaker: str, cue: str | None) -> None:
    art = analyze(text)
    found = [q for q in art.quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in found] == [(Q1, speaker)]
    assert found[0].cue == cue


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # continuation verbs with no subject: the previous speaker
        (f'وقال لافروف: "{Q1}". وأضاف: "{Q2}".', ["lavrov", "lavrov"]),
        (f'وقال لافروف: "{Q1}".\n\nوتابع "{Q2}".', ["lavrov", "lavrov"]),
        (f'وقال لافروف: "{Q1}". وأضاف الوزير الروسي: "{Q2}".', ["lavrov", "lavrov"]),
        # pronoun-only cue: the previous speaker, or the most recent person
        (f'وقال ظريف: "{Q1}". وأكد أن "{Q2}".', ["zarif", "zarif"]),
        (f'التقى بوتين في سوتشي مسؤولين أتراك، وقال إن "{Q2}".', ["putin"]),
        # a paragraph that is only a quote continues the previous speaker...
        (f'وقال لافروف: "{Q1}".\n\n"{Q3}".', ["lavrov", "lavrov"]),
        # ... unless it is short: a subheading quoting a phrase, left out
        (f'وقال لافروف: "{Q1}".\n\n"{Q2}"\n\nنص الخبر.', ["lavrov"]),
        # "وأضاف الوفد السعودي" after the Qatari delegate is a new speaker
        (f'وقال رئيس الوفد القطري ظريف: "{Q1}". وأضاف الوفد السعودي: "{Q2}".', ["zarif", None]),
        # participle after a speech verb in the same sentence
        (f'وقال ماكرون إن بلاده مستعدة، مضيفا: "{Q2}".', ["macron"]),
        # a new named speaker takes over
        (f'وقال لافروف: "{Q1}". وقال ظريف: "{Q2}".', ["lavrov", "zarif"]),
        # an unnamed speaker is not the previous one
        (f'وقال لافروف: "{Q1}". وقال مسؤول أمريكي: "{Q2}".', ["lavrov", None]),
    ],
)
def test_continuations(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a definite description names the person introduced with that title earlier
        (
            f'وقال وزير الخارجية الروسي سيرغي لافروف: "{Q1}". وقال الوزير الروسي: "{Q2}".',
            ["lavrov", "lavrov"],
        ),
        # ... but not a person with another nationality
        (f'وقال الرئيس الروسي بوتين: "{Q1}". وقال الرئيس الأمريكي: "{Q2}".', ["putin", None]),
        # a spokesperson speaks for the organisation
        (f'وقال المتحدث باسم وزارة الخارجية: "{Q1}".', ["mfa"]),
        # a polity after a noun is a genitive, not the speaker
        (f'وقال سفير إسرائيل في واشنطن: "{Q1}".', [None]),
        # a pronoun cue reads the subject of its sentence
        (f'وقال لافروف: "{Q1}". وسئل ظريف عن الاتفاق النووي فأجاب: "{Q2}".', ["lavrov", "zarif"]),
        # an accusative noun after the verb is its object: the previous speaker goes on
        (f'وقال لافروف: "{Q1}". واعتبرها موقفا يعكس "{Q2}".', ["lavrov", "lavrov"]),
        # "عنه" in a relative clause refers to the subject of the main verb
        (f'وكشف لافروف، في تصريحات نقلتها عنه رويترز، أن "{Q1}".', ["lavrov"]),
        # a person in a genitive is not the speaker
        (f'وقال نائب رئيس الوزراء في حكومة ديفيد كاميرون: "{Q1}".', [None]),
        # a subject between أن and a bare verb
        (f'وقال لافروف: "{Q1}". وأضاف أن ضابطا في الجيش قال له إن "{Q2}".', ["lavrov", None]),
        # أما X فـ...: the topic is the subject
        (f'أما منظمة العفو الدولية فقالت في بيان إن "{Q1}".', ["amnesty"]),
        # a relay phrase after the verb gives the outlet, not the speaker
        (f'وقال ترامب للصحفيين، وفق ما نقلت وكالة الأنباء الفرنسية، "{Q1}".', ["trump"]),
        # نقلا عن X: X is the source
        (f'وذكرت صحيفة "هآرتس"، نقلا عن الشرطة، أن "{Q1}".', ["police"]),
        # طالب is a cue only as a verb with و ("وطالب"), not the noun "student"
        (f'وطالب لافروف بـ"{Q1}".', ["lavrov"]),
        # a name in quotation marks after a preposition is not the subject
        (f'وقال لافروف: "{Q1}". وفي تغريدة على "رويترز" قال: "{Q2}".', ["lavrov", "lavrov"]),
        # ودعا + a definite noun: its object; the subject is the previous speaker
        (f'وقال لافروف: "{Q1}". ودعا الأطراف إلى "{Q2}".', ["lavrov", "lavrov"]),
        # ونوه، وهدد: speech verbs
        (f'ونوه ظريف إلى أن "{Q1}".', ["zarif"]),
        (f'وهدد ظريف بأنه "{Q1}".', ["zarif"]),
        # a name right before بـ"..." after وصف is the object, not the speaker
        (f'وقال ميسي: "{Q1}". كما وصف غريزمان بـ"{Q2}".', ["messi", "messi"]),
        # ... بقوله after a name in a prepositional phrase: the sentence's subject speaks
        (f'واختتم ظريف تغريدته على "رويترز"، بقوله: "{Q1}".', ["zarif"]),
    ],
)
def test_descriptions_and_subjects(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


def test_relayed_unnamed_source_with_outlet() -> None:
    found = analyze(f'وكشف مسؤول أمريكي، نقلت عنه رويترز، أن "{Q1}".').quotes
    assert [(q.text, q.speaker, q.via) for q in found] == [(Q1, None, "reuters")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f'وأشارت "هآرتس" إلى أن "{Q1}".', "haaretz"),
        (f'وذكرت صحيفة "هآرتس" أن "{Q1}".', "haaretz"),
        (f'وقالت "رويترز" إن "{Q1}".', "reuters"),
        (f'صحيفة "هآرتس"، أشارت بدورها إلى "{Q1}".', "haaretz"),
    ],
)
def test_outlets_as_speakers(text: str, speaker: str) -> None:
    assert direct(text) == [(Q1, speaker)]


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        (f'وقال ترامب لوكالة رويترز: "{Q1}".', "trump", "reuters"),
        (f'وكان ترامب قال لوكالة "رويترز": "{Q1}".', "trump", "reuters"),
        (f'وقال ترامب لرويترز: "{Q1}".', "trump", "reuters"),
        (f'وقال أبو الغيط في تصريح لـ"سكاي نيوز عربية": "{Q1}".', "aboulgheit", "skynews"),
        (f'وقال بشار الأسد في مقابلة مع قناة روسيا اليوم: "{Q1}".', "assad", "rt"),
        (
            f'وأكد لافروف اليوم الثلاثاء، أن "{Q1}"، بحسب ما أفادت به وكالة سبوتنيك الروسية.',
            "lavrov",
            "sputnik",
        ),
        (f'وقال مسؤول أمريكي لوكالة رويترز: "{Q1}".', None, "reuters"),
        (f'ونقلت رويترز عن لافروف قوله: "{Q1}".', "lavrov", "reuters"),
        (f'وقال لافروف: "{Q1}".', "lavrov", None),
    ],
)
def test_via(text: str, speaker: str | None, via: str | None) -> None:
    found = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker, q.via) for q in found] == [(Q1, speaker, via)]


@pytest.mark.parametrize(
    "text",
    [
        'وصف الوزير ما جرى بأنه "مجزرة" بحق المدنيين.',
        'وتعمل "إسرائيل" على إنشاء "تحالف أمني" في المنطقة.',
        'وقدم برنامج "صباح الخير يا عرب" حلقة خاصة.',
        'وقال مراسل قناة "الجزيرة مباشر" إن الوضع هادئ.',
        'وقالت "رويترز" إن الاجتماع انتهى.',
        'وقالت منظمة "أطباء من أجل السلام" إن الوضع خطير.',
        'إسرائيل: "تحالف" جديد مع دول الخليج',
        "نص بلا علامات تنصيص ولا أقوال.",
        'ونشرت الدراسة في دورية "رعاية الحالات الحرجة وأمراض الصدر".',
        'وعقد ملتقى دولي حمل عنوان "الاحتلال الطويل وواقع حقوق الإنسان في الأراضي المحتلة منذ عقود".',
        'علامة تنصيص واحدة " لا تغلق أبدا في هذا النص الطويل جدا',
        "",
    ],
)
def test_not_quotes(text: str) -> None:
    assert direct(text) == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('وسئل ظريف عن الاتفاق، فأجاب ظريف: "لا".', "لا"),
        ("وعلق ظريف على القرار قائلا «اللائحة طويلة».", "اللائحة طويلة"),
    ],
)
def test_short_quote_introduced_is_kept(text: str, quoted: str) -> None:
    assert direct(text) == [(quoted, "zarif")]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "وقال وزير الخارجية الأمريكي مايك بومبيو إن الولايات المتحدة ستواصل الضغط على إيران.",
            "الولايات المتحدة ستواصل الضغط على إيران",
            "pompeo",
        ),
        ("وأكد ماكرون أنه سيزور المنطقة قريبا.", "سيزور المنطقة قريبا", "macron"),
        ("وأشارت منظمة العفو الدولية إلى أن الوضع يزداد سوءا.", "الوضع يزداد سوءا", "amnesty"),
        ("وكان نتنياهو قد أعلن أن الحكومة ستجتمع غدا.", "الحكومة ستجتمع غدا", "netanyahu"),
    ],
)
def test_indirect(text: str, clause: str, speaker: str) -> None:
    found = analyze(text).quotes
    assert [(q.kind, q.text, q.speaker) for q in found] == [("indirect", clause, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        f'وقال لافروف إن "{Q1}".',  # the clause is itself a direct quote
        "يذكر أن الاجتماع عقد في موسكو الأسبوع الماضي.",  # idiom, not speech
        "ووصل لافروف إلى موسكو بعد أن التقى بوتين.",  # no cue verb
    ],
)
def test_not_indirect(text: str) -> None:
    assert [q for q in analyze(text).quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # one quote over two sentences
        (f'وقال لافروف: "{Q1}. {Q2}".', f"{Q1}. {Q2}"),
        # an unclosed quote re-opened at the next paragraph continues there
        (f'وقال لافروف: "{Q1}.\n\n"{Q2}".', f'{Q1}.\n\n"{Q2}'),
        (f"وقال لافروف: «{Q1}.\n«{Q2}».", f"{Q1}.\n«{Q2}"),
        # a straight quote nested in a straight quote
        (f'وقال لافروف: "{Q1} "الدرع الصاروخي" {Q2}".', f'{Q1} "الدرع الصاروخي" {Q2}'),
    ],
)
def test_multi_sentence_and_paragraph(text: str, quoted: str) -> None:
    assert direct(text) == [(quoted, "lavrov")]


def test_straight_quote_closed_by_a_curly_one() -> None:
    text = f'وقال لافروف: "{Q1}”. وأضاف: "{Q2}".'
    assert direct(text) == [(Q1, "lavrov"), (Q2, "lavrov")]


def test_spans_ids_and_offsets() -> None:
    text = f'وقال لافروف: "{Q1}". وقال ظريف: «{Q2}».'
    art = analyze(text)
    assert [q.id for q in art.quotes] == ["q1", "q2"]
    for q in art.quotes:
        assert text[q.start : q.end] == q.text
        assert q.kind == "direct"


def test_diacritics_and_tatweel_keep_offsets() -> None:
    text = f'وقـال لافروف: "{Q1}". وكان ترامب قال لـ"رويترز": "{Q2}".'
    art = analyze(text)
    assert [(q.text, q.speaker, q.via) for q in art.quotes] == [
        (Q1, "lavrov", None),
        (Q2, "trump", "reuters"),
    ]
    assert art.quotes[0].cue == "قـال"


def test_without_mentions() -> None:
    art = quotes(Article(text=f'وقال مسؤول: "{Q1}". وأضاف: "{Q2}".'))
    assert [(q.text, q.speaker) for q in art.quotes] == [(Q1, None), (Q2, None)]
