"""Actors: canonical entities with every mention (names, descriptions, pronouns).

Resolution runs in layers, each recorded on the mention as ``resolved_by``:

1. ``ner`` / ``alias``: spaCy's named entities, grouped into canonical actors ("Poutine" is the
   "Vladimir Poutine" named earlier or later; an acronym given in brackets is its organisation);
2. ``apposition``: a description next to a name ("le président russe Vladimir Poutine",
   "X, ministre de …") ties that description to that person for the whole article;
3. ``knowledge``: a role and a country or organisation ("le président américain") names the holder
   of that office on the article's date, from the bundled office-holders file;
4. ``salience``: pronouns, "ce dernier", "son homologue" and bare roles ("le président") go to the
   most salient compatible person: subject continuity, recency, gender and number agreement;
5. ``organisation`` / ``collective``: "le groupe", "le quotidien" stand for a named organisation
   (:mod:`presse.analyze.descriptions`); other common nouns are groups, bodies or unnamed people,
   a role noun being a person (:mod:`presse.analyze.roles`).

Acronyms and the names they spell are one actor (:mod:`presse.analyze.aliases`).

Places used for governments (le Kremlin, Kiev, Washington) stay ORG/LOC actors of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Final

from spacy.tokens import Doc, Span, Token

from presse import knowledge
from presse.analyze.actor_types import NameContext, checked_type
from presse.analyze.aliases import expansion_before, is_acronym, name_end, spells
from presse.analyze.descriptions import OrganisationKinds, described_organisation, description_span
from presse.analyze.gender import TITLES_F, TITLES_M, assign_genders
from presse.analyze.groups import find_coordinations, group_name, member_names
from presse.analyze.names import fold_name
from presse.analyze.office_lookup import description_gender, holder_on
from presse.analyze.pronouns import SALIENCE_WINDOW, Salience, reference_at
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.roles import person_key, singles_out
from presse.lexicons import (
    SpeakerNoun,
    country_by_alias,
    demonyms,
    first_name_gender,
    metonyms,
    party,
    role_titles,
    speaker_nouns,
)

NAME_PREPOSITIONS = frozenset({"de", "d'", "d’", "du", "des", "à", "au", "aux", "par", "pour", "avec", "contre"})
# people news talks about who rarely speak as such (not in the speaker lexicon): collectives too
PEOPLE_NOUNS: Final = MappingProxyType({
    noun: SpeakerNoun(noun, gender, "person")
    for noun, gender in (("personne", "f"), ("civil", "m"), ("individu", "m"), ("fidèle", "mf"), ("riverain", "m"))
})
# speaker nouns that mostly name a place or a building, not a body that acts ("dans la ville")
PLACE_LIKE_NOUNS = frozenset({
    "ville", "région", "département", "pays", "capitale", "commune", "université", "école",
    "hôpital", "ambassade", "consulat", "chambre", "service", "banque", "compagnie", "municipalité",
    "État", "état", "quartier", "village", "province", "île", "territoire", "site", "sécurité",
})
# a singular body is a collective actor with a definite, demonstrative or possessive determiner
COLLECTIVE_DETERMINERS = frozenset({"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "son", "sa", "leur", "notre", "votre", "du", "au"})
DETERMINERS = {"le", "la", "l'", "l’", "son", "sa", "leur", "ce", "cette", "notre", "votre", "au", "du"}
OFFICE_FALLBACKS = {"leader": ("head_of_state", "head_of_government", "leader")}
POSSESSIVES = {"son", "sa", "leur"}
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
NAME_PARTICLES = {"de", "du", "des", "le", "la", "von", "van", "der", "den", "da", "di", "ben", "bin", "al", "el"}
OPENING_QUOTES = frozenset({"«", "“", "‹"})
CLOSING_QUOTES = frozenset({"»", "”", "›"})
QUOTE_REACH = 6  # tokens past a span its closing quote mark may be: « Les Républicains »
PLURAL_DETERMINERS = frozenset({
    "les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "aux", "plusieurs", "quelques",
    "certains", "certaines", "différents", "différentes", "divers", "diverses", "nombreux", "nombreuses",
})
SINGULAR_DETERMINERS = frozenset({
    "le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette", "mon", "ma", "ton", "ta", "son", "sa",
    "notre", "votre", "leur", "du", "au", "chaque", "aucun", "aucune",
})
# a description is a noun phrase: "du président" is "le président" after its preposition
CONTRACTED_ARTICLES = {"du": "le", "au": "le", "aux": "les", "des": "les"}
LOCATIVE_PREPOSITIONS = frozenset({"à", "en", "dans", "vers", "depuis", "près", "via"})


@dataclass
class MentionRec:
    """A mention found in the Doc: token range and how it was tied to its entity."""

    start: int  # token index
    end: int
    kind: str
    resolved_by: str
    is_subject: bool = False


@dataclass
class EntityRec:
    """A canonical actor under construction."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    gender_evidence: str | None = None  # see presse.analyze.gender
    gender_overruled: list[str] = field(default_factory=list)
    knowledge: str | None = None
    mentions: list[MentionRec] = field(default_factory=list)
    offices: set[tuple[str, str]] = field(default_factory=set)  # (office, of)
    collective: bool = False  # named by a common noun only ("les policiers", "l'homme")
    members: list[EntityRec] = field(default_factory=list)  # a group's persons (see `groups`)

    @property
    def named(self) -> bool:
        """A person the text names (not an unnamed one or a group known by a common noun)."""
        return self.type == "PER" and not self.collective

    def name_keys(self) -> set[str]:
        return {fold_name(self.name), *(fold_name(a) for a in self.aliases)}


