"""Stance in the corpus store: the `stance` and `relations` tables written with each article,
kept in step with corpus actors, migrated into existing stores, aggregated per pair (counts,
dates, swing), queried per actor strongest first, and exported — on the Anchorage reference
article and short French texts analyzed by presse."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from conftest import undo_gender_migration
from presse.analyze.polarity import THRESHOLD
from presse.model import Article, Document, Relation, StanceEdge
from presse.store import queries, stance
from presse.store.export import export
from presse.store.network import network_edges
from presse.store.schema import MIGRATIONS
from presse.store.writer import StoreWriter, document_hash

pytestmark = pytest.mark.model

# "Dupont" alone is a surname-only person: its actor changes when full names appear
ACCUSATION = Document(id="accusation", text="Dupont a accusé Paul Lambert de mensonge.")
JEAN = Document(id="jean", text="Jean Dupont, maire de Lyon, a inauguré la nouvelle gare.")
PIERRE = Document(id="pierre", text="Pierre Dupont, député du Rhône, a voté contre le budget.")
# one pair judged twice, hostile first and favourable later; one pair that only met
DATED = (
    Document(id="accuse", published=date(2020, 1, 10),
             text="Le ministre Jean Martin a accusé le député Paul Durand de mensonge."),
    Document(id="rencontre", published=date(2020, 2, 1),
             text="Emmanuel Macron a rencontré Angela Merkel à Berlin jeudi."),
    Document(id="felicite", published=date(2020, 3, 2),
             text="Le ministre Jean Martin a félicité le député Paul Durand pour son élection."),
)


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
    # issue 18: only edges with a carrier (about 7 on the reference article, 18 before)
    assert len(reference_article.stance) >= 5
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


def _with_neutral_edge(article: Article) -> tuple[Article, str]:
    """The article with one more stance edge, neutral, from Donald Trump to an actor he does
    not judge (as older analyses gave), and that actor's name."""
    trump = next(e.id for e in article.entities if e.name == "Donald Trump")
    judged = {e.target for e in article.stance if e.source == trump}
    other = next(e for e in article.entities if e.id not in judged | {trump} and e.type in {"PER", "ORG"})
    template = next(e for e in article.stance if e.source == trump)
    neutral = template.model_copy(update={"target": other.id, "polarity": "neutral", "score": 0.0})
    return article.model_copy(update={"stance": [*article.stance, neutral]}), other.name


def test_store_stance_about_and_by_strongest_first_without_neutral(
    tmp_path: Path, reference_article: Article
) -> None:
    article, unjudged = _with_neutral_edge(reference_article)
    _write(tmp_path / "corpus.db", article, "anchorage")
    reader = queries.connect_reader(tmp_path / "corpus.db")
    names = _names(article)
    trump, poutine = _actor(reader, "Donald Trump"), _actor(reader, "Vladimir Poutine")
    judged = [e for e in article.stance if e.polarity != "neutral" and e.source != e.target]
    assert reader.execute("SELECT COUNT(*) FROM stance").fetchone()[0] == len(article.stance)

    by_trump = stance.stance_by(reader, trump)
    expected = Counter(names[e.target] for e in judged if names[e.source] == "Donald Trump")
    assert {r.name: r.polarity.count for r in by_trump} == dict(expected)
    assert unjudged not in expected and "Vladimir Poutine" in expected
    # strongest first: the most judgments, then the strongest single score
    strength = [(r.polarity.count, r.polarity.strongest) for r in by_trump]
    assert strength == sorted(strength, reverse=True)
    text = " ".join(article.text.split())
    quotes = {q.id: q for q in article.quotes}
    relations = {r.id: r for r in article.relations}
    for row in by_trump:
        scores = [abs(e.score) for e in row.evidence]
        assert scores == sorted(scores, reverse=True) and 1 <= len(scores) <= 3
        assert row.polarity.strongest == pytest.approx(scores[0])
        for evidence in row.evidence:
            assert evidence.polarity in {"positive", "negative"}
            assert evidence.channel in {"quote", "reported", "act"}
            if evidence.via == "quote":  # the quote, or the sentence the analysis gave
                assert evidence.text == quotes[evidence.evidence_id].text or evidence.text in text
            else:  # the relation's sentence, read from the stored text
                relation = relations[evidence.evidence_id]
                assert relation.predicate_text in evidence.text and relation.object_text in evidence.text
    assert by_trump[[r.name for r in by_trump].index("Moscou")].polarity.label == "negative"

    from_trump = {r.name: r for r in stance.stance_about(reader, poutine)}["Donald Trump"].polarity
    pair = [e for e in judged if names[e.source] == "Donald Trump" and names[e.target] == "Vladimir Poutine"]
    assert len(pair) >= 2
    assert (from_trump.positive, from_trump.negative) == (
        sum(e.polarity == "positive" for e in pair), sum(e.polarity == "negative" for e in pair)
    )
    assert from_trump.mean == pytest.approx(sum(e.score for e in pair) / len(pair), abs=1e-3)
    # hostile, then warm: the reference article's swing
    ordered = sorted(pair, key=lambda e: e.position)
    assert (from_trump.first_polarity, from_trump.last_polarity) == (ordered[0].polarity, ordered[-1].polarity)
    assert from_trump.swing == "negative→positive"
    assert stance.stance_about(reader, 999_999) == []
    assert unjudged not in {p.target_name for p in stance.pair_stances(reader)}
    reader.close()
    # the actor page says so
    from fastapi.testclient import TestClient

    from presse.web.app import create_app

    page = TestClient(create_app(tmp_path / "corpus.db")).get(f"/actors/{poutine}").text
    row = next(r for r in page.split('<li class="stance-row"')[1:] if r.startswith(f' data-actor="{trump}"'))
    assert '<span class="swing">d’abord hostile, puis favorable</span>' in row


