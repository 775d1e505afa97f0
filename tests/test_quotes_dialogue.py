"""Dialogue lines and signatures (presse.analyze.quotes.dialogue), on a hand-built parse."""

from __future__ import annotations

from parses import built, quote_context
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.dialogue import dialogue, signer

LINES = (
    "— Mon Dieu ! dit-il.\n— Jean Dupont, maire de Lyon",
    """
    —       4 punct     PUNCT —      _
    Mon     2 det       DET   mon    Poss=Yes
    Dieu    4 nsubj     PROPN Dieu   _
    !       2 punct     PUNCT !      _
    dit     4 ROOT      VERB  dire   VerbForm=Fin
    -il     4 nsubj     PRON  il     _
    .       4 punct     PUNCT .      _
    ⏎       6 dep       SPACE ⏎      _
    —       9 punct     PUNCT —      _
    Jean    9 ROOT      PROPN Jean   _
    Dupont  9 flat:name PROPN Dupont _
    ,      12 punct     PUNCT ,      _
    maire   9 appos     NOUN  maire  _
    de     14 case      ADP   de     _
    Lyon   12 nmod      PROPN Lyon   _
    """,
)
JEAN_DUPONT = (9, 11, "Jean Dupont", "PER")


def test_quotes_dialogue_a_dash_line_is_a_quotation_and_a_name_line_signs() -> None:
    doc = built(*LINES)
    ctx = quote_context(doc, JEAN_DUPONT)
    found = dialogue(ctx, find_quote_marks(doc.text).spans)
    assert [(doc.text[q.start : q.end], q.evidence, q.kind) for q in found] == [
        ("Mon Dieu ! dit-il.", "direct: dialogue line", "direct")
    ]
    assert [(at, tok.text) for at, tok in ctx.signatures] == [(doc.text.index("\n") + 1, "Jean")]


def test_quotes_dialogue_a_line_ending_like_a_sentence_signs_nothing() -> None:
    doc = built(*LINES)
    ctx = quote_context(doc, JEAN_DUPONT)
    assert signer(ctx, 2, doc.text.index("\n")) is None
    assert signer(ctx, doc.text.index("Jean"), len(doc.text)).text == "Jean"
