"""Hand-built parses for rule tests: a sentence and its dependency table, as spaCy's own tests
build them (``Doc(vocab, words=, heads=, deps=, pos=, lemmas=)``), so a test shows the
construction a rule reads whatever the model makes of it.

A table has one token per line: ``word head dep pos lemma morph`` (head: absolute token index;
morph: ``Feature=Value|…`` or ``_``; a line break is written ``⏎``). The spaces between words
are read from the sentence. :func:`parse` builds a Doc from lists (words, heads, deps,
pos, entity tags) where no sentence text is needed.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import presse.analyze.factories  # noqa: F401  (declares the Doc extensions the layers read)
from presse.analyze.actors import Actors, EntityRec, MentionRec
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.context import QuoteContext

VOCAB = spacy.blank("fr").vocab


def built(text: str, table: str) -> Doc:
    """The Doc of `text` with the parse of `table` (its words, in order, must spell `text`)."""
    rows = [line.split() for line in table.strip().splitlines()]
    words = [row[0].replace("⏎", "\n") for row in rows]
    spaces = []
    at = 0
    for word in words:
        at = text.index(word, at) + len(word)
        spaces.append(text[at : at + 1] == " ")
    doc = Doc(
        VOCAB, words=words, spaces=spaces,
        heads=[int(row[1]) for row in rows], deps=[row[2] for row in rows], pos=[row[3] for row in rows],
        lemmas=[row[4] for row in rows], morphs=["" if row[5] == "_" else row[5] for row in rows],
    )
    assert doc.text == text.rstrip(), (doc.text, text)
    return doc


def actors(*mentions: tuple[int, int, str, str]) -> Actors:
    """Actors with one entity per ``(start, end, name, type)`` mention (token range)."""
    entities: list[EntityRec] = []
    by_token: dict[int, int] = {}
    for start, end, name, kind in mentions:
        idx = next((i for i, e in enumerate(entities) if e.name == name), None)
        if idx is None:
            idx = len(entities)
            entities.append(EntityRec(id=f"e{idx}", name=name, type=kind))
        entities[idx].mentions.append(MentionRec(start, end, "name", "ner"))
        by_token.update((i, idx) for i in range(start, end))
    return Actors(entities, by_token)


def quote_context(doc: Doc, *mentions: tuple[int, int, str, str]) -> QuoteContext:
    """The per-document context the quotation finders read: the Doc's quote-marked ranges and
    the actors of `mentions`."""
    text = doc.text
    marks = find_quote_marks(text)
    quoted = [(m.open_at, m.close_at + 1 if m.close_at is not None else m.end) for m in marks.spans]
    return QuoteContext(doc, actors(*mentions), text, quoted=quoted)


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