@pytest.fixture
def dated_db(tmp_path: Path, analyzer) -> tuple[Path, list[Article]]:
    db = tmp_path / "dated.db"
    return db, [_write_document(db, analyzer, document) for document in DATED]


def test_store_stance_pairs_aggregate_counts_dates_and_swing(dated_db: tuple[Path, list[Article]]) -> None:
    db, articles = dated_db
    judged = [
        e.polarity
        for a in articles
        for e in a.stance
        if e.polarity != "neutral" and (_names(a)[e.source], _names(a)[e.target]) == ("Jean Martin", "Paul Durand")
    ]
    with closing(queries.connect_reader(db)) as conn:
        martin, durand = _actor(conn, "Jean Martin"), _actor(conn, "Paul Durand")
        (pair,) = stance.pair_stances(conn, source=martin)
        assert (pair.target_id, pair.count) == (durand, len(judged))
        assert pair.negative == judged.count("negative") >= 1 and pair.positive == judged.count("positive") >= 1
        assert pair.label == stance.label_of(pair.positive, pair.negative)
        assert (pair.first_date, pair.last_date) == (date(2020, 1, 10), date(2020, 3, 2))
        assert (pair.first_polarity, pair.last_polarity) == ("negative", "positive")
        assert pair.swing == "negative→positive"
        # Macron only met Merkel: an act, no stance
        assert stance.pair_stances(conn, source=_actor(conn, "Emmanuel Macron")) == []
        (later,) = stance.pair_stances(conn, since=date(2020, 2, 1))
        assert (later.count, later.first_date, later.swing) == (judged.count("positive"), date(2020, 3, 2), None)
        assert [p.swing for p in stance.pair_stances(conn, until=date(2020, 1, 31))] == [None]


@pytest.mark.parametrize(
    ("positive", "negative", "label"),
    [(0, 1, "negative"), (3, 0, "positive"), (1, 2, "negative"), (2, 1, "positive"), (1, 1, "mixed"), (2, 3, "mixed")],
)
def test_store_stance_label_is_two_thirds_else_mixed(positive: int, negative: int, label: str) -> None:
    assert stance.label_of(positive, negative) == label


class _CuedEdge(StanceEdge):
    """A stance edge as issue 18's analysis gives it: with its channel, cue and evidence sentence."""

    channel: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


class _ReportedEdge(_CuedEdge):
    """A stance edge whose evidence sentence is named ``sentence``."""

    sentence_start: int | None = None
    sentence_end: int | None = None


class _ActRelation(Relation):
    """A relation with the verb lemma, effect and evidence sentence of issue 18."""

    lemma: str | None = None
    effect: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


