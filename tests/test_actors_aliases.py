"""Acronyms and their expansions (presse.analyze.actors.aliases): elided articles spell no
letter, and an acronym written as a word (« Farc ») is one when a name of the article spells it."""

from __future__ import annotations

import pytest

from presse.analyze.actors.aliases import initials, is_word_acronym
from presse.model import Document


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Bureau d'enquêtes et d'analyses", "BEA"),
        ("Fédération nationale des syndicats d'exploitants agricoles", "FNSEA"),
        ("Organisation mondiale de la santé", "OMS"),
    ],
)
def test_actors_aliases_initials_skip_elided_words(name: str, letters: str) -> None:
    assert initials(name) == letters


@pytest.mark.parametrize(("word", "acronym"), [("Farc", True), ("Unesco", True), ("FARC", False), ("Le", False)])
def test_actors_aliases_word_acronym(word: str, acronym: bool) -> None:
    assert is_word_acronym(word) is acronym


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Le Bureau d'enquêtes et d'analyses a publié son rapport. Le BEA a affirmé que les "
         "pilotes avaient mal réagi.", "Bureau d'enquêtes et d'analyses"),
        ("La Fédération nationale des syndicats d'exploitants agricoles appelle à manifester. La "
         "FNSEA a dénoncé des normes trop lourdes.", "Fédération nationale des syndicats d'exploitants agricoles"),
        ("Les Forces armées révolutionnaires de Colombie ont signé la paix. Les Farc ont affirmé "
         "qu'elles rendraient les armes.", "Forces armées révolutionnaires de Colombie"),
    ],
)
def test_actors_aliases_acronym_speaker_is_the_expansion(analyzer, text: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert article.quotes[-1].speaker.name == speaker
