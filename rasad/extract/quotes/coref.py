"""Speakers named by a description: "الوزير الروسي" for the Lavrov introduced earlier as
"وزير الخارجية الروسي سيرغي لافروف", and which mentions after a verb can be its subject."""

from __future__ import annotations

import re
from functools import cache

from rasad.extract.quotes.doc import SPEAKER_TYPES, Doc, Ment

_LETTERS = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")
LEAD_WINDOW = 4  # words right before a mention where its title stands ("وزير الخارجية الروسي X")
MAX_DESCRIPTION_WORDS = 4
MAX_ANTECEDENTS = 40


def _bare(word: str) -> str:
    """A word without و, the article and a final ة/ه (الوزيرة -> وزير) for comparing titles."""
    if word.startswith(("وال", "وو")):
        word = word[1:]  # only a certain و: many nouns start with و (وزير، وكالة)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return word[:-1] if word.endswith("ه") and len(word) > 3 else word


def is_definite(words: list[str]) -> bool:
    """A definite description: الوزير...، or a construct like ولي العهد، وزير الخارجية."""
    return words[0].startswith("ال") or (len(words) > 1 and words[1].startswith("ال"))


def _required(words: list[str]) -> set[str]:
    """The head and the nisba adjectives of a description, which the antecedent's title must
    share ("الرئيس الأمريكي" never refers back to "الرئيس الروسي بوتين")."""
    need = {_bare(words[0])}
    need.update(_bare(w) for w in words[1:] if w.startswith("ال") and w.endswith(("ي", "يه")))
    return need


def resolve_description(
    doc: Doc, words: list[str], before: int, salient: tuple[int, int] | None = None
) -> Ment | None:
    """The entity a definite description refers to: the previous speaker (``salient``) if its
    title fits, else the latest mention before ``before`` whose title (the words since the
    previous mention) and name hold the description's head noun and adjectives ("الشركة
    القطرية" -> "شركة الخطوط الجوية القطرية"). A head like صحيفة/وكالة finds an organisation
    or outlet, others a person; "بيان الوزارة" resolves "الوزارة"."""
    if words and words[0] in doc.lex.docnouns and len(words) > 1:
        words = words[1:]
    if not words or len(words) > MAX_DESCRIPTION_WORDS or not is_definite(words):
        return None
    need = _required(words)
    if min(len(w) for w in need) < 3:
        return None
    org = _bare(words[0]) in _bare_set(doc.lex.orgnouns)
    ments = [m for m in doc.mentions_between(0, before) if m.type in SPEAKER_TYPES]
    ments = [m for m in ments[-MAX_ANTECEDENTS:] if (m.type == "PER") != org]
    first = [m for m in ments if salient and (m.start, m.end) == salient]
    if not _titled_head(doc, words[0]):
        ments = []  # an epithet or a source ("المصدر"، "العميل"): only the previous speaker
    for m in first + ments[::-1]:
        if _titled(_title_words(doc, m, ments), need, doc):
            return m
    return None


def _titled_head(doc: Doc, word: str) -> bool:
    """Whether a description's head is a title, an organisation or an outlet noun, which may
    refer back past the previous speaker; an epithet may not."""
    lex = doc.lex
    return _bare(word) in _bare_set(lex.pertitles | lex.orgnouns | lex.medianouns)


def _title_words(doc: Doc, m: Ment, ments: list[Ment]) -> list[str]:
    """The bare words of a mention and of its title right before it (since the last mention)."""
    floor = max((x.end for x in ments if x.end <= m.start), default=0)
    lead = [_bare(w) for w in _LETTERS.findall(doc.norm[max(floor, m.start - 80) : m.end])]
    return lead[-LEAD_WINDOW - doc.words(m.start, m.end) :]


def _titled(lead: list[str], need: set[str], doc: Doc) -> bool:
    """Whether a mention's title holds the description with nothing but modifiers between
    them: not "المتحدث باسم X" (X is whom the spokesperson speaks for), "مصدر عن قرارات X" nor
    "الدعوى التي نشرها المحامي X"."""
    if not need <= set(lead):
        return False
    k = min(i for i, w in enumerate(lead) if w in need)
    lex = doc.lex
    return not any(w in lex.spokes or w in lex.preps or w in lex.stops for w in lead[k + 1 :])


def lead_allows(doc: Doc, words: list[str]) -> bool:
    """Whether words between a verb and a non-person mention leave it the subject: none, a
    generic organisation noun ("صحيفة هآرتس"), a statement ("بيان الخارجية") or a
    spokesperson ("المتحدث باسم الوزارة")."""
    if not words:
        return True
    if any(w in doc.lex.spokes for w in words):
        return True
    nouns = _bare_set(doc.lex.orgnouns | doc.lex.docnouns)
    return all(_bare(w) in nouns for w in words)


@cache
def _bare_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_bare(w) for w in words)
