"""Hostile input: every file of the generated corpus gets an analysis or a one-line error naming
it — never a crash, a traceback or a hang (one `presse analyze` process over all of them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.generate import generate

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, subprocess.CompletedProcess[str]]:
    directory = tmp_path_factory.mktemp("hostile")
    cases = generate(directory)
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", "analyze", "--format", "json", *(c.name for c in cases)],
        cwd=directory, capture_output=True, text=True, timeout=300,
    )
    return cases, result


def test_hostile_no_crash_and_every_document_answered(hostile_run) -> None:
    cases, result = hostile_run
    assert result.returncode == 1, result.stderr  # some inputs are bad, none crashed
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("presse: ")]
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(errors) + len(analyses) == sum(c.documents for c in cases)


@pytest.mark.parametrize(
    "name", ["binary.txt", "empty.txt", "whitespace.txt", "huge-line.txt", "malformed-feed.xml"]
)
def test_hostile_bad_files_get_one_line_naming_them(hostile_run, name: str) -> None:
    _, result = hostile_run
    assert [line for line in result.stderr.splitlines() if line.startswith(f"presse: {name}")]


def test_hostile_analyses_keep_their_invariants(hostile_run) -> None:
    cases, result = hostile_run
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    must = {c.name for c in cases if c.expect == "analysis"}
    assert must <= {Path(a["source"]).name for a in analyses}
    for article in analyses:
        text = article["text"]
        ids = {e["id"] for e in article["entities"]}
        for q in article["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            assert q["speaker"]["entity"] is None or q["speaker"]["entity"] in ids
        assert "<script" not in text and "onerror" not in text
