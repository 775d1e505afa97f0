"""Object control (presse.analyze.quotes.control): « X a appelé Y à … », « X a menacé Y de … »,
on hand-built parses and real sentences."""

from __future__ import annotations

import pytest

from conftest import quote_with_text, speaker_name
from parses import built, quote_context
from presse.analyze.quotes.control import object_control
from presse.model import Document

# each: text, parse, index of the verb, (span, evidence, speaker head) or None
CONTROLLED = {
    "menacer Y de + noun phrase": (
        "Le syndicat a menacé la direction d'une grève illimitée.",
        """
        Le          1 det         DET   le           Gender=Masc|Number=Sing
        syndicat    3 nsubj       NOUN  syndicat     Gender=Masc|Number=Sing
        a           3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        menacé      3 ROOT        VERB  menacer      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        la          5 det         DET   le           Gender=Fem|Number=Sing
        direction   3 obj         NOUN  direction    Gender=Fem|Number=Sing
        d'          8 case        ADP   de           _
        une         8 det         DET   un           Gender=Fem|Number=Sing
        grève       5 nmod        NOUN  grève        Gender=Fem|Number=Sing
        illimitée   8 amod        ADJ   illimité     Gender=Fem|Number=Sing
        .           3 punct       PUNCT .            _
        """,
        3,
        ('une grève illimitée', 'indirect: reporting verb + addressee + noun phrase', 'syndicat'),
    ),
    "menacer Y de + infinitive hung on Y": (
        'Le syndicat a menacé la direction de bloquer les usines.',
        """
        Le          1 det         DET   le           Gender=Masc|Number=Sing
        syndicat    3 nsubj       NOUN  syndicat     Gender=Masc|Number=Sing
        a           3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        menacé      3 ROOT        VERB  menacer      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        la          5 det         DET   le           Gender=Fem|Number=Sing
        direction   3 obj         NOUN  direction    Gender=Fem|Number=Sing
        de          7 mark        ADP   de           _
        bloquer     5 acl         VERB  bloquer      VerbForm=Inf
        les         9 det         DET   le           Number=Plur
        usines      7 obj         NOUN  usine        Gender=Fem|Number=Plur
        .           3 punct       PUNCT .            _
        """,
        3,
        ('bloquer les usines', 'indirect: reporting verb + addressee + infinitive', 'syndicat'),
    ),
    "a named complement belongs to the addressee": (
        "Le gouvernement a menacé le ministre de l'Intérieur de poursuites.",
        """
        Le             1 det         DET   le           Gender=Masc|Number=Sing
        gouvernement   3 nsubj       NOUN  gouvernement Gender=Masc|Number=Sing
        a              3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        menacé         3 ROOT        VERB  menacer      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        le             5 det         DET   le           Gender=Masc|Number=Sing
        ministre       3 obj         NOUN  ministre     Gender=Masc|Number=Sing
        de             8 case        ADP   de           _
        l'             8 det         DET   le           Number=Sing
        Intérieur      5 nmod        NOUN  intérieur    Gender=Masc|Number=Sing
        de            10 case        ADP   de           _
        poursuites     8 nmod        NOUN  poursuite    Gender=Fem|Number=Plur
        .              3 punct       PUNCT .            _
        """,
        3,
        ('poursuites', 'indirect: reporting verb + addressee + noun phrase', 'gouvernement'),
    ),
    "inviter Y à + noun phrase is no report of words": (
        'La police a invité les habitants du quartier à la prudence.',
        """
        La          1 det         DET   le           Gender=Fem|Number=Sing
        police      3 nsubj       NOUN  police       Gender=Fem|Number=Sing
        a           3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        invité      3 ROOT        VERB  inviter      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        les         5 det         DET   le           Number=Plur
        habitants   3 obj         NOUN  habitant     Gender=Masc|Number=Plur
        du          7 case        ADP   de           Gender=Masc|Number=Sing
        quartier    5 nmod        NOUN  quartier     Gender=Masc|Number=Sing
        à          10 case        ADP   à            _
        la         10 det         DET   le           Gender=Fem|Number=Sing
        prudence    5 nmod        NOUN  prudence     Gender=Fem|Number=Sing
        .           3 punct       PUNCT .            _
        """,
        3,
        None,
    ),
    "inviter Y (with its complement) à + infinitive": (
        'La maire a invité les habitants du quartier à rester chez eux.',
        """
        La          1 det         DET   le           Gender=Fem|Number=Sing
        maire       3 nsubj       NOUN  maire        Gender=Masc|Number=Sing
        a           3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        invité      3 ROOT        VERB  inviter      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        les         5 det         DET   le           Number=Plur
        habitants   3 obj         NOUN  habitant     Gender=Masc|Number=Plur
        du          7 case        ADP   de           Gender=Masc|Number=Sing
        quartier    5 nmod        NOUN  quartier     Gender=Masc|Number=Sing
        à           9 mark        ADP   à            _
        rester      3 xcomp       VERB  rester       VerbForm=Inf
        chez       11 case        ADP   chez         _
        eux         9 obl:mod     PRON  lui          Gender=Masc|Number=Plur
        .           3 punct       PUNCT .            _
        """,
        3,
        ('rester chez eux', 'indirect: reporting verb + addressee + infinitive', 'maire'),
    ),
}


@pytest.mark.parametrize("name", list(CONTROLLED))
def test_quotes_control_addressee_told_to_act(name: str) -> None:
    text, table, verb, expected = CONTROLLED[name]
    doc = built(text, table)
    rec = object_control(quote_context(doc), doc[verb])
    found = (doc.text[rec.start : rec.end], rec.evidence, rec.speaker.text) if rec is not None else None
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "La Commission européenne a, ce mercredi 22 février, menacé l'Italie de sanctions financières.",
            "sanctions financières",
            "Commission européenne",
        ),
        ("La CGT a menacé la direction de bloquer les usines.", "bloquer les usines", "CGT"),
        (
            "Vers 15h10, Éric Drouet appelle les Gilets jaunes à se diriger vers République, suivis par une quinzaine de camions de CRS.",
            "se diriger vers République",
            "Éric Drouet",
        ),
    ],
)
def test_quotes_control_real_sentences(analyzer, text: str, quote: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    found = quote_with_text(article, quote)
    assert speaker_name(article, found) == speaker


@pytest.mark.model
def test_quotes_control_a_time_is_not_what_is_said(analyzer) -> None:
    article = analyzer.analyze(Document(text="Il a appelé son frère à midi."))
    assert article.quotes == []
