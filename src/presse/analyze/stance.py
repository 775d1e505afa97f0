"""Stance and tone: who says what about whom, how, and who acts on whom.

On top of presse_actors and presse_quotes, the ``presse_stance`` component computes:

- per quote, the **cue class** (the ``class`` of the cue in the reporting-verb lexicon) and the
  **targets**: actor mentions inside the quote (the speaker excluded), the actor object of the cue
  verb ("menaçait Moscou de « … »", "a remercié son homologue", "ce Tribunal, qu'il qualifie de
  « … »"), for a cue whose object names a shared event ("a qualifié la réunion d'« … »") the other
  participants of that event, and the holder a partial quote is said of (Fillon « a voté … », les
  « allégations mensongères » de Fillon). The polarity towards a target combines the lexicon
  polarity of the words around it in the quote (its clause without relative clauses on other
  nouns, else the whole quote; never the epithets of another name, « l'escroc Dupont ») with the
  cue class (hostile → negative, warm → positive), the cue weighing most on the cue's own object
  and not at all on the other names of a quote when the cue has an object of its own. A target
  that suffers a negative act the quote names ("la persécution de X", "l'attentat contre X", "X est
  sacrifié par …") is sided with: the negative score turns positive; an actor said in the past
  conditional to have done something (« X aurait touché … », an allegation) is weakly blamed when
  nothing else in the quote judges it;
- **relations** (subject actor, predicate, object actor) from the dependency tree outside
  quotations: subject → verb → obj / iobj / obl, passives with their agent (the patient may be the
  subject of the governing verb: "vient d'être condamné par"), light verbs with an evaluative
  noun ("a multiplié les compliments à l'égard de Trump", "a rendu hommage à"), multiword
  predicates ("a pris la défense de", "a mis en garde"), verbs of receiving ("a reçu le soutien
  de Y": Y → subject), and meeting nouns ("la rencontre entre X et Y"). Polarity comes from the
  predicate: a multiword expression, the reporting-verb class for cues, else ``polarity.tsv``,
  negation flipping it; verbs of victory are hostile to the one defeated (``effects.tsv``, kind defeat);
- **stance edges** source → target, from quotes (speaker → target) and relations (subject →
  object), in article order, so that a swing from hostile to warm is visible;
- **tone**: the journalist's evaluative words in the sentence around each mention outside quotes,
  averaged per actor.

Everything is rules over spaCy's parse and two lexicons: no model is trained or downloaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from presse.analyze.actors import Actors
from presse.analyze.polarity import (
    PolarityScore,
    expression_hit,
    expression_hits,
    expression_starts,
    is_negated,
    label,
    polarity_lexicon,
    score_tokens,
    sentence_bounds,
    sentence_end,
    token_hit,
    token_texts,
)
from presse.analyze.quotes import QuoteRec, Quotes, cue_of
from presse.analyze.subjects import subject_of
from presse.lexicons import Effect, effect, reporting_verb

EXTENSION = "presse_stance"

# Prior polarity a cue class lends to what it reports (towards the cue's object above all)
CUE_PRIOR: dict[str, float] = {
    "hostile": -0.6,
    "warm": 0.6,
    "worried": -0.2,
    "denial": -0.3,
}


@dataclass(frozen=True, slots=True)
class StanceWeights:
    """The tunable weights of quote → target scores (the ``presse_stance`` component's config).

    ``cue_weight_object`` / ``cue_weight_inside``: share of the cue prior in a target's score,
    for the cue's object and for mentions inside the quote. ``quote_fallback`` /
    ``quote_fallback_long``: how much of the whole-quote polarity a target gets when its own
    clause has no evaluative word, in a quote of at most / more than ``long_quote`` tokens (much
    less in a long quote, where the evaluative words are usually about something else).
    ``frame_weight``: share of the journalist's own sentence around a quote that has no
    evaluative word.
    """

    cue_weight_object: float = 0.7
    cue_weight_inside: float = 0.3
    quote_fallback: float = 0.7
    quote_fallback_long: float = 0.3
    long_quote: int = 25
    frame_weight: float = 0.5


DEFAULT_WEIGHTS = StanceWeights()

OBJECT_DEPS = frozenset({"obj", "iobj", "obl:arg"})
OBL_CASES = frozenset({"à", "contre", "envers", "avec", "vers", "pour", "auprès"})
LIGHT_VERBS = frozenset({
    "multiplier", "rendre", "apporter", "porter", "adresser", "exprimer", "lancer", "proférer",
    "formuler", "faire", "émettre", "renouveler", "réitérer", "témoigner", "afficher", "manifester",
    "avoir", "donner", "prodiguer", "envoyer", "déposer", "mener", "livrer", "reprendre",
})
# "à l'égard de X", "à l'encontre de X", "à l'endroit de X", "vis-à-vis de X"
RELATIONAL_NOUNS = frozenset({"égard", "encontre", "endroit", "vis-à-vis", "adresse"})
MEETING_NOUNS = frozenset({
    "rencontre", "sommet", "entretien", "réunion", "négociation", "dialogue", "échange",
    "tête-à-tête", "discussion", "face-à-face", "entrevue", "pourparler", "visite",
})
MEETING_VERBS = frozenset({"rencontrer", "recevoir", "accueillir", "retrouver", "entretenir", "négocier", "discuter"})
PLACE_CASES = frozenset({"à", "en", "dans", "sur", "vers", "au", "aux"})
THIRD_PERSON_SUBJECTS = frozenset({"il", "elle", "ils", "elles"})
FIRST_PERSON = frozenset({"je", "j'", "j’", "me", "m'", "m’", "moi", "nous", "on"})
# What an act does, by its kind in effects.tsv: (the act towards its patient, as a relation;
# how a quote with no evaluative word presents the patient; how it presents the agent).
# Violence blames its agent (its victim is sided with only when the quote condemns the act, see
# `_victim_of`; an accident reported flatly is neutral); persecution makes a victim; justice
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
HOSTILE_EFFECTS = frozenset({"violence", "coercion", "justice"})
PATIENT_CASES = frozenset({"contre", "envers", "sur"})
# "perdre la vie", "trouver la mort": the subject dies
DEATH_OBJECTS = {"perdre": "vie", "trouver": "mort"}


@dataclass
class TargetRec:
    """An actor a quote is about (entity index, mention token range) and the polarity towards it."""

    entity: int
    start: int
    end: int
    score: float
    via: str = "mention"

    @property
    def polarity(self) -> str:
        return label(self.score)


@dataclass
class QuoteStance:
    """The stance layer of one quotation (same index as in ``doc._.presse_quotes.quotes``)."""

    cue_class: str | None
    score: float
    targets: list[TargetRec] = field(default_factory=list)


@dataclass
class RelationRec:
    """Subject actor – predicate – object actor (token ranges) with its polarity."""

    subject: int
    subject_span: tuple[int, int]
    predicate: str
    predicate_span: tuple[int, int]
    object: int
    object_span: tuple[int, int]
    score: float

    @property
    def polarity(self) -> str:
        return label(self.score)


@dataclass
class EdgeRec:
    """Evidence of a stance source → target: from quote `evidence` (index) or relation."""

    source: int
    target: int
    score: float
    via: str  # "quote" | "relation"
    evidence: int
    position: int  # character offset

    @property
    def polarity(self) -> str:
        return label(self.score)


@dataclass
class ToneRec:
    """The journalist's tone towards one actor."""

    entity: int
    score: float
    mentions: int
    words: list[str]

    @property
    def polarity(self) -> str:
        return label(self.score)


@dataclass
class Stance:
    """The stance layer of a Doc: per quote, relations, edges in article order, tone."""

    quotes: list[QuoteStance] = field(default_factory=list)
    relations: list[RelationRec] = field(default_factory=list)
    edges: list[EdgeRec] = field(default_factory=list)
    tone: list[ToneRec] = field(default_factory=list)


# --- helpers on actors -----------------------------------------------------------------------


def _mentions(actors: Actors) -> list[tuple[int, int, int]]:
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


def _actor_of(token: Token, actors: Actors, spans: Sequence[tuple[int, int, int]], *, via_de: bool) -> tuple[int, int, int] | None:
    """The actor a noun phrase headed by `token` refers to: the token's own mention, or (with
    `via_de`) that of its "de" complement — "la démission de X", "le soutien de X"."""
    if token.lower_ in FIRST_PERSON:
        return None
    found = _mention_of(token, actors, spans)
    if found is None:
        for child in token.children:
            # "sa rivale Marine Le Pen": a name in apposition, sometimes parsed as a bare nmod
            bare_nmod = child.dep_ == "nmod" and not _case(child) and child.i == token.i + 1
            if child.dep_ in ("flat:name", "appos", "fixed") or bare_nmod:
                found = _mention_of(child, actors, spans)
                if found:
                    break
    if found is None and via_de:
        for child in token.children:
            if child.dep_ == "nmod" and any(c.lower_ in ("de", "d'", "du", "des", "d’") for c in child.children):
                found = _mention_of(child, actors, spans)
                if found:
                    break
    return found


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]]


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
    return None


