"""Dedup signals: 5-gram near-duplicates, stem-bigram rewrites within a day window."""

from __future__ import annotations

import numpy as np
import pytest

from rasad.store import dedup
from rasad.store.textkey import search_body

WORDS = (
    "أعلن وزير الخارجية اليمني أن الحكومة مستعدة لاستئناف المفاوضات مع الحوثيين في جنيف برعاية "
    "الأمم المتحدة وأكد أن الهدنة في الحديدة يجب أن تحترم من كل الأطراف وأن المساعدات الإنسانية "
    "ستصل إلى المدنيين في الأيام المقبلة عبر الميناء والمطار"
).split()
OTHER = (
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد بيانات عن تراجع المخزونات الأمريكية وتوقعات "
    "بزيادة الطلب خلال الصيف فيما قالت منظمة أوبك إن الإنتاج سيبقى مستقرا"
).split()


def rewrite(words: list[str]) -> str:
    """Every fourth word changed: 5-grams mostly broken, many bigrams kept."""
    return " ".join("جديد" + w if i % 4 == 3 else w for i, w in enumerate(words))


def sigs(text: str) -> tuple[np.ndarray, np.ndarray]:
    return dedup.signature(text), dedup.story_signature(search_body(text, "fallback"))


@pytest.mark.parametrize(
    "a, b, dup",
    [
        (" ".join(WORDS), " ".join(WORDS) + " بحسب الوكالة", True),
        (" ".join(WORDS), rewrite(WORDS), False),
        (" ".join(WORDS), " ".join(OTHER), False),
    ],
)
def test_near_duplicate_signal(a, b, dup):
    assert (dedup.similarity(dedup.signature(a), dedup.signature(b)) >= dedup.THRESHOLD) is dup


def test_signature_blob_round_trip():
    sig = dedup.signature(" ".join(WORDS))
    assert np.array_equal(dedup.from_blob(dedup.to_blob(sig)), sig)
    assert np.array_equal(dedup.signature(" ".join(WORDS)), sig)  # deterministic


@pytest.mark.parametrize(
    "text, day, story",
    [
        (" ".join(WORDS) + " بحسب الوكالة", None, "a"),  # duplicate: no date needed
        (rewrite(WORDS), "2018-05-02", "a"),  # rewrite within the window
        (rewrite(WORDS), "2018-05-09", "b"),  # rewrite a week later: a new story
        (rewrite(WORDS), None, "b"),  # undated rewrite: not grouped
        (" ".join(OTHER), "2018-05-01", "b"),
    ],
)
def test_story_assignment(text, day, story):
    index = dedup.DedupIndex()
    s, ss = sigs(" ".join(WORDS))
    index.add("a", s, ss, "a", "2018-05-01")
    m = index.assign("b", *sigs(text), day)
    assert m.story == story
    assert (m.dup_of == "a") is (story == "a" and day is None)


def test_bands_find_what_datasketch_finds():
    import inspect

    from datasketch import LeanMinHash, MinHashLSH

    # datasketch >= 2 wants the scheme of given hash values; 1.x has no such argument.
    kw = {"scheme": "legacy"} if "scheme" in inspect.signature(LeanMinHash).parameters else {}
    rng = np.random.default_rng(0)
    base = rng.integers(0, 1 << 32, size=dedup.NUM_PERM, dtype=np.uint64).astype(np.uint32)
    sigs = []
    for i in range(60):  # variants sharing more or fewer values with the base
        s = base.copy()
        changed = rng.random(dedup.NUM_PERM) < (i % 10) / 10
        s[changed] = rng.integers(0, 1 << 32, size=int(changed.sum()), dtype=np.uint64)
        sigs.append(s)
    ours, theirs = dedup.Bands(dedup.THRESHOLD), MinHashLSH(dedup.THRESHOLD, dedup.NUM_PERM)
    for i, s in enumerate(sigs):
        lean = LeanMinHash(seed=dedup.SEED, hashvalues=s.astype(np.uint64), **kw)
        assert ours.query(s) == set(theirs.query(lean))
        ours.insert(str(i), s)
        theirs.insert(str(i), lean, check_duplication=False)
