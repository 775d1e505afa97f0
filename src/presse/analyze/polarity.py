"""Lexicon polarity of French text: evaluative words, negation, intensifiers and contrast.

The lexicon is ``lexicons/fr/polarity.tsv`` (see ``lexicons/fr/POLARITY.md``): one word a line
with a polarity in [-1, 1]. A token's value is looked up by lemma first, then by lower-cased form.
Around each evaluative token the dependency tree decides the modifiers:

- negation ("ne … pas", "jamais", "aucun", "sans", "ni", "ne … plus/rien") on the token or on the
  word it attaches to flips the value and weakens it (×-0.6: "pas mauvais" is not "excellent");
- an intensifier adverb (très, extrêmement, profondément…) multiplies it by 1.5, a downtoner
  (peu, assez, plutôt…) by 0.5;
- contrast: a word followed in its sentence by "mais", "pourtant", "cependant", "toutefois",
  "néanmoins" counts half, because what follows the contrast is what the writer stands by.

The score of a stretch of tokens is ``tanh`` of the sum of its hits, so it stays in [-1, 1] and one
strong word outweighs several weak ones less than linearly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Literal

from spacy.tokens import Token

Polarity = Literal["positive", "negative", "neutral"]

THRESHOLD = 0.1
NEGATION_FACTOR = -0.6
INTENSIFIER_FACTOR = 1.5
DOWNTONER_FACTOR = 0.5
BEFORE_CONTRAST_FACTOR = 0.5

NEGATORS = frozenset({"pas", "jamais", "guère", "nullement", "aucun", "aucune", "sans", "ni", "non", "point"})
# "plus" and "rien" negate only with "ne" ("ne … plus"), otherwise they compare or quantify
WEAK_NEGATORS = frozenset({"plus", "rien", "personne"})
NE = frozenset({"ne", "n'", "n’"})
INTENSIFIERS = frozenset({
    "très", "extrêmement", "profondément", "vraiment", "particulièrement", "tellement", "si",
    "hautement", "totalement", "absolument", "fermement", "vivement", "complètement", "tout",
    "fort", "bien", "grandement", "terriblement", "incroyablement", "parfaitement", "gravement",
})
DOWNTONERS = frozenset({"peu", "assez", "relativement", "légèrement", "plutôt", "moyennement", "guère"})
CONTRASTS = frozenset({"mais", "pourtant", "cependant", "toutefois", "néanmoins"})
# Words the lexicon scores that only intensify or negate here
_NOT_EVALUATIVE = NEGATORS | WEAK_NEGATORS | INTENSIFIERS | DOWNTONERS


@dataclass(frozen=True)
class Hit:
    """One evaluative token: its index, the lexicon entry that matched and its final value."""

    token: int
    word: str
    value: float


@dataclass(frozen=True)
class PolarityScore:
    """The polarity of a stretch of tokens: a score in [-1, 1] and the hits that made it."""

    score: float
    hits: tuple[Hit, ...] = ()

    @property
    def label(self) -> Polarity:
        """positive / negative / neutral by the ±THRESHOLD cut."""
        return label(self.score)


def label(score: float, threshold: float = THRESHOLD) -> Polarity:
    """The polarity label of a score: above `threshold` positive, below its opposite negative."""
    if score > threshold:
        return "positive"
    if score < -threshold:
        return "negative"
    return "neutral"


def parse_polarity(source: Traversable) -> dict[str, float]:
    """Parse a polarity file (``word<TAB>polarity<TAB>source``, ``#`` comments).

    Raises ValueError ``"<file>:<line>: <problem>"`` on a malformed row, a value outside [-1, 1]
    or a duplicate word.
    """
    words: dict[str, float] = {}
    name = getattr(source, "name", str(source))
    for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ValueError(f"{name}:{number}: expected 3 tab-separated columns, got {len(cells)}")
        word, value_text, _source = cells
        try:
            value = float(value_text)
        except ValueError:
            raise ValueError(f"{name}:{number}: polarity {value_text!r} is not a number") from None
        if not -1.0 <= value <= 1.0:
            raise ValueError(f"{name}:{number}: polarity {value} is outside [-1, 1]")
        if word in words:
            raise ValueError(f"{name}:{number}: duplicate word {word!r}")
        words[word] = value
    return words


@cache
def polarity_lexicon() -> Mapping[str, float]:
    """The bundled French polarity lexicon (word → polarity), parsed once per process."""
    return MappingProxyType(parse_polarity(files("presse.lexicons").joinpath("fr", "polarity.tsv")))


def word_polarity(token: Token, lexicon: Mapping[str, float] | None = None) -> tuple[str, float] | None:
    """The (entry, prior polarity) of a token by lemma then form, or None when not evaluative.

    Proper nouns, function words and the negation/intensity adverbs themselves are never
    evaluative.
    """
    lex = polarity_lexicon() if lexicon is None else lexicon
    if token.pos_ in ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "NUM", "AUX"):
        return None
    if token.pos_ == "PROPN" and not token.is_lower:
        return None
    lower = token.lower_
    if lower in _NOT_EVALUATIVE:
        return None
    lemma = token.lemma_.lower()
    # a verb form is looked up by its lemma only: "intègre" (intégrer) is not the adjective
    keys = (lemma,) if token.pos_ == "VERB" else (lemma, lower, *_masculine_singular(lower))
    for key in keys:
        if key in lex:
            return key, lex[key]
    return None


_INFLECTIONS = (
    ("ives", "if"), ("ive", "if"), ("euses", "eux"), ("euse", "eux"), ("elles", "el"), ("elle", "el"),
    ("iennes", "ien"), ("ienne", "ien"), ("aux", "al"), ("es", ""), ("e", ""), ("s", ""), ("x", ""),
)


def _masculine_singular(form: str) -> list[str]:
    """Candidate masculine singular forms of an inflected adjective or noun (the lemmatizer
    misses many: "productive", "graves" tagged as nouns)."""
    return [form[: -len(end)] + base for end, base in _INFLECTIONS if form.endswith(end) and len(form) > len(end) + 2]


def is_negated(token: Token) -> bool:
    """True when `token` (or the verb or noun it attaches to) is under a negation."""
    scope = [token]
    if token.dep_ not in ("ROOT",) and token.dep_ in (
        "amod", "obj", "xcomp", "acomp", "advmod", "obl", "obl:arg", "ccomp", "nmod", "cop"
    ):
        scope.append(token.head)
    if token.head.pos_ == "AUX" or any(c.dep_ == "cop" for c in token.children):
        scope.append(token)
    for word in scope:
        kids = list(word.children)
        lowers = {c.lower_ for c in kids}
        if lowers & NEGATORS:
            return True
        if lowers & WEAK_NEGATORS and lowers & NE:
            return True
        if any(c.dep_ == "det" and c.lower_ in ("aucun", "aucune", "nul", "nulle") for c in kids):
            return True
    return False


def _modifier_factor(token: Token) -> float:
    factor = 1.0
    for child in token.children:
        if child.dep_ != "advmod":
            continue
        if child.lower_ in INTENSIFIERS:
            factor *= INTENSIFIER_FACTOR
        elif child.lower_ in DOWNTONERS:
            factor *= DOWNTONER_FACTOR
    return factor


def token_hit(token: Token, lexicon: Mapping[str, float] | None = None) -> Hit | None:
    """The Hit of one token with negation and intensity applied (contrast is span-level)."""
    entry = word_polarity(token, lexicon)
    if entry is None:
        return None
    word, value = entry
    value *= _modifier_factor(token)
    if is_negated(token):
        value *= NEGATION_FACTOR
    return Hit(token.i, word, max(-1.0, min(1.0, value)))


def score_tokens(tokens: Iterable[Token], lexicon: Mapping[str, float] | None = None) -> PolarityScore:
    """The polarity of a set of tokens (not necessarily contiguous), contrast included."""
    toks: Sequence[Token] = sorted(tokens, key=lambda t: t.i)
    hits: list[Hit] = []
    for tok in toks:
        hit = token_hit(tok, lexicon)
        if hit is None:
            continue
        sent = tok.sent
        later_contrast = any(
            t.lower_ in CONTRASTS and t.i > tok.i for t in sent if t.dep_ in ("cc", "advmod", "mark")
        )
        if later_contrast:
            hit = Hit(hit.token, hit.word, hit.value * BEFORE_CONTRAST_FACTOR)
        hits.append(hit)
    return PolarityScore(math.tanh(sum(h.value for h in hits)), tuple(hits))
