"""Word-form decisions for triggers: verb or verbal noun, passive voice, purpose.

A word right after a preposition or an adverbial noun (إلى قصف، جراء قصف، منذ طرده) or after an
indefinite noun in construct (محاولة اغتيال) is a verbal noun; a damma on the first letter of a
past verb or on the prefix of an imperfect one marks the passive (قُتل، يُتّهم); an indefinite
verbal noun with the purpose ل (عملية لطرد المقاتلين) names an aim, not an event.
"""

from __future__ import annotations

from typing import Any

from rasad.extract.events.doc import PREPOSITIONS, Doc

DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"

# Adverbial nouns that govern a genitive: a word right after them is a noun, not a verb
# ("جراء قصف"، "منذ طرده"، "عقب اغتيال"); a verb would need أن after them.
GENITIVE_ADVERBS = frozenset(
    {"جراء", "اثر", "عقب", "بسبب", "نتيجه", "اثناء", "خلال", "وسط", "بعد", "قبل", "منذ"}
)
NOUN_BEFORE = PREPOSITIONS | GENITIVE_ADVERBS
# Words after which ل introduces what the subject confronted, not a purpose ("تصدت لهجوم").
PREPOSITION_LAM_VERBS = frozenset({"تصدت", "تصدي", "التصدي", "تصدوا", "يتصدي", "ردا"})


def vowelled_passive(surface: str, kind: str) -> bool:
    """A past verb written with damma on its first letter is passive (قُتل، اُغتيل)."""
    bare = surface.lstrip("وف")
    if kind != "verb":
        return False
    if bare[:1] in ("ي", "ت", "ن"):  # an imperfect with damma on its prefix: يُتّهم، تُفرض
        return bare[1:2] == "\u064f"
    return "\u064f" in bare[1:3]


def after_preposition(doc: Doc, i: int) -> bool:
    """Whether the word follows a free preposition (then it is a verbal noun: إلى قصف)."""
    return i > 0 and doc.tokens[i - 1].norm in NOUN_BEFORE


def after_construct(doc: Doc, i: int) -> bool:
    """Whether the word is the genitive of a noun in construct (جريمة قتله، محاولة اغتيال).

    An indefinite noun ending in ta marbuta right before it cannot be a verb's subject here.
    """
    if i == 0 or not doc.tokens[i - 1].is_word:
        return False
    prev = doc.tokens[i - 1]
    return prev.text.rstrip(DIACRITICS).endswith("ة") and not prev.norm.startswith(
        ("ال", "وال", "بال", "لل")
    )


def purpose(doc: Doc, span: Any) -> bool:
    """An indefinite verbal noun with the purpose ل ("عملية عسكرية لطرد المقاتلين"، "قمة لبحث
    الأزمة") names the aim of another act, not an event that took place; after تعرض ل it is
    what befell the subject ("تعرضت لقصف")."""
    tok = doc.tokens[span.first]
    if span.verb or getattr(tok, "det", "") or getattr(tok, "pre", "").lstrip("وف") != "ل":
        return False
    prev = doc.tokens[span.first - 1].norm if span.first else ""
    if prev in PREPOSITION_LAM_VERBS:
        return False
    before = doc.tokens[max(span.first - 4, 0) : span.first]  # "تعرضت مواقع الحزب لقصف"
    return not any("تعرض" in t.norm for t in before)
