"""Syntax helpers of the stance layer: actor mentions, passive agents, cases, conjuncts.

Subjects come from the shared finder :func:`presse.analyze.subjects.subject_of`, cases and
passive agents from :mod:`presse.analyze.arguments` (re-exported here for the stance modules)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from presse.analyze.actors import Actors
from presse.analyze.arguments import AIMED_CASES, PATIENT_DEPS, RELATIONAL_NOUNS, case_of
from presse.analyze.arguments import RELATIVE_PRONOUNS as RELATIVE_PRONOUNS
from presse.analyze.arguments import passive_agent as passive_agent
from presse.lexicons import speaker_nouns

OBJECT_DEPS = PATIENT_DEPS

OBL_CASES = AIMED_CASES

PLACE_CASES = frozenset({"à", "en", "dans", "sur", "vers", "au", "aux"})

THIRD_PERSON_SUBJECTS = frozenset({"il", "elle", "ils", "elles"})

FIRST_PERSON = frozenset({"je", "j'", "j’", "me", "m'", "m’", "moi", "nous", "on"})

def mentions(actors: Actors) -> list[tuple[int, int, int]]:
    """(start, end, entity) token ranges of every mention, in text order."""
    out = [(m.start, m.end, idx) for idx, ent in enumerate(actors.entities) for m in ent.mentions]
    return sorted(out)

def _mention_of(token: Token, actors: Actors, spans: Sequence[tuple[int, int, int]]) -> tuple[int, int, int] | None:
    idx = actors.by_token.get(token.i)
    if idx is None:
        return None
    for start, end, ent in spans:
        if ent == idx and start <= token.i < end:
            return start, end, ent
    return token.i, token.i + 1, idx

def _one_person(token: Token) -> bool:
    """Whether a common noun names one person by role (speaker_nouns.tsv, kind person)."""
    entry = speaker_nouns().get(token.lemma_.lower()) or speaker_nouns().get(token.lower_)
    return token.pos_ == "NOUN" and entry is not None and entry.kind == "person"

def actor_of(token: Token, actors: Actors, spans: Sequence[tuple[int, int, int]], *, via_de: bool) -> tuple[int, int, int] | None:
    """The actor a noun phrase headed by `token` refers to: the token's own mention, or (with
    `via_de`) that of its "de" complement — "la démission de X", "le soutien de X" — unless
    the phrase names one person (« la championne d'Europe », « le président de la Commission »;
    a group, « un groupe de spectateurs », stands for its members)."""
    if token.lower_ in FIRST_PERSON:
        return None
    found = _mention_of(token, actors, spans)
    if found is None:
        for child in token.children:
            # "sa rivale Marine Le Pen": a name in apposition, sometimes parsed as a bare nmod
            bare_nmod = child.dep_ == "nmod" and not case_of(child) and child.i == token.i + 1
            if child.dep_ in ("flat:name", "appos", "fixed") or bare_nmod:
                found = _mention_of(child, actors, spans)
                if found:
                    break
    if found is None and via_de and not _one_person(token):
        # (never through a noun naming one person: « la championne d'Europe » is not Europe)
        for child in token.children:
            # (a « de » conjunct is a complement the parse coordinated: see `conjuncts`)
            if child.dep_ in ("nmod", "conj") and any(c.lower_ in ("de", "d'", "du", "des", "d’") for c in child.children):
                found = _mention_of(child, actors, spans)
                if found:
                    break
    return found

def conjuncts(token: Token) -> list[Token]:
    """`token` and the noun phrases coordinated to it; a conjunct with a preposition of its own
    is a coordinated complement the parse hung there (« la championne du monde et d'Europe »)."""
    case = _plain_case(case_of(token))
    return [token, *[
        c for c in token.children
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON") and (case_of(c) in ("", "des") or _plain_case(case_of(c)) == case)
    ]]

# contracted prepositions as their plain form (« à la famille et aux amis » share one case);
# « des » is left out: it is the plural article as often as « de » + « les »
_CONTRACTIONS = {"au": "à", "aux": "à", "du": "de", "d'": "de", "d’": "de"}

def _plain_case(case: str) -> str:
    return " ".join(_CONTRACTIONS.get(word, word) for word in case.split())


def relational_head(word: Token) -> Token:
    """The noun « à l'égard de », « vis-à-vis de » … attach to: their head, or when the parse
    hangs them on the verb (« une rancœur vis-à-vis des femmes »), the noun just before."""
    if word.head.pos_ == "NOUN":
        return word.head
    before = [t for t in word.doc[max(0, word.i - 3) : word.i] if t.pos_ == "NOUN"]
    return before[-1] if before else word.head

DE_CASES = frozenset({"de", "d'", "d’", "du", "des"})

def noun_targets(noun: Token) -> list[Token]:
    """Actor complements of an evaluative noun: "à l'égard de X", "contre X", "envers X", "à X"."""
    out = []
    for child in noun.children:
        if child.dep_ not in ("nmod", "obl", "acl"):
            continue
        if child.lower_ in RELATIONAL_NOUNS or child.lemma_.lower() in RELATIONAL_NOUNS:
            out.extend(g for c in child.children if c.dep_ == "nmod" for g in conjuncts(c))
        elif case_of(child) in OBL_CASES:
            out.extend(conjuncts(child))
    return out

def _inside(i: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in ranges)

def token_set(ranges: Sequence[tuple[int, int]]) -> set[int]:
    """The token indices of `ranges`: ``i in token_set(r)`` is ``_inside(i, r)``."""
    return {i for s, e in ranges for i in range(s, e)}

def negated_verb(verb: Token) -> bool:
    return any(c.lower_ in ("pas", "jamais", "plus") for c in verb.children)