def _case(token: Token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ in ("case", "fixed")) or ""


# --- quotes ----------------------------------------------------------------------------------


def _clause_tokens(token: Token, within: Span) -> list[Token]:
    """Tokens of the smallest clause around `token` inside `within` (its verb's subtree, minus
    embedded clauses of their own)."""
    head = token
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX") and within.start <= head.head.i < within.end:
        head = head.head
        if head.pos_ in ("VERB", "ADJ") and head.dep_ != "amod":
            break
    clause_deps = ("conj", "parataxis", "ccomp", "advcl", "acl:relcl")
    excluded: set[int] = set()
    for child in head.children:
        if child.dep_ in clause_deps and not (child.i <= token.i <= child.right_edge.i and child.left_edge.i <= token.i):
            excluded.update(t.i for t in child.subtree)
    # relative clauses deeper down describe another noun ("par ces manœuvres qui puent la calomnie")
    for t in head.subtree:
        if t.dep_ == "acl:relcl" and t.head.i != token.i and t.i not in excluded and not (t.left_edge.i <= token.i <= t.right_edge.i):
            excluded.update(x.i for x in t.subtree)
    return [t for t in head.subtree if within.start <= t.i < within.end and t.i not in excluded]


RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles"})


def _cue_objects(cue: Token, quote: Span) -> list[Token]:
    """Objects of the cue verb outside the quote: obj, iobj, obl:arg, obl with an actor case; a
    relative pronoun object stands for its antecedent ("ce Tribunal, qu'il qualifie de « … »")."""
    out = []
    for child in cue.children:
        if quote.start <= child.i < quote.end:
            continue
        if child.dep_ in OBJECT_DEPS or (child.dep_ == "obl" and _case(child) in OBL_CASES):
            if child.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "acl:relcl" and not (quote.start <= cue.head.i < quote.end):
                out.append(cue.head)
                continue
            out.extend(_conjuncts(child))
    return out


