"""Stance in the corpus store: the `stance` table written with each article, kept in step with
corpus actors, migrated into existing stores, queried per actor and per pair, and exported —
on the Anchorage reference article and short French texts analyzed by presse."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from presse.analyze.polarity import THRESHOLD
from presse.model import Article, Document
from presse.store import queries
from presse.store.export import export
from presse.store.schema import MIGRATIONS
from presse.store.writer import StoreWriter, document_hash

pytestmark = pytest.mark.model

# "Dupont" alone is a surname-only person: its actor changes when full names appear
ACCUSATION = Document(id="accusation", text="Dupont a accusé Paul Lambert de mensonge.")
JEAN = Document(id="jean", text="Jean Dupont, maire de Lyon, a inauguré la nouvelle gare.")
PIERRE = Document(id="pierre", text="Pierre Dupont, député du Rhône, a voté contre le budget.")


def _write(db: Path, article: Article, key: str, digest: str | None = None) -> str:
    with StoreWriter(db) as writer:
        return writer.write_article(article, key=key, digest=digest or key)


def _write_document(db: Path, analyzer, document: Document) -> Article:
    article = analyzer.analyze(document)
    key, digest = document_hash(document)
    with StoreWriter(db) as writer:
        writer.write_article(article, key=key, digest=digest)
    return article


@pytest.fixture
def anchorage_db(tmp_path: Path, reference_article: Article) -> Path:
    db = tmp_path / "corpus.db"
    _write(db, reference_article, "anchorage")
    return db


@pytest.fixture
def reader(anchorage_db: Path) -> Iterator[sqlite3.Connection]:
    with closing(queries.connect_reader(anchorage_db)) as conn:
        yield conn


def _actor(conn: sqlite3.Connection, name: str) -> int:
    ids = queries.find_actors(conn, name)
    assert len(ids) == 1, (name, ids)
    return ids[0]


def _names(article: Article) -> dict[str, str]:
    return {e.id: e.name for e in article.entities}


def test_store_stance_rows_are_the_article_edges(reader: sqlite3.Connection, reference_article: Article) -> None:
    assert len(reference_article.stance) >= 10
    rows = reader.execute(
        "SELECT s.source_entity, s.target_entity, s.polarity, s.score, s.via, s.evidence_id, "
        "s.position, s.source_actor = se.actor_id AND s.target_actor = te.actor_id "
        "FROM stance s JOIN entities se ON se.article_id = s.article_id AND se.entity_id = s.source_entity "
        "JOIN entities te ON te.article_id = s.article_id AND te.entity_id = s.target_entity "
        "ORDER BY s.position, s.id"
    ).fetchall()
    expected = [
        (e.source, e.target, e.polarity, e.score, e.via, e.evidence_id, e.position, 1)
        for e in reference_article.stance
    ]
    assert rows == expected


def test_store_stance_replacing_an_article_replaces_its_rows(anchorage_db: Path, reference_article: Article) -> None:
    assert _write(anchorage_db, reference_article, "anchorage", digest="edited") == "replaced"
    with closing(sqlite3.connect(anchorage_db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM stance").fetchone()[0] == len(reference_article.stance)
        assert conn.execute("SELECT COUNT(DISTINCT article_id) FROM stance").fetchone()[0] == 1
        article_id = conn.execute("SELECT id FROM articles").fetchone()[0]
        assert conn.execute("SELECT MIN(article_id) FROM stance").fetchone()[0] == article_id


def test_store_stance_about_and_by_aggregate_per_counterpart(reader: sqlite3.Connection, reference_article: Article) -> None:
    names = _names(reference_article)
    trump, poutine = _actor(reader, "Donald Trump"), _actor(reader, "Vladimir Poutine")

    by_trump = {r.name: r for r in queries.stance_by(reader, trump)}
    moscou = by_trump["Moscou"]
    assert moscou.polarity.negative == moscou.polarity.count >= 1
    assert moscou.polarity.mean < -THRESHOLD and moscou.polarity.label == "negative"
    quotes = {q.id: q for q in reference_article.quotes}
    for evidence in moscou.evidence:
        if evidence.via == "quote":
            assert evidence.text == quotes[evidence.evidence_id].text
        else:
            assert evidence.text and "Moscou" in evidence.text

    about_poutine = {r.name: r for r in queries.stance_about(reader, poutine)}
    edges = [e for e in reference_article.stance if names[e.source] == "Donald Trump" and names[e.target] == "Vladimir Poutine"]
    from_trump = about_poutine["Donald Trump"].polarity
    assert from_trump.count == len(edges)
    assert from_trump.positive == sum(e.polarity == "positive" for e in edges)
    assert from_trump.negative == sum(e.polarity == "negative" for e in edges)
    assert from_trump.positive + from_trump.negative + from_trump.neutral == from_trump.count
    assert from_trump.mean == pytest.approx(sum(e.score for e in edges) / len(edges), abs=1e-3)
    # strongest evidence first, at most three
    scores = [abs(e.score) for e in about_poutine["Donald Trump"].evidence]
    assert scores == sorted(scores, reverse=True) and len(scores) == min(3, len(edges))
    # the same pairs read from both ends
    assert {r.name for r in queries.stance_about(reader, trump)} == {
        names[e.source] for e in reference_article.stance if names[e.target] == "Donald Trump" and names[e.source] != "Donald Trump"
    }
    assert queries.stance_about(reader, 999_999) == []


def test_store_stance_network_and_quote_edges(reader: sqlite3.Connection) -> None:
    trump, moscou = _actor(reader, "Donald Trump"), _actor(reader, "Moscou")
    pairs = queries.stance_network(reader)
    assert pairs[(trump, moscou)].label == "negative"
    assert all(source != target for source, target in pairs)
    # « menaçait Moscou de « … » »: Moscou is the cue's object, outside the quote, yet the
    # quote is about Moscou
    edges = {(s, t): n for s, t, n in queries.quote_edges(reader)}
    assert edges[(trump, moscou)] >= 1
    assert queries.stance_network(reader, since=date(2030, 1, 1)) == {}


def test_store_stance_follows_surname_relinking(tmp_path: Path, analyzer) -> None:
    db = tmp_path / "corpus.db"
    accusation = _write_document(db, analyzer, ACCUSATION)
    assert [(_names(accusation)[e.source], e.polarity) for e in accusation.stance] == [("Dupont", "negative")]

    def source_of_accusation() -> tuple[str, bool]:
        with closing(sqlite3.connect(db)) as conn:
            name, consistent = conn.execute(
                "SELECT a.name, s.source_actor = e.actor_id FROM stance s "
                "JOIN entities e ON e.article_id = s.article_id AND e.entity_id = s.source_entity "
                "JOIN actors a ON a.id = s.source_actor"
            ).fetchone()
            return name, bool(consistent)

    assert source_of_accusation() == ("Dupont", True)
    _write_document(db, analyzer, JEAN)  # the only Dupont with a full name: « Dupont » is him
    assert source_of_accusation() == ("Jean Dupont", True)
    _write_document(db, analyzer, PIERRE)  # two full names: « Dupont » is nobody in particular
    assert source_of_accusation() == ("Dupont", True)
    with closing(queries.connect_reader(db)) as conn:
        lambert = _actor(conn, "Paul Lambert")
        assert [r.name for r in queries.stance_about(conn, lambert)] == ["Dupont"]


def test_store_stance_migration_fills_existing_stores(anchorage_db: Path, analyzer, reference_article: Article) -> None:
    names = [name for name, _ in MIGRATIONS]
    later = names[names.index("0002_stance") + 1 :]  # undone too: the store predates them
    assert later == ["0003_analyzer_version", "0004_quote_part_of", "0006_quote_trails"]
    _write_document(anchorage_db, analyzer, ACCUSATION)
    # the store as an older presse left it: no stance table, and one analysis made before
    # presse computed stance
    with closing(sqlite3.connect(anchorage_db, isolation_level=None)) as conn:
        conn.execute("DROP TABLE stance")
        conn.execute("DELETE FROM migrations WHERE name = '0002_stance'")
        conn.execute("DROP INDEX articles_presse_version")
        conn.execute("DELETE FROM migrations WHERE name = '0003_analyzer_version'")
        conn.execute("DROP INDEX quotes_part_of")
        conn.execute("ALTER TABLE quotes DROP COLUMN part_of")
        conn.execute("DELETE FROM migrations WHERE name = '0004_quote_part_of'")
        for table in ("trail_clusters", "trail_wordings", "trail_shingles", "trail_quotes",
                      "article_copies", "article_bands"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM migrations WHERE name = '0006_quote_trails'")
        conn.execute(
            "UPDATE articles SET analysis = json_remove(analysis, '$.stance') WHERE doc_id = 'accusation'"
        )
    with closing(queries.connect_reader(anchorage_db)) as conn:  # read-only: not migrated
        assert not queries.has_stance(conn)
        assert queries.stance_by(conn, _actor(conn, "Donald Trump")) == []
        assert queries.stance_network(conn) == {}
    with StoreWriter(anchorage_db):
        pass
    with closing(sqlite3.connect(anchorage_db)) as conn:
        applied = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]
        assert applied == [name for name, _ in MIGRATIONS]
        per_article = dict(
            conn.execute(
                "SELECT a.doc_id IS NULL, COUNT(s.id) FROM articles a "
                "LEFT JOIN stance s ON s.article_id = a.id GROUP BY a.id"
            ).fetchall()
        )
        assert per_article == {1: len(reference_article.stance), 0: 0}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # an ingest of the unchanged article does not rewrite it, so it keeps no stance rows
    key, digest = document_hash(ACCUSATION)
    with StoreWriter(anchorage_db) as writer:
        assert writer.write_article(analyzer.analyze(ACCUSATION), key=key, digest=digest) == "unchanged"


def test_store_stance_exports(anchorage_db: Path, tmp_path: Path, reference_article: Article) -> None:
    with closing(queries.connect_reader(anchorage_db)) as conn:
        csv_paths = export(conn, "csv", tmp_path / "csv")
        export(conn, "parquet", tmp_path / "parquet")
        export(conn, "gexf", tmp_path / "net.gexf")
    assert {p.stem for p in csv_paths} == {"articles", "quotes", "actors", "stance", "trails"}
    table = pd.read_csv(tmp_path / "csv" / "stance.csv")
    parquet = pd.read_parquet(tmp_path / "parquet" / "stance.parquet")
    assert len(table) == len(parquet) == len(reference_article.stance)
    assert parquet["score"].dtype.kind == "f" and parquet["position"].dtype.kind == "i"
    quotes = {q.id: q.text for q in reference_article.quotes}
    for row in table.itertuples():
        assert row.quote == quotes[row.evidence_id] if row.via == "quote" else pd.isna(row.quote)
    moscou = table[(table.source == "Donald Trump") & (table.target == "Moscou")]
    assert set(moscou.polarity) == {"negative"}

    graph = nx.read_gexf(tmp_path / "net.gexf")
    labels = {node: data["label"] for node, data in graph.nodes(data=True)}
    polarity = {
        (labels[u], labels[v]): data.get("polarity")
        for u, v, data in graph.edges(data=True)
        if data["kind"] == "quote"
    }
    assert polarity[("Donald Trump", "Moscou")] < -THRESHOLD
    assert all(value is not None for value in polarity.values())
