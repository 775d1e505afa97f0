"""Shared fixtures: the analyzer is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "anchorage-summit.fr.txt"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def analyzer():
    """The process-wide presse analyzer (loads fr_core_news_md once)."""
    from presse.analyze.pipeline import get_analyzer

    return get_analyzer()


@pytest.fixture(scope="session")
def reference_article(analyzer):
    """The bundled reference article, analyzed."""
    from presse.model import Document

    return analyzer.analyze(Document(text=EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE)))


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (the browser tests skip without it)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium package to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield chromium
        chromium.close()


def shared_path(*parts: str) -> Path:
    """A path in ../shared, skipping the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora live beside the repository)")
    return path


def speaker_name(article, quote) -> str | None:
    """The name of a quote's speaker as a user reads it: its actor's canonical name, else the
    mention's text (None when the speaker is unknown)."""
    ent = article.entity(quote.speaker.entity) if quote.speaker.entity else None
    return ent.name if ent else quote.speaker.name


def quote_with_text(article, text: str):
    """The article's first quote whose span reads `text`; fails the test, listing the quotes
    found, when there is none."""
    match = [q for q in article.quotes if q.text == text]
    assert match, f"{text!r} not in {[q.text for q in article.quotes]}"
    return match[0]


def undo_gender_migration(conn) -> None:
    """Undo 0005_gender_evidence on an autocommit connection: the store as presse left it before
    gender was stored."""
    conn.execute("DROP TABLE gender_voices")
    conn.execute("DROP TABLE gender_totals")
    conn.execute("DROP INDEX actors_gender_quotes")
    for table in ("entities", "actors"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN gender")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN gender_evidence")
    conn.execute("DELETE FROM migrations WHERE name = '0005_gender_evidence'")
