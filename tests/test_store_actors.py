"""Corpus-level actor linking: the same person across articles is one actor, different full
names sharing a surname never are. Articles are built through the model (no spaCy needed)."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from presse.model import Article, Entity, Mention, Voice
from presse.store.actors import person_name
from presse.store.writer import StoreWriter, content_hash


def _article(text: str, names: list[tuple[str, str, list[str]]]) -> Article:
    """An article whose entities are the given (name, type, aliases), each mentioned where its
    name first occurs in ``text``."""
    entities = []
    voices = []
    for n, (name, type_, aliases) in enumerate(names, start=1):
        start = text.index(name)
        mention = Mention(start=start, end=start + len(name), text=name, kind="name")
        entities.append(
            Entity(id=f"e{n}", name=name, type=type_, aliases=aliases, mentions=[mention])  # type: ignore[arg-type]
        )
        voices.append(
            Voice(entity=f"e{n}", name=name, type=type_, mentions=1, quotes=0, quoted_words=0)  # type: ignore[arg-type]
        )
    return Article(text=text, entities=entities, voices=voices)


def _ingest(db: Path, articles: list[tuple[str, Article]]) -> None:
    with StoreWriter(db) as writer:
        for key, article in articles:
            writer.write_article(article, key=key, digest=content_hash(key, article.text))


def _actors(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT name, articles FROM actors WHERE articles > 0"))


MARINE = ("marine", _article("Marine Le Pen a tenu un meeting à Lyon.", [("Marine Le Pen", "PER", [])]))
JEAN_MARIE = (
    "jean-marie",
    _article("Jean-Marie Le Pen a été exclu du parti.", [("Jean-Marie Le Pen", "PER", [])]),
)
LE_PEN = ("le-pen", _article("Le Pen a répondu aux journalistes.", [("Le Pen", "PER", [])]))


@pytest.mark.parametrize(
    ("name", "surname", "full"),
    [
        ("Marine Le Pen", "le pen", True),
        ("Jean-Marie Le Pen", "le pen", True),
        ("Emmanuel Macron", "macron", True),
        ("J. K. Rowling", "rowling", True),
        ("Le Pen", None, False),
        ("Poutine", None, False),
    ],
)
def test_store_actors_person_name_strips_given_names(name: str, surname: str | None, full: bool) -> None:
    parts = person_name(name)
    assert (parts.surname, parts.full) == (surname, full)


@pytest.mark.parametrize("order", list(itertools.permutations([MARINE, LE_PEN])))
def test_store_actors_surname_joins_the_only_full_name(tmp_path: Path, order) -> None:
    _ingest(tmp_path / "c.db", list(order))
    assert _actors(tmp_path / "c.db") == {"Marine Le Pen": 2}


@pytest.mark.parametrize("order", list(itertools.permutations([MARINE, JEAN_MARIE, LE_PEN])))
def test_store_actors_shared_surname_never_fuses_full_names(tmp_path: Path, order) -> None:
    _ingest(tmp_path / "c.db", list(order))
    assert _actors(tmp_path / "c.db") == {"Marine Le Pen": 1, "Jean-Marie Le Pen": 1, "Le Pen": 1}


def test_store_actors_knowledge_links_surname_and_full_name(tmp_path: Path) -> None:
    _ingest(
        tmp_path / "c.db",
        [
            ("a", _article("Poutine a parlé au téléphone.", [("Poutine", "PER", [])])),
            ("b", _article("Vladimir Poutine est arrivé.", [("Vladimir Poutine", "PER", [])])),
            ("c", _article("Vladimir Putin said no.", [("Vladimir Putin", "PER", [])])),
        ],
    )
    assert _actors(tmp_path / "c.db") == {"Vladimir Poutine": 3}


def test_store_actors_organisation_aliases_link(tmp_path: Path) -> None:
    _ingest(
        tmp_path / "c.db",
        [
            ("a", _article("L'ONU a voté une résolution.", [("ONU", "ORG", [])])),
            (
                "b",
                _article(
                    "L'Organisation des Nations unies (ONU) siège à New York.",
                    [("Organisation des Nations unies", "ORG", ["ONU"]), ("New York", "LOC", [])],
                ),
            ),
        ],
    )
    assert _actors(tmp_path / "c.db") == {"ONU": 2, "New York": 1}


def test_store_actors_replaced_article_releases_its_full_name(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _ingest(db, [MARINE, JEAN_MARIE, LE_PEN])
    # the Jean-Marie article is rewritten without him: « Le Pen » now means Marine alone
    rewritten = _article("Le parti a exclu un ancien dirigeant à Nanterre.", [("Nanterre", "LOC", [])])
    _ingest(db, [("jean-marie", rewritten)])
    assert _actors(db) == {"Marine Le Pen": 2, "Nanterre": 1}


def test_store_actors_unnamed_people_stay_in_their_article_groups_are_shared(tmp_path: Path) -> None:
    def with_collectives(text: str) -> Article:
        article = _article(text, [("l'homme", "PER", []), ("les policiers", "MISC", [])])
        for entity in article.entities:
            entity.collective = True
        return article

    db = tmp_path / "store.db"
    _ingest(db, [
        ("a", with_collectives("Selon les policiers, l'homme était armé.")),
        ("b", with_collectives("l'homme a fui quand les policiers sont arrivés.")),
    ])
    with sqlite3.connect(db) as conn:
        rows = sorted(conn.execute("SELECT name, articles FROM actors WHERE articles > 0"))
    assert rows == [("l'homme", 1), ("l'homme", 1), ("les policiers", 2)]
