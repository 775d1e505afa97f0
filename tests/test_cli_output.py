"""User text printed by the CLI (file names, database names) is text, never rich markup."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def presse(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presse.cli", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd,
    )


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["eval", "quotes", "x[bold]y.jsonl"], "x[bold]y.jsonl"),
        (["eval", "entities", "x[/]y"], "x[/]y"),
        (["analyze", "e[bold]mpty.txt"], "e[bold]mpty.txt"),
        (["actors", "--db", "n[red]o.db"], "n[red]o.db"),
        (["ingest", "e[bold]mpty.txt", "--db", "d[red]b.db", "--quiet"], "d[red]b.db: 0 new"),
    ],
)
def test_cli_output_error_lines_show_file_names_verbatim(
    tmp_path: Path, args: list[str], shown: str
) -> None:
    (tmp_path / "e[bold]mpty.txt").write_text("  \n", encoding="utf-8")
    result = presse(*args, cwd=tmp_path)
    assert shown in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_cli_output_stats_title_shows_the_database_name(tmp_path: Path) -> None:
    (tmp_path / "e[bold]mpty.txt").write_text("  \n", encoding="utf-8")
    presse("ingest", "e[bold]mpty.txt", "--db", "d[red]b.db", "--quiet", cwd=tmp_path)
    result = presse("stats", "--db", "d[red]b.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Corpus d[red]b.db" in result.stdout


@pytest.mark.model
def test_cli_output_eval_table_shows_the_gold_file_name(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "eval" / "presse" / "mini.jsonl", tmp_path / "g[bold]old.jsonl")
    result = presse("eval", "quotes", "g[bold]old.jsonl", "--no-progress", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "g[bold]old.jsonl" in result.stdout
