"""Layer 1, names (presse.analyze.actors.names): NER spans grouped into actors — hand-built
parses, so each test shows the construction the rule handles."""

from __future__ import annotations

from datetime import date

import pytest

from parses import parse
from presse.analyze.actors import ActorResolver, EntityRec
from presse.analyze.actors.names import NameSpan, first_name_persons, is_short_form, named_spans

# « M. Martin a rencontré le Président des États-Unis . »
TITLED = parse(
    ["M.", "Martin", "a", "rencontré", "le", "Président", "des", "États-Unis", "."],
    [3, 0, 3, 3, 5, 3, 7, 5, 3],
    ["nsubj", "flat:name", "aux:tense", "ROOT", "det", "obj", "case", "nmod", "punct"],
    ["NOUN", "PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    ents=["B-PER", "I-PER", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"],
)
# « Vladimir Poutine a parlé . Poutine est parti . »
SHORT = parse(
    ["Vladimir", "Poutine", "a", "parlé", ".", "Poutine", "est", "parti", "."],
    [3, 0, 3, 3, 3, 7, 7, 7, 7],
    ["nsubj", "flat:name", "aux:tense", "ROOT", "punct", "nsubj", "aux:tense", "ROOT", "punct"],
    ["PROPN", "PROPN", "AUX", "VERB", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT"],
    ents=["B-PER", "I-PER", "O", "O", "O", "B-PER", "O", "O", "O"],
)
# « Selon Najat Vallaud - Belkacem , rien . »: a person the NER missed
MISSED = parse(
    ["Selon", "Najat", "Vallaud-Belkacem", ",", "rien", "."],
    [1, 4, 1, 4, 4, 4],
    ["case", "obl:mod", "flat:name", "punct", "ROOT", "punct"],
    ["ADP", "PROPN", "PROPN", "PUNCT", "PRON", "PUNCT"],
)


def test_names_title_makes_a_person_and_a_role_title_is_no_name() -> None:
    # « M. » is left out of the name and gives its gender; « Président des États-Unis » is a
    # role, left to the role layer
    assert named_spans(TITLED) == [NameSpan(1, 2, "PER", "m")]


def test_names_first_name_and_surname_the_ner_missed() -> None:
    assert first_name_persons(MISSED, []) == [NameSpan(1, 3, "PER", "f")]


@pytest.mark.parametrize(
    ("key", "name", "expected"),
    [
        ("poutine", "Vladimir Poutine", True),  # the surname
        ("le pen", "Marine Le Pen", True),
        ("marine le", "Marine Le Pen", True),  # the first words, two or more
        ("marine", "Marine Le Pen", False),  # a first name alone is not enough
        ("vladimir poutine", "Vladimir Poutine", False),  # the name itself is no short form
    ],
)
def test_names_short_form(key: str, name: str, expected: bool) -> None:
    assert is_short_form(key, EntityRec("", name, "PER")) is expected


def test_names_short_form_joins_the_full_name() -> None:
    actors = ActorResolver()(SHORT, date(2018, 6, 1))
    people = [e for e in actors.entities if e.type == "PER"]
    assert [(e.name, [(m.start, m.resolved_by) for m in e.mentions]) for e in people] == [
        ("Vladimir Poutine", [(0, "ner"), (5, "alias")])
    ]
