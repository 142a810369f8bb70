"""A token-level view of an article for event extraction: tokens, mentions, quotes, dates.

Mentions, quotes and dates are aligned to token indices; every mention records the
preposition that governs it (a proclitic ب/ل or a free word such as على، مع) and whether it
opens a conjunct (و). Collective phrases (دول الخليج) become synthetic mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv
from rasad.extract.events.lexicon import candidates
from rasad.model import Actor, Article

# Closed class: free prepositions (normalized) that govern the next noun phrase.
PREPOSITIONS = frozenset(
    "في علي مع ضد الي من عن بين لدي امام بحق حول عبر نحو تجاه لصالح بشان ازاء".split()
)
# Clause breakers: relative pronouns and clause-level connectives end an argument list.
BREAKERS = frozenset(
    "الذي التي الذين اللذين اللتين حيث لكن لكنه بينما فيما كما منذ اذ ان انه".split()
)
STOP_PUNCT = frozenset(".:؛;؟?!()[]")
# Closed class: words that introduce the agent of a passive or victim clause
# ("قتل على يد X"، "من قبل X"، "برصاص X"، "بنيران X").
AGENT_MARKERS = frozenset({"يد", "قبل", "برصاص", "رصاص", "بنيران", "نيران"})


@cache
def transparent() -> frozenset[str]:
    """Quantifier and place heads that pass their preposition on (data: events/heads.tsv)."""
    return frozenset(normalize(r["word"]).removeprefix("ال") for r in read_tsv("events/heads.tsv"))


@cache
def locative_heads(kinds: tuple[str, ...] = ("direction", "facility")) -> frozenset[str]:
    """Direction and facility heads: the place after them is a locative (data: heads.tsv)."""
    rows = read_tsv("events/heads.tsv")
    return frozenset(normalize(r["word"]).removeprefix("ال") for r in rows if r["kind"] in kinds)


def is_place_head(norm: str) -> bool:
    """Whether a word is a place, direction or facility head (مديرية، وادي، غرب)."""
    heads = locative_heads(("place", "direction", "facility"))
    return any(form in heads for form, _, _ in candidates(norm)) or norm.removeprefix("ال") in heads


def _is_locative_head(norm: str) -> bool:
    heads = locative_heads()
    return any(form in heads for form, _, _ in candidates(norm)) or norm.removeprefix("ال") in heads


def _is_head(norm: str) -> bool:
    heads = transparent()
    return any(form in heads for form, _, _ in candidates(norm)) or norm.removeprefix("ال") in heads


QUOTE_MARKS = {'"': '"', "«": "»", "“": "”"}
_FALLBACK_RE = re.compile(r"[^\W\d_][\w\u064b-\u065f\u0670\u0640]*|\d+|\S")


@dataclass(slots=True)
class SimpleToken:
    """A minimal token (used only when the tokens stage is not available)."""

    start: int
    end: int
    text: str
    norm: str
    pre: str
    sent: int
    is_word: bool


@dataclass(slots=True)
class M:
    """A mention aligned to tokens, with its governing preposition."""

    first: int  # token index of the first token
    last: int  # token index of the last token
    actor: str
    type: str
    prep: str  # governing preposition (normalized), "" if none
    conj: bool  # opens a conjunct (preceded by و)
    start: int
    locative: bool = False  # a place after a direction or facility head (غرب مدينة زبيد)


@dataclass
class Doc:
    """Tokens of an article with mentions, quotes and dates aligned to them."""

    article: Article
    tokens: list[Any]
    mentions: list[M] = field(default_factory=list)
    by_token: dict[int, M] = field(default_factory=dict)
    quotes: list[tuple[int, int, Any]] = field(default_factory=list)  # (start, end, Quote|None)
    dates: list[tuple[int, Any]] = field(default_factory=list)  # (token index, DateExpr)
    _firsts: list[int] = field(default_factory=list, repr=False)
    # Tokens a verbal noun's subject search does not cross: reporting verbs and other triggers
    # ("سوريا تدين الاحتلال": سوريا is the condemner, not the occupier).
    barriers: set[int] = field(default_factory=set)
    in_date: set[int] = field(default_factory=set)  # token indices inside date expressions
    noun_ends: set[int] = field(default_factory=set)  # last token of each verbal-noun trigger
    opposers: set[int] = field(default_factory=set)  # condemning / denying verbs (subjects.py)
    starts: list[int] = field(default_factory=list)

    @property
    def firsts(self) -> list[int]:
        """First token index of each mention (mentions are kept sorted)."""
        if len(self._firsts) != len(self.mentions):
            self._firsts = [m.first for m in self.mentions]
        return self._firsts

    def token_at(self, offset: int) -> int:
        """Index of the token containing (or preceding) a text offset."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def quote_of(self, offset: int) -> tuple[int, int, Any] | None:
        """The quote span containing an offset, if any."""
        return next((q for q in self.quotes if q[0] <= offset < q[1]), None)

    def actor(self, actor_id: str) -> Actor | None:
        """The article's actor with this id."""
        return self.article.actor(actor_id)


def get_tokens(article: Article) -> list[Any]:
    """Tokens from the tokens stage (cached), else a minimal fallback tokenization."""
    tokens = article.cache.get("tokens")
    if tokens is not None:
        return tokens
    try:
        from rasad.analyze.tokens import tokenize
    except ImportError:  # tokens stage missing: degrade to a plain split
        return _fallback_tokens(article)
    tokens = tokenize(article.text, article.sentences or None)
    article.cache["tokens"] = tokens
    return tokens


