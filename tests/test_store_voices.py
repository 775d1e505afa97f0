"""Who gets a voice, by gender, in a store: gender and its evidence stored per entity and actor,
the per-article gender sums, the corpus view (by outlet and month, unknown always shown, one count
per utterance), and old stores migrated to it."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import undo_gender_migration
from presse.corpus.shards import ShardRows, write_shard
from presse.errors import UsageError
from presse.model import Article, Document
from presse.store import queries
from presse.store.export import export
from presse.store.schema import MIGRATIONS
from presse.store.voices import gender_voices, parse_by
from presse.store.writer import StoreWriter, content_hash, document_hash

pytestmark = pytest.mark.model

DOCUMENTS = [
    Document(
        id="borne-1",
        outlet="Le Monde",
        published=date(2017, 6, 2),
        title="Climat : le gouvernement tient bon",
        text="La ministre Élisabeth Borne a déclaré : « Nous tiendrons nos engagements sur le "
        "climat. »\n\nLe député Jean Dupont a estimé que la réforme allait trop loin.",
    ),
    Document(
        id="macron-1",
        outlet="Libération",
        published=date(2017, 7, 10),
        title="Réforme du travail",
        text="« Je ne céderai rien », a affirmé Emmanuel Macron devant les élus.\n\n"
        "Angela Merkel a salué la décision.\n\n"
        "Camille Rivière, porte-parole de l'association, a dit : « C'est une victoire pour tous. »",
    ),
]


def write_store(db: Path, articles: list[Article], reference: Article) -> Path:
    """A store of the documents' analyses and the reference article (whose Poutine says « causes
    racines » inside a mixed quote: one utterance stored as two quote rows)."""
    with StoreWriter(db) as writer:
        for document, article in zip(DOCUMENTS, articles, strict=True):
            key, digest = document_hash(document)
            writer.write_article(article, key=key, digest=digest)
        writer.write_article(reference, key="anchorage", digest=content_hash("anchorage", reference.text))
    return db


@pytest.fixture(scope="module")
def analyzed(analyzer) -> list[Article]:
    return [analyzer.analyze(d) for d in DOCUMENTS]


@pytest.fixture
def store(tmp_path: Path, analyzed: list[Article], reference_article: Article) -> Path:
    db = tmp_path / "corpus.db"
    write_store(db, analyzed, reference_article)
    return db


@pytest.fixture
def conn(store: Path) -> Iterator[sqlite3.Connection]:
    with closing(queries.connect_reader(store)) as connection:
        yield connection


def _figures(report, **group) -> dict[str, tuple[int, int, int, int]]:
    return {
        r.gender: (r.persons_mentioned, r.persons_quoted, r.quotes, r.quoted_words)
        for r in report.rows
        if all(getattr(r, k) == v for k, v in group.items())
    }


def test_store_voices_entities_and_actors_keep_gender_evidence(conn, analyzed: list[Article]) -> None:
    stored = {
        (name, gender, evidence)
        for name, gender, evidence in conn.execute(
            "SELECT e.name, e.gender, e.gender_evidence FROM entities e "
            "JOIN articles a ON a.id = e.article_id WHERE a.doc_id IS NOT NULL"
        )
    }
    assert stored == {(e.name, e.gender, e.gender_evidence) for a in analyzed for e in a.entities}
    actors = dict(
        ((name, (gender, evidence)) for name, gender, evidence in conn.execute(
            "SELECT name, gender, gender_evidence FROM actors"
        ))
    )
    assert actors["Élisabeth Borne"] == ("f", "description")
    assert actors["Camille Rivière"] == (None, None)  # a name of both sexes tells nothing


def test_store_voices_by_month_shows_every_gender(conn) -> None:
    report = gender_voices(conn, ["gender", "month"])
    assert report.by == ("gender", "month")
    months = [r.month for r in report.rows]
    assert months == ["2017-06"] * 4 + ["2017-07"] * 4 + [None] * 4  # the undated article last
    assert [r.gender for r in report.rows[:4]] == ["f", "m", "x", "unknown"]
    june = _figures(report, month="2017-06")
    # Borne quoted (7 words); Jean Dupont mentioned, « le député » quoted (5 words)
    assert june == {"f": (1, 1, 1, 7), "m": (2, 1, 1, 5), "x": (0, 0, 0, 0), "unknown": (0, 0, 0, 0)}
    july = _figures(report, month="2017-07")
    assert july["unknown"] == (1, 1, 1, 5)  # Camille Rivière: unknown, shown
    assert july["f"][:3] == (1, 1, 1) and july["m"][:3] == (1, 1, 1)
    shares = [r.share_persons_quoted for r in report.rows if r.month == "2017-07"]
    assert shares == [pytest.approx(1 / 3, abs=1e-4), pytest.approx(1 / 3, abs=1e-4), 0.0,
                      pytest.approx(1 / 3, abs=1e-4)]


def test_store_voices_count_an_utterance_once(conn, reference_article: Article) -> None:
    parts = [q for q in reference_article.quotes if q.part_of]
    assert parts  # « causes racines »: a direct stretch inside Poutine's mixed quote
    report = gender_voices(conn, ["outlet"])
    anchorage = _figures(report, outlet="Grandes Lignes")
    person_rows = conn.execute(
        "SELECT COUNT(*) FROM quotes q JOIN entities e ON e.article_id = q.article_id "
        "AND e.entity_id = q.speaker_entity JOIN articles a ON a.id = q.article_id "
        "WHERE e.type = 'PER' AND a.outlet = 'Grandes Lignes'"
    ).fetchone()[0]
    assert sum(f[2] for f in anchorage.values()) == person_rows - len(parts)
    men = next(c for c in reference_article.gender_balance() if c.gender == "m")
    assert anchorage["m"] == (men.persons, men.quoted_persons, men.quotes, men.quoted_words)


def test_store_voices_gap_and_most_quoted(conn) -> None:
    report = gender_voices(conn, top=5)
    (gap,) = report.gaps
    women, men = _figures(report)["f"], _figures(report)["m"]
    assert gap.persons_quoted == round(women[1] / men[1], 4)
    assert gap.quoted_words == round(women[3] / men[3], 4)
    assert {p.name for p in report.top_women} == {"Élisabeth Borne", "Angela Merkel"}
    assert "Vladimir Poutine" in {p.name for p in report.top_men}
    assert all(p.gender == "m" and p.gender_evidence for p in report.top_men)
    assert [p.quotes for p in report.top_men] == sorted((p.quotes for p in report.top_men), reverse=True)


def test_store_voices_by_outlet_gap_without_men_is_none(conn) -> None:
    report = gender_voices(conn, ["outlet", "month"])
    assert {(g.outlet, g.month) for g in report.gaps} == {
        ("Le Monde", "2017-06"), ("Libération", "2017-07"), ("Grandes Lignes", None)
    }
    anchorage = next(g for g in report.gaps if g.outlet == "Grandes Lignes")
    assert anchorage.persons_quoted == 0.0  # no woman quoted, men quoted: a gap of 0
    assert len(report.rows) == 4 * len(report.gaps)


@pytest.mark.parametrize(("by", "expected"), [(["gender"], ()), (["month,gender"], ("month",)),
                                              (["Outlet", "month"], ("outlet", "month"))])
def test_store_voices_parse_by(by: list[str], expected: tuple[str, ...]) -> None:
    assert parse_by(by) == expected


@pytest.mark.parametrize("by", ["section", "gender,topic", ""])
def test_store_voices_parse_by_rejects_unknown(by: str) -> None:
    with pytest.raises(UsageError, match=r"^unknown grouping .*: use gender, outlet, month$"):
        parse_by([by])


def test_store_voices_replacing_an_article_replaces_its_sums(store: Path, analyzed: list[Article]) -> None:
    with closing(queries.connect_reader(store)) as conn:
        before = gender_voices(conn, ["month"]).rows
    key, _ = document_hash(DOCUMENTS[0])
    with StoreWriter(store) as writer:
        assert writer.write_article(analyzed[0], key=key, digest="edited") == "replaced"
    with closing(queries.connect_reader(store)) as conn:
        assert gender_voices(conn, ["month"]).rows == before


def test_store_voices_migration_from_0004_gives_the_same_figures(store: Path) -> None:
    names = [name for name, _ in MIGRATIONS]
    assert names[names.index("0004_quote_part_of") + 1] == "0005_gender_evidence"
    with closing(queries.connect_reader(store)) as conn:
        fresh = gender_voices(conn, ["outlet", "month"])
        genders = conn.execute(
            "SELECT article_id, entity_id, gender, gender_evidence FROM entities ORDER BY 1, 2"
        ).fetchall()
    with closing(sqlite3.connect(store, isolation_level=None)) as conn:
        undo_gender_migration(conn)
    with (
        closing(queries.connect_reader(store)) as conn,  # read-only: not migrated
        pytest.raises(UsageError, match=r"predates gender figures.*0005_gender_evidence"),
    ):
        gender_voices(conn)
    with StoreWriter(store):
        pass  # opening the store for writing migrates it
    with closing(queries.connect_reader(store)) as conn:
        assert gender_voices(conn, ["outlet", "month"]) == fresh
        assert conn.execute(
            "SELECT article_id, entity_id, gender, gender_evidence FROM entities ORDER BY 1, 2"
        ).fetchall() == genders
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _presse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presse.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_voices_json_csv_and_table(store: Path) -> None:
    result = _presse("voices", "--db", str(store), "--by", "gender", "--by", "month", "-f", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["by"] == ["gender", "month"]
    assert [r["gender"] for r in report["rows"][:4]] == ["f", "m", "x", "unknown"]
    assert {p["name"] for p in report["top_women"]} == {"Élisabeth Borne", "Angela Merkel"}
    csv_out = _presse("voices", "--db", str(store), "--by", "outlet,month", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(csv_out)))
    assert rows[0].keys() >= {"outlet", "month", "gender", "persons_quoted", "quoted_words"}
    assert {r["gender"] for r in rows if r["outlet"] == "Libération"} == {"f", "m", "x", "unknown"}
    table = _presse("voices", "--db", str(store)).stdout
    assert "unknown" in table and "Gap: women / men" in table and "Élisabeth Borne" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "section"], "unknown grouping 'section': use gender, outlet, month"),
        (["--by", "gender,topic"], "unknown grouping 'topic'"),
        (["--db", "missing.db"], "missing.db: no presse database here"),
    ],
)
def test_cli_voices_bad_input_is_one_line(store: Path, args: list[str], message: str) -> None:
    db = [] if "--db" in args else ["--db", str(store)]
    result = _presse("voices", *db, *args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_cli_voices_old_store_says_how_to_migrate(store: Path) -> None:
    with closing(sqlite3.connect(store, isolation_level=None)) as conn:
        undo_gender_migration(conn)
    result = _presse("voices", "--db", str(store))
    assert result.returncode == 2
    assert result.stderr.startswith(f"presse: {store}: this store predates gender figures")
    assert len(result.stderr.strip().splitlines()) == 1


def test_store_voices_parquet_export_holds_the_same_figures(conn, tmp_path: Path) -> None:
    export(conn, "parquet", tmp_path)
    table = pd.read_parquet(tmp_path / "voices.parquet")
    report = gender_voices(conn, ["outlet", "month"])
    assert list(table.columns) == ["outlet", "month", "gender", "persons_mentioned",
                                   "persons_quoted", "quotes", "quoted_words"]
    exported = [tuple(None if pd.isna(v) else v for v in row) for row in table.itertuples(index=False)]
    assert exported == [
        (r.outlet, r.month, r.gender, r.persons_mentioned, r.persons_quoted, r.quotes, r.quoted_words)
        for r in report.rows
    ]
    totals = table.groupby("gender")["persons_quoted"].sum().to_dict()
    assert totals == {r.gender: r.persons_quoted for r in gender_voices(conn).rows}
    actors = pd.read_parquet(tmp_path / "actors.parquet").set_index("name")
    assert tuple(actors.loc["Élisabeth Borne", ["gender", "gender_evidence"]]) == ("f", "description")


def test_store_voices_totals_follow_every_write(store: Path, analyzed: list[Article]) -> None:
    def totals_and_sums(conn: sqlite3.Connection) -> tuple[list, list]:
        totals = conn.execute(
            "SELECT outlet, month, gender, persons, quoted_persons, quotes, quoted_words "
            "FROM gender_totals ORDER BY 1, 2, 3"
        ).fetchall()
        sums = conn.execute(
            "SELECT COALESCE(outlet, ''), COALESCE(substr(published, 1, 7), '') AS month, gender, "
            "SUM(persons), SUM(quoted_persons), SUM(quotes), SUM(quoted_words) FROM gender_voices "
            "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).fetchall()
        return totals, sums

    key, _ = document_hash(DOCUMENTS[1])
    moved = DOCUMENTS[1].model_copy(update={"published": date(2017, 6, 20), "outlet": "Le Monde"})
    with StoreWriter(store) as writer:  # the July article, now a June one of another outlet
        writer.write_article(analyzed[1].model_copy(update={"published": moved.published,
                                                             "outlet": moved.outlet}),
                             key=key, digest="moved")
        totals, sums = totals_and_sums(writer.conn)
    assert totals == sums
    assert not [t for t in totals if t[1] == "2017-07"]  # no row left behind at zero
    with closing(queries.connect_reader(store)) as conn:
        june = _figures(gender_voices(conn, ["month"]), month="2017-06")
    assert june["unknown"] == (1, 1, 1, 5) and june["f"][:2] == (2, 2)


LAMBERT = [
    "Dominique Lambert a présenté le budget de la commune. Elle a déclaré : « Nous ne lèverons "
    "aucun impôt. »",
    "M. Dominique Lambert a présenté le budget de la commune devant le conseil.",
    "Dominique Lambert, maire de la commune, a défendu le projet. « Le chantier commencera en "
    "mai », a-t-elle précisé.",
]


def test_store_voices_actor_gender_is_the_consensus_of_its_articles(analyzer, tmp_path: Path) -> None:
    db = tmp_path / "lambert.db"

    def lambert() -> tuple[str | None, str | None]:
        with closing(queries.connect_reader(db)) as conn:
            return conn.execute(
                "SELECT gender, gender_evidence FROM actors WHERE name = 'Dominique Lambert'"
            ).fetchone()

    seen = []
    for i, text in enumerate(LAMBERT):
        article = analyzer.analyze(Document(id=f"lambert-{i}", text=text))
        with StoreWriter(db) as writer:
            writer.write_article(article, key=f"lambert-{i}", digest=content_hash(str(i), text))
        seen.append(lambert())
    # « elle » alone; then one article each way, the title is the stronger evidence; then two
    # articles against one
    assert seen == [("f", "pronoun"), ("m", "title"), ("f", "pronoun")]


def test_store_voices_batch_shards_carry_gender_evidence(analyzed: list[Article], tmp_path: Path) -> None:
    shard = ShardRows(0)
    for position, article in enumerate(analyzed):
        shard.add(position, article)
    write_shard(tmp_path, shard)
    rows = pq.read_table(tmp_path / "shards" / "000000" / "entities.parquet").to_pylist()
    stored = {(r["name"], r["gender"], r["gender_evidence"]) for r in rows}
    assert ("Élisabeth Borne", "f", "description") in stored
    assert stored == {(e.name, e.gender, e.gender_evidence) for a in analyzed for e in a.entities}


def test_store_voices_empty_store_shows_four_zero_rows(tmp_path: Path) -> None:
    StoreWriter(tmp_path / "empty.db").close()
    with closing(queries.connect_reader(tmp_path / "empty.db")) as conn:
        report = gender_voices(conn)
        assert [(r.gender, r.persons_mentioned, r.share_persons_quoted) for r in report.rows] == [
            ("f", 0, None), ("m", 0, None), ("x", 0, None), ("unknown", 0, None)
        ]
        assert report.gaps[0].persons_quoted is None
        assert gender_voices(conn, ["month"]).rows == ()
