"""Clause helpers for event arguments: adjuncts, results, ل-objects and armed-force genitives.

A verbal noun in a prepositional adjunct ("في هجوم"), after a topic preposition ("تحقيق حول
الهجوم") or as the result of another clause ("أسفرت عن مقتل") has no agent among the names
before it; "قصف مقاتلات التحالف" names the agent after a force noun; "استهداف إسرائيل للمركز"
marks its genitive as the agent by the ل-object after it.
"""

from __future__ import annotations

from typing import Any

from rasad.extract.events.cues import is_count, words_between
from rasad.extract.events.doc import PREPOSITIONS, Doc, M
from rasad.extract.events.phrases import mentions_in, plain
from rasad.extract.events.titles import force_at

VIOLENT = frozenset({"18", "19", "20"})
ADJUNCT_PREPS = frozenset(
    {"في", "خلال", "اثر", "عقب", "جراء", "بعد", "قبل", "اثناء", "بسبب", "نتيجه", "وسط", "خلفيه"}
)
# ل with a pronoun after a verbal noun's genitive: the pronoun is the one hit.
LAM_PRONOUNS = frozenset({"له", "لها", "لهم", "لهما", "لهن"})
TOPIC_PREPS = frozenset({"حول", "بشان", "ازاء", "بخصوص"})
# Stems of verbs whose complement is the result of an act (أسفر عن، أدى إلى).
RESULT_VERBS = ("سفر", "سفرت", "دي", "دت", "ادي", "ادت")
# Words opening a clause adjunct: a name after them is no target of an earlier preposition.
EXCHANGE = frozenset({"مقابل", "بدل", "لقاء"})
CLAUSE_ADJUNCTS = ADJUNCT_PREPS | EXCHANGE | {"بهدف", "بعدما", "عندما", "حين", "لان"}


def lam_target(doc: Doc, last: int, end: int) -> M | None:
    """A ل-mention within two words after a verbal noun's genitive (استهداف X لـY)."""
    m = next(iter(mentions_in(doc, last + 1, end)), None)
    if m is None or m.prep != "ل" or words_between(doc.tokens, last, m.first) > 2:
        return None
    return m if plain(doc, last, m.first) else None


def lam_word(doc: Doc, last: int) -> bool:
    """Whether a word with the preposition ل (not a name), or a counted object, follows a
    verbal noun's genitive ("استهداف إسرائيل للمركز"، "قتل إسرائيل 116 فلسطينيا")."""
    j = last + 1
    if j < len(doc.tokens) and is_count(doc.tokens[j].norm) and j not in doc.in_date:
        return True
    if j >= len(doc.tokens) or j in doc.by_token or not doc.tokens[j].is_word:
        return False
    if doc.tokens[j].norm in LAM_PRONOUNS:  # "مقاطعة السعودية ومصر لها": the pronoun is hit
        return True
    return getattr(doc.tokens[j], "pre", "")[-1:] == "ل" or doc.tokens[j].norm.startswith("لل")


def in_adjunct(doc: Doc, span: Any) -> bool:
    """Whether a verbal noun stands in a prepositional adjunct ("في هجوم"، "بقصف").

    There it names the circumstance of another clause; the name before it is that clause's
    subject (often the victim), not the agent.
    """
    norm = doc.tokens[span.first].norm
    prefix = norm[: norm.find(span.form)] if span.form and span.form in norm else ""
    prev = doc.tokens[span.first - 1].norm if span.first else ""
    # ل (purpose: "يسعى لترتيب") keeps the subject of the modal verb; ب and في do not.
    topic = prev in TOPIC_PREPS  # "تحقيق حول الهجوم": the investigator is no attacker
    return prev in ADJUNCT_PREPS or "ب" in prefix or topic or _result_of(doc, span.first)


def _result_of(doc: Doc, first: int) -> bool:
    """Whether a verbal noun is the result of another clause ("أسفرت عن مقتل"، "أدى إلى
    مقتل"): its agent is that clause's cause, not the nearest earlier name (often the victim)."""
    if first < 2 or doc.tokens[first - 1].norm not in ("عن", "الي"):
        return False
    verb = doc.tokens[first - 2].stem or doc.tokens[first - 2].norm
    return verb.endswith(RESULT_VERBS)


def object_follows(doc: Doc, last: int) -> bool:
    """Whether a bare noun (an object) follows the subject: "قصفت إسرائيل المباني"."""
    nxt = next((t for t in doc.tokens[last + 1 : last + 3] if t.is_word), None)
    if nxt is None or nxt.norm in PREPOSITIONS or nxt.norm in CLAUSE_ADJUNCTS:
        return False
    if nxt.norm[:1].isdigit():  # "قتلت الشرطة 6 أشخاص": a counted object, not a date
        return doc.token_at(nxt.start) not in doc.in_date
    return nxt.norm[:1] not in ("ب", "ل", "ف") or nxt.norm.startswith(("ال", "لا", "بال"))


def force_genitive(doc: Doc, span: Any, gen: M) -> bool:
    """Whether an armed-force head noun (مقاتلات، طائرات، قوات) stands between an act of force
    and its genitive name: "قصف مقاتلات التحالف" names the agent, not the target."""
    if span.entry.root not in VIOLENT:
        return False
    return any(force_at(doc, i) is not None for i in range(span.last + 1, gen.first))
