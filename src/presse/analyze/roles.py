"""Role nouns are people: « le PDG d'Air France », « une porte-parole du ministère ».

A role noun heads a description of a person, never of the organisation in its complement: « la
porte-parole du Department of Parks » speaks for it but is not it. An indefinite role noun with a
complement singles someone out (« un porte-parole du ministère a déclaré ») where a bare one does
not (« un président accueilli à Washington »). One person and a group sharing a noun are two
actors: « le chauffeur » is not « les chauffeurs de bus ».
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from presse.lexicons import speaker_nouns


@functools.cache
def _person_nouns() -> frozenset[str]:
    return frozenset(noun.lower() for noun, entry in speaker_nouns().items() if entry.kind == "person")


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
