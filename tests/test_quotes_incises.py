"""Incises (presse.analyze.quotes.incises): a reporting verb with its subject after it, in or
after the words it reports, on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, quote_context
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.incises import bare_incise, final_incise, sentence_incise, split_incises
from sentences import CUT

BARE = (
    "La situation, a-t-il ajouté, est grave.",
    """
    La         1 det       DET   le        _
    situation  9 nsubj     NOUN  situation _
    ,          6 punct     PUNCT ,         _
    a          6 aux:tense AUX   avoir     VerbForm=Fin
    -t         6 expl:subj PRON  -t        _
    -il        6 nsubj     PRON  il        _
    ajouté     9 parataxis VERB  ajouter   Tense=Past|VerbForm=Part
    ,          6 punct     PUNCT ,         _
    est        9 cop       AUX   être      VerbForm=Fin
    grave      9 ROOT      ADJ   grave     _
    .          9 punct     PUNCT .         _
    """,
)
NO_COMMA = (
    "Le vol était annulé depuis hier précise la compagnie.",
    """
    Le         1 det        DET   le        _
    vol        3 nsubj:pass NOUN  vol       _
    était      3 aux:pass   AUX   être      VerbForm=Fin
    annulé     3 ROOT       VERB  annuler   Tense=Past|VerbForm=Part
    depuis     5 case       ADP   depuis    _
    hier       3 obl:mod    ADV   hier      _
    précise    3 parataxis  VERB  préciser  VerbForm=Fin
    la         8 det        DET   le        _
    compagnie  6 nsubj      NOUN  compagnie _
    .          3 punct      PUNCT .         _
    """,
)
CLOSING = (
    "« Tout va bien », bien que cela ne « dure pas », estime le maire.",
    """
    «        2 punct     PUNCT «       _
    Tout     2 nsubj     PRON  tout    _
    va      16 ccomp     VERB  aller   VerbForm=Fin
    bien     2 advmod    ADV   bien    _
    »        2 punct     PUNCT »       _
    ,       16 punct     PUNCT ,       _
    bien    11 mark      ADV   bien    _
    que      6 fixed     SCONJ que     _
    cela    11 nsubj     PRON  cela    _
    ne      11 advmod    ADV   ne      _
    «       11 punct     PUNCT «       _
    dure    16 advcl     VERB  durer   VerbForm=Fin
    pas     11 advmod    ADV   pas     _
    »       11 punct     PUNCT »       _
    ,       16 punct     PUNCT ,       _
    estime  16 ROOT      VERB  estimer VerbForm=Fin
    le      18 det       DET   le      _
    maire   16 nsubj     NOUN  maire   _
    .       16 punct     PUNCT .       _
    """,
)


def test_quotes_incises_split_cuts_a_quotation_in_two() -> None:
    doc = built(*CUT)
    pieces, incise = split_incises(doc, find_quote_marks(doc.text).spans[0])
    assert incise is not None and incise.text == "dit"
    assert [doc.text[p.start : p.end] for p in pieces] == ["Nous partirons", "dès demain."]


def test_quotes_incises_split_leaves_a_quotation_without_incise_whole() -> None:
    doc = built(*CLOSING)
    span = find_quote_marks(doc.text).spans[0]
    assert split_incises(doc, span) == ([span], None)


def test_quotes_incises_sentence_incise_past_more_quoted_words() -> None:
    doc = built(*CLOSING)
    verb = sentence_incise(doc, find_quote_marks(doc.text).spans[0])
    assert verb is not None and verb.text == "estime"


@pytest.mark.parametrize(
    ("parse", "verb", "words", "speaker", "evidence"),
    [
        (BARE, 6, "La situation, a-t-il ajouté, est grave", "-il", "indirect: incise"),
        (NO_COMMA, 6, "Le vol était annulé depuis hier", "compagnie", "indirect: incise closing the sentence, no comma"),
    ],
)
def test_quotes_incises_report_the_rest_of_the_sentence(
    parse: tuple[str, str], verb: int, words: str, speaker: str, evidence: str
) -> None:
    doc = built(*parse)
    ctx = quote_context(doc)
    rec = bare_incise(ctx, doc[verb]) if evidence == "indirect: incise" else final_incise(ctx, doc[:])
    assert rec is not None
    assert (doc.text[rec.start : rec.end], rec.speaker.text, rec.evidence, rec.cue.text) == (words, speaker, evidence, doc[verb].text)


def test_quotes_incises_a_subject_before_the_verb_is_no_incise() -> None:
    doc = built(
        "Le vol était annulé mais la compagnie précise la règle.",
        """
        Le         1 det        DET   le        _
        vol        3 nsubj:pass NOUN  vol       _
        était      3 aux:pass   AUX   être      VerbForm=Fin
        annulé     3 ROOT       VERB  annuler   Tense=Past|VerbForm=Part
        mais       7 cc         CCONJ mais      _
        la         6 det        DET   le        _
        compagnie  7 nsubj      NOUN  compagnie _
        précise    3 conj       VERB  préciser  VerbForm=Fin
        la         9 det        DET   le        _
        règle      7 obj        NOUN  règle     _
        .          3 punct      PUNCT .         _
        """,
    )
    assert final_incise(quote_context(doc), doc[:]) is None
