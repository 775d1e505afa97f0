"""Reported speech through a support-verb construction: « Les Verts ont fait part de leur
étonnement », « la droite pointe le doigt sur le manque de compétitivité », « le Premier ministre
a présenté ses condoléances aux familles ».

The constructions are lexicon data (``lexicons/fr/speech_predicates.tsv``): a verb, the noun that
is its object and names a speech act, and the preposition after which the construction says what
was said. Two readings, as docs/annotation-guidelines.md §3a annotates them:

- with a preposition, the noun phrase after it is the content: « fait état [de l'exécution de 28
  soldats] » → ``l'exécution de 28 soldats``, read as the noun-phrase content of a multiword cue
  (:mod:`presse.analyze.quotes.np_content`, frame ``np:<preposition>``);
- without one, the speech noun's own phrase is the content: « a lancé [un appel au calme] »,
  « a demandé [pardon] ».
"""

from __future__ import annotations

from spacy.tokens import Token

from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import infinitive_guesses
from presse.analyze.quotes.np_content import content_quote, noun_phrase_content, object_phrase
from presse.analyze.quotes.records import QuoteRec
from presse.lexicons import CueVerb, SpeechPredicate, speech_predicates

# relations under which the parser hangs the noun of a support-verb construction on its verb
# (« demandé pardon »: xcomp)
NOUN_DEPS = frozenset({"obj", "xcomp", "obl:arg"})


def predicates_of(verb: Token) -> list[tuple[SpeechPredicate, Token]]:
    """The constructions `verb` heads with its object noun, each with that noun's token. The
    verb is read as its lemma or the infinitive its ending points to (« dresse », which the
    lemmatizer keeps), the noun as its lemma or its singular (« condoléances »)."""
    table = speech_predicates()
    verbs = dict.fromkeys([verb.lemma_.lower(), *infinitive_guesses(verb)])
    found: dict[tuple[SpeechPredicate, int], tuple[SpeechPredicate, Token]] = {}
    for child in verb.children:
        if child.dep_ not in NOUN_DEPS or child.i < verb.i:
            continue
        singular = child.lower_[:-1] if child.lower_.endswith(("s", "x")) else child.lower_
        for lemma in verbs:
            for noun in dict.fromkeys((child.lemma_.lower(), child.lower_, singular)):
                found.update(((p, child.i), (p, child)) for p in table.get((lemma, noun), ()))
    return list(found.values())


def predicate_quote(ctx: QuoteContext, verb: Token) -> QuoteRec | None:
    """What a support-verb construction headed by `verb` reports as said, as an indirect
    quotation with the verb's subject as speaker, or None."""
    for predicate, noun in predicates_of(verb):
        if predicate.preposition:
            cue = CueVerb(f"{predicate.verb} {predicate.noun}", predicate.cue_class, frozenset({f"np:{predicate.preposition}"}))
            content = noun_phrase_content(verb, cue, ctx.actors)
        else:
            content = object_phrase(verb, noun)
        rec = content_quote(ctx, content)
        if rec is not None:
            return rec
    return None
