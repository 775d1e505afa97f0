"""One count per utterance: a mixed quotation and the direct stretch inside it are kept as two
spans but counted once — in the article's voices, in the corpus store (old stores migrated), in
`presse actors` and `presse stats`, and in the exports."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from conftest import shared_path
from presse.analyze.utterances import link_parts, utterances
from presse.model import Article, Document, Quote, Speaker
from presse.store.schema import MIGRATIONS
from presse.store.writer import StoreWriter, content_hash

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "anchorage-summit.fr.txt"
CASTILLO_ID = "winer-fr-2016_07_25-001"  # a dev-set article: « Le nouveau-né irait « bien » et « … », déclare X


def _corpus_record(record_id: str) -> dict:
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if f'"{record_id}"' in line:
                record = json.loads(line)
                if record["id"] == record_id:
                    return record
    pytest.skip(f"{record_id} is not in {path}")


def _voice(article: Article, name: str):
    return next(v for v in article.voices if v.name == name)


def _quote(id_: str, kind: str, start: int, end: int, speaker: str | None) -> Quote:
    text = "x" * (end - start)
    return Quote(
        id=id_, text=text, start=start, end=end, kind=kind,  # type: ignore[arg-type]
        speaker=Speaker(entity=speaker, name=speaker), confidence=0.9,
        evidence="indirect: reporting verb + que-clause" if kind != "direct"
        else "direct: inside a reported clause",
    )


@pytest.mark.parametrize(
    ("quotes", "parts"),
    [
        # the direct stretch of the speaker's own mixed quote is part of it
        ([_quote("q1", "mixed", 0, 50, "e1"), _quote("q2", "direct", 20, 40, "e1")], {"q2": "q1"}),
        # two direct stretches of one mixed quote: both parts
        ([_quote("q1", "mixed", 0, 50, "e1"), _quote("q2", "direct", 5, 10, "e1"),
          _quote("q3", "direct", 20, 48, "e1")], {"q2": "q1", "q3": "q1"}),
        # marks running past the clause the parse delimited: still the same words
        ([_quote("q1", "mixed", 0, 50, "e1"), _quote("q2", "direct", 40, 60, "e1")], {"q2": "q1"}),
        # another speaker's words are another utterance
        ([_quote("q1", "mixed", 0, 50, "e1"), _quote("q2", "direct", 20, 40, "e2")], {}),
        # a direct quote elsewhere, and an indirect quote, are counted on their own
        ([_quote("q1", "mixed", 0, 50, "e1"), _quote("q2", "direct", 60, 70, "e1"),
          _quote("q3", "indirect", 80, 90, "e1")], {}),
        # no speaker on either: the same (unknown) voice
        ([_quote("q1", "mixed", 0, 50, None), _quote("q2", "direct", 20, 40, None)], {"q2": "q1"}),
    ],
)
def test_utterances_link_parts(quotes: list[Quote], parts: dict[str, str]) -> None:
    link_parts(quotes)
    assert {q.id: q.part_of for q in quotes if q.part_of} == parts
    assert [q.id for q in utterances(quotes)] == [q.id for q in quotes if q.id not in parts]


@pytest.mark.model
def test_utterances_reference_article_counts_once(reference_article: Article) -> None:
    racines = next(q for q in reference_article.quotes if q.text == "causes racines")
    mixed = next(q for q in reference_article.quotes if q.id == racines.part_of)
    # both spans stay, for display and evaluation
    assert mixed.kind == "mixed" and mixed.start <= racines.start and racines.end <= mixed.end
    poutine = _voice(reference_article, "Vladimir Poutine")
    # « souligné la nécessité de « tourner la page » » (mixed: a noun-phrase content holding the
    # marked words), « le simple fait … », « vanté le potentiel d'échanges … », « la responsabilité
    # … ces « causes racines » »: four utterances, none of them a bare direct quotation
    assert (poutine.quotes, poutine.direct_quotes, poutine.indirect_quotes) == (4, 0, 4)
    trump = _voice(reference_article, "Donald Trump")
    # seven marked stretches, two que-clauses and « a promis un appel à Zelensky »
    assert (trump.quotes, trump.direct_quotes, trump.indirect_quotes) == (10, 7, 3)


@pytest.mark.model
def test_utterances_corpus_article_mixed_quote_counts_once(analyzer) -> None:
    record = _corpus_record(CASTILLO_ID)
    article = analyzer.analyze(Document(text=record["text"], title=record["title"], id=record["id"]))
    castillo = _voice(article, "Félix Castillo")
    own = [q for q in article.quotes if q.speaker.entity == castillo.entity]
    # « Le nouveau-né irait « bien » et « ses fonctions … stables », déclare Félix Castillo »:
    # one utterance, shown as the mixed quote and its two marked stretches
    assert sorted(q.kind for q in own) == ["direct", "direct", "mixed"]
    assert (castillo.quotes, castillo.direct_quotes, castillo.indirect_quotes) == (1, 0, 1)
    assert castillo.quoted_words == max(q.quoted_words for q in own)


def _presse(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", *args], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the reference article and the corpus article, ingested by the CLI."""
    folder = tmp_path_factory.mktemp("utterances")
    record = _corpus_record(CASTILLO_ID)
    source = folder / "articles.jsonl"
    source.write_text(
        json.dumps({"id": "anchorage", "text": EXAMPLE.read_text(encoding="utf-8")}, ensure_ascii=False)
        + "\n" + json.dumps(record, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    db = folder / "corpus.db"
    _presse("ingest", str(source), "--db", str(db), "-q")
    return db


@pytest.mark.model
def test_utterances_cli_actors_and_stats_count_once(corpus_db: Path) -> None:
    rows = {
        r["name"]: r
        for r in map(json.loads, _presse("actors", "--db", str(corpus_db), "-n", "0", "-f", "json").stdout.splitlines())
    }
    assert rows["Vladimir Poutine"]["quotes"] == 4  # « causes racines » counted once, in its mixed quote
    assert rows["Félix Castillo"]["quotes"] == 1
    assert rows["Félix Castillo"]["voice"] <= 1.0
    stats = json.loads(_presse("stats", "--db", str(corpus_db), "-f", "json").stdout)
    with closing(sqlite3.connect(corpus_db)) as conn:
        rows_stored = conn.execute("SELECT COUNT(*), COUNT(part_of) FROM quotes").fetchone()
    assert rows_stored[1] >= 3  # « causes racines », « bien », « ses fonctions … »
    assert stats["quotes"] == rows_stored[0] - rows_stored[1]


@pytest.mark.model
def test_utterances_exports_count_once(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    _presse("export", "--db", str(corpus_db), "-f", "jsonl", "-o", str(out))
    quotes = [json.loads(line) for line in (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {q["text"] for q in quotes if q["part_of"]} >= {"causes racines", "bien"}
    assert sum(a["quotes"] for a in articles) == sum(1 for q in quotes if q["part_of"] is None)


def _write(db: Path, article: Article, key: str) -> None:
    with StoreWriter(db) as writer:
        writer.write_article(article, key=key, digest=content_hash(key, article.text))


@pytest.mark.model
def test_utterances_migration_fixes_stores_written_before(tmp_path: Path, reference_article: Article) -> None:
    # later migrations (0006_quote_trails) do not touch part_of: undoing this one alone is an older store
    assert "0004_quote_part_of" in [name for name, _ in MIGRATIONS]
    db = tmp_path / "old.db"
    _write(db, reference_article, "anchorage")
    # the store as an older presse left it: no part_of, the direct stretch counted twice
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("DROP INDEX quotes_part_of")
        conn.execute("ALTER TABLE quotes DROP COLUMN part_of")
        conn.execute("DELETE FROM migrations WHERE name = '0004_quote_part_of'")
        conn.execute(
            "UPDATE entities SET quotes = (SELECT COUNT(*) FROM quotes q WHERE q.article_id = "
            "entities.article_id AND q.speaker_entity = entities.entity_id)"
        )
        conn.execute("UPDATE actors SET quotes = (SELECT SUM(quotes) FROM entities e WHERE e.actor_id = actors.id)")
        old = reference_article.model_dump(mode="json")
        for quote in old["quotes"]:
            del quote["part_of"]
        for voice in old["voices"]:
            voice["quotes"] = sum(1 for q in old["quotes"] if q["speaker"]["entity"] == voice["entity"])
            voice["direct_quotes"] = sum(
                1 for q in old["quotes"] if q["speaker"]["entity"] == voice["entity"] and q["kind"] == "direct"
            )
        conn.execute("UPDATE articles SET analysis = ?", (json.dumps(old, ensure_ascii=False),))
        assert conn.execute("SELECT quotes FROM actors WHERE name = 'Vladimir Poutine'").fetchone() == (6,)  # the old count: « causes racines » and « tourner la page » twice
    with StoreWriter(db):
        pass  # opening the store for writing migrates it
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT quotes FROM actors WHERE name = 'Vladimir Poutine'").fetchone() == (4,)
        assert conn.execute("SELECT part_of FROM quotes WHERE text = 'causes racines'").fetchone() == (
            next(q.part_of for q in reference_article.quotes if q.text == "causes racines"),
        )
        stored = Article.model_validate_json(conn.execute("SELECT analysis FROM articles").fetchone()[0])
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stored.quotes == reference_article.quotes
    assert [v.model_dump() for v in stored.voices] == [v.model_dump() for v in reference_article.voices]
