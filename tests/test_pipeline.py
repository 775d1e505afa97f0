"""Integration: the bundled reference article, end to end (loads the model)."""

from __future__ import annotations

import pytest

from conftest import speaker_name
from presse.model import Article

pytestmark = pytest.mark.model

DIRECT = [
    ("tourner la page", "Vladimir Poutine"),
    ("causes racines", "Vladimir Poutine"),
    ("conséquences très graves", "Donald Trump"),
    ("extrêmement productive", "Donald Trump"),
    ("grands progrès", "Donald Trump"),
    ("points d’accord", "Donald Trump"),
    ("canular Russie, Russie, Russie", "Donald Trump"),
    ("il n’y a pas d’accord tant qu’il n’y a pas d’accord", "Donald Trump"),
    ("c’est à eux de décider", "Donald Trump"),
]


@pytest.mark.parametrize(("text", "speaker"), DIRECT)
def test_pipeline_reference_direct_quotes_and_speakers(reference_article: Article, text: str, speaker: str) -> None:
    match = [q for q in reference_article.quotes if q.kind == "direct" and q.text == text]
    assert match, f"direct quote {text!r} not found"
    assert speaker_name(reference_article, match[0]) == speaker


def test_pipeline_reference_has_exactly_nine_direct_quotes(reference_article: Article) -> None:
    assert sorted(q.text for q in reference_article.quotes if q.kind == "direct") == sorted(t for t, _ in DIRECT)


def test_pipeline_reference_reported_speech(reference_article: Article) -> None:
    reported = [q for q in reference_article.quotes if q.kind in ("indirect", "mixed")]
    assert len(reported) >= 3
    assert all(speaker_name(reference_article, q) in ("Donald Trump", "Vladimir Poutine") for q in reported)


@pytest.mark.parametrize(
    ("description", "person"),
    [
        ("président russe", "Vladimir Poutine"),
        ("dirigeant russe", "Vladimir Poutine"),
        ("président américain", "Donald Trump"),
        ("président des États-Unis", "Donald Trump"),
        ("son homologue", "Vladimir Poutine"),
    ],
)
def test_pipeline_reference_descriptions_resolved(reference_article: Article, description: str, person: str) -> None:
    owners = {
        e.name
        for e in reference_article.entities
        for m in e.mentions
        if m.kind == "description" and description in m.text
    }
    assert owners == {person}


def test_pipeline_reference_structure(reference_article: Article) -> None:
    assert reference_article.authors == ["Paul Lamier"]
    assert reference_article.outlet == "Grandes Lignes"
    assert len(reference_article.sections) == 6
    assert reference_article.standfirst and reference_article.standfirst.startswith("La rencontre")


def test_pipeline_reference_voices(reference_article: Article) -> None:
    voiced = {v.name for v in reference_article.voices if v.quotes}
    assert voiced == {"Donald Trump", "Vladimir Poutine"}
    unvoiced = {v.name for v in reference_article.unvoiced()}
    assert {"Kiev", "Volodymyr Zelensky", "Europe"} <= unvoiced
    assert "Paul Lamier" not in {e.name for e in reference_article.entities}


def test_pipeline_offsets_slice_the_text(reference_article: Article) -> None:
    text = reference_article.text
    for e in reference_article.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    ids = {e.id for e in reference_article.entities}
    for q in reference_article.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        assert q.speaker.entity is None or q.speaker.entity in ids
    for s in reference_article.sections:
        assert text[s.heading_start : s.heading_end] == s.heading
