"""The per-document context of the quotation finders (presse.analyze.quotes.context)."""

from __future__ import annotations

import pytest

from parses import built, quote_context

DOC = (
    "Selon lui, la ministre a reçu « la plainte » des habitants et de Jean Dupont.",
    """
    Selon      1 case      ADP   selon     _
    lui        6 obl:mod   PRON  lui       _
    ,          6 punct     PUNCT ,         _
    la         4 det       DET   le        _
    ministre   6 nsubj     NOUN  ministre  _
    a          6 aux:tense AUX   avoir     VerbForm=Fin
    reçu       6 ROOT      VERB  recevoir  Tense=Past|VerbForm=Part
    «          9 punct     PUNCT «         _
    la         9 det       DET   le        _
    plainte    6 obj       NOUN  plainte   _
    »          9 punct     PUNCT »         _
    des       12 case      ADP   de        _
    habitants  9 nmod      NOUN  habitant  _
    et        16 cc        CCONJ et        _
    de        16 case      ADP   de        _
    Jean      12 conj      PROPN Jean      _
    Dupont    15 flat:name PROPN Dupont    _
    .          6 punct     PUNCT .         _
    """,
)


@pytest.mark.parametrize(
    ("i", "plausible"),
    [
        (1, True),  # « selon lui »
        (4, True),  # a person noun
        (12, True),  # an agent noun
        (9, False),  # a thing
        (15, True),  # an actor
        (6, False),  # a verb
    ],
)
def test_quotes_context_plausible_speaker(i: int, plausible: bool) -> None:
    doc = built(*DOC)
    ctx = quote_context(doc, (15, 17, "Jean Dupont", "PER"))
    assert ctx.plausible_speaker(doc[i]) is plausible


def test_quotes_context_in_quote_and_actor_type() -> None:
    doc = built(*DOC)
    ctx = quote_context(doc, (15, 17, "Jean Dupont", "PER"))
    assert [t.text for t in doc if ctx.in_quote(t)] == ["«", "la", "plainte", "»"]
    assert (ctx.actor_type(doc[16]), ctx.actor_type(doc[4])) == ("PER", None)
