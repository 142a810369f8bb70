"""Event arguments from tokens and mentions: source, target, location, date, attribution.

Clause patterns handled: verb–subject–object and subject–verb–object, passives (target only),
"بين X و Y" (first conjunct is the source, the others targets), a target introduced by the
pattern's prepositions ("مع X", "على X"), a genitive after a verbal noun ("زيارة X",
"اعتقال X"), a nisba adjective after it ("الغارات الإسرائيلية"), and conjoined lists
("X و Y و Z" → one dyad per target).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasad.extract.events.clauses import (
    CLAUSE_ADJUNCTS,
    EXCHANGE,
    VIOLENT,
    force_genitive,
    in_adjunct,
    lam_target,
    lam_word,
    object_follows,
)
from rasad.extract.events.cues import is_count, words_between
from rasad.extract.events.descriptors import (
    descriptor_args,
    descriptor_at,
    descriptor_before,
    frame_passive,
)
from rasad.extract.events.doc import PREPOSITIONS, Doc, M
from rasad.extract.events.lexicon import Entry
from rasad.extract.events.phrases import (
    conjuncts,
    is_break,
    locatives,
    mentions_in,
    plain,
    prefer_person,
    window_end,
)
from rasad.extract.events.subjects import (
    RELATIVES,
    after_relative,
    antecedent,
    common_genitive,
    common_subject_after,
    construct_genitive,
    has_enclitic,
    is_actor_noun,
    kana_subject,
    noun_subject_before,
    plural_agrees,
    pronoun_complement,
)

# Closed class: "that"-complementizers with a pronoun that resume a fronted subject.
PRONOUN_LINKS = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "قد", "كان", "كانت"})
RESUMPTIVE_LINKS = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم"})
QUOTE_CHARS = frozenset({'"', "«", "»", "“", "”", "'"})
BACKWARD = 16  # words before a trigger where its subject may stand
SOURCE_TYPES = frozenset({"PER", "ORG", "GPE"})  # outlets report and regions do not act
# A bare complementizer ends the search for a subject: "قال روحاني إن الهجوم" (روحاني is the
# speaker, not the attacker); the pronoun forms (أنها، أنه) resume the subject and do not.
COMPLEMENTIZERS = frozenset({"ان", "بان", "لان"})
SUBJECT_STOPS = frozenset({".", "؛", ";", "؟", "?", "!", ":", "(", ")", "–", "—", "--"})
PLACE_TYPES = frozenset({"GPE", "LOC"})


@dataclass
class Args:
    """The arguments found for one trigger."""

    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    used: set[int] = field(default_factory=set)  # token indices of mentions taken as arguments
    adjectival: bool = False  # the source is only a nisba adjective (الاحتلال الإسرائيلي)
    reach: int = 0  # words between the trigger and its source (a long reach guesses)
    sources_at: list[int] = field(default_factory=list)  # token indices of the source mentions


@dataclass(frozen=True, slots=True)
class Span:
    """A trigger occurrence: its pattern and token span."""

    entry: Entry
    first: int
    last: int
    passive: bool
    verb: bool
    future: bool = False
    form: str = ""  # the matched head form (for agreement: قتلوا is plural)


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
        if tok.norm in PREPOSITIONS or tok.norm.startswith(("بال", "لل")):
            return None  # "إطلاق نار قرب الحدود بين X و Y": the list belongs to الحدود
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
    # "القيادي في حماس صالح العاروري"; right after an active verb it is the subject
    if named := descriptor_args(doc, anchor + 1, end, span.entry.preps, bool(skip) or span.passive):
        return named
    phrase = _prep_phrase(doc, span, a, end)
    for m in mentions_in(doc, a, end):
        if m.first in skip:
            continue
        gap = words_between(doc.tokens, anchor, m.first)
        if gap > 8:
            break  # mentions come in order: the rest are farther still
        if any(t.norm in EXCHANGE for t in doc.tokens[anchor + 1 : m.first]):
            return []  # "أفرج عن القس مقابل X": X is what is given in exchange, no target
        if m.prep and m.prep in span.entry.preps and gap <= 8:
            return conjuncts(doc, m, end)
        if phrase is not None and m.first > phrase and gap <= 8:
            return conjuncts(doc, m, end)
        if not m.prep and "obj" in span.entry.preps and gap <= 6 and plain(doc, anchor, m.first):
            return conjuncts(doc, m, end)
        if m.prep == "ل" and "obj" in span.entry.preps and gap <= 3 and plain(doc, anchor, m.first):
            return conjuncts(doc, m, end)  # "استهدف منشأتين لشركة أرامكو": the owner is hit
    return []


def _prep_phrase(doc: Doc, span: Span, a: int, end: int) -> int | None:
    """Token opening a target phrase whose name comes after a title or head noun.

    "مع نظيره العماني يوسف بن علوي"، "على مواقع لجماعة الحوثي": the preposition governs the
    first word, the name stands up to four words later.
    """
    preps = span.entry.preps
    for i in range(a, end):
        tok = doc.tokens[i]
        if i in doc.by_token or not tok.is_word:
            continue
        bare = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and len(tok.norm) > 2 else tok.norm
        opens = bare in preps or (bare[:1] in preps and bare[:1] in ("ب", "ل") and len(bare) > 3)
        if opens:
            nxt = next((m for m in mentions_in(doc, i + 1, min(end, i + 6))), None)
            between = doc.tokens[i + 1 : nxt.first] if nxt else []
            if (
                nxt
                and nxt.prep in ("", "ل")
                and not any(
                    is_break(t) or t.text in ("،", ",") or t.norm in CLAUSE_ADJUNCTS
                    for t in between
                )
            ):
                return i
            return None
    return None


def _subject_after(doc: Doc, span: Span, end: int) -> list[M]:
    """A VSO subject: a bare mention right after the verb (within five words).

    The search starts inside the trigger span: a subject may split a verb from its
    complement ("شن الجيش هجوما").
    """
    words = 0
    for i in range(span.first + 1, end):
        m = doc.by_token.get(i)
        if m is not None and m.first == i:
            if m.prep == "ل":  # "حذر الأمين العام للجامعة العربية أبو الغيط": the titled person
                m = _titled_person(doc, m, end)
            return conjuncts(doc, m, end) if m and not m.prep and m.type in SOURCE_TYPES else []
        tok = doc.tokens[i]
        if words == 0 and (named := descriptor_args(doc, i, end, ("obj",))):
            return named  # "اتهم القيادي في حماس صالح العاروري إسرائيل"
        words += tok.is_word
        if words > 5 or is_break(tok) or (i > span.last and _free_prep(doc, i)):
            return []  # after a free preposition a name is a complement, not the subject
    return []


def _free_prep(doc: Doc, i: int) -> bool:
    """A preposition opening a complement; partitive من after a count ("5 من عناصر") is not."""
    tok = doc.tokens[i]
    if tok.norm not in PREPOSITIONS:
        return False
    return not (tok.norm == "من" and i > 0 and is_count(doc.tokens[i - 1].norm))


def _titled_person(doc: Doc, m: M, end: int) -> M | None:
    """The bare person named right after a title's ل-genitive, if any."""
    nxt = next(iter(mentions_in(doc, m.last + 1, min(end, m.last + 4))), None)
    return nxt if nxt is not None and not nxt.prep and nxt.type == "PER" else None


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
        if m is None and is_actor_noun(tok):  # "محتجون ... اقتحموها": a common-noun subject
            break
        if barriers and tok.norm in RELATIVES:  # "المرحلة التي سبقت غزو X": another clause
            break
        words += tok.is_word
        i -= 1
    return None