@dataclass
class Actors:
    """The result of actor resolution for one Doc."""

    entities: list[EntityRec]
    by_token: dict[int, int]  # token index -> entity index
    warnings: list[str] = field(default_factory=list)

    def entity_at(self, token_i: int) -> EntityRec | None:
        idx = self.by_token.get(token_i)
        return self.entities[idx] if idx is not None else None


@dataclass
class _Description:
    start: int
    end: int
    title_key: str
    office: str
    gender: str
    of: str | None


def _trim_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range without whitespace tokens at its ends ("le maire de Sevran\n\n") and with its
    quote marks paired: an opening mark closed just after the range takes the closing mark in
    ("le député du parti « Les Républicains »"), otherwise the range stops before an unpaired
    mark ("TMC « Quotidien" → "TMC", "En Marche » souhaite" → "En Marche"). None if nothing is
    left."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    opened: int | None = None
    for i in range(start, end):
        text = doc[i].text
        if text in OPENING_QUOTES and opened is None:
            opened = i
        elif text in CLOSING_QUOTES:
            if opened is not None:
                opened = None
            elif i == start:
                return _trim_span(doc, start + 1, end)
            else:
                return _trim_span(doc, start, i)
    if opened is not None:
        reach = min(len(doc), end + QUOTE_REACH)
        close = next((j for j in range(end, reach) if doc[j].text in CLOSING_QUOTES | OPENING_QUOTES or doc[j].is_sent_start), None)
        if close is not None and doc[close].text in CLOSING_QUOTES:
            return start, close + 1
        return _trim_span(doc, opened + 1, end) if opened == start else _trim_span(doc, start, opened)
    straight = [i for i in range(start, end) if doc[i].text == '"']
    if len(straight) % 2:
        last = straight[-1]
        return _trim_span(doc, last + 1, end) if last == start else _trim_span(doc, start, last)
    return (start, end) if start < end else None


def _phrase(doc: Doc, start: int, end: int) -> str:
    """The text of a token range as a name: whitespace runs and line breaks as one space."""
    return " ".join(doc[start:end].text.split())


def _as_noun_phrase(description: str) -> str:
    """A description read after its preposition: "du président" → "le président"."""
    first, _, rest = description.partition(" ")
    article = CONTRACTED_ARTICLES.get(first.lower())
    if article is None or not rest:
        return description
    return f"{article.capitalize() if first[0].isupper() else article} {rest}"


def _tidy_names(ent: EntityRec) -> None:
    """One space between words in the name, aliases and descriptions, each listed once."""
    ent.name = " ".join(ent.name.split())
    ent.aliases = list(dict.fromkeys(" ".join(a.split()) for a in ent.aliases))
    ent.descriptions = list(dict.fromkeys(" ".join(d.split()) for d in ent.descriptions))


def _clean_ent(span: Span) -> tuple[int, int] | None:
    """Trim determiners, punctuation and quote marks off a NER span; None if nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in DETERMINERS | {"les", "l", "'"}):
        if not doc[start].is_punct and party(doc[start:end].text) is not None:
            break  # "Les Républicains" is the party's name, article included
        start += 1
    while (end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ".")) or (
        end > start and doc[end - 1].text in {"'", "’", "-"}
    ):
        end -= 1
    if span.label_ == "PER":
        # "Emmanuel Macron lundi": a person's name does not end on a lowercase common word
        while end - start > 1 and doc[end - 1].text.islower() and doc[end - 1].lower_ not in {"de", "du", "von", "van", "der", "da", "di"}:
            end -= 1
    trimmed = _trim_span(doc, start, end) if start < end else None
    if trimmed is None:
        return None
    start, end = trimmed
    while start < end and doc[start].text in CONTRACTED_ARTICLES.keys() | {"à"}:
        start += 1  # "au Kremlin": a name does not start with a preposition ("de Villiers" may)
    if start >= end:
        return None
    text = doc[start:end].text
    if not any(c.isalpha() for c in text) or (not text[0].isupper() and not text[0].isdigit()):
        return None
    # the NER often stops at the hyphen of a compound surname: "Vallaud" "-" "Belkacem"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
        end += 2
    return start, end


def _coordinated_groups(doc: Doc, entities: list[EntityRec], by_token: dict[int, int]) -> None:
    """Persons coordinated in a speaker's place become one group actor, named by its members
    (see :mod:`presse.analyze.groups`); the members keep their own mentions."""
    spans = {m.start: (m.start, m.end) for e in entities if e.named for m in e.mentions if m.kind == "name"}
    person_at = {t: idx for t, idx in by_token.items() if entities[idx].named}
    groups: dict[tuple[int, ...], EntityRec] = {}
    for co in find_coordinations(doc, person_at, spans):
        members = [entities[i] for i in co.members]
        names = member_names([m.name for m in members])
        for member, name in zip(members, names, strict=True):
            if name != member.name:  # "Marie" of "Marie et Paul Dupont" is Marie Dupont
                member.aliases.append(member.name)
                member.name = name
                guess = first_name_gender(name.split()[0])
                member.gender = member.gender or (guess if guess in ("m", "f") else None)
        group = groups.get(co.members)
        if group is None:
            group = groups[co.members] = EntityRec("", group_name(names), "MISC", members=members)
            entities.append(group)
        group.mentions.append(MentionRec(co.start, co.end, "name", "group", _is_subject(doc[co.start : co.end])))


NICKNAME_CUES = frozenset({"dit", "dite", "alias", "surnommé", "surnommée", "connu sous le nom de"})


def _merge_nicknames(doc: Doc, entities: list[EntityRec], by_token: dict[int, int]) -> None:
    """"Alexandra Maquet dite Alma", "X alias Y": the second name is the first person's."""
    for i, tok in enumerate(doc):
        if tok.lower_ not in NICKNAME_CUES or i == 0 or i + 1 >= len(doc):
            continue
        first, second = by_token.get(i - 1), by_token.get(i + 1)
        if first is None or second is None or first == second:
            continue
        if entities[first].type != "PER" or entities[second].type not in ("PER", "MISC"):
            continue
        moved = entities[second]
        entities[first].aliases.extend([moved.name, *moved.aliases])
        entities[first].mentions.extend(moved.mentions)
        for m in moved.mentions:
            for t in range(m.start, m.end):
                by_token[t] = first
        moved.mentions = []


