"""Lexicon polarity of French text: evaluative words, negation, intensifiers and contrast.

The lexicon is ``lexicons/fr/polarity.tsv`` (see ``lexicons/fr/POLARITY.md``): one word a line
with a polarity in [-1, 1]. A token's value is looked up by lemma first, then by lower-cased form.
Around each evaluative token the dependency tree decides the modifiers:

- negation ("ne … pas", "jamais", "aucun", "sans", "ni", "ne … plus/rien") on the token or on the
  word it attaches to flips the value and weakens it (×-0.6: "pas mauvais" is not "excellent");
- an intensifier adverb (très, extrêmement, profondément…) multiplies it by 1.5, a downtoner
  (peu, assez, plutôt…) by 0.5;
- contrast: a word followed in its sentence by "mais", "pourtant", "cependant", "toutefois",
  "néanmoins" counts half, because what follows the contrast is what the writer stands by;
- the small parser often misattaches "pas", so a negator up to four words to the left in the same
  clause (no punctuation, conjunction or relative pronoun in between) also negates ("pas du tout
  d'accord", "ne se laissera pas instrumentaliser"); "non" negates only the word right after it
  ("non négligeable"), not a sentence-initial "Non, …";
- a word in the complement of a verb of prevention ("éviter", "empêcher") is flipped like a negated
  one ("il m'a évité de commettre des erreurs").

Multiword expressions (``lexicons/fr/polarity_mwe.tsv``: idioms of criticism and praise, « juge et
partie », « tenir … pour responsable », « faire comme si ») are matched first, on lemmas or forms,
and their words are then not scored one by one ("mauvaise passe" is one hit, not "mauvais").

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

from spacy.tokens import Doc, Token

Polarity = Literal["positive", "negative", "neutral"]

THRESHOLD = 0.1
NEGATION_FACTOR = -0.6
INTENSIFIER_FACTOR = 1.5
DOWNTONER_FACTOR = 0.5
BEFORE_CONTRAST_FACTOR = 0.5

NEGATORS = frozenset({"pas", "jamais", "guère", "nullement", "aucun", "aucune", "sans", "ni", "point"})
# negators a surface window accepts: "ni" and "point" too ambiguous left of a word
WINDOW_NEGATORS = frozenset({"pas", "jamais", "guère", "nullement", "aucun", "aucune", "sans"})
NEGATION_WINDOW = 4
# words that end the left window of a negator: the negation belongs to another clause
_WINDOW_STOPS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "si", "quand", "lorsque", "parce", "car", "mais", "et", "ou"})
PREVENTION_VERBS = frozenset({"éviter", "empêcher"})
_NOT_NEGATION_AFTER = frozenset({("sans", "doute"), ("sans", "cesse"), ("sans", "relâche"), ("pas", "mal")})
_NOT_NEGATION_BEFORE = frozenset({("que", "jamais"), ("qu'", "jamais"), ("faux", "pas"), ("premier", "pas"), ("premiers", "pas")})
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


GAP = "…"
MAX_GAP = 3


@dataclass(frozen=True)
class Expression:
    """A multiword entry: its words (lemma or form each, ``…`` a gap of up to MAX_GAP tokens)."""

    text: str
    words: tuple[str, ...]
    value: float


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def expression_words(text: str) -> tuple[str, ...]:
    """The match elements of an expression: words split at spaces and after apostrophes."""
    out: list[str] = []
    for part in _norm(text).split():
        while "'" in part[:-1]:
            head, _, part = part.partition("'")
            out.append(head + "'")
        out.append(part)
    return tuple(out)


def parse_expressions(source: Traversable) -> list[Expression]:
    """Parse a multiword polarity file (same format as polarity.tsv, words separated by spaces,
    ``…`` standing for up to MAX_GAP words). Raises ValueError as `parse_polarity` does, and on an
    entry that is a single word or starts or ends with a gap."""
    out = []
    for text, value in parse_polarity(source).items():
        words = expression_words(text)
        content = [w for w in words if w != GAP]
        if len(content) < 2 or words[0] == GAP or words[-1] == GAP:
            name = getattr(source, "name", str(source))
            raise ValueError(f"{name}: {text!r} is not a multiword expression")
        out.append(Expression(text, words, value))
    # longest first, so "ne pas faire le poids" wins over a shorter overlapping entry
    return sorted(out, key=lambda e: -len(e.words))


@cache
def polarity_expressions() -> tuple[Expression, ...]:
    """The bundled multiword polarity entries (``polarity_mwe.tsv``), longest first."""
    return tuple(parse_expressions(files("presse.lexicons").joinpath("fr", "polarity_mwe.tsv")))


@cache
def _expressions_by_first() -> Mapping[str, tuple[Expression, ...]]:
    index: dict[str, list[Expression]] = {}
    for expr in polarity_expressions():
        index.setdefault(expr.words[0], []).append(expr)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def _word_matches(token: Token, word: str) -> bool:
    lower = _norm(token.text)
    if lower == word or _norm(token.lemma_) == word:
        return True
    # elided articles and prepositions: "d'" written for "de", "l'" for "le"/"la"
    if word.endswith("'") and lower in (word[:-1] + "e", word[:-1] + "a"):
        return True
    if lower.endswith("'") and word in (lower[:-1] + "e", lower[:-1] + "a"):
        return True
    if word.endswith("er") and len(word) > 4 and token.pos_ in ("VERB", "AUX") and lower.startswith(word[:-2]):
        # the small model's lemmatizer misses some verb forms ("tire" left as its own lemma)
        return lower[len(word) - 2 :] in _ER_ENDINGS
    return word in _masculine_singular(lower)


_ER_ENDINGS = frozenset({
    "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ait", "aient", "ais", "era", "eront", "erait", "eraient", "ant", "a", "ai",
})


def _match_at(doc_tokens: Sequence[Token], start: int, expr: Expression, allowed: set[int]) -> list[int] | None:
    """Token indices of `expr` matched from doc position `start`, or None."""
    doc = doc_tokens[0].doc
    matched: list[int] = []
    pos = start
    gap = 0
    for word in expr.words:
        if word == GAP:
            gap = MAX_GAP
            continue
        found = None
        for j in range(pos, min(pos + gap + 1, len(doc))):
            if doc[j].is_sent_start and j != start and matched:
                break
            if j in allowed and _word_matches(doc[j], word):
                found = j
                break
            if doc[j].pos_ == "PUNCT":
                break
        if found is None:
            return None
        matched.append(found)
        pos = found + 1
        gap = 0
    return matched


def _expression_starts(doc: Doc) -> Mapping[int, tuple[Expression, ...]]:
    """For each token of `doc` that can open a multiword expression, its candidates longest
    first. Computed once per Doc (the stance layer scores many overlapping stretches of it)."""
    cached = doc.user_data.get("presse_expression_starts")
    if cached is not None:
        return cached
    index = _expressions_by_first()
    starts: dict[int, tuple[Expression, ...]] = {}
    for tok in doc:
        text = _norm(tok.text)
        keys = {text, _norm(tok.lemma_)}
        if tok.pos_ in ("VERB", "AUX"):
            keys |= {text[: -len(end)] + "er" for end in _ER_ENDINGS if text.endswith(end)}
        candidates = {e for key in keys for e in index.get(key, ())}
        if candidates:
            starts[tok.i] = tuple(sorted(candidates, key=lambda e: -len(e.words)))
    doc.user_data["presse_expression_starts"] = starts
    return starts


def expression_hits(tokens: Sequence[Token]) -> list[tuple[list[int], Expression]]:
    """Non-overlapping multiword matches in `tokens` (sorted), leftmost then longest first."""
    if not tokens:
        return []
    starts = _expression_starts(tokens[0].doc)
    allowed = {t.i for t in tokens}
    used: set[int] = set()
    out = []
    for tok in tokens:
        if tok.i in used or tok.i not in starts:
            continue
        for expr in starts[tok.i]:
            matched = _match_at(tokens, tok.i, expr, allowed)
            if matched and not used.intersection(matched):
                used.update(matched)
                out.append((matched, expr))
                break
    return out


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


def _window_negated(token: Token) -> bool:
    """A negator (or a prevention verb) up to NEGATION_WINDOW words left of `token`, in its
    clause: "pas du tout d'accord", "n'ont pas à remettre", "évité de commettre des erreurs"."""
    doc = token.doc
    sent_start = token.sent.start
    for j in range(token.i - 1, max(sent_start, token.i - NEGATION_WINDOW) - 1, -1):
        t = doc[j]
        low = _norm(t.text)
        if t.pos_ == "PUNCT" or low in _WINDOW_STOPS or t.pos_ in ("CCONJ", "SCONJ"):
            return False
        if low in WINDOW_NEGATORS:
            after = _norm(doc[j + 1].text) if j + 1 < len(doc) else ""
            before = _norm(doc[j - 1].text) if j > sent_start else ""
            # "sans doute", "sans cesse", "plus que jamais", "faux pas" do not negate
            return (low, after) not in _NOT_NEGATION_AFTER and (before, low) not in _NOT_NEGATION_BEFORE
        if low == "non" and j == token.i - 1:
            return True
        if low in WEAK_NEGATORS and any(_norm(doc[k].text) in NE for k in range(max(sent_start, j - 3), j)):
            return True
        if t.lemma_.lower() in PREVENTION_VERBS:
            return True
    return False


def is_negated(token: Token) -> bool:
    """True when `token` (or the verb or noun it attaches to) is under a negation."""
    return _window_negated(token) or _tree_negated(token)


COMPARATIVES = frozenset({"aussi", "autant", "mieux", "si"})


def _tree_negated(token: Token, ignore: frozenset[int] = frozenset()) -> bool:
    """Negation read on the tree: a negator child of `token` or of the word it attaches to (not
    one of the `ignore` tokens: "sans" inside « sans fondement »). "Personne n'est aussi X que
    Y" is a comparison, not a negation of X."""
    scope = [token]
    if token.dep_ not in ("ROOT",) and token.dep_ in (
        "amod", "obj", "xcomp", "acomp", "advmod", "obl", "obl:arg", "ccomp", "nmod", "cop"
    ):
        scope.append(token.head)
    if token.head.pos_ == "AUX" or any(c.dep_ == "cop" for c in token.children):
        scope.append(token)
    for word in scope:
        kids = [c for c in word.children if c.i not in ignore]
        lowers = {c.lower_ for c in kids}
        if lowers & NEGATORS:
            return True
        if lowers & WEAK_NEGATORS and lowers & NE and not lowers & COMPARATIVES:
            return True
        subject = next((c for c in kids if c.dep_.startswith("nsubj")), None)
        if subject is not None and any(c.dep_ == "det" and c.lower_ in ("aucun", "aucune", "nul", "nulle") for c in subject.children):
            return True  # "aucun avion n'avait mené de raid"
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