def _genitive(doc: Doc, span: Span, end: int) -> M | None:
    """The name a verbal noun governs: right after it, or after a title or a count
    ("اغتيال الأمين العام السابق للحزب الشيوعي جورج حاوي"، "مقتل 15 جنديا تركيا")."""
    if named := descriptor_at(doc, span.last + 1, end, ("obj",)):
        return named  # "اغتيال القيادي في حماس صالح العاروري"
    words = 0
    for i in range(span.last + 1, min(end, span.last + 10)):
        m = doc.by_token.get(i)
        if m is not None and m.first == i:
            if not m.prep or (m.prep == "ل" and "ل" not in span.entry.preps):
                return prefer_person(doc, m, upto=end)
            return None
        tok = doc.tokens[i]
        if is_break(tok) or tok.text in ("،", ",") or tok.norm in PREPOSITIONS or i in doc.in_date:
            return None
        if tok.is_word and getattr(tok, "pre", "")[-1:] in ("ل", "ب"):  # "دعوة لأمير قطر"
            return None
        words += tok.is_word
        if words > 6:
            return None
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
    places = locatives(doc, args.used)  # "غرب مدينة زبيد": a location, not a side of the dyad
    args.source = [a for a in args.source if a not in places]
    args.target = [a for a in args.target if a not in places]
    far = window_end(doc, span, len(doc.tokens))  # past a next trigger: "تجمع المتظاهرون أمام"
    args.location = places[0] if places else _location(doc, span, far, args)
    args.reach = _reach(doc, span, args.sources_at)
    return args


