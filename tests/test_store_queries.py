"""Read-only queries over a store of analyzed news texts: actors, quotes, search, articles, stats."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from presse.errors import UsageError
from presse.model import Article, Document
from presse.store import queries
from presse.store.writer import StoreWriter, document_hash

pytestmark = pytest.mark.model

DOCUMENTS = [
    Document(
        id="macron-1",
        published=date(2017, 6, 2),
        title="Macron répond à Trump sur le climat",
        text=(
            "Emmanuel Macron a déclaré : « Nous continuerons à travailler avec les États-Unis "
            "sur le climat. »\n\nLe président a reçu Angela Merkel à Paris."
        ),
    ),
    Document(
        id="macron-2",
        published=date(2017, 9, 12),
        title="Réforme du travail",
        text=(
            "« Je ne céderai rien, ni aux fainéants, ni aux cyniques », a affirmé le président "
            "Macron devant la communauté française d'Athènes.\n\nLes syndicats ont appelé à "
            "manifester."
        ),
    ),
    Document(
        id="merkel-1",
        published=date(2018, 3, 14),
        title="Angela Merkel réélue chancelière",
        text=(
            "Angela Merkel a été réélue chancelière par le Bundestag.\n\n"
            "« Je suis heureuse de la confiance qui m'est accordée », a-t-elle déclaré à Berlin."
        ),
    ),
]


@pytest.fixture(scope="module")
def analyzed(analyzer) -> list[Article]:
    return [analyzer.analyze(d) for d in DOCUMENTS]


@pytest.fixture(scope="module")
def store(analyzed: list[Article], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    with StoreWriter(db) as writer:
        for document, article in zip(DOCUMENTS, analyzed, strict=True):
            key, digest = document_hash(document)
            writer.write_article(article, key=key, digest=digest)
    return db


@pytest.fixture
def conn(store: Path):
    with closing(queries.connect_reader(store)) as connection:
        yield connection


def test_store_queries_actor_gathers_quotes_across_articles(conn) -> None:
    macron = next(a for a in queries.actors(conn, type_="PER") if a.name == "Emmanuel Macron")
    assert (macron.articles, macron.quotes) == (2, 2)
    assert (macron.first_seen, macron.last_seen) == (date(2017, 6, 2), date(2017, 9, 12))
    assert macron.voice == round(macron.quotes / macron.mentions, 3)


@pytest.mark.parametrize("sort", ["voice", "mentions", "quotes"])
def test_store_queries_actors_sorted(conn, sort: str) -> None:
    rows = queries.actors(conn, sort=sort, limit=None)  # type: ignore[arg-type]
    values = [getattr(r, sort) for r in rows]
    assert values == sorted(values, reverse=True)
    assert all(r.type == "LOC" for r in queries.actors(conn, type_="loc"))


@pytest.mark.parametrize("name", ["Macron", "Emmanuel Macron", "EMMANUEL MACRON", "emmanuel-macron"])
def test_store_queries_quotes_by_speaker(conn, name: str) -> None:
    rows = queries.quotes(conn, speaker=name)
    assert {r.article_id for r in rows} == {1, 2}
    assert {r.speaker for r in rows} == {"Emmanuel Macron"}
    assert [r.published for r in rows] == sorted((r.published for r in rows), reverse=True)


def test_store_queries_quotes_about_actor(conn) -> None:
    rows = queries.quotes(conn, about="Etats-Unis")
    assert len(rows) == 1
    assert "États-Unis" in rows[0].text and "États-Unis" in rows[0].about


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("etats-unis", "États-Unis"),
        ("Etats-Unis", "États-Unis"),
        ("ceder*", "céderai"),
        ('"confiance qui"', "confiance qui"),
        ("heureuse OR cyniques", "cyniques"),
    ],
)
def test_store_queries_search_ignores_accents(conn, search: str, expected: str) -> None:
    rows = queries.quotes(conn, search=search)
    assert any(expected in r.text for r in rows)


@pytest.mark.parametrize("search", ['"unterminated', "climat AND", "(travail"])
def test_store_queries_search_syntax_error_is_a_usage_error(conn, search: str) -> None:
    with pytest.raises(UsageError, match=r"^invalid search query: "):
        queries.quotes(conn, search=search)


def test_store_queries_dates_and_unknown_names_filter(conn) -> None:
    assert {r.published for r in queries.quotes(conn, since=date(2018, 1, 1))} == {date(2018, 3, 14)}
    assert all(r.published <= date(2017, 6, 30) for r in queries.quotes(conn, until=date(2017, 6, 30)))
    assert queries.quotes(conn, speaker="Personne Inconnue") == []


def test_store_queries_article_renders_the_stored_analysis(conn, analyzed: list[Article]) -> None:
    assert queries.article(conn, "1") == analyzed[0]
    assert queries.article(conn, "merkel-1") == analyzed[2]
    with pytest.raises(UsageError, match="no article"):
        queries.article(conn, "999")


def test_store_queries_stats_counts(conn, analyzed: list[Article]) -> None:
    result = queries.stats(conn)
    assert result.articles == 3
    assert result.quotes == sum(len(a.quotes) for a in analyzed)
    assert (result.first_date, result.last_date) == (date(2017, 6, 2), date(2018, 3, 14))
    assert result.models == (analyzed[0].model,)


def test_store_queries_reader_cannot_write(conn) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM quotes")


def test_store_queries_missing_store_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="presse ingest"):
        queries.connect_reader(tmp_path / "none.db")


def test_store_queries_articles_search(conn) -> None:
    assert [title for _, title in queries.search_articles(conn, "bundestag")] == [
        "Angela Merkel réélue chancelière"
    ]
