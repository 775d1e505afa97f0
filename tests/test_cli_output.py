"""User text printed by the CLI (file names, database names) is text, never rich markup."""

from __future__ import annotations

import csv
import io
import json
import os
import re
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


# --- Width: piped or redirected output is never cut to 80 columns (--width N sets it) ---

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "anchorage-summit.fr.txt"


def piped(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`presse ARGS` with standard output a pipe and no COLUMNS, as in `presse … > file`."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.run(
        [sys.executable, "-m", "presse.cli", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd, env=env,
    )


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the reference article."""
    db = tmp_path_factory.mktemp("width") / "ref.db"
    result = piped("ingest", str(EXAMPLE), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    return db


def _table_rows(out: str) -> list[str]:
    """The body rows of the tables in `out` (the header panel has two borders, a row more)."""
    return [line for line in out.splitlines() if line.startswith("│") and line.count("│") > 2]


@pytest.mark.model
@pytest.mark.parametrize(
    "args",
    [
        ["analyze", str(EXAMPLE)],
        ["article", "1", "--db", "{db}"],
        ["actors", "--db", "{db}"],
        ["stats", "--db", "{db}"],
    ],
)
def test_cli_output_piped_tables_show_every_cell_whole(reference_db: Path, args: list[str]) -> None:
    result = piped(*(a.replace("{db}", str(reference_db)) for a in args))
    assert result.returncode == 0, result.stderr
    rows = _table_rows(result.stdout)
    assert rows and not [row for row in rows if "…" in row]
    assert any("Vladimir Poutine" in row for row in rows)
    assert "menti…" not in result.stdout and "mentions" in result.stdout


@pytest.mark.model
def test_cli_output_piped_report_keeps_one_line_per_row(reference_db: Path) -> None:
    result = piped("analyze", str(EXAMPLE))
    rows = _table_rows(result.stdout)
    # Every row of the actors and voices tables starts with a name: no row is a wrapped remainder.
    assert all(row.split("│")[1].strip() for row in rows)
    assert any("Volodymyr Zelensky" in row for row in rows)


@pytest.mark.model
@pytest.mark.parametrize(
    "args",
    [["analyze", str(EXAMPLE)], ["actors", "--db", "{db}"], ["stats", "--db", "{db}"]],
)
def test_cli_output_width_option_sets_the_columns(reference_db: Path, args: list[str]) -> None:
    from rich.cells import cell_len

    result = piped(*(a.replace("{db}", str(reference_db)) for a in args), "--width", "60")
    assert result.returncode == 0, result.stderr
    widths = [cell_len(line.rstrip()) for line in result.stdout.splitlines()]
    assert max(widths) <= 60 and max(widths) > 40


# --- Formats: every --format value prints what it names ---


def _is_csv(out: str) -> bool:
    rows = list(csv.reader(io.StringIO(out)))
    return len(rows) > 1 and len({len(row) for row in rows}) == 1 and not out.lstrip().startswith("{")


def _is_json_lines(out: str) -> bool:
    return bool(out.strip()) and all(isinstance(json.loads(line), dict) for line in out.splitlines())


def _is_json_object(out: str) -> bool:
    return len(out.splitlines()) == 1 and isinstance(json.loads(out), dict)


@pytest.mark.model
@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["stats", "-f", "csv"], _is_csv),
        (["stats", "-f", "json"], _is_json_object),
        (["stats", "-f", "table"], lambda out: "Corpus" in out and "┃" in out),
        (["actors", "-f", "csv"], _is_csv),
        (["actors", "-f", "json"], _is_json_lines),
        (["actors", "-f", "table"], lambda out: "Actors by mentions" in out and "┃" in out),
        (["quotes", "-f", "csv"], _is_csv),
        (["quotes", "-f", "json"], _is_json_lines),
        (["quotes", "-f", "table"], lambda out: "Quotes" in out and "┃" in out),
        (["article", "1", "-f", "json"], _is_json_object),
        (["article", "1", "-f", "markdown"], lambda out: out.startswith("# ") and "## Actors" in out),
        (["article", "1", "-f", "text"], lambda out: "Quotes (" in out and "┃" in out),
    ],
)
def test_cli_output_every_format_prints_what_it_names(reference_db: Path, args: list[str], check) -> None:
    result = piped(*args, "--db", str(reference_db))
    assert result.returncode == 0, result.stderr
    assert check(result.stdout), result.stdout[:500]


@pytest.mark.model
def test_cli_output_stats_csv_holds_the_figures(reference_db: Path) -> None:
    result = piped("stats", "--db", str(reference_db), "-f", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    figures = dict(rows[1:])
    assert rows[0] == ["figure", "value"]
    assert figures["articles"] == "1" and int(figures["quotes"]) > 5
    assert figures["presse_versions"]  # lists of names are joined, not dropped


def test_cli_output_stats_help_names_every_format() -> None:
    result = piped("stats", "--help")
    help_text = " ".join(result.stdout.split())
    for fmt in ("table:", "json:", "csv:"):
        assert fmt in help_text


# --- Help texts and empty results ---


def _command_paths() -> list[list[str]]:
    """Every command and group of `presse`, as the words that name it."""
    import typer.main

    from presse.cli import app

    paths: list[list[str]] = [[]]

    def walk(command, prefix: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


@pytest.mark.parametrize("words", _command_paths(), ids=lambda w: " ".join(w) or "presse")
def test_cli_output_help_has_no_artefacts(words: list[str]) -> None:
    result = piped(*words, "--help")
    assert result.returncode == 0, result.stderr
    usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage
    assert "<bool>" not in result.stdout


@pytest.mark.parametrize(
    ("words", "sentence"),
    [
        (["analyze"], "the exit code is 1 when any input failed."),
        (["batch"], "the exit code is 1 when any input or document of the batch failed"),
        (["ingest"], "listed at the end without stopping the run (exit code 0)."),
    ],
)
def test_cli_output_help_paragraphs_are_rewrapped(words: list[str], sentence: str) -> None:
    result = piped(*words, "--help")
    lines = [line.strip(" │") for line in result.stdout.splitlines()]
    # The paragraph flows to the panel's width: no line ends early where the docstring broke.
    assert sentence in " ".join(lines)
    broken = [line for line in lines if line.endswith(("exit code is 1", "recorded in the", "resumes: finished"))]
    assert not broken, broken


def test_cli_output_usage_names_arguments_conventionally() -> None:
    assert re.search(r" analyze \[OPTIONS\] PATHS\.\.\. *$", piped("analyze", "--help").stdout, re.M)
    assert re.search(r" ingest \[OPTIONS\] \[SOURCES\]\.\.\. *$", piped("ingest", "--help").stdout, re.M)


@pytest.mark.model
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quotes", "--search", "zzzzzz"], "No quotes match."),
        (["quotes", "--speaker", "Personne Inconnue"], "No quotes match."),
        (["quotes", "--search", "zzzzzz", "-f", "json"], "No quotes match."),
        (["actors", "--type", "LOC", "-n", "0", "--sort", "voice", "--db", "{empty}"], "No actors match."),
    ],
)
def test_cli_output_empty_result_says_so(
    reference_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    empty = tmp_path / "empty.db"
    (tmp_path / "blank.txt").write_text("  \n", encoding="utf-8")
    piped("ingest", str(tmp_path / "blank.txt"), "--db", str(empty), "--quiet")
    args = [a.replace("{empty}", str(empty)) for a in args]
    if "--db" not in args:
        args += ["--db", str(reference_db)]
    result = piped(*args)
    assert result.returncode == 0, result.stderr
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.model
def test_cli_output_empty_csv_keeps_its_header(reference_db: Path) -> None:
    result = piped("quotes", "--db", str(reference_db), "--search", "zzzzzz", "-f", "csv")
    assert result.returncode == 0 and "No quotes match." in result.stderr
    assert result.stdout.splitlines()[0].startswith("id,published,speaker")
