"""How an act presents those who take part in it: the victim of a condemned act is sided with,
its author blamed, the one cleared defended, the one alleged (past conditional) weakly blamed."""

from __future__ import annotations

from spacy.tokens import Token

from presse.analyze.polarity import is_negated, token_hit
from presse.analyze.quotes import cue_of
from presse.analyze.stance.carriers import EFFECT_VIEWS, NEGATION_FLIP
from presse.analyze.stance.syntax import (
    DE_CASES,
    FIRST_PERSON,
    OBJECT_DEPS,
    RELATIONAL_NOUNS,
    THIRD_PERSON_SUBJECTS,
    case_of,
    relational_head,
)
from presse.analyze.subjects import subject_of as find_subject
from presse.lexicons import Effect, effect, reporting_verb

HOSTILE_EFFECTS = frozenset({"violence", "coercion", "justice"})

PATIENT_CASES = frozenset({"contre", "envers", "sur"})

# "perdre la vie", "trouver la mort": the subject dies
DEATH_OBJECTS = {"perdre": "vie", "trouver": "mort"}

def _effect_role(target: Token) -> tuple[Token, str, str] | None:
    """(act token, kind, "patient" | "agent") when `target` takes part in an act of
    effects.tsv: the object or passive subject of "tuer", the subject of "mourir", "les civils
    tués", "l'arrestation de X", "l'attaque contre X", "le soutien de X" (agent); else None."""
    head, dep, case = target.head, target.dep_, case_of(target)
    if dep.startswith("nsubj") and any(
        c.dep_ == "obj" and c.lemma_.lower() == DEATH_OBJECTS.get(head.lemma_.lower()) for c in head.children
    ):
        return head, "death", "patient"
    for child in target.children:
        entry = effect(child.lemma_.lower())
        if entry is not None and child.dep_ in ("acl", "amod") and "Part" in child.morph.get("VerbForm"):
            return child, entry.kind, "patient"  # "les civils tués", "les personnes blessées"
    if head.lower_ in RELATIONAL_NOUNS or head.lemma_.lower() in RELATIONAL_NOUNS:
        head, case = relational_head(head), "envers"  # "la violence à l'encontre de X"
    entry = None if head.i == target.i else effect(head.lemma_.lower()) or _light_verb_effect(head)
    if entry is None:
        if dep == "nmod" and head.pos_ == "NOUN" and set(case.split()) & DE_CASES and head.dep_ in OBJECT_DEPS | {"nsubj:pass"}:
            # "menacer les droits des femmes", "améliorer le confort des visiteurs": what is
            # done to one's rights or comfort is done to oneself
            owned = _effect_role(head)
            return owned if owned is not None and owned[2] == "patient" else None
        return None
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        passive = dep == "nsubj:pass" or any(c.dep_ == "aux:pass" for c in head.children)
        beneficiary = entry.kind in ("help", "reward") and dep.startswith("obl") and case in ("à", "au", "aux")
        if dep in OBJECT_DEPS or (dep == "obl" and case in PATIENT_CASES) or (passive and dep.startswith("nsubj")) or beneficiary:
            return head, entry.kind, "patient"  # "décerné à X": the one it is given to
        if dep == "nsubj" or dep == "obl:agent":
            return head, entry.kind, "patient" if entry.kind == "death" else "agent"
        return None
    if head.pos_ == "NOUN" and dep == "nmod":
        if case in PATIENT_CASES:
            return head, entry.kind, "patient"
        if case == "par":
            return head, entry.kind, "agent"
        if set(case.split()) & DE_CASES and entry.de != "-":
            return head, entry.kind, entry.de
    if head.pos_ == "NOUN" and dep == "nsubj" and entry.kind == "death":
        return head, "death", "patient"  # "X est (la) victime de …"
    return None

def _light_verb_effect(verb: Token) -> Effect | None:
    """The effect of a verb with its noun (« ouvrir le feu sur X », « prendre X en otage »),
    written in effects.tsv as « verbe le nom » / « verbe en nom »."""
    if verb.pos_ != "VERB":
        return None
    for noun in (c for c in verb.children if c.dep_ in ("obj", "obl", "obl:arg", "obl:mod") and c.pos_ == "NOUN"):
        for joiner in (" le ", " en ", " "):
            entry = effect(f"{verb.lemma_.lower()}{joiner}{noun.lemma_.lower()}")
            if entry is not None:
                return entry
    return None

