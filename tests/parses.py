"""Hand-built parses for rule tests, as spaCy's own tests build them: the test shows the
construction a rule handles, whatever the model would make of the sentence."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import presse.analyze.factories  # noqa: F401  (declares the Doc extensions the layers read)

VOCAB = spacy.blank("fr").vocab  # French lexical attributes (lower case forms)


def parse(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    *,
    ents: list[str] | None = None,
    lemmas: list[str] | None = None,
    morphs: list[str] | None = None,
) -> Doc:
    """A Doc with the given tokens, absolute head indices, labels, IOB entity tags, lemmas (the
    lower-case form when None) and morphology."""
    return Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        ents=ents,
        lemmas=lemmas or [w.lower() for w in words],
        morphs=morphs or [""] * len(words),
    )
