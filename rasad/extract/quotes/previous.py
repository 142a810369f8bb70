"""What a quote inherits from the quotes before it: the previous speaker (``State``), a short
description that names that speaker again ("وأضاف الوزير"), headline and paragraph continuations."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasad.extract.quotes.attribute import SPEAKER_TYPES, Attribution, governed, region_words
from rasad.extract.quotes.coref import LEAD_WINDOW, _bare
from rasad.extract.quotes.doc import Doc
from rasad.extract.quotes.marks import Span
from rasad.extract.quotes.refer import (
    could_be,
    head_kind,
    introduced_since,
    nationality,
)

MIN_CONTINUATION_WORDS = 10  # a shorter quote alone in its paragraph is a subheading
MAX_HEADLINE_WORDS = 8  # "وزير الخارجية الإيراني محمد جواد ظريف: «…»"
GIVEN_TITLE_WORDS = 6  # "المتحدث الرسمي باسم التحالف، تركي المالكي"


@dataclass(slots=True)
class State:
    """What earlier quotes leave for later ones: the last speaker (continuations, pronouns)."""

    seen: bool = False
    speaker: str | None = None
    span: tuple[int, int] | None = None
    pos: int = 0  # where the last quote stands: a pronoun after it may take a newer subject
    said: list[tuple[int, str | None, tuple[int, int] | None]] = field(default_factory=list)

    def remember(self, att: Attribution, pos: int) -> Attribution:
        """Record a quote's speaker as the previous speaker and return the attribution."""
        self.seen, self.speaker, self.span, self.pos = True, att.speaker, att.span, pos
        self.said.append((pos, att.speaker, att.span))
        return att


def same_as_previous(doc: Doc, words: list[str], state: State, before: int) -> bool:
    """A short definite description of the previous speaker ("وأضاف الوزير"، "وقال المدرب"),
    unless its nationality differs from the one in the previous speaker's title ("الوفد
    السعودي" after "الوفد القطري")."""
    if not (state.seen and state.speaker and state.span) or len(words) > 3:
        return False
    if introduced_since(doc, words[0], state.pos, before):
        return False  # "ووصف مصدر رسمي ... وقال المصدر": the one introduced since
    if not words[0].startswith("ال") or words[0].endswith(("ون", "ين")):
        return False  # a construct ("ممثلو الادعاء") or a plural is someone else
    kind = head_kind(doc, words[0])
    if kind is None and not _given_title(doc, words[0], state.span, before):
        return False  # an epithet or a source ("المصدر") the previous speaker was not given
    prev = doc.mention_at(*state.span)
    if kind is not None and prev is not None and (prev.type == "PER") != (kind == "PER"):
        return False  # "وقالت الوزارة" after a person's quote is not that person
    if (
        kind is not None
        and prev is not None
        and kind != "PER"
        and not could_be(doc, prev, words[0])
    ):
        return False
    nisba = {w for w in words[1:] if w.startswith("ال") and w.endswith(("ي", "يه"))}
    if not nisba:
        return True
    title = _title_of(doc, state.span)
    known = {w for w in title if w.startswith("ال") and w.endswith(("ي", "يه"))}
    if known:
        return bool(nisba & known)
    country = nationality(sorted(nisba))  # "المندوب البريطاني" is not the American envoy
    return country is None or doc.countries.get(state.speaker) in (None, country)


def _given_title(doc: Doc, word: str, span: tuple[int, int], before: int) -> bool:
    """Whether the speaker at ``span`` was introduced with this word in a title ("الباحث" for
    "الكاتب والباحث X"، "المتحدث" for "المتحدث باسم التحالف X"); the same surname counts as
    the same person (the linker may tell the two mentions apart)."""
    b, last = _bare(word), doc.norm[span[0] : span[1]].split()[-1:]
    for m in doc.mentions_between(0, before):
        if doc.norm[m.start : m.end].split()[-1:] != last:
            continue
        lead = region_words(doc, max(0, m.start - 80), m.start)[-GIVEN_TITLE_WORDS:]
        if b in {_bare(w) for w in lead}:
            return True
    return False


def _title_of(doc: Doc, span: tuple[int, int]) -> list[str]:
    """The words of a mention and of the title right before it."""
    s, e = span
    return region_words(doc, max(0, s - 80), e)[-LEAD_WINDOW - doc.words(s, e) :]


def headline(doc: Doc, q: Span, sent_start: int) -> Attribution | None:
    """ "X: «…»" with a short stretch before the colon that names the speaker."""
    before = doc.norm[sent_start : q.open].rstrip(" ")
    if not before.endswith(":"):
        return None
    colon = sent_start + len(before) - 1
    line = max(sent_start, doc.norm.rfind("\n", 0, colon) + 1)
    if doc.words(line, colon) > MAX_HEADLINE_WORDS:
        return None
    ments = [m for m in doc.mentions_between(line, colon) if m.type in SPEAKER_TYPES]
    ments = [m for m in ments if not governed(doc, m)]  # "وقال X لـY:": Y is spoken to
    if not ments:
        return None
    m = next((x for x in reversed(ments) if x.type == "PER"), ments[-1])
    return Attribution(None, m.actor, (m.start, m.end), how="headline")


def continuation(doc: Doc, q: Span, state: State) -> Attribution | None:
    """A quote opening its paragraph right after another quote: the same speaker goes on."""
    line = doc.norm.rfind("\n", 0, q.open) + 1
    if not state.seen or doc.norm[line : q.open].strip():
        return None
    before = doc.norm[:line].rstrip()
    if not before or before[-1] not in '"»”.':
        return None
    if doc.words(q.start, q.end) < MIN_CONTINUATION_WORDS:
        return None  # a subheading quoting a phrase ("روسيا تتحمل مسؤولية")
    return Attribution(None, state.speaker, state.span, how="paragraph")
