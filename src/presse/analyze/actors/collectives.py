"""Layer 5, collectives: common nouns that stand for an actor no name was given to.

A definite singular organisation noun stands for a named organisation (« le groupe », « le
quotidien », :mod:`presse.analyze.actors.descriptions`). Other nouns of the speaker lexicon
tied to no actor are one of three things, one actor per head noun (and complement actor):

* a body, type ORG: « la police », « la presse », « le gouvernement du Burundi »;
* a group of people, type MISC: « les policiers », « des manifestants »;
* one unnamed person, type PER: « l'homme », « la victime », « une source proche de l'enquête »,
  unless the text names them: a name in apposition (« une représentante du comité, Oksana
  Kovrijnaïa »), a title seen before a name (« l'archevêque de Rouen Dominique Lebrun … L'archevêque
  de Rouen »), or the named person who was the subject just before (« Alexandra Maquet … . La
  chanteuse s'est dite … »). An indefinite description (« une source ») is someone new.

A noun used as a capacity (« en tant que médecin »), a predicate (« il est avocat ») or in
apposition to a name is no actor of its own; a noun that mostly names a place (« la ville »)
neither.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from spacy.tokens import Doc, Token

from presse.analyze.actors.collective_names import Description, compatible, fullest_description
from presse.analyze.actors.context import ActorRef, Decision, Learn, Mention, ResolutionContext
from presse.analyze.actors.descriptions import (
    OrganisationKinds,
    described_organisation,
    description_span,
    speaker_position,
)
from presse.analyze.actors.pronouns import topic_person
from presse.analyze.actors.records import EntityRec
from presse.analyze.actors.roles import person_key, role_nouns, singles_out
from presse.analyze.actors.spans import as_noun_phrase, trim_span
from presse.analyze.names import fold_name
from presse.lexicons import SpeakerNoun, speaker_nouns, word_map, word_set

NAME_PREPOSITIONS: Final = word_set("prepositions.name")
# people news talks about who rarely speak as such (not in the speaker lexicon): collectives too
PEOPLE_NOUNS: Final = MappingProxyType({
    noun: SpeakerNoun(noun, gender, "person") for noun, gender in word_map("collective_nouns.people").items()
})
# speaker nouns that mostly name a place or a building, not a body that acts ("dans la ville")
PLACE_LIKE_NOUNS: Final = word_set("collective_nouns.place")
# a singular body is a collective actor with a definite, demonstrative or possessive determiner
COLLECTIVE_DETERMINERS: Final = word_set("determiners.collective")
PLURAL_DETERMINERS: Final = word_set("determiners.plural")
SINGULAR_DETERMINERS: Final = word_set("determiners.singular")
INDEFINITE: Final = word_set("determiners.indefinite")
CAPACITY_PREPOSITIONS: Final = word_set("prepositions.capacity")
VOWELS: Final = "aeiouyhàâéèêëîïôûü"


@dataclass
class _Seen:
    """What the layer has seen in one Doc: actor by (head lemma, complement actor), the named
    person a title was seen with, the unnamed persons by key in text order."""

    keys: dict[tuple[str, int | None], int] = field(default_factory=dict)
    titles: dict[str, int] = field(default_factory=dict)
    people: dict[tuple[str, int | None], list[int]] = field(default_factory=dict)
    # every actor of a key, and the words restricting its fullest description so far
    actors: dict[tuple[str, int | None], list[int]] = field(default_factory=dict)
    restrictions: dict[int, frozenset[str]] = field(default_factory=dict)


def collectives(ctx: ResolutionContext) -> Iterator[Decision]:
    """The mentions of organisations, bodies, groups and unnamed persons named by common nouns
    (see the module doc), in text order."""
    doc, entities, by_token = ctx.doc, ctx.entities, ctx.by_token
    nouns = speaker_nouns()
    seen = _Seen()
    kinds = OrganisationKinds.of(entities)
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.i in by_token:
            continue
        org = described_organisation(tok, entities, by_token, kinds, ctx.quoted)
        if org is not None:
            yield from _describe(ctx, org, *description_span(doc, tok), "organisation")
            continue
        entry = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_) or PEOPLE_NOUNS.get(tok.lemma_.lower())
        if entry is None or entry.noun in PLACE_LIKE_NOUNS or _titles_a_name(ctx, tok, seen):
            continue
        plural = _plural(tok)
        person = entry.kind == "person" and not plural
        head_idx = by_token.get(tok.head.i)
        if person and tok.dep_ == "appos" and head_idx is not None and entities[head_idx].named:
            # "Massimiliano Rebaudengo, le chef de mission de MSF": a description of the name
            yield from _describe(ctx, head_idx, *_collective_span(tok, by_token), "apposition")
            continue
        determiners = {c.lower_ for c in tok.children if c.dep_ == "det"}
        if not _refers_as_collective(tok, person, plural, determiners):
            continue
        complement = next((c for c in tok.children if c.dep_ == "nmod" and c.i in by_token), None)
        key = (person_key(tok.lemma_.lower(), plural), by_token[complement.i] if complement is not None else None)
        start, end = _collective_span(tok, by_token)
        if person:
            named, how = _person_referent(ctx, tok, seen, key, start, determiners, complement)
            if named is not None:
                yield from _describe(ctx, named, start, end, how)
                continue
        described = fullest_description(tok, start)
        known = _same_collective(seen, key, described, body=entry.kind != "person" and not plural)
        if known is not None:
            yield Mention(known, start, end, "description", "collective")
            yield from _fuller(ctx, seen, known, described, plural, tok)
            continue
        new = _collective_entity(ctx, tok, person, plural, entry.kind, described)
        yield Mention(new, start, end, "description", "collective")
        seen.keys[key] = ctx.index(new)
        seen.actors.setdefault(key, []).append(seen.keys[key])
        seen.restrictions[seen.keys[key]] = described.restrictions
        if person:
            seen.people.setdefault(key, []).append(seen.keys[key])


def _same_collective(seen: _Seen, key: tuple[str, int | None], described: Description, body: bool) -> int | None:
    """The actor a new description of `key` continues: of the same key, the latest one (the one
    `seen.keys` points at) when their restrictions agree, else the latest that agrees; for a
    noun without a complement actor, the latest of its noun named with one (« le tribunal »
    after « le tribunal correctionnel de Paris »). None for someone new (:func:`compatible`;
    `body`: a singular body, one per article)."""
    if key in seen.keys:
        candidates = [seen.keys[key], *reversed(seen.actors.get(key, []))]
    elif key[1] is None:
        candidates = sorted((i for k, ids in seen.actors.items() if k[0] == key[0] for i in ids), reverse=True)
    else:
        return None
    restrictions = described.restrictions
    return next((i for i in candidates if compatible(seen.restrictions.get(i, frozenset()), restrictions, body)), None)


def _fuller(
    ctx: ResolutionContext, seen: _Seen, actor: int, described: Description, plural: bool, tok: Token
) -> Iterator[Decision]:
    """The actor renamed by `described` when it restricts it further than its name did."""
    before = seen.restrictions.get(actor, frozenset())
    if not described.restrictions > before:
        return
    seen.restrictions[actor] = described.restrictions
    yield Learn(actor, renamed=_collective_name(ctx, tok, plural, described))


def _describe(ctx: ResolutionContext, actor: ActorRef, start: int, end: int, how: str) -> Iterator[Decision]:
    yield Mention(actor, start, end, "description", how)
    yield Learn(actor, description=as_noun_phrase(ctx.phrase(start, end)))


def apposed_name(doc: Doc, entities: Sequence[EntityRec], by_token: Mapping[int, int], start: int, end: int) -> int | None:
    """The first token of the named person a description from `start` to `end` stands in
    apposition to, or None: right after it behind a comma, closing the apposition ("une
    représentante du comité, Oksana Kovrijnaïa.") or as the subject of the verb that follows
    ("Alors patron d'Axa, Henri de Castries a annoncé"); or right before it ("Massimiliano
    Rebaudengo, le chef de mission")."""
    def named(i: int) -> bool:
        idx = by_token.get(i)
        return idx is not None and entities[idx].named

    if end + 1 < len(doc) and doc[end].text == "," and named(end + 1) and doc[end + 1].sent == doc[end].sent:
        last = end + 1
        while last < len(doc) and by_token.get(last) == by_token[end + 1]:
            last += 1
        if last >= len(doc) or doc[last].is_punct:
            return end + 1
        if doc[end + 1].pos_ == "PROPN" and doc[last].pos_ in ("AUX", "VERB"):
            return end + 1
    if start >= 2 and doc[start - 1].text == "," and named(start - 2):
        return start - 2
    return None


def description_end(head: Token) -> int:
    """End of the description a person noun heads: its adjectives and complements, up to 8
    words, without relative clauses or what follows a comma."""
    doc = head.doc
    end = head.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in ("amod", "nmod", "flat:name", "nummod"):
            last = child.right_edge.i + 1
            if last - head.i > 8 or any(doc[t].is_punct for t in range(end, last)):
                break
            end = max(end, last)
    return end


def _agrees(noun: Token, ent: EntityRec) -> bool:
    """A person noun may stand for `ent`: no gender clash ("l'avocate" is not Vincent)."""
    gender = noun.morph.get("Gender")
    return ent.gender is None or not gender or ("f" if "Fem" in gender else "m") == ent.gender


def _with_article(words: str, plural: bool, gender: list[str]) -> str:
    """The name of a collective as French says it: "les policiers", "la presse", "l'armée"."""
    if plural:
        return f"les {words}"
    if words[:1].lower() in VOWELS:
        return f"l'{words}"
    return f"{'la' if 'Fem' in gender else 'le'} {words}"


def _plural(noun: Token) -> bool:
    """Whether a common noun is plural: its determiner says so ("les", "des", "ces" or "le",
    "une", "cette") or a numeral before it does, else its form (a French plural ends in -s, -x or
    -z). The tagger's number alone is not enough: it reads « reste spectatrice » as plural."""
    dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
    if dets & PLURAL_DETERMINERS or any(c.dep_ == "nummod" and c.i < noun.i and c.lower_ not in ("un", "une", "1") for c in noun.children):
        return True
    if dets & SINGULAR_DETERMINERS:
        return False
    return "Plur" in noun.morph.get("Number") and noun.lower_.endswith(("s", "x", "z"))


def _refers_as_collective(tok: Token, person: bool, plural: bool, determiners: set[str]) -> bool:
    """Whether a speaker-lexicon noun refers to a group, a body or one unnamed person here."""
    if tok.dep_ in ("appos", "flat:name") or any(c.dep_ in ("appos", "flat:name", "cop") for c in tok.children):
        return False  # "le syndicat, la CGT", "X et Y, les deux suspects", "il est avocat": named there
    if any(c.dep_ == "case" and c.lower_ in CAPACITY_PREPOSITIONS for c in tok.children):
        return False  # "en tant que médecin", "comme témoin": a capacity, not someone
    if person and tok.lower_ in role_nouns() and determiners & INDEFINITE and not singles_out(tok):
        return False  # "un président accueilli à Washington": nobody in particular
    # "une police", "gouvernement" alone: no definite body
    return plural or bool(determiners & (COLLECTIVE_DETERMINERS | (INDEFINITE if person else set())))


def _collective_name(ctx: ResolutionContext, tok: Token, plural: bool, described: Description) -> str:
    """The name of a collective: its fullest description (:mod:`.collective_names`) with the
    definite article."""
    doc = ctx.doc
    words = ctx.phrase(described.first, described.end)
    first = doc[described.first]
    if first.is_sent_start and first.pos_ != "PROPN" and not first.is_upper:
        words = words[:1].lower() + words[1:]  # "Cinq soldats ont été tués": les cinq soldats
    return _with_article(words, plural, tok.morph.get("Gender"))


def _collective_entity(
    ctx: ResolutionContext, tok: Token, person: bool, plural: bool, kind: str, described: Description
) -> EntityRec:
    """A new collective actor, named by its fullest description with the definite article."""
    gender = tok.morph.get("Gender")
    return EntityRec(
        "", _collective_name(ctx, tok, plural, described),
        "PER" if person else "ORG" if kind != "person" and not plural else "MISC",
        collective=True,
        gender=("f" if "Fem" in gender else "m" if "Masc" in gender else None) if person else None,
    )


def _collective_span(head: Token, taken: Mapping[int, int]) -> tuple[int, int]:
    """Token range of a collective's mention: its determiner and adjacent adjectives, the noun,
    the adjectives right after it ("les jeunes radicalisés", "les forces armées")."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ in ("det", "amod", "nummod"):
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].head.i == head.i and doc[end].dep_ == "amod":
        end += 1
    # "le ministère de la Défense", "les forces de l'ordre": a short complement names the body
    complement = next((c for c in head.children if c.dep_ == "nmod" and c.left_edge.i == end), None)
    if complement is not None and not any(t in taken for t in range(complement.left_edge.i, complement.right_edge.i + 1)):
        last = complement.right_edge.i + 1
        if last - head.i <= 6 and all(doc[t].dep_ not in ("acl", "acl:relcl") and not doc[t].is_punct for t in range(end, last)):
            end = last
    return trim_span(doc, start, end) or (head.i, head.i + 1)


def _titles_a_name(ctx: ResolutionContext, tok: Token, seen: _Seen) -> bool:
    """True when `tok` heads a title before a person's name ("l'archevêque de Rouen Dominique
    Lebrun"), which is then remembered for the bare title later; not "le porte-parole de X"
    (X's spokesperson, not X)."""
    doc, entities, by_token = ctx.doc, ctx.entities, ctx.by_token
    person_after = next((
        t for t in tok.subtree
        if tok.i < t.i <= tok.i + 6 and by_token.get(t.i) is not None and entities[by_token[t.i]].type == "PER"
    ), None)
    if person_after is None:
        return False
    idx = by_token[person_after.i]
    first = min(m.start for m in entities[idx].mentions if m.start <= person_after.i < m.end)
    if entities[idx].named and doc[first - 1].lower_ not in NAME_PREPOSITIONS:
        seen.titles[tok.lemma_.lower()] = idx
    return True


def _person_referent(
    ctx: ResolutionContext, tok: Token, seen: _Seen, key: tuple[str, int | None], start: int,
    determiners: set[str], complement: Token | None,
) -> tuple[int | None, str]:
    """The named person an unnamed-person description stands for, and how it was found; or
    (None, "") after pointing `seen.keys[key]` at the unnamed person it continues."""
    doc, entities, by_token = ctx.doc, ctx.entities, ctx.by_token
    indefinite = bool(determiners & INDEFINITE)
    # "une représentante du comité, Oksana Kovrijnaïa", "X, le chef de mission"
    name_at = apposed_name(doc, entities, by_token, start, description_end(tok))
    if name_at is not None:
        return by_token[name_at], "apposition"
    titled = seen.titles.get(tok.lemma_.lower())
    if titled is not None and not indefinite and _agrees(tok, entities[titled]):
        return titled, "apposition"  # "l'archevêque de Rouen Dominique Lebrun … L'archevêque de Rouen"
    possessive = any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in tok.children)
    if not indefinite and not possessive and key not in seen.keys and complement is None and speaker_position(tok):
        # a definite description in a speaker's place continues the named person who was the
        # previous subject (« Carlos Ghosn a contesté … « … », a martelé l'ancien patron »); a
        # possessive one is someone related to that person (« Son avocate a demandé »)
        named = topic_person(ctx, start, tok.morph.get("Gender"))
        if named is not None:
            return named, "salience"
    if indefinite:
        seen.keys.pop(key, None)  # "une source …": someone new; "la source" then refers to them
    else:
        # "la source française proche de l'enquête" after "une autre source": the one whose
        # description shares most of these words (the latest on a tie)
        words = set(fold_name(doc[tok.i + 1 : description_end(tok)].text).split())
        shared = [(len(words & set(fold_name(entities[i].name).split())), n, i) for n, i in enumerate(seen.people.get(key, ()))]
        if shared and max(shared)[0] > 0:
            seen.keys[key] = max(shared)[2]
    return None, ""
