"""The gender of each person actor, and which signal decided it.

A person's gender is ``f``, ``m``, ``x`` (a group of women and men) or unknown (None). It is
read from these signals, strongest first; the first signal that is not split decides, so a
stronger signal overrides a weaker one it contradicts:

1. ``title``: « Mme Dupont », « M. Martin », « Madame la maire » before one of its names.
2. ``agreement``: a participle or adjective agreeing with the person as subject of « être »
   (« Penelope Fillon est arrivée », « X a été élue ») or set beside the name
   (« X, élue en 2017, … »).
3. ``description``: a description resolved to the person whose noun or determiner has one
   gender (« la ministre », « l'ambassadrice », « le président »). A feminine one decides here;
   a masculine one only after every other signal, since French also says « le Premier
   ministre » of a woman.
4. ``pronoun``: singular pronouns resolved to the person (« elle a déclaré », « a-t-il dit »).
5. ``office``: the dated office-holders knowledge (:mod:`presse.knowledge`) for the person.
6. ``first_name``: the first name, from INSEE's national first-names file
   (``lexicons/fr/first_name_shares.tsv``) when it lists it, else from the hand-curated
   ``first_names.tsv`` (names of other countries: « Jinping », « Kamala »). A name given to
   both sexes (« Dominique », « Camille », « Claude »: under :data:`FIRST_NAME_SHARE` of one
   sex) tells nothing.

A group actor (« Marie et Paul Dupont ») takes its members' genders (``members``): ``x`` when
they include a woman and a man, one gender when all share it, unknown when some are unknown
and the others agree. Nothing else (surname, topic, role stereotype) is ever used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from spacy.tokens import Doc, Span, Token

from presse import knowledge
from presse.lexicons import (
    first_name_gender,
    first_name_share,
    pronouns,
    role_titles,
    speaker_nouns,
    word_map,
    word_set,
)

if TYPE_CHECKING:
    from presse.analyze.actors import EntityRec, MentionRec

TITLES_M: Final = frozenset(t for t, g in word_map("name_words.civil_title").items() if g == "m")
TITLES_F: Final = frozenset(t for t, g in word_map("name_words.civil_title").items() if g == "f")
FIRST_NAME_SHARE: Final = 0.9
"""Share of one sex above which an INSEE first name gives a gender (chosen on the dev gold)."""

# determiners that show the noun's gender (not « son »: « son épouse »)
DETERMINERS_F: Final = frozenset(d for d, g in word_map("determiners.gendered").items() if g == "f")
DETERMINERS_M: Final = frozenset(d for d, g in word_map("determiners.gendered").items() if g == "m")
SIGNALS: Final = ("title", "agreement", "description", "pronoun", "office", "first_name")
ELIDED_ARTICLES: Final = frozenset({"l'", "l’"})
REFLEXIVES: Final = word_set("clause_words.reflexive")


def assign_genders(doc: Doc, entities: Sequence[EntityRec]) -> None:
    """Set ``gender`` and ``gender_evidence`` on every person and group actor of `entities`
    (mentions already resolved); other actors keep None."""
    for ent in entities:
        if ent.type == "PER":
            ent.gender, ent.gender_evidence = person_gender(doc, ent)
    for ent in entities:
        if ent.members:
            ent.gender = group_gender([m.gender for m in ent.members])
            ent.gender_evidence = "members" if ent.gender is not None else None


def person_gender(doc: Doc, ent: EntityRec) -> tuple[str | None, str | None]:
    """(gender, evidence) of one person actor: the first signal (see the module doc) whose votes
    are not split, or (None, None)."""
    votes: dict[str, Counter[str]] = {signal: Counter() for signal in SIGNALS}
    for mention in ent.mentions:
        for signal, gender in _mention_signals(doc, mention, ent.collective):
            votes[signal][gender] += 1
    if not ent.collective:
        offices = {o.gender for o in knowledge.offices_of(ent.name)}
        if len(offices) == 1:
            votes["office"][offices.pop()] += 1
        found = name_gender(ent.name)
        if found:
            votes["first_name"][found] += 1
    # A masculine role noun is also said of women (« le Premier ministre Beata Szydło »): the
    # feminine one is marked, so a description decides « f » at once and « m » only last.
    described = votes.pop("description")
    if described["f"]:
        return "f", "description"
    for signal, counts in [*votes.items(), ("description", described)]:
        ranked = counts.most_common()
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], signal
    return None, None


def group_gender(genders: Iterable[str | None]) -> str | None:
    """``x`` when the members include a woman and a man, their one gender when all share it,
    else None (« Marie et Dominique Martin »: Dominique's gender is unknown)."""
    seen = set(genders)
    if {"f", "m"} <= seen or "x" in seen:
        return "x"
    return seen.pop() if len(seen) == 1 else None


def name_gender(name: str) -> str | None:
    """``f`` or ``m`` from the first word of a full name (« Najat Vallaud-Belkacem »), or None
    for a single word, a first name of both sexes or one no table lists."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0]
    share = first_name_share(first) or first_name_share(first.split("-")[0])
    if share is not None:
        female = share[0]
        return "f" if female >= FIRST_NAME_SHARE else "m" if female <= 1 - FIRST_NAME_SHARE else None
    curated = first_name_gender(first)
    return curated if curated in ("f", "m") else None


def _mention_signals(doc: Doc, mention: MentionRec, collective: bool) -> Iterable[tuple[str, str]]:
    """The (signal, gender) pairs one mention gives; an unnamed person (« l'avocate »,
    « un témoin ») is known by noun phrases only."""
    span = doc[mention.start : mention.end]
    if collective or mention.kind == "description":
        found = _phrase_gender(span)
        if found:
            yield "description", found
    elif mention.kind == "name":
        title = _title_before(doc, mention.start)
        if title:
            yield "title", title
        agreed = _agreement(span)
        if agreed:
            yield "agreement", agreed
    elif mention.kind == "pronoun":
        info = pronouns().get(span.text.lower().lstrip("-").removeprefix("t-"))
        if info is not None and info.number == "sg" and info.gender in ("f", "m") and info.person == 3:
            yield "pronoun", info.gender


def _title_before(doc: Doc, start: int) -> str | None:
    before = doc[start - 1].lower_ if start > 0 else ""
    if before == "." and start > 1 and doc[start - 2].lower_ == "m":
        before = "m."
    return "f" if before in TITLES_F else "m" if before in TITLES_M else None


def _phrase_gender(span: Span) -> str | None:
    """The gender a noun phrase shows by its head noun when the lexicons give it one gender
    (« l'ambassadrice », « l'émir »), else by its determiner (« la ministre », « le
    ministre »), else, after « l' », by the parser's reading of the noun."""
    head = span.root.lower_
    for lexicon in (speaker_nouns(), role_titles()):
        noun = lexicon.get(head)
        if noun is not None and noun.gender in ("f", "m"):
            return noun.gender
    first = span[0].lower_
    if first in DETERMINERS_F:
        return "f"
    if first in DETERMINERS_M:
        return "m"
    # after « l' » the noun's form shows it (« l'avocate »); a bare noun phrase (« artiste de
    # jazz et frère aîné ») gives the parser too little to go on
    return _morph_gender(span.root) if first in ELIDED_ARTICLES and span.root.pos_ == "NOUN" else None


def _agreement(span: Span) -> str | None:
    """The gender of a participle or adjective agreeing with the name `span`: its predicate
    after « être » (« X est arrivée », « X a été élue ») or its apposition (« X, élue … »)."""
    root = span.root
    head = root.head
    if (
        root.dep_ in ("nsubj", "nsubj:pass")
        and span.end <= head.i
        # « Fillon, Penelope Fillon aurait été rémunérée »: a subject cut off by punctuation
        # may be misparsed; « X et Y se sont … »: a plural or reflexive participle follows
        # other rules
        and not any(t.is_punct for t in span.doc[span.end : head.i])
        and not any(c.dep_ == "conj" for c in root.children)
        and not any(c.lower_ in REFLEXIVES for c in head.children)
        and head.morph.get("Number") == ["Sing"]
        and (head.pos_ == "ADJ" or "Part" in head.morph.get("VerbForm"))
        and any((c.dep_.startswith("aux") or c.dep_ == "cop") and c.lemma_ == "être" for c in head.children)
    ):
        return _morph_gender(head)
    for child in root.children:
        if (
            child.dep_ in ("acl", "amod", "appos")
            and child.i == span.end + 1
            and span.end < len(span.doc) and span.doc[span.end].text == ","
            and (child.pos_ == "ADJ" or "Part" in child.morph.get("VerbForm"))
        ):
            return _morph_gender(child)
    return None


def _morph_gender(tok: Token) -> str | None:
    genders = tok.morph.get("Gender")
    if genders == ["Fem"]:
        return "f"
    return "m" if genders == ["Masc"] else None
