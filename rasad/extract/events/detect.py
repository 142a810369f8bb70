"""Trigger detection and per-trigger analysis (arguments, polarity, date, attribution)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv
from rasad.extract.events.arguments import (
    Args,
    Span,
    arguments,
    mentions_in,
    prefer_person,
    subject_before,
)
from rasad.extract.events.cues import CueHit, _match_rest, load_cues, polarity, words_between
from rasad.extract.events.doc import Doc, M, add_synthetic, build_doc, remember_actor
from rasad.extract.events.forms import after_construct, after_preposition, purpose, vowelled_passive
from rasad.extract.events.lexicon import candidates, core, load_triggers
from rasad.extract.events.senses import allowed, fits_target, recoded
from rasad.extract.events.subjects import claimers, opposer_subject, opposers
from rasad.extract.events.titles import add_titled_countries
from rasad.model import Actor, Article

CONTENT_MARKERS = frozenset({"ان", "بان", "انه", "انها", "الي"})
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"
RESUMPTIVE = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم"})
REPORTER_TYPES = frozenset({"MEDIA", "PER", "ORG", "GPE"})  # who a claim can be credited to
VIOLENT = frozenset({"18", "19", "20"})
DEFAULT_RELIABILITY = {"verb": 0.6, "noun": 0.55, "weak": 0.3}


@dataclass
class Found:
    """One trigger occurrence with everything known about it."""

    span: Span
    args: Args
    code: str
    sentence: int
    negated: bool
    modality: str
    date: dict[str, Any] | None
    reported_by: list[str] = field(default_factory=list)
    reliability: float = 0.5
    key: str = ""  # pattern|form class: the unit of reliability
    evidence: tuple[str, ...] = ()  # signs of a concrete report near the trigger (count, recent)


def find_triggers(doc: Doc) -> list[Span]:
    """Trigger spans, longest pattern first at each word, never inside a name."""
    lex, tokens, out, i = load_triggers(), doc.tokens, [], 0
    memo, n = lex._memo, len(tokens)
    while i < n:
        tok = tokens[i]
        # the memo answers most words at once: no head, no trigger (the hot path)
        if memo.get(tok.norm) == [] or not tok.is_word:
            i += 1
            continue
        free = i not in doc.by_token and i not in doc.in_date
        span = _best_at(lex, doc, i) if free else None
        if span is None:
            i += 1
            continue
        out.append(span)
        i = span.last + 1
    return out


def _best_at(lex: Any, doc: Doc, i: int) -> Span | None:
    heads = lex.heads(doc.tokens[i].norm)
    if not heads:  # most words: no trigger head at all
        return None
    best: tuple[tuple[int, int], Span] | None = None
    # A word written with ta marbuta is a noun: وزارة is not زار + ه, صفحة not صفح + ه.
    marbuta = doc.tokens[i].text.rstrip(DIACRITICS).endswith("ة")
    for entry, form, det, pre in heads:
        # ب and ك never stand before a verb: "بدافع" is "by motive", not "defended"
        if entry.kind == "verb" and (det or marbuta or pre[-1:] in ("ب", "ك")):
            continue
        # a verb's complement may follow its subject: "نزل المتظاهرون إلى الشوارع"
        last = (
            _match_rest(doc.tokens, i, entry.rest, gap=2 if entry.kind == "verb" else 0)
            if entry.rest
            else i
        )
        if last is None and entry.kind == "verb" and entry.rest and (i + 1) in doc.by_token:
            # the subject is a name of any length: "أطلقت قوات الأمن العراقية الغاز المسيل"
            last = _match_rest(doc.tokens, doc.by_token[i + 1].last, entry.rest, gap=1)
        if last is None or doc.tokens[last].sent != doc.tokens[i].sent:
            continue
        nominal = det or pre[-1:] in ("ب", "ل", "ك") or after_preposition(doc, i)
        nominal = nominal or after_construct(doc, i)
        fits = (entry.kind == "noun") == nominal
        rank = (len(entry.rest), int(fits), int(form == entry.head))  # the lemma itself wins
        if best is None or rank > best[0]:
            span = Span(
                entry,
                i,
                last,
                form in entry.passive or vowelled_passive(doc.tokens[i].text, entry.kind),
                entry.kind == "verb",
                entry.kind == "verb" and "س" in pre,
                form,
            )
            best = (rank, span)
    return best[1] if best else None


@cache
def _reliability() -> dict[str, float]:
    try:
        return {r["key"]: float(r["reliability"]) for r in read_tsv("events/reliability.tsv")}
    except FileNotFoundError:
        return {}


def form_class(span: Span, tokens: list[Any]) -> str:
    """The reliability unit of a trigger: pattern and form (v verb, d definite, i indefinite noun)."""
    if span.verb:
        cls = "v"
    else:
        norm = tokens[span.first].norm
        cls = "d" if any(r[1] for r in candidates(norm)) and _has_article(norm) else "i"
    return f"{span.entry.pattern}|{cls}"


def _has_article(norm: str) -> bool:
    bare = norm[1:] if norm[:1] in ("و", "ف") else norm
    return bare.startswith(("ال", "بال", "كال", "لل"))


def reliability(key: str, span: Span) -> float:
    """Share of dev sentences where the pattern fired that were true events (or a default)."""
    found = _reliability().get(key)
    if found is not None:
        return found
    return DEFAULT_RELIABILITY["weak" if span.entry.weak else span.entry.kind]


@cache
def _intent_codes() -> dict[str, str]:
    return {r["code"]: r["intent"] for r in read_tsv("events/intent_codes.tsv")}


def intent_code(code: str) -> str:
    """The CAMEO "express intent" code of an intended event (its own code if none)."""
    table = _intent_codes()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return code


def analyze(article: Article) -> list[Found]:
    """Every trigger in an article with its arguments, polarity, date and attribution."""
    doc = build_doc(article)
    _add_collectives(doc)
    add_titled_countries(doc, _actor_lexicon())
    spans = find_triggers(doc)
    hits = load_cues().find(doc.tokens)
    doc.barriers = {
        h.first for h in hits if h.effect == "attribution" and not _resumed(doc, h.last)
    }
    doc.barriers |= {s.first for s in spans}
    doc.noun_ends = {s.last for s in spans if not s.verb}
    doc.opposers = opposers(spans, hits)
    reporters = _reporters(doc, hits)
    out = []
    for k, span in enumerate(spans):
        if not allowed(doc, span):  # another sense of the word, or part of a quoted name
            continue
        nxt = spans[k + 1].first if k + 1 < len(spans) else len(doc.tokens)
        prev = spans[k - 1].last if k else -1
        found = _found(doc, span, nxt, prev, hits, reporters)
        if fits_target(doc, span, found.args.target, found.args.source):
            out.append(found)
    _credit_claims(out, claimers(doc, hits))
    return out


def _credit_claims(found: list[Found], claims: list[tuple[int, int, str]]) -> None:
    """A claimed attack ("هجوم ... استهدف X، تبنته جماعة الحوثي") has the claimer as source.

    The claim covers the last attack noun before it and the triggers after that noun.
    """
    for sent, at, actor in claims:
        before = [f for f in found if f.sentence == sent and f.span.first < at]
        violent = [f for f in before if f.code[:2] in VIOLENT]
        nouns = [f.span.first for f in violent if not f.span.verb]
        start = max(nouns) if nouns else max((f.span.first for f in violent), default=at)
        for f in violent:
            if f.span.first >= start and not f.args.source and actor not in f.args.target:
                f.args.source = [actor]


def _found(doc: Doc, span: Span, nxt: int, prev: int, hits: list[CueHit], reporters: dict) -> Found:
    args = arguments(doc, span, nxt, _adjective_actor(doc, span))
    if not span.verb and doc.opposers:  # "دانت X استخدام أسلحة": X is no agent of the use
        against = doc.opposers - {span.first}
        drop = {
            doc.by_token[i].actor
            for i in args.used
            if i in doc.by_token and opposer_subject(doc, i, span.first, against)
        }
        args.source = [a for a in args.source if a not in drop]
    # A capital stands for its state, except as the physical target of force (a city is hit).
    material = span.entry.root in ("17", "18", "19", "20")
    args.source = _as_states(doc.article, args.source, sources=True)
    targets = args.target if material else _as_states(doc.article, args.target)
    args.target = [t for t in targets if t not in args.source]
    negated, modality = polarity(doc.tokens, hits, span.first, _future(doc, span))
    code = recoded(doc, span, span.entry.code, args.target)
    code = intent_code(code) if modality == "intended" else code
    sent = doc.tokens[span.first].sent
    found = Found(span, args, code, sent, negated, modality, _date(doc, span, nxt, prev))
    found.reported_by = _attribution(doc, span, reporters.get(sent, []))
    found.key = form_class(span, doc.tokens)
    found.evidence = _evidence(doc, span, hits)
    found.reliability = adjusted(reliability(found.key, span), found.evidence)
    return found


def _future(doc: Doc, span: Span) -> bool:
    """The future proclitic on the trigger verb, or on the verb that governs a verbal noun
    ("ستعيد فرض عقوبات": the sanctions are intended)."""
    if span.future or purpose(doc, span):
        return True
    if span.first == 0:
        return False
    prev = doc.tokens[span.first - 1]  # a verb right after a future verb is its masdar
    return prev.is_word and "س" in getattr(prev, "pre", "") and prev.norm[-1:] != "ه"


def _evidence(doc: Doc, span: Span, hits: list[CueHit]) -> tuple[str, ...]:
    """Signs that a trigger reports a concrete event: a count near it, "أمس" in its sentence."""
    sent, out = doc.tokens[span.first].sent, []
    lo, hi = max(span.first - 6, 0), min(span.last + 7, len(doc.tokens))
    near = any(t.norm[:1].isdigit() for t in doc.tokens[lo:hi])
    for hit in hits:
        if hit.sent == sent and hit.effect == "count" and lo <= hit.first < hi:
            near = True
        if hit.sent == sent and hit.effect == "recent" and "recent" not in out:
            out.append("recent")
    return (("count",) if near else ()) + tuple(out)


@cache
def _weights() -> dict[str, float]:
    try:
        return {r["feature"]: float(r["weight"]) for r in read_tsv("events/evidence.tsv")}
    except FileNotFoundError:
        return {}


def adjusted(
    rel: float, evidence: tuple[str, ...], weights: dict[str, float] | None = None
) -> float:
    """Reliability shifted by the log-odds weight of each piece of evidence."""
    weights = _weights() if weights is None else weights
    shift = sum(weights.get(e, 0.0) for e in evidence)
    if not shift:
        return rel
    rel = min(max(rel, 1e-3), 1 - 1e-3)
    return 1.0 / (1.0 + math.exp(-(math.log(rel / (1 - rel)) + shift)))


def _date(doc: Doc, span: Span, nxt: int, prev: int) -> dict[str, Any] | None:
    """The date expression nearest the trigger in its clause (after it preferred)."""
    sent, best = doc.tokens[span.first].sent, None
    for index, d in doc.dates:
        if doc.tokens[index].sent != sent:
            continue
        if span.last < index < nxt:
            cost = words_between(doc.tokens, span.last, index)
        elif prev < index < span.first:
            cost = 1.5 * words_between(doc.tokens, index, span.first)
        else:
            continue
        if cost <= 16 and (best is None or cost < best[0]):
            best = (cost, d)
    if best is None:
        return None
    d = best[1]
    return {"value": d.value, "precision": d.precision, "from": d.id}


def _resumed(doc: Doc, last: int) -> bool:
    """Whether a reporting verb's subject is resumed by a pronoun ("تعلن أنها تعمل")."""
    following = [t for t in doc.tokens[last + 1 : last + 4] if t.is_word][:2]
    return any(t.norm in RESUMPTIVE for t in following)