def _reach(doc: Doc, span: Span, firsts: list[int]) -> int:
    """Words between the trigger and its nearest source mention (a conjoined list counts
    from its first member)."""
    gaps = [
        words_between(doc.tokens, f, span.first)
        if f < span.first
        else words_between(doc.tokens, span.last, f)
        for f in firsts
    ]
    return min(gaps, default=0)


def _take(args: Args, source: list[M], target: list[M]) -> None:
    args.source = _ids(source)
    args.sources_at = [m.first for m in source]
    args.target = _ids(target)
    args.used |= {m.first for m in source + target}


def _ids(ms: list[M]) -> list[str]:
    return list(dict.fromkeys(m.actor for m in ms))


def _agent(doc: Doc, span: Span, end: int) -> list[M]:
    """The agent of a passive or victim clause (على يد X، من قبل X، برصاص X)."""
    for m in mentions_in(doc, span.last + 1, end):
        if m.prep == "by":
            return conjuncts(doc, m, end)
    return []


def _verb_args(doc: Doc, span: Span, end: int, args: Args) -> None:
    if span.passive or (frame_passive(doc, span.first) and not _subject_adjacent(doc, span.first)):
        agent = _agent(doc, span, end)
        skip = {m.first for m in agent}
        _take(args, agent, _prep_target(doc, span, span.last + 1, end, skip))
        return
    plural = span.form.endswith(("وا", "ون", "و")) and span.form != span.entry.head
    if span.entry.gen == "tgt":  # the subject is the patient: لقي مصرعه، أصيب
        fronted = _subject_adjacent(doc, span.first)
        patient = [fronted] if fronted else _subject_after(doc, span, end)
        if not patient:
            before = subject_before(doc, span.first)
            if before is not None and plural and not plural_agrees(doc, before):
                before = None  # "منظمة X ... شخصا أصيبوا": the singular name is not the patient
            patient = [before] if before else []
        _take(args, _agent(doc, span, end), patient)
        return
    if after_relative(doc, span.first) or pronoun_complement(doc, span):
        _relative_args(doc, span, end, args)
        return
    fronted = _subject_adjacent(doc, span.first) or kana_subject(doc, span.first)
    if fronted is not None:
        fronted = prefer_person(doc, fronted, upto=span.first)
    if fronted is None and (
        noun_subject_before(doc, span.first) or common_subject_after(doc, span)
    ):
        # "القوات الحكومية قصفت معاقل التنظيم": the subject is a common noun, so the
        # name after the verb is its object.
        _take(args, [], _prep_target(doc, span, span.last + 1, end, set()))
        return
    violent_obj = (
        span.entry.root in VIOLENT and span.entry.preps == ("obj",) and not span.entry.rest
    )
    if fronted and violent_obj and not object_follows(doc, span.last):
        if not _prep_target(doc, span, span.last + 1, end, {fronted.first}):
            # "أربعة من حراس الأمن قتلوا في هجوم": nothing follows, the verb is passive
            _take(args, _agent(doc, span, end), [fronted])
            return
    # A plural verb (قتلوا، يقصفون; قتلو+ها, the alif dropped before an enclitic) agrees with a
    # subject before it, and a resumptive pronoun ("أنها استهدفت") stands for one: the name
    # after the verb is its object.
    pronoun = span.first > 0 and doc.tokens[span.first - 1].norm in RESUMPTIVE_LINKS
    if fronted is None and (plural or pronoun):
        before = subject_before(doc, span.first, barriers=True)
        if before is not None and plural and not plural_agrees(doc, before):
            before = None  # "القنصلية ... اقتحموها": a singular name is not the subject
        _take(args, [before] if before else [], _prep_target(doc, span, span.last + 1, end, set()))
        return
    subject = [fronted] if fronted else _subject_after(doc, span, end)
    skip = {m.first for m in subject}
    if (
        subject
        and not fronted
        and span.entry.root in VIOLENT
        and span.entry.preps == ("obj",)
        and not span.entry.rest
    ):
        target = _prep_target(doc, span, span.last + 1, end, skip)
        counted = any(is_count(t.norm) for t in doc.tokens[span.last + 1 : subject[0].first])
        # "تحاصرهم قوات النظام": an object pronoun on the verb makes it active
        bare = not target and not object_follows(doc, subject[-1].last)
        if (counted or bare) and not has_enclitic(doc, span):
            # "قتل سليماني في غارة", "قتل 5 من عناصر الشرطة": the unvowelled verb is passive
            _take(args, _agent(doc, span, end), subject)
            return
    # "تنظيم داعش … منذ طرده": with an object pronoun on the verb and no subject after it,
    # the earlier name is the pronoun's antecedent, not the subject
    if not subject and not has_enclitic(doc, span):
        before = subject_before(doc, span.first)
        subject = [before] if before else []
    _take(args, subject, _prep_target(doc, span, span.last + 1, end, skip))


