"""Tests of the quotes stage on hand-built articles (mentions set by hand, no entity stage)."""

from __future__ import annotations

import re

import pytest

from rasad.extract.quotes import quotes
from rasad.model import Actor, Article, Mention

# Names used in the cases: surface -> (type, actor id). Longest surfaces are matched first.
ENTITIES = {
    "دونالد ترامب": ("PER", "trump"),
    "ترامب": ("PER", "trump"),
    "ماكرون": ("PER", "macron"),
    "أفيخاي أدرعي": ("PER", "adraee"),
    "سيرغي لافروف": ("PER", "lavrov"),
    "لافروف": ("PER", "lavrov"),
    "ظريف": ("PER", "zarif"),
    "أردوغان": ("PER", "erdogan"),
    "محمود عباس": ("PER", "abbas"),
    "نتنياهو": ("PER", "netanyahu"),
    "محمد العريان": ("PER", "elerian"),
    "سامح شكري": ("PER", "shoukry"),
    "عبد الفتاح السيسي": ("PER", "sisi"),
    "أبو الغيط": ("PER", "aboulgheit"),
    "بشار الأسد": ("PER", "assad"),
    "أفيف كوخافي": ("PER", "kochavi"),
    "ديمتري بيسكوف": ("PER", "peskov"),
    "ديفيد كاميرون": ("PER", "cameron"),
    "غريزمان": ("PER", "griezmann"),
    "ميسي": ("PER", "messi"),
    "بوتين": ("PER", "putin"),
    "مايك بومبيو": ("PER", "pompeo"),
    "ميركل": ("PER", "merkel"),
    "غوتيريش": ("PER", "guterres"),
    "الجيش الإسرائيلي": ("ORG", "idf"),
    "وزارة الخارجية": ("ORG", "mfa"),
    "وزارة الداخلية": ("ORG", "moi"),
    "الشرطة": ("ORG", "police"),
    "منظمة العفو الدولية": ("ORG", "amnesty"),
    "الكرملين": ("ORG", "kremlin"),
    "الأمم المتحدة": ("ORG", "un"),
    "رويترز": ("MEDIA", "reuters"),
    "سكاي نيوز عربية": ("MEDIA", "skynews"),
    "روسيا اليوم": ("MEDIA", "rt"),
    "هآرتس": ("MEDIA", "haaretz"),
    "إذاعة الجيش": ("MEDIA", "armyradio"),
    "وكالة الأنباء الفرنسية": ("MEDIA", "afp"),
    "الجزيرة مباشر": ("MEDIA", "aljazeera"),
    "سبوتنيك": ("MEDIA", "sputnik"),
    "إيران": ("GPE", "irn"),
    "واشنطن": ("GPE", "usa"),
    "موسكو": ("GPE", "rus"),
    "سوتشي": ("GPE", "sochi"),
    "إسرائيل": ("GPE", "isr"),
    "الولايات المتحدة": ("GPE", "usa"),
    "الخليج": ("LOC", "gulf"),
    "سانوفي": ("ORG", "sanofi"),
    "البنتاغون": ("ORG", "pentagon"),
    "تويتر": ("MEDIA", "twitter"),
    "فيسبوك": ("MEDIA", "facebook"),
    "عمر جيليك": ("PER", "celik"),
    "تركيا": ("GPE", "tur"),
    "وكالة الأناضول": ("MEDIA", "aa"),
    "الأناضول": ("MEDIA", "aa"),
}
# Countries of the actors (descriptions with a nationality adjective are checked against them).
COUNTRIES = {"sanofi": "FRA", "pentagon": "USA", "putin": "RUS", "trump": "USA", "irn": "IRN"}


