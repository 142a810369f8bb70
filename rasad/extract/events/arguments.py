"""Event arguments from tokens and mentions: source, target, location, date, attribution.

Clause patterns handled: verb–subject–object and subject–verb–object, passives (target only),
"بين X و Y" (first conjunct is the source, the others targets), a target introduced by the
pattern's prepositions ("مع X", "على X"), a genitive after a verbal noun ("زيارة X",
"اعتقال X"), a nisba adjective after it ("الغارات الإسرائيلية"), and conjoined lists
("X و Y و Z" → one dyad per target).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from rasad.extract.events.cues import words_between
from rasad.extract.events.doc import BREAKERS, PREPOSITIONS, STOP_PUNCT, Doc, M
from rasad.extract.events.lexicon import Entry

# Closed class: "that"-complementizers with a pronoun that resume a fronted subject.
PRONOUN_LINKS = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "قد", "كان", "كانت"})
QUOTE_CHARS = frozenset({'"', "«", "»", "“", "”", "'"})
FORWARD = 14  # words after a trigger that its arguments may span
BACKWARD = 16  # words before a trigger where its subject may stand
SOURCE_TYPES = frozenset({"PER", "ORG", "GPE"})  # outlets report and regions do not act
# A bare complementizer ends the search for a subject: "قال روحاني إن الهجوم" (روحاني is the
# speaker, not the attacker); the pronoun forms (أنها، أنه) resume the subject and do not.
COMPLEMENTIZERS = frozenset({"ان", "بان", "لان"})
# Closed class: words that introduce the agent of a passive or victim clause
# ("قتل على يد X"، "من قبل X"، "برصاص X"، "بنيران X").
AGENT_MARKERS = frozenset({"يد", "قبل", "برصاص", "رصاص", "بنيران", "نيران"})
SUBJECT_STOPS = frozenset({".", "؛", ";", "؟", "?", "!", ":", "(", ")", "–", "—", "--"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
VIOLENT = frozenset({"18", "19", "20"})


@dataclass
class Args:
    """The arguments found for one trigger."""

    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    used: set[int] = field(default_factory=set)  # token indices of mentions taken as arguments
    adjectival: bool = False  # the source is only a nisba adjective (الاحتلال الإسرائيلي)


@dataclass(frozen=True, slots=True)
class Span:
    """A trigger occurrence: its pattern and token span."""

    entry: Entry
    first: int
    last: int
    passive: bool
    verb: bool
    future: bool = False


def _is_break(tok: Any) -> bool:
    return tok.text in STOP_PUNCT or tok.norm in BREAKERS


def window_end(doc: Doc, span: Span, next_trigger: int) -> int:
    """Last token index (exclusive) of the trigger's forward window."""
    sent, words, i = doc.tokens[span.first].sent, 0, span.last + 1
    while i < len(doc.tokens) and i < next_trigger and doc.tokens[i].sent == sent:
        tok = doc.tokens[i]
        if tok.text in (".", "؛", ";", "؟", "?", "!", ":"):
            break
        words += tok.is_word
        if words > FORWARD:
            break
        i += 1
    return i


def mentions_in(doc: Doc, a: int, b: int) -> list[M]:
    """Mentions starting at token indices a..b-1, in order."""
    firsts = doc.firsts
    return doc.mentions[bisect_left(firsts, a) : bisect_left(firsts, b)]


def conjuncts(doc: Doc, start: M, end: int) -> list[M]:
    """Representatives of a conjoined list of mentions starting at ``start`` (PER preferred)."""
    groups: list[list[M]] = [[start]]
    prev = start
    for m in mentions_in(doc, start.last + 1, end):
        between = doc.tokens[prev.last + 1 : m.first]
        if any(_is_break(t) for t in between) or (m.prep and m.prep not in ("",)):
            break
        joined = m.conj or any(
            t.norm == "و" or getattr(t, "pre", "")[:1] == "و" for t in between if t.is_word
        )
        if joined:
            groups.append([m])
        elif sum(t.is_word for t in between) <= 3 and not any(
            t.text in ("،", ",") for t in between
        ):
            groups[-1].append(m)
        else:
            break
        prev = m
    return [next((m for m in g if m.type == "PER"), g[0]) for g in groups]


def _between_list(doc: Doc, span: Span, end: int) -> list[M] | None:
    """The list after "بين" within four words of the trigger, if any."""
    words = 0
    for i in range(span.last + 1, end):
        tok = doc.tokens[i]
        if i in doc.by_token:
            return None
        if tok.norm in ("بين", "وبين"):
            first = next(iter(mentions_in(doc, i + 1, end)), None)
            return conjuncts(doc, first, end) if first else None
        words += tok.is_word
        if words > 4:
            return None
    return None