def holder_tokens(quote: Span) -> list[Token]:
    """Noun phrases outside a partial quote that the quoted words are said of: the subject of a
    quoted predicate (Fillon « a voté contre … »), the noun a quoted epithet or description
    qualifies (la parole « malhonnête » du candidat, Guéant, « haut fonctionnaire … »), the
    complements of a quoted noun (les « allégations mensongères » de Fillon, une « discrimination »
    à l'égard des Asiatiques)."""
    def outside(t: Token) -> bool:
        return not (quote.start <= t.i < quote.end)

    out: list[Token] = []
    for tok in quote:
        if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and outside(child) and child.lower_ not in RELATIVE_PRONOUNS:
                out.extend(_conjuncts(child))
    root = quote.root
    if outside(root.head) and root.dep_ in ("amod", "appos", "acl", "acl:relcl", "nmod") and root.head.pos_ in ("NOUN", "PROPN", "PRON"):
        out.append(root.head)
    if root.pos_ == "NOUN":
        out.extend(t for t in _noun_targets(root) if outside(t))
        for child in root.children:
            if child.dep_ == "nmod" and outside(child) and set(_case(child).split()) & {"de", "d'", "d’", "du", "des"}:
                out.extend(_conjuncts(child))
    return out


def quote_targets(
    doc: Doc,
    quote: Span,
    cue: Token | None,
    speaker: int | None,
    actors: Actors,
    meetings: dict[int, set[int]] | None = None,
    spans: Sequence[tuple[int, int, int]] | None = None,
    weights: StanceWeights = DEFAULT_WEIGHTS,
) -> QuoteStance:
    """The stance of a quotation given its token span, cue token and speaker entity index.

    Targets are the actors mentioned in `quote` (not the speaker, not first person), then the
    actor objects of `cue`, then — when the cue's object is a meeting noun — the speaker's
    partners in `meetings` (entity → entities it meets), then the holders a partial quote is
    said of (`holder_tokens`). One target per entity: the first found. Scores follow
    `target_score`, with `weights`.
    """
    spans = _mentions(actors) if spans is None else spans
    meetings = meetings or {}
    cue_entry = cue_of(cue) if cue is not None else None
    cue_class = cue_entry.cue_class if cue_entry is not None else None
    prior = _cue_prior(cue)
    own = score_tokens(quote).score
    whole = _quote_score(quote, weights, own)
    targets: list[TargetRec] = []
    seen: set[int] = set() if speaker is None else {speaker}

    for start, end, ent in spans:
        if not (quote.start <= start and end <= quote.end) or ent in seen:
            continue
        if doc[start].lower_ in FIRST_PERSON:
            continue
        seen.add(ent)
        mention = doc[start:end]
        inside_prior = 0.0 if _cue_has_other_object(cue, quote, mention) else prior
        targets.append(TargetRec(ent, start, end, _inside_score(doc, quote, mention, inside_prior, spans, weights)))

    if cue is not None:
        for obj in _cue_objects(cue, quote):
            found = _actor_of(obj, actors, spans, via_de=True)
            if found is not None:
                start, end, ent = found
                if ent not in seen:
                    seen.add(ent)
                    score = _sided(_combine(_quote_score(quote, weights, own, doc[start:end].root), prior, weights.cue_weight_object), doc[start:end].root)
                    targets.append(TargetRec(ent, start, end, score, "cue_object"))
            elif obj.lemma_.lower() in MEETING_NOUNS and speaker is not None:
                for partner in sorted(meetings.get(speaker, ())):
                    if partner in seen:
                        continue
                    seen.add(partner)
                    first = next((s for s in spans if s[2] == partner), None)
                    if first is not None:
                        targets.append(TargetRec(partner, first[0], first[1], _combine(whole, prior, weights.cue_weight_object), "event"))
    for tok in holder_tokens(quote):
        found = _actor_of(tok, actors, spans, via_de=True)
        if found is not None and found[2] not in seen:
            start, end, ent = found
            seen.add(ent)
            score = _sided(_combine(_quote_score(quote, weights, own, doc[start:end].root), prior, weights.cue_weight_inside), doc[start:end].root)
            targets.append(TargetRec(ent, start, end, score, "holder"))
    return QuoteStance(cue_class, _combine(own, prior, weights.cue_weight_inside), targets)


