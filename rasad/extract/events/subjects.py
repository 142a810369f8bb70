"""Common-noun arguments that block a wrong named one.

When the subject of a trigger is a common noun (الجماعة، جماعات حقوق الإنسان، محتجون), a name
after it is its object and a name before it is no subject; when a verbal noun governs a common
noun (رفض المملكة) or an enclitic pronoun (قتله), the nearest earlier name is not its agent.
Data: ``rasad/data/events/actor_nouns.tsv``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasad.data.loader import read_tsv
from rasad.extract.events.doc import Doc
from rasad.extract.events.lexicon import ENCLITICS, canon_set, core

QUOTE_CHARS = frozenset({'"', "«", "»", "“", "”", "'"})
# Endings of a nisba adjective (العسكري، الإرهابية، الأمريكيين): an adjective after a verbal
# noun is no genitive.
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يا")
PLURAL_ENDINGS = ("ون", "ين")


@cache
def actor_nouns() -> frozenset[str]:
    """Canonical forms of common nouns naming groups of people (cached)."""
    return frozenset(core(r["word"]) for r in read_tsv("events/actor_nouns.tsv"))


def is_actor_noun(tok: Any) -> bool:
    """Whether a word is a common noun naming people who act (محتجون، الجماعة، مصادر)."""
    return tok.is_word and bool(canon_set(tok.norm) & actor_nouns())


def _next_word(doc: Doc, i: int, limit: int) -> int | None:
    j = i + 1
    while j < limit and not doc.tokens[j].is_word and doc.tokens[j].text in QUOTE_CHARS:
        j += 1
    return j if j < limit and doc.tokens[j].is_word else None


def common_subject_after(doc: Doc, span: Any) -> bool:
    """Whether the verb's subject right after it is a common noun, not a name.

    "شنت الجماعة هجوما على X": a definite noun between a verb and its complement is the
    subject; "اتهمت جماعات حقوق الإنسان القوات": an actor noun not followed at once by a name
    (its genitive, مسلحو حماس) is the subject, and the name after it the object.
    """
    j = _next_word(doc, span.first, len(doc.tokens))
    if j is None or j in doc.by_token or doc.tokens[j].sent != doc.tokens[span.first].sent:
        return False
    tok = doc.tokens[j]
    if j < span.last and tok.norm.startswith("ال") and j not in doc.in_date:
        return True
    return (is_actor_noun(tok) and (j + 1) not in doc.by_token) or _noun_nisba_name(doc, j)


def _noun_nisba_name(doc: Doc, j: int) -> bool:
    """ "طالب التكتل الأوروبي روسيا": a definite noun with a nisba adjective right after the
    verb, then a bare name, is the subject; the name is the object."""
    k = j + 1
    if not _definite(doc.tokens[j]) or j in doc.in_date or k >= len(doc.tokens):
        return False
    adj = doc.tokens[k]
    if k in doc.by_token or not adj.is_word or not adj.norm.startswith("ال"):
        return False
    if not adj.norm.endswith(NISBA_ENDINGS):
        return False
    m = doc.by_token.get(k + 1)
    # "أدان الرئيس الأميركي دونالد ترامب": before a person the phrase is his title
    return m is not None and m.first == k + 1 and not m.prep and m.type != "PER"


def plural_agrees(doc: Doc, m: Any) -> bool:
    """Whether a subject before a plural verb can agree with it (a person, a plural name)."""
    if m.type == "PER":
        return True
    return doc.tokens[m.last].norm.endswith(PLURAL_ENDINGS)


def has_enclitic(doc: Doc, span: Any) -> bool:
    """Whether the trigger word carries an enclitic pronoun (قتله، اعتقالهم، معه)."""
    norm = doc.tokens[span.first].norm
    at = norm.rfind(span.form) if span.form else -1
    return at >= 0 and norm[at + len(span.form) :] in ENCLITICS


def common_genitive(doc: Doc, span: Any) -> bool:
    """Whether a verbal noun governs a definite common noun (رفض المملكة), not an adjective.

    Only a noun without the article is in construct; after "الهجوم" a definite word is an
    adjective (الهجوم الأخير).
    """
    if _definite(doc.tokens[span.first]):
        return False
    j = span.last + 1
    if j >= len(doc.tokens) or j in doc.by_token or j in doc.in_date:
        return False
    tok = doc.tokens[j]
    if not tok.is_word or tok.sent != doc.tokens[span.first].sent:
        return False
    return tok.norm.startswith("ال") and not tok.norm.endswith(NISBA_ENDINGS)


def _definite(tok: Any) -> bool:
    det = getattr(tok, "det", None)
    if det is not None:
        return bool(det)
    return tok.norm.startswith(("ال", "وال", "بال", "فال", "لل", "ولل"))


PRONOUN_PREPS = frozenset(
    p + e for p in ("الي", "علي", "لدي", "ضد", "بين", "حول", "عبر", "امام") for e in ENCLITICS
) | frozenset(("اليه", "اليها", "اليهم", "عليه", "عليها", "عليهم", "لديه", "لديها"))
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})
KANA = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"})


def after_relative(doc: Doc, first: int) -> bool:
    """Whether a verb opens a relative clause (الضربات التي استهدفت): its subject is the
    antecedent, the name after it the object."""
    # "هجوم استهدف لبنان": a verb right after a verbal noun is its (asyndetic) relative clause
    prev = first - 1
    while prev > 0 and doc.tokens[prev].text in QUOTE_CHARS:
        prev -= 1
    return _relative_at(doc, first) is not None or (prev >= 0 and prev in doc.noun_ends)


def _relative_at(doc: Doc, first: int) -> int | None:
    """Token index of the relative pronoun before a verb (التي قصفت، الذي كان يسيطر)."""
    j = first - 1
    if j > 0 and doc.tokens[j].norm in KANA:
        j -= 1
    return j if j >= 0 and doc.tokens[j].norm in RELATIVES else None


def construct_genitive(doc: Doc, first: int) -> bool:
    """Whether a name follows an indefinite noun in ta marbuta (خطيبة خاشقجي): its genitive."""
    i = first - 1
    if i < 0 or i in doc.by_token or not doc.tokens[i].is_word:
        return False
    tok = doc.tokens[i]
    if getattr(tok, "pre", ""):  # "بقيادة السعودية": a phrase led by X, X stands for its actor
        return False
    return tok.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith(
        "ة"
    ) and not _definite(tok)


def antecedent(doc: Doc, first: int) -> Any | None:
    """The name right before the relative pronoun before a verb, if any (إسرائيل التي قصفت)."""
    j = _relative_at(doc, first)
    if j is None or j == 0:
        return None
    m = doc.by_token.get(j - 1)
    return m if m is not None and not m.prep and m.type in ("PER", "ORG", "GPE") else None


def pronoun_complement(doc: Doc, span: Any) -> bool:
    """Whether a preposition with a pronoun follows the verb (يسيطر عليها، يصل إليها): the
    pronoun stands for the name before, so the subject comes after the verb or not at all."""
    j = span.last + (span.last == span.first)  # the pattern's own preposition (سيطر عليها)
    if j >= len(doc.tokens) or not doc.tokens[j].is_word:
        return False
    norm = doc.tokens[j].norm
    return norm in PRONOUN_PREPS or any(
        norm.startswith(p) and norm[len(p) :] in ENCLITICS
        for p in ("ل", "ب", "مع", "من", "عن", "في")
    )


def kana_subject(doc: Doc, first: int) -> Any | None:
    """The subject between كان and قد before a verb ("وكانت سفيرة X، هايلي، قد حثت")."""
    if first == 0 or doc.tokens[first - 1].norm != "قد":
        return None
    sent, i, words = doc.tokens[first].sent, first - 2, 0
    while i >= 0 and doc.tokens[i].sent == sent and words <= 14:
        if doc.tokens[i].norm in KANA:
            found = [
                m
                for m in _mentions_between(doc, i + 1, first - 1)
                if not m.prep and m.type in ("PER", "ORG", "GPE")
            ]
            person = next((m for m in found if m.type == "PER"), None)
            return person or (found[0] if found else None)
        words += doc.tokens[i].is_word
        i -= 1
    return None


def _mentions_between(doc: Doc, a: int, b: int) -> list[Any]:
    return [m for m in doc.mentions if a <= m.first < b]


def noun_subject_before(doc: Doc, first: int) -> bool:
    """Whether a definite common noun (not a name, not a date) stands right before the verb."""
    i = first - 1
    while i >= 0 and doc.tokens[i].text in QUOTE_CHARS:
        i -= 1
    m = doc.by_token.get(i)
    if m is not None:  # "خطيبة خاشقجي تطلب": the subject is the construct noun
        return construct_genitive(doc, m.first)
    if i < 0 or i in doc.in_date or not doc.tokens[i].is_word:
        return False
    tok = doc.tokens[i]
    return tok.sent == doc.tokens[first].sent and tok.norm.startswith("ال") and len(tok.norm) > 4


def claimers(doc: Doc, hits: list[Any]) -> list[tuple[int, int, str]]:
    """(sentence, cue token, actor) of each claim of an attack (تبنته جماعة الحوثي).

    The claimer is the name right after the claim verb (within three words) or right before it.
    """
    out = []
    for hit in hits:
        if hit.effect != "claim":
            continue
        m = _name_after(doc, hit.last, 3) or _name_before(doc, hit.first)
        if m is not None:
            out.append((hit.sent, hit.first, m.actor))
    return out


def _name_after(doc: Doc, last: int, limit: int) -> Any | None:
    words, i = 0, last + 1
    while i < len(doc.tokens) and words < limit and doc.tokens[i].sent == doc.tokens[last].sent:
        m = doc.by_token.get(i)
        if m is not None:
            return m if not m.prep and m.type in ("ORG", "GPE", "PER") else None
        words += doc.tokens[i].is_word
        i += 1
    return None


def _name_before(doc: Doc, first: int) -> Any | None:
    m = doc.by_token.get(first - 1) if first else None
    return m if m is not None and not m.prep and m.type in ("ORG", "GPE", "PER") else None


# Roots of verbs whose subject opposes the event in their object, never commits it
# (دانت الخارجية التركية استخدام أسلحة كيماوية؛ امتنع الجيش عن التعليق على الغارة).
OPPOSING_ROOTS = frozenset({"11", "12"})
OPPOSING_CODES = frozenset({"011"})


# Closed class: verbs of saying whose subject is the speaker, not the agent of an event noun
# in what is said ("قالت وزارة الدفاع، ردا على سؤال حول هجوم"; "حذرت الأمم المتحدة من نشوب
# معركة"); أعلن and أكد are left out, as
# their subject often announces its own act ("أعلن الجيش تنفيذ غارات").
SPEAKING = frozenset({"قال", "ذكر", "أضاف", "أوضح", "أشار", "صرح", "تحدث", "أفاد", "حذر"})


def opposers(spans: list[Any], hits: list[Any]) -> set[int]:
    """Token indices of condemning, rejecting, denying, no-comment and speaking verbs."""
    out = {
        s.first
        for s in spans
        if s.verb and (s.entry.root in OPPOSING_ROOTS or s.entry.code in OPPOSING_CODES)
    }
    speaking = {h.first for h in hits if h.pattern.split("|")[0] in SPEAKING}
    return out | speaking | {h.first for h in hits if h.effect == "denied"}


# A complementizer opens a new clause whose subject is no subject of the verb before it.
THAT = frozenset({"ان", "بان", "انه", "انها", "لان"})


def opposer_subject(doc: Doc, m_first: int, trigger_first: int, against: set[int]) -> bool:
    """Whether the name at ``m_first`` is the subject of an opposing verb before it (within
    three words: a title may stand between, "أدان الرئيس الأميركي دونالد ترامب"), with the
    verbal-noun trigger later in that verb's clause."""
    for o in against:
        if o < m_first < trigger_first:
            between = doc.tokens[o + 1 : m_first]
            if any(not t.is_word or t.norm in THAT for t in between):
                continue  # "أضاف أن روسيا شنت ضربات": روسيا heads the new clause
            if len(between) <= 3:
                return True
    return False
