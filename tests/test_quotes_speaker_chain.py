"""The speaker chain (presse.analyze.quotes.speaker_chain): a subject pronoun of a cue that its
actor cannot stand for takes the last voice it agrees with; on a hand-built parse and real text."""

from __future__ import annotations

import pytest

from conftest import speaker_name
from parses import actors, built
from presse.analyze.quotes import QuoteFinder
from presse.model import Document

THREE_VOICES = (
    'Marie Dupont a dit que tout allait bien. Jean Martin a dit que le dossier était vide. Elle a ajouté que tout irait mieux.',
    """
    Marie     3 nsubj       PROPN Marie        _
    Dupont    0 flat:name   PROPN Dupont       _
    a         3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
    dit       3 ROOT        VERB  dire         Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
    que       6 mark        SCONJ que          _
    tout      6 nsubj       PRON  tout         Gender=Masc|Number=Sing
    allait    3 ccomp       VERB  aller        Mood=Ind|Number=Sing|Tense=Imp|VerbForm=Fin
    bien      6 advmod      ADV   bien         _
    .         3 punct       PUNCT .            _
    Jean     12 nsubj       PROPN Jean         Gender=Fem|Number=Sing
    Martin    9 flat:name   PROPN Martin       Gender=Masc|Number=Sing
    a        12 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
    dit      12 ROOT        VERB  dire         Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
    que      17 mark        SCONJ que          _
    le       15 det         DET   le           Gender=Masc|Number=Sing
    dossier  17 nsubj       NOUN  dossier      Gender=Masc|Number=Sing
    était    17 cop         AUX   être         Mood=Ind|Number=Sing|Tense=Imp|VerbForm=Fin
    vide     12 ccomp       ADJ   vide         Gender=Masc|Number=Sing
    .        12 punct       PUNCT .            _
    Elle     21 nsubj       PRON  lui          Gender=Fem|Number=Sing
    a        21 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
    ajouté   21 ROOT        VERB  ajouter      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
    que      24 mark        SCONJ que          _
    tout     24 nsubj       PRON  tout         Gender=Masc|Number=Sing
    irait    21 ccomp       VERB  aller        Mood=Ind|Number=Sing|Tense=Imp|VerbForm=Fin
    mieux    24 obl:arg     ADV   mieux        _
    .        21 punct       PUNCT .            _
    """,
)


@pytest.mark.parametrize(
    ("genders", "speaker"),
    [
        # « Elle » tied to a man by the actor layer: the last woman who spoke
        (("f", "m"), "Marie Dupont"),
        # nothing says the man is one: the actor layer's reading stays
        (("f", None), "Jean Martin"),
    ],
)
def test_quotes_speaker_chain_pronoun_takes_the_last_voice_it_agrees_with(genders, speaker: str) -> None:
    doc = built(*THREE_VOICES)
    elle = next(t.i for t in doc if t.text == "Elle")
    found_actors = actors((0, 2, "Marie Dupont", "PER"), (9, 11, "Jean Martin", "PER"), (elle, elle + 1, "Jean Martin", "PER"))
    for entity, gender in zip(found_actors.entities, genders, strict=True):
        entity.gender, entity.gender_evidence = gender, "title" if gender else None
    quotes = QuoteFinder()(doc, found_actors)
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("tout allait bien", "Marie Dupont"),
        ("le dossier était vide", "Jean Martin"),
        ("tout irait mieux", speaker),
    ]
    assert quotes[-1].speaker.text == "Elle"  # the mention stays the pronoun


@pytest.mark.model
def test_quotes_speaker_chain_real_text(analyzer) -> None:
    text = (
        "L'avocate de la famille, Me Laure Benhamou, a déclaré jeudi que l'enquête devait être rouverte. "
        "Le procureur, M. Éric Mangin, estime que le dossier ne contient aucun élément nouveau. "
        "Elle a ajouté qu'elle saisirait la chambre de l'instruction."
    )
    article = analyzer.analyze(Document(text=text))
    by_text = {q.text: speaker_name(article, q) for q in article.quotes}
    assert by_text["elle saisirait la chambre de l'instruction"] == "Me Laure Benhamou"
    assert by_text["le dossier ne contient aucun élément nouveau"] == "Éric Mangin"
