"""The type of a named actor checked against the lexicons (presse.analyze.actors.name_types)."""

from __future__ import annotations

import pytest

from presse.analyze.actors.name_types import CheckedType, NameContext, checked_type


@pytest.mark.parametrize(
    ("name", "label", "context", "expected"),
    [
        ("Européens", "LOC", NameContext(), CheckedType("MISC", group=True)),  # a demonym is a group
        ("RN", "LOC", NameContext(), CheckedType("ORG")),  # a party
        ("RN", "LOC", NameContext(numbered=True), CheckedType("LOC")),  # « la RN 79 »: a road
        ("Ebola", "PER", NameContext(), CheckedType("MISC")),  # a disease is nobody
        ("Virginia Raggi", "LOC", NameContext(), CheckedType("PER")),  # first name + surname
        ("Virginia Raggi", "LOC", NameContext(place_cue=True), CheckedType("LOC")),  # « à … »
        ("Riek Machar", "ORG", NameContext(person_cue=True), CheckedType("PER")),  # « le vice-président … »
        ("Moscou", "LOC", NameContext(person_cue=True), CheckedType("LOC")),  # a known place stays one
    ],
)
def test_name_types_checked_type(name: str, label: str, context: NameContext, expected: CheckedType) -> None:
    assert checked_type(name, label, context) == expected