def _reporters(doc: Doc, hits: list[CueHit]) -> dict[int, list[tuple[int, str]]]:
    """Per sentence: (cue token, actor) for outlets and speakers credited with its claims."""
    out: dict[int, list[tuple[int, str]]] = {}
    for hit in hits:
        if hit.effect != "attribution":
            continue
        m = _reporter_after(doc, hit) or subject_before(
            doc, hit.first, limit=4, types=REPORTER_TYPES
        )
        if m is not None and m.type in REPORTER_TYPES:
            out.setdefault(hit.sent, []).append((hit.first, m.actor))
            if hit.first in doc.barriers:  # the reporter is no agent of a later verbal noun
                doc.barriers.add(m.first)
    return out


def _reporter_after(doc: Doc, hit: CueHit) -> M | None:
    """The outlet or speaker right after a reporting cue, in the same clause (no comma between)."""
    for m in mentions_in(doc, hit.last + 1, hit.last + 12):
        between = doc.tokens[hit.last + 1 : m.first]
        if doc.tokens[m.first].sent != hit.sent or any(
            t.text in ("،", ",", ".", ":") for t in between
        ):
            return None
        if any(t.norm in CONTENT_MARKERS for t in between):  # "أشارت إلى أن X": X is the content
            return None
        if m.type in ("MEDIA", "PER", "ORG") or (m.type == "GPE" and not m.prep):
            near = words_between(doc.tokens, hit.last, m.first) <= 6
            return (m if m.type == "MEDIA" else prefer_person(doc, m)) if near else None
    return None


