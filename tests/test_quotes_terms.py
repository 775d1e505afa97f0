"""Marks that hold no one's words (presse.analyze.quotes.terms), on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, quote_context
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.terms import (
    names_charge,
    naming_context,
    passive_without_agent,
    sentence_wording,
    shouted,
)

NAMED = (
    "L'opération « Sentinelle » a été renforcée.",
    """
    L'          1 det       DET   le         _
    opération   6 nsubj:pass NOUN opération  _
    «           3 punct     PUNCT «          _
    Sentinelle  1 appos     PROPN Sentinelle _
    »           3 punct     PUNCT »          _
    a           6 aux:tense AUX   avoir      VerbForm=Fin
    été         6 aux:pass  AUX   être       VerbForm=Part
    renforcée   6 ROOT      VERB  renforcer  Tense=Past|VerbForm=Part
    .           6 punct     PUNCT .          _
    """,
)
CHARGES = (
    "Il est soupçonné de « corruption », « fraude » et « recel ».",
    """
    Il          2 nsubj:pass PRON  il         _
    est         2 aux:pass   AUX   être       VerbForm=Fin
    soupçonné   2 ROOT       VERB  soupçonner Tense=Past|VerbForm=Part
    de          5 case       ADP   de         _
    «           5 punct      PUNCT «          _
    corruption  2 obl:arg    NOUN  corruption _
    »           5 punct      PUNCT »          _
    ,           9 punct      PUNCT ,          _
    «           9 punct      PUNCT «          _
    fraude      5 conj       NOUN  fraude     _
    »           9 punct      PUNCT »          _
    et         14 cc         CCONJ et         _
    «          14 punct      PUNCT «          _
    recel       5 conj       NOUN  recel      _
    »          14 punct      PUNCT »          _
    .           2 punct      PUNCT .          _
    """,
)
SHOUTED = (
    "Ils ont crié « Liberté ».",
    """
    Ils       2 nsubj     PRON  il       _
    ont       2 aux:tense AUX   avoir    VerbForm=Fin
    crié      2 ROOT      VERB  crier    Tense=Past|VerbForm=Part
    «         4 punct     PUNCT «        _
    Liberté   2 obj       NOUN  liberté  _
    »         4 punct     PUNCT »        _
    .         2 punct     PUNCT .        _
    """,
)
SENTENCED = (
    "Il est condamné à « trois mois de prison ».",
    """
    Il        2 nsubj:pass PRON  il       _
    est       2 aux:pass   AUX   être     VerbForm=Fin
    condamné  2 ROOT       VERB  condamner Tense=Past|VerbForm=Part
    à         6 case       ADP   à        _
    «         6 punct      PUNCT «        _
    trois     6 nummod     NUM   trois    _
    mois      2 obl:arg    NOUN  mois     _
    de        8 case       ADP   de       _
    prison    6 nmod       NOUN  prison   _
    »         6 punct      PUNCT »        _
    .         2 punct      PUNCT .        _
    """,
)


def _spans(parse: tuple[str, str]):
    doc = built(*parse)
    return doc, find_quote_marks(doc.text).spans


def test_quotes_terms_a_naming_noun_before_the_marks_makes_them_a_name() -> None:
    doc, spans = _spans(NAMED)
    tokens = doc.char_span(spans[0].start, spans[0].end, alignment_mode="expand")
    assert naming_context(doc, spans[0], tokens)


def test_quotes_terms_a_list_of_charges_reads_as_one() -> None:
    doc, spans = _spans(CHARGES)
    ctx = quote_context(doc)
    assert names_charge(ctx, spans[0])
    assert not names_charge(ctx, spans[1])  # alone, « fraude » follows no judicial word …
    ctx.charge_end = spans[0].close_at + 1
    assert names_charge(ctx, spans[1])  # … but it goes on the list the first charge opened


@pytest.mark.parametrize(
    ("predicate", "parse", "expected"),
    [(shouted, SHOUTED, True), (shouted, NAMED, False), (sentence_wording, SENTENCED, True), (sentence_wording, SHOUTED, False)],
)
def test_quotes_terms_what_stands_before_the_marks(predicate, parse: tuple[str, str], expected: bool) -> None:
    doc, spans = _spans(parse)
    assert predicate(doc, spans[0]) is expected


@pytest.mark.parametrize(("parse", "verb", "expected"), [(CHARGES, 2, True), (SHOUTED, 2, False)])
def test_quotes_terms_a_passive_without_agent_speaks_of_its_subject(parse: tuple[str, str], verb: int, expected: bool) -> None:
    assert passive_without_agent(built(*parse)[verb]) is expected
