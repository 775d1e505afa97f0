"""Reports by attribute (presse.analyze.quotes.attributes): « X se dit / s'estime + attribute »,
« Y a été jugé(e) … par X », on hand-built parses and real sentences."""

from __future__ import annotations

import pytest

from conftest import quote_with_text, speaker_name
from parses import built, quote_context
from presse.analyze.quotes.attributes import attribute_report
from presse.model import Document

# each: text, parse, index of the verb, (span, evidence, speaker head) or None
ATTRIBUTES = {
    "se dire + attribute (tagged as a noun)": (
        "Marie Dupont s'est dite satisfaite des résultats.",
        """
        Marie        4 nsubj       PROPN Marie        _
        Dupont       0 flat:name   PROPN Dupont       _
        s'           4 expl:comp   PRON  se           Reflex=Yes
        est          4 aux:tense   AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        dite         4 ROOT        VERB  dire         Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part
        satisfaite   4 xcomp       NOUN  satisfaite   Gender=Fem|Number=Sing
        des          7 det         ADP   de           Number=Plur
        résultats    5 obj         NOUN  résultat     Gender=Masc|Number=Plur
        .            4 punct       PUNCT .            _
        """,
        4,
        ('satisfaite des résultats', "indirect: se dire / s'estimer + attribute", 'Marie'),
    ),
    "s'estimer + prepositional attribute and its purpose": (
        "Le gouvernement s'estime en bonne voie pour atteindre son objectif.",
        """
        Le             1 det         DET   le           Gender=Masc|Number=Sing
        gouvernement   3 nsubj       NOUN  gouvernement Gender=Masc|Number=Sing
        s'             3 expl:comp   PRON  se           Reflex=Yes
        estime         3 ROOT        VERB  estime       Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        en             6 case        ADP   en           _
        bonne          6 amod        ADJ   bon          Gender=Fem|Number=Sing
        voie           3 obl:arg     NOUN  voie         Gender=Fem|Number=Sing
        pour           8 mark        ADP   pour         _
        atteindre      3 advcl       VERB  atteindre    VerbForm=Inf
        son           10 det         DET   son          Number=Sing
        objectif       8 obj         NOUN  objectif     Gender=Masc|Number=Sing
        .              3 punct       PUNCT .            _
        """,
        3,
        ('en bonne voie pour atteindre son objectif', "indirect: se dire / s'estimer + attribute", 'gouvernement'),
    ),
    "passive judgement with an agent": (
        'La mesure a été jugée insuffisante par le syndicat.',
        """
        La             1 det         DET   le           Gender=Fem|Number=Sing
        mesure         4 nsubj:pass  NOUN  mesure       Gender=Fem|Number=Sing
        a              4 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        été            4 aux:pass    AUX   être         Tense=Past|VerbForm=Part
        jugée          4 ROOT        VERB  juger        Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass
        insuffisante   4 xcomp       ADJ   insuffisant  Gender=Fem|Number=Sing
        par            8 case        ADP   par          _
        le             8 det         DET   le           Gender=Masc|Number=Sing
        syndicat       4 obl:agent   NOUN  syndicat     Gender=Masc|Number=Sing
        .              4 punct       PUNCT .            _
        """,
        4,
        ('La mesure a été jugée insuffisante', 'indirect: passive judgement + agent', 'syndicat'),
    ),
    "qualifiée de … par X, the agent hung on the attribute": (
        "La réforme a été qualifiée de catastrophe par l'opposition.",
        """
        La            1 det         DET   le           Gender=Fem|Number=Sing
        réforme       4 nsubj:pass  NOUN  réforme      Gender=Fem|Number=Sing
        a             4 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        été           4 aux:pass    AUX   être         Tense=Past|VerbForm=Part
        qualifiée     4 ROOT        VERB  qualifier    Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass
        de            6 case        ADP   de           _
        catastrophe   4 obl:arg     NOUN  catastrophe  Gender=Fem|Number=Sing
        par           9 case        ADP   par          _
        l'            9 det         DET   le           Number=Sing
        opposition    6 nmod        NOUN  opposition   Gender=Fem|Number=Sing
        .             4 punct       PUNCT .            _
        """,
        4,
        ('La réforme a été qualifiée de catastrophe', 'indirect: passive judgement + agent', 'opposition'),
    ),
    "se déclarer candidat is an act": (
        "Le maire s'est déclaré candidat.",
        """
        Le         1 det         DET   le           Gender=Masc|Number=Sing
        maire      4 nsubj       NOUN  maire        Gender=Masc|Number=Sing
        s'         4 expl:comp   PRON  se           Reflex=Yes
        est        4 aux:tense   AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        déclaré    4 ROOT        VERB  déclarer     Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        candidat   4 xcomp       NOUN  candidat     Gender=Masc|Number=Sing
        .          4 punct       PUNCT .            _
        """,
        4,
        None,
    ),
    "jugé par a court, no attribute": (
        "L'accusé a été jugé par le tribunal pour fraude.",
        """
        L'         1 det         DET   le           Number=Sing
        accusé     4 nsubj:pass  NOUN  accusé       Gender=Masc|Number=Sing
        a          4 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        été        4 aux:pass    AUX   être         Tense=Past|VerbForm=Part
        jugé       4 ROOT        VERB  juger        Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass
        par        7 case        ADP   par          _
        le         7 det         DET   le           Gender=Masc|Number=Sing
        tribunal   4 obl:agent   NOUN  tribunal     Gender=Masc|Number=Sing
        pour       9 case        ADP   pour         _
        fraude     7 nmod        NOUN  fraude       Gender=Fem|Number=Sing
        .          4 punct       PUNCT .            _
        """,
        4,
        None,
    ),
    "an attribute in quote marks is the agent's quotation": (
        'Il est décrit comme un « grand homme » par son collègue.',
        """
        Il         2 nsubj:pass  PRON  il           Gender=Masc|Number=Sing
        est        2 aux:pass    AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        décrit     2 ROOT        VERB  décrire      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass
        comme      7 case        ADP   comme        _
        un         7 det         DET   un           Gender=Masc|Number=Sing
        «          7 punct       PUNCT «            _
        grand      7 amod        ADJ   grand        Gender=Masc|Number=Sing
        homme      2 obl:mod     NOUN  homme        Gender=Masc|Number=Sing
        »          7 punct       PUNCT »            _
        par       11 case        ADP   par          _
        son       11 det         DET   son          Number=Sing
        collègue   7 nmod        NOUN  collègue     Number=Sing
        .          2 punct       PUNCT .            _
        """,
        2,
        None,
    ),
}


