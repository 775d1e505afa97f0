"""`presse trails`, `presse trail` and `presse copies` as a user runs them (subprocesses), on the
built trail corpus (tests/trail_corpus.py), and trails kept by `presse ingest`."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import trail_corpus as tc
from presse.cli import app
from test_trails import quote_id


def presse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "presse.cli", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trails-cli") / "corpus.db"
    tc.build(path)
    return path


def _without_trails(db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        for table in ("trail_clusters", "trail_wordings", "trail_shingles", "trail_quotes",
                      "article_copies", "article_bands"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM migrations WHERE name = '0006_quote_trails'")


def test_trails_cli_lists_trails_in_every_format(db: Path) -> None:
    result = presse("trails", "--db", str(db), "-f", "json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["articles"], r["independent"], r["copies"]) for r in rows] == [
        (tc.FILLON, 3, 3, 0), (tc.FESNEAU, 3, 2, 1), (tc.SPICER, 2, 2, 0)]
    assert rows[0]["first_published"] == "2017-02-01" and rows[0]["speaker"] == "François Fillon"
    table = list(csv.DictReader(io.StringIO(presse("trails", "--db", str(db), "--speaker", "Spicer", "-f", "csv").stdout)))
    assert [(r["text"], r["speaker"]) for r in table] == [(tc.SPICER, "Sean Spicer")]
    since = presse("trails", "--db", str(db), "--since", "2017-02-04", "--min-articles", "3")
    assert tc.FESNEAU in since.stdout and tc.FILLON not in since.stdout


def test_trails_cli_trail_shows_first_appearance_differences_and_copies(db: Path) -> None:
    result = presse("trail", str(quote_id(db, "a2", tc.FILLON_VARIANT)), "--db", str(db))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("First appearance") < out.index("2017-02-01 · Le Monde") < out.index("Later appearances")
    assert "[-leurs compétences-]{+leur compétence+}" in out
    assert "2017-02-03 · Le Figaro" in out and "fragment" in out
    fesneau = presse("trail", str(quote_id(db, "a4", tc.FESNEAU)), "--db", str(db)).stdout
    assert "3 articles, 2 independent, 1 in copies" in fesneau
    assert fesneau.index("In copies") < fesneau.index("2017-02-05 · Ouest-France") and "copy of article" in fesneau
    spicer = json.loads(presse("trail", str(quote_id(db, "a3", tc.SPICER)), "--db", str(db), "-f", "json").stdout)
    assert spicer["later"][0]["suggestion"]["speaker"] == "Sean Spicer"


def test_trails_cli_copies(db: Path) -> None:
    rows = [json.loads(line) for line in presse("copies", "--db", str(db), "-f", "json").stdout.splitlines()]
    assert [(r["outlet"], r["copy_of_outlet"]) for r in rows] == [("Ouest-France", "AFP")]


def test_trails_cli_rebuild_builds_the_trails_of_an_older_store(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    tc.build(db)
    _without_trails(db)
    refused = presse("trails", "--db", str(db))
    assert refused.returncode == 2
    assert "no quote trails" in refused.stderr and "--rebuild" in refused.stderr
    rebuilt = presse("trails", "--db", str(db), "--rebuild", "-f", "json")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "trails rebuilt over 7 articles" in rebuilt.stderr
    assert len(rebuilt.stdout.splitlines()) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trail", "999999"], "no quote 999999 in the store"),
        (["trail", "q12"], "'q12' is no quote id"),
        (["trails", "--since", "hier"], "is not a date"),
        (["trails", "--min-articles", "0"], "--min-articles must be at least 1"),
    ],
)
def test_trails_cli_bad_input_is_one_line(db: Path, args: list[str], message: str) -> None:
    result = presse(*args, "--db", str(db))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["trails"], ["trail", "1"], ["copies"], ["trails", "--rebuild"]])
def test_trails_cli_missing_or_trail_less_store_is_one_line(tmp_path: Path, command: list[str]) -> None:
    missing = presse(*command, "--db", str(tmp_path / "nowhere.db"))
    assert missing.returncode == 2 and "no presse database here" in missing.stderr
    assert not (tmp_path / "nowhere.db").exists()
    if command == ["trails", "--rebuild"]:
        return
    db = tmp_path / "old.db"
    tc.build(db)
    _without_trails(db)
    result = presse(*command, "--db", str(db))
    assert result.returncode == 2
    assert "no quote trails" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.model
def test_trails_cli_ingest_keeps_the_trails(analyzer, tmp_path: Path) -> None:
    said = "« Nous ne céderons rien sur la réforme des retraites, ni aujourd'hui ni demain »"
    records = [
        {"id": "r1", "date": "2019-12-05", "title": "Retraites : le Premier ministre inflexible",
         "text": f"Édouard Philippe a déclaré mardi : {said}.\n\nLes syndicats appellent à la grève."},
        {"id": "r2", "date": "2019-12-06", "title": "Grève : la mobilisation continue",
         "text": f"{said}, a répété Édouard Philippe devant les députés.\n\nLa grève se poursuit."},
    ]
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in presse("trails", "--db", str(db), "-f", "json").stdout.splitlines()]
    assert [(r["speaker"], r["articles"], r["first_published"]) for r in rows] == [
        ("Édouard Philippe", 2, "2019-12-05")]
    assert "Nous ne céderons rien sur la réforme des retraites" in rows[0]["text"]
    assert "not built" not in result.output
    # a store whose trails await a rebuild: the ingest says so
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("INSERT INTO metadata(key, value) VALUES ('trails_pending', 'yes')")
    source.write_text(json.dumps({**records[0], "id": "r3"}, ensure_ascii=False) + "\n", encoding="utf-8")
    again = CliRunner().invoke(app, ["ingest", str(source), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert f"run `presse trails --rebuild --db {db}`" in " ".join(again.output.split())
