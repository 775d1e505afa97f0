"""Names of actors known by a common noun (presse.analyze.actors.collective_names): the fullest
description the article gives, and the restricting words that tell two such actors apart —
hand-built parses where the construction is the point, real sentences through the analyzer."""

from __future__ import annotations

from datetime import date

import pytest

from parses import parse
from presse.analyze.actors import ActorResolver
from presse.analyze.actors.collective_names import compatible
from presse.model import Document


def test_actors_collective_names_participle_is_part_of_the_name() -> None:
    # « Les éleveurs réunis à Vire ont dit . »: the participle restricts which breeders
    doc = parse(
        ["Les", "éleveurs", "réunis", "à", "Vire", "ont", "dit", "."], [1, 6, 1, 4, 2, 6, 6, 6],
        ["det", "nsubj", "acl", "case", "obl:mod", "aux:tense", "ROOT", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "PROPN", "AUX", "VERB", "PUNCT"],
        lemmas=["le", "éleveur", "réunir", "à", "Vire", "avoir", "dire", "."],
        morphs=["", "Number=Plur", "VerbForm=Part", "", "", "", "", ""],
    )
    found = ActorResolver()(doc, date(2020, 1, 1)).entity_at(1)
    assert found is not None and found.name == "les éleveurs réunis à Vire"


def test_actors_collective_names_infinitive_clause_is_not_part_of_the_name() -> None:
    # « Ils ont vu les policiers arriver . »: what the policemen do, not which policemen
    doc = parse(
        ["Ils", "ont", "vu", "les", "policiers", "arriver", "."], [2, 2, 2, 4, 2, 4, 2],
        ["nsubj", "aux:tense", "ROOT", "det", "obj", "acl", "punct"],
        ["PRON", "AUX", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["il", "avoir", "voir", "le", "policier", "arriver", "."],
        morphs=["", "", "", "", "Number=Plur", "VerbForm=Inf", ""],
    )
    found = ActorResolver()(doc, date(2020, 1, 1)).entity_at(4)
    assert found is not None and found.name == "les policiers"


@pytest.mark.parametrize(
    ("seen", "new", "one_actor"),
    [
        (set(), set(), True),  # « les autorités » … « les autorités »
        ({"irakien"}, set(), True),  # a bare mention continues the restricted group
        ({"proche", "enquete"}, {"francais", "proche", "enquete"}, True),  # told more fully
        ({"russe"}, {"securite", "aerien", "dubai"}, False),  # two different authorities
        (set(), {"local"}, False),  # « les autorités locales » after « les autorités »
        (set(), {"autre"}, False),  # « d'autres policiers »
    ],
)
def test_actors_collective_names_compatible(seen: set[str], new: set[str], one_actor: bool) -> None:
    assert compatible(frozenset(seen), frozenset(new)) is one_actor


@pytest.mark.parametrize(
    ("seen", "new", "one_actor"),
    [
        (set(), {"madrilene"}, True),  # « la police » … « la police madrilène »: one police
        ({"madrilene"}, {"autre"}, False),
    ],
)
def test_actors_collective_names_compatible_body(seen: set[str], new: set[str], one_actor: bool) -> None:
    assert compatible(frozenset(seen), frozenset(new), body=True) is one_actor


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Les autorités russes ont démenti toute implication. Les autorités de la sécurité "
            "aérienne de Dubai ont indiqué qu'une enquête était ouverte.",
            ["les autorités russes", "les autorités de la sécurité aérienne de Dubai"],
        ),
        (
            "Une source proche de l'enquête a confirmé l'arrestation. « Il a avoué », a précisé "
            "la source française proche de l'enquête.",
            ["la source française proche de l'enquête"] * 2,
        ),
        (
            "Des policiers ont été blessés samedi. D'autres policiers ont affirmé que la "
            "manifestation était calme.",
            ["les autres policiers"],
        ),
        (
            "Les éleveurs réunis à Vire ont affirmé que le prix du lait était trop bas.",
            ["les éleveurs réunis à Vire"],
        ),
        (  # the bare noun continues the body named with its complement
            "Jérôme Cahuzac a été condamné par le tribunal correctionnel de Paris. Le tribunal a "
            "établi que les détournements s'étaient poursuivis.",
            ["le tribunal correctionnel de Paris"],
        ),
        (
            "Un chameau a été capturé samedi par les pompiers de l'Essonne. Selon les pompiers, "
            "son propriétaire est rapidement venu le récupérer.",
            ["les pompiers de l'Essonne"],
        ),
    ],
)
def test_actors_collective_names_speaker_is_named_by_fullest_description(
    analyzer, text: str, speakers: list[str]
) -> None:
    article = analyzer.analyze(Document(text=text))
    assert [q.speaker.name for q in article.quotes] == speakers
