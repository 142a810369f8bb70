"""The quotes stage: direct and indirect quotes with their speakers and outlets.

Direct quotes are the words between quotation marks (« » “ ” „ " and variants), across
sentences and paragraphs; short quoted names and scare quotes are left out. A quote's speaker
is read around its cue (قال، أكد، أضاف، بحسب، في بيان ...): the subject after the verb, the
subject before a bare verb, a headline "X: «…»", or the previous speaker for continuations
and pronoun-only cues. Indirect speech is a cue verb with أن/إن and the rest of the sentence.
Precision before coverage: a name governed by a preposition or a noun ("مع زيارة الأمير X"،
"لـY:"، "حكومة X قال") is not a subject, an epithet or a source ("العميل"، "المصدر") refers
back only to the previous speaker, a plural participle speaks for a group; when the text does
not say who speaks, the speaker is None rather than a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasad.extract.quotes.attribute import Attribution, governing_cue
from rasad.extract.quotes.doc import CueHit, Doc
from rasad.extract.quotes.marks import Span
from rasad.extract.quotes.speaker import State, attribute_direct, attribute_indirect
from rasad.model import Article, Quote

__all__ = ["quotes", "find_quotes", "Found"]

MAX_THAT_WORDS = 12  # أن/إن follows its cue verb (and the subject) within a few words
THAT_WINDOW = 40 * MAX_THAT_WORDS  # characters: far more than 12 words ever take
_TITLE_MARKS = frozenset({"عنوان", "بعنوان", "شعار", "بشعار", "عنوانه", "عنوانها"})
MAX_NAME_WORDS = 6  # longer quoted stretches are words, even after منظمة or برنامج
SCARE_WORDS = 3  # one to three quoted words are a name or a scare quote, not a quote
# A quote with no cue, headline or continuation is kept only when long: short ones are titles,
# slogans and terms.
MIN_UNATTRIBUTED_WORDS = 12
_STANDALONE_AFTER = set(".،,؛;!?؟)\n")
_MISPAIRED = set("،,.!?؟:;؛”»")


@dataclass(slots=True)
class Found:
    """A quote found in normalized offsets, with its attribution (for the stage and audits)."""

    start: int
    end: int
    kind: str
    att: Attribution


def quotes(article: Article) -> Article:
    """Fill ``article.quotes`` (ids q1, q2, ...) with direct and indirect quotes."""
    doc = Doc(article)
    found = find_quotes(doc)
    article.quotes = [_to_quote(article, doc, i, f) for i, f in enumerate(found, 1)]
    return article


def find_quotes(doc: Doc) -> list[Found]:
    """All quotes of a document in reading order."""
    doc.set_direct([s for s in doc.spans if is_direct(doc, s)])
    items: list[tuple[int, Span | CueHit, tuple[int, int] | None]] = [
        (q.open, q, None) for q in doc.direct
    ]
    for h in doc.cues:
        clause = _that_clause(doc, h)
        if clause is not None:
            items.append((h.start, h, clause))
    items.sort(key=lambda x: x[0])
    state = State()
    out = []
    for _, item, clause in items:
        if isinstance(item, Span):
            att = attribute_direct(doc, item, state)
            if att.how != "none" or doc.words(item.start, item.end) >= MIN_UNATTRIBUTED_WORDS:
                out.append(Found(item.start, item.end, "direct", att))
        elif clause is not None:
            att = attribute_indirect(doc, item, clause[0], state)
            out.append(Found(clause[0], clause[1], "indirect", att))
    out.sort(key=lambda f: (f.start, f.end))
    return out


def is_direct(doc: Doc, s: Span) -> bool:
    """Whether a quoted span is a quote rather than a name, title or scare quote."""
    words = doc.words(s.start, s.end)
    if words == 0 or not any("\u0621" <= c <= "\u064a" for c in doc.norm[s.start : s.end]):
        return False
    if doc.norm[s.start] in _MISPAIRED:
        return False  # "…" between two quotes paired the wrong way round: "، هو في …"
    if _is_name(doc, s, words):
        return False
    return words > SCARE_WORDS or _introduced(doc, s)


def _is_name(doc: Doc, s: Span, words: int) -> bool:
    """A quoted name: a mention covers most of the quoted words, or a short quote follows a
    noun that introduces a name or title (منظمة "أطباء من أجل الصالح العام"، برنامج "...")."""
    before = doc.word_before(s.open)
    if before in _TITLE_MARKS:
        return True  # بعنوان "..." introduces a title of any length
    if words > MAX_NAME_WORDS:
        return False
    m = doc.mention_at(s.start, s.end)
    if m is not None and (min(m.end, s.end) - max(m.start, s.start)) * 2 >= s.end - s.start:
        return True
    return before in doc.lex.titlenouns or before in doc.lex.orgnouns


def _introduced(doc: Doc, s: Span) -> bool:
    """A short quote that stands alone after a colon or right after its cue («لا»)."""
    after = doc.norm[s.close + 1 :].lstrip(" ")
    if after and after[0] not in _STANDALONE_AFTER:
        return False
    before = doc.norm[: s.open].rstrip(" ")
    if before.endswith(":"):
        return True
    h = governing_cue(doc, doc.norm.rfind("\n", 0, s.open) + 1, s.open)
    return h is not None and doc.words(h.end, s.open) == 0


def _that_clause(doc: Doc, h: CueHit) -> tuple[int, int] | None:
    """The clause of indirect speech after a cue verb: from after أن/إن to the sentence end."""
    if h.cue.kind not in ("verb", "participle", "relay"):
        return None
    _, sent_end = doc.sents.limits(h.start)
    # أن must come within a few words: bound the search so a long sentence stays linear.
    m = doc.lex.that_re.search(doc.norm, h.end, min(sent_end, h.end + THAT_WINDOW))
    if not m or doc.words(h.end, m.start()) > MAX_THAT_WORDS:
        return None
    between = [c for c in doc.cues_between(h.end, m.start()) if c.cue.kind != "noun"]
    if between or doc.in_span(m.start()) or doc.in_direct(m.start()):
        return None
    if any(h.end <= q.open < m.start() for q in doc.direct):
        return None
    if doc.word_before(m.start()) in doc.lex.preps - {"الي"}:
        return None  # بعد أن، قبل أن: a time clause, not speech
    return _clause_span(doc, m.end(), sent_end)


def _clause_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The clause between two offsets, trimmed; None when it is a direct quote or too short."""
    while start < end and doc.norm[start] in " ،,":
        start += 1
    while end > start and doc.norm[end - 1] in " .،,؛:\n!?؟":
        end -= 1
    if any(q.open == start for q in doc.direct) or doc.words(start, end) < 1:
        return None
    return start, end


def _to_quote(article: Article, doc: Doc, i: int, f: Found) -> Quote:
    """A ``Quote`` in text offsets."""
    start, end = doc.view.span(f.start, f.end)
    att = f.att
    cue = None
    if att.cue is not None:
        cs, ce = doc.view.span(att.cue.start, att.cue.end)
        cue = article.text[cs:ce]
    return Quote(
        f"q{i}", start, end, article.text[start:end], att.speaker, via=att.via, kind=f.kind, cue=cue
    )