def _first_person_agent(act: Token) -> bool:
    """True when the speaker's side does the act: "nous frapperons X", "je vais les punir", or
    in reported speech the speaker itself: an infinitive with no subject of its own under the
    reporting verb (« ont affirmé avoir voulu frapper X »), a personal pronoun subject of the
    reported clause (« a précisé qu'il visait X »)."""
    if any(c.dep_ in ("nsubj", "obl:agent") and c.lower_ in FIRST_PERSON for c in act.children):
        return True
    tok = act
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "obl:agent")]
        if subjects:
            reported = tok.dep_ == "ccomp" and cue_of(tok.head) is not None
            return reported and all(c.lower_ in THIRD_PERSON_SUBJECTS for c in subjects)
        if tok.dep_ != "xcomp" or tok.head == tok:
            return False
        tok = tok.head
        if cue_of(tok) is not None:
            return True  # the infinitive's doer is the reporting verb's subject: the speaker
    return False

def effect_view(target: Token) -> float | None:
    """How a quote presents `target` by the act it takes part in (see EFFECT_VIEWS): a victim
    of violence sided with, its author blamed, the one arrested blamed…; negation weakens and
    flips it; None when the act says nothing of the target."""
    role = _effect_role(target)
    if role is None:
        return None
    act_tok, kind, part = role
    act, patient_view, agent_view = EFFECT_VIEWS[kind]
    view = patient_view if part == "patient" else agent_view
    if part == "patient" and kind in HOSTILE_EFFECTS and _first_person_agent(act_tok):
        view = act  # threatened by the speaker's side: hostility, not sympathy
    if view == 0.0:
        return None
    return view * NEGATION_FLIP if is_negated(act_tok) else view

def effect_act(target: Token) -> int | None:
    """The token of the act `target` takes part in (see `effect_view`), or None."""
    role = _effect_role(target)
    return role[0].i if role is not None else None


# The « conditionnel journalistique »: an act reported in the past conditional (« il aurait
# touché … », « l'homme aurait tiré … ») is an unconfirmed allegation, and what news reports
# allege of an actor is mostly wrongdoing — a weak negative, used only when the quote has no
# evaluative word and the act no effect of its own.
ALLEGED = -0.25

def alleged(target: Token) -> float | None:
    """ALLEGED when `target` is the active subject of a verb in the past conditional (« X
    aurait versé … »), not negated; else None."""
    verb = target.head
    if target.dep_ != "nsubj" or verb.pos_ != "VERB" or "Part" not in verb.morph.get("VerbForm"):
        return None
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if any(a.dep_ == "aux:pass" for a in auxiliaries) or is_negated(verb):
        return None
    return ALLEGED if any("Cnd" in a.morph.get("Mood") for a in auxiliaries) else None

# « … ne concerne en aucun cas X »: denying an actor's involvement defends it
INVOLVE_VERBS = frozenset({"concerner", "viser", "impliquer", "toucher", "incriminer", "mettre en cause"})

CLEARED = 0.5

def cleared(target: Token) -> bool:
    """True when the target is the object of a negated verb of involvement (« cette saisine ne
    concerne en aucun cas X », « ne vise pas X »): the speaker clears it."""
    tok = target
    for _ in range(3):  # the parse may hang the object on « en aucun cas » before it
        if tok.dep_ not in ("obj", "appos", "flat:name", "obl:mod") or tok.head == tok:
            return False
        tok = tok.head
        if tok.pos_ == "VERB":
            # « ne … en aucun cas »: the negator hangs elsewhere, « ne » stays on the verb
            negated = is_negated(tok) or any(c.lower_ in ("ne", "n'", "n’") for c in tok.children)
            return tok.i < target.i and tok.lemma_.lower() in INVOLVE_VERBS and negated
    return False

VICTIM_CASES = frozenset({"contre", "envers"})

# Negative action nouns whose "de" complement is the one it is done to: "la persécution
# d'individus", "l'arrestation de X" (not "les accusations de X", where X is the agent)
PATIENT_NOUNS = frozenset({
    "persécution", "discrimination", "torture", "répression", "assassinat", "meurtre", "massacre",
    "enlèvement", "arrestation", "détention", "exécution", "harcèlement", "humiliation", "expulsion",
    "lynchage", "oppression", "stigmatisation", "incarcération", "emprisonnement", "traque",
    "séquestration", "exclusion", "persécuter", "agression",
})

def _third_party_attitude(noun: Token) -> bool:
    """Whether an attitude noun is held by someone named in the third person: the subject of
    the verb it hangs on (« l'homme avait une rancœur … ») is neither first person nor absent."""
    verb = noun.head
    subject = find_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    return subject is not None and subject.lower_ not in FIRST_PERSON


