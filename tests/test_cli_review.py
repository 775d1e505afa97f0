"""`presse correct …`, `presse corrections` and `presse export --format gold --reviewed-only`,
run as a user runs them: subprocesses of the installed CLI on a store made by `presse ingest`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from test_cli import run
from test_store_corrections import RECORDS, write_records

pytestmark = pytest.mark.model


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("cli-review")
    db = directory / "corpus.db"
    ok("ingest", str(write_records(directory / "articles.jsonl", RECORDS)), "--db", str(db))
    return db


@pytest.fixture
def db(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "corpus.db"
    with closing(sqlite3.connect(pristine)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


def _speakers(gold: Path) -> dict[str, str | None]:
    return {
        q["text"]: q["speaker"]["name"] if q["speaker"] else None
        for line in gold.read_text(encoding="utf-8").splitlines()
        for q in json.loads(line)["quotes"]
    }


def test_cli_review_reviewed_article_becomes_gold_that_eval_reads(db: Path, tmp_path: Path) -> None:
    ok("correct", "speaker", "merkel-1", "gouvernement serait", "Angela Merkel", "--db", str(db))
    ok("correct", "reviewed", "merkel-1", "--db", str(db))
    gold = tmp_path / "gold.jsonl"
    ok("export", "--format", "gold", "--reviewed-only", "--out", str(gold), "--db", str(db))
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["merkel-1"]
    assert _speakers(gold)["le gouvernement serait formé rapidement"] == "Angela Merkel"
    scores = json.loads(ok("eval", "quotes", str(gold), "--json"))
    # presse still says Steffen Seibert: the reviewer's speaker is the gold one
    assert scores["gold_quotes"] == scores["pred_quotes"] == 2
    assert (scores["speakers"]["scored"], scores["speakers"]["correct"]) == (2, 1)


def test_cli_review_uncorrected_gold_scores_presse_perfectly(db: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    ok("export", "--format", "gold", "--out", str(gold), "--db", str(db))
    scores = json.loads(ok("eval", "quotes", str(gold), "--json"))
    assert scores["speakers"]["accuracy"] == 1.0 and scores["gold_quotes"] == scores["pred_quotes"] == 4


def test_cli_review_corrections_list_undo_export_import(db: Path, tmp_path: Path) -> None:
    ok("correct", "reject", "macron-1", "Europe devait", "--db", str(db), "--author", "anne")
    ok("correct", "add", "macron-1", "--text", "Le président a reçu Angela Merkel à Paris",
       "--speaker", "Emmanuel Macron", "--kind", "indirect", "--db", str(db))
    ok("correct", "gender", "Angela Merkel", "f", "--db", str(db))
    listed = [json.loads(line) for line in ok("corrections", "--db", str(db), "--format", "json").splitlines()]
    assert [(c["kind"], c["status"]) for c in listed] == [("reject", "applied"), ("add", "applied"), ("gender", "applied")]
    assert listed[0]["author"] == "anne"
    quotes = {q["text"]: q["speaker"] for q in map(json.loads, ok("quotes", "--db", str(db), "--format", "json").splitlines())}
    assert "l'Europe devait rester unie" not in quotes
    assert quotes["Le président a reçu Angela Merkel à Paris"] == "Emmanuel Macron"
    shared = tmp_path / "shared.jsonl"
    ok("corrections", "--db", str(db), "--export", str(shared))
    other = tmp_path / "other.db"
    shutil.copy(db, other)
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("DELETE FROM corrections")
        conn.commit()
    result = run("corrections", "--db", str(other), "--import", str(shared))
    assert result.returncode == 0 and "3 corrections added" in result.stderr.decode()
    ok("correct", "undo", str(listed[0]["id"]), "--db", str(db))
    quotes = {q["text"] for q in map(json.loads, ok("quotes", "--db", str(db), "--format", "json").splitlines())}
    assert "l'Europe devait rester unie" in quotes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("correct", "reject", "nowhere", "q1"), "no article 'nowhere'"),
        (("correct", "speaker", "macron-1", "q1", "  "), "speaker: give a non-empty text"),
        (("correct", "kind", "macron-1", "q1", "shouted"), "quote kind 'shouted'"),
        (("correct", "add", "macron-1", "--speaker", "X", "--start", "5", "--end", "99999"), "outside its text"),
        (("correct", "gender", "Angela Merkel", "z"), "gender 'z'"),
        (("correct", "merge", "Angela Merkel", "Personne Inconnue"), "no actor 'Personne Inconnue'"),
        (("correct", "undo", "42"), "no correction 42"),
        (("export", "--format", "csv", "--reviewed-only", "--out", "x"), "--reviewed-only goes with --format gold"),
        (("export", "--format", "gold", "--out", "."), "a folder; the gold export is one file"),
    ],
)
def test_cli_review_bad_input_is_one_line_and_writes_nothing(db: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args, "--db", str(db))
    stderr = result.stderr.decode().strip()
    assert result.returncode != 0 and len(stderr.splitlines()) == 1 and message in stderr, stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM corrections").fetchone() == (0,)


def test_cli_review_bad_import_file_names_file_and_line(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "gender", "actor_key": "PER:x", "payload": {"gender": "f"}}\n{"kind": "shout"}\n')
    result = run("corrections", "--db", str(db), "--import", str(bad))
    stderr = result.stderr.decode().strip()
    assert result.returncode != 0 and f"{bad}:2: correction kind 'shout'" in stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM corrections").fetchone() == (0,)


def test_cli_review_missing_store_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = run("correct", "gender", "X", "f", "--db", str(missing))
    assert result.returncode != 0 and "no presse database here" in result.stderr.decode()
    assert not missing.exists()