def _strongest_of_its_pair(edges: list[StanceEdge], via: str, *, besides: StanceEdge | None = None) -> StanceEdge:
    """A judgment through ``via`` that is the strongest of its pair (so shown first), from
    another pair than ``besides``."""
    judged = [e for e in edges if e.polarity != "neutral" and e.source != e.target]
    return next(
        e
        for e in judged
        if e.via == via
        and (besides is None or (e.source, e.target) != (besides.source, besides.target))
        and abs(e.score) == max(abs(x.score) for x in judged if (x.source, x.target) == (e.source, e.target))
    )


def _sentence_of(text: str, position: int) -> tuple[int, int]:
    return max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1), text.index(".", position) + 1


def test_store_stance_keeps_cue_and_evidence_sentence_when_given(tmp_path: Path, reference_article: Article) -> None:
    from fastapi.testclient import TestClient

    from presse.web.app import create_app
    from presse.web.render import signed

    text = reference_article.text
    act = _strongest_of_its_pair(reference_article.stance, "relation")
    relation = next(r for r in reference_article.relations if r.id == act.evidence_id)
    start, end = _sentence_of(text, relation.position)
    told = _strongest_of_its_pair(reference_article.stance, "quote", besides=act)
    said = _sentence_of(text, told.position)
    no_cue = {"cue": None, "cue_start": None, "cue_end": None}

    def given(edge: StanceEdge) -> StanceEdge:
        if edge is act:
            return _CuedEdge(**{**edge.model_dump(), "channel": "act", "cue": relation.predicate_text,
                                "cue_start": relation.predicate_start, "cue_end": relation.predicate_end,
                                "evidence_start": start, "evidence_end": end})
        if edge is told:  # its sentence named `sentence`
            return _ReportedEdge(**{**edge.model_dump(), **no_cue, "channel": "reported", "evidence_start": None,
                                    "evidence_end": None, "sentence_start": said[0], "sentence_end": said[1]})
        return edge

    relations = [
        _ActRelation(**{**r.model_dump(), "lemma": "lemme", "effect": "negative", "evidence_start": start,
                        "evidence_end": end})
        if r is relation else r
        for r in reference_article.relations
    ]
    db = tmp_path / "cued.db"
    stance_given = [given(e) for e in reference_article.stance]
    _write(db, reference_article.model_copy(update={"stance": stance_given, "relations": relations}), "cued")

    def stored(edge: StanceEdge) -> tuple:
        return conn.execute(
            "SELECT channel, cue, cue_start, cue_end, evidence_start, evidence_end FROM stance "
            "WHERE evidence_id = ? AND source_entity = ? AND target_entity = ?",
            (edge.evidence_id, edge.source, edge.target),
        ).fetchone()

    with closing(queries.connect_reader(db)) as conn:
        cue = (relation.predicate_text, relation.predicate_start, relation.predicate_end)
        assert stored(act) == ("act", *cue, start, end)
        assert stored(told) == ("reported", None, None, None, *said)
        assert conn.execute(
            "SELECT lemma, effect, evidence_start, evidence_end FROM relations WHERE relation_id = ?", (relation.id,)
        ).fetchone() == ("lemme", "negative", start, end)
        actor_of = dict(conn.execute("SELECT entity_id, actor_id FROM entities"))
        by_actor = stance.stance_by(conn, actor_of[act.source])
        by_teller = stance.stance_by(conn, actor_of[told.source])
    row = next(r for r in by_actor if r.actor_id == actor_of[act.target])
    cued = next(e for e in row.evidence if e.evidence_id == act.evidence_id)
    assert (cued.channel, cued.cue) == ("act", relation.predicate_text)
    assert cued.text == " ".join(text[start:end].split()) and relation.object_text in cued.text
    told_row = next(r for r in by_teller if r.actor_id == actor_of[told.target])
    reported = next(e for e in told_row.evidence if e.evidence_id == told.evidence_id)
    assert (reported.channel, reported.via, reported.cue) == ("reported", "quote", None)
    assert reported.text == " ".join(text[said[0] : said[1]].split())
    page = TestClient(create_app(db)).get(f"/actors/{actor_of[act.source]}").text
    assert f'<span class="cue" title="les mots qui portent le jugement">{relation.predicate_text}</span>' in page
    told_page = TestClient(create_app(db)).get(f"/actors/{actor_of[told.source]}").text
    assert f'<span class="via">propos rapportés {signed(told.score)}</span>' in told_page


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
            # the act of accusing follows the same actor
            agent = conn.execute(
                "SELECT a.name FROM relations r JOIN entities e ON e.article_id = r.article_id "
                "AND e.entity_id = r.agent_entity JOIN actors a ON a.id = r.agent_actor "
                "WHERE r.agent_actor = e.actor_id"
            ).fetchone()
            return name, bool(consistent) and agent == (name,)

    assert source_of_accusation() == ("Dupont", True)
    _write_document(db, analyzer, JEAN)  # the only Dupont with a full name: « Dupont » is him
    assert source_of_accusation() == ("Jean Dupont", True)
    _write_document(db, analyzer, PIERRE)  # two full names: « Dupont » is nobody in particular
    assert source_of_accusation() == ("Dupont", True)
    with closing(queries.connect_reader(db)) as conn:
        lambert = _actor(conn, "Paul Lambert")
        assert [r.name for r in stance.stance_about(conn, lambert)] == ["Dupont"]


