"""The ingest driver: idempotent, replaces changed texts, records bad documents and link-only
feed entries without stopping, reads folders, and the schema it creates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import shared_path
from presse.corpus.ingest import IngestEvent, ingest
from presse.errors import UsageError
from presse.ingest import Limits
from presse.store.schema import MIGRATIONS, applied_migrations, migrate

pytestmark = pytest.mark.model

TABLES = ("articles", "sections", "actors", "entities", "mentions", "quotes", "quote_about")


def _records(n: int) -> list[dict]:
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(next(fh)) for _ in range(n)]


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_corpus_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", _records(6))
    db = tmp_path / "c.db"
    events: list[IngestEvent] = []
    first = ingest([source], db, progress=events.append)
    assert (first.new, first.unchanged, first.failed) == (6, 0, 0)
    assert [e.outcome for e in events] == ["new"] * 6
    before = _counts(db)
    with sqlite3.connect(db) as conn:
        stamps = conn.execute("SELECT key, content_hash, ingested_at FROM articles").fetchall()
    second = ingest([source], db)
    assert (second.new, second.replaced, second.unchanged) == (0, 0, 6)
    assert _counts(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT key, content_hash, ingested_at FROM articles").fetchall() == stamps
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_corpus_changed_text_replaces_the_analysis(tmp_path: Path) -> None:
    records = _records(2)
    db = tmp_path / "c.db"
    ingest([_write_jsonl(tmp_path / "a.jsonl", records)], db)
    records[1]["title"] = "Lyon prête pour la fête"
    records[1]["text"] = "« Tout est prêt », a déclaré Jean Dupont, maire de Lyon, lundi."
    result = ingest([_write_jsonl(tmp_path / "b.jsonl", records)], db)
    assert (result.unchanged, result.replaced, result.new) == (1, 1, 0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
        texts = [r[0] for r in conn.execute("SELECT q.text FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.url = ?", (records[1]["url"],))]
        assert texts == ["Tout est prêt"]
        # no orphan left by the replaced analysis
        assert conn.execute("SELECT COUNT(*) FROM mentions m LEFT JOIN entities e USING (article_id, entity_id) WHERE e.entity_id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM actors WHERE articles = 0").fetchone()[0] == 0


def test_corpus_bad_documents_are_recorded_and_skipped(tmp_path: Path) -> None:
    good = _records(2)
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        json.dumps(good[0], ensure_ascii=False) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
        + json.dumps({"id": "long", "text": "Le maire a parlé. " * 400}) + "\n"
        + json.dumps(good[1], ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    db = tmp_path / "c.db"
    result = ingest([source, tmp_path / "binary.txt", tmp_path / "missing.txt"], db, limits=Limits(max_chars=5000))
    assert (result.new, result.failed) == (2, 5)
    with sqlite3.connect(db) as conn:
        errors = dict(conn.execute("SELECT source, reason FROM ingest_errors"))
    assert len(errors) == 5
    assert any("too large" in reason for reason in errors.values())
    assert any(source.endswith("missing.txt") for source in errors)
    assert {s for s, _ in result.errors} == set(errors)
    again = ingest([source, tmp_path / "binary.txt", tmp_path / "missing.txt"], db, limits=Limits(max_chars=5000))
    assert (again.unchanged, again.failed) == (2, 5)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM ingest_errors").fetchone()[0] == 5


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Le Journal</title><link>https://journal.example/</link>
<item><title>Conseil municipal</title><link>https://journal.example/conseil</link>
<guid>conseil-1</guid><pubDate>Mon, 05 Mar 2018 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>« Le budget sera voté en avril », a annoncé Anne Hidalgo, maire de Paris, lundi devant le conseil municipal.</p><p>L'opposition a dénoncé un calendrier trop serré.</p>]]></content:encoded></item>
<item><title>Lien seul</title><link>https://journal.example/lien</link><guid>lien-2</guid>
</item>
</channel></rss>
"""


def test_corpus_folder_with_text_html_and_feed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "article.txt").write_text(
        "Grève à la SNCF\n\n« Nous irons jusqu'au bout », a déclaré Philippe Martinez lundi.\n",
        encoding="utf-8",
    )
    (folder / "sub" / "page.html").write_text(
        "<html><head><title>Sommet à Bruxelles</title></head><body><article><h1>Sommet à Bruxelles</h1>"
        "<p>Angela Merkel a estimé que « l'Europe doit rester unie » face aux crises.</p>"
        "<p>Les dirigeants se retrouveront en juin pour un nouveau sommet européen.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "sub" / "feed.xml").write_text(FEED, encoding="utf-8")
    db = tmp_path / "c.db"
    result = ingest([folder], db)
    assert (result.new, result.failed, result.links) == (3, 0, 1)
    with sqlite3.connect(db) as conn:
        links = conn.execute("SELECT link, reason FROM feed_links").fetchall()
        speakers = {r[0] for r in conn.execute(
            "SELECT a.name FROM quotes q JOIN entities e ON e.article_id = q.article_id "
            "AND e.entity_id = q.speaker_entity JOIN actors a ON a.id = e.actor_id")}
    assert links[0][0] == "https://journal.example/lien" and "link" in links[0][1]
    assert {"Philippe Martinez", "Angela Merkel", "Anne Hidalgo"} <= speakers
    again = ingest([folder], db)
    assert (again.unchanged, again.links) == (3, 1)


def test_corpus_jobs_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--jobs"):
        ingest([tmp_path], tmp_path / "c.db", jobs=0)


def test_corpus_schema_migrations_are_named_and_idempotent(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    assert migrate(conn) == [name for name, _ in MIGRATIONS]
    assert migrate(conn) == []
    assert applied_migrations(conn) == [name for name, _ in MIGRATIONS]
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
    assert "remove_diacritics 2" in sql
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
