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
