"""Subjects as actor resolution reads them (presse.analyze.actors.subjects)."""

from __future__ import annotations

import pytest

from parses import parse
from presse.analyze.actors.subjects import is_main_clause_subject, subject_of

# « Alain Juppé a annoncé qu' il part . »
MAIN = parse(
    ["Alain", "Juppé", "a", "annoncé", "qu'", "il", "part", "."],
    [3, 0, 3, 3, 6, 6, 3, 3],
    ["nsubj", "flat:name", "aux:tense", "ROOT", "mark", "nsubj", "ccomp", "punct"],
    ["PROPN", "PROPN", "AUX", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
)
# « Paul a rencontré Marie . »
OBJECT = parse(
    ["Paul", "a", "rencontré", "Marie", "."],
    [2, 2, 2, 2, 2],
    ["nsubj", "aux:tense", "ROOT", "obj", "punct"],
    ["PROPN", "AUX", "VERB", "PROPN", "PUNCT"],
)


@pytest.mark.parametrize(
    ("doc", "start", "end", "expected"),
    [
        (MAIN, 0, 2, True),  # the main clause's subject
        (MAIN, 5, 6, False),  # a subordinate clause's subject
        (OBJECT, 0, 1, True),
        (OBJECT, 3, 4, False),  # an object
    ],
)
def test_subjects_main_clause_subject(doc, start: int, end: int, expected: bool) -> None:
    assert is_main_clause_subject(doc[start:end]) is expected


@pytest.mark.parametrize(("doc", "verb", "subject"), [(MAIN, 3, 0), (MAIN, 6, 5), (OBJECT, 3, None)])
def test_subjects_subject_of_a_verb(doc, verb: int, subject: int | None) -> None:
    found = subject_of(doc[verb])
    assert (found.i if found is not None else None) == subject
