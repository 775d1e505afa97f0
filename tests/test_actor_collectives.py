"""Layer 5, collectives (presse.analyze.actors.collectives): common nouns that stand for an actor
no name was given to — hand-built parses of « <det> <noun> a dit . »."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from parses import parse
from presse.analyze.actors import ActorResolver
from presse.analyze.actors.collectives import apposed_name


def _said(det: str, noun: str, lemma: str, morph: str = "") -> Doc:
    return parse(
        [det, noun, "a", "dit", "."], [1, 3, 3, 3, 3], ["det", "nsubj", "aux:tense", "ROOT", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "PUNCT"], lemmas=[det, lemma, "avoir", "dire", "."], morphs=["", morph, "", "", ""],
    )


@pytest.mark.parametrize(
    ("det", "noun", "lemma", "morph", "expected"),
    [
        ("les", "policiers", "policier", "Number=Plur", ("les policiers", "MISC", None)),  # a group of people
        ("la", "police", "police", "Gender=Fem", ("la police", "ORG", None)),  # a body
        ("l'", "avocate", "avocate", "Gender=Fem", ("l'avocate", "PER", "f")),  # one unnamed person
        ("la", "ville", "ville", "Gender=Fem", None),  # a place, not a body that acts
        ("une", "police", "police", "Gender=Fem", None),  # no definite body
    ],
)
def test_collectives_common_noun_actor(det: str, noun: str, lemma: str, morph: str, expected: tuple[str, str, str | None] | None) -> None:
    actors = ActorResolver()(_said(det, noun, lemma, morph), date(2020, 1, 1))
    found = actors.entity_at(1)
    assert ((found.name, found.type, found.gender) if found is not None else None) == expected
    if found is not None:
        assert found.collective and [m.resolved_by for m in found.mentions] == ["collective"]


def test_collectives_capacity_is_nobody() -> None:
    # « Comme témoin , il a parlé . »: a capacity, not someone
    doc = parse(
        ["Comme", "témoin", ",", "il", "a", "parlé", "."], [1, 5, 5, 5, 5, 5, 5],
        ["case", "obl:mod", "punct", "nsubj", "aux:tense", "ROOT", "punct"],
        ["ADP", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
    )
    assert ActorResolver()(doc, date(2020, 1, 1)).entity_at(1) is None


# « La porte-parole , Marie Dupont , a dit . »: the name closes the apposition
APPOSED = parse(
    ["La", "porte-parole", ",", "Marie", "Dupont", ",", "a", "dit", "."],
    [1, 7, 7, 7, 3, 7, 7, 7, 7],
    ["det", "dislocated", "punct", "nsubj", "flat:name", "punct", "aux:tense", "ROOT", "punct"],
    ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB", "PUNCT"],
    ents=["O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"],
)


def test_collectives_description_in_apposition_is_the_named_person() -> None:
    actors = ActorResolver()(APPOSED, date(2020, 1, 1))
    person = actors.entity_at(3)
    assert person is not None and person.name == "Marie Dupont"
    assert actors.entity_at(1) is person and person.descriptions == ["La porte-parole"]
    assert [m.resolved_by for m in person.mentions] == ["apposition", "ner"]
    assert apposed_name(APPOSED, actors.entities, actors.by_token, 0, 2) == 3
