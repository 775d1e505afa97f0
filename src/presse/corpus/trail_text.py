"""The text side of quote trails: normalised words, shingles, how two wordings relate, and the
word-by-word differences between them. Pure functions, no store.

Contracts:

* :func:`words` normalises a text the way Quotebank merges quotes, one step further: case
  folded, accents removed (NFKD), punctuation and apostrophes of any kind dropped; what is left
  is the sequence of word tokens (« Jusqu’au BOUT ! » → ``jusqu au bout``);
* :func:`shingles` hashes every run of :data:`SHINGLE` consecutive words to a signed 64-bit
  integer (stable across processes and versions of Python: BLAKE2b, not ``hash``);
* :func:`relate` says whether two wordings are the same quotation: ``identical`` (same words),
  ``variant`` (word-sequence similarity ≥ :data:`NEAR`: a few words changed, added or cut) or
  ``fragment`` (the shorter, at least :data:`MIN_FRAGMENT` words, found at
  :data:`FRAGMENT` or more, in order, inside one stretch of the longer about its length); wordings shorter than
  :data:`MIN_WORDS` are never related;
* :func:`word_diff` gives the differences of a wording against a reference as segments
  (``equal``, ``insert``, ``delete``, ``replace``) carrying the original words of both, so a
  page can show them highlighted; punctuation, case and accents are no difference.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

SHINGLE = 3
"""Words per shingle."""
MIN_WORDS = 5
"""Shorter quotations (« les mesures », « rester chez eux ») recur by chance: not traced."""
NEAR = 0.8
"""Smallest word-sequence similarity (difflib ratio) of two variants of one quotation."""
FRAGMENT = 0.85
"""Share of a fragment's words found, in order, inside one stretch of the longer quotation."""
MIN_FRAGMENT = 5
"""Fewest words of a fragment."""
FRAGMENT_ANCHOR = 3
"""Fewest words of the longest run a fragment shares with the longer quotation."""
FRAGMENT_SLACK = 2
"""Words the stretch of the longer quotation may hold beyond the fragment's length, on each side
(a word or two added or cut inside the fragment)."""

_WORD = re.compile(r"\w+")

Relation = Literal["identical", "variant", "fragment"]


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold(token: str) -> str:
    # the combining-mark blocks, removed by one regex: far cheaper than a test per character
    return _COMBINING.sub("", unicodedata.normalize("NFKD", token.casefold()))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: its normalised form and where it is in the text."""

    norm: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets into it (see :func:`words`): apostrophes of
    any kind separate words, and NFKD folding of each word covers what NFKC would change."""
    return [Token(_fold(m[0]), m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str) -> tuple[str, ...]:
    """The normalised words of ``text`` (see the module docstring): the words of
    :func:`tokens`, folded in one pass over the whole text."""
    return tuple(_WORD.findall(_fold(text)))


def wording_key(normalised: tuple[str, ...]) -> str:
    """A key identifying a normalised wording (hex digest)."""
    return hashlib.blake2b(" ".join(normalised).encode("utf-8"), digest_size=16).hexdigest()


def _hash64(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def shingles(normalised: tuple[str, ...], size: int = SHINGLE) -> list[int]:
    """The distinct hashes of the ``size``-word runs of ``normalised``, in first-seen order
    (a wording shorter than ``size`` gives one shingle of all its words)."""
    if not normalised:
        return []
    runs = [normalised] if len(normalised) < size else [
        normalised[i : i + size] for i in range(len(normalised) - size + 1)
    ]
    return list(dict.fromkeys(_hash64(" ".join(run)) for run in runs))


@dataclass(frozen=True, slots=True)
class Match:
    """How two wordings relate and how closely (1.0: the same words)."""

    relation: Relation
    score: float


def relate(a: tuple[str, ...], b: tuple[str, ...]) -> Match | None:
    """Whether wordings ``a`` and ``b`` are one quotation (see the module docstring); None when not."""
    if min(len(a), len(b)) < MIN_WORDS:
        return None
    if a == b:
        return Match("identical", 1.0)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    # quick_ratio() bounds ratio() from above at a fraction of its cost
    if matcher.quick_ratio() >= NEAR and (ratio := matcher.ratio()) >= NEAR:
        return Match("variant", round(ratio, 3))
    if len(short) < MIN_FRAGMENT:
        return None
    available = Counter(long)
    if sum(min(n, available[w]) for w, n in Counter(short).items()) < FRAGMENT * len(short):
        return None  # not enough of its words anywhere in the longer one
    # the longest common run anchors the shorter wording in the longer one; its words are then
    # counted in a window of the longer just wide enough for it (plus FRAGMENT_SLACK words)
    anchor = matcher.find_longest_match(0, len(short), 0, len(long))
    if anchor.size < FRAGMENT_ANCHOR:
        return None
    low = max(0, anchor.b - anchor.a - FRAGMENT_SLACK)
    high = min(len(long), anchor.b + len(short) - anchor.a + FRAGMENT_SLACK)
    window = SequenceMatcher(None, short, long[low:high], autojunk=False)
    found = sum(b.size for b in window.get_matching_blocks())
    if found < FRAGMENT * len(short):
        return None
    return Match("fragment", round(found / len(short), 3))


DiffOp = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """One stretch of a wording compared with the reference: ``text`` is its words in this
    wording (empty for a deletion), ``was`` the words of the reference (empty for an insertion)."""

    op: DiffOp
    text: str
    was: str


def _surface(text: str, run: list[Token], until: int | None) -> str:
    """The words of ``run`` as written, with the punctuation and spaces that follow them up to
    offset ``until`` (the next segment's first word; None: the end of the text)."""
    if not run:
        return ""
    return text[run[0].start : len(text) if until is None else until]


def word_diff(reference: str, text: str) -> list[DiffSegment]:
    """The word-level differences of ``text`` against ``reference`` (see the module docstring);
    concatenated, the ``text`` of the segments gives ``text`` back from its first word on, and
    their ``was`` gives ``reference`` back likewise."""
    ref, new = tokens(reference), tokens(text)
    matcher = SequenceMatcher(None, [t.norm for t in ref], [t.norm for t in new], autojunk=False)
    segments: list[DiffSegment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        was = _surface(reference, ref[i1:i2], ref[i2].start if i2 < len(ref) else None)
        now = _surface(text, new[j1:j2], new[j2].start if j2 < len(new) else None)
        segments.append(DiffSegment(op, now, was))  # type: ignore[arg-type]
    return segments
