"""Quote trails and article copies on a built corpus with known repeats, variants, fragments and
one copy (tests/trail_corpus.py): the exact trails, kept on every write, rebuilt the same."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

import trail_corpus as tc
from presse.errors import UsageError
from presse.store import queries
from presse.store import trails as store_trails
from presse.store.export import export
from presse.store.writer import StoreWriter

EXPECTED = {
    frozenset({("a1", tc.FILLON), ("a2", tc.FILLON_VARIANT), ("a3", tc.FILLON_FRAGMENT)}),
    frozenset({("a2", tc.SPICER), ("a3", tc.SPICER)}),
    frozenset({("a4", tc.FESNEAU), ("a5", tc.FESNEAU), ("a6", tc.FESNEAU)}),
    frozenset({("a4", tc.SAYAN)}),
    frozenset({("a6", tc.SAYAN)}),  # the same words, another speaker: another trail
    frozenset({("a1", tc.BRISARD)}),
    frozenset({("a7", tc.BRISARD_REPORTED)}),  # reported speech: no fragment of his words
    frozenset({("a6", tc.GUPTA)}),
}


def trails_of(db: Path) -> set[frozenset[tuple[str, str]]]:
    """Every trail of the store as the set of its (article key, quote text)."""
    with closing(sqlite3.connect(db)) as conn:
        found: dict[int, set[tuple[str, str]]] = {}
        for cluster, key, text in conn.execute(
            "SELECT t.cluster_id, a.key, q.text FROM trail_quotes t JOIN quotes q ON q.id = t.quote_id "
            "JOIN articles a ON a.id = t.article_id"
        ):
            found.setdefault(cluster, set()).add((key, text))
    return {frozenset(v) for v in found.values()}


def quote_id(db: Path, key: str, text: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(
            conn.execute(
                "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.key = ? AND q.text = ?",
                (key, text),
            ).fetchone()[0]
        )


def article_id(db: Path, key: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()[0])


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return tc.wikinews_texts()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, bodies: dict[str, str]) -> Path:
    path = tmp_path_factory.mktemp("trails") / "corpus.db"
    tc.write(path, tc.specs(bodies))
    return path


def test_trails_exact_clusters_of_the_built_corpus(db: Path) -> None:
    assert trails_of(db) == EXPECTED


def test_trails_the_same_in_any_ingest_order_and_after_a_rebuild(tmp_path: Path, bodies: dict[str, str]) -> None:
    backwards = tmp_path / "backwards.db"
    tc.write(backwards, list(reversed(tc.specs(bodies))))
    assert trails_of(backwards) == EXPECTED
    with StoreWriter(backwards) as writer:
        assert writer.rebuild_trails() == 7
    assert trails_of(backwards) == EXPECTED


def test_trails_list_most_repeated_first_with_filters(db: Path) -> None:
    with closing(queries.connect_reader(db)) as conn:
        listed = store_trails.list_trails(conn)
        assert [(t.text, t.speaker, t.articles, t.independent, t.copies) for t in listed] == [
            (tc.FILLON, "François Fillon", 3, 3, 0),
            (tc.FESNEAU, "Marc Fesneau", 3, 2, 1),
            (tc.SPICER, "Sean Spicer", 2, 2, 0),
        ]
        assert listed[1].outlets == ("AFP", "Le Parisien", "Ouest-France")
        assert [t.text for t in store_trails.list_trails(conn, speaker="Fillon")] == [tc.FILLON]
        assert [t.text for t in store_trails.list_trails(conn, since=tc.date(2017, 2, 4))] == [tc.FESNEAU]
        assert [t.text for t in store_trails.list_trails(conn, until=tc.date(2017, 2, 2))] == [tc.FILLON, tc.SPICER]
        assert len(store_trails.list_trails(conn, min_articles=1)) == len(EXPECTED)
        assert store_trails.list_trails(conn, speaker="Personne Inconnue") == []


def test_trails_trail_shows_variants_word_by_word_and_fragments(db: Path) -> None:
    with closing(queries.connect_reader(db)) as conn:
        found = store_trails.trail(conn, quote_id(db, "a3", tc.FILLON_FRAGMENT))
    assert (found.first.text, found.first.outlet, found.first.kind, found.first.reported) == (
        tc.FILLON, "Le Monde", "direct", False)
    assert [(a.article_title, a.relation) for a in found.later] == [
        ("Article a2", "variant"), ("Article a3", "fragment")]
    changes = [(s.op, s.was.strip(" ,"), s.text.strip(" ,")) for s in found.later[0].diff if s.op != "equal"]
    assert changes == [("replace", "leurs compétences", "leur compétence")]
    assert found.in_copies == ()
    assert found.speakers[0] == ("François Fillon", 3)


def test_trails_copy_counted_once_and_shown_apart(db: Path) -> None:
    with closing(queries.connect_reader(db)) as conn:
        found = store_trails.trail(conn, quote_id(db, "a6", tc.FESNEAU))
        links = store_trails.copies(conn)
    assert (found.articles, found.independent) == (3, 2)
    assert [a.outlet for a in found.later] == ["Le Parisien"]
    assert [(a.outlet, a.copy_of) for a in found.in_copies] == [("Ouest-France", article_id(db, "a4"))]
    assert [(c.article_id, c.copy_of) for c in links] == [(article_id(db, "a5"), article_id(db, "a4"))]
    assert links[0].similarity >= 0.6


def test_trails_unattributed_repetition_gets_the_speaker_as_suggestion(db: Path) -> None:
    with closing(queries.connect_reader(db)) as conn:
        found = store_trails.trail(conn, quote_id(db, "a2", tc.SPICER))
    assert found.first.speaker == "Sean Spicer" and found.first.suggestion is None
    (later,) = found.later
    assert later.speaker is None
    assert later.suggestion is not None
    assert (later.suggestion.speaker, later.suggestion.quote_id, later.suggestion.relation) == (
        "Sean Spicer", quote_id(db, "a2", tc.SPICER), "identical")


def test_trails_adding_an_article_touches_only_the_trails_it_joins(tmp_path: Path, bodies: dict[str, str]) -> None:
    db = tmp_path / "c.db"
    tc.write(db, tc.specs(bodies))
    with closing(sqlite3.connect(db)) as conn:
        before = {r[0]: r for r in conn.execute("SELECT * FROM trail_clusters")}
    spicer = next(c for c, r in before.items() if r[1:3] == (2, 2))
    extra = tc.Spec("a8", "2017-02-08", "Mediapart", bodies["W1"][:200] + " Suite.",
                    (tc.Said(tc.SPICER, "Sean Spicer"), tc.Said(tc.GUPTA[::-1], None)))
    tc.write(db, [extra])
    with closing(sqlite3.connect(db)) as conn:
        after = {r[0]: r for r in conn.execute("SELECT * FROM trail_clusters")}
    changed = {c for c in before if after.get(c) != before[c]}
    assert changed == {spicer}
    assert after[spicer][1:4] == (3, 3, 3)
    assert len(set(after) - set(before)) == 1  # the new quotation's own trail


def test_trails_replacing_an_article_takes_its_appearances_out(tmp_path: Path, bodies: dict[str, str]) -> None:
    db = tmp_path / "c.db"
    articles = tc.specs(bodies)
    tc.write(db, articles)
    a3 = articles[2]
    with StoreWriter(db) as writer:
        bare = tc.build_article(tc.Spec(a3.key, a3.published, a3.outlet, a3.body, ()))
        assert writer.write_article(bare, key=a3.key, digest="changed") == "replaced"
    expected = {frozenset(t - {("a3", tc.FILLON_FRAGMENT), ("a3", tc.SPICER)}) for t in EXPECTED}
    assert trails_of(db) == expected
    a5 = articles[4]
    with StoreWriter(db) as writer:  # the copy replaced by another text: no copy any more
        brief = "Brève : la préfecture a été incendiée samedi."
        writer.write_article(tc.build_article(tc.Spec(a5.key, a5.published, a5.outlet, brief, a5.said)),
                             key=a5.key, digest="other")
    with closing(queries.connect_reader(db)) as conn:
        assert store_trails.copies(conn) == []
        fesneau = store_trails.trail(conn, quote_id(db, "a4", tc.FESNEAU))
    assert (fesneau.articles, fesneau.independent, fesneau.in_copies) == (3, 3, ())


def test_trails_store_without_trails_is_refused_until_rebuilt(tmp_path: Path, bodies: dict[str, str]) -> None:
    db = tmp_path / "old.db"
    tc.write(db, tc.specs(bodies))
    # the store as a presse without trails left it
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        for table in ("trail_clusters", "trail_wordings", "trail_shingles", "trail_quotes",
                      "article_copies", "article_bands"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM migrations WHERE name = '0006_quote_trails'")
    with closing(queries.connect_reader(db)) as conn, pytest.raises(UsageError, match=r"no quote trails.*--rebuild"):
        store_trails.list_trails(conn)
    with StoreWriter(db) as writer:  # migrated: the tables are there, the old articles not indexed
        assert not writer.trails
        writer.write_article(tc.build_article(tc.specs(bodies)[0]), key="a1", digest="again")
    with closing(queries.connect_reader(db)) as conn, pytest.raises(UsageError, match="no quote trails"):
        store_trails.trail(conn, quote_id(db, "a2", tc.SPICER))
    with StoreWriter(db) as writer:
        writer.rebuild_trails()
    assert trails_of(db) == EXPECTED


def test_trails_unknown_quote_and_short_quote(db: Path, tmp_path: Path, bodies: dict[str, str]) -> None:
    with closing(queries.connect_reader(db)) as conn, pytest.raises(UsageError, match="no quote 999999"):
        store_trails.trail(conn, 999_999)
    short = tmp_path / "short.db"
    tc.write(short, [tc.Spec("s1", "2017-01-01", "AFP", bodies["W1"], (tc.Said("rester chez eux", "Le préfet"),))])
    with closing(queries.connect_reader(short)) as conn:
        found = store_trails.trail(conn, quote_id(short, "s1", "rester chez eux"))
    assert found.id is None and found.later == () and "too short" in (found.note or "")


def test_trails_in_the_parquet_export(db: Path, tmp_path: Path) -> None:
    with closing(queries.connect_reader(db)) as conn:
        export(conn, "parquet", tmp_path)
    table = pd.read_parquet(tmp_path / "trails.parquet")
    assert len(table) == sum(len(t) for t in EXPECTED)
    fesneau = table[table.text == tc.FESNEAU]
    assert fesneau.trail_id.nunique() == 1
    assert set(zip(fesneau.outlet, fesneau.copy_group.notna(), strict=True)) == {
        ("AFP", True), ("Ouest-France", True), ("Le Parisien", False)}
    assert set(fesneau.trail_independent) == {2}
    assert set(table[table.text == tc.FILLON_FRAGMENT].joined_by) == {"fragment"}


def test_trails_export_is_empty_while_a_rebuild_is_pending(db: Path, tmp_path: Path) -> None:
    pending = tmp_path / "pending.db"
    with closing(sqlite3.connect(db)) as source, closing(sqlite3.connect(pending)) as target:
        source.backup(target)
        target.execute("INSERT INTO metadata(key, value) VALUES ('trails_pending', 'yes')")
        target.commit()
    with closing(queries.connect_reader(pending)) as conn:
        export(conn, "jsonl", tmp_path / "out")
    assert (tmp_path / "out" / "trails.jsonl").read_text(encoding="utf-8") == ""