def _merge_acronyms(entities: list[EntityRec], by_token: dict[int, int]) -> None:
    """« PSG » … « Paris Saint-Germain », « l'ONU » … « les Nations unies »: an acronym and the
    name it spells are one actor, known by the fuller name (see :mod:`presse.analyze.aliases`)."""
    for a, short in enumerate(entities):
        if not short.mentions or short.type == "PER" or not is_acronym(short.name):
            continue
        full = next((
            i for i, e in enumerate(entities)
            if i != a and e.mentions and e.type != "PER" and not e.collective and spells(short.name, e.name)
        ), None)
        if full is None:
            continue
        kept = entities[full]
        kept.aliases.extend([short.name, *short.aliases])
        kept.type = "ORG" if "ORG" in (kept.type, short.type) else kept.type
        for m in short.mentions:
            m.resolved_by = "alias"
            kept.mentions.append(m)
            for t in range(m.start, m.end):
                by_token[t] = full
        short.mentions = []


def _agrees(noun: Token, ent: EntityRec) -> bool:
    """A person noun may stand for `ent`: no gender clash ("l'avocate" is not Vincent)."""
    gender = noun.morph.get("Gender")
    return ent.gender is None or not gender or ("f" if "Fem" in gender else "m") == ent.gender


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


def _description_end(head: Token) -> int:
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


@functools.cache
def _role_nouns() -> frozenset[str]:
    """Role titles of one word ("président", "ministre", "porte-parole")."""
    return frozenset(key.lower() for key in role_titles() if " " not in key and "'" not in key)


def _with_article(words: str, plural: bool, gender: list[str]) -> str:
    """The name of a collective as French says it: "les policiers", "la presse", "l'armée"."""
    if plural:
        return f"les {words}"
    if words[:1].lower() in "aeiouyhàâéèêëîïôûü":
        return f"l'{words}"
    return f"{'la' if 'Fem' in gender else 'le'} {words}"


def _person_after_party(doc: Doc, start: int, end: int) -> int | None:
    """The token where a person's name starts inside a NER span that begins with a party's name
    ("Rassemblement national Marine Le Pen"), or None."""
    for k in range(start + 1, end - 1):
        if first_name_gender(doc[k].text) is not None and doc[k + 1].text[:1].isupper() and party(doc[start:k].text) is not None:
            return k
    return None


def _name_context(doc: Doc, start: int, end: int) -> NameContext:
    """What the words around one name mention say about its type (see `NameContext`)."""
    before = doc[start - 1] if start > 0 else None
    person_nouns = speaker_nouns()
    person_cue = before is not None and (
        before.lower_ in TITLES_M | TITLES_F
        or before.lower_ in _role_nouns()
        or (before.pos_ == "NOUN" and getattr(person_nouns.get(before.lower_), "kind", None) == "person")
    )
    return NameContext(
        person_cue=person_cue,
        place_cue=before is not None and before.lower_ in LOCATIVE_PREPOSITIONS,
        numbered=end < len(doc) and doc[end].like_num,
    )


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


@dataclass
class _Collectives:
    """What the collectives layer has seen in one Doc: actor by (head lemma, complement actor),
    the named person a title was seen with, the unnamed persons by key in text order."""

    keys: dict[tuple[str, int | None], int] = field(default_factory=dict)
    titles: dict[str, int] = field(default_factory=dict)
    people: dict[tuple[str, int | None], list[int]] = field(default_factory=dict)


def _refers_as_collective(tok: Token, person: bool, plural: bool, determiners: set[str]) -> bool:
    """Whether a speaker-lexicon noun refers to a group, a body or one unnamed person here."""
    if tok.dep_ in ("appos", "flat:name") or any(c.dep_ in ("appos", "flat:name", "cop") for c in tok.children):
        return False  # "le syndicat, la CGT", "X et Y, les deux suspects", "il est avocat": named there
    if any(c.dep_ == "case" and c.lower_ in ("comme", "en") for c in tok.children):
        return False  # "en tant que médecin", "comme témoin": a capacity, not someone
    if person and tok.lower_ in _role_nouns() and determiners & {"un", "une"} and not singles_out(tok):
        return False  # "un président accueilli à Washington": nobody in particular
    # "une police", "gouvernement" alone: no definite body
    return plural or bool(determiners & (COLLECTIVE_DETERMINERS | ({"un", "une"} if person else set())))