def _attribution(doc: Doc, span: Span, reporters: list[tuple[int, str]]) -> list[str]:
    """Reporters of the trigger's sentence and the speaker of a quote containing it."""
    out = [actor for index, actor in reporters if index != span.first]
    at = doc.tokens[span.first].start
    for quote in doc.article.quotes:  # direct and indirect speech credit their speaker
        if quote.start <= at < quote.end:
            out += [x for x in (quote.speaker, quote.via) if x]
    return list(dict.fromkeys(out))


def _adjective_actor(doc: Doc, span: Span) -> str | None:
    """The actor of a nisba adjective right after a verbal noun (الغارات الإسرائيلية)."""
    if span.verb or span.last + 1 >= len(doc.tokens):
        return None
    lexicon = _actor_lexicon()
    if lexicon is None:
        return None
    nxt = doc.tokens[span.last + 1]
    if (span.last + 1) in doc.by_token or not nxt.is_word:
        return None
    country = next((c for f, _, _ in candidates(nxt.norm) if (c := lexicon.adjective(f))), None)
    if country is None:
        country = lexicon.adjective(nxt.norm)
    return _country_actor(doc.article, country) if country else None


def _country_actor(article: Article, country: str, kind: str = "") -> str | None:
    """The article's GPE actor for a country (with ``kind="country"``: the state itself)."""
    found = [a for a in article.actors if a.country == country and a.type == "GPE"]
    if kind:
        lexicon = _actor_lexicon()
        found = [
            a
            for a in found
            if lexicon is not None and getattr(lexicon.get(a.id), "kind", "") == kind
        ]
    return min(found, key=lambda a: len(a.name or ""), default=None).id if found else None


