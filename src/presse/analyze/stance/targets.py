"""Whom a quotation is about: the actors a quote evaluates (inside it, the cue verb's object, the
holder a partial quote is said of), each with its polarity score."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from presse.analyze.actors import Actors, EntityRec
from presse.analyze.polarity import Hit, score_tokens
from presse.analyze.quotes import QuoteRec, cue_of
from presse.analyze.stance.carriers import MEETING_NOUNS, combine, cue_prior, strongest
from presse.analyze.stance.records import DEFAULT_WEIGHTS, QuoteStance, StanceWeights, TargetRec
from presse.analyze.stance.syntax import (
    FIRST_PERSON,
    OBJECT_DEPS,
    OBL_CASES,
    PLACE_CASES,
    RELATIVE_PRONOUNS,
    actor_of,
    case_of,
    conjuncts,
    mentions,
    noun_targets,
)
from presse.analyze.stance.victims import CLEARED, alleged, cleared, effect_act, effect_view, sided
from presse.lexicons import effect

# roles in which a place name stands for its government or people (« Washington a sanctionné
# Moscou », « les sanctions contre Moscou »), not for the place (« à Moscou », « en Russie »)
ACTOR_ROLES = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg"})
ACTOR_CASES = frozenset({"contre", "envers", "avec", "par", "face à", "auprès de"})


def is_actor(entity: EntityRec, mention: Token) -> bool:
    """Whether a mention can be the source or target of a stance: a person or an organisation,
    a group of people (a collective), or a place in a role only an actor plays (metonymy: the
    subject or object of a verb, the complement of « contre », « avec », « par »: « Moscou a
    démenti », « les sanctions contre Moscou »; not « à Moscou », « en Russie »). Things, works
    and events (MISC entities that are not groups) are not actors."""
    if entity.type in ("PER", "ORG"):
        return True
    if entity.type == "MISC":
        return entity.collective or bool(entity.members)
    if case_of(mention) in PLACE_CASES:
        return False  # « à Marseille », « en Russie »: the place
    while mention.dep_ == "conj" and mention.head.i != mention.i:
        mention = mention.head  # « marginalisant l'Europe et l'Ukraine »: the first conjunct's role
    if mention.dep_ in ACTOR_ROLES:
        return True
    case = case_of(mention)
    return case in ACTOR_CASES or "égard" in case or "encontre" in case


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

def _cue_objects(cue: Token, quote: Span) -> list[Token]:
    """Objects of the cue verb outside the quote: obj, iobj, obl:arg, obl with an actor case; a
    relative pronoun object stands for its antecedent ("ce Tribunal, qu'il qualifie de « … »")."""
    out = []
    for child in cue.children:
        if quote.start <= child.i < quote.end:
            continue
        if child.dep_ in OBJECT_DEPS or (child.dep_ == "obl" and case_of(child) in OBL_CASES):
            if child.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "acl:relcl" and not (quote.start <= cue.head.i < quote.end):
                out.append(cue.head)
                continue
            out.extend(conjuncts(child))
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
                out.extend(conjuncts(child))
    root = quote.root
    if outside(root.head) and root.dep_ in ("amod", "appos", "acl", "acl:relcl", "nmod") and root.head.pos_ in ("NOUN", "PROPN", "PRON"):
        out.append(root.head)
    if root.pos_ == "NOUN":
        out.extend(t for t in noun_targets(root) if outside(t))
        for child in root.children:
            if child.dep_ == "nmod" and outside(child) and set(case_of(child).split()) & {"de", "d'", "d’", "du", "des"}:
                out.extend(conjuncts(child))
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
    *,
    direct: bool = True,
) -> QuoteStance:
    """The stance of a quotation given its token span, cue token and speaker entity index.

    Targets are the actors mentioned in `quote` (not the speaker, not first person), then the
    actor objects of `cue`, then — when the cue's object is a meeting noun — the speaker's
    partners in `meetings` (entity → entities it meets), then the holders a partial quote is
    said of (`holder_tokens`). One target per entity: the first found. Scores follow
    `target_score`, with `weights`. Each target keeps the token that carries its polarity
    (``cue``) and its ``channel``: ``quote`` for the words of a `direct` quote, ``reported`` for
    reported speech and for a cue verb's class. Only targets with a carrier that are actors
    (`is_actor`) are kept.
    """
    spans = mentions(actors) if spans is None else spans
    meetings = meetings or {}
    cue_entry = cue_of(cue) if cue is not None else None
    cue_class = cue_entry.cue_class if cue_entry is not None else None
    prior = cue_prior(cue)
    own_score = score_tokens(quote)
    own, own_hits = own_score.score, own_score.hits
    whole = _quote_score(quote, weights, own)
    channel = "quote" if direct else "reported"
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
        score, carrier = _inside_judgment(doc, quote, mention, inside_prior, spans, weights)
        targets.append(TargetRec(ent, start, end, score, cue=carrier, channel=channel))

    if cue is not None:
        for obj in _cue_objects(cue, quote):
            found = actor_of(obj, actors, spans, via_de=True)
            if found is not None:
                start, end, ent = found
                if ent not in seen:
                    seen.add(ent)
                    root = doc[start:end].root
                    score = sided(combine(_quote_score(quote, weights, own, root), prior, weights.cue_weight_object), root)
                    # the cue's class carries it (« menaçait Moscou de … »), else the quote's words
                    carrier, how = (cue.i, "reported") if prior else (_outside_carrier(quote, own_hits, root), channel)
                    targets.append(TargetRec(ent, start, end, score, "cue_object", carrier, how))
            elif obj.lemma_.lower() in MEETING_NOUNS and speaker is not None:
                for partner in sorted(meetings.get(speaker, ())):
                    if partner in seen:
                        continue
                    seen.add(partner)
                    first = next((s for s in spans if s[2] == partner), None)
                    if first is not None:
                        carrier = strongest(own_hits)
                        targets.append(TargetRec(partner, first[0], first[1], combine(whole, prior, weights.cue_weight_object), "event",
                                                 carrier, channel))
    for tok in holder_tokens(quote):
        found = actor_of(tok, actors, spans, via_de=True)
        if found is not None and found[2] not in seen:
            start, end, ent = found
            seen.add(ent)
            root = doc[start:end].root
            score = sided(combine(_quote_score(quote, weights, own, root), prior, weights.cue_weight_inside), root)
            targets.append(TargetRec(ent, start, end, score, "holder", _outside_carrier(quote, own_hits, root), channel))
    # no carrier, no target: an actor merely named in a quote is not what it is about
    about = [t for t in targets if t.cue is not None and is_actor(actors.entities[t.entity], doc[t.start : t.end].root)]
    return QuoteStance(cue_class, combine(own, prior, weights.cue_weight_inside), about)

def _outside_carrier(quote: Span, own_hits: Sequence[Hit], target: Token) -> int | None:
    """What carries a quote's polarity towards an actor outside it: the quote's strongest
    evaluative word, else the act the actor takes part in (« le prix décerné à X »)."""
    found = strongest(own_hits)
    if found is None and effect_view(target):
        found = effect_act(target)
    return found


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
    return mentions(actors) if actors is not None else []

def _inside_score(
    doc: Doc, quote: Span, target: Span, prior: float, spans: Sequence[tuple[int, int, int]],
    weights: StanceWeights,
) -> float:
    """The polarity towards a target mentioned inside `quote`: the words of its clause (else the
    whole quote, damped) that are not about another actor, else what the act it takes part in
    makes of it (`effect_view`), weighed with the cue prior. (The version-1 score of
    `target_score`; stance edges use `_inside_judgment`.)"""
    if cleared(target.root):
        return CLEARED
    foreign = _foreign_tokens(doc, (target.start, target.end), spans, quote)
    whole = score_tokens(t for t in quote if t.i not in foreign)
    local = score_tokens(t for t in _clause_tokens(target.root, quote) if t.i not in foreign)
    fallback = weights.quote_fallback if len(quote) <= weights.long_quote else weights.quote_fallback_long
    text_score = local.score if local.hits else whole.score * fallback
    if text_score == 0.0:
        # no evaluative word: what the act the target takes part in makes of it, else how the
        # journalist's sentence around the quote frames it
        text_score = effect_view(target.root) or alleged(target.root) or _frame_score(quote, weights)
    return sided(combine(text_score, prior, weights.cue_weight_inside), target.root)


def _inside_judgment(
    doc: Doc, quote: Span, target: Span, prior: float, spans: Sequence[tuple[int, int, int]],
    weights: StanceWeights,
) -> tuple[float, int | None]:
    """The polarity towards a target inside `quote` and the token that carries it: the words
    said of the target (`said_of`, other actors' epithets left out), else the act it takes part
    in (`effect_view`), else the verb that clears it, else — in a short quote naming no other
    actor — the quote's strongest evaluative word; (0.0, None) when nothing in the quote is
    said of it — an actor merely named is no target. Unlike `_inside_score` (the version-1
    scores), the rest of the clause, the whole quote and the journalist's frame never count."""
    if cleared(target.root):
        return CLEARED, target.root.head.i
    foreign = _foreign_tokens(doc, (target.start, target.end), spans, quote)
    clause = _clause_tokens(target.root, quote)
    related = said_of(target.root, clause)
    said = score_tokens(t for t in clause if t.i in related and t.i not in foreign)
    if said.hits:
        return sided(combine(said.score, prior, weights.cue_weight_inside), target.root), strongest(said.hits)
    # no word said of it: what the act it takes part in makes of it (« X a tué », « tués par X »)
    view = effect_view(target.root)
    if view:
        return sided(combine(view, prior, weights.cue_weight_inside), target.root), effect_act(target.root)
    if len(quote) <= SHORT_QUOTE and not foreign:
        # a short quote naming no other actor is about its one actor (« X ? Un incapable. »)
        whole = score_tokens(quote)
        if whole.hits:
            return sided(combine(whole.score, prior, weights.cue_weight_inside), target.root), strongest(whole.hits)
    return 0.0, None


# tokens: a quote this short that names one actor only is about it as a whole
SHORT_QUOTE = 15


def said_of(target: Token, clause: Sequence[Token]) -> set[int]:
    """The tokens of `clause` that can evaluate `target` itself: its own phrase (« l'escroc X »,
    « les mensonges de X » from X up), the words it hangs on up to the clause's head (the verb
    or predicate adjective it is subject or object of: « X a trahi », « X est incompétent »,
    « la colère contre X »), and their direct objects, attributes and modifiers (« X mène une
    politique désastreuse »; a verb among them without its own complements). A word in another argument of the clause is about something else."""
    inside = {t.i for t in clause}
    out = {t.i for t in target.subtree}
    tok = target
    while tok.head.i != tok.i and tok.head.i in inside:
        # the doer of an act or a speech act is not judged by its verb (« Washington
        # sanctionne Moscou » says nothing bad of Washington): see `effect_view`
        doer = tok.dep_ == "nsubj" and (effect(tok.head.lemma_.lower()) is not None or cue_of(tok.head) is not None)
        tok = tok.head
        if not doer:
            out.add(tok.i)
        for child in tok.children:
            if child.dep_ in SAID_OF_DEPS:
                # a phrase whole (« une politique désastreuse »), a verb alone: its own
                # complements are about something else (« s'emploie à vérifier … la persécution »)
                reach = [child] if child.pos_ in ("VERB", "AUX") else child.subtree
                out.update(g.i for g in reach if g.i in inside)
    return out & inside


# what a governing word's evaluation reaches: its objects, attributes, manner and epithets
SAID_OF_DEPS = frozenset({"obj", "xcomp", "advmod", "amod", "acl", "obl:arg", "iobj", "cop", "fixed", "flat:name"})


def _quote_score(
    quote: Span, weights: StanceWeights, own: float | None = None, target: Token | None = None
) -> float:
    """What a quote says of an actor outside it: its own evaluative words (`own` when already
    scored), else what the act the actor takes part in makes of it (« le prix a été décerné à
    X « pour … » »), else the journalist's frame around the quote."""
    own = score_tokens(quote).score if own is None else own
    if own:
        return own
    view = effect_view(target) if target is not None else None
    return view or _frame_score(quote, weights)

def _frame_score(quote: Span, weights: StanceWeights) -> float:
    """The evaluative words of the sentences holding `quote`, outside it (the journalist's frame:
    « Révolté, il affirme que … », « … une « bande de lâches » »), damped by its weight."""
    doc = quote.doc
    first, last = doc[quote.start].sent, doc[quote.end - 1].sent
    # reporting verbs are left out: their class already weighs as the cue prior
    frame = [t for t in doc[first.start : last.end] if not quote.start <= t.i < quote.end and cue_of(t) is None]
    return score_tokens(frame).score * weights.frame_weight if frame else 0.0

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
    prior = cue_prior(cue)
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
        return sided(combine(whole, prior, weights.cue_weight_object), target.root)
    if cue is not None and target.root.head.i == cue.i:
        return sided(combine(whole, prior, weights.cue_weight_object), target.root)
    return sided(combine(whole, prior, weights.cue_weight_inside), target.root)

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

def quote_span(doc: Doc, q: QuoteRec) -> Span | None:
    """The token span of a quotation (character offsets expanded to whole tokens)."""
    return doc.char_span(q.start, q.end, alignment_mode="expand")