def _foreign_tokens(doc: Doc, target: tuple[int, int], spans: Sequence[tuple[int, int, int]], within: Span) -> set[int]:
    """Tokens that evaluate another actor than the target: that actor's mention and the epithets
    right next to it ("l'escroc Miguet", "un tribunal fantôche"), which are about it, not about
    the target. Names the actor layer missed count too (capitalised proper nouns, not the
    quote's first word)."""
    out: set[int] = set()
    # actor mentions, and capitalised names the actor layer missed
    names = [(s, e) for s, e, _ent in spans]
    names += [(t.i, t.i + 1) for t in within if t.pos_ == "PROPN" and t.is_title and t.i > within.start]
    for start, end in names:
        if start < target[1] and target[0] < end:
            continue
        if not (within.start <= start < within.end):
            continue
        out.update(range(start, end))
        j = start - 1
        while j >= within.start and j >= start - 3 and doc[j].pos_ in ("NOUN", "ADJ", "DET", "PROPN") and doc[j].is_lower:
            if doc[j].pos_ != "DET":
                out.add(j)
            j -= 1
        for k in range(end, min(end + 2, within.end)):
            if doc[k].pos_ != "ADJ":
                break
            out.add(k)
    return out


def _doc_spans(doc: Doc) -> list[tuple[int, int, int]]:
    actors = doc._.get("presse_actors") if Doc.has_extension("presse_actors") else None
    return _mentions(actors) if actors is not None else []


def _effect_role(target: Token) -> tuple[Token, str, str] | None:
    """(act token, kind, "patient" | "agent") when `target` takes part in an act of
    effects.tsv: the object or passive subject of "tuer", the subject of "mourir", "les civils
    tués", "l'arrestation de X", "l'attaque contre X", "le soutien de X" (agent); else None."""
    head, dep, case = target.head, target.dep_, _case(target)
    if dep.startswith("nsubj") and any(
        c.dep_ == "obj" and c.lemma_.lower() == DEATH_OBJECTS.get(head.lemma_.lower()) for c in head.children
    ):
        return head, "death", "patient"
    for child in target.children:
        entry = effect(child.lemma_.lower())
        if entry is not None and child.dep_ in ("acl", "amod") and "Part" in child.morph.get("VerbForm"):
            return child, entry.kind, "patient"  # "les civils tués", "les personnes blessées"
    if head.lower_ in RELATIONAL_NOUNS or head.lemma_.lower() in RELATIONAL_NOUNS:
        head, case = _relational_head(head), "envers"  # "la violence à l'encontre de X"
    entry = None if head.i == target.i else effect(head.lemma_.lower()) or _light_verb_effect(head)
    if entry is None:
        if dep == "nmod" and head.pos_ == "NOUN" and set(case.split()) & _DE and head.dep_ in OBJECT_DEPS | {"nsubj:pass"}:
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
        if set(case.split()) & _DE and entry.de != "-":
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


def _relational_head(word: Token) -> Token:
    """The noun « à l'égard de », « vis-à-vis de » … attach to: their head, or when the parse
    hangs them on the verb (« une rancœur vis-à-vis des femmes »), the noun just before."""
    if word.head.pos_ == "NOUN":
        return word.head
    before = [t for t in word.doc[max(0, word.i - 3) : word.i] if t.pos_ == "NOUN"]
    return before[-1] if before else word.head


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


def _effect_view(target: Token) -> float | None:
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


def _inside_score(
    doc: Doc, quote: Span, target: Span, prior: float, spans: Sequence[tuple[int, int, int]],
    weights: StanceWeights,
) -> float:
    """The polarity towards a target mentioned inside `quote`: the words of its clause (else the
    whole quote, damped) that are not about another actor, else what the act it takes part in
    makes of it (`_effect_view`), weighed with the cue prior."""
    if _cleared(target.root):
        return CLEARED
    foreign = _foreign_tokens(doc, (target.start, target.end), spans, quote)
    whole = score_tokens(t for t in quote if t.i not in foreign)
    local = score_tokens(t for t in _clause_tokens(target.root, quote) if t.i not in foreign)
    fallback = weights.quote_fallback if len(quote) <= weights.long_quote else weights.quote_fallback_long
    text_score = local.score if local.hits else whole.score * fallback
    if text_score == 0.0:
        # no evaluative word: what the act the target takes part in makes of it, else how the
        # journalist's sentence around the quote frames it
        text_score = _effect_view(target.root) or _alleged(target.root) or _frame_score(quote, weights)
    return _sided(_combine(text_score, prior, weights.cue_weight_inside), target.root)