@pytest.mark.parametrize("name", list(ATTRIBUTES))
def test_quotes_attributes_report_by_attribute(name: str) -> None:
    text, table, verb, expected = ATTRIBUTES[name]
    doc = built(text, table)
    rec = attribute_report(quote_context(doc), doc[verb])
    found = (doc.text[rec.start : rec.end], rec.evidence, rec.speaker.text) if rec is not None else None
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Le gouvernement chinois a assoupli sa politique. Le gouvernement s'estime ainsi en bonne voie pour atteindre son objectif pour 2020 de 1,8 enfant par femme.",
            "en bonne voie pour atteindre son objectif pour 2020 de 1,8 enfant par femme",
            "le gouvernement chinois",
        ),
        (
            "Ce matin en Conseil des ministres, Emmanuel Macron s'est dit opposé au rétablissement de l’Impôt sur la fortune (ISF).",
            "opposé au rétablissement de l’Impôt sur la fortune (ISF)",
            "Emmanuel Macron",
        ),
        ("La mesure a été jugée insuffisante par la CGT.", "La mesure a été jugée insuffisante", "CGT"),
    ],
)
def test_quotes_attributes_real_sentences(analyzer, text: str, quote: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    found = quote_with_text(article, quote)
    assert found.kind == "indirect"
    assert speaker_name(article, found) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "L'ancien ministre s'est déclaré candidat lors d'une visite à Bobigny.",
        "Le père est décrit comme « un homme équilibré » par un ami d'enfance.",
    ],
)
def test_quotes_attributes_no_report(analyzer, text: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert [q.text for q in article.quotes if q.kind != "direct"] == []
