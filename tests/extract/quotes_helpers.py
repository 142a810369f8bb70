"""Hand-built articles for the quote tests: names as mentions of known actors."""

from __future__ import annotations

import re

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