def _relative_args(doc: Doc, span: Span, end: int, args: Args) -> None:
    """A relative clause ("الضربات التي استهدفت X"، "بلدات يسيطر عليها X"): the subject is
    the antecedent (a name right before التي) or a name after the verb, never an earlier name."""
    if has_enclitic(doc, span) or pronoun_complement(doc, span):
        # "التنظيمات التي تستهدفها موسكو"، "مدينة تسيطر عليها X": the pronoun is the object
        _take(args, _subject_after(doc, span, end), [])
        return
    if after_relative(doc, span.first):
        before = antecedent(doc, span.first)
        _take(args, [before] if before else [], _prep_target(doc, span, span.last + 1, end, set()))
        return
    subject = _subject_after(doc, span, end)
    _take(args, subject, [])


def _subject_adjacent(doc: Doc, first: int) -> M | None:
    """An SVO subject standing right before the verb ("إسرائيل تقصف", "إسرائيل أنها قصفت")."""
    if named := descriptor_before(doc, first):
        return named  # "القيادي في حماس يتهم": the phrase's person, else its group
    i, words = first - 1, 0
    while i >= 0 and words <= 2 and doc.tokens[i].sent == doc.tokens[first].sent:
        m = doc.by_token.get(i)
        if m is not None:
            if m.prep or m.type not in SOURCE_TYPES or construct_genitive(doc, m.first):
                return None  # "خطيبة خاشقجي تطلب": the name is a genitive, not the subject
            return prefer_person(doc, m, upto=first)
        tok = doc.tokens[i]
        if tok.is_word and tok.norm not in PRONOUN_LINKS:
            return None
        if not tok.is_word and tok.text not in QUOTE_CHARS:
            return None
        words += tok.is_word
        i -= 1
    return None


