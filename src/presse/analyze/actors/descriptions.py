"""Definite descriptions of organisations: « le groupe », « le quotidien », « la compagnie ».

A description stands for a named organisation of a compatible kind:

* the name next to it introduces it (« le quotidien Le Monde », « le syndicat CGT », « Greenpeace,
  l'association … »): the description is that name's, and tells its kind;
* otherwise the nearest earlier named organisation whose kind the noun allows (« Airbus … le
  groupe », « la compagnie aérienne Flydubai … la compagnie »).

Kinds come from ``organisation_nouns.tsv`` (company, media, institution, club, party, union,
association, country): a name's kind is read from the noun that introduced it, from its own first
word (« Tribunal correctionnel de Paris », « Parti socialiste »), from the party and country
lexicons. A name of unknown kind may be a company, a medium, an association, a club, a union or a
party (institutions and countries say what they are in their names), and is chosen only when no
name of a known matching kind came before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol

from spacy.tokens import Doc, Token

from presse.lexicons import (
    OrganisationNoun,
    country_by_alias,
    organisation_nouns,
    party,
    reporting_verb,
    word_set,
)

DEFINITE: Final = word_set("determiners.definite_singular")
# kinds whose members are usually named by a proper name that does not say what they are
UNMARKED_KINDS: Final = frozenset({"company", "media", "association", "club", "union", "party"})
INTRODUCTION_REACH: Final = 5  # tokens between an introducing noun and the name it introduces
SOURCE_PREPOSITIONS: Final = word_set("prepositions.source")  # d'après, par (agent)


class Named(Protocol):
    """What this module needs of an actor under construction (see :class:`.records.EntityRec`)."""

    name: str
    type: str
    collective: bool

    @property
    def mentions(self) -> Sequence[_HasStart]: ...


class _HasStart(Protocol):
    start: int
    end: int


def noun_entry(tok: Token) -> OrganisationNoun | None:
    """The organisation noun `tok` is (by lemma or form), or None."""
    nouns = organisation_nouns()
    return nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_) or nouns.get(tok.text)


def kind_of_name(name: str) -> str | None:
    """The kind a name says it is: its first word (« Tribunal de commerce de Tarbes » →
    institution, « Parti socialiste » → party), a known party or country; None otherwise."""
    words = name.split()
    while words and words[0].lower() in DEFINITE | word_set("determiners.definite"):
        words = words[1:]
    if not words:
        return None
    if party(name) is not None:
        return "party"
    if country_by_alias(name) is not None:
        return "country"
    entry = organisation_nouns().get(words[0].lower())
    if entry is not None and len(words) > 1 and len(entry.classes) == 1:
        return next(iter(entry.classes))
    return None


@dataclass
class OrganisationKinds:
    """The kind of each named actor of one Doc, as far as the text tells it."""

    kinds: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: Sequence[Named]) -> OrganisationKinds:
        """Kinds the names themselves say (see :func:`kind_of_name`)."""
        found = cls()
        for idx, ent in enumerate(entities):
            kind = kind_of_name(ent.name)
            if kind is not None:
                found.kinds[idx] = kind
        return found

    def compatible(self, idx: int, ent: Named, entry: OrganisationNoun) -> int:
        """2 when the actor's known kind is one the noun names, 1 when its kind is unknown and the
        noun may name an organisation of unmarked kind, 0 when it cannot be meant."""
        kind = self.kinds.get(idx)
        if kind is not None:
            return 2 if kind in entry.classes else 0
        # the NER often calls a medium or a company MISC (« Mediapart »); a person or place is not one
        if ent.type not in ("ORG", "MISC") or ent.collective or not entry.classes & UNMARKED_KINDS:
            return 0
        return 1


def _definite(tok: Token) -> bool:
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    return bool(dets & DEFINITE) and "Plur" not in tok.morph.get("Number")


def speaker_position(tok: Token) -> bool:
    """A subject, the object of « selon », « d'après », « pour », an agent « par », or the
    subject of a reporting verb inverted after it (« », a déclaré la cinéaste », which the
    parser often reads as the verb's object)."""
    if tok.dep_.startswith("nsubj"):
        return True
    if tok.dep_ == "obj" and tok.head.i < tok.i and reporting_verb(tok.head.lemma_.lower()) is not None:
        return not any(c.dep_.startswith("nsubj") for c in tok.head.children)
    return any(c.dep_ == "case" and c.lower_ in SOURCE_PREPOSITIONS for c in tok.children)


def introduced_name(tok: Token, entities: Sequence[Named], by_token: Mapping[int, int]) -> int | None:
    """The named non-person actor the noun introduces: the first name right after it, with only
    adjectives and proper-noun words between (« la compagnie aérienne low-cost Flydubai », « le
    syndicat CGT »), or the name it is in apposition to (« Greenpeace, l'association »)."""
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 1 + INTRODUCTION_REACH)):
        idx = by_token.get(j)
        if idx is not None:
            ent = entities[idx]
            return idx if ent.type != "PER" and not ent.collective else None
        if doc[j].pos_ not in ("ADJ", "PROPN") and doc[j].text != "-" and not (doc[j].pos_ == "DET" and doc[j].text[:1].isupper()):
            break  # « le quotidien Le Monde »: the name's own article may stand between
    if tok.dep_ == "appos":
        idx = by_token.get(tok.head.i)
        if idx is not None and entities[idx].type != "PER" and not entities[idx].collective:
            return idx
    return None


def described_organisation(
    tok: Token, entities: Sequence[Named], by_token: Mapping[int, int], kinds: OrganisationKinds,
    quoted: Sequence[tuple[int, int]] = (),
) -> int | None:
    """The named organisation a definite singular organisation noun at `tok` stands for, or None.

    A name it introduces wins (and gets the noun's kind when that is one kind); otherwise, with no
    complement of its own (« la direction de la régie » is another matter), the nearest earlier
    actor of a matching known kind, else of unknown kind. Nouns marked ``source`` in the lexicon
    (« le site », « la compagnie ») are read so only in a speaker's position. Names inside the
    `quoted` character ranges are the quoted speaker's words, not the narration's antecedents.
    """
    doc = tok.doc
    entry = noun_entry(tok)
    if entry is None or tok.pos_ != "NOUN" or not _definite(tok):
        return None
    introduced = introduced_name(tok, entities, by_token)
    if introduced is not None:
        if len(entry.classes) == 1:
            kinds.kinds.setdefault(introduced, next(iter(entry.classes)))
        return introduced
    if any(c.dep_ in ("nmod", "appos") for c in tok.children):
        return None
    if entry.use == "source" and not speaker_position(tok):
        return None
    best: tuple[int, int, int] | None = None  # (compatibility, last mention before, actor)
    for idx, ent in enumerate(entities):
        score = kinds.compatible(idx, ent, entry)
        before = [
            m.start for m in ent.mentions
            if m.end <= tok.i and not any(a <= doc[m.start].idx < b for a, b in quoted)
        ]
        if score and before and (best is None or (score, max(before)) > best[:2]):
            best = (score, max(before), idx)
    if best is None:
        return None
    if len(entry.classes) == 1:
        kinds.kinds.setdefault(best[2], next(iter(entry.classes)))  # « la compagnie » says what it is
    return best[2]


def description_span(doc: Doc, tok: Token) -> tuple[int, int]:
    """Token range of the description: determiner, adjectives before, noun, adjectives after."""
    start = tok.i
    while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in ("det", "amod"):
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].head.i == tok.i and doc[end].dep_ == "amod":
        end += 1
    return start, end
