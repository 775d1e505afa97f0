"""Language of ingested documents (presse.ingest.language): detected, declared, forced."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from presse.errors import InputError, UsageError
from presse.ingest import iter_sources, read_source, settle_language
from presse.model import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE = ROOT / "examples" / "anchorage-summit.fr.txt"
SHORT_FR = "« Nous irons jusqu'au bout », a déclaré la ministre."


def english_text() -> str:
    with open(CORPUS / "wikinews-en-gum" / "articles.jsonl", encoding="utf-8") as fh:
        return json.loads(fh.readline())["text"]


@pytest.mark.parametrize(
    ("corpus", "expected"),
    [
        ("wikinews-fr", {"fr": 1191}),
        ("wikinews-fr-2012", {"fr": 84}),
        ("wikinews-en-gum", {"language is en (detected), presse analyzes fr": 43}),
    ],
)
def test_language_of_every_corpus_article(corpus: str, expected: dict[str, int]) -> None:
    outcomes = Counter(
        item.language if isinstance(item, Document) else item.problem
        for item in iter_sources([CORPUS / corpus / "articles.jsonl"])
    )
    assert outcomes == expected


def test_language_english_text_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(english_text(), encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_source(path))
    assert str(info.value) == (
        f"{path}: language is en (detected), presse analyzes fr (use --lang fr to force)"
    )


@pytest.mark.parametrize(
    ("text", "declared", "language", "warning"),
    [
        (SHORT_FR, None, "fr", "the text is too short (52 characters) to detect its language: analyzed as French"),
        (SHORT_FR, "fr", "fr", None),
        (EXAMPLE.read_text("utf-8"), None, "fr", None),
        (EXAMPLE.read_text("utf-8"), "en", "fr", "the source declares language en, the text is fr (detected)"),
    ],
)
def test_language_settled_for_french(
    text: str, declared: str | None, language: str, warning: str | None
) -> None:
    settled = settle_language(Document(text=text, language=declared))
    assert settled.language == language
    assert settled.warnings == ([warning] if warning else [])


@pytest.mark.parametrize(
    ("text", "declared", "problem"),
    [
        ("Short English line, declared so.", "en", "language is en (declared), presse analyzes fr"),
        (english_text(), "fr", "language is en (detected; declared fr), presse analyzes fr"),
        (english_text(), None, "language is en (detected), presse analyzes fr"),
    ],
)
def test_language_other_languages_are_errors(text: str, declared: str | None, problem: str) -> None:
    with pytest.raises(InputError) as info:
        settle_language(Document(text=text, language=declared, source="x.jsonl:1"))
    assert info.value.problem == problem and info.value.source == "x.jsonl:1"


def test_language_forced_french_analyzes_english_and_says_so() -> None:
    settled = settle_language(Document(text=english_text(), language="en"), "fr")
    assert settled.language == "fr"
    assert settled.warnings == ["analyzed as fr (--lang), but the text is en (detected)"]


def test_language_forcing_an_unsupported_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--lang de: presse analyzes fr only"):
        settle_language(Document(text=SHORT_FR), "de")