def expression_hit(tokens: Sequence[Token], expr: Expression) -> Hit:
    """The Hit of a matched multiword expression, anchored on its first content word: intensity
    from the anchor's modifiers, negation from the anchor or the first word."""
    anchor = next((t for t in tokens if t.pos_ in ("NOUN", "VERB", "ADJ")), tokens[0])
    value = expr.value * _modifier_factor(anchor)
    own = frozenset(t.i for t in tokens)
    if _window_negated(tokens[0]) or _tree_negated(anchor, own) or _tree_negated(tokens[0], own):
        value *= NEGATION_FACTOR
    return Hit(anchor.i, expr.text, max(-1.0, min(1.0, value)))


def score_tokens(tokens: Iterable[Token], lexicon: Mapping[str, float] | None = None) -> PolarityScore:
    """The polarity of a set of tokens (not necessarily contiguous), contrast included:
    multiword expressions first, then single words."""
    toks: Sequence[Token] = sorted(tokens, key=lambda t: t.i)
    raw: list[Hit] = []
    used: set[int] = set()
    if toks and lexicon is None:
        doc = toks[0].doc
        for indices, expr in expression_hits(toks):
            used.update(indices)
            raw.append(expression_hit([doc[i] for i in indices], expr))
    for tok in toks:
        if tok.i in used:
            continue
        hit = token_hit(tok, lexicon)
        if hit is not None:
            raw.append(hit)
    hits: list[Hit] = []
    for hit in sorted(raw, key=lambda h: h.token):
        tok = toks[0].doc[hit.token]
        later_contrast = any(
            t.lower_ in CONTRASTS and t.i > tok.i for t in tok.sent if t.dep_ in ("cc", "advmod", "mark")
        )
        if later_contrast:
            hit = Hit(hit.token, hit.word, hit.value * BEFORE_CONTRAST_FACTOR)
        hits.append(hit)
    return PolarityScore(math.tanh(sum(h.value for h in hits)), tuple(hits))
