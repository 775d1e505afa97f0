"""Coordinated speakers: persons named together where a speaker stands are one group actor.

« Marie et Paul Dupont ont affirmé … », « les parents de la victime, Jean Martin et Anne Martin,
ont déclaré … », « selon Jean-Yves Le Drian et Bernard Cazeneuve, … »: the words are the group's,
not the first or the last person's. The group is named by its members, a family name the last
member carries being shared by a member given only by first name (« Marie Dupont et Paul
Dupont »); its members stay actors of their own.

A coordination elsewhere (« X a rencontré Y et Z ») is left alone: a group there would take the
mentions that stance relations give to each person.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presse.analyze.actors.context import Decision, Learn, Mention, ResolutionContext
from presse.analyze.actors.records import EntityRec
from presse.lexicons import first_name_gender, word_set

# words that join the names of a coordination: « X et Y », « X, Y et Z », « X ainsi que Y »
JOINERS = word_set("clause_words.joiner")
# prepositions after which a noun phrase is a speaker: « selon X et Y », « d'après X et Y »
SPEAKER_CASES = word_set("prepositions.speaker")
JOINER_SEQUENCES = word_set("clause_words.joiner_sequence")  # words joined by one space
LIST_ENDS = word_set("clause_words.list_end")
SUBJECT_DEPS = ("nsubj", "nsubj:pass")


@dataclass(frozen=True)
class Coordination:
    """Persons named together in a speaker's place: token range and member entity indices."""

    start: int
    end: int
    members: tuple[int, ...]


class _Member:
    """One conjunct: the entity index and the token range of its name mention."""

    __slots__ = ("end", "idx", "start")

    def __init__(self, idx: int, start: int, end: int) -> None:
        self.idx, self.start, self.end = idx, start, end


def speaker_position(tok: Token) -> bool:
    """Whether the noun phrase headed by `tok` stands where a speaker does: the subject of a
    verb (inverted or not), in apposition to such a subject (« les parents de la victime, X et
    Y, »), or the object of « selon », « d'après » or a passive's « par »."""
    for _ in range(2):
        if tok.dep_.startswith(SUBJECT_DEPS) or tok.dep_ == "expl:subj":
            return True
        if any(c.dep_ == "case" and c.lower_ in SPEAKER_CASES for c in tok.children):
            return True
        if tok.dep_ not in ("appos", "flat:name") or tok.head == tok:
            return False
        tok = tok.head
    return False


def find_coordinations(
    doc: Doc, person_at: Mapping[int, int], spans: Mapping[int, tuple[int, int]]
) -> list[Coordination]:
    """Coordinations of two or more different persons in a speaker's place.

    `person_at` maps each token of a named person's mention to the person's entity index;
    `spans` maps a mention's first token to its (start, end). Conjuncts are the names the parse
    coordinates to the first one (``conj``) or, where it does not, names joined by « et », « , »
    or « ainsi que » with nothing else between them.
    """
    found: list[Coordination] = []
    i = 0
    while i < len(doc):
        if i not in spans:
            i += 1
            continue
        members = [_Member(person_at[i], *spans[i])]
        j = members[-1].end
        while True:
            k = j
            while k < len(doc) and doc[k].lower_ in JOINERS and k - j < 3:
                k += 1
            if k == j or k not in spans or not _joined(doc, j, k):
                break
            members.append(_Member(person_at[k], *spans[k]))
            j = members[-1].end
        distinct = list(dict.fromkeys(m.idx for m in members))
        if len(distinct) >= 2 and _joined_by_et(doc, members) and _in_speaker_place(doc, members):
            found.append(Coordination(members[0].start, members[-1].end, tuple(distinct)))
        i = j if len(members) > 1 else i + 1
    return found


def _joined(doc: Doc, end: int, start: int) -> bool:
    """The words between two names are a coordination's joiners: « et », « , », « ainsi que »."""
    return " ".join(doc[t].lower_ for t in range(end, start)) in JOINER_SEQUENCES


def _joined_by_et(doc: Doc, members: Sequence[_Member]) -> bool:
    """A list of names ends with « et » / « ainsi que » before its last member (« X, Y et Z »); a
    comma alone joins an apposition (« Jean Martin, Anne Martin ») more often than a list."""
    return doc[members[-1].start - 1].lower_ in LIST_ENDS


def _in_speaker_place(doc: Doc, members: Sequence[_Member]) -> bool:
    """The first member's name, or the coordination's head in the parse, is in a speaker's
    place (see :func:`speaker_position`)."""
    first = doc[members[0].start : members[0].end].root
    return speaker_position(first)


def member_names(names: Sequence[str], first_name: bool = True) -> list[str]:
    """The members' names with a shared family name given out: ["Marie", "Paul Dupont"] →
    ["Marie Dupont", "Paul Dupont"]. A one-word member takes the family name of the last member
    only when that word is a known first name (`first_name` tells whether to check)."""
    last = names[-1].split()
    if len(last) < 2:
        return list(names)
    family = " ".join(last[1:])
    return [
        f"{n} {family}" if " " not in n and (not first_name or first_name_gender(n) is not None) else n
        for n in names
    ]


def group_name(names: Sequence[str]) -> str:
    """« A et B », « A, B et C »."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"


def coordinated_groups(ctx: ResolutionContext) -> Iterator[Decision]:
    """Persons coordinated in a speaker's place become one group actor, named by its members;
    the members keep their own mentions (and the coordination's tokens stay theirs until the
    final index, so that later layers resolve against the persons)."""
    entities = ctx.entities
    spans = {m.start: (m.start, m.end) for e in entities if e.named for m in e.mentions if m.kind == "name"}
    person_at = {t: idx for t, idx in ctx.by_token.items() if entities[idx].named}
    groups: dict[tuple[int, ...], EntityRec] = {}
    for co in find_coordinations(ctx.doc, person_at, spans):
        members = [entities[i] for i in co.members]
        names = member_names([m.name for m in members])
        for idx, member, name in zip(co.members, members, names, strict=True):
            if name != member.name:  # "Marie" of "Marie et Paul Dupont" is Marie Dupont
                guess = first_name_gender(name.split()[0])
                yield Learn(idx, renamed=name, gender=guess if guess in ("m", "f") else None)
        group = groups.get(co.members)
        if group is None:
            group = groups[co.members] = EntityRec("", group_name(names), "MISC", members=members)
        yield Mention(group, co.start, co.end, "name", "group", claims_tokens=False)
