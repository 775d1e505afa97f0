"""Normalised wordings, shingles, how two wordings relate and their word-level differences."""

from __future__ import annotations

import pytest

from presse.corpus.trail_text import relate, shingles, word_diff, words

# Real quotations from French Wikinews articles, with controlled edits.
FILLON = (
    "Il m'est arrivé de rémunérer, pour des missions précises, deux de mes enfants qui étaient "
    "avocats, en raison de leurs compétences"
)
SPICER = (
    "les photographes ont été intentionnellement orientés de façon à minimiser l'énorme soutien "
    "qui s'était accumulé devant le National Mall"
)


def test_trail_text_words_ignore_case_accents_punctuation_and_apostrophes() -> None:
    assert words("« Jusqu’au BOUT ! » Été") == words("jusqu'au bout, ete")
    assert words("Jusqu’au BOUT !") == ("jusqu", "au", "bout")


def test_trail_text_shingles_are_stable_across_processes() -> None:
    # BLAKE2b, not hash(): the stored index must mean the same thing in every process
    assert shingles(("nous", "irons", "jusqu", "au", "bout")) == shingles(words("Nous irons jusqu'au bout"))
    assert len(shingles(words("nous irons jusqu'au bout"))) == 3
    assert shingles(("un", "mot")) == shingles(("un", "mot")) != shingles(("mot", "un"))


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        (FILLON.upper().replace("'", "’"), "identical"),
        (FILLON.replace("leurs compétences", "leur compétence"), "variant"),
        (FILLON.replace(", en raison de leurs compétences", ""), "variant"),
        ("deux de mes enfants qui étaient avocats", "fragment"),
        ("deux de mes enfants, qui étaient tous avocats", "fragment"),
        (FILLON + ", a-t-il reconnu devant les journalistes réunis à Paris ce mercredi soir", "fragment"),
        (SPICER, None),
        ("il m'est arrivé de rémunérer des avocats", "fragment"),  # cut down: still its words
        ("de mes enfants", None),  # too short to be traced
        ("il m'est arrivé de penser que les enfants sont des avocats", None),  # scattered words
        ("en raison de leurs compétences et de leur travail", None),  # one stretch, then others
    ],
)
def test_trail_text_relate(other: str, relation: str | None) -> None:
    found = relate(words(FILLON), words(other))
    assert (found.relation if found else None) == relation
    again = relate(words(other), words(FILLON))
    assert (again.relation if again else None) == relation


def test_trail_text_relate_never_joins_short_identical_phrases() -> None:
    assert relate(words("les mesures"), words("Les mesures")) is None
    assert relate(words("rester chez eux"), words("rester chez eux")) is None


def test_trail_text_word_diff_marks_changes_and_keeps_the_words_as_written() -> None:
    variant = "Il m’est arrivé de rémunérer deux de mes enfants, qui étaient avocats, en raison de leur compétence"
    segments = word_diff(FILLON, variant)
    assert "".join(s.text for s in segments) == variant
    assert "".join(s.was for s in segments) == FILLON
    changes = [(s.op, s.was.strip(" ,"), s.text.strip(" ,")) for s in segments if s.op != "equal"]
    assert changes == [
        ("delete", "pour des missions précises", ""),
        ("replace", "leurs compétences", "leur compétence"),
    ]
    # an apostrophe or a comma is no difference
    assert [s.op for s in word_diff(FILLON, FILLON.replace("'", "’").replace(",", ""))] == ["equal"]
