"""The edges of a mention (presse.analyze.actors.spans): what a name or description keeps."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from parses import VOCAB
from presse.analyze.actors.spans import as_noun_phrase, clean_name_span, trim_span


def _text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return doc[span[0] : span[1]].text if span is not None else None


@pytest.mark.parametrize(
    ("words", "start", "end", "expected"),
    [
        # an opening quote mark closed just after the range takes the closing mark in
        (["le", "parti", "«", "Les", "Républicains", "»", "a"], 0, 5, "le parti « Les Républicains »"),
        # an unpaired mark cuts the range
        (["TMC", "«", "Quotidien", "a"], 0, 3, "TMC"),
        (["En", "Marche", "»", "souhaite"], 0, 3, "En Marche"),
        (["»"], 0, 1, None),  # nothing left
    ],
)
def test_spans_trim_pairs_quote_marks(words: list[str], start: int, end: int, expected: str | None) -> None:
    doc = Doc(VOCAB, words=words)
    assert _text(doc, trim_span(doc, start, end)) == expected


@pytest.mark.parametrize(
    ("words", "label", "expected"),
    [
        (["l'", "ONU"], "ORG", "ONU"),  # the determiner is not the name
        (["Les", "Républicains"], "ORG", "Les Républicains"),  # a party's article is its name's
        (["Emmanuel", "Macron", "lundi"], "PER", "Emmanuel Macron"),  # no lower-case tail
        (["au", "Kremlin"], "LOC", "Kremlin"),  # nor a preposition before it
        (["lundi"], "MISC", None),  # a name starts with a capital
    ],
)
def test_spans_clean_name_span(words: list[str], label: str, expected: str | None) -> None:
    doc = Doc(VOCAB, words=words)
    assert _text(doc, clean_name_span(Span(doc, 0, len(words), label=label))) == expected


def test_spans_clean_name_span_reaches_over_a_compound_surname() -> None:
    doc = Doc(VOCAB, words=["Najat", "Vallaud", "-", "Belkacem", "a"], spaces=[True, False, False, True, False])
    assert _text(doc, clean_name_span(Span(doc, 0, 2, label="PER"))) == "Najat Vallaud-Belkacem"


@pytest.mark.parametrize(
    ("description", "expected"),
    [("du président russe", "le président russe"), ("Au ministre", "Le ministre"), ("aux élus", "les élus"), ("la ministre", "la ministre")],
)
def test_spans_description_read_as_noun_phrase(description: str, expected: str) -> None:
    assert as_noun_phrase(description) == expected