# The « conditionnel journalistique »: an act reported in the past conditional (« il aurait
# touché … », « l'homme aurait tiré … ») is an unconfirmed allegation, and what news reports
# allege of an actor is mostly wrongdoing — a weak negative, used only when the quote has no
# evaluative word and the act no effect of its own.
ALLEGED = -0.25


def _alleged(target: Token) -> float | None:
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


def _cleared(target: Token) -> bool:
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


def _quote_score(
    quote: Span, weights: StanceWeights, own: float | None = None, target: Token | None = None
) -> float:
    """What a quote says of an actor outside it: its own evaluative words (`own` when already
    scored), else what the act the actor takes part in makes of it (« le prix a été décerné à
    X « pour … » »), else the journalist's frame around the quote."""
    own = score_tokens(quote).score if own is None else own
    if own:
        return own
    view = _effect_view(target) if target is not None else None
    return view or _frame_score(quote, weights)


def _frame_score(quote: Span, weights: StanceWeights) -> float:
    """The evaluative words of the sentences holding `quote`, outside it (the journalist's frame:
    « Révolté, il affirme que … », « … une « bande de lâches » »), damped by its weight."""
    doc = quote.doc
    first, last = doc[quote.start].sent, doc[quote.end - 1].sent
    # reporting verbs are left out: their class already weighs as the cue prior
    frame = [t for t in doc[first.start : last.end] if not quote.start <= t.i < quote.end and cue_of(t) is None]
    return score_tokens(frame).score * weights.frame_weight if frame else 0.0


def _cue_prior(cue: Token | None) -> float:
    """The polarity a cue lends to what it reports: its class (hostile, warm…), or for a
    non-reporting governing word its own lexicon polarity ("menace de « … »")."""
    if cue is None:
        return 0.0
    entry = cue_of(cue)
    if entry is not None:
        return CUE_PRIOR.get(entry.cue_class or "", 0.0)
    return polarity_lexicon().get(cue.lemma_.lower(), 0.0)


def _cue_has_other_object(cue: Token | None, quote: Span, target: Span) -> bool:
    """True when the cue verb has its own object outside the quote that is not `target`
    ("a dénoncé le soutien de Miguet à Pécresse : « … »"): its class is about that object."""
    if cue is None:
        return False
    objects = _cue_objects(cue, quote)
    return bool(objects) and not any(target.start <= o.i < target.end or o.i == target.root.i for o in objects)


def target_score(
    doc: Doc, quote: Span, cue: Token | None, target: Span, weights: StanceWeights = DEFAULT_WEIGHTS
) -> float:
    """The polarity of `quote` (cued by `cue`) towards any noun phrase `target`, actor or not, by
    the rules of `quote_targets`: inside the quote, its clause (else the whole quote, damped);
    the cue's object, the whole quote weighed with the cue class; elsewhere, the whole quote
    with the cue class weighed as for mentions inside."""
    prior = _cue_prior(cue)
    spans = _doc_spans(doc)
    if target.root.lower_ in FIRST_PERSON:
        return 0.0  # the speaker or generic "on": never a target (see quote_targets)
    if cue is not None and target.root.head.i == cue.i and target.root.dep_ == "nsubj":
        return 0.0  # the cue's subject is the speaker, not what the quote is about
    if quote.start <= target.start and target.end <= quote.end:
        inside_prior = 0.0 if _cue_has_other_object(cue, quote, target) else prior
        return _inside_score(doc, quote, target, inside_prior, spans, weights)
    whole = _quote_score(quote, weights, target=target.root)
    if cue is not None and any(target.start <= o.i < target.end or o.i == target.root.i for o in _cue_objects(cue, quote)):
        return _sided(_combine(whole, prior, weights.cue_weight_object), target.root)
    if cue is not None and target.root.head.i == cue.i:
        return _sided(_combine(whole, prior, weights.cue_weight_object), target.root)
    return _sided(_combine(whole, prior, weights.cue_weight_inside), target.root)


def predicate_polarity(token: Token) -> float:
    """The polarity of a predicate token as relations use it: a multiword expression it starts
    ("a pris la défense de", "mis en garde"), the evaluative noun of a light verb, the
    reporting-verb class (hostile, warm), else the polarity lexicon, with negation. Verbs of
    victory are hostile to the one defeated ("a remporté l'élection face à X")."""
    expr = _expression_at(token)
    if expr is not None:
        return expr
    if token.pos_ == "VERB":
        light = _light_noun(token)
        if light is not None:
            return _noun_score(light)
        return _predicate_score(token)
    return _noun_score(token)


def _noun_score(noun: Token) -> float:
    """A predicate noun's polarity: the act it names ("l'arrestation", "le soutien"), else the
    polarity lexicon."""
    act = _act_score(noun)
    if act is not None:
        return act
    hit = token_hit(noun)
    return hit.value if hit else 0.0




