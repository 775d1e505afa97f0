"""The words that carry a polarity: cue priors, predicates (verbs, light verb + noun, multiword
expressions, acts of effects.tsv) and how a cue combines with the words of a quote."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from presse.analyze.polarity import (
    Hit,
    expression_hit,
    expression_hits,
    expression_starts,
    is_negated,
    polarity_lexicon,
    sentence_end,
    token_hit,
)
from presse.analyze.quotes import cue_of
from presse.lexicons import effect, exchanges, reporting_verb

# Prior polarity a cue class lends to what it reports (towards the cue's object above all)
CUE_PRIOR: dict[str, float] = {
    "hostile": -0.6,
    "warm": 0.6,
    "worried": -0.2,
    "denial": -0.3,
}

LIGHT_VERBS = frozenset({
    "multiplier", "rendre", "apporter", "porter", "adresser", "exprimer", "lancer", "proférer",
    "formuler", "faire", "émettre", "renouveler", "réitérer", "témoigner", "afficher", "manifester",
    "avoir", "donner", "prodiguer", "envoyer", "déposer", "mener", "livrer", "reprendre",
})

# meetings and exchanges (exchanges.tsv): neutral relations, never stances
MEETING_NOUNS = frozenset(lemma for lemma, pos in exchanges().items() if pos == "noun")
MEETING_VERBS = frozenset(lemma for lemma, pos in exchanges().items() if pos == "verb")

# What an act does, by its kind in effects.tsv: (the act towards its patient, as a relation;
# how a quote with no evaluative word presents the patient; how it presents the agent).
# Violence blames its agent (its victim is sided with only when the quote condemns the act, see
# `victim_of`; an accident reported flatly is neutral); persecution makes a victim; justice
# blames its patient; beating a rival blames no one; help and reward favour their patient.
EFFECT_VIEWS: dict[str, tuple[float, float, float]] = {
    "violence": (-0.7, 0.0, -0.6),
    "coercion": (-0.6, 0.4, -0.5),
    "justice": (-0.5, -0.4, 0.0),
    "defeat": (-0.5, 0.0, 0.0),
    "death": (0.0, 0.0, 0.0),
    "help": (0.6, 0.5, 0.4),
    "reward": (0.5, 0.5, 0.0),
}

def cue_prior(cue: Token | None) -> float:
    """The polarity a cue lends to what it reports: its class (hostile, warm…), or for a
    non-reporting governing word its own lexicon polarity ("menace de « … »")."""
    if cue is None:
        return 0.0
    entry = cue_of(cue)
    if entry is not None:
        return CUE_PRIOR.get(entry.cue_class or "", 0.0)
    return polarity_lexicon().get(cue.lemma_.lower(), 0.0)

def predicate_polarity(token: Token) -> float:
    """The polarity of a predicate token as relations use it: a multiword expression it starts
    ("a pris la défense de", "mis en garde"), the evaluative noun of a light verb, the
    reporting-verb class (hostile, warm), else the polarity lexicon, with negation. Verbs of
    victory are hostile to the one defeated ("a remporté l'élection face à X")."""
    expr = _expression_at(token)
    if expr is not None:
        return expr
    if token.pos_ == "VERB":
        light = light_noun(token)
        if light is not None:
            return noun_score(light)
        return predicate_score(token)
    return noun_score(token)

def noun_score(noun: Token) -> float:
    """A predicate noun's polarity: the act it names ("l'arrestation", "le soutien"), else the
    polarity lexicon."""
    act = _act_score(noun)
    if act is not None:
        return act
    hit = token_hit(noun)
    return hit.value if hit else 0.0

def expression_match(token: Token) -> tuple[float, str, tuple[int, int]] | None:
    """The multiword expression that starts at `token` ("a pris la défense", "mis en garde"):
    its value with negation applied, its text and token span; or None."""
    doc = token.doc
    if token.i not in expression_starts(doc):
        return None  # no expression can start here
    window = [doc[i] for i in range(token.i, min(token.i + 7, sentence_end(token)))]
    for indices, expr in expression_hits(window):
        if indices[0] == token.i:
            value = expression_hit([token.doc[i] for i in indices], expr).value
            return value, expr.text, (indices[0], indices[-1] + 1)
    return None

def _expression_at(token: Token) -> float | None:
    match = expression_match(token)
    return match[0] if match is not None else None

def combine(text: float, prior: float, weight: float) -> float:
    if prior == 0.0:
        return round(text, 3)
    if text == 0.0:
        return round(prior, 3)
    return round(max(-1.0, min(1.0, (1 - weight) * text + weight * prior)), 3)

# pronominal verbs whose act differs from the plain verb's: "s'imposer face à X" beats X,
# "s'emparer de X" seizes X
REFLEXIVE_EFFECTS = {"imposer": "defeat", "emparer": "violence", "attaquer": "violence"}

def _act_score(token: Token) -> float | None:
    """The act of an effects.tsv verb or noun towards its patient, negation applied; or None."""
    lemma = token.lemma_.lower()
    entry = effect(lemma)
    reflexive = any(c.dep_.startswith("expl") and c.lower_ in ("se", "s'", "s’") for c in token.children)
    kind = REFLEXIVE_EFFECTS.get(lemma) if reflexive else None
    if kind is None and (entry is None or EFFECT_VIEWS[entry.kind][0] == 0.0):
        return None
    value = EFFECT_VIEWS[kind or entry.kind][0]
    hit = token_hit(token, {lemma: value})
    return hit.value if hit else value

def predicate_score(token: Token) -> float:
    entry = reporting_verb(token.lemma_.lower())
    if entry is not None and entry.cue_class in CUE_PRIOR and entry.cue_class in ("hostile", "warm"):
        value = CUE_PRIOR[entry.cue_class] / 0.6 * 0.7
        hit = token_hit(token, {token.lemma_.lower(): value})
        return hit.value if hit else value
    act = _act_score(token)
    if act is not None:
        return act
    hit = token_hit(token)
    return hit.value if hit else 0.0

def light_noun(verb: Token) -> Token | None:
    """The evaluative noun object of a light verb ("multiplier les compliments")."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "obj" and child.pos_ == "NOUN" and (
            token_hit(child) is not None or child.lemma_.lower() in MEETING_NOUNS or _act_score(child) is not None
        ):
            return child
    return None

