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
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Literal

from spacy.attrs import LEMMA, ORTH, POS, SENT_START
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
    return _strings_match(_norm(token.text), _norm(token.lemma_), token.pos_ in ("VERB", "AUX"), word)


@lru_cache(maxsize=1 << 16)
def _strings_match(lower: str, lemma: str, verbal: bool, word: str) -> bool:
    """`_word_matches` on a token's normalized form and lemma and whether it is a verb (a pure
    function of strings, cached across Docs)."""
    if lower == word or lemma == word:
        return True
    # elided articles and prepositions: "d'" written for "de", "l'" for "le"/"la"
    if word.endswith("'") and lower in (word[:-1] + "e", word[:-1] + "a"):
        return True
    if lower.endswith("'") and word in (lower[:-1] + "e", lower[:-1] + "a"):
        return True
    if word.endswith("er") and len(word) > 4 and verbal and lower.startswith(word[:-2]):
        # the small model's lemmatizer misses some verb forms ("tire" left as its own lemma)
        return lower[len(word) - 2 :] in _ER_ENDINGS
    return word in _masculine_singular(lower)


_ER_ENDINGS = frozenset({
    "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ait", "aient", "ais", "era", "eront", "erait", "eraient", "ant", "a", "ai",
})


class _DocView:
    """Per-Doc token strings, sentence bounds and token hits, computed once and kept in
    ``doc.user_data``: the stance layer scores many overlapping stretches of the same Doc, and
    reading spaCy attributes token by token is most of the cost. Only a cache: every value is
    what the token's own attributes give."""

    __slots__ = ("_contrast", "_sents", "hits", "is_start", "lemmas", "length", "pos", "punct", "texts", "verbal")

    def __init__(self, doc: Doc) -> None:
        self.length = len(doc)
        self.texts: list[str] = []
        self.lemmas: list[str] = []
        self.verbal: list[bool] = []
        self.punct: list[bool] = []
        self.pos: list[str] = []
        self.is_start: list[bool] = []
        strings = doc.vocab.strings
        if len(_NORMS) > 500_000:
            _NORMS.clear()
        norms = _NORMS
        # the same values as _norm(tok.text), _norm(tok.lemma_), tok.pos_ and
        # bool(tok.is_sent_start), read in one array instead of token by token
        for orth, lemma, pos_id, sent_start in doc.to_array([ORTH, LEMMA, POS, SENT_START]).tolist():
            text = norms.get(orth)
            if text is None:
                text = norms[orth] = _norm(strings[orth])
            lemma_text = norms.get(lemma)
            if lemma_text is None:
                lemma_text = norms[lemma] = _norm(strings[lemma])
            pos = strings[pos_id] if pos_id else ""
            self.texts.append(text)
            self.lemmas.append(lemma_text)
            self.verbal.append(pos in ("VERB", "AUX"))
            self.punct.append(pos == "PUNCT")
            self.pos.append(pos)
            self.is_start.append(sent_start == 1)
        self._sents: tuple[list[int], list[int]] | None = None
        self._contrast: list[int] | None = None
        self.hits: dict[int, Hit | None] = {}

    def sentence_bounds(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Start and end of each token's sentence (``token.sent``), computed on first use."""
        if self._sents is None:
            starts = [0] * self.length
            ends = [0] * self.length
            for sent in doc.sents:
                for i in range(sent.start, sent.end):
                    starts[i] = sent.start
                    ends[i] = sent.end
            self._sents = (starts, ends)
        return self._sents

    def last_contrast(self, doc: Doc) -> list[int]:
        """For each token, the index of the last contrast word ("mais", "pourtant"… as cc,
        advmod or mark) of its sentence, or -1."""
        if self._contrast is None:
            last = [-1] * self.length
            for sent in doc.sents:
                best = -1
                for t in sent:
                    if t.dep_ in ("cc", "advmod", "mark") and t.lower_ in CONTRASTS:
                        best = t.i
                for i in range(sent.start, sent.end):
                    last[i] = best
            self._contrast = last
        return self._contrast


_VIEW = "presse_polarity_view"
# string-store hash -> normalized string (hashes are the same in every Vocab)
_NORMS: dict[int, str] = {}


def _view(doc: Doc) -> _DocView:
    view = doc.user_data.get(_VIEW)
    if view is None or view.length != len(doc):
        view = doc.user_data[_VIEW] = _DocView(doc)
    return view


def token_texts(doc: Doc) -> list[str]:
    """The lower-cased form of every token of `doc` (’ as '), cached with the Doc."""
    return _view(doc).texts


def sentence_end(token: Token) -> int:
    """``token.sent.end``, from the Doc's cached sentence bounds."""
    return _view(token.doc).sentence_bounds(token.doc)[1][token.i]


def sentence_bounds(token: Token) -> tuple[int, int]:
    """``(token.sent.start, token.sent.end)``, from the Doc's cached sentence bounds."""
    starts, ends = _view(token.doc).sentence_bounds(token.doc)
    return starts[token.i], ends[token.i]


def _match_at(doc_tokens: Sequence[Token], start: int, expr: Expression, allowed: set[int]) -> list[int] | None:
    """Token indices of `expr` matched from doc position `start`, or None."""
    return _match_in(_view(doc_tokens[0].doc), start, expr, allowed)


def _match_in(view: _DocView, start: int, expr: Expression, allowed: set[int] | frozenset[int]) -> list[int] | None:
    texts, lemmas, verbal, punct, is_start = view.texts, view.lemmas, view.verbal, view.punct, view.is_start
    matched: list[int] = []
    pos = start
    gap = 0
    for word in expr.words:
        if word == GAP:
            gap = MAX_GAP
            continue
        found = None
        for j in range(pos, min(pos + gap + 1, view.length)):
            if is_start[j] and j != start and matched:
                break
            if j in allowed and _strings_match(texts[j], lemmas[j], verbal[j], word):
                found = j
                break
            if punct[j]:
                break
        if found is None:
            return None
        matched.append(found)
        pos = found + 1
        gap = 0
    return matched


@lru_cache(maxsize=1 << 16)
def _start_candidates(text: str, lemma: str, verbal: bool) -> tuple[Expression, ...]:
    """The expressions a token with this normalized form and lemma can open, longest first."""
    index = _expressions_by_first()
    keys = {text, lemma}
    if verbal:
        keys |= {text[: -len(end)] + "er" for end in _ER_ENDINGS if text.endswith(end)}
    candidates = {e for key in keys for e in index.get(key, ())}
    # longest first, then in lexicon order: a set's order would depend on the hash seed, and the
    # output with it ("emploi fictif" / "emplois fictifs")
    order = _expression_order()
    return tuple(sorted(candidates, key=lambda e: (-len(e.words), order[e.text])))


@cache
def _expression_order() -> Mapping[str, int]:
    return MappingProxyType({expr.text: n for n, expr in enumerate(polarity_expressions())})


def expression_starts(doc: Doc) -> Mapping[int, tuple[Expression, ...]]:
    """For each token of `doc` that can open a multiword expression, its candidates longest
    first. Computed once per Doc (the stance layer scores many overlapping stretches of it)."""
    cached = doc.user_data.get("presse_expression_starts")
    if cached is not None:
        return cached
    view = _view(doc)
    starts: dict[int, tuple[Expression, ...]] = {}
    for i, (text, lemma, verbal) in enumerate(zip(view.texts, view.lemmas, view.verbal, strict=True)):
        candidates = _start_candidates(text, lemma, verbal)
        if candidates:
            starts[i] = candidates
    doc.user_data["presse_expression_starts"] = starts
    return starts


def expression_hits(tokens: Sequence[Token]) -> list[tuple[list[int], Expression]]:
    """Non-overlapping multiword matches in `tokens` (sorted), leftmost then longest first."""
    if not tokens:
        return []
    doc = tokens[0].doc
    starts = expression_starts(doc)
    view = _view(doc)
    allowed = {t.i for t in tokens}
    used: set[int] = set()
    out = []
    for i in [t.i for t in tokens]:
        if i in used or i not in starts:
            continue
        for expr in starts[i]:
            matched = _match_in(view, i, expr, allowed)
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
    view = _view(token.doc)
    texts, lemmas, pos = view.texts, view.lemmas, view.pos
    sent_start = view.sentence_bounds(token.doc)[0][token.i]
    for j in range(token.i - 1, max(sent_start, token.i - NEGATION_WINDOW) - 1, -1):
        low = texts[j]
        if pos[j] in ("PUNCT", "CCONJ", "SCONJ") or low in _WINDOW_STOPS:
            return False
        if low in WINDOW_NEGATORS:
            after = texts[j + 1] if j + 1 < view.length else ""
            before = texts[j - 1] if j > sent_start else ""
            # "sans doute", "sans cesse", "plus que jamais", "faux pas" do not negate
            return (low, after) not in _NOT_NEGATION_AFTER and (before, low) not in _NOT_NEGATION_BEFORE
        if low == "non" and j == token.i - 1:
            return True
        if low in WEAK_NEGATORS and any(texts[k] in NE for k in range(max(sent_start, j - 3), j)):
            return True
        if lemmas[j] in PREVENTION_VERBS:
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
    if lexicon is not None:
        return _token_hit(token, lexicon)
    # with the bundled lexicon, once per token of a Doc (the stance layer asks many times)
    hits = _view(token.doc).hits
    i = token.i
    if i in hits:
        return hits[i]
    hit = hits[i] = _token_hit(token, None)
    return hit


def _token_hit(token: Token, lexicon: Mapping[str, float] | None) -> Hit | None:
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
    last_contrast = _view(toks[0].doc).last_contrast(toks[0].doc) if raw else []
    for hit in sorted(raw, key=lambda h: h.token):
        # a contrast word later in the hit's sentence ("…, mais …")
        if last_contrast[hit.token] > hit.token:
            hit = Hit(hit.token, hit.word, hit.value * BEFORE_CONTRAST_FACTOR)
        hits.append(hit)
    return PolarityScore(math.tanh(sum(h.value for h in hits)), tuple(hits))
