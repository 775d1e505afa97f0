"""Layer 3, knowledge (presse.analyze.actors.knowledge): the dated office-holders file completes
names and names a role's holder on the article's date — hand-built parses."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from parses import parse
from presse.analyze.actors import ActorResolver
from presse.analyze.actors.knowledge import description_gender, link_knowledge
from presse.analyze.actors.names import names

# « Poutine a parlé . »
SURNAME = parse(
    ["Poutine", "a", "parlé", "."], [2, 2, 2, 2], ["nsubj", "aux:tense", "ROOT", "punct"], ["PROPN", "AUX", "VERB", "PUNCT"],
    ents=["B-PER", "O", "O", "O"],
)


def _role_doc(det: str, title: list[str], demonym: str, morph: str) -> Doc:
    """« <det> <title…> <demonym> a parlé . »"""
    words = [det, *title, demonym, "a", "parlé", "."]
    n = len(title)
    head = 1
    verb = n + 3
    heads = [head, verb, *[head] * (n - 1), head, verb, verb, verb]
    deps = ["det", "nsubj", *["amod"] * (n - 1), "amod", "aux:tense", "ROOT", "punct"]
    pos = ["DET", "NOUN", *["ADJ"] * (n - 1), "ADJ", "AUX", "VERB", "PUNCT"]
    return parse(words, heads, deps, pos, morphs=[morph, *[""] * (len(words) - 1)])


def test_knowledge_completes_a_surname_with_its_offices() -> None:
    ctx = ActorResolver().context(SURNAME, date(2018, 6, 1))
    for decision in names(ctx):
        ctx.apply(decision)
    for decision in link_knowledge(ctx):
        ctx.apply(decision)
    (putin,) = ctx.entities
    assert (putin.name, putin.aliases, putin.offices) == ("Vladimir Poutine", ["Poutine"], {("head_of_state", "Russie")})
    assert putin.knowledge is not None and putin.gender == "m"


@pytest.mark.parametrize(
    ("det", "title", "demonym", "morph", "on", "holder"),
    [
        ("le", ["président"], "russe", "Gender=Masc", date(2018, 6, 1), "Vladimir Poutine"),
        ("la", ["Première", "ministre"], "britannique", "Gender=Fem", date(2018, 6, 1), "Theresa May"),
        # a man held the office that day: « la Première ministre » names nobody from the file
        ("la", ["Première", "ministre"], "britannique", "Gender=Fem", date(2020, 6, 1), None),
    ],
)
def test_knowledge_role_names_its_holder_on_the_date(det: str, title: list[str], demonym: str, morph: str, on: date, holder: str | None) -> None:
    doc = _role_doc(det, title, demonym, morph)
    actors = ActorResolver()(doc, on)
    found = actors.entity_at(1)
    assert (found.name if found is not None else None) == holder
    if found is not None:
        assert [m.resolved_by for m in found.mentions] == ["knowledge"]


@pytest.mark.parametrize(
    ("title_gender", "determiner_morph", "expected"),
    [("f", "", "f"), ("mf", "Gender=Fem", "f"), ("mf", "Gender=Masc", None), ("m", "Gender=Masc", None)],
)
def test_knowledge_description_gender_only_feminine_tells(title_gender: str, determiner_morph: str, expected: str | None) -> None:
    doc = parse(["la", "ministre"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], morphs=[determiner_morph, ""])
    assert description_gender(title_gender, doc[0]) == expected