def _collective_entity(
    doc: Doc, tok: Token, person: bool, plural: bool, kind: str, start: int, end: int, complement: Token | None
) -> EntityRec:
    """A new collective actor, named by its description with the definite article."""
    # "gouvernement du Burundi": the complement that names whose body it is
    last = max(end, complement.right_edge.i + 1) if complement is not None else end
    if person:
        # one unnamed person is known by the whole description: "la source française proche de
        # l'enquête", "le porte-parole du collectif Indecline"
        last = max(last, _description_end(tok))
    first = next((t for t in range(start, tok.i) if doc[t].dep_ != "det"), tok.i)
    first, last = _trim_span(doc, first, last) or (tok.i, tok.i + 1)
    words = _phrase(doc, first, last)
    if doc[first].is_sent_start and doc[first].pos_ != "PROPN" and not doc[first].is_upper:
        words = words[:1].lower() + words[1:]  # "Cinq soldats ont été tués": les cinq soldats
    gender = tok.morph.get("Gender")
    return EntityRec(
        "", _with_article(words, plural, gender),
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
    return _trim_span(doc, start, end) or (head.i, head.i + 1)


def _role_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
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


class ActorResolver:
    """Builds the canonical actors of a Doc; lexicons are cached. Not thread-safe: one resolver
    handles one Doc at a time (spaCy components run sequentially)."""

    def __init__(self, salience_window: int = SALIENCE_WINDOW) -> None:
        self.roles = _role_index()
        self.salience_window = salience_window
        self._quoted: list[tuple[int, int]] = []  # quote-marked ranges of the Doc being resolved
        self._text = ""  # the text of the Doc being resolved

    def __call__(self, doc: Doc, on: date | None = None, text: str | None = None) -> Actors:
        """The actors of `doc`; `text` is ``doc.text`` when the caller has it already (spaCy
        rebuilds ``doc.text`` from the tokens at each access)."""
        on = on or date.today()
        self._text = doc.text if text is None else text
        self._quoted = [(m.open_at, m.close_at or m.end) for m in find_quote_marks(self._text).spans]
        entities: list[EntityRec] = []
        self._salience = Salience(doc, entities, self._quoted, self.salience_window)
        by_token: dict[int, int] = {}
        warnings: list[str] = []
        ner = self._named_mentions(doc)
        self._cluster(doc, ner, entities, by_token)
        _merge_nicknames(doc, entities, by_token)
        _merge_acronyms(entities, by_token)
        self._link_knowledge(entities, on)
        _coordinated_groups(doc, entities, by_token)
        self._resolve_references(doc, entities, by_token, on)
        self._collectives(doc, entities, by_token)
        self._plural_references(doc, entities, by_token)
        for ent in entities:
            ent.mentions.sort(key=lambda m: m.start)
            _tidy_names(ent)
        entities = [e for e in entities if e.mentions]
        assign_genders(doc, entities)
        # re-index after dropping empty entities; a group, added after its members, takes the
        # tokens of its coordination
        by_token = {}
        for idx, ent in enumerate(entities):
            ent.id = f"e{idx + 1}"
            for m in ent.mentions:
                for t in range(m.start, m.end):
                    by_token[t] = idx
        return Actors(entities, by_token, warnings)

    # -- layer 1: names -------------------------------------------------------------------------

    def _named_mentions(self, doc: Doc) -> list[tuple[int, int, str, str | None]]:
        """(start, end, type, gender hint) of each usable NER span, in text order."""
        found = []
        metos = metonyms()
        structure = doc._.presse_structure
        bylines = [(b.start, b.end) for b in structure.blocks if b.kind == "byline"] if structure else []
        for ent in doc.ents:
            if any(a <= ent.start_char < b for a, b in bylines):
                continue  # the author signs the article; they are not one of its actors
            label = NER_LABELS.get(ent.label_)
            if label is None:
                continue
            if label != "PER":
                ent = Span(doc, ent.start, name_end(doc, ent.start, ent.end), label=ent.label_)
            cleaned = _clean_ent(ent)
            if cleaned is None:
                continue
            start, end = cleaned
            while end < len(doc) and doc[end - 1].text.endswith("-") and not doc[end - 1].whitespace_ and doc[end].is_alpha:
                end += 1  # "Ban Ki-moon", whose lower-case last part the NER leaves out
            gender = None
            first = doc[start].lower_
            if first in TITLES_M | TITLES_F:
                gender = "f" if first in TITLES_F else "m"
                start += 1
                if start < end and doc[start].text == ".":
                    start += 1
                label = "PER"
            elif start > 0 and doc[start - 1].lower_ in TITLES_M | TITLES_F:
                gender = "f" if doc[start - 1].lower_ in TITLES_F else "m"
                label = "PER"
            if start >= end:
                continue
            text = doc[start:end].text
            if text.lower() in role_titles() or (doc[start].lower_ in self.roles and doc[start].lower_ not in ("leader",) and label != "LOC"):
                continue  # "Président des États-Unis": a role, resolved by the description layer
            if label == "PER" and len(text) < 3 and text.isupper():
                label = "ORG"
            meto = metos.get(text) or metos.get(text.replace("’", "'"))
            if meto is not None:
                label = meto.type
            person_at = _person_after_party(doc, start, end)
            if person_at is not None:
                # "du Rassemblement national Marine Le Pen": the NER made one span of two names
                found.append((start, person_at, "ORG", None))
                start, label = person_at, "PER"
            found.append((start, end, label, gender))
        extra = [m for m in self._first_name_persons(doc, found) if not any(a <= doc[m[0]].idx < b for a, b in bylines)]
        return found + extra

    @staticmethod
    def _first_name_persons(
        doc: Doc, found: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """Persons the NER missed: a known first name followed by capitalized surname words
        ("Najat Vallaud-Belkacem", "Jean-Yves Le Drian")."""
        taken = {t for start, end, _, _ in found for t in range(start, end)}
        extra = []
        texts = [t.text for t in doc]  # token strings read once, not token by token in the loops
        n = len(texts)
        i = 0
        while i < n:
            gender = first_name_gender(texts[i]) if texts[i][:1].isupper() and i not in taken else None
            if gender is None:
                i += 1
                continue
            j = i + 1
            while j < n and j not in taken and (
                (texts[j].lstrip("-")[:1].isupper() and texts[j].replace("-", "").isalpha())
                # "Vallaud-Belkacem" tokenized as "Vallaud", "-", "Belkacem"
                or (texts[j] == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                    and j + 1 < n and texts[j + 1][:1].isupper())
                or (doc[j].lower_ in NAME_PARTICLES and j + 1 < n and texts[j + 1][:1].isupper())
            ):
                j += 1
            if j > i + 1 and doc[j - 1].lower_ not in NAME_PARTICLES and j - i <= 5:
                extra.append((i, j, "PER", gender if gender in ("m", "f") else None))
            i = max(j, i + 1)
        return extra

    def _cluster(
        self,
        doc: Doc,
        ner: list[tuple[int, int, str, str | None]],
        entities: list[EntityRec],
        by_token: dict[int, int],
    ) -> None:
        """Group name mentions into entities (full names first, then their short forms)."""
        type_votes: dict[str, dict[str, int]] = {}
        contexts: dict[str, NameContext] = {}
        for start, end, label, _ in ner:
            key = fold_name(doc[start:end].text)
            votes = type_votes.setdefault(key, {})
            votes[label] = votes.get(label, 0) + 1
            here, seen = _name_context(doc, start, end), contexts.get(key, NameContext())
            contexts[key] = NameContext(
                seen.person_cue or here.person_cue, seen.place_cue or here.place_cue, seen.numbered or here.numbered
            )
        acronyms = self._acronyms(doc, self._text, ner)

        def add_mention(idx: int, start: int, end: int, resolved_by: str) -> None:
            ent = entities[idx]
            ent.mentions.append(
                MentionRec(start, end, "name", resolved_by, _is_subject(doc[start:end]))
            )
            for t in range(start, end):
                by_token[t] = idx

        key_to_entity: dict[str, int] = {}
        order = sorted(ner, key=lambda m: (-(m[1] - m[0]), m[0]))
        pending: list[tuple[int, int, str, str | None]] = []
        for start, end, _label, gender in order:
            text = doc[start:end].text
            key = fold_name(text)
            votes = type_votes[key]
            checked = checked_type(text, max(votes, key=lambda k: (votes[k], k == "PER")), contexts[key])
            label = checked.type
            if key in key_to_entity:
                add_mention(key_to_entity[key], start, end, "ner")
                continue
            if key in acronyms and fold_name(acronyms[key]) in key_to_entity:
                idx = key_to_entity[fold_name(acronyms[key])]
                entities[idx].aliases.append(text)
                key_to_entity[key] = idx
                add_mention(idx, start, end, "alias")
                continue
            if (label == "PER" and end - start == 1) or (label == "PER" and self._partial_of(key, entities)):
                pending.append((start, end, label, gender))
                continue
            entities.append(EntityRec("", _phrase(doc, start, end), label, gender=gender, collective=checked.group))
            if key in acronyms and label != "PER":
                # the acronym of a name the text gives in full: known by that name
                entities[-1].aliases.append(entities[-1].name)
                entities[-1].name = acronyms[key]
            key_to_entity[key] = len(entities) - 1
            add_mention(len(entities) - 1, start, end, "ner")
            if label == "PER" and gender is None:
                guess = first_name_gender(doc[start].text)
                entities[-1].gender = guess if guess in ("m", "f") else None
        # short forms, in text order so that an ambiguous surname goes to the last one named
        for start, end, label, gender in sorted(pending):
            text = doc[start:end].text
            key = fold_name(text)
            if key in key_to_entity:
                add_mention(key_to_entity[key], start, end, "ner")
                continue
            candidates = [
                i for i, e in enumerate(entities)
                if e.type == "PER" and self._is_short_form(key, e)
            ]
            if candidates:
                before = [
                    (max((m.start for m in entities[i].mentions if m.start < start), default=-1), i)
                    for i in candidates
                ]
                idx = max(before)[1]
                if text not in entities[idx].aliases:
                    entities[idx].aliases.append(text)
                add_mention(idx, start, end, "alias")
                continue
            entities.append(EntityRec("", text, label, gender=gender))
            key_to_entity[key] = len(entities) - 1
            add_mention(len(entities) - 1, start, end, "ner")

    @staticmethod
    def _is_short_form(key: str, ent: EntityRec) -> bool:
        """'poutine' is a short form of 'vladimir poutine'; 'le pen' of 'marine le pen'."""
        words = key.split()
        for full in ent.name_keys():
            fw = full.split()
            if len(fw) > len(words) and (fw[-len(words) :] == words or (fw[: len(words)] == words and len(words) > 1)):
                return True
        return False

    def _partial_of(self, key: str, entities: list[EntityRec]) -> bool:
        return any(e.type == "PER" and self._is_short_form(key, e) for e in entities)

    @staticmethod
    def _acronyms(doc: Doc, text: str, ner: Sequence[tuple[int, int, str, str | None]] = ()) -> dict[str, str]:
        """Acronyms given in brackets after the name they stand for, by key: 'Organisation mondiale
        de la santé (OMS)' -> {'oms': 'Organisation mondiale de la santé'}. The long form is a
        non-person name the NER found right before the bracket (the acronym may come from
        another language: 'Bureau de la coordination des affaires humanitaires (OCHA)'), else
        the words right before whose initials spell it (:func:`aliases.expansion_before`, lower
        case included: 'la régie autonome des transports parisiens (RATP)'). `text` is
        ``doc.text``."""
        found = {}
        ends = {doc[end - 1].idx + len(doc[end - 1]): (start, end) for start, end, label, _ in ner if label != "PER"}
        for m in re.finditer(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text):
            acro = m.group(1)
            span = ends.get(m.start())
            if span is not None and sum(c.isupper() for c in acro) >= 2:
                found[fold_name(acro)] = doc[span[0] : span[1]].text
        # the other way round: "membre de l'Ocha (le Bureau de la coordination …)"
        orgs = {doc[start].idx: (start, end) for start, end, label, _ in ner if label == "ORG" and end - start > 1}
        for m in re.finditer(r"\b([A-Z][A-Za-z]{1,7})\s*\((?:(?:le|la|les|l['’])\s*)?", text):
            span = orgs.get(m.end())
            if span is not None:
                found.setdefault(fold_name(m.group(1)), doc[span[0] : span[1]].text)
        for m in re.finditer(r"\(([A-Z]{2,9})\)", text):
            # « la régie autonome des transports parisiens (RATP) »: a long form the NER missed
            long = expansion_before(text[max(0, m.start() - 160) : m.start()], m.group(1))
            if long is not None:
                found.setdefault(fold_name(m.group(1)), long)
        return found

    # -- layer 3: knowledge ----------------------------------------------------------------------

    @staticmethod
    def _link_knowledge(entities: list[EntityRec], on: date) -> None:
        """Complete single-word person names from the office-holders file; note their offices."""
        for ent in entities:
            if ent.type != "PER":
                continue
            if " " not in ent.name:
                full = knowledge.canonical_person(ent.name)
                if full:
                    ent.aliases.append(ent.name)
                    ent.name = full
            for office in knowledge.offices_of(ent.name):
                if office.start <= on and (office.end is None or on <= office.end):
                    ent.offices.add((office.office, office.of))
                    ent.knowledge = ent.knowledge or f"{office.title_fr}, {office.of}"
                    ent.gender = ent.gender or office.gender

    # -- layers 2-4: descriptions and pronouns, in text order ------------------------------------

    def _resolve_references(
        self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int], on: date
    ) -> None:
        appositions: dict[tuple[str, str | None], int] = {}
        i = 0
        while i < len(doc):
            if i in by_token:
                i += 1
                continue
            desc = self._description_at(doc, i)
            if desc is not None:
                idx, how = self._resolve_description(doc, desc, entities, by_token, appositions, on)
                if idx is not None:
                    self._attach(doc, entities, by_token, idx, desc.start, desc.end, "description", how)
                    ent = entities[idx]
                    label = _as_noun_phrase(_phrase(doc, desc.start, desc.end))
                    if label not in ent.descriptions:
                        ent.descriptions.append(label)
                    if ent.gender is None and desc.gender in ("m", "f"):
                        ent.gender = desc.gender
                i = desc.end
                continue
            ref = reference_at(doc, i)
            if ref is not None and not doc[i].text.startswith("-") and self._salience.in_quote(i):
                # inside a quotation: the speaker's words (an incise's "-t-il" is the narrator's)
                i = ref.end
                continue
            if ref is not None and not ref.plural:  # plurals wait for the groups (see below)
                idx = self._salience.resolve(ref)
                if idx is not None:
                    self._attach(doc, entities, by_token, idx, ref.start, ref.end, "pronoun", "salience")
                i = ref.end
                continue
            i += 1

    def _plural_references(self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int]) -> None:
        """« ils », « elles », « selon eux », « ces derniers »: resolved once the groups of people
        (coordinated persons, collectives) are known."""
        for i in range(len(doc)):
            if i in by_token:
                continue
            ref = reference_at(doc, i)
            if ref is None or not ref.plural or (not doc[i].text.startswith("-") and self._salience.in_quote(i)):
                continue
            idx = self._salience.resolve(ref)
            if idx is not None:
                self._attach(doc, entities, by_token, idx, ref.start, ref.end, "pronoun", "salience")

    # -- layer 5: collectives --------------------------------------------------------------------

    def _collectives(self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int]) -> None:
        """Groups of people and collective bodies named by a common noun of the speaker lexicon
        and tied to no other actor: "les policiers", "des manifestants", "la presse", "le
        gouvernement du Burundi", and unnamed people ("l'homme", "la victime"). One actor per head
        noun (and actor complement), type ORG for bodies (la police, la presse), MISC for groups
        of people, PER for one person."""
        nouns = speaker_nouns()
        seen = _Collectives()
        kinds = OrganisationKinds.of(entities)
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.i in by_token:
                continue
            org = described_organisation(tok, entities, by_token, kinds, self._quoted)
            if org is not None:
                start, end = description_span(doc, tok)
                self._describe(doc, entities, by_token, org, start, end, "organisation")
                continue
            entry = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_) or PEOPLE_NOUNS.get(tok.lemma_.lower())
            if entry is None or entry.noun in PLACE_LIKE_NOUNS or self._titles_a_name(doc, tok, entities, by_token, seen):
                continue
            plural = _plural(tok)
            person = entry.kind == "person" and not plural
            head_idx = by_token.get(tok.head.i)
            if person and tok.dep_ == "appos" and head_idx is not None and entities[head_idx].named:
                # "Massimiliano Rebaudengo, le chef de mission de MSF": a description of the name
                start, end = _collective_span(tok, by_token)
                self._describe(doc, entities, by_token, head_idx, start, end, "apposition")
                continue
            determiners = {c.lower_ for c in tok.children if c.dep_ == "det"}
            if not _refers_as_collective(tok, person, plural, determiners):
                continue
            complement = next((c for c in tok.children if c.dep_ == "nmod" and c.i in by_token), None)
            key = (person_key(tok.lemma_.lower(), plural), by_token[complement.i] if complement is not None else None)
            start, end = _collective_span(tok, by_token)
            if person:
                named, how = self._person_referent(doc, tok, entities, by_token, seen, key, start, determiners, complement)
                if named is not None:
                    self._describe(doc, entities, by_token, named, start, end, how)
                    continue
            if key not in seen.keys:
                entities.append(_collective_entity(doc, tok, person, plural, entry.kind, start, end, complement))
                seen.keys[key] = len(entities) - 1
                if person:
                    seen.people.setdefault(key, []).append(seen.keys[key])
            self._attach(doc, entities, by_token, seen.keys[key], start, end, "description", "collective")

    @staticmethod
    def _titles_a_name(doc: Doc, tok: Token, entities: list[EntityRec], by_token: dict[int, int], seen: _Collectives) -> bool:
        """True when `tok` heads a title before a person's name ("l'archevêque de Rouen Dominique
        Lebrun"), which is then remembered for the bare title later; not "le porte-parole de X"
        (X's spokesperson, not X)."""
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
        self, doc: Doc, tok: Token, entities: list[EntityRec], by_token: dict[int, int], seen: _Collectives,
        key: tuple[str, int | None], start: int, determiners: set[str], complement: Token | None,
    ) -> tuple[int | None, str]:
        """The named person an unnamed-person description stands for, and how it was found; or
        (None, "") after pointing `seen.keys[key]` at the unnamed person it continues."""
        indefinite = bool(determiners & {"un", "une"})
        # "une représentante du comité, Oksana Kovrijnaïa", "X, le chef de mission"
        name_at = apposed_name(doc, entities, by_token, start, _description_end(tok))
        if name_at is not None:
            return by_token[name_at], "apposition"
        titled = seen.titles.get(tok.lemma_.lower())
        if titled is not None and not indefinite and _agrees(tok, entities[titled]):
            return titled, "apposition"  # "l'archevêque de Rouen Dominique Lebrun … L'archevêque de Rouen"
        if not indefinite and key not in seen.keys and complement is None and tok.dep_.startswith("nsubj"):
            # "Alexandra Maquet … . La chanteuse s'est dite …": a definite description as subject
            # continues the named person who was the previous subject
            named = self._topic_person(doc, entities, by_token, start, tok.morph.get("Gender"))
            if named is not None:
                return named, "salience"
        if indefinite:
            seen.keys.pop(key, None)  # "une source …": someone new; "la source" then refers to them
        else:
            # "la source française proche de l'enquête" after "une autre source": the one whose
            # description shares most of these words (the latest on a tie)
            words = set(fold_name(doc[tok.i + 1 : _description_end(tok)].text).split())
            shared = [(len(words & set(fold_name(entities[i].name).split())), n, i) for n, i in enumerate(seen.people.get(key, ()))]
            if shared and max(shared)[0] > 0:
                seen.keys[key] = max(shared)[2]
        return None, ""

    def _describe(self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int], idx: int, start: int, end: int, how: str) -> None:
        self._attach(doc, entities, by_token, idx, start, end, "description", how)
        entities[idx].descriptions.append(_as_noun_phrase(_phrase(doc, start, end)))

    def _topic_person(
        self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int], at: int, gender: list[str]
    ) -> int | None:
        """The named person a definite description at `at` continues: the salient agreeing
        person, when it was a subject in this or the previous sentence."""
        wanted = "f" if "Fem" in gender else "m" if "Masc" in gender else None
        idx = self._salient_person(doc, entities, by_token, at, wanted)
        if idx is None or entities[idx].collective:
            return None
        sent = doc[at].sent
        previous_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        recent = any(m.is_subject and previous_start <= m.start < at for m in entities[idx].mentions)
        return idx if recent else None

    def _attach(
        self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int], idx: int,
        start: int, end: int, kind: str, how: str,
    ) -> None:
        entities[idx].mentions.append(MentionRec(start, end, kind, how, _is_subject(doc[start:end])))
        for t in range(start, end):
            by_token[t] = idx

    def _description_at(self, doc: Doc, i: int) -> _Description | None:
        """A determiner + role title (+ nationality or 'de' + country) starting at token i."""
        if doc[i].lower_.replace("’", "'") not in DETERMINERS:
            return None
        j = i + 1
        if j < len(doc) and doc[j].lower_ in {"nouveau", "nouvelle", "ancien", "ancienne", "futur", "future", "actuel", "actuelle"}:
            return None  # a former or future holder is not the holder on the article's date
        if j >= len(doc):
            return None
        for words, key in self.roles.get(doc[j].lower_.replace("’", "'"), []):
            end = _match_tokens(doc, j, words)
            if end is None:
                continue
            role = role_titles()[key]
            of = None
            k = end
            if k < len(doc) and doc[k].lower_ in demonyms():
                of = demonyms()[doc[k].lower_]
                k += 1
            elif k + 1 < len(doc) and doc[k].lower_ in {"de", "des", "du", "d'", "d’"}:
                m = k + 1
                if m < len(doc) and doc[m].lower_ in {"la", "l'", "l’", "le", "les"}:
                    m += 1
                for n in (4, 3, 2, 1):
                    if m + n > len(doc):
                        continue
                    name = doc[m : m + n].text
                    country = country_by_alias(name)
                    if country is not None:
                        of, k = country.name, m + n
                        break
                    org = _organisation(name)
                    if org is not None:
                        of, k = org, m + n
                        break
            return _Description(i, k, key, role.office, role.gender, of)
        return None

    def _resolve_description(
        self, doc: Doc, desc: _Description, entities: list[EntityRec], by_token: dict[int, int],
        appositions: dict[tuple[str, str | None], int], on: date,
    ) -> tuple[int | None, str]:
        # apposition: "le président russe Vladimir Poutine" / "Vladimir Poutine, le président russe"
        nxt = desc.end
        if nxt + 1 < len(doc) and doc[nxt].text == ",":
            nxt += 1  # "le président américain, Joe Biden, …": the name the text gives wins
        prev = desc.start - 1
        if prev >= 0 and doc[prev].text == ",":
            prev -= 1
        for t in (nxt, prev):
            if 0 <= t < len(doc) and t in by_token and entities[by_token[t]].type == "PER":
                idx = by_token[t]
                appositions[(desc.office, desc.of)] = idx
                appositions[(desc.office, None)] = idx
                if desc.of:
                    entities[idx].offices.add((desc.office, desc.of))
                return idx, "apposition"
        if (desc.office, desc.of) in appositions:
            return appositions[(desc.office, desc.of)], "apposition"
        if desc.office == "counterpart":
            return self._counterpart(doc, desc, entities, by_token), "salience"
        if desc.of is not None:
            offices = OFFICE_FALLBACKS.get(desc.office, (desc.office,))
            holder = holder_on(offices, desc.of, on, description_gender(desc.gender, doc[desc.start]))
            if holder is not None:
                idx = self._find_person(entities, holder.person, holder.aliases)
                if idx is None:
                    entities.append(EntityRec("", holder.person, "PER", gender=holder.gender))
                    idx = len(entities) - 1
                ent = entities[idx]
                ent.offices.add((desc.office, desc.of))
                ent.knowledge = ent.knowledge or f"{holder.title_fr}, {holder.of}"
                ent.gender = ent.gender or holder.gender
                return idx, "knowledge"
            return None, ""
        # a bare role ("le président", "le chef de l'État"): the salient person holding such a role
        return self._salient_person(
            doc, entities, by_token, desc.start, desc.gender if desc.gender != "mf" else None,
            office=desc.office,
        ), "salience"

    @staticmethod
    def _find_person(entities: list[EntityRec], name: str, aliases: tuple[str, ...]) -> int | None:
        keys = {fold_name(name), *(fold_name(a) for a in aliases)}
        surname = fold_name(name).split()[-1]
        for idx, ent in enumerate(entities):
            if ent.type != "PER":
                continue
            if ent.name_keys() & keys or any(k.split()[-1] == surname for k in ent.name_keys() if " " in k):
                return idx
        return None

    def _counterpart(
        self, doc: Doc, desc: _Description, entities: list[EntityRec], by_token: dict[int, int]
    ) -> int | None:
        """'son homologue (américain)': the salient person other than the possessor (the
        clause's subject), of the country named when there is one."""
        possessor = None
        head = doc[desc.start].head
        for _ in range(4):
            subj = _subject_of(head)
            if subj is not None and subj.i in by_token:
                possessor = by_token[subj.i]
                break
            if head.head == head:
                break
            head = head.head
        return self._salience.counterpart(desc.start, possessor, desc.of)

    def _salient_person(
        self, doc: Doc, entities: list[EntityRec], by_token: dict[int, int], at: int,
        gender: str | None, *, exclude: int | None = None, office: str | None = None,
    ) -> int | None:
        """The salient person a reference at token `at` stands for (see `Salience.salient`),
        holding `office` when given (the Doc's actors are the resolver's `Salience`)."""
        accept = None
        if office is not None:
            def accept(ent: EntityRec) -> bool:
                return any(o == office for o, _ in ent.offices) or any(_same_role(d, office) for d in ent.descriptions)
        return self._salience.salient(at, gender, exclude=exclude, accept=accept)


