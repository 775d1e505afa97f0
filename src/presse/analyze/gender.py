"""The gender of each person actor, which signal decided it, and which signals it overruled.

A person's gender is ``f``, ``m``, ``x`` (a group of women and men) or unknown (None). It is
read from these signals, strongest first; the first signal that is not split decides, so a
stronger signal overrides a weaker one it contradicts, and the overruled signals are recorded
(``gender_overruled``):

1. ``title``: « Mme Dupont », « M. Martin », « Madame la maire » before one of its names.
2. ``agreement``: a participle or adjective agreeing with the person as the only subject of
   « être » (« Penelope Fillon est arrivée », « X a été nommée »: a participle's gender is read
   from its ending), with « qui » on the name (« X, qui a été élue ») or set beside the name
   (« X, élue en 2017, … »).
3. ``description``: a description resolved to the person, a person noun or nationality set
   right before the name (« la réalisatrice Camille Aubrac », « la Russe X ») or in apposition
   (« son avocat, Me X », « le préfet de Corse X »), whose noun or determiner has one gender
   (« la ministre », « l'ambassadrice », « le président »). A feminine one decides here; a masculine
   one (or descriptions of both genders) only after every other signal, since French also says
   « le Premier ministre » of a woman.
4. ``pronoun``: singular pronouns resolved to the person (« elle a déclaré », « a-t-il dit »).
5. ``office``: the dated office-holders knowledge (:mod:`presse.knowledge`) for the person.
6. ``first_name``: the first name after any title that shows no gender (« Me », « Dr »), from
   INSEE's national first-names file (``lexicons/fr/first_name_shares.tsv``) when it lists it,
   else from the hand-curated ``first_names.tsv``, else from the world table
   (``first_name_shares_world.tsv``: names of other countries, « Paavo », « Ivett »). A name
   given to both sexes (« Dominique », « Camille », « Claude »: under
   :data:`FIRST_NAME_SHARE` of one sex) tells nothing, so only the text can decide it.

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
    demonym_genders,
    first_name_gender,
    first_name_share,
    pronouns,
    role_titles,
    speaker_nouns,
    word_map,
    word_set,
    world_first_name_share,
)

if TYPE_CHECKING:
    from presse.analyze.actors import EntityRec, MentionRec

TITLES_M: Final = frozenset(t for t, g in word_map("name_words.civil_title").items() if g == "m")
TITLES_F: Final = frozenset(t for t, g in word_map("name_words.civil_title").items() if g == "f")
# titles before a name that show no gender (« Me » for maître, « Pr », « Dr »)
NEUTRAL_TITLES: Final = frozenset({"me", "maître", "dr", "dr.", "docteur", "pr", "pr.", "professeur", "mgr"})
FIRST_NAME_SHARE: Final = 0.9
"""Share of one sex above which an INSEE first name gives a gender (chosen on the dev gold)."""

# determiners that show the noun's gender (not « son »: « son épouse »)
DETERMINERS_F: Final = frozenset(d for d, g in word_map("determiners.gendered").items() if g == "f")
DETERMINERS_M: Final = frozenset(d for d, g in word_map("determiners.gendered").items() if g == "m")
SIGNALS: Final = ("title", "agreement", "description", "pronoun", "office", "first_name")
# singular past participles: feminine « nommée, élue, partie, mise, écrite, ouverte, morte »;
# masculine « nommé, élu, parti, mis, écrit, ouvert, mort »
PARTICIPLE_ENDINGS_F: Final = ("ée", "ue", "ie", "ise", "ite", "inte", "erte", "orte", "aite", "uite", "use", "ose")
PARTICIPLE_ENDINGS_M: Final = ("é", "u", "i", "is", "it", "int", "ert", "ort", "ait", "uit", "us", "os")
ELIDED_ARTICLES: Final = frozenset({"l'", "l’"})
REFLEXIVES: Final = word_set("clause_words.reflexive")


def assign_genders(doc: Doc, entities: Sequence[EntityRec]) -> None:
    """Set ``gender``, ``gender_evidence`` and ``gender_overruled`` on every person and group
    actor of `entities` (mentions already resolved); other actors keep None."""
    for ent in entities:
        if ent.type == "PER":
            ent.gender, ent.gender_evidence, ent.gender_overruled = decide(gender_votes(doc, ent))
    for ent in entities:
        if ent.members:
            ent.gender = group_gender([m.gender for m in ent.members])
            ent.gender_evidence = "members" if ent.gender is not None else None
            ent.gender_overruled = []


def gender_votes(doc: Doc, ent: EntityRec) -> dict[str, Counter[str]]:
    """How many times each signal (see the module doc) says ``f`` and ``m`` of one person."""
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
    return votes


def decide(votes: dict[str, Counter[str]]) -> tuple[str | None, str | None, list[str]]:
    """(gender, deciding signal, overruled signals) from a person's votes: the first signal
    whose votes are not split decides; the other signals that said the other gender are the
    overruled ones (in :data:`SIGNALS` order). (None, None, []) when no signal decides."""
    # A masculine role noun is also said of women (« le Premier ministre Beata Szydło »): the
    # feminine one is marked, so a description decides « f » at once and « m » only last; when
    # descriptions disagree (« son avocate » wrongly resolved to her client) they come last.
    if votes["description"]["f"] and not votes["description"]["m"]:
        return "f", "description", _overruled(votes, "description", "f")
    for signal in [*(s for s in SIGNALS if s != "description"), "description"]:
        ranked = votes[signal].most_common()
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], signal, _overruled(votes, signal, ranked[0][0])
    return None, None, []


def _overruled(votes: dict[str, Counter[str]], decided_by: str, gender: str) -> list[str]:
    other = "m" if gender == "f" else "f"
    return [s for s in SIGNALS if s != decided_by and votes[s][other]]


def group_gender(genders: Iterable[str | None]) -> str | None:
    """``x`` when the members include a woman and a man, their one gender when all share it,
    else None (« Marie et Dominique Martin »: Dominique's gender is unknown)."""
    seen = set(genders)
    if {"f", "m"} <= seen or "x" in seen:
        return "x"
    return seen.pop() if len(seen) == 1 else None


def name_gender(name: str) -> str | None:
    """``f`` or ``m`` from the first name of a full name (« Najat Vallaud-Belkacem », « Me Laure
    Benhamou »: a title that does not show the gender is skipped), or None for a single word,
    a first name of both sexes or one no table lists.

    The tables, first that lists the name: INSEE's births in France (it wins for every name it
    lists), the curated list, then the world table (names of other countries). A share of
    either sex under :data:`FIRST_NAME_SHARE` tells nothing."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in NEUTRAL_TITLES:
        words = words[1:]
    if len(words) < 2:
        return None
    first = words[0]
    share = first_name_share(first) or first_name_share(first.split("-")[0])
    if share is None:
        curated = first_name_gender(first)
        if curated is not None:
            return curated if curated in ("f", "m") else None
        share = world_first_name_share(first) or world_first_name_share(first.split("-")[0])
    if share is None:
        return None
    female = share[0]
    return "f" if female >= FIRST_NAME_SHARE else "m" if female <= 1 - FIRST_NAME_SHARE else None


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
        described = _noun_before(doc, mention.start) or _apposed_noun(span)
        if described:
            yield "description", described
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


def _noun_before(doc: Doc, start: int) -> str | None:
    """The gender of a person noun or a nationality set right before a name, with its
    determiner and adjectives (« la réalisatrice Camille Aubrac », « le président américain Joe
    Biden », « la Russe Inna Deriglazova »)."""
    k = start - 1
    while k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1
    if k < 0 or not _is_person_noun(doc[k]):
        return None
    first = k
    while first > 0 and doc[first - 1].pos_ in ("ADJ", "DET") and doc[first - 1].dep_ in ("amod", "det"):
        first -= 1
    return _phrase_gender(doc[first : k + 1]) if first < k else None


def _apposed_noun(span: Span) -> str | None:
    """The gender of a singular person noun the name stands in apposition to, before it (« son
    avocat, Me Kheops Lara », « le préfet de Corse Claude Érignac ») or after it (« Gilles
    Ferrand, l'ancien trésorier du club »)."""
    tok = span.root
    while tok.dep_ in ("flat", "flat:name") and tok.head.i < tok.i:
        tok = tok.head  # « Me Kheops Lara »: the name hangs from its title
    nouns = [tok.head] if tok.dep_ == "appos" and tok.head.i < span.start else []
    nouns += [c for c in span.root.children if c.dep_ == "appos" and c.i >= span.end]
    for noun in nouns:
        if _is_person_noun(noun) and noun.morph.get("Number") != ["Plur"]:
            left = min([noun.i, *(c.i for c in noun.children if c.dep_ in ("det", "amod") and c.i < noun.i)])
            if left < noun.i:
                return _phrase_gender(span.doc[left : noun.i + 1])
    return None


def _is_person_noun(tok: Token) -> bool:
    """A common noun that names a person (« avocate », « ministre ») or a nationality
    (« Russe », « Américain »)."""
    word = tok.lower_
    if tok.pos_ in ("NOUN", "PROPN") and word in demonym_genders():
        return True
    if tok.pos_ != "NOUN":
        return False
    found = speaker_nouns().get(word)
    return (found is not None and found.kind == "person") or word in role_titles()


def _phrase_gender(span: Span) -> str | None:
    """The gender a noun phrase shows by its head noun when the lexicons give it one gender
    (« l'ambassadrice », « l'émir »), else by its determiner (« la ministre », « le
    ministre »), else, after « l' », by the parser's reading of the noun."""
    head = span.root.lower_
    for lexicon in (speaker_nouns(), role_titles()):
        noun = lexicon.get(head)
        if noun is not None and noun.gender in ("f", "m"):
            return noun.gender
    if demonym_genders().get(head) in ("f", "m"):
        return demonym_genders()[head]
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
        # two subjects for one verb (« la permanence du député, Guillaume Chiche a été
        # vandalisée »): the name is an apposition the parser took for the subject
        and sum(c.dep_.startswith("nsubj") for c in head.children) == 1
        and head.morph.get("Number") == ["Sing"]
        and (head.pos_ == "ADJ" or "Part" in head.morph.get("VerbForm"))
        and any((c.dep_.startswith("aux") or c.dep_ == "cop") and c.lemma_ == "être" for c in head.children)
    ):
        return _agreed_gender(head)
    for child in root.children:
        if (
            child.dep_ == "acl:relcl"
            and any(c.lower_ == "qui" and c.dep_.startswith("nsubj") for c in child.children)
            and child.morph.get("Number") == ["Sing"]
            and (child.pos_ == "ADJ" or "Part" in child.morph.get("VerbForm"))
            and any((c.dep_.startswith("aux") or c.dep_ == "cop") and c.lemma_ == "être" for c in child.children)
            and not any(c.lower_ in REFLEXIVES for c in child.children)
        ):
            return _agreed_gender(child)  # « Denis, qui a été écrasé »
        if (
            child.dep_ in ("acl", "amod", "appos")
            and child.i == span.end + 1
            and span.end < len(span.doc) and span.doc[span.end].text == ","
            and (child.pos_ == "ADJ" or "Part" in child.morph.get("VerbForm"))
        ):
            return _agreed_gender(child)
    return None


def _agreed_gender(tok: Token) -> str | None:
    """The gender a singular participle or adjective shows: a participle by its ending (the
    tagger often reads « nommée » as masculine), else the tagger's reading."""
    if "Part" in tok.morph.get("VerbForm"):
        word = tok.text.lower()
        if word.endswith(PARTICIPLE_ENDINGS_F):
            return "f"
        if word.endswith(PARTICIPLE_ENDINGS_M):
            return "m"
    return _morph_gender(tok)


def _morph_gender(tok: Token) -> str | None:
    genders = tok.morph.get("Gender")
    if genders == ["Fem"]:
        return "f"
    return "m" if genders == ["Masc"] else None
