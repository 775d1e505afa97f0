"""Resumability: `presse ingest` killed with SIGKILL half-way, then rerun, gives the same store as
a clean run — whole analyses only, no duplicates, integrity check ok."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_path
from presse.corpus.ingest import ingest

pytestmark = [pytest.mark.model, pytest.mark.skipif(os.name != "posix", reason="SIGKILL")]

N = 24


def _snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {
            "articles": sorted(conn.execute("SELECT key, content_hash FROM articles")),
            "quotes": conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
            "mentions": conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0],
            "actors": sorted(
                conn.execute("SELECT key, articles, mentions, quotes, quoted_words FROM actors")
            ),
        }


def _presse(*args: str) -> list[str]:
    return [sys.executable, "-m", "presse.cli", *args]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def test_corpus_sigkill_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    corpus = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    source = tmp_path / "part.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        source.write_text("".join(next(fh) for _ in range(N)), encoding="utf-8")
    killed = tmp_path / "killed.db"

    process = subprocess.Popen(
        _presse("ingest", str(source), "--db", str(killed), "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _count(killed) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _count(killed)
    assert 0 < partial < N, "the kill must land half-way for this test to mean anything"

    rerun = subprocess.run(
        _presse("ingest", str(source), "--db", str(killed), "--quiet"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"{N - partial} new" in rerun.stderr and f"{partial} unchanged" in rerun.stderr

    clean = tmp_path / "clean.db"
    assert ingest([source], clean).new == N
    assert _snapshot(killed) == _snapshot(clean)
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone() == (N, N)
        assert len({json.loads(a)["id"] for (a,) in conn.execute("SELECT analysis FROM articles")}) == N
