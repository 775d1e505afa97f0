"""A reviewer's corrections in the store: applied to every count and read, kept apart from the
analysis, re-anchored after a re-ingest, orphaned (never lost) when their text is gone, undone,
shared as JSONL, and obeyed by later ingests (actor merges)."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from presse.corpus.ingest import ingest
from presse.errors import UsageError
from presse.store import correction_log, queries
from presse.store import corrections as C
from presse.store.writer import StoreWriter

pytestmark = pytest.mark.model

RECORDS = [
    {
        "id": "macron-1",
        "date": "2017-06-02",
        "title": "Macron répond à Trump sur le climat",
        "text": (
            "Emmanuel Macron a déclaré : « Nous continuerons à travailler avec les États-Unis sur "
            "le climat. »\n\nLe président a reçu Angela Merkel à Paris. Angela Merkel a affirmé "
            "que l'Europe devait rester unie."
        ),
    },
    {
        "id": "merkel-1",
        "date": "2018-03-14",
        "title": "Angela Merkel réélue chancelière",
        "text": (
            "Angela Merkel a été réélue chancelière par le Bundestag.\n\n« Je suis heureuse de la "
            "confiance qui m'est accordée », a-t-elle déclaré à Berlin. Le porte-parole Steffen "
            "Seibert a ajouté que le gouvernement serait formé rapidement."
        ),
    },
]


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pristine(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corrections")
    db = directory / "corpus.db"
    ingest([write_records(directory / "articles.jsonl", RECORDS)], db)
    return db


@pytest.fixture
def db(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "corpus.db"
    with closing(sqlite3.connect(pristine)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


def _quotes(db: Path) -> dict[str, tuple[str | None, str]]:
    with closing(queries.connect_reader(db)) as conn:
        return {q.text: (q.speaker, q.kind) for q in queries.quotes(conn, limit=None)}


def _actor_quotes(db: Path) -> dict[str, int]:
    with closing(queries.connect_reader(db)) as conn:
        return {a.name: a.quotes for a in queries.actors(conn, limit=None)}


def _record(db: Path, build) -> correction_log.Correction:
    with StoreWriter(db) as writer:
        return C.record(writer, build(writer.conn))


def test_store_corrections_speaker_changes_every_count_but_not_the_analysis(db: Path) -> None:
    before = _actor_quotes(db)
    with closing(sqlite3.connect(db)) as conn:
        raw = conn.execute("SELECT analysis FROM articles WHERE doc_id = 'merkel-1'").fetchone()[0]
    done = _record(
        db, lambda c: C.quote_correction(c, "speaker", "merkel-1", "gouvernement serait", speaker="Angela Merkel")
    )
    assert done.status == "applied" and done.quoted == "le gouvernement serait formé rapidement"
    assert _quotes(db)["le gouvernement serait formé rapidement"][0] == "Angela Merkel"
    after = _actor_quotes(db)
    assert after["Angela Merkel"] == before["Angela Merkel"] + 1
    assert after["Steffen Seibert"] == before["Steffen Seibert"] - 1
    with closing(queries.connect_reader(db)) as conn:
        assert queries.stats(conn).quotes == 4
        shown = queries.article(conn, "merkel-1")
        assert {q.text: q.speaker.name for q in shown.quotes}["le gouvernement serait formé rapidement"] == "Angela Merkel"
        assert conn.execute("SELECT analysis FROM articles WHERE doc_id = 'merkel-1'").fetchone()[0] == raw


def test_store_corrections_reject_add_and_kind_are_counted(db: Path) -> None:
    _record(db, lambda c: C.quote_correction(c, "reject", "macron-1", "Europe devait"))
    _record(db, lambda c: C.quote_correction(c, "kind", "macron-1", "q1", quote_kind="mixed"))
    _record(
        db,
        lambda c: C.added_quote(
            c, "macron-1", text="Le président a reçu Angela Merkel à Paris", speaker="Jean Nouveau", quote_kind="indirect"
        ),
    )
    quotes = _quotes(db)
    assert "l'Europe devait rester unie" not in quotes
    assert quotes["Le président a reçu Angela Merkel à Paris"] == ("Jean Nouveau", "indirect")
    assert quotes["Nous continuerons à travailler avec les États-Unis sur le climat."][1] == "mixed"
    counts = _actor_quotes(db)
    assert counts["Jean Nouveau"] == 1
    assert counts["Angela Merkel"] == 1  # her indirect quote in macron-1 is rejected


def test_store_corrections_survive_a_reingest_of_moved_text(db: Path, tmp_path: Path) -> None:
    _record(
        db, lambda c: C.quote_correction(c, "speaker", "merkel-1", "gouvernement serait", speaker="Angela Merkel")
    )
    moved = [dict(r) for r in RECORDS]
    moved[1]["text"] = "BERLIN (AFP) - Une dépêche.\n\n" + moved[1]["text"]
    ingest([write_records(tmp_path / "moved.jsonl", moved)], db)
    assert _quotes(db)["le gouvernement serait formé rapidement"][0] == "Angela Merkel"
    with closing(queries.connect_reader(db)) as conn:
        [kept] = correction_log.all_corrections(conn)
    assert kept.status == "applied"


def test_store_corrections_without_anchor_are_orphaned_not_lost(db: Path, tmp_path: Path) -> None:
    _record(db, lambda c: C.quote_correction(c, "reject", "macron-1", "Europe devait"))
    changed = [dict(r) for r in RECORDS]
    changed[0]["text"] = changed[0]["text"].replace("l'Europe devait rester unie", "la Chine comptait")
    ingest([write_records(tmp_path / "changed.jsonl", changed)], db)
    with closing(queries.connect_reader(db)) as conn:
        [orphan] = correction_log.all_corrections(conn, orphaned_only=True)
    assert orphan.kind == "reject" and orphan.quoted == "l'Europe devait rester unie"
    assert "la Chine comptait" in _quotes(db)


def test_store_corrections_merge_feeds_later_ingests_and_undo_restores(db: Path, tmp_path: Path) -> None:
    merge = _record(db, lambda c: C.actor_correction(c, "merge", "Steffen Seibert", "Angela Merkel"))
    counts = _actor_quotes(db)
    assert "Steffen Seibert" not in counts and counts["Angela Merkel"] == 3
    later = {"id": "seibert-2", "date": "2018-04-01", "title": "Conférence",
             "text": "Steffen Seibert a déclaré : « Nous avançons. »"}
    ingest([write_records(tmp_path / "later.jsonl", [later])], db)
    assert _quotes(db)["Nous avançons."][0] == "Angela Merkel"
    with closing(queries.connect_reader(db)) as conn:
        assert queries.find_actors(conn, "Steffen Seibert") == queries.find_actors(conn, "Angela Merkel")
    with StoreWriter(db) as writer:
        C.undo(writer, merge.id)
    assert _quotes(db)["Nous avançons."][0] == "Steffen Seibert"
    assert _actor_quotes(db)["Steffen Seibert"] == 2


def test_store_corrections_split_type_and_gender(db: Path) -> None:
    _record(db, lambda c: C.actor_correction(c, "merge", "Steffen Seibert", "Angela Merkel"))
    _record(db, lambda c: C.actor_correction(c, "split", "Angela Merkel", "Steffen Seibert"))
    _record(db, lambda c: C.actor_correction(c, "type", "Bundestag", "org"))
    _record(db, lambda c: C.actor_correction(c, "gender", "Angela Merkel", "F"))
    assert _actor_quotes(db)["Steffen Seibert"] == 1
    with closing(queries.connect_reader(db)) as conn:
        assert conn.execute("SELECT gender FROM actors WHERE name = 'Angela Merkel'").fetchone() == ("f",)
        assert [c.status for c in correction_log.all_corrections(conn)] == ["applied"] * 4


def test_store_corrections_jsonl_round_trip_into_another_store(db: Path, pristine: Path, tmp_path: Path) -> None:
    _record(db, lambda c: C.quote_correction(c, "reject", "macron-1", "Europe devait"))
    _record(db, lambda c: C.actor_correction(c, "gender", "Angela Merkel", "f"))
    out = io.StringIO()
    with closing(queries.connect_reader(db)) as conn:
        assert C.export_jsonl(conn, out) == 2
    shared = tmp_path / "shared.jsonl"
    shared.write_text(out.getvalue(), encoding="utf-8")
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(pristine)) as src, closing(sqlite3.connect(other)) as dst:
        src.backup(dst)
    with StoreWriter(other) as writer:
        assert C.import_jsonl(writer, shared) == (2, 0)
        assert C.import_jsonl(writer, shared) == (0, 2)
    assert _quotes(other) == _quotes(db)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda c: C.quote_correction(c, "reject", "nowhere", "q1"), "no article 'nowhere'"),
        (lambda c: C.quote_correction(c, "reject", "macron-1", "q99"), "no quotation 'q99'"),
        (lambda c: C.quote_correction(c, "speaker", "macron-1", "q1", speaker="  "), "speaker: give a non-empty text"),
        (lambda c: C.quote_correction(c, "kind", "macron-1", "q1", quote_kind="shouted"), "quote kind 'shouted'"),
        (lambda c: C.added_quote(c, "macron-1", text="absent words", speaker="X"), "is not in its text"),
        (lambda c: C.actor_correction(c, "merge", "Angela Merkel", "Angela Merkel"), "cannot be merged into itself"),
        (lambda c: C.actor_correction(c, "gender", "Angela Merkel", "z"), "gender 'z'"),
        (lambda c: C.actor_correction(c, "split", "Angela Merkel", "Angela Merkel"), "own name"),
        (lambda c: C.actor_correction(c, "type", "Personne Inconnue", "PER"), "no actor"),
    ],
)
def test_store_corrections_bad_input_is_one_clear_error(db: Path, build, message: str) -> None:
    with StoreWriter(db) as writer, pytest.raises(UsageError, match=message):
        C.record(writer, build(writer.conn))
    with closing(queries.connect_reader(db)) as conn:
        assert correction_log.all_corrections(conn) == []


def test_store_corrections_reviewer_gender_outlasts_later_ingests(db: Path, tmp_path: Path) -> None:
    # The text says « heureuse », « a-t-elle »: the analysis gives f; a reviewer's gender (here
    # the other one, to tell them apart) must still hold after a later article touches the actor,
    # whose gender the store otherwise recomputes from its entities.
    _record(db, lambda c: C.actor_correction(c, "gender", "Angela Merkel", "m"))
    later = {"id": "merkel-2", "date": "2018-07-01", "title": "Angela Merkel à Bruxelles",
             "text": "Angela Merkel est arrivée à Bruxelles. Elle a déclaré que l'Europe tiendrait."}
    ingest([write_records(tmp_path / "later.jsonl", [later])], db)
    with closing(queries.connect_reader(db)) as conn:
        row = conn.execute(
            "SELECT gender, gender_evidence FROM actors WHERE name = 'Angela Merkel'"
        ).fetchone()
    assert tuple(row) == ("m", "reviewer")