def victim_of(target: Token) -> bool:
    """True when `target` is what a negative act is done to, so condemning the act is siding with
    it: "l'attentat commis contre X", "la discrimination à l'égard de X", "la persécution de X",
    "X est (en train d'être) sacrifiée par …"."""
    head = target.head
    case = case_of(target)
    if head.lower_ in RELATIONAL_NOUNS or head.lemma_.lower() in RELATIONAL_NOUNS:
        head, case = relational_head(head), "envers"
    elif head.pos_ == "VERB" and head.dep_ == "acl":
        head = head.head  # "l'attentat commis contre X"
    if head.pos_ == "NOUN" and case in VICTIM_CASES:
        # an act done to X (« l'attentat contre X »), or a third party's hostility to X that the
        # quote reports (« l'homme avait une rancœur vis-à-vis des femmes »); the speaker's own
        # attitude (« je suis en colère contre X », « une plainte contre X ») is hostility to X
        act = effect(head.lemma_.lower())
        harmful = (act is not None and act.kind in ("violence", "coercion")) or head.lemma_.lower() in PATIENT_NOUNS
        hit = token_hit(head)
        return (harmful or _third_party_attitude(head)) and (hit is None or hit.value < 0)
    if head.pos_ == "NOUN" and head.lemma_.lower() in PATIENT_NOUNS and target.dep_ == "nmod" and set(case.split()) & DE_CASES:
        hit = token_hit(head)
        return hit is None or hit.value < 0
    # passive: the target is the subject of a negative verb in the passive, here or in the
    # infinitive complement of its predicate ("est en train d'être sacrifiée")
    # — verbs of harm only: "X est accusé / critiqué / condamné" makes X the one blamed
    role = _effect_role(target)
    if (
        role is not None and role[2] == "patient" and role[1] in ("violence", "coercion")
        # the speaker's own act ("menaçait Moscou de …", "nous les frapperons") is hostility
        and reporting_verb(role[0].lemma_.lower()) is None and not _first_person_agent(role[0])
    ):
        return True
    for rel in (c for c in target.children if c.dep_ == "acl:relcl"):
        # "Sarah, qui … a été manipulée par son compagnon": the relative's passive subject
        if any(c.dep_ == "nsubj:pass" and c.lower_ == "qui" for c in rel.children) and _harmed_passive(rel):
            return True
    if target.dep_ in ("nsubj:pass", "nsubj"):
        verbs = [head, *[c for c in head.children if c.pos_ == "VERB" and c.dep_ in ("xcomp", "nmod", "acl", "ccomp")]]
        return any(_harmed_passive(verb) for verb in verbs)
    return False

def _harmed_passive(verb: Token) -> bool:
    """True for a negative non-reporting verb in the passive (« a été manipulée »)."""
    if verb.pos_ != "VERB" or reporting_verb(verb.lemma_.lower()) is not None:
        return False
    hit = token_hit(verb) if any(c.dep_ == "aux:pass" for c in verb.children) else None
    return hit is not None and hit.value < 0

# People a quote names by what they suffer: a negative quote around them sides with them
VICTIM_NOUNS = frozenset({
    "victime", "otage", "blessé", "rescapé", "survivant", "sinistré", "déplacé", "réfugié",
    "endeuillé", "orphelin", "veuve", "disparu", "captif", "persécuté", "opprimé", "sans-abri",
})

def sided(score: float, target: Token) -> float:
    """A negative score turned positive when the target is a victim of what is condemned (or in
    apposition to or coordinated with one: « les personnes tuées, trois femmes et un homme »)."""
    if score >= 0 or _described_badly(target):
        return score
    heads = [target]
    while heads[-1].dep_ in ("appos", "conj") and heads[-1].head.i != heads[-1].i and len(heads) < 4:
        heads.append(heads[-1].head)
    return abs(score) if any(victim_of(t) or _described_as_victim(t) for t in heads) else score

def _described_as_victim(target: Token) -> bool:
    """True when the target's own noun names what it suffers (« les otages », « les familles des
    victimes », « les personnes touchées par … ») and the negative words are not said of it as a
    subject (« la victime était mal placée » judges it)."""
    if target.dep_.startswith("nsubj"):
        return False
    if any(t.lemma_.lower() in VICTIM_NOUNS or t.lower_ in VICTIM_NOUNS for t in _own_phrase(target, ("nmod",))):
        return True
    return any(
        c.dep_ in ("acl", "amod") and "Part" in c.morph.get("VerbForm") and (hit := token_hit(c)) is not None and hit.value < 0
        for c in target.children
    )

def _described_badly(target: Token) -> bool:
    """True when the target's own noun phrase is a negative description ("un des assaillants",
    "le terroriste"): what is done to it makes no victim the speaker sides with."""
    return any((hit := token_hit(t)) is not None and hit.value < 0 for t in _own_phrase(target, ("nmod", "amod", "appos")))

def _own_phrase(target: Token, deps: tuple[str, ...]) -> list[Token]:
    """The target's head word and its close modifiers of the given relations (within 3 tokens)."""
    return [target, *(c for c in target.children if c.dep_ in deps and abs(c.i - target.i) <= 3)]