def _expression_match(token: Token) -> tuple[float, str, tuple[int, int]] | None:
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
    match = _expression_match(token)
    return match[0] if match is not None else None


VICTIM_CASES = frozenset({"contre", "envers"})
# Negative action nouns whose "de" complement is the one it is done to: "la persécution
# d'individus", "l'arrestation de X" (not "les accusations de X", where X is the agent)
PATIENT_NOUNS = frozenset({
    "persécution", "discrimination", "torture", "répression", "assassinat", "meurtre", "massacre",
    "enlèvement", "arrestation", "détention", "exécution", "harcèlement", "humiliation", "expulsion",
    "lynchage", "oppression", "stigmatisation", "incarcération", "emprisonnement", "traque",
    "séquestration", "exclusion", "persécuter", "agression",
})
_DE = frozenset({"de", "d'", "d’", "du", "des"})


def _victim_of(target: Token) -> bool:
    """True when `target` is what a negative act is done to, so condemning the act is siding with
    it: "l'attentat commis contre X", "la discrimination à l'égard de X", "la persécution de X",
    "X est (en train d'être) sacrifiée par …"."""
    head = target.head
    case = _case(target)
    if head.lower_ in RELATIONAL_NOUNS or head.lemma_.lower() in RELATIONAL_NOUNS:
        head, case = _relational_head(head), "envers"
    elif head.pos_ == "VERB" and head.dep_ == "acl":
        head = head.head  # "l'attentat commis contre X"
    if head.pos_ == "NOUN" and case in VICTIM_CASES:
        hit = token_hit(head)
        return hit is not None and hit.value < 0
    if head.pos_ == "NOUN" and head.lemma_.lower() in PATIENT_NOUNS and target.dep_ == "nmod" and set(case.split()) & _DE:
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


def _sided(score: float, target: Token) -> float:
    if score >= 0 or _described_badly(target):
        return score
    return abs(score) if _victim_of(target) or _described_as_victim(target) else score


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


def _combine(text: float, prior: float, weight: float) -> float:
    if prior == 0.0:
        return round(text, 3)
    if text == 0.0:
        return round(prior, 3)
    return round(max(-1.0, min(1.0, (1 - weight) * text + weight * prior)), 3)


def governing_cue(quote: Span) -> Token | None:
    """The verb (or noun) outside `quote` that governs it: where an unattributed span hangs."""
    root = quote.root
    head = root.head
    for _ in range(4):
        if head.i == root.i or not (quote.start <= head.i < quote.end):
            break
        head = head.head
    if quote.start <= head.i < quote.end:
        return None
    return head if head.pos_ in ("VERB", "NOUN", "ADJ", "AUX") else None


# --- relations -------------------------------------------------------------------------------


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


def _predicate_score(token: Token) -> float:
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


