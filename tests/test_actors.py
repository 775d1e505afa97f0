"""Actor resolution on small built sentences: collectives, unnamed people, acronyms, nicknames."""

from __future__ import annotations

import pytest

from presse.model import Article, Document


def _entities(analyzer, text: str) -> Article:
    return analyzer.analyze(Document(text=text))


def _by_name(article: Article) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in article.entities}


@pytest.mark.parametrize(
    ("text", "name", "type_", "mentions"),
    [
        # groups of people and bodies named by a common noun
        ("Les manifestants ont affirmé que les policiers avaient frappé des journalistes.", "les policiers", "MISC", ["les policiers"]),
        ("Selon la presse locale, la situation est calme.", "la presse locale", "ORG", ["la presse locale"]),
        ("Six soldats ont été blessés, a annoncé le ministère de la Défense.", "le ministère de la Défense", "ORG", ["le ministère de la Défense"]),
        ("Le gouvernement du Burundi refuse toute enquête.", "le gouvernement du Burundi", "ORG", ["Le gouvernement"]),
        # one unnamed person: an indefinite mention introduces them, a definite one continues
        ("Un homme a attrapé un garçon. L'homme a ensuite pris la fuite.", "l'homme", "PER", ["Un homme", "L'homme"]),
    ],
)
def test_actors_collectives(analyzer, text: str, name: str, type_: str, mentions: list[str]) -> None:
    found = _by_name(_entities(analyzer, text))
    assert found.get(name) == (type_, mentions), found


def test_actors_two_indefinite_sources_are_two_people(analyzer) -> None:
    article = _entities(
        analyzer,
        "Une source proche de l'enquête a parlé. Une autre source a démenti. "
        "Selon la source française proche de l'enquête, le suspect était armé.",
    )
    sources = {e.name: [m.text for m in e.mentions] for e in article.entities if "source" in e.name}
    assert len(sources) == 2, sources
    assert any(len(m) == 2 for m in sources.values()), sources


@pytest.mark.parametrize(
    ("text", "person", "description"),
    [
        # a description in apposition to a name, before or after it
        ("Une représentante du comité d'enquête, Oksana Kovrijnaïa, a parlé.", "Oksana Kovrijnaïa", "Une représentante du comité d'enquête"),
        ("Massimiliano Rebaudengo, le chef de mission de MSF, a parlé.", "Massimiliano Rebaudengo", "le chef de mission"),
        # a definite subject continuing the previous subject
        ("Alexandra Maquet représentera la France. La chanteuse s'est dite très honorée.", "Alexandra Maquet", "La chanteuse"),
    ],
)
def test_actors_description_joins_the_named_person(analyzer, text: str, person: str, description: str) -> None:
    found = _by_name(_entities(analyzer, text))
    assert description in found[person][1], found


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("L'Organisation des Nations unies (ONU) a publié un rapport. L'ONU s'inquiète.", "Organisation des Nations unies", "ONU"),
        # an acronym of another language, and the long form after the acronym
        ("Le Bureau de la coordination des affaires humanitaires (OCHA) alerte. Selon l'OCHA, la famine menace.", "Bureau de la coordination des affaires humanitaires", "OCHA"),
        ("Eugene Owusu, membre de l'Ocha (le Bureau pour la coordination des affaires humanitaires), a parlé.", "Bureau pour la coordination des affaires humanitaires", "Ocha"),
        # a nickname
        ("Alexandra Maquet dite Alma chantera à Kiev. Alma est confiante.", "Alexandra Maquet", "Alma"),
    ],
)
def test_actors_aliases(analyzer, text: str, name: str, alias: str) -> None:
    found = _by_name(_entities(analyzer, text))
    assert name in found and alias in found[name][1], found
    assert alias not in found, found


def test_actors_not_people(analyzer) -> None:
    article = _entities(
        analyzer,
        "La diplomatie russe affiche un président accueilli à Washington. Jean Dupont (PS) a parlé. "
        "Selon Ban Ki-moon, il s'agit d'une violation.",
    )
    found = _by_name(article)
    assert not any("président" in name for name in found), found  # an indefinite role: nobody in particular
    assert "PS" not in found.get("Jean Dupont", ("", []))[1], found  # a party after a person is no alias
    assert found["Ban Ki-moon"][1] == ["Ban Ki-moon"], found  # the impersonal "il s'agit" is nobody