def _mentions(text: str) -> list[Mention]:
    """Every occurrence of a known surface (longest first, a proclitic allowed before it)."""
    out: list[Mention] = []
    for surface in sorted(ENTITIES, key=len, reverse=True):
        kind, actor = ENTITIES[surface]
        for m in re.finditer(re.escape(surface), text):
            if any(x.start < m.end() and m.start() < x.end for x in out):
                continue
            out.append(Mention(m.start(), m.end(), surface, kind, actor))
    return sorted(out, key=lambda m: m.start)


def analyze(text: str) -> Article:
    """An article with hand-made mentions, run through the quotes stage."""
    mentions = _mentions(text)
    actors = {
        m.actor: Actor(m.actor, m.type, m.actor, country=COUNTRIES.get(m.actor)) for m in mentions
    }
    return quotes(Article(text=text, mentions=mentions, actors=list(actors.values())))


def direct(text: str) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of the direct quotes found."""
    return [(q.text, q.speaker) for q in analyze(text).quotes if q.kind == "direct"]


Q1 = "سنفرض رسوما جديدة على الواردات الصينية"
Q2 = "لن نتراجع عن هذا القرار مهما كانت الضغوط"
Q3 = "نحن مستعدون للحوار مع جميع الأطراف لكننا لن نقبل بأي شروط مسبقة أبدا"

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


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a definite description takes the latest actor of its kind, with a matching country
        (f'وأعلنت سانوفي وقف بيع اللقاح. وقالت الشركة الفرنسية في بيان: "{Q1}".', ["sanofi"]),
        (f'وأعلنت سانوفي وقف بيع اللقاح. وقالت الشركة الأمريكية: "{Q1}".', [None]),
        (f'وأصدرت وزارة الخارجية قرارا. وقالت الوزارة: "{Q1}".', ["mfa"]),
        (f'ورفض البنتاغون التعليق. وقالت الوزارة الأمريكية: "{Q1}".', ["pentagon"]),
        # ... an actor named with no class noun only when a nationality can be checked
        (f'ورفض البنتاغون التعليق. وقالت الوزارة: "{Q1}".', [None]),
        # ... never one named with another class noun
        (f'وحذرت منظمة العفو الدولية من الخطر. وقالت الوزارة: "{Q1}".', [None]),
        (f'وقالت منظمة العفو الدولية: "{Q1}". وقالت الوزارة: "{Q2}".', ["amnesty", None]),
        # a title: the latest person holding it, of that country
        (f'واتصل الرئيس بوتين بنظيره. وقال الرئيس الروسي: "{Q1}".', ["putin"]),
        (f'واتصل الرئيس بوتين بنظيره. وقال الرئيس الأمريكي: "{Q1}".', [None]),
        (f'واتصل بوتين بنظيره. وقال الرئيس الروسي: "{Q1}".', [None]),  # no such title
        # an organisation noun is not the previous speaker when that is a person
        (f'وقال لافروف: "{Q1}". وقالت الوزارة: "{Q2}".', ["lavrov", None]),
        # an unnamed referent of the same noun since the candidate blocks it
        (
            f'وأشادت الأمم المتحدة بالعمل. وأكدت اللجنة التي درسته أهميته. وقالت اللجنة: "{Q1}".',
            [None],
        ),
    ],
)
def test_recent_compatible_descriptions(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a document speaks for its issuer, named where it was first mentioned ...
        (f'ونشرت منظمة العفو الدولية تقريرا جديدا. وقال التقرير: "{Q1}".', ["amnesty"]),
        (f'وقال تقرير صادر عن الأمم المتحدة: "{Q1}".', ["un"]),
        (f'وقال تقرير لمنظمة العفو الدولية: "{Q1}".', ["amnesty"]),
        # ... or quoted in that sentence
        (f'وقالت وزارة الداخلية في بيان: "{Q1}". وأضاف البيان: "{Q2}".', ["moi", "moi"]),
        (f'وبحسب وزارة الداخلية في بيان: "{Q1}". وأضاف البيان: "{Q2}".', ["moi", "moi"]),
        # ... and is nobody's when no issuer is named (not the previous speaker)
        (f'وقال لافروف: "{Q1}". وقال التقرير: "{Q2}".', ["lavrov", None]),
        (f'وقال لافروف: "{Q1}". وأشارت الدراسة إلى أن "{Q2}".', ["lavrov", None]),
        # a report about a country is not issued by it
        (f'ونشر تقرير عن إيران أمس. وقال التقرير: "{Q1}".', [None]),
    ],
)
def test_document_sources(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a pronoun cue takes the subject of an earlier sentence of its paragraph
        (f'وأصدرت منظمة العفو الدولية تقريرا أمس. وأكدت أن "{Q1}".', ["amnesty"]),
        (f'وزار ظريف موسكو أمس. والتقى نظيره هناك. وأكد أن "{Q1}".', ["zarif"]),
        # ... and the previous paragraph's when it opens with a continuation verb
        (f'وأعربت منظمة العفو الدولية عن قلقها.\n\nوتابعت: "{Q1}".', ["amnesty"]),
        (f'وأعربت منظمة العفو الدولية عن قلقها.\n\nوقالت: "{Q1}".', [None]),
        (f'وأعربت منظمة العفو الدولية عن قلقها\n\nوتابعت: "{Q1}".', [None]),  # a headline
        # the quote's own speaker stays when the sentence after it names no new subject
        (f'وقال لافروف: "{Q1}". وكانت موسكو قد رفضت العرض. وأضاف: "{Q2}".', ["lavrov"] * 2),
        (f'وقال لافروف: "{Q1}". وفي موسكو رفض العرض. وأضاف: "{Q2}".', ["lavrov"] * 2),
    ],
)
def test_pronoun_across_sentences(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a country after a masculine transitive verb is its object
        (f'وقال لافروف: "{Q1}". ودعا إيران إلى "{Q2}".', ["lavrov", "lavrov"]),
        (f'ودعت إيران الولايات المتحدة إلى "{Q1}".', ["irn"]),
        (f'ودعا لافروف الأطراف إلى "{Q1}".', ["lavrov"]),
        # a name inside the complement (after إلى، على، بـ) is not the subject
        (f'وقال لافروف: "{Q1}". ودعا إلى محاكمة ترامب بتهمة "{Q2}".', ["lavrov", "lavrov"]),
        (f'وقال لافروف: "{Q1}". وحث على دعم ترامب في "{Q2}".', ["lavrov", "lavrov"]),
        (f'وناشد غوتيريش الأطراف "{Q1}".', ["guterres"]),
        # a noun whose gender does not fit the verb is its object
        (f'وقالت وزارة الخارجية: "{Q1}". واعتبرت السفير "{Q2}".', ["mfa", "mfa"]),
        (f'وقالت وزارة الخارجية: "{Q1}". ودعت الوزارة إلى "{Q2}".', ["mfa", "mfa"]),
    ],
)
def test_transitive_cues_take_the_subject(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a name after punctuation heads a clause only at the sentence start: not a dateline
        # outlet, not a platform in apposition
        (f'دبي، (رويترز) -- وصف لافروف الاتفاق بأنه سيئ، واعتبر أن "{Q1}".', ["lavrov"]),
        (f'ونشر ترامب تغريدات على حسابه بموقع التواصل، تويتر، حيث قال: "{Q1}".', ["trump"]),
        # a person after a preposition is not the subject of a later pronoun cue
        (
            f'وقال ظريف: "{Q1}". وبعد لقاء مع لافروف، أصدر الوفد بيانا عبر فيه عن "{Q2}".',
            ["zarif", None],
        ),
        # ... but one after "إلا أن" is
        (f'وقال ظريف: "{Q1}". إلا أن لافروف رفض العرض، مؤكدا أن "{Q2}".', ["zarif", "lavrov"]),
        # an outlet after a preposition and its class noun is not a subject
        (f'وقال ظريف: "{Q1}". وفي مقابلة على قناة سكاي نيوز عربية، فأجاب: "{Q2}".', ["zarif"] * 2),
        # a preposition inside a title does not hide the person it names
        (
            f'وقال ظريف: "{Q1}". وانتقد وزير الشؤون الأوروبية في تركيا عمر جيليك القرار، '
            f'وقال إن "{Q2}".',
            ["zarif", "celik"],
        ),
        # a company may be a network or platform named before
        (f'وقالت شبكة فيسبوك: "{Q1}". وكشفت الشركة في بيانها: "{Q2}".', ["facebook"] * 2),
        # a document after a transitive cue is its subject, not its object
        (f'وقال لافروف: "{Q1}". وحث القرار الأطراف على "{Q2}".', ["lavrov", None]),
        # a document named with a description: the outlet named before
        (f'ونشرت صحيفة "هآرتس" تقريرا. وذكر تقرير الصحيفة أن "{Q1}".', ["haaretz"]),
    ],
)
def test_clause_subjects(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a description with another nationality than the previous speaker's is someone else
        (
            f'وقال مندوب الولايات المتحدة ترامب: "{Q1}". وقال المندوب البريطاني: "{Q2}".',
            ["trump", None],
        ),
        # an unnamed subject earlier in the sentence is the subject of a later pronoun cue
        (f'وقال ترامب: "{Q1}". وأعرب المندوب الفرنسي عن ثقته، وقال: "{Q2}".', ["trump", None]),
        # "المصدر" after "مصدر رسمي" introduced since the last quote is that new source
        (
            f'وقال لافروف: "{Q1}". ووصف مصدر رسمي القرار بأنه خطأ. وقال المصدر: "{Q2}".',
            ["lavrov", None],
        ),
        (f'وقال مصدر رسمي: "{Q1}". وأضاف المصدر: "{Q2}".', [None, None]),
    ],
)
def test_new_unnamed_speakers(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a name after a preposition and an indefinite noun is a genitive, not the subject
        (f'وأعلنت الهيئة بالتزامن مع زيارة الرئيس بوتين إلى واشنطن أن "{Q1}".', [None]),
        # a name after a preposition and its title ("مع الرئيس X") is not the subject either
        (f'وقال ترامب: "{Q1}". وأكد في لقاء مع الرئيس بوتين أن "{Q2}".', ["trump", "trump"]),
        # "X لـY:": Y is spoken to
        (f'وقال ترامب: "{Q1}". وذهب ماكرون ليقول للرئيس أردوغان: "{Q2}".', ["trump", "macron"]),
        # a name governed by a noun before the verb is not its subject
        (f'وعن خطة حكومة نتنياهو قال الدبلوماسي الفرنسي: "{Q1}".', [None]),
        # a source never refers back to a named person; an epithet only to the previous speaker
        (f'اجتمع بومبيو مع ماكرون. وقال المصدر المطلع إن "{Q1}".', [None]),
        (f'وقال ترامب: "{Q1}". وقال العميل السابق: "{Q2}".', ["trump", None]),
        # an epithet the previous speaker was introduced with is that speaker
        (f'وقال الكاتب والباحث عمر جيليك: "{Q1}". وأضاف الباحث: "{Q2}".', ["celik", "celik"]),
        # "بحسب رئيس لـX فلان": the person named after the body
        (f'"{Q1}"، بحسب الرئيس السابق لـ"منظمة العفو الدولية" عمر جيليك.', ["celik"]),
    ],
)
def test_objects_genitives_and_epithets(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a plural participle speaks for a group, not for the previous speaker
        (f'وقال ترامب: "{Q1}". وتظاهر مئات مؤكدين أن "{Q2}".', ["trump", None]),
        # an indefinite complement after بـ is not the subject
        (f'وقال ترامب: "{Q1}". وطالب بإجراء تحقيق و"{Q2}".', ["trump", "trump"]),
        # "وتابع حديثه": one's own speech is the object, the subject a pronoun
        (f'وقال ترامب: "{Q1}". وتابع حديثه: "{Q2}".', ["trump", "trump"]),
        # "X، الذي أشار إلى أن": the name before the relative
        (f'وهذا بحسب المحلل ماكرون، الذي أشار إلى أن "{Q1}".', ["macron"]),
        # an unnamed SVO subject that describes the previous speaker
        (
            f'وقال المستشار الألماني ماكرون: "{Q1}". إلا أن المستشار الألماني أوضح أن "{Q2}".',
            ["macron", "macron"],
        ),
        # a title right after a bare verb is its subject, not the name before the comma
        (f'وعن التعاقد مع ميسي، قال رئيس النادي: "{Q1}".', [None]),
        # "وفقا لما نقلته X": the outlet relays the previous speaker
        (
            f'وقال ترامب: "{Q1}". وعلق على القرار، وفقا لما نقلته رويترز: "{Q2}".',
            ["trump", "trump"],
        ),
    ],
)
def test_precision_rules(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (f'واتهم لافروف واشنطن بأنها "{Q1}".', "lavrov", "اتهم"),
        (f'واتهمت وزارة الخارجية إسرائيل بأنها "{Q1}".', "mfa", "اتهمت"),
        (f'ويجيب ظريف: "{Q1}".', "zarif", "يجيب"),
        (f'ونددت منظمة العفو الدولية بالقرار وقالت: "{Q1}".', "amnesty", "قالت"),
        (f'وندد أردوغان بالهجوم، منددا بما سماه "{Q1}".', "erdogan", "منددا"),
        (f'ونبه غوتيريش إلى أن "{Q1}".', "guterres", "نبه"),
        (f'ونبهت منظمة العفو الدولية إلى أن "{Q1}".', "amnesty", "نبهت"),
        (f'ومضى لافروف للقول: "{Q1}".', "lavrov", "للقول"),
        # "جاء في" a document: its issuer; a speech noun right after it names the issuer
        (f'وأصدرت وزارة الداخلية بيانا. وجاء في البيان: "{Q1}".', "moi", "جاء في"),
        (f"وجاء في بيان لوزارة الداخلية: «{Q1}».", "moi", "بيان"),
        # a comma between a title and the name does not cut the source phrase
        (f'وبحسب رئيسة اللجنة، ميركل، فإن "{Q1}".', "merkel", "بحسب"),
        (f'بحسب المتحدث باسم الكرملين، ديمتري بيسكوف، فإن "{Q1}".', "peskov", "بحسب"),
    ],
)
def test_added_cues(text: str, speaker: str, cue: str) -> None:
    found = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker, q.cue) for q in found] == [(Q1, speaker, cue)]


@pytest.mark.parametrize(
    ("text", "speakers", "vias"),
    [
        # the outlet spoken to is the via, never the speaker
        (f'وقال ترامب: "{Q2}". وقال لـ"الأناضول": "{Q1}".', ["trump"] * 2, [None, "aa"]),
        (f'وقال ترامب: "{Q2}". وقال لـ«الأناضول» إن "{Q1}".', ["trump"] * 2, [None, "aa"]),
        (f'وقال لوكالة الأناضول مسؤول تركي: "{Q1}".', [None], ["aa"]),
        # an outlet relaying someone's words: the speaker is the one relayed
        (f'ونقلت وكالة الأناضول كلمة أردوغان، إذ قال: "{Q1}".', ["erdogan"], ["aa"]),
        (f'ونقلت الأناضول كلمة ألقاها أردوغان، وقال فيها إن "{Q1}".', ["erdogan"], ["aa"]),
    ],
)
def test_outlet_is_via(text: str, speakers: list[str | None], vias: list[str | None]) -> None:
    found = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [(q.speaker, q.via) for q in found] == list(zip(speakers, vias, strict=True))
