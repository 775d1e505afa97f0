"""Speakers from the context (presse.analyze.quotes.speaker_context): the antecedent of a
subject pronoun, agreeing in number and gender, on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, quote_context
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.speaker_context import antecedent, sentence_in_paragraph


def _two_sentences(noun: str, gender: str, pronoun: str) -> tuple[str, str]:
    text = f"Le {noun} est arrivé. {pronoun} a déclaré que tout allait bien."
    return text, f"""
    Le        1 det       DET   le       _
    {noun}    3 nsubj     NOUN  {noun}   Gender={gender}|Number=Sing
    est       3 aux:tense AUX   être     VerbForm=Fin
    arrivé    3 ROOT      VERB  arriver  VerbForm=Part
    .         3 punct     PUNCT .        _
    {pronoun} 7 nsubj     PRON  il       _
    a         7 aux:tense AUX   avoir    VerbForm=Fin
    déclaré   7 ROOT      VERB  déclarer VerbForm=Part
    que      10 mark      SCONJ que      _
    tout     10 nsubj     PRON  tout     _
    allait    7 ccomp     VERB  aller    VerbForm=Fin
    bien     10 advmod    ADV   bien     _
    .         7 punct     PUNCT .        _
    """


@pytest.mark.parametrize(
    ("noun", "gender", "pronoun", "found"),
    [
        ("ministre", "Fem", "Elle", "ministre"),
        ("ministre", "Masc", "Il", "ministre"),
        ("ministre", "Masc", "Elle", None),  # « elle » never stands for a man
        ("ministre", "Masc", "Ils", None),  # nor « ils » for one person
        ("bâtiment", "Masc", "Il", None),  # nor a pronoun for a thing, as a speaker
    ],
)
def test_quotes_speaker_context_antecedent_agrees(noun: str, gender: str, pronoun: str, found: str | None) -> None:
    doc = built(*_two_sentences(noun, gender, pronoun))
    start = doc.text.index("tout")
    q = QuoteRec(start, len(doc.text) - 1, "indirect", "indirect: reporting verb + que-clause", 0.85, cue=doc[7])
    tok = antecedent(quote_context(doc), doc[5], q)
    assert (tok.text if tok is not None else None) == found


def test_quotes_speaker_context_sentence_stops_at_a_paragraph_break() -> None:
    doc = built(
        "Titre\n« Nous partirons. »",
        """
        Titre      4 dislocated NOUN titre _
        ⏎          0 dep    SPACE ⏎       _
        «          4 punct  PUNCT «       _
        Nous       4 nsubj  PRON  nous    _
        partirons  4 ROOT   VERB  partir  VerbForm=Fin
        .          4 punct  PUNCT .       _
        »          4 punct  PUNCT »       _
        """,
    )
    assert sentence_in_paragraph(doc[3:5]) == (2, 7)