@functools.cache
def _organisations() -> dict[str, str]:
    """Organisations that have offices in the knowledge file, by normalized name."""
    countries = {fold_name(c) for c in _country_names()}
    return {
        fold_name(o.of): o.of
        for o in knowledge.office_holders()
        if fold_name(o.of) not in countries
    }


@functools.cache
def _country_names() -> frozenset[str]:
    from presse.lexicons import countries

    return frozenset(countries())


def _organisation(name: str) -> str | None:
    """The organisation's name as the knowledge file writes it, or None."""
    return _organisations().get(fold_name(name))


def _same_role(description: str, office: str) -> bool:
    key = fold_name(description)
    role = role_titles()
    return any(fold_name(k) in key and r.office == office for k, r in role.items())


MAIN_CLAUSE_DEPS = {"ROOT", "conj", "parataxis"}


def _is_subject(span: Span) -> bool:
    """True for the subject of a main clause (or a name in apposition to it: "l'ancien candidat
    Alain Juppé a annoncé"): the strongest antecedent for what follows."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ in ("AUX", "VERB"):
        # "… Alain Juppé a annoncé": a name right before the main verb is its subject, whatever
        # the parser made of a long noun phrase before it
        verb = doc[span.end] if doc[span.end].pos_ == "VERB" else doc[span.end].head
        if verb.dep_ in MAIN_CLAUSE_DEPS and any(c.dep_.startswith("nsubj") for c in verb.children):
            return True
    root = span.root
    for _ in range(3):
        if root.dep_ not in ("flat:name", "appos") or root.head == root:
            break
        root = root.head
    return root.dep_ in ("nsubj", "expl:subj") and (
        root.head.dep_ in MAIN_CLAUSE_DEPS or (root.head.head.dep_ == "ROOT" and root.head.dep_ == "advcl")
    )


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_.startswith("nsubj") or child.dep_ == "expl:subj":
            return child
    return None