def _prep_target(doc: Doc, span: Span, a: int, end: int, skip: set[int]) -> list[M]:
    """Targets introduced by the pattern's prepositions (or a bare object) after token a.

    A bare object must stand within three words of the verb (or of its subject), a
    prepositional target within eight: farther mentions belong to other clauses.
    """
    anchor = max([span.last] + [doc.by_token[f].last for f in skip if f in doc.by_token])
    for m in mentions_in(doc, a, end):
        if m.first in skip:
            continue
        gap = words_between(doc.tokens, anchor, m.first)
        if m.prep and m.prep in span.entry.preps and gap <= 8:
            return conjuncts(doc, m, end)
        if not m.prep and "obj" in span.entry.preps and gap <= 3:
            return conjuncts(doc, m, end)
    return []


def _subject_after(doc: Doc, span: Span, end: int) -> list[M]:
    """A VSO subject: a bare mention right after the verb (within five words).

    The search starts inside the trigger span: a subject may split a verb from its
    complement ("شن الجيش هجوما").
    """
    words = 0
    for i in range(span.first + 1, end):
        m = doc.by_token.get(i)
        if m is not None and m.first == i:
            return conjuncts(doc, m, end) if not m.prep and m.type in SOURCE_TYPES else []
        tok = doc.tokens[i]
        words += tok.is_word
        if words > 5 or _is_break(tok):
            return []
    return []


def subject_before(
    doc: Doc,
    first: int,
    limit: int = BACKWARD,
    barriers: bool = False,
    types: frozenset[str] = SOURCE_TYPES,
) -> M | None:
    """An SVO subject: the nearest bare mention before the trigger, in the same quote context."""
    sent, words = doc.tokens[first].sent, 0
    here = doc.quote_of(doc.tokens[first].start)
    i = first - 1
    while i >= 0 and doc.tokens[i].sent == sent and words <= limit:
        tok = doc.tokens[i]
        m = doc.by_token.get(i)
        if barriers and (i in doc.barriers or (m is not None and m.first in doc.barriers)):
            break
        if m is not None and m.first == i and not m.prep and m.type in types:
            if doc.quote_of(tok.start) == here:
                return prefer_person(doc, m, upto=first)
        if tok.text in SUBJECT_STOPS or tok.norm in COMPLEMENTIZERS:
            break
        words += tok.is_word
        i -= 1
    return None


def prefer_person(doc: Doc, m: M, upto: int | None = None) -> M:
    """The person a title phrase ends in (رئيس أركان الجيش الإسرائيلي أفيف كوخافي)."""
    if m.type == "PER":
        return m
    prev = m
    stop = m.last + 5 if upto is None else min(m.last + 5, upto)
    for x in mentions_in(doc, m.last + 1, stop):
        if any(i in doc.barriers for i in range(prev.last + 1, x.first)):
            return m  # a verb or a trigger ends the title phrase
        between = doc.tokens[prev.last + 1 : x.first]
        if (
            x.prep
            or x.conj
            or any(_is_break(t) or t.text in ("،", ",") or t.norm == "و" for t in between)
        ):
            return m
        if any(getattr(t, "pre", "")[:1] == "و" for t in between if t.is_word):
            return m
        if x.type == "PER":
            return x
        prev = x
    return m


def _genitive(doc: Doc, span: Span, end: int) -> M | None:
    """A mention right after a verbal noun, bare or with ل (غارة للتحالف), one adjective between."""
    for i in range(span.last + 1, min(end, span.last + 3)):
        m = doc.by_token.get(i)
        if m is not None and m.first == i:
            return m if not m.prep or (m.prep == "ل" and "ل" not in span.entry.preps) else None
        if not doc.tokens[i].is_word:
            continue
    return None


def arguments(doc: Doc, span: Span, next_trigger: int, adjective_actor: str | None) -> Args:
    """Source, target and location of one trigger."""
    end = window_end(doc, span, next_trigger)
    args = Args()
    between = _between_list(doc, span, end)
    if between:
        if "بين" in span.entry.preps:
            _take(args, [], between)
        else:
            _take(args, between[:1], between[1:])
    elif span.verb:
        _verb_args(doc, span, end, args)
    else:
        _noun_args(doc, span, end, args, adjective_actor)
    args.target = [t for t in args.target if t not in args.source]
    args.location = _location(doc, span, end, args)
    return args


def _take(args: Args, source: list[M], target: list[M]) -> None:
    args.source = _ids(source)
    args.target = _ids(target)
    args.used |= {m.first for m in source + target}


