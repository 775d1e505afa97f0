"""Reports by attribute: what is said of someone or something is an adjective or a noun phrase
predicated of it, not a clause.

- « X se dit / s'estime / se déclare + attribute » (« elle s'est dite satisfaite des résultats »,
  « il s'estime lésé », « le président s'est déclaré prêt à négocier », « le gouvernement s'estime
  en bonne voie pour … »): X says it of itself; the span is the attribute with its complements.
- « Y a été jugé(e) / qualifié(e) de / considéré(e) comme + attribute par X » (« la mesure a été
  jugée insuffisante par le syndicat »): X's judgement; the span is the subject and its
  predicate, from the subject to the end of the attribute, without « par X ».

The verbs are lexicon sets (``quote_words.tsv``: ``self_attribute_verb``,
``passive_attribute_verb``).
"""

from __future__ import annotations

from spacy.tokens import Token

from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import REFLEXIVES, is_word
from presse.analyze.subjects import SUBJECT_DEPS, person_noun
from presse.analyze.verb_groups import finite_or_aux
from presse.lexicons import quote_words

_SELF_VERBS = quote_words()["self_attribute_verb"]
_PASSIVE_VERBS = quote_words()["passive_attribute_verb"]
# the attribute: an adjective or participle (xcomp), a noun phrase after « de » / « comme », or
# a prepositional attribute (« en bonne voie »)
_ATTRIBUTE_DEPS = ("xcomp", "obl:arg", "obj", "ccomp")


def attribute_report(ctx: QuoteContext, verb: Token) -> QuoteRec | None:
    """The report `verb` makes by attribute (see the module), or None."""
    lemma = _lemma(verb)
    if lemma in _SELF_VERBS and _reflexive(verb):
        return _self_report(ctx, verb)
    if lemma in _PASSIVE_VERBS and any(c.dep_ == "aux:pass" for c in verb.children):
        return _passive_report(ctx, verb)
    return None


def _lemma(verb: Token) -> str:
    # the lemmatizer leaves some present forms as they are ("s'estime" -> "estime")
    lemma = verb.lemma_.lower()
    if lemma.endswith("e") and not lemma.endswith("re") and f"{lemma[:-1]}er" in _SELF_VERBS | _PASSIVE_VERBS:
        return f"{lemma[:-1]}er"
    return lemma


def _reflexive(verb: Token) -> bool:
    return any(c.lower_ in REFLEXIVES and c.i < verb.i for c in verb.children)


def _attribute(verb: Token) -> Token | None:
    """The first attribute after the verb: an adjective, a participle, a noun or a
    prepositional phrase, not an infinitive or a finite clause (those are content clauses)."""
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= verb.i or child.dep_ not in _ATTRIBUTE_DEPS:
            continue
        if "Inf" in child.morph.get("VerbForm") or "Fin" in child.morph.get("VerbForm"):
            return None
        if child.pos_ in ("ADJ", "NOUN", "PROPN") or (child.pos_ == "VERB" and "Part" in child.morph.get("VerbForm")):
            return child
    return None


def _quoted(ctx: QuoteContext, attribute: Token) -> bool:
    """True when the attribute stands in quote marks (« décrit comme un « grand homme » par X »):
    the marked words are X's quotation, read as such (not « déterminé à « combattre … » », whose
    attribute is the journalist's word)."""
    return ctx.in_quote(attribute)


def _self_report(ctx: QuoteContext, verb: Token) -> QuoteRec | None:
    if not finite_or_aux(verb):
        return None  # "se disant prêt à …": a participle reports no one on its own
    speaker = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    attribute = _attribute(verb)
    if speaker is None or attribute is None or not ctx.plausible_speaker(speaker) or _quoted(ctx, attribute):
        return None
    if attribute.pos_ in ("NOUN", "PROPN") and (attribute.pos_ == "PROPN" or person_noun(attribute)):
        return None  # "s'est déclaré candidat": an act (a candidacy), not a view of oneself
    first = min(t.i for t in attribute.subtree)
    if first < verb.i:
        return None
    last = _clause_end(verb, attribute)
    return _rec(ctx, verb, first, last, speaker, "indirect: se dire / s'estimer + attribute", 0.7)


def _passive_report(ctx: QuoteContext, verb: Token) -> QuoteRec | None:
    doc = ctx.doc
    sent = verb.sent
    # "qualifiée de catastrophe par l'opposition": the parser may hang « par X » on the attribute
    par = next(
        (t for t in doc[verb.i + 1 : sent.end] if t.lower_ == "par" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN", "PRON")),
        None,
    )
    agent = par.head if par is not None else None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
    attribute = _attribute(verb)
    if agent is None or subject is None or attribute is None or not ctx.plausible_speaker(agent) or _quoted(ctx, attribute):
        return None
    if attribute.i > par.i:
        return None  # "jugé par le tribunal pour fraude": a trial, no attribute before the agent
    first = min(t.i for t in subject.subtree)
    last = max(t.i for t in attribute.subtree if t.i < par.i)
    return _rec(ctx, verb, first, last, agent, "indirect: passive judgement + agent", 0.7)


def _clause_end(verb: Token, attribute: Token) -> int:
    """The last token of the attribute and of an adverbial clause right after it (« en bonne voie
    pour atteindre son objectif »: the purpose belongs to what is said; « lors de la visite »,
    « selon un sondage » do not)."""
    last = max(t.i for t in attribute.subtree)
    for child in verb.children:
        if (
            child.i > attribute.i
            and child.dep_ == "advcl"
            and not any(t.text in (",", ";", ":") for t in verb.doc[last + 1 : child.i])
        ):
            last = max(last, max(t.i for t in child.subtree))
    return last


def _rec(ctx: QuoteContext, verb: Token, first: int, last: int, speaker: Token, evidence: str, conf: float) -> QuoteRec | None:
    doc = ctx.doc
    while last > first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in ("»", ")"):
        last -= 1
    words = doc[first : last + 1]
    if not any(is_word(t) for t in words):
        return None
    return QuoteRec(doc[first].idx, doc[last].idx + len(doc[last]), "indirect", evidence, conf, cue=verb, speaker=speaker)
