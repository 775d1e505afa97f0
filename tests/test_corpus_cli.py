"""The corpus commands end to end: ingest, actors, quotes, article, stats, export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from presse.cli import app
from test_store_stance import DATED, _write_document

pytestmark = pytest.mark.model

ARTICLES = [
    {
        "id": "climat-1",
        "date": "2017-06-02",
        "title": "Climat : Macron répond à Trump",
        "text": "Emmanuel Macron a déclaré : « Nous continuerons à travailler avec les États-Unis "
        "sur le climat. »\n\nLe président a reçu Angela Merkel à Paris.",
    },
    {
        "id": "travail-1",
        "date": "2017-09-12",
        "title": "Réforme du travail",
        "text": "« Je ne céderai rien, ni aux fainéants, ni aux cyniques », a affirmé le président "
        "Macron devant la communauté française d'Athènes.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "a.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ARTICLES), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", str(folder / "c.db")])
    assert result.exit_code == 0, result.output
    assert "2 new, 0 replaced, 0 unchanged, 0 failed" in result.output
    return folder / "c.db"


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_corpus_cli_actors_json(db: Path) -> None:
    rows = [json.loads(line) for line in _run("actors", "--db", str(db), "--type", "PER", "-f", "json").splitlines()]
    macron = next(r for r in rows if r["name"] == "Emmanuel Macron")
    assert (macron["articles"], macron["quotes"], macron["first_seen"]) == (2, 2, "2017-06-02")


def test_corpus_cli_quotes_search_without_accents(db: Path) -> None:
    out = _run("quotes", "--db", str(db), "--search", "Etats-Unis", "-f", "csv")
    assert "États-Unis" in out and "Emmanuel Macron" in out
    assert len(_run("quotes", "--db", str(db), "--speaker", "Macron", "--since", "2017-09-01", "-f", "json").splitlines()) == 1


def test_corpus_cli_article_and_stats(db: Path) -> None:
    assert "Réforme du travail" in _run("article", "id:travail-1", "--db", str(db))
    stats = json.loads(_run("stats", "--db", str(db), "-f", "json"))
    assert (stats["articles"], stats["first_date"], stats["errors"]) == (2, "2017-06-02", 0)


def test_corpus_cli_export_parquet(db: Path, tmp_path: Path) -> None:
    _run("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path))
    assert len(pd.read_parquet(tmp_path / "articles.parquet")) == 2


@pytest.fixture(scope="module")
def dated_db(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Jean Martin accuses, then congratulates Paul Durand; Emmanuel Macron meets Angela Merkel."""
    db = tmp_path_factory.mktemp("dated") / "dated.db"
    for document in DATED:
        _write_document(db, analyzer, document)
    return db


def _presse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "presse.cli", *args], capture_output=True, text=True)


def test_corpus_cli_export_gexf_co_mention_only_with_option(dated_db: Path, tmp_path: Path) -> None:
    def kinds(*option: str) -> set[str]:
        out = tmp_path / f"net{len(option)}.gexf"
        result = _presse("export", "--db", str(dated_db), "-f", "gexf", "-o", str(out), *option)
        assert result.returncode == 0, result.stderr
        return {data["kind"] for _, _, data in nx.read_gexf(out).edges(data=True)}

    assert kinds() == {"stance", "act"}
    assert kinds("--co-mention") == {"stance", "act", "co-mention"}


def test_corpus_cli_stance_pairs_with_swing(dated_db: Path) -> None:
    result = _presse("stance", "--db", str(dated_db), "--source", "Martin", "-f", "json")
    assert result.returncode == 0, result.stderr
    (pair,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (pair["source_name"], pair["target_name"]) == ("Jean Martin", "Paul Durand")
    assert (pair["first_date"], pair["last_date"], pair["swing"]) == ("2020-01-10", "2020-03-02", "negative→positive")
    assert pair["count"] == pair["negative"] + pair["positive"]
    table = _presse("stance", "--db", str(dated_db), "--until", "2020-02-28", "--width", "200")
    assert table.returncode == 0 and "Jean Martin" in table.stdout and "negative→positive" not in table.stdout
    # a meeting is no stance
    assert _presse("stance", "--db", str(dated_db), "--source", "Emmanuel Macron").stderr.strip() == "No stance matches."
    unknown = _presse("stance", "--db", str(dated_db), "--target", "Personne Inconnue")
    assert unknown.returncode == 2 and "no actor of that name" in unknown.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quotes", "--search", '"climat'], "invalid search query"),
        (["quotes", "--since", "juin"], "is not a date"),
        (["export", "--format", "csv", "--out", "unused", "--co-mention"], "--co-mention applies to the network"),
    ],
)
def test_corpus_cli_errors_are_one_line(db: Path, args: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", *args, "--db", str(db)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
