"""A definite description in a speaker's place continues the named person in focus
(presse.analyze.actors.collectives with descriptions.speaker_position and pronouns.topic_person):
« Karim Benzema a été écarté. « … », a déclaré l'attaquant » — real sentences through the
analyzer, and hand-built parses of the speaker's places."""

from __future__ import annotations

import pytest

from parses import parse
from presse.analyze.actors.descriptions import speaker_position
from presse.model import Document

NEYMAR = (  # constructions-fr constr-02a: the description is the inverted subject of an incise
    "Neymar Jr a repris lundi l'entraînement collectif avec Santos après trois semaines "
    "d'absence pour une blessure à la cuisse. « Je me sens bien, j'ai hâte de retrouver le terrain "
    "devant nos supporters », a confié l'attaquant brésilien à la chaîne du club."
)
BENZEMA = (  # wikinews-fr-dev-f 2016_06_03-001: the named person was the agent « par X »
    "Selon les informations relatées par la presse nationale, cet acte ferait suite aux propos "
    "polémiques lancés par Karim Benzema ce mercredi 1 er juin. En effet, l'attaquant avait déclaré "
    "dans le Marca (journal espagnol) que Didier Deschamps « avait cédé à la pression raciste "
    "d'une partie de la France » en ne le sélectionnant pas pour participer à l'Euro 2016."
)
BAS = (  # wikinews-fr-test-d 2018_07_30-001: « selon » puts the description in a speaker's place
    "Philippe Bas, président de la commission, a présenté les difficultés pour une audition "
    "éventuelle d'Alexandre Benalla. Deux situations y font obstacle selon le sénateur."
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (NEYMAR, "Neymar Jr"),
        (BENZEMA, "Karim Benzema"),
        (BAS, "Philippe Bas"),
        # a complement that is an actor of its own: its spokesperson, not the person before
        ("Carlos Ghosn a contesté les accusations. « Rien n'est prouvé », a déclaré le porte-parole de Nissan.",
         "le porte-parole de Nissan"),
        # a possessive description is someone related to the person, not the person
        ("Gilles Ferrand a reconnu avoir utilisé la carte bancaire. Son avocate a demandé la relaxe "
         "partielle de son client.", "l'avocate"),
        # gender clash: someone else
        ("Carlos Ghosn a contesté les accusations. « Rien n'est prouvé », a déclaré la juge.", "la juge"),
    ],
)
def test_actors_epithets_description_continues_the_named_person(analyzer, text: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert article.quotes[-1].speaker.name == speaker


# « » , a déclaré la cinéaste . » / « » , a vu la cinéaste . »
def _incise(verb: str, lemma: str):
    return parse(
        ["«", "Oui", "»", ",", "a", verb, "la", "cinéaste", "."], [1, 5, 1, 5, 5, 5, 7, 5, 5],
        ["punct", "ccomp", "punct", "punct", "aux:tense", "ROOT", "det", "obj", "punct"],
        ["PUNCT", "INTJ", "PUNCT", "PUNCT", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["«", "oui", "»", ",", "avoir", lemma, "le", "cinéaste", "."],
    )


@pytest.mark.parametrize(("verb", "lemma", "place"), [("déclaré", "déclarer", True), ("vu", "voir", False)])
def test_actors_epithets_speaker_position_of_inverted_subject(verb: str, lemma: str, place: bool) -> None:
    assert speaker_position(_incise(verb, lemma)[7]) is place
