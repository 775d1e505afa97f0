"""Acts between actors (relations): agent → patient with the predicate lemma and its polarity,
from verbs (active and passive), light verbs with an evaluative noun, act nouns and meetings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from spacy.tokens import Doc, Token

from presse.analyze.actors import Actors
from presse.analyze.arguments import aimed_obliques, arguments_of, relational_targets
from presse.analyze.polarity import token_hit, token_texts
from presse.analyze.stance.carriers import (
    MEETING_NOUNS,
    MEETING_VERBS,
    NEGATION_FLIP,
    expression_match,
    light_noun,
    noun_score,
    predicate_score,
)
from presse.analyze.stance.records import RelationRec
from presse.analyze.stance.syntax import (
    DE_CASES,
    PLACE_CASES,
    actor_of,
    case_of,
    conjuncts,
    mentions,
    negated_verb,
    noun_targets,
    passive_agent,
    token_set,
)
from presse.analyze.subjects import subject_of as find_subject
from presse.lexicons import effect


class AddRelation(Protocol):
    """The callback that records one relation (see `extract_relations`)."""

    def __call__(
        self, subj_tok: Token, pred: str, pred_span: tuple[int, int], obj_tok: Token, score: float, *, via_de: bool
    ) -> None: ...

def extract_relations(
    doc: Doc, actors: Actors, quoted: Sequence[tuple[int, int]] = (), *, inside_quotes: bool = False
) -> list[RelationRec]:
    """Actor–predicate–actor triples, in text order: outside the token ranges in `quoted`, and
    with `inside_quotes` inside them too (marked ``in_quote``: an act a speaker tells of two
    third parties). An act with no effect is kept only when it is a meeting or an exchange
    (`is_exchange`): « a rencontré », « s'est entretenu avec »."""
    spans = mentions(actors)
    out: list[RelationRec] = []
    seen: set[tuple[int, int, int]] = set()

    def add(subj_tok: Token, pred: str, pred_span: tuple[int, int], obj_tok: Token, score: float, *, via_de: bool) -> None:
        # the possessor stands for a polar act's doer or patient when the phrase is a thing
        # (« les frappes de la coalition ont épaulé … », « le décret de Trump a été bloqué »)
        possessor = score != 0.0
        subj = actor_of(subj_tok, actors, spans, via_de=possessor)
        obj = actor_of(obj_tok, actors, spans, via_de=via_de or possessor)
        if subj is None or obj is None or subj[2] == obj[2]:
            return
        if score == 0.0 and (not is_exchange(pred) or (actors.entities[obj[2]].type == "LOC" and case_of(obj_tok) in PLACE_CASES)):
            return  # "tenir le sommet à Moscou": a setting, not someone acted upon
        key = (subj[2], obj[2], pred_span[0])
        if key in seen:
            return
        seen.add(key)
        out.append(RelationRec(subj[2], subj[:2], pred, pred_span, obj[2], obj[:2], round(max(-1.0, min(1.0, score)), 3),
                               in_quote=pred_span[0] in inside))

    inside = token_set(quoted)
    # a meeting relation needs a complement in "entre" (see _between_relations)
    between = "entre" in token_texts(doc)
    for tok in doc:
        if tok.i in inside and not inside_quotes:
            continue
        pos = tok.pos_
        if pos == "VERB":
            _verb_relations(tok, add)
        if pos == "NOUN":
            _noun_relations(tok, add)
        if between and pos in ("VERB", "NOUN"):
            _between_relations(tok, add)
    out.sort(key=lambda r: r.predicate_span[0])
    return out

def is_exchange(predicate: str) -> bool:
    """Whether a relation's predicate (lemma, or light verb + noun) is a meeting or an exchange."""
    last = predicate.split()[-1]
    return predicate in MEETING_VERBS or last in MEETING_NOUNS


# "X a reçu le soutien de Y", "X essuie les critiques de Y": Y acts on X
RECEIVE_VERBS = frozenset({"recevoir", "obtenir", "essuyer", "subir", "attirer", "récolter", "bénéficier"})

def _received_relations(verb: Token, add: AddRelation) -> bool:
    """Relations of a verb of receiving with an evaluative noun: the noun's "de" complement acts
    on the verb's subject ("Hamon avait reçu le soutien d'Arnaud Montebourg" → Montebourg
    -soutien→ Hamon). True when the verb had such a noun."""
    if verb.lemma_.lower() not in RECEIVE_VERBS:
        return False
    nouns = [c for c in verb.children if c.dep_ in ("obj", "obl:arg") and c.pos_ == "NOUN"]
    found = False
    for noun in nouns:
        hit = token_hit(noun)
        if hit is None:
            continue
        agents = [g for c in noun.children if c.dep_ == "nmod" and set(case_of(c).split()) & DE_CASES for g in conjuncts(c)]
        subj = find_subject(verb)
        if subj is None or not agents:
            continue
        found = True
        score = hit.value * (NEGATION_FLIP if negated_verb(verb) else 1.0)
        pred = f"{verb.lemma_.lower()} {noun.lemma_.lower()}"
        span = (min(verb.i, noun.i), max(verb.i, noun.i) + 1)
        for agent in agents:
            for patient in conjuncts(subj):
                add(agent, pred, span, patient, score, via_de=False)
    return found

