"""The input options of `analyze`, `ingest` and `batch` as a user meets them (the installed CLI
run as a subprocess): size limits, languages, feed summaries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "anchorage-summit.fr.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PRESSE_MAX_BYTES"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "presse.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
        cwd=cwd,
    )


def command(name: str, tmp_path: Path) -> list[str]:
    """The command line of ``name`` up to its inputs (each writes into ``tmp_path``)."""
    return {
        "analyze": ["analyze", "--format", "json"],
        "ingest": ["ingest", "--db", str(tmp_path / "corpus.db"), "--quiet"],
        "batch": ["batch", "--out", str(tmp_path / "shards"), "--quiet"],
    }[name]


# --- size limits (--max-bytes, PRESSE_MAX_BYTES) ------------------------------------------------


@pytest.mark.parametrize("name", ["analyze", "ingest", "batch"])
@pytest.mark.parametrize("how", ["option", "environment"])
def test_cli_max_bytes_lowers_the_limit_and_the_message_says_how_to_raise_it(
    tmp_path: Path, name: str, how: str
) -> None:
    size = EXAMPLE.stat().st_size
    limit = ["--max-bytes", "1000"] if how == "option" else []
    env = {"PRESSE_MAX_BYTES": "1000"} if how == "environment" else None
    result = run(*command(name, tmp_path), *limit, str(EXAMPLE), env=env)
    assert result.returncode == (0 if name == "ingest" else 1), result.stderr
    message = " ".join(result.stderr.split())  # rich may wrap the ingest summary
    assert f"is too large ({size:,} bytes, the limit is 1,000 bytes)" in message
    assert "--max-bytes N or PRESSE_MAX_BYTES=N" in message
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_cli_max_bytes_option_raises_the_limit_over_the_environment(tmp_path: Path) -> None:
    big = tmp_path / "article.txt"
    big.write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    result = run(
        "analyze", "--format", "json", "--max-bytes", "100000", str(big),
        env={"PRESSE_MAX_BYTES": "1000"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quotes"]


@pytest.mark.parametrize("value", ["ten", "-5", "0"])
def test_cli_max_bytes_bad_value_is_a_usage_error(value: str) -> None:
    result = run("analyze", str(EXAMPLE), env={"PRESSE_MAX_BYTES": value})
    assert result.returncode == 2
    assert "PRESSE_MAX_BYTES" in result.stderr or "size limit" in result.stderr
    assert "Traceback" not in result.stderr


# --- feed entries with only a summary -----------------------------------------------------------


SUMMARY_WARNING = "the feed gives only this entry's summary"


@pytest.mark.model
@pytest.mark.parametrize("feed", ["feed.rss", "feed.atom"])
def test_cli_analyze_feed_reads_a_summary_only_entry_and_says_so(feed: str) -> None:
    result = run("analyze", "--format", "json", str(FIXTURES / feed))
    assert result.returncode == 0, result.stderr
    full, teaser = (json.loads(line) for line in result.stdout.splitlines())
    assert not any(SUMMARY_WARNING in w for w in full["warnings"])
    assert any(SUMMARY_WARNING in w for w in teaser["warnings"])
    assert teaser["text"].endswith(".") and teaser["title"]


@pytest.mark.model
def test_cli_ingest_feed_stores_the_summary_only_entry_like_analyze(tmp_path: Path) -> None:
    result = run(*command("ingest", tmp_path), str(FIXTURES / "feed.rss"))
    assert result.returncode == 0, result.stderr
    assert "2 new, 0 replaced, 0 unchanged, 0 failed" in " ".join(result.stderr.split())
    article = run("article", "winer-fr-2016_05_12-002", "--db", str(tmp_path / "corpus.db"),
                  "--format", "json")
    assert article.returncode == 0, article.stderr
    assert any(SUMMARY_WARNING in w for w in json.loads(article.stdout)["warnings"])


# --- languages ----------------------------------------------------------------------------------


CORPUS = ROOT.parent / "shared" / "corpus"
REFUSED = "language is en (detected), presse analyzes fr (use --lang fr to force)"


def english_record() -> dict[str, str]:
    with open(CORPUS / "wikinews-en-gum" / "articles.jsonl", encoding="utf-8") as fh:
        return json.loads(fh.readline())


@pytest.fixture
def english_inputs(tmp_path: Path) -> dict[str, Path]:
    """An English article as a text file and as a JSON Lines record declaring ``lang: en``."""
    record = english_record()
    text = tmp_path / "article.txt"
    text.write_text(record["text"], encoding="utf-8")
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"text": text, "jsonl": jsonl}


@pytest.mark.parametrize("kind", ["text", "jsonl"])
def test_cli_analyze_english_is_one_line_and_exit_1(
    english_inputs: dict[str, Path], kind: str
) -> None:
    path = english_inputs[kind]
    name = f"{path}#{english_record()['id']}" if kind == "jsonl" else str(path)
    result = run("analyze", "--format", "json", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"presse: {name}: {REFUSED}"


@pytest.mark.model
def test_cli_analyze_lang_fr_forces_the_analysis(english_inputs: dict[str, Path]) -> None:
    result = run("analyze", "--format", "json", "--lang", "fr", str(english_inputs["jsonl"]))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["language"] == "fr"
    assert "analyzed as fr (--lang), but the text is en (detected)" in article["warnings"]


@pytest.mark.model
def test_cli_analyze_reports_the_language_and_short_texts(tmp_path: Path) -> None:
    short = tmp_path / "brève.txt"
    short.write_text("« Nous irons jusqu'au bout », a déclaré la ministre.", encoding="utf-8")
    result = run("analyze", "--format", "json", str(EXAMPLE), str(short))
    assert result.returncode == 0, result.stderr
    full, brief = (json.loads(line) for line in result.stdout.splitlines())
    assert full["language"] == brief["language"] == "fr"
    assert not any("language" in w for w in full["warnings"])
    assert any("too short" in w and "analyzed as French" in w for w in brief["warnings"])


def test_cli_lang_other_than_fr_is_a_usage_error() -> None:
    result = run("analyze", "--lang", "en", str(EXAMPLE))
    assert result.returncode == 2
    assert "--lang en: presse analyzes fr only" in result.stderr


@pytest.mark.model
@pytest.mark.parametrize("name", ["ingest", "batch"])
def test_cli_corpus_commands_record_english_and_go_on(
    tmp_path: Path, english_inputs: dict[str, Path], name: str
) -> None:
    inputs = [str(english_inputs["text"]), str(EXAMPLE), str(english_inputs["jsonl"])]
    result = run(*command(name, tmp_path), *inputs)
    message = " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    if name == "ingest":
        assert result.returncode == 0, result.stderr
        assert "1 new, 0 replaced, 0 unchanged, 2 failed" in message
    else:
        assert result.returncode == 1, result.stderr
        assert "3 items → 1 article, 2 errors" in message
    assert message.count("language is en (detected)") == 2
    forced = run(*command(name, tmp_path), "--lang", "fr", *(["--restart"] if name == "batch" else []), *inputs)
    assert forced.returncode == 0, forced.stderr
    if name == "ingest":
        assert "2 new, 0 replaced, 1 unchanged, 0 failed" in " ".join(forced.stderr.split())


# --- HTML: standfirst and blockquotes -----------------------------------------------------------


@pytest.mark.model
def test_cli_analyze_html_reads_the_standfirst_and_keeps_blockquotes_as_quotations() -> None:
    result = run("analyze", "--format", "json", str(FIXTURES / "quotations.html"))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["standfirst"].startswith("Ce mercredi 4 mai la Banque centrale européenne")
    assert [b["kind"] for b in article["blocks"]][:2] == ["title", "standfirst"]
    quotes = {q["text"].split()[0]: q for q in article["quotes"] if q["kind"] == "direct"}
    # the speaker from the text before it, from the blockquote's <cite>, and none to be found
    assert quotes["Ce"]["speaker"]["name"] == "Michel Sapin"
    assert quotes["Pourquoi"]["speaker"]["name"] == "Igor Angelini"
    assert quotes["Les"]["speaker"]["name"] is None
