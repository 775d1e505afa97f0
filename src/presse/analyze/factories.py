"""presse's spaCy components, registered with ``@Language.factory``.

The ``spacy_factories`` entry point points here, so after ``pip install presse``,
``nlp.add_pipe("presse_structure", first=True)``, ``nlp.add_pipe("presse_actors")`` and
``nlp.add_pipe("presse_quotes")`` and ``nlp.add_pipe("presse_stance")`` work on any French
pipeline with a parser and NER. Results are stored on Doc extensions (``doc._.presse_structure``,
``doc._.presse_actors``, ``doc._.presse_quotes``, ``doc._.presse_stance``); each component computes in ``predict`` and writes in
``set_annotations``.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from presse.analyze.actors import SALIENCE_WINDOW, ActorResolver, Actors
from presse.analyze.quotes import QuoteFinder, Quotes
from presse.analyze.stance import DEFAULT_WEIGHTS, Stance, StanceWeights, analyze_stance
from presse.analyze.structure import Structure, detect_structure

EXTENSIONS = ("presse_hints", "presse_structure", "presse_actors", "presse_quotes", "presse_stance")
SENTENCE_END = {".", "!", "?", "…", "?!", "!?", "..."}


def register_extensions() -> None:
    """Declare the Doc extensions presse writes (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


class StructureComponent:
    """Finds the blocks of the text and fixes sentence starts so that a sentence never crosses a
    line break (a heading, a paragraph, a list item). Must run before the parser."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> Structure:
        hints = doc._.presse_hints or {}
        return detect_structure(
            _text(doc, hints),
            has_title=hints.get("has_title"),
            headings=hints.get("headings"),
            list_items=hints.get("list_items"),
            standfirst=hints.get("standfirst"),
        )

    def set_annotations(self, doc: Doc, structure: Structure) -> None:
        doc._.presse_structure = structure
        # one array write instead of a Python loop over tokens (1 = starts a sentence, -1 = not)
        flags = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")
        for start, _ in sentence_starts(doc):
            flags[start, 0] = 1
        if len(doc):
            flags[0, 0] = 1
            doc.from_array([SENT_START], flags)


def _text(doc: Doc, hints: dict) -> str:
    """``doc.text``, from the hints when the Analyzer put it there (the text it tokenized, which
    spaCy's tokenizer reproduces exactly): ``doc.text`` is rebuilt from the tokens at each access."""
    text = hints.get("text")
    if isinstance(text, str) and len(text) == (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        return text
    return doc.text


def sentence_starts(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of the sentences: split at line breaks and at final punctuation
    followed by a capital, a quote mark or a dash (abbreviations are single tokens already)."""
    ranges = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        boundary_after = None
        if "\n" in tok.text_with_ws and not (tok.is_space and i == start):
            boundary_after = i
        elif tok.text in SENTENCE_END and i + 1 < n:
            j = i + 1
            while j < n and doc[j].text in ("»", "”", ")", '"'):
                j += 1
            if j < n:
                nxt = doc[j]
                if (nxt.is_space and "\n" in nxt.text) or (re.match(r"[A-ZÀ-Ý«“—–\"0-9]", nxt.text) and not (tok.text == "." and len(doc[i - 1].text) == 1 and doc[i - 1].text.isupper())):
                    boundary_after = j - 1
        if boundary_after is not None:
            end = boundary_after + 1
            while end < n and doc[end].is_space:
                end += 1
            if end > start:
                ranges.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        ranges.append((start, n))
    return ranges


class ActorsComponent:
    """Builds canonical actors with all their mentions (see presse.analyze.actors)."""

    def __init__(self, nlp: Language, name: str, salience_window: int = SALIENCE_WINDOW) -> None:
        self.name = name
        self.resolver = ActorResolver(salience_window=salience_window)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> Actors:
        hints = doc._.presse_hints or {}
        on = hints.get("published")
        if on is None and doc._.presse_structure is not None:
            on = doc._.presse_structure.published
        return self.resolver(doc, on if isinstance(on, date) else None, _text(doc, hints))

    def set_annotations(self, doc: Doc, actors: Actors) -> None:
        doc._.presse_actors = actors


class QuotesComponent:
    """Finds quotations and attributes them (see presse.analyze.quotes). Needs presse_actors."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.finder = QuoteFinder()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> Quotes:
        actors = doc._.presse_actors
        if actors is None:
            raise ValueError("presse_quotes needs presse_actors earlier in the pipeline")
        return self.finder(doc, actors)

    def set_annotations(self, doc: Doc, quotes: Quotes) -> None:
        doc._.presse_quotes = quotes


class StanceComponent:
    """Who speaks about whom and how (see presse.analyze.stance). Needs presse_actors and
    presse_quotes earlier in the pipeline."""

    def __init__(self, nlp: Language, name: str, weights: StanceWeights = DEFAULT_WEIGHTS) -> None:
        self.name = name
        self.weights = weights

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> Stance:
        actors, quotes = doc._.presse_actors, doc._.presse_quotes
        if actors is None or quotes is None:
            raise ValueError("presse_stance needs presse_actors and presse_quotes earlier in the pipeline")
        return analyze_stance(doc, actors, quotes, self.weights)

    def set_annotations(self, doc: Doc, stance: Stance) -> None:
        doc._.presse_stance = stance


# What each component reads and writes, for ``nlp.analyze_pipes()``: a pipeline that lacks a
# component another one needs is reported there ("presse_quotes requires doc._.presse_actors").
STRUCTURE_ASSIGNS = ["doc._.presse_structure", "token.is_sent_start"]
ACTORS_REQUIRES = ["doc.ents", "token.dep", "token.pos", "token.lemma", "token.morph"]
QUOTES_REQUIRES = ["doc._.presse_actors", "token.dep", "token.pos", "token.lemma", "token.morph"]
STANCE_REQUIRES = ["doc._.presse_actors", "doc._.presse_quotes", "token.dep", "token.lemma"]
STANCE_CONFIG = {f.name: getattr(DEFAULT_WEIGHTS, f.name) for f in dataclasses.fields(StanceWeights)}


@Language.factory("presse_structure", assigns=STRUCTURE_ASSIGNS)
def make_structure(nlp: Language, name: str) -> StructureComponent:
    """Factory of the structure component (place it first, before the parser)."""
    return StructureComponent(nlp, name)


@Language.factory(
    "presse_actors",
    requires=ACTORS_REQUIRES,
    assigns=["doc._.presse_actors"],
    default_config={"salience_window": SALIENCE_WINDOW},
)
def make_actors(nlp: Language, name: str, salience_window: int) -> ActorsComponent:
    """Factory of the actors component (after the parser and NER). ``salience_window``: how many
    sentences back a pronoun or bare description may find its person (quoted sentences do not
    count)."""
    return ActorsComponent(nlp, name, salience_window=salience_window)


@Language.factory("presse_quotes", requires=QUOTES_REQUIRES, assigns=["doc._.presse_quotes"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """Factory of the quotes component (after presse_actors)."""
    return QuotesComponent(nlp, name)


@Language.factory(
    "presse_stance", requires=STANCE_REQUIRES, assigns=["doc._.presse_stance"], default_config=STANCE_CONFIG
)
def make_stance(
    nlp: Language,
    name: str,
    cue_weight_object: float,
    cue_weight_inside: float,
    quote_fallback: float,
    quote_fallback_long: float,
    long_quote: int,
    frame_weight: float,
) -> StanceComponent:
    """Factory of the stance component (after presse_quotes); the settings are the fields of
    :class:`presse.analyze.stance.StanceWeights`."""
    weights = StanceWeights(
        cue_weight_object=cue_weight_object,
        cue_weight_inside=cue_weight_inside,
        quote_fallback=quote_fallback,
        quote_fallback_long=quote_fallback_long,
        long_quote=long_quote,
        frame_weight=frame_weight,
    )
    return StanceComponent(nlp, name, weights)
