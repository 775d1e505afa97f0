"""`presse ingest --from-batch`: the shards of `presse batch` load into the same store as a direct
ingest of the same inputs (one analysis code path, one store)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_path

pytestmark = pytest.mark.model


def _presse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "presse.cli", *args], capture_output=True, text=True, timeout=600)


def _rows(db: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {
            "articles": sorted(conn.execute("SELECT key, content_hash FROM articles")),
            "quotes": conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
            "actors": sorted(conn.execute("SELECT key, articles, mentions, quotes FROM actors")),
            "errors": sorted(conn.execute("SELECT source FROM ingest_errors")),
        }


def test_corpus_from_batch_equals_direct_ingest(tmp_path: Path) -> None:
    corpus = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    source = tmp_path / "part.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        source.write_text("".join(next(fh) for _ in range(12)) + "{broken\n", encoding="utf-8")
    out = tmp_path / "batch"
    batch = _presse("batch", str(source), "--out", str(out), "--quiet")
    assert batch.returncode == 1, batch.stderr  # the broken line is reported, the rest completes
    loaded = _presse("ingest", "--from-batch", str(out), "--db", str(tmp_path / "a.db"), "--quiet")
    assert loaded.returncode == 0, loaded.stderr
    assert "12 new" in loaded.stderr and "1 failed" in loaded.stderr
    direct = _presse("ingest", str(source), "--db", str(tmp_path / "b.db"), "--quiet")
    assert direct.returncode == 0, direct.stderr
    assert _rows(tmp_path / "a.db") == _rows(tmp_path / "b.db")
    again = _presse("ingest", str(source), "--db", str(tmp_path / "a.db"), "--quiet")
    assert "12 unchanged" in again.stderr
