"""Layer 2, roles: role nouns are people, and a role description names its holder.

* « le président russe Vladimir Poutine », « Vladimir Poutine, le président russe »: a role title
  (``role_titles.tsv``) next to a person's name ties the description to that person for the
  whole article (``apposition``); later « le président russe » is that person too.
* Otherwise a role of a country or organisation names its holder on the article's date
  (``knowledge``, :mod:`.knowledge`); « son homologue (américain) » is the other party of the
  exchange, and a bare role (« le président ») the salient person holding such a role
  (``salience``, :mod:`.pronouns`). A former or future holder (« l'ancien président ») is nobody's
  description on the article's date.
* A role noun heads a description of a person, never of the organisation in its complement: « la
  porte-parole du Department of Parks » speaks for it but is not it. An indefinite role noun with
  a complement singles someone out (« un porte-parole du ministère a déclaré ») where a bare one
  does not (« un président accueilli à Washington »). One person and a group sharing a noun are
  two actors: « le chauffeur » is not « les chauffeurs de bus ».
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from presse.analyze.actors.context import ActorRef, Decision, Learn, Mention, ResolutionContext
from presse.analyze.actors.knowledge import (
    description_gender,
    find_person,
    office_holder,
    organisation,
)
from presse.analyze.actors.pronouns import salient_person
from presse.analyze.actors.records import EntityRec
from presse.analyze.actors.spans import as_noun_phrase
from presse.analyze.names import fold_name
from presse.analyze.subjects import subject_of
from presse.lexicons import country_by_alias, demonyms, role_titles, speaker_nouns, word_set

DETERMINERS: Final = word_set("determiners.description")
# a former or future holder is not the holder on the article's date
NOT_CURRENT: Final = word_set("name_words.not_current")
OF_PREPOSITIONS: Final = word_set("prepositions.of")
OF_ARTICLES: Final = word_set("determiners.definite")

Appositions = dict[tuple[str, str | None], int]
"""The person a role was seen next to, by (office, of) and by (office, None)."""


@dataclass(frozen=True)
class RoleDescription:
    """A determiner and a role title, with the country or organisation it is of, at [start, end)."""

    start: int
    end: int
    title_key: str
    office: str
    gender: str
    of: str | None


@functools.cache
def _person_nouns() -> frozenset[str]:
    return frozenset(noun.lower() for noun, entry in speaker_nouns().items() if entry.kind == "person")


@functools.cache
def role_nouns() -> frozenset[str]:
    """Role titles of one word ("président", "ministre", "porte-parole")."""
    return frozenset(key.lower() for key in role_titles() if " " not in key and "'" not in key)


@functools.cache
def role_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Role titles by first word: (token sequence, title key), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key in role_titles():
        words = tuple(re.findall(r"[\w-]+'?|'", key.replace("’", "'").lower()))
        words = tuple(w for w in words if w)
        if words:
            index.setdefault(words[0], []).append((words, key))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def singles_out(tok: Token) -> bool:
    """Whether an indefinite role noun names a particular person: it has a complement of its own
    (« une porte-parole du Department of Parks and Recreation »)."""
    return any(c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children) for c in tok.children)


def person_key(lemma: str, plural: bool) -> str:
    """The key an unnamed person or group is known by: its noun and its number, so that one
    person and a group of the same noun stay apart (« le chauffeur » / « les chauffeurs »)."""
    return f"{lemma}/pl" if plural else lemma


def is_role_noun(tok: Token) -> bool:
    """Whether `tok` is a noun for a person (the speaker lexicon's ``person`` kind): its
    complement names someone else (« le porte-parole du ministère » is not the ministry)."""
    nouns = _person_nouns()
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in nouns or tok.lower_ in nouns)


def _match_tokens(doc: Doc, i: int, words: tuple[str, ...]) -> int | None:
    """End token index when the tokens from i spell `words` (apostrophes split or not)."""
    joined = " ".join(words).replace("' ", "'")
    acc = ""
    j = i
    while j < len(doc) and len(acc) < len(joined):
        piece = doc[j].lower_.replace("’", "'")
        acc = acc + piece if (acc.endswith("'") or not acc) else acc + " " + piece
        j += 1
    return j if acc == joined else None


def role_description_at(doc: Doc, i: int) -> RoleDescription | None:
    """A determiner + role title (+ nationality or 'de' + country or organisation) at token i."""
    if doc[i].lower_.replace("’", "'") not in DETERMINERS:
        return None
    j = i + 1
    if j < len(doc) and doc[j].lower_ in NOT_CURRENT:
        return None
    if j >= len(doc):
        return None
    for words, key in role_index().get(doc[j].lower_.replace("’", "'"), []):
        end = _match_tokens(doc, j, words)
        if end is None or (len(words) > 1 and end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_):
            continue  # « chef d'état-major » is no « chef d'état » (« le président-candidat » is)
        role = role_titles()[key]
        of, k = _role_of(doc, end)
        return RoleDescription(i, k, key, role.office, role.gender, of)
    return None


def _role_of(doc: Doc, k: int) -> tuple[str | None, int]:
    """What the role after a title at `k` is of: a demonym's country (« russe »), or after « de »
    a country or an organisation of the knowledge file; and where the description ends."""
    if k < len(doc) and doc[k].lower_ in demonyms():
        return demonyms()[doc[k].lower_], k + 1
    if k + 1 < len(doc) and doc[k].lower_ in OF_PREPOSITIONS:
        m = k + 1
        if m < len(doc) and doc[m].lower_ in OF_ARTICLES:
            m += 1
        for n in (4, 3, 2, 1):
            if m + n > len(doc):
                continue
            name = doc[m : m + n].text
            country = country_by_alias(name)
            if country is not None:
                return country.name, m + n
            org = organisation(name)
            if org is not None:
                return org, m + n
    return None, k


def appositions_ahead(ctx: ResolutionContext) -> Appositions:
    """The person each role is named next to anywhere in the article, by (office, of), for a
    role met before its holder is named (« le Premier ministre affirme … » then « le Premier
    ministre Édouard Philippe propose »); a role named next to two persons is left out."""
    found: dict[tuple[str, str | None], set[int]] = {}
    for i in range(len(ctx.doc)):
        desc = role_description_at(ctx.doc, i)
        if desc is None:
            continue
        named = _person_next_to(ctx, desc)
        if named is not None:
            found.setdefault((desc.office, desc.of), set()).add(named)
    return {key: next(iter(persons)) for key, persons in found.items() if len(persons) == 1}


def resolve_role(
    ctx: ResolutionContext, desc: RoleDescription, appositions: Appositions, ahead: Appositions | None = None
) -> list[Decision]:
    """The decisions tying a role description to its holder, or none: a person named next to
    it, the person it was seen next to before, else (`ahead`, :func:`appositions_ahead`) the one
    person it is named next to later, the other party for « son homologue », the holder on the
    article's date, else the salient person holding such a role."""
    named = _person_next_to(ctx, desc)
    if named is not None:
        appositions[(desc.office, desc.of)] = appositions[(desc.office, None)] = named
        return _tied(ctx, desc, named, "apposition", ((desc.office, desc.of),) if desc.of else ())
    if (desc.office, desc.of) in appositions:
        return _tied(ctx, desc, appositions[(desc.office, desc.of)], "apposition")
    if ahead and (desc.office, desc.of) in ahead and not _unread_complement(ctx.doc, desc):
        return _tied(ctx, desc, ahead[(desc.office, desc.of)], "apposition")
    if desc.office == "counterpart":
        return _tied(ctx, desc, _counterpart(ctx, desc), "salience")
    if desc.of is None:
        # a bare role (« le président », « le chef de l'État »): the salient person holding it
        gender = desc.gender if desc.gender != "mf" else None
        return _tied(ctx, desc, salient_person(ctx, desc.start, gender, accept=_holds(desc.office)), "salience")
    holder = office_holder(desc.office, desc.of, ctx.on, description_gender(desc.gender, ctx.doc[desc.start]))
    if holder is None:
        return []
    found = find_person(ctx.entities, holder.person, holder.aliases)
    actor = found if found is not None else EntityRec("", holder.person, "PER", gender=holder.gender)
    knowledge = f"{holder.title_fr}, {holder.of}"
    return _tied(ctx, desc, actor, "knowledge", ((desc.office, desc.of),), knowledge, holder.gender)


def _unread_complement(doc: Doc, desc: RoleDescription) -> bool:
    """Whether « de » + words the knowledge file does not know follow the description (« au
    maire de Sevran »): the role of something else than the role named later."""
    return desc.end < len(doc) and doc[desc.end].lower_ in OF_PREPOSITIONS


def _person_next_to(ctx: ResolutionContext, desc: RoleDescription) -> int | None:
    """The person named right after the description (past a comma: « le président américain,
    Joe Biden, ») or right before it (« Vladimir Poutine, le président russe »), or None."""
    doc, entities, by_token = ctx.doc, ctx.entities, ctx.by_token
    nxt = desc.end + 1 if desc.end + 1 < len(doc) and doc[desc.end].text == "," else desc.end
    prev = desc.start - 2 if desc.start >= 1 and doc[desc.start - 1].text == "," else desc.start - 1
    named = next((t for t in (nxt, prev) if 0 <= t < len(doc) and t in by_token and entities[by_token[t]].type == "PER"), None)
    return by_token[named] if named is not None else None


def _tied(
    ctx: ResolutionContext, desc: RoleDescription, actor: ActorRef | None, how: str,
    offices: tuple[tuple[str, str], ...] = (), knowledge: str | None = None, gender: str | None = None,
) -> list[Decision]:
    """The description as a mention of `actor` found by `how`, and what it tells of the actor
    (its words, offices, knowledge; its gender when the holder's is not known); none without
    an actor."""
    if actor is None:
        return []
    gender = gender or (desc.gender if desc.gender in ("m", "f") else None)
    label = as_noun_phrase(ctx.phrase(desc.start, desc.end))
    return [
        Mention(actor, desc.start, desc.end, "description", how),
        Learn(actor, description=label, offices=offices, knowledge=knowledge, gender=gender),
    ]


def _holds(office: str) -> Callable[[EntityRec], bool]:
    """Whether an actor holds `office`: from the knowledge file or a description the text gave."""
    def accept(ent: EntityRec) -> bool:
        return any(o == office for o, _ in ent.offices) or any(_same_role(d, office) for d in ent.descriptions)
    return accept


def _same_role(description: str, office: str) -> bool:
    key = fold_name(description)
    return any(fold_name(k) in key and r.office == office for k, r in role_titles().items())


def _counterpart(ctx: ResolutionContext, desc: RoleDescription) -> int | None:
    """'son homologue (américain)': the salient person other than the possessor (the
    clause's subject), of the country named when there is one."""
    possessor = None
    head = ctx.doc[desc.start].head
    for _ in range(4):
        subj = subject_of(head)
        if subj is not None and subj.i in ctx.by_token:
            possessor = ctx.by_token[subj.i]
            break
        if head.head == head:
            break
        head = head.head
    return ctx.salience.counterpart(desc.start, possessor, desc.of)
