"""The type of a named actor, checked against what presse knows about names.

The NER model's label is a vote over the name's mentions; it mistakes parties for places (« le
RN »), diseases for persons (« Ebola »), demonyms for places (« les Européens ») and some persons
for organisations or places. `checked_type` corrects the vote with the bundled lexicons and the
office-holders file: a demonym or gentilé names a group of people (MISC, never a place, so it is
never shown as a sidelined place), a party is an organisation, a disease is not a person, a
person the knowledge file knows, or a first name followed by a surname, is a person; a name the
NER took for a person but that an organisation noun introduces is an organisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from presse import knowledge
from presse.lexicons import (
    country_by_alias,
    disease,
    first_name_gender,
    group_demonym,
    metonyms,
    party,
)


@dataclass(frozen=True, slots=True)
class NameContext:
    """What the text shows around a name's mentions.

    ``person_cue``: a mention follows a person noun or title (« le vice-président Riek Machar »);
    ``place_cue``: a mention follows a locative preposition (« à Abou Dabi »);
    ``numbered``: a mention is followed by a number (« la RN 79 » is a road, not the party);
    ``organisation_cue``: a mention follows an organisation noun (« le constructeur automobile
    Stellantis », « le quotidien Libération »).
    """

    person_cue: bool = False
    place_cue: bool = False
    numbered: bool = False
    organisation_cue: bool = False


@dataclass(frozen=True, slots=True)
class CheckedType:
    """An actor's type after the checks; ``group`` when the name is a demonym (a collective)."""

    type: str
    group: bool = False


def _known_place(name: str) -> bool:
    return country_by_alias(name) is not None or name in metonyms()


def _first_name_and_surname(name: str) -> bool:
    """« Virginia Raggi », « Recep Tayyip Erdogan »: a given name (of known gender) followed
    by capitalised words only."""
    words = name.replace("-", " ").split()
    return len(words) >= 2 and first_name_gender(words[0]) in ("m", "f") and all(w[:1].isupper() for w in words[1:])


def _introduced_organisation(name: str, label: str, context: NameContext) -> bool:
    """A name the NER took for a person, introduced by an organisation noun, with nothing of a
    person: no person noun before it, no first name, unknown to the office-holders file."""
    return (
        label == "PER" and context.organisation_cue and not context.person_cue
        and not _first_name_and_surname(name) and knowledge.canonical_person(name) is None
    )


def checked_type(name: str, label: str, context: NameContext = NameContext()) -> CheckedType:
    """The type of the actor named `name` that the NER labelled `label` (PER, ORG, LOC, MISC)."""
    if group_demonym(name) is not None:
        return CheckedType("MISC", group=True)
    if party(name) is not None and not context.numbered:
        return CheckedType("ORG")
    if disease(name):
        return CheckedType("MISC" if label == "PER" else label)
    if _introduced_organisation(name, label, context):
        return CheckedType("ORG")  # « le constructeur automobile Stellantis »
    if label == "PER" or _known_place(name):
        return CheckedType(label)
    if knowledge.canonical_person(name) is not None or context.person_cue:
        return CheckedType("PER")
    if label in ("LOC", "MISC") and _first_name_and_surname(name) and not context.place_cue:
        return CheckedType("PER")
    return CheckedType(label)
