"""The quote cue lexicon (``rasad/data/quotes/``) compiled into regexes over normalized text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.data.loader import read_tsv

# Arabic and Latin letters and digits; a cue must not touch one on either side.
_LETTER = r"0-9a-z\u0621-\u064a\u0671-\u06d3"


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue form: its lemma, kind (verb/participle/noun/prep/relay), whether it continues
    the previous speaker, whether it needs و/ف to be a cue (forms that are also nouns), and
    whether it takes an object right after a pronoun subject (وصف، دعا)."""

    form: str
    lemma: str
    kind: str
    cont: bool
    needs_pre: bool = False
    obj: bool = False


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Compiled cue, via and function-word patterns."""

    cues: dict[str, Cue]
    cue_re: re.Pattern[str]
    via_re: re.Pattern[str]
    via_kind: dict[str, str]
    that_re: re.Pattern[str]
    that: frozenset[str]
    preps: frozenset[str]
    filler_re: re.Pattern[str]
    stops: frozenset[str]
    spokes: frozenset[str]
    orgnouns: frozenset[str]
    docnouns: frozenset[str]
    demonstratives: frozenset[str]
    titlenouns: frozenset[str]
    genheads: frozenset[str]
    pertitles: frozenset[str]
    medianouns: frozenset[str]
    companynouns: frozenset[str]
    speechnouns: frozenset[str]


def _alternation(phrases: list[str]) -> str:
    """A regex matching any of the literal phrases, as a trie (shared prefixes factored out:
    far faster than a flat alternation of a few hundred words)."""
    trie: dict = {}
    for p in set(phrases):
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The regex of one trie node; longer continuations are tried before the end of a word."""
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _bounded(body: str, proclitics: str = "") -> re.Pattern[str]:
    """A pattern matching ``body`` as whole words, with optional proclitics captured first."""
    pre = f"([{proclitics}]?)" if proclitics else "()"
    return re.compile(f"(?<![{_LETTER}]){pre}({body})(?![{_LETTER}])")


def _words(role: str) -> list[str]:
    return [r["word"] for r in read_tsv("quotes/words.tsv") if r["role"] == role]


@cache
def load_lexicon() -> QuoteLexicon:
    """The quote lexicon, loaded once."""
    cues = {
        r["form"]: Cue(
            r["form"],
            r["lemma"],
            r["kind"],
            r["cont"] == "1",
            r["needs_pre"] == "1",
            r["obj"] == "1",
        )
        for r in read_tsv("quotes/cues.tsv")
    }
    via_rows = read_tsv("quotes/via.tsv")
    fillers = _alternation(_words("filler"))
    return QuoteLexicon(
        cues=cues,
        cue_re=_bounded(_alternation(list(cues)), "وف"),
        via_re=_bounded(_alternation([r["phrase"] for r in via_rows]), "و"),
        via_kind={r["phrase"]: r["kind"] for r in via_rows},
        that_re=_bounded(_alternation(_words("that"))),
        that=frozenset(_words("that")),
        preps=frozenset(_words("prep")),
        filler_re=re.compile(rf"^(?:[\s،,\"«»“”]|(?:{fillers})(?![{_LETTER}]))*$"),
        stops=frozenset(_words("stop")),
        spokes=frozenset(_words("spokes")),
        orgnouns=frozenset(_words("orgnoun")),
        docnouns=frozenset(_words("docnoun")),
        demonstratives=frozenset(_words("demonstrative")),
        titlenouns=frozenset(_words("titlenoun")),
        genheads=frozenset(_words("genhead")),
        pertitles=frozenset(_words("pertitle")),
        medianouns=frozenset(_words("medianoun")),
        companynouns=frozenset(_words("companynoun")),
        speechnouns=frozenset(_words("speechnoun")),
    )
