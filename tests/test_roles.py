"""Role nouns are people, never the organisation in their complement, and a role description
names its holder (presse.analyze.actors.roles)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parses import VOCAB
from presse.analyze.actors.roles import RoleDescription, role_description_at
from presse.model import Document


@pytest.mark.parametrize(
    ("text", "speaker", "type_"),
    [
        (
            "Une porte-parole du Department of Parks and Recreation a déclaré que « l'œuvre est "
            "illégale ».",
            "la porte-parole du Department of Parks and Recreation", "PER",
        ),
    ],
)
def test_roles_speaker_is_the_person_not_the_organisation(analyzer, text: str, speaker: str, type_: str) -> None:
    article = analyzer.analyze(Document(text=text))
    quote = article.quotes[0]
    entity = next(e for e in article.entities if e.id == quote.speaker.entity)
    assert (entity.name, entity.type) == (speaker, type_)


def test_roles_one_person_is_not_the_group_of_the_same_noun(analyzer) -> None:
    article = analyzer.analyze(Document(text=(
        "Les chauffeurs de bus ou de métro se plaignent des agressions. Selon le chauffeur, la "
        "direction aurait préféré défendre le voyageur. Le chauffeur déclare qu'avant, tout le "
        "monde validait son titre de transport."
    )))
    speakers = {q.speaker.name for q in article.quotes if q.speaker}
    assert speakers == {"le chauffeur"}


def _words(*words: str) -> Doc:
    return Doc(VOCAB, words=list(words))


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (_words("le", "président", "russe", "a"), RoleDescription(0, 3, "président", "head_of_state", "m", "Russie")),
        (_words("la", "Première", "ministre", "du", "Royaume-Uni"), RoleDescription(0, 5, "première ministre", "head_of_government", "f", "Royaume-Uni")),
        (_words("son", "homologue", "américain"), RoleDescription(0, 3, "homologue", "counterpart", "mf", "États-Unis")),
        (_words("le", "président", "a"), RoleDescription(0, 2, "président", "head_of_state", "m", None)),  # a bare role
        (_words("l'", "ancien", "président", "russe"), None),  # a former holder is nobody's role today
        (_words("un", "président"), None),  # no definite description
    ],
)
def test_roles_description_at(doc: Doc, expected: RoleDescription | None) -> None:
    assert role_description_at(doc, 0) == expected