def _fallback_tokens(article: Article) -> list[SimpleToken]:
    starts = [s for s, _ in article.sentences] or [0]
    out = []
    for m in _FALLBACK_RE.finditer(article.text):
        norm = normalize(m.group())
        is_word = norm[:1].isalpha()
        pre = "و" if is_word and norm.startswith("و") and len(norm) >= 5 else ""
        sent = max(bisect_right(starts, m.start()) - 1, 0)
        out.append(SimpleToken(m.start(), m.end(), m.group(), norm, pre, sent, is_word))
    return out


def build_doc(article: Article) -> Doc:
    """The token-level view of an article."""
    doc = Doc(article, get_tokens(article))
    doc.starts = [t.start for t in doc.tokens]
    # A "name" inside a date expression (كانون الثاني، اليوم) is a tagging error, not an actor.
    in_date = [(d.start, d.end) for d in article.dates]
    for mention in sorted(article.mentions, key=lambda x: x.start):
        if mention.actor and not any(s < mention.end and mention.start < e for s, e in in_date):
            _add_mention(
                doc, mention.start, mention.end, mention.actor, mention.type, keep_order=True
            )
    doc.quotes = _quote_spans(doc)
    doc.dates = [(doc.token_at(d.start), d) for d in article.dates if d.value]
    # Words inside a time expression are never triggers ("فجر اليوم" is dawn, not "blew up").
    for d in article.dates:
        doc.in_date.update(range(doc.token_at(d.start), doc.token_at(max(d.end - 1, d.start)) + 1))
    return doc


def _add_mention(
    doc: Doc, start: int, end: int, actor: str, kind: str, keep_order: bool = False
) -> None:
    first, last = doc.token_at(start), doc.token_at(max(end - 1, start))
    if first in doc.by_token:
        return
    prep, conj = _governor(doc, first, start)
    m = M(first, last, actor, kind, prep, conj, start, _locative(doc, first, kind))
    doc.mentions.append(m)
    if not keep_order:  # mentions added in text order need no sort
        doc.mentions.sort(key=lambda x: x.first)
    for i in range(first, last + 1):
        doc.by_token.setdefault(i, m)


def _governor(doc: Doc, index: int, start: int) -> tuple[str, bool]:
    """The preposition governing a mention and whether a conjunction precedes it."""
    tok = doc.tokens[index]
    if start > tok.start:  # proclitics inside the same word: وب، ل، و
        clitic = normalize(doc.article.text[tok.start : start])
        conj = clitic[:1] in ("و", "ف")
        return clitic.lstrip("وف")[:1], conj
    conj = bool(getattr(tok, "pre", "")[:1] == "و")
    prev = _previous_word(doc, index)
    if prev is None:
        return "", conj
    norm = prev.norm
    if norm in ("و", "او"):
        return "", True
    if norm.lstrip("و") in AGENT_MARKERS:
        return "by", conj  # "برصاص الجيش"، "على يد X": the agent, never a bare subject or object
    if norm in PREPOSITIONS or norm in ("ل", "ب"):
        return norm, conj
    bare = norm[1:] if norm[:1] in ("و", "ف") else norm
    if bare in PREPOSITIONS:
        return bare, True
    return "", conj


def _locative(doc: Doc, index: int, kind: str) -> bool:
    """Whether a place stands after a direction or facility head ("شمالي العراق"، "جامعة
    صنعاء", and "مديرية أمن إسطنبول" with one bare noun between)."""
    if kind not in ("GPE", "LOC"):
        return False
    i = index - 1
    for _ in range(4):
        if i < 0 or not doc.tokens[i].is_word:
            return False
        norm = doc.tokens[i].norm
        if _is_locative_head(norm):
            return True
        if not _is_head(norm) and (i < index - 1 or norm.startswith("ال")):
            return False  # only one bare noun may stand between the head and the place
        i -= 1
    return False


def _previous_word(doc: Doc, index: int) -> Any | None:
    """The previous token, skipping quotation marks and quantifier heads (بعض دول)."""
    i = index - 1
    while i >= 0 and (
        doc.tokens[i].text in ('"', "«", "»", "“", "”", "'") or _is_head(doc.tokens[i].norm)
    ):
        i -= 1
    return doc.tokens[i] if i >= 0 else None


def _quote_spans(doc: Doc) -> list[tuple[int, int, Any]]:
    """Quote spans: the quotes stage's, and quotation-mark pairs of four or more words."""
    # Indirect speech (قال إن ...) continues the reporting clause; only direct quotes and
    # quotation marks around four or more words separate a quoted voice from the narration.
    spans = [
        (q.start, q.end, q)
        for q in doc.article.quotes
        if q.end - q.start > 20 and q.kind == "direct"
    ]
    text = doc.article.text
    for opener, closer in QUOTE_MARKS.items():
        for m in re.finditer(
            re.escape(opener) + r"([^" + re.escape(closer) + r"\n]{1,600})" + re.escape(closer),
            text,
        ):
            if len(m.group(1).split()) >= 4 and not any(
                s < m.end() and m.start() < e for s, e, _ in spans
            ):
                spans.append((m.start(), m.end(), None))
    return sorted(spans, key=lambda s: s[0])


def add_synthetic(doc: Doc, first: int, last: int, actor: str, kind: str) -> None:
    """Add a mention the entity stage did not produce (a collective actor phrase)."""
    _add_mention(doc, doc.tokens[first].start, doc.tokens[last].end, actor, kind)


def remember_actor(article: Article, entry: Any) -> Actor:
    """An Actor for a lexicon entry the events need, kept aside in the article's cache: it
    joins ``article.actors`` only if an event uses it (see ``events()``)."""
    actor = Actor(
        entry.id,
        entry.type,
        entry.name,
        entry.name_ar,
        entry.country,
        None,
        entry.cameo,
        entry.wikidata,
        True,
    )
    article.cache.setdefault("event_actors", {})[actor.id] = actor
    return actor
