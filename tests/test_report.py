"""The terminal report prints the article's own text verbatim, never as rich markup."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from rich.console import Console

from presse.model import Section
from presse.report import render_markdown, render_text
from presse.report.dynamics import evidence_markdown, evidence_text


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


# --- Wording: agreement, one section for the unvoiced, reported speech never in « » ---


def _both(article) -> tuple[str, str]:
    console = Console(record=True, width=300, highlight=False)
    render_text(article, console)
    return console.export_text(), render_markdown(article)


@pytest.mark.model
def test_report_counts_agree_with_their_nouns(reference_article) -> None:
    for shown in _both(reference_article):
        assert not re.search(r"(?<![\d,])1 (mentions|sentences|stance edges|quotes)\b", shown)
    text, markdown = _both(reference_article)
    assert re.search(r"\(1 sentence;", text) and re.search(r"target of 1 stance edge\b", text + markdown)
    assert re.search(r"\b[2-9] mentions, target of 0 stance edges", text)


@pytest.mark.model
def test_report_lists_the_unvoiced_once(reference_article) -> None:
    text, markdown = _both(reference_article)
    assert "Mentioned but never quoted" not in text + markdown
    assert text.count("Sidelined") == 1 and markdown.count("### Sidelined") == 1
    assert "Volodymyr Zelensky (PER): 2 mentions" in text


@pytest.mark.model
def test_report_stance_shows_reported_speech_without_quote_marks(reference_article) -> None:
    quotes = {q.id: q for q in reference_article.quotes}
    edges = [e for e in reference_article.stance if e.via == "quote"]
    kinds = {quotes[e.evidence_id].kind for e in edges}
    assert {"direct", "indirect"} <= kinds
    for edge in edges:
        quote = quotes[edge.evidence_id]
        shown = evidence_text(reference_article, edge)
        italic = "".join(shown.plain[s.start : s.end] for s in shown.spans if s.style == "italic")
        md = evidence_markdown(reference_article, edge)
        if quote.kind == "direct":
            assert f"« {quote.text[:15]}" in shown.plain and not italic
            assert f"« {quote.text[:15]}" in md
        else:
            assert italic.startswith(quote.text[:15]) and f"« {quote.text[:15]}" not in shown.plain
            assert f"*{quote.text[:15]}" in md and f"« {quote.text[:15]}" not in md
    text, markdown = _both(reference_article)
    reported = next(quotes[e.evidence_id].text for e in edges if quotes[e.evidence_id].kind == "indirect")
    assert f"« {reported[:15]}" not in text and f"« {reported[:15]}" not in markdown


# --- The gender balance of the quoted persons, unknown shown ---

BALANCE = (
    "« Je ne céderai rien », a affirmé Emmanuel Macron devant les élus.\n\n"
    "Angela Merkel a salué la décision.\n\n"
    "Camille Rivière, porte-parole de l'association, a dit : « C'est une victoire pour tous. »\n"
)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_report_quoted_persons_by_gender(tmp_path, fmt: str) -> None:
    source = tmp_path / "balance.txt"
    source.write_text(BALANCE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", "analyze", str(source), "--format", fmt],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "Quoted persons by gender" in line)
    rows = {}
    for line in lines[start:start + 12]:
        cells = [c for c in re.split(r"\s*[|│]\s*", line.strip()) if c]
        if cells and cells[0] in ("women", "men", "groups of both", "unknown"):
            rows[cells[0]] = [int(c) for c in cells[1:]]
    # Camille is a first name of both sexes and nothing in the text agrees: unknown, and shown
    assert rows == {"women": [1, 1, 2, 1], "men": [1, 1, 4, 1], "groups of both": [0, 0, 0, 0],
                    "unknown": [1, 1, 5, 1]}
