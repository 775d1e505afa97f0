"""A name the NER took for a person but an organisation noun introduces is an organisation
(presse.analyze.actors.name_types, presse.analyze.actors.names.name_context)."""

from __future__ import annotations

import pytest

from presse.analyze.actors.name_types import NameContext, checked_type
from presse.model import Document


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Stellantis", NameContext(organisation_cue=True), "ORG"),
        ("Stellantis", NameContext(), "PER"),  # nothing says otherwise: the NER's vote
        ("Carlos Tavares", NameContext(organisation_cue=True), "PER"),  # a first name and a surname
        ("Tavares", NameContext(organisation_cue=True, person_cue=True), "PER"),  # « le patron Tavares »
    ],
)
def test_actors_name_types_organisation_cue(name: str, context: NameContext, expected: str) -> None:
    assert checked_type(name, "PER", context).type == expected


def test_actors_name_types_organisation_description_then_speaks(analyzer) -> None:
    # constructions-fr constr-04a: once Stellantis is an organisation, « le groupe » is Stellantis
    article = analyzer.analyze(Document(text=(
        "Le constructeur automobile Stellantis va supprimer 600 postes sur son site de Poissy. Le "
        "groupe a annoncé mardi que ces départs se feraient uniquement sur la base du volontariat."
    )))
    assert article.quotes[0].speaker.name == "Stellantis"
    assert next(e for e in article.entities if e.name == "Stellantis").type == "ORG"
