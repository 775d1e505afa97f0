"""The analyzer version of stored analyses: ingest re-analyzes what an older presse analyzed,
`--reanalyze` forces it, `presse stats` shows the versions; run as a user runs them."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from presse import __version__
from presse.store.schema import MIGRATIONS
from presse.store.writer import analyzed_by_older

pytestmark = pytest.mark.model

PRESSE = Path(sys.executable).parent / "presse"
ARTICLES = [
    {"id": "climat-1", "title": "Climat : Macron répond à Trump",
     "text": "Emmanuel Macron a déclaré : « Nous continuerons à travailler avec les États-Unis sur le climat. »"},
    {"id": "travail-1", "title": "Réforme du travail",
     "text": "« Je ne céderai rien », a affirmé le président Macron devant la communauté française d'Athènes."},
]


def presse(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(PRESSE), *args], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


def _sql(db: Path, *statements: str) -> list[tuple]:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        rows: list[tuple] = []
        for statement in statements:
            rows = conn.execute(statement).fetchall()
        return rows
    finally:
        conn.close()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("versions")
    source = folder / "a.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ARTICLES), encoding="utf-8")
    db = folder / "c.db"
    assert "2 new, 0 replaced, 0 unchanged, 0 failed" in presse("ingest", str(source), "--db", str(db), "-q").stderr
    return source, db


@pytest.fixture()
def store(ingested: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the ingested store (the writer leaves no WAL behind when it closes)."""
    source, db = ingested
    copy = tmp_path / "c.db"
    shutil.copyfile(db, copy)
    return source, copy


def test_store_versions_older_analyses_are_analyzed_again_and_reanalyze_forces_it(store: tuple[Path, Path]) -> None:
    source, db = store
    # as if presse 0.0.1 had analyzed climat-1: its stored quotes say nothing of it
    _sql(db, "UPDATE articles SET presse_version = '0.0.1', ingested_at = 'then' WHERE doc_id = 'climat-1'")
    err = presse("ingest", str(source), "--db", str(db), "-q").stderr
    assert "1 unchanged" in err and "1 re-analyzed (analyzed by an older presse)" in err
    rows = _sql(db, "SELECT doc_id, presse_version, ingested_at != 'then', "
                    "json_extract(analysis, '$.presse_version') FROM articles ORDER BY doc_id")
    assert rows == [("climat-1", __version__, 1, __version__), ("travail-1", __version__, 1, __version__)]
    assert _sql(db, "SELECT COUNT(*) FROM quotes")[0][0] == 2  # replaced, not added
    again = presse("ingest", str(source), "--db", str(db), "-q").stderr
    assert "2 unchanged" in again and "re-analyzed" not in again
    forced = presse("ingest", str(source), "--db", str(db), "-q", "--reanalyze").stderr
    assert "0 unchanged" in forced and "2 re-analyzed (as asked)" in forced


def test_store_versions_stats_shows_the_versions(store: tuple[Path, Path]) -> None:
    _, db = store
    _sql(db, "UPDATE articles SET presse_version = '0.0.1' WHERE doc_id = 'climat-1'")
    table = presse("stats", "--db", str(db)).stdout
    assert f"{__version__}: 1" in table and "0.0.1: 1" in table
    stats = json.loads(presse("stats", "--db", str(db), "-f", "json").stdout)
    assert sorted(map(tuple, stats["articles_by_version"])) == sorted([("0.0.1", 1), (__version__, 1)])


def test_store_versions_old_store_migrates(store: tuple[Path, Path]) -> None:
    source, db = store
    # a store written before 0003_analyzer_version, one analysis without its version column set
    _sql(db, "DROP INDEX articles_presse_version",
         "DELETE FROM migrations WHERE name = '0003_analyzer_version'",
         "UPDATE articles SET presse_version = NULL WHERE doc_id = 'climat-1'",
         "UPDATE articles SET presse_version = NULL, "
         "analysis = json_set(analysis, '$.presse_version', json('null')) WHERE doc_id = 'travail-1'")
    err = presse("ingest", str(source), "--db", str(db), "-q").stderr
    # the version is read back from the stored analysis; where that has none, it is analyzed again
    assert "1 unchanged" in err and "1 re-analyzed" in err
    assert "0003_analyzer_version" in [name for name, _ in MIGRATIONS]
    assert _sql(db, "SELECT name FROM migrations WHERE name = '0003_analyzer_version'")
    assert _sql(db, "SELECT DISTINCT presse_version FROM articles") == [(__version__,)]
    assert _sql(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize(
    ("stored", "current", "older"),
    [(None, "0.1.0", True), ("0.1.0", "0.1.0", False), ("0.0.9", "0.1.0", True), ("0.9.0", "0.10.0", True),
     ("0.2.0", "0.1.0", False), ("dev", "0.1.0", True), ("0.1.0.dev3", "0.1.0", True)],
)
def test_store_versions_older_is_by_version_order(stored: str | None, current: str, older: bool) -> None:
    assert analyzed_by_older(stored, current) is older