def test_store_stance_migration_fills_existing_stores(anchorage_db: Path, analyzer, reference_article: Article) -> None:
    names = [name for name, _ in MIGRATIONS]
    later = names[names.index("0002_stance") + 1 :]  # undone too: the store predates them
    assert later[:4] == ["0003_analyzer_version", "0004_quote_part_of", "0005_gender_evidence", "0006_quote_trails"]
    assert "0008_stance_evidence" in later
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
        undo_gender_migration(conn)
        conn.execute("DROP TABLE relations")  # the stance columns of 0008 went with the table
        conn.execute("DELETE FROM migrations WHERE name = '0008_stance_evidence'")
        for table in ("trail_clusters", "trail_wordings", "trail_shingles", "trail_quotes",
                      "article_copies", "article_bands"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM migrations WHERE name = '0006_quote_trails'")
        conn.execute(
            "UPDATE articles SET analysis = json_remove(analysis, '$.stance') WHERE doc_id = 'accusation'"
        )
    with closing(queries.connect_reader(anchorage_db)) as conn:  # read-only: not migrated
        assert not stance.has_stance(conn)
        assert stance.stance_by(conn, _actor(conn, "Donald Trump")) == []
        assert network_edges(conn) == []
    with StoreWriter(anchorage_db):
        pass
    with closing(sqlite3.connect(anchorage_db)) as conn:
        applied = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]
        assert sorted(applied) == sorted(name for name, _ in MIGRATIONS)  # 0007 was never undone
        per_article = dict(
            conn.execute(
                "SELECT a.doc_id IS NULL, COUNT(s.id) FROM articles a "
                "LEFT JOIN stance s ON s.article_id = a.id GROUP BY a.id"
            ).fetchall()
        )
        assert per_article == {1: len(reference_article.stance), 0: 0}
        # the relations already stored are copied in, with their polarity as effect
        relations = conn.execute(
            "SELECT r.relation_id, r.lemma, r.verb, r.effect, r.score, r.position FROM relations r "
            "JOIN articles a ON a.id = r.article_id WHERE a.doc_id IS NULL ORDER BY r.id"
        ).fetchall()
        assert relations == [
            (r.id, r.predicate, r.predicate_text, r.polarity, r.score, r.position) for r in reference_article.relations
        ]
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
    assert {p.stem for p in csv_paths} == {"articles", "quotes", "actors", "stance", "voices", "trails"}
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
    edges: dict[tuple[str, str], dict[str, Any]] = {
        (labels[u], labels[v]): data for u, v, data in graph.edges(data=True)
    }
    assert {data["kind"] for data in edges.values()} <= {"stance", "act"}  # no co-mention by default
    moscou = edges[("Donald Trump", "Moscou")]
    assert moscou["polarity"] < -THRESHOLD and moscou["label"] == "negative"
    assert edges[("Donald Trump", "Vladimir Poutine")]["swing"] == "negative→positive"
    assert all(data["weight"] >= 1 for data in edges.values())
