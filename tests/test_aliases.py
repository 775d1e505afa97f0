"""Names of one actor: acronyms and their expansions, the edges of a name (aliases.py)."""

from __future__ import annotations

import pytest

from presse.analyze.actors.aliases import initials, spells
from presse.model import Document


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Paris Saint-Germain", "PSG"),
        ("Confédération générale du travail", "CGT"),
        ("Organisation des Nations unies", "ONU"),
        ("régie autonome des transports parisiens", "RATP"),
    ],
)
def test_aliases_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("PSG", "Paris Saint-Germain", True),
        ("ONU", "Nations unies", True),  # from the acronyms lexicon
        ("ONU", "Union européenne", False),
        ("PSG", "PSG", False),
        ("UE", "Ukraine", False),  # one word spells no acronym
    ],
)
def test_aliases_spells(acronym: str, name: str, expected: bool) -> None:
    assert spells(acronym, name) is expected


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Le PSG a battu Lyon. Le Paris Saint-Germain a annoncé que Neymar restait.",
            "Paris Saint-Germain", ["PSG", "Paris Saint-Germain"],
        ),
        (
            "Au moins cinq écoles ont été bombardées, a affirmé l'ONU. Les Nations unies n'ont "
            "pas attribué la responsabilité des tirs.",
            "Nations unies", ["ONU", "Nations unies"],
        ),
        (
            "La régie autonome des transports parisiens (RATP) aurait embauché des médiateurs.",
            "régie autonome des transports parisiens", ["RATP"],
        ),
    ],
)
def test_aliases_acronym_and_expansion_are_one_actor(analyzer, text: str, name: str, mentions: list[str]) -> None:
    article = analyzer.analyze(Document(text=text))
    found = {e.name: [m.text for m in e.mentions] for e in article.entities}
    assert found.get(name) == mentions, found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Cinq écoles ont été bombardées, a affirmé l'ONU lundi.", "ONU"),
        ("Le Canard enchaîné révèle aujourd'hui que le ministre a reçu des costumes.", "Canard enchaîné"),
    ],
)
def test_aliases_name_edges(analyzer, text: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert [q.speaker.name for q in article.quotes if q.speaker] == [speaker]
