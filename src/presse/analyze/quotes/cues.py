"""Cues: the reporting verbs and speech nouns of the lexicon (``lexicons/fr/reporting_verbs.tsv``)
as they stand in a parse, with the verb group written around them.

:func:`cue_of` tells whether a token is a cue and which lexicon entry it is; :func:`cue_label`
gives the cue as written (« a-t-il déclaré », « s'est agacé »); :func:`is_incise_verb` whether a
cue is used as an incise; :func:`unsaid` and :func:`restrictive_ne` when a cue reports no speech.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Token

from presse.analyze.quotes.tokens import (
    NEGATION_PARTNERS,
    PERSONAL_SUBJECTS,
    REFLEXIVES,
    UNSAID_MARKS,
)
from presse.analyze.subjects import has_inverted_subject
from presse.analyze.verb_groups import (
    INVERTED_CLITIC_RE,
    auxiliary_start,
    finite_or_aux,
    verb_by_position,
)
from presse.lexicons import CueVerb, reporting_verbs


def cue_of(token: Token) -> CueVerb | None:
    """The reporting-verb entry for a verb token (multiword cues included), or None."""
    verbs = reporting_verbs()
    if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") and not verb_by_position(token):
        return None
    lemma = _lexicon_lemma(token, verbs)
    for child in token.children:
        if child.dep_ in ("xcomp", "obj", "ccomp") and f"{lemma} {child.lemma_.lower()}" in verbs:
            return verbs[f"{lemma} {child.lemma_.lower()}"]
    reflexive = any(c.lower_ in REFLEXIVES for c in token.children)
    if reflexive:
        for form in (f"se {lemma}", f"s'{lemma}"):
            if form in verbs:
                return verbs[form]
    return verbs.get(lemma) or verbs.get(f"{lemma} de")


# Regular French verb endings -> infinitive, for forms the lemmatizer leaves as they are
# ("estime" -> "estime", "qualifiées" tagged ADJ -> "qualifié").
_INFINITIVE_GUESSES = ((re.compile(r"é(e?s?)$"), "er"), (re.compile(r"(e|es|ent)$"), "er"), (re.compile(r"it$"), "ire"))


def _lexicon_lemma(token: Token, verbs: Mapping[str, CueVerb]) -> str:
    """The token's lemma, or, when the lexicon does not know it, the infinitive its regular
    ending points to (the lemmatizer misses many participles and some finite forms)."""
    lemma = token.lemma_.lower()
    if lemma in verbs or f"{lemma} de" in verbs or (token.pos_ == "NOUN" and not verb_tagged_noun(token)):
        return lemma
    for guess in infinitive_guesses(token):
        if any(f in verbs for f in (guess, f"{guess} de", f"se {guess}", f"s'{guess}")):
            return guess
    return lemma


def infinitive_guesses(token: Token) -> list[str]:
    """The infinitives the regular ending of the token's lemma or form points to (« dresse »,
    left as it is by the lemmatizer: « dresser »), in that order; none for a form without one."""
    guesses = []
    for form in (token.lemma_.lower(), token.lower_):
        for pattern, ending in _INFINITIVE_GUESSES:
            guess = pattern.sub(ending, form)
            if guess != form:
                guesses.append(guess)
    return guesses


def cue_label(token: Token) -> tuple[str, tuple[int, int]]:
    """The cue as written (auxiliary, inverted clitic and multiword particle included)."""
    doc = token.doc
    lo, hi = auxiliary_start(token), token.i + 1
    for child in token.children:
        if INVERTED_CLITIC_RE.match(child.text) or child.text.lower() == "-t":
            hi = max(hi, child.i + 1)
        if child.dep_ in ("xcomp",) and child.i == token.i + 1 and f"{token.lemma_} {child.lemma_}".lower() in reporting_verbs():
            hi = max(hi, child.i + 1)
    while hi < len(doc) and (INVERTED_CLITIC_RE.match(doc[hi].text) or doc[hi].lower_ == "-t"):
        hi += 1
    return doc[lo:hi].text, (lo, hi)


def is_incise_verb(token: Token, finite: bool = False) -> bool:
    """A reporting verb used as an incise: finite (or with its auxiliary; `finite` when the
    context already says so), subject after it."""
    entry = cue_of(token)
    return (
        entry is not None
        and "incise" in entry.frames
        and (finite or finite_or_aux(token))
        and has_inverted_subject(token)
    )


def verb_tagged_noun(tok: Token) -> bool:
    """True for a verb the tagger read as a noun (« Elle juge que … », « juge » tagged NOUN):
    a personal pronoun is its subject."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "nsubj" and c.i == tok.i - 1 and c.lower_ in PERSONAL_SUBJECTS for c in tok.children
    )


def restrictive_ne(verb: Token) -> bool:
    """True when the verb's « ne » has no negation partner: « ne … que » (only), whose « que » opens
    no content clause ("n'ont été prévenus que mardi")."""
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    words = {c.lower_ for g in group for c in g.children}
    return bool(words & {"ne", "n'", "n’"}) and not words & NEGATION_PARTNERS


def unsaid(verb: Token) -> bool:
    """True when the reporting verb tells of no speech by anyone: in a clause of time to come or
    of absence (« avant que le président ait annoncé si … », « sans qu'il le dise »), or an
    impersonal passive (« il est largement estimé que … »: said by nobody in particular)."""
    if any(c.dep_ == "mark" and c.lower_ in UNSAID_MARKS for c in verb.children):
        return True
    return (
        "Part" in verb.morph.get("VerbForm")
        and any(c.dep_.startswith("aux") and c.lemma_ == "être" for c in verb.children)
        and any(c.dep_ in ("nsubj", "expl:subj", "nsubj:pass") and c.lower_ == "il" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ == "obl:agent" for c in verb.children)
    )