def _noun_args(doc: Doc, span: Span, end: int, args: Args, adjective_actor: str | None) -> None:
    gen = _genitive(doc, span, end)
    source: list[M] = []
    skip: set[int] = set()
    if gen is not None and _lam_agent(doc, span, gen, adjective_actor):
        _take(args, conjuncts(doc, gen, end), [])  # "قصف لميليشيات الحوثي": shelling by them
        return
    if gen is not None and span.entry.gen == "tgt" and force_genitive(doc, span, gen):
        # "قصف مقاتلات التحالف لمواقعهم": the force that shells is the agent
        lam = lam_target(doc, gen.last, end)
        _take(args, conjuncts(doc, gen, end), [lam] if lam else [])
        return
    if gen is not None and span.entry.gen == "tgt":
        patients = conjuncts(doc, gen, end)
        lam = lam_target(doc, patients[-1].last, end)
        if lam is not None:  # "استهداف حماس لإسرائيل": the genitive is the agent
            _take(args, patients, [lam])
            return
        if lam_word(doc, patients[-1].last):  # "استهداف إسرائيل للمركز": the agent
            _take(args, patients, [])
            return
        before = subject_before(doc, span.first, limit=6, barriers=True)
        _take(args, [before] if before else [], conjuncts(doc, gen, end))
        if adjective_actor and not before:
            args.source = [adjective_actor]
        return
    if gen is not None and gen.prep == "ل" and adjective_actor:
        # "الضربة الأميركية لسوريا": the nisba names the agent, the ل-name the target
        _take(args, [], conjuncts(doc, gen, end))
        args.source = [adjective_actor]
        return
    if gen is not None and span.entry.gen == "src":
        source, skip = [gen], {gen.first}
    target = (
        _prep_target(doc, span, span.last + 1, end, skip) if span.entry.preps != ("obj",) else []
    )
    if gen is None and span.entry.gen == "tgt" and has_enclitic(doc, span):
        # "نفت السلطات احتجازه": the pronoun is the victim; the name before is no agent
        return
    # "رفض المملكة"، "دعمها": a common noun or a pronoun is the agent, not the name before
    filled = (
        gen is None
        and span.entry.gen == "src"
        and (common_genitive(doc, span) or has_enclitic(doc, span))
    )
    # an agent noun (محتجين) names its own side: the name before it is no source
    filled = filled or adjective_actor or is_actor_noun(doc.tokens[span.first])
    if not source and not filled and not in_adjunct(doc, span):
        before = subject_before(doc, span.first, limit=8, barriers=True)
        source = [before] if before else []
    _take(args, source, target)
    if adjective_actor and not source:
        args.source, args.adjectival = [adjective_actor], True


def _lam_agent(doc: Doc, span: Span, gen: M, adjective_actor: str | None) -> bool:
    """An armed group with ل right after an act of force is its agent ("قصف للتحالف");
    استهداف takes its object with ل ("استهداف للجيش"): there the group is the one hit."""
    if gen.prep != "ل" or gen.type != "ORG" or adjective_actor or span.entry.root not in VIOLENT:
        return False
    return span.entry.head != "استهداف" and words_between(doc.tokens, span.last, gen.first) <= 1


def _location(doc: Doc, span: Span, end: int, args: Args) -> str | None:
    """A place governed by في/ب in the trigger's clause, not already an argument."""
    taken = set(args.source) | set(args.target)
    for m in mentions_in(doc, span.last + 1, end) + mentions_in(
        doc, max(span.first - 6, 0), span.first
    ):
        if m.type in PLACE_TYPES and (m.prep in ("في", "ب") or m.locative) and m.actor not in taken:
            return m.actor
    return None