NEGATION_FLIP = -0.6


def strongest(hits: Iterable[Hit]) -> int | None:
    """The token index of the strongest evaluative hit (largest absolute value), or None."""
    best = max(hits, key=lambda h: abs(h.value), default=None)
    return best.token if best is not None else None


# reporting verbs whose class takes back what they govern: « X a démenti avoir menacé Y »
TAKING_BACK = frozenset({"denial"})
CONTRAST_WORDS = frozenset({"mais", "pourtant", "cependant", "toutefois", "néanmoins"})


CONDITIONAL_ENDINGS = ("ait", "aient", "ais", "ions", "iez")
IRREGULAR_CONDITIONALS = frozenset({
    "serait", "seraient", "aurait", "auraient", "ferait", "feraient", "pourrait", "pourraient",
    "devrait", "devraient", "voudrait", "voudraient", "faudrait", "irait", "iraient", "viendrait",
    "viendraient", "saurait", "sauraient", "verrait", "verraient", "enverrait", "tiendrait",
})


def _conditional_form(verb: Token) -> bool:
    """Whether a finite verb is in the conditional by its form, where the tagger says indicative
    (« sanctionnerait »): the infinitive (or its stem without -e, « prendr- ») plus an
    imperfect ending, or an irregular conditional (« ferait », « pourrait »)."""
    if verb.pos_ not in ("VERB", "AUX") or "Fin" not in verb.morph.get("VerbForm"):
        return False
    form, lemma = verb.lower_, verb.lemma_.lower()
    if form in IRREGULAR_CONDITIONALS:
        return True
    stems = (lemma, lemma[:-1]) if lemma.endswith("re") else (lemma,)
    return lemma.endswith(("r", "re")) and any(form == stem + end for stem in stems for end in CONDITIONAL_ENDINGS)


def modality(carrier: Token) -> tuple[str, ...]:
    """What qualifies a carrier's polarity, read off the parse: ``negated`` (« n'a pas
    critiqué », already folded into the lexicon score), ``conditional`` (the carrier or its
    auxiliary in the conditional: « il sanctionnerait »), ``denied`` (governed by a verb of
    denial: « a démenti avoir menacé »), ``conceded`` (a contrast word later in its sentence:
    « il l'a salué, mais … », which already damps the score)."""
    out: list[str] = []
    if is_negated(carrier):
        out.append("negated")
    verbs = [carrier, *(c for c in carrier.children if c.dep_.startswith("aux"))]
    if any("Cnd" in v.morph.get("Mood") or _conditional_form(v) for v in verbs):
        out.append("conditional")
    head = carrier
    for _ in range(3):
        if head.head.i == head.i or head.dep_ not in ("xcomp", "ccomp"):
            break
        head = head.head
        entry = reporting_verb(head.lemma_.lower())
        if entry is not None and entry.cue_class in TAKING_BACK:
            out.append("denied")
            break
    sentence = carrier.sent
    if any(t.lower_ in CONTRAST_WORDS for t in carrier.doc[carrier.i + 1 : sentence.end]):
        out.append("conceded")
    return tuple(out)