def _verb_relations(verb: Token, add: AddRelation) -> None:
    if _received_relations(verb, add):
        return
    light = light_noun(verb)
    if light is not None:
        score = noun_score(light)
        if verb.lemma_.lower() != "avoir" and score and any(c.lower_ in ("pas", "jamais") for c in verb.children):
            score *= -0.6
        pred = f"{verb.lemma_.lower()} {light.lemma_.lower()}"
        pred_span = (verb.i, verb.i + 1) if light.i < verb.i else (verb.i, light.i + 1)
        aimed = [ch for ch in verb.children if ch.dep_ in ("iobj", "obl:arg")] + aimed_obliques(verb)
        objects = noun_targets(light) + [c for ch in aimed for c in conjuncts(ch)]
        subj = passive_agent(verb) or find_subject(verb)
        if subj is not None:
            for s in conjuncts(subj):
                for o in objects:
                    add(s, pred, pred_span, o, score, via_de=False)
        return
    expr = expression_match(verb)
    score = expr[0] if expr is not None else predicate_score(verb)
    pred = expr[1] if expr is not None else verb.lemma_.lower()
    pred_span = expr[2] if expr is not None else (verb.i, verb.i + 1)
    args = arguments_of(verb)
    if args.agent is None:
        return
    if args.passive:
        for s in conjuncts(args.agent):
            for o in (c for patient in args.objects for c in conjuncts(patient)):
                add(s, pred, pred_span, o, score, via_de=False)
        return
    polar_or_meeting = score != 0.0 or pred in MEETING_VERBS
    objects = [(c, polar_or_meeting) for o in args.objects for c in conjuncts(o)]
    objects += [(c, False) for o in args.obliques for c in conjuncts(o)]
    for s in conjuncts(args.agent):
        for obj, via_de in objects:
            add(s, pred, pred_span, obj, score, via_de=via_de)

AGENT_CASES = frozenset({"par"})

OPPONENT_CASES = frozenset({"contre", "envers", "sur", "face à", "à l'encontre de"})

# the complements by which a judgment noun with no act of its own names whom it is aimed at
# (« les critiques de X envers Y », « la plainte de X contre Y »)
JUDGMENT_CASES = frozenset({"contre", "envers", "à l'encontre de", "à l'égard de"})

def _noun_relations(noun: Token, add: AddRelation) -> None:
    """Relations an act noun of effects.tsv names with its complements: "l'arrestation de X par
    Y" (Y → X), "l'offensive des FDS contre Daech", "la victoire de X face à Y"; the noun's
    "de" complement is its patient or its agent as the lexicon says. A noun of the polarity
    lexicon aimed at someone (« la plainte de X contre Y », « les critiques de X à l'égard de
    Y ») has its "de" complement as agent."""
    entry = effect(noun.lemma_.lower())
    if entry is not None and entry.kind == "death":
        return
    if entry is None and token_hit(noun) is None:
        return
    de_role = entry.de if entry is not None else "agent"
    aimed = OPPONENT_CASES if entry is not None else JUDGMENT_CASES
    agents: list[Token] = []
    patients: list[Token] = [g for t in relational_targets(noun) for g in conjuncts(t)]
    for child in noun.children:
        if child.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg"):
            continue
        case = case_of(child)
        if case in AGENT_CASES:
            agents.extend(conjuncts(child))
        elif case in aimed or (entry is not None and case.endswith(" à") and case.startswith("face")):
            patients.extend(conjuncts(child))
        elif set(case.split()) & DE_CASES and de_role in ("agent", "patient"):
            (agents if de_role == "agent" else patients).extend(conjuncts(child))
    if not patients:
        return
    if not agents and noun.dep_ in ("obj", "nsubj:pass") and noun.head.pos_ == "VERB":
        # "les FDS ont lancé une offensive contre Daech": the subject of the verb it is object of
        subj = passive_agent(noun.head) or find_subject(noun.head)
        agents = conjuncts(subj) if subj is not None else []
    score = noun_score(noun)
    for agent in agents:
        for patient in patients:
            add(agent, noun.lemma_.lower(), (noun.i, noun.i + 1), patient, score, via_de=False)

def _meeting_noun(token: Token) -> Token | None:
    """The meeting noun a token is or describes: itself, its head ("le sommet tenu entre"), its
    subject ("la rencontre a eu lieu entre")."""
    candidates = [token, token.head, token.head.head, *[c for c in token.children if c.dep_.startswith("nsubj")]]
    return next((c for c in candidates if c.pos_ == "NOUN" and c.lemma_.lower() in MEETING_NOUNS), None)

def _between_relations(token: Token, add: AddRelation) -> None:
    """"(la rencontre | le sommet tenu) entre X et Y": a neutral meeting relation X – Y."""
    meeting = _meeting_noun(token)
    if meeting is None:
        return
    parties: list[Token] = []
    for child in token.children:
        if child.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and case_of(child) == "entre":
            parties.extend(conjuncts(child))
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            add(a, meeting.lemma_.lower(), (meeting.i, meeting.i + 1), b, 0.0, via_de=False)

def meeting_partners(relations: Iterable[RelationRec]) -> dict[int, set[int]]:
    """entity → the entities it meets, from meeting relations (rencontre entre X et Y…)."""
    partners: dict[int, set[int]] = {}
    for r in relations:
        if r.predicate.split()[-1] in MEETING_NOUNS or r.predicate in MEETING_VERBS:
            partners.setdefault(r.subject, set()).add(r.object)
            partners.setdefault(r.object, set()).add(r.subject)
    return partners
