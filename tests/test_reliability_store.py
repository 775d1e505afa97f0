"""Crash safety of the store: a full disk or a read-only database gives a clear error and leaves
a valid store; ten SIGKILLs at random moments, each followed by a rerun, end in the store a clean
run builds."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_path
from presse.corpus.ingest import ingest
from presse.errors import StoreError
from presse.store.writer import StoreWriter, document_hash

pytestmark = [pytest.mark.model, pytest.mark.skipif(os.name != "posix", reason="POSIX signals and chattr")]


def _records(n: int, tmp_path: Path) -> Path:
    corpus = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    source = tmp_path / f"first-{n}.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        source.write_text("".join(next(fh) for _ in range(n)), encoding="utf-8")
    return source


def _snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            "articles": sorted(conn.execute("SELECT key, content_hash FROM articles")),
            "quotes": conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
            "actors": sorted(conn.execute("SELECT key, articles, mentions, quotes FROM actors")),
        }


def test_reliability_store_full_disk_rolls_back_with_a_clear_error(analyzer, tmp_path: Path) -> None:
    from presse.model import Document

    db = tmp_path / "full.db"
    docs = [Document(text=f"Le maire Jean Dupont{i} a déclaré que la route serait refaite en {2020 + i}.", id=str(i)) for i in range(40)]
    with StoreWriter(db) as writer:
        key, digest = document_hash(docs[0])
        writer.write_article(analyzer.analyze(docs[0]), key=key, digest=digest)
        pages = writer.conn.execute("PRAGMA page_count").fetchone()[0]
        writer.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
        with pytest.raises(StoreError, match="full"):
            for doc in docs[1:]:
                key, digest = document_hash(doc)
                writer.write_article(analyzer.analyze(doc), key=key, digest=digest)
    snapshot = _snapshot(db)
    assert 1 <= len(snapshot["articles"]) < 40


def test_reliability_store_read_only_database_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    source = _records(2, tmp_path)
    assert ingest([source], db).new == 2
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here to make the file read-only for root too")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "presse.cli", "ingest", str(_records(4, tmp_path)), "--db", str(db), "--quiet"],
            capture_output=True, text=True, timeout=300,
        )
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert result.returncode != 0
    assert "cannot write the store" in result.stderr and str(db) in result.stderr
    assert "Traceback" not in result.stderr
    assert len(_snapshot(db)["articles"]) == 2


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_reliability_store_ten_random_kills_then_resume(tmp_path: Path) -> None:
    n = 30
    source = _records(n, tmp_path)
    db = tmp_path / "killed.db"
    rng = random.Random(8)
    kills = 0
    command = [sys.executable, "-m", "presse.cli", "ingest", str(source), "--db", str(db), "--quiet"]
    while kills < 10 and _count(db) < n:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = _count(db) + rng.randint(0, 2)
        deadline = time.monotonic() + 120
        while _count(db) < target and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.random() * 0.3)  # land anywhere, inside a transaction too
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    assert kills >= 5, "the kills must interrupt running ingests for this test to mean anything"
    clean = tmp_path / "clean.db"
    assert ingest([source], clean).new == n
    assert _snapshot(db) == _snapshot(clean)
