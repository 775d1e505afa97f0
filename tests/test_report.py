"""The terminal report prints the article's own text verbatim, never as rich markup."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.console import Console

from presse.model import Section
from presse.report import render_markdown, render_text


@pytest.mark.model
def test_report_text_prints_names_headings_and_warnings_verbatim(reference_article) -> None:
    article = reference_article.model_copy(deep=True)
    voice = next(v for v in article.voices if v.quotes)
    voice.name = "Vladimir [bold]Poutine"
    article.sections = [Section(heading="[Analyse] Le sommet [/]", start=0, end=10)]
    article.warnings = ["unpaired « at [red]12"]
    console = Console(record=True, width=200, highlight=False)
    render_text(article, console)
    shown = console.export_text()
    for text in ("Vladimir [bold]Poutine", "[Analyse] Le sommet [/]", "unpaired « at [red]12"):
        assert text in shown
    assert "Vladimir [bold]Poutine" in render_markdown(article)


UNPAIRED = (
    "Le ministre Jean Dupont a déclaré : « Nous ne reculerons pas devant les syndicats.\n\n"
    "La réforme sera votée en juin, selon le gouvernement.\n"
)


@pytest.mark.model
@pytest.mark.parametrize(("fmt", "heading"), [("text", "Warnings"), ("markdown", "## Warnings")])
def test_report_shows_warnings_in_every_human_format(tmp_path, fmt: str, heading: str) -> None:
    source = tmp_path / "unpaired.txt"
    source.write_text(UNPAIRED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", "analyze", str(source), "--format", fmt],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert heading in lines
    after = lines[lines.index(heading):]
    assert any("'«' at offset 36 is never closed" in line for line in after)