def _as_states(article: Article, ids: list[str], sources: bool = False) -> list[str]:
    """Capitals stand for their states; a city or region is a place, never an acting source."""
    lexicon = _actor_lexicon()
    out: list[str] = []
    for actor_id in ids:
        entry = lexicon.get(actor_id) if lexicon is not None else None
        kind = getattr(entry, "kind", "") if entry is not None else ""
        if kind == "capital" and entry.country:
            actor_id = _country_actor(article, entry.country, kind="country") or actor_id
        elif (
            sources
            and entry is not None
            and entry.type in ("GPE", "LOC")
            and kind not in ("country", "")
        ):
            continue
        if actor_id not in out:
            out.append(actor_id)
    return out


@cache
def _actor_lexicon() -> Any:
    try:
        from rasad.analyze.lexicon import load_lexicon

        return load_lexicon()
    except Exception:  # the actor lexicon is optional here: degrade without adjectives
        return None


@cache
def _collectives() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    rows = read_tsv("events/collectives.tsv")
    out = []
    for r in rows:
        words = r["pattern"].split()
        out.append((core(words[0]), tuple(core(w) for w in words[1:]), r["actor"]))
    return tuple(out)


@cache
def _collective_heads() -> re.Pattern[str]:
    """One regex for the head words of the collective phrases (a fast pre-check per word)."""
    heads = sorted({head for head, _, _ in _collectives()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(h) for h in heads) or "(?!)")


def _add_collectives(doc: Doc) -> None:
    """Mentions for collective phrases (دول الخليج → the Gulf actor)."""
    from rasad.extract.events.lexicon import canon_set

    firsts = _collective_heads()
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word or i in doc.by_token or not firsts.search(tok.norm):
            continue
        forms = canon_set(tok.norm)
        for head, rest, name in _collectives():
            if head not in forms:
                continue
            last = _match_rest(doc.tokens, i, rest)
            if last is None:
                continue
            actor = _resolve_collective(doc.article, name)
            if actor is not None and not any(j in doc.by_token for j in range(i + 1, last + 1)):
                add_synthetic(doc, i, last, actor.id, actor.type)
            break


def _resolve_collective(article: Article, name: str) -> Actor | None:
    """The article's actor with this Arabic name, else the actor lexicon's (added to the article)."""
    key = normalize(name)
    for a in article.actors:
        if a.name_ar and normalize(a.name_ar) == key:
            return a
    lexicon = _actor_lexicon()
    found = lexicon.lookup(tuple(key.split())) if lexicon is not None else []
    if not found:
        return None
    entry = found[0]
    existing = article.actor(entry.id)
    if existing is not None:
        return existing
    return remember_actor(article, entry)
