"""Negation, modality and attribution cues (data: ``rasad/data/events/cues.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv
from rasad.extract.events.lexicon import candidates, canon_set, core, verb_forms

# Strongest first: a denied or hypothetical event stays so even if also intended.
MODALITY_ORDER = ("denied", "hypothetical", "demanded", "intended")
# Person prefixes of an imperfect verb (normalized), for "قد" + imperfect = "may".
IMPERFECT_PREFIXES = ("ي", "ت", "ن")
# Cue effects of adjectives that follow the trigger noun, and the modality each gives.
AFTER_NOUN = {"alleged": "hypothetical", "imminent": "intended"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: its effect and how far before a trigger it may stand (in words)."""

    pattern: str
    effect: str
    window: int
    rest: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in the text: its token span and effect."""

    first: int
    last: int
    effect: str
    window: int
    sent: int
    pattern: str = ""  # the cue's pattern as in cues.tsv


class CueLexicon:
    """Head form → cues index."""

    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self.index: dict[str, list[Cue]] = {}
        self._memo: dict[str, list[Cue]] = {}
        for row in rows:
            words = row["pattern"].split()
            cue = Cue(
                row["pattern"],
                row["effect"],
                int(row["window"] or 0),
                tuple(core(w) for w in words[1:]),
            )
            if row["kind"] == "verb":
                parts = [normalize(p) for p in words[0].split("|")]
                forms = verb_forms(parts[0], parts[1] if len(parts) > 1 else "")
            else:
                forms = {normalize(words[0])}
            for form in forms:
                self.index.setdefault(form, []).append(cue)
        for found in self.index.values():
            found.sort(key=lambda c: -len(c.rest))

    def find(self, tokens: list[Any]) -> list[CueHit]:
        """All cues in a token list."""
        hits: list[CueHit] = []
        covered = -1  # a multiword cue hides the cues inside it (عادة ما: ما is no negation)
        memo = self._memo
        for i, tok in enumerate(tokens):
            if memo.get(tok.norm) == [] or not tok.is_word or i <= covered:
                continue  # most words are known at once to hold no cue
            for cue in self._heads(tok.norm):
                if not cue.rest:
                    end: int | None = i
                else:
                    end = _match_rest(tokens, i, cue.rest, gap=0 if cue.effect == "habitual" else 2)
                if end is not None:
                    hits.append(CueHit(i, end, cue.effect, cue.window, tok.sent, cue.pattern))
                    covered = end if cue.effect == "habitual" else covered
                    if cue.rest:  # the longest phrase wins; a single word may have two
                        break  # effects (محتمل: "possibly" before, "possible" after a noun)
        return hits

    def _heads(self, norm: str) -> list[Cue]:
        found = self._memo.get(norm)
        if found is None:
            found = [
                c
                for form, det, pre in candidates(norm)
                if not det
                for c in self.index.get(form, ())
                # a negation particle takes no preposition: كما، لما، بما are not ما
                if c.effect != "negation" or pre in ("", "و", "ف")
            ]
            if len(self._memo) > 300_000:
                self._memo.clear()
            self._memo[norm] = found
        return found


def _match_rest(tokens: list[Any], i: int, rest: tuple[str, ...], gap: int = 0) -> int | None:
    """Index of the last token if the literal words follow token i, else None.

    ``gap`` words (a subject: "تعمل إسرائيل على") may stand before the first literal word.
    """
    j = i
    for n, word in enumerate(rest):
        j = _next_word(tokens, j)
        skips = gap if n == 0 else 0
        while j < len(tokens) and word not in canon_set(tokens[j].norm) and skips > 0:
            j, skips = _next_word(tokens, j), skips - 1
        if j >= len(tokens) or word not in canon_set(tokens[j].norm):
            return None
    return j


def _next_word(tokens: list[Any], j: int) -> int:
    j += 1
    while j < len(tokens) and not tokens[j].is_word:
        j += 1
    return j


@cache
def load_cues() -> CueLexicon:
    """The cue lexicon (cached)."""
    return CueLexicon(read_tsv("events/cues.tsv"))


def is_count(norm: str) -> bool:
    """Whether a word is a number or a count word (خمسة، عشرات، آلاف)."""
    if norm[:1].isdigit():
        return True
    return any(c.effect == "count" for c in load_cues()._heads(norm))


def words_between(tokens: list[Any], a: int, b: int) -> int:
    """Number of word tokens strictly between token indices a and b."""
    return sum(1 for t in tokens[a + 1 : b] if t.is_word)


def polarity(tokens: list[Any], hits: list[CueHit], first: int, future: bool) -> tuple[bool, str]:
    """(negated, modality) of a trigger starting at token ``first`` from the cues before it."""
    negated, found = False, set()
    sent = tokens[first].sent
    for hit in hits:
        if hit.sent != sent or hit.effect == "attribution":
            continue
        if hit.effect in AFTER_NOUN:  # stands after the noun it qualifies (الهجوم المزعوم)
            if hit.first > first and words_between(tokens, first, hit.first) < hit.window:
                found.add(AFTER_NOUN[hit.effect])
            continue
        if hit.last >= first:
            continue
        if (
            _crosses_clause(tokens, hit.last, first)
            or words_between(tokens, hit.last, first) >= hit.window
        ):
            continue
        if hit.effect == "maybe":  # "قد تخفض": قد before an imperfect verb is "may"
            if tokens[first].norm[:1] in IMPERFECT_PREFIXES:
                found.add("hypothetical")
            continue
        if hit.effect in ("negation", "denied"):
            negated = True
        if hit.effect != "negation":
            found.add(hit.effect)
    if future:  # the future proclitic س on the trigger verb (سيلتقي، وستقصف)
        found.add("intended")
    modality = next((m for m in MODALITY_ORDER if m in found), "asserted")
    return negated, modality


def _crosses_clause(tokens: list[Any], a: int, b: int) -> bool:
    """Whether a full stop or semicolon stands between two tokens."""
    return any(t.text in (".", "؛", ";", "؟", "?", "!") for t in tokens[a + 1 : b])