def _light_noun(verb: Token) -> Token | None:
    """The evaluative noun object of a light verb ("multiplier les compliments")."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "obj" and child.pos_ == "NOUN" and (
            token_hit(child) is not None or child.lemma_.lower() in MEETING_NOUNS or _act_score(child) is not None
        ):
            return child
    return None


def _noun_targets(noun: Token) -> list[Token]:
    """Actor complements of an evaluative noun: "à l'égard de X", "contre X", "envers X", "à X"."""
    out = []
    for child in noun.children:
        if child.dep_ not in ("nmod", "obl", "acl"):
            continue
        if child.lower_ in RELATIONAL_NOUNS or child.lemma_.lower() in RELATIONAL_NOUNS:
            out.extend(g for c in child.children if c.dep_ == "nmod" for g in _conjuncts(c))
        elif _case(child) in OBL_CASES:
            out.extend(_conjuncts(child))
    return out


class AddRelation(Protocol):
    """The callback that records one relation (see `extract_relations`)."""

    def __call__(
        self, subj_tok: Token, pred: str, pred_span: tuple[int, int], obj_tok: Token, score: float, *, via_de: bool
    ) -> None: ...


def _inside(i: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in ranges)


def _token_set(ranges: Sequence[tuple[int, int]]) -> set[int]:
    """The token indices of `ranges`: ``i in _token_set(r)`` is ``_inside(i, r)``."""
    return {i for s, e in ranges for i in range(s, e)}


def extract_relations(doc: Doc, actors: Actors, quoted: Sequence[tuple[int, int]] = ()) -> list[RelationRec]:
    """Actor–predicate–actor triples outside the token ranges in `quoted`, in text order."""
    spans = _mentions(actors)
    out: list[RelationRec] = []
    seen: set[tuple[int, int, int]] = set()

    def add(subj_tok: Token, pred: str, pred_span: tuple[int, int], obj_tok: Token, score: float, *, via_de: bool) -> None:
        subj = _actor_of(subj_tok, actors, spans, via_de=False)
        obj = _actor_of(obj_tok, actors, spans, via_de=via_de)
        if subj is None or obj is None or subj[2] == obj[2]:
            return
        if score == 0.0 and actors.entities[obj[2]].type == "LOC" and _case(obj_tok) in PLACE_CASES:
            return  # "tenir le sommet à Moscou": a setting, not someone acted upon
        key = (subj[2], obj[2], pred_span[0])
        if key in seen:
            return
        seen.add(key)
        out.append(RelationRec(subj[2], subj[:2], pred, pred_span, obj[2], obj[:2], round(max(-1.0, min(1.0, score)), 3)))

    inside = _token_set(quoted)
    # a meeting relation needs a complement in "entre" (see _between_relations)
    between = "entre" in token_texts(doc)
    for tok in doc:
        if tok.i in inside:
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
        agents = [g for c in noun.children if c.dep_ == "nmod" and set(_case(c).split()) & _DE for g in _conjuncts(c)]
        subj = subject_of(verb)
        if subj is None or not agents:
            continue
        found = True
        score = hit.value * (NEGATION_FLIP if _negated_verb(verb) else 1.0)
        pred = f"{verb.lemma_.lower()} {noun.lemma_.lower()}"
        span = (min(verb.i, noun.i), max(verb.i, noun.i) + 1)
        for agent in agents:
            for patient in _conjuncts(subj):
                add(agent, pred, span, patient, score, via_de=False)
    return found


NEGATION_FLIP = -0.6
# verbs whose compound past takes être (the parser reads "sont venus" as a passive)
ETRE_VERBS = frozenset({
    "venir", "revenir", "parvenir", "intervenir", "arriver", "partir", "aller", "entrer", "rentrer",
    "sortir", "monter", "descendre", "rester", "tomber", "retourner", "accourir", "devenir",
})


def _negated_verb(verb: Token) -> bool:
    return any(c.lower_ in ("pas", "jamais", "plus") for c in verb.children)


def _verb_relations(verb: Token, add: AddRelation) -> None:
    if _received_relations(verb, add):
        return
    light = _light_noun(verb)
    if light is not None:
        score = _noun_score(light)
        if verb.lemma_.lower() != "avoir" and score and any(c.lower_ in ("pas", "jamais") for c in verb.children):
            score *= -0.6
        pred = f"{verb.lemma_.lower()} {light.lemma_.lower()}"
        pred_span = (verb.i, verb.i + 1) if light.i < verb.i else (verb.i, light.i + 1)
        objects = _noun_targets(light) + [
            c for ch in verb.children if ch.dep_ in ("iobj", "obl:arg") or (ch.dep_ == "obl" and _case(ch) in OBL_CASES)
            for c in _conjuncts(ch)
        ]
        subj = _agent(verb) or subject_of(verb)
        if subj is not None:
            for s in _conjuncts(subj):
                for o in objects:
                    add(s, pred, pred_span, o, score, via_de=False)
        return
    expr = _expression_match(verb)
    score = expr[0] if expr is not None else _predicate_score(verb)
    pred = expr[1] if expr is not None else verb.lemma_.lower()
    pred_span = expr[2] if expr is not None else (verb.i, verb.i + 1)
    # "sont venus en aide": être makes the compound past of these verbs, not a passive
    motion = verb.lemma_.lower() in ETRE_VERBS
    passive = not motion and any(c.dep_ in ("nsubj:pass", "aux:pass") for c in verb.children)
    if passive or (verb.dep_ == "acl" and _agent(verb) is not None):
        agent = _agent(verb)
        patient = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if patient is None and verb.dep_ == "acl":
            patient = verb.head
        if patient is None:
            # "X vient d'être condamné par Y": the patient is the subject of the governing verb
            patient = subject_of(verb)
        if agent is not None and patient is not None:
            for s in _conjuncts(agent):
                for o in _conjuncts(patient):
                    add(s, pred, pred_span, o, score, via_de=False)
        return
    subj = subject_of(verb) or (next((c for c in verb.children if c.dep_ == "nsubj:pass"), None) if motion else None)
    if subj is None:
        return
    polar_or_meeting = score != 0.0 or pred in MEETING_VERBS
    objects: list[tuple[Token, bool]] = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            objects.extend((c, polar_or_meeting) for c in _conjuncts(child))
        elif child.dep_ == "obl" and _case(child) in OBL_CASES:
            objects.extend((c, False) for c in _conjuncts(child))
    for s in _conjuncts(subj):
        for obj, via_de in objects:
            add(s, pred, pred_span, obj, score, via_de=via_de)


AGENT_CASES = frozenset({"par"})
OPPONENT_CASES = frozenset({"contre", "envers", "sur", "face à", "à l'encontre de"})


def _noun_relations(noun: Token, add: AddRelation) -> None:
    """Relations an act noun of effects.tsv names with its complements: "l'arrestation de X par
    Y" (Y → X), "l'offensive des FDS contre Daech", "la victoire de X face à Y"; the noun's
    "de" complement is its patient or its agent as the lexicon says."""
    entry = effect(noun.lemma_.lower())
    if entry is None or entry.kind == "death":
        return
    agents: list[Token] = []
    patients: list[Token] = []
    for child in noun.children:
        if child.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg"):
            continue
        case = _case(child)
        if case in AGENT_CASES:
            agents.extend(_conjuncts(child))
        elif case in OPPONENT_CASES or (case.endswith(" à") and case.startswith("face")):
            patients.extend(_conjuncts(child))
        elif set(case.split()) & _DE and entry.de in ("agent", "patient"):
            (agents if entry.de == "agent" else patients).extend(_conjuncts(child))
    if not patients:
        return
    if not agents and noun.dep_ in ("obj", "nsubj:pass") and noun.head.pos_ == "VERB":
        # "les FDS ont lancé une offensive contre Daech": the subject of the verb it is object of
        subj = _agent(noun.head) or subject_of(noun.head)
        agents = _conjuncts(subj) if subj is not None else []
    score = _noun_score(noun)
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
        if child.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and _case(child) == "entre":
            parties.extend(_conjuncts(child))
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            add(a, meeting.lemma_.lower(), (meeting.i, meeting.i + 1), b, 0.0, via_de=False)


# --- tone ------------------------------------------------------------------------------------


def actor_tone(doc: Doc, actors: Actors, quoted: Sequence[tuple[int, int]]) -> list[ToneRec]:
    """Per actor, the mean polarity of the sentences around its mentions outside quotes, counting
    only sentences with at least one evaluative word outside quotes (other actors' mentions and
    the words of quotes never count)."""
    mention_tokens = {i for ent in actors.entities for m in ent.mentions for i in range(m.start, m.end)}
    inside = _token_set(quoted)
    by_sentence: dict[int, PolarityScore] = {}
    out = []
    for idx, ent in enumerate(actors.entities):
        scores: list[float] = []
        words: list[str] = []
        done: set[int] = set()
        for m in ent.mentions:
            if m.start in inside:
                continue
            start, end = sentence_bounds(doc[m.start])
            if start in done:
                continue
            done.add(start)
            if start not in by_sentence:
                by_sentence[start] = score_tokens(
                    doc[i] for i in range(start, end) if i not in inside and i not in mention_tokens
                )
            result = by_sentence[start]
            if result.hits:
                scores.append(result.score)
                words.extend(h.word for h in result.hits)
        if scores:
            uniq = list(dict.fromkeys(words))
            out.append(ToneRec(idx, round(sum(scores) / len(scores), 3), len(scores), uniq[:8]))
    return out


# --- the component ---------------------------------------------------------------------------


def meeting_partners(relations: Iterable[RelationRec]) -> dict[int, set[int]]:
    """entity → the entities it meets, from meeting relations (rencontre entre X et Y…)."""
    partners: dict[int, set[int]] = {}
    for r in relations:
        if r.predicate.split()[-1] in MEETING_NOUNS or r.predicate in MEETING_VERBS:
            partners.setdefault(r.subject, set()).add(r.object)
            partners.setdefault(r.object, set()).add(r.subject)
    return partners


def quote_span(doc: Doc, q: QuoteRec) -> Span | None:
    """The token span of a quotation (character offsets expanded to whole tokens)."""
    return doc.char_span(q.start, q.end, alignment_mode="expand")


def analyze_stance(
    doc: Doc, actors: Actors, quotes: Quotes, weights: StanceWeights = DEFAULT_WEIGHTS
) -> Stance:
    """The stance layer of a Doc processed by presse_actors and presse_quotes."""
    spans = _mentions(actors)
    qspans = [quote_span(doc, q) for q in quotes.quotes]
    quoted = [(s.start, s.end) for s in qspans if s is not None]
    relations = extract_relations(doc, actors, quoted)
    meetings = meeting_partners(relations)
    stance = Stance(relations=relations, tone=actor_tone(doc, actors, quoted))
    for q, span in zip(quotes.quotes, qspans, strict=True):
        if span is None:
            stance.quotes.append(QuoteStance(None, 0.0))
            continue
        stance.quotes.append(quote_targets(doc, span, q.cue, q.speaker_entity, actors, meetings, spans, weights))
    edges: list[EdgeRec] = []
    for n, (q, qs) in enumerate(zip(quotes.quotes, stance.quotes, strict=True)):
        if q.speaker_entity is None:
            continue
        position = min(q.start, doc[q.cue.i].idx) if q.cue is not None else q.start
        edges.extend(EdgeRec(q.speaker_entity, t.entity, t.score, "quote", n, position) for t in qs.targets)
    for n, r in enumerate(relations):
        edges.append(EdgeRec(r.subject, r.object, r.score, "relation", n, doc[r.predicate_span[0]].idx))
    edges.sort(key=lambda e: (e.position, e.via, e.evidence))
    stance.edges = edges
    return stance
