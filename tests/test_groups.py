"""Coordinated speakers: persons named together where a speaker stands are one group actor named
by its members — hand-built parses for the rule, real sentences for the actor a user sees."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from presse.analyze.actors.groups import Coordination, find_coordinations, group_name, member_names
from presse.model import Document

VOCAB = spacy.blank("fr").vocab  # French lexical attributes (lower case forms)

# « Marie et Paul Dupont ont affirmé que … »
SUBJECT = Doc(
    VOCAB,
    words=["Marie", "et", "Paul", "Dupont", "ont", "affirmé", "que", "rien", "ne", "change"],
    heads=[5, 2, 0, 2, 5, 5, 9, 9, 9, 5],
    deps=["nsubj", "cc", "conj", "flat:name", "aux:tense", "ROOT", "mark", "nsubj", "advmod", "ccomp"],
    pos=["PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "SCONJ", "PRON", "ADV", "VERB"],
)
# « Paul Dupont a rencontré Marie et Anne Martin »: a coordination in object place
OBJECT = Doc(
    VOCAB,
    words=["Paul", "Dupont", "a", "rencontré", "Marie", "et", "Anne", "Martin"],
    heads=[3, 0, 3, 3, 3, 6, 4, 6],
    deps=["nsubj", "flat:name", "aux:tense", "ROOT", "obj", "cc", "conj", "flat:name"],
    pos=["PROPN", "PROPN", "AUX", "VERB", "PROPN", "CCONJ", "PROPN", "PROPN"],
)


@pytest.mark.parametrize(
    ("doc", "spans", "expected"),
    [
        (SUBJECT, {0: (0, 1, 0), 2: (2, 4, 1)}, [Coordination(0, 4, (0, 1))]),
        (OBJECT, {0: (0, 2, 0), 4: (4, 5, 1), 6: (6, 8, 2)}, []),
    ],
)
def test_groups_coordination_in_speaker_place(doc: Doc, spans: dict[int, tuple[int, int, int]], expected: list[Coordination]) -> None:
    person_at = {t: idx for start, end, idx in spans.values() for t in range(start, end)}
    found = find_coordinations(doc, person_at, {s: (start, end) for s, (start, end, _) in spans.items()})
    assert found == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Marie", "Paul Dupont"], "Marie Dupont et Paul Dupont"),  # the family name is shared
        (["Guy Chevrette", "Benoît Jugand"], "Guy Chevrette et Benoît Jugand"),
        (["Airbus", "Paul Dupont"], "Airbus et Paul Dupont"),  # not a first name: nothing shared
    ],
)
def test_groups_member_names(names: list[str], expected: str) -> None:
    assert group_name(member_names(names)) == expected


@pytest.mark.parametrize(
    ("text", "speaker", "members"),
    [
        ("Marie et Paul Dupont ont affirmé que la maison était vide.", "Marie Dupont et Paul Dupont", {"Marie Dupont", "Paul Dupont"}),
        (
            "Les parents de la victime, Jean Martin et Anne Martin, ont déclaré que rien ne changerait.",
            "Jean Martin et Anne Martin", {"Jean Martin", "Anne Martin"},
        ),
        (
            "Son pronostic vital n'est pas engagé, selon Jean-Yves Le Drian et Bernard Cazeneuve.",
            "Jean-Yves Le Drian et Bernard Cazeneuve", {"Jean-Yves Le Drian", "Bernard Cazeneuve"},
        ),
    ],
)
def test_groups_coordinated_speakers_are_one_group_actor(analyzer, text: str, speaker: str, members: set[str]) -> None:
    article = analyzer.analyze(Document(text=text))
    quote = article.quotes[0]
    group = article.entity(quote.speaker.entity or "")
    assert group is not None and group.name == speaker and group.type == "MISC"
    assert {e.name for e in article.entities if e.id in group.members} == members


def test_groups_plural_pronoun_continues_the_group(analyzer) -> None:
    article = analyzer.analyze(Document(text="Marie et Paul Dupont sont arrivés hier. Ils ont affirmé que la maison était vide."))
    assert article.quotes[0].speaker.name == "Marie Dupont et Paul Dupont"


def test_groups_coordinated_objects_stay_persons(analyzer) -> None:
    article = analyzer.analyze(Document(text="Paul Dupont a rencontré Marie Martin et Anne Martin. Il a déclaré que tout allait bien."))
    assert not any(e.members for e in article.entities)
