"""The command line: formats, bad input, exit codes (runs the installed `presse`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "anchorage-summit.fr.txt"
CHECKER = ROOT.parent / "shared" / "tools" / "check-article-json"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "presse.cli", *args], input=stdin, capture_output=True, timeout=300
    )


@pytest.mark.model
def test_cli_json_output_meets_contract(tmp_path: Path) -> None:
    result = run("analyze", str(EXAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    article = json.loads(lines[0])
    assert article["language"] == "fr" and article["quotes"] and article["entities"]
    if CHECKER.exists():
        check = subprocess.run([str(CHECKER)], input=result.stdout, capture_output=True, timeout=120)
        assert check.returncode == 0, check.stdout.decode() + check.stderr.decode()


@pytest.mark.model
def test_cli_good_inputs_survive_a_bad_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    good = tmp_path / "good.txt"
    good.write_text("« Nous irons jusqu'au bout », a déclaré la ministre Élisabeth Borne.", encoding="utf-8")
    result = run("analyze", str(empty), str(good), "--format", "json")
    assert result.returncode == 1
    assert "empty.txt" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert len(result.stdout.decode().splitlines()) == 1


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: (p / "d").mkdir() or p / "d", "no supported files"),
        (lambda p: (p / "bin.txt").write_bytes(b"\x00\x01\x02" * 100) and p / "bin.txt", "binary"),
    ],
)
def test_cli_bad_input_one_line_and_exit_1(tmp_path: Path, make, needle: str) -> None:
    path = make(tmp_path)
    result = run("analyze", str(path))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert needle in err.lower() and "Traceback" not in err


def test_cli_schema_is_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "quotes" in schema["properties"] and "$defs" in schema


def test_cli_usage_error_exit_2() -> None:
    result = run("analyze", str(EXAMPLE), "--format", "yaml")
    assert result.returncode == 2
