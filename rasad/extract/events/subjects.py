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
    return is_actor_noun(tok) and (j + 1) not in doc.by_token


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