def _ids(ms: list[M]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.actor not in out:
            out.append(m.actor)
    return out


def _agent(doc: Doc, span: Span, end: int) -> list[M]:
    """The agent of a passive or victim clause (على يد X، من قبل X، برصاص X)."""
    for m in mentions_in(doc, span.last + 1, end):
        prev = doc.tokens[m.first - 1] if m.first else None
        if prev is not None and (
            prev.norm in AGENT_MARKERS or prev.norm.lstrip("و") in AGENT_MARKERS
        ):
            return conjuncts(doc, m, end)
    return []


def _verb_args(doc: Doc, span: Span, end: int, args: Args) -> None:
    if span.passive:
        agent = _agent(doc, span, end)
        skip = {m.first for m in agent}
        _take(args, agent, _prep_target(doc, span, span.last + 1, end, skip))
        return
    if span.entry.gen == "tgt":  # the subject is the patient: لقي مصرعه، أصيب
        fronted = _subject_adjacent(doc, span.first)
        patient = [fronted] if fronted else _subject_after(doc, span, end)
        if not patient:
            before = subject_before(doc, span.first)
            patient = [before] if before else []
        _take(args, _agent(doc, span, end), patient)
        return
    fronted = _subject_adjacent(doc, span.first)
    subject = [fronted] if fronted else _subject_after(doc, span, end)
    skip = {m.first for m in subject}
    if subject and not fronted and span.entry.root in VIOLENT and "obj" in span.entry.preps:
        target = _prep_target(doc, span, span.last + 1, end, skip)
        if not target and not _object_follows(doc, subject[-1].last):
            # "قتل سليماني في غارة": no object, so the unvowelled verb is passive
            _take(args, _agent(doc, span, end), subject)
            return
    if not subject:
        before = subject_before(doc, span.first)
        subject = [before] if before else []
    _take(args, subject, _prep_target(doc, span, span.last + 1, end, skip))


def _subject_adjacent(doc: Doc, first: int) -> M | None:
    """An SVO subject standing right before the verb ("إسرائيل تقصف", "إسرائيل أنها قصفت")."""
    i, words = first - 1, 0
    while i >= 0 and words <= 2:
        m = doc.by_token.get(i)
        if m is not None:
            return (
                prefer_person(doc, m, upto=first) if not m.prep and m.type in SOURCE_TYPES else None
            )
        tok = doc.tokens[i]
        if tok.is_word and tok.norm not in PRONOUN_LINKS:
            return None
        if not tok.is_word and tok.text not in QUOTE_CHARS:
            return None
        words += tok.is_word
        i -= 1
    return None


def _object_follows(doc: Doc, last: int) -> bool:
    """Whether a bare noun (an object) follows the subject: "قصفت إسرائيل المباني"."""
    nxt = next((t for t in doc.tokens[last + 1 : last + 3] if t.is_word), None)
    if nxt is None or nxt.norm in PREPOSITIONS or nxt.norm[:1].isdigit():
        return False
    return nxt.norm[:1] not in ("ب", "ل", "ف") or nxt.norm.startswith(("ال", "لا", "بال"))


def _noun_args(doc: Doc, span: Span, end: int, args: Args, adjective_actor: str | None) -> None:
    gen = _genitive(doc, span, end)
    source: list[M] = []
    skip: set[int] = set()
    if gen is not None and span.entry.gen == "tgt":
        before = subject_before(doc, span.first, limit=6, barriers=True)
        _take(args, [before] if before else [], conjuncts(doc, gen, end))
        if adjective_actor and not before:
            args.source = [adjective_actor]
        return
    if gen is not None and span.entry.gen == "src":
        source, skip = [gen], {gen.first}
    target = (
        _prep_target(doc, span, span.last + 1, end, skip) if span.entry.preps != ("obj",) else []
    )
    if not source and not adjective_actor:
        before = subject_before(doc, span.first, limit=8, barriers=True)
        source = [before] if before else []
    _take(args, source, target)
    if adjective_actor and not source:
        args.source, args.adjectival = [adjective_actor], True


def _location(doc: Doc, span: Span, end: int, args: Args) -> str | None:
    """A place governed by في/ب in the trigger's clause, not already an argument."""
    taken = set(args.source) | set(args.target)
    for m in mentions_in(doc, span.last + 1, end) + mentions_in(
        doc, max(span.first - 6, 0), span.first
    ):
        if m.type in PLACE_TYPES and m.prep in ("في", "ب") and m.actor not in taken:
            return m.actor
    return None
