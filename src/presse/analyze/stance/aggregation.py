"""Stance edges and their per-pair aggregates.

An edge is one judgment source → target with the word that carries it. Edges come from quote
targets that have a carrier (the speaker → the target) and from relations whose act has an effect
(the agent → the patient); a target or patient must be an actor (:func:`is_actor`). Then one
judgment is kept per (source, target, evidence sentence) — the strongest — and the edges of each
pair are summed up in article order (:func:`aggregate_pairs`): counts, first and last position and
polarity, and the swing when they differ.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.quotes import Quotes
from presse.analyze.stance.carriers import modality
from presse.analyze.stance.records import EdgeRec, PairRec, QuoteStance, RelationRec
from presse.analyze.stance.targets import is_actor
from presse.lexicons import reporting_verb

SPEECH_CLASSES = frozenset({"hostile", "warm"})


def _sentence(doc: Doc, token: int) -> tuple[int, int]:
    sent = doc[token].sent
    return sent.start, sent.end


def quote_edges(doc: Doc, actors: Actors, quotes: Quotes, stances: Sequence[QuoteStance]) -> list[EdgeRec]:
    """Speaker → target edges of the quote targets that have a carrier and a polarity; none for
    an unresolved speaker or a carrier taken back (« a démenti avoir … »)."""
    out: list[EdgeRec] = []
    for n, (q, qs) in enumerate(zip(quotes.quotes, stances, strict=True)):
        if q.speaker_entity is None:
            continue
        position = min(q.start, doc[q.cue.i].idx) if q.cue is not None else q.start
        for t in qs.targets:
            if t.cue is None or t.polarity == "neutral" or t.entity == q.speaker_entity:
                continue
            qualifiers = modality(doc[t.cue])
            if "denied" in qualifiers:
                continue
            out.append(EdgeRec(q.speaker_entity, t.entity, t.score, "quote", n, position, t.channel,
                               (t.cue, t.cue + 1), _sentence(doc, t.cue), qualifiers))
    return out


def relation_edges(doc: Doc, actors: Actors, relations: Sequence[RelationRec]) -> list[EdgeRec]:
    """Agent → patient edges of the relations whose act has an effect (a neutral meeting is a
    relation, not a stance): channel ``reported`` for a speech act (accuser, saluer), ``act``
    otherwise."""
    out: list[EdgeRec] = []
    for n, r in enumerate(relations):
        if r.polarity == "neutral":
            continue
        agent, patient = doc[slice(*r.subject_span)].root, doc[slice(*r.object_span)].root
        if not (is_actor(actors.entities[r.subject], agent) and is_actor(actors.entities[r.object], patient)):
            continue
        head = doc[r.predicate_span[0]]
        entry = reporting_verb(r.predicate.split()[0])
        channel = "reported" if entry is not None and entry.cue_class in SPEECH_CLASSES else "act"
        qualifiers = modality(head)
        if "denied" in qualifiers:
            continue
        out.append(EdgeRec(r.subject, r.object, r.score, "relation", n, head.idx, channel,
                           r.predicate_span, _sentence(doc, head.i), qualifiers))
    return out


def one_per_evidence(edges: Sequence[EdgeRec]) -> list[EdgeRec]:
    """One judgment per (source, target, evidence sentence), in article order: a quote's edge
    rather than a relation's (« X menaçait Y de « … » » is one judgment, whose evidence is the
    quote), else the strongest."""
    best: dict[tuple[int, int, tuple[int, int] | None], EdgeRec] = {}
    for e in edges:
        key = (e.source, e.target, e.sentence)
        kept = best.get(key)
        if kept is None or (e.via == "quote", abs(e.score)) > (kept.via == "quote", abs(kept.score)):
            best[key] = e
    return sorted(best.values(), key=lambda e: (e.position, e.via, e.evidence))


def aggregate_pairs(edges: Sequence[EdgeRec]) -> list[PairRec]:
    """Per (source, target), the edges in article order with their counts, first and last
    position and polarity, and the summed score (clipped to [-1, 1]); pairs in order of their
    first edge."""
    pairs: dict[tuple[int, int], PairRec] = {}
    for index, e in enumerate(edges):
        pair = pairs.get((e.source, e.target))
        if pair is None:
            pair = pairs[(e.source, e.target)] = PairRec(e.source, e.target, [], 0, 0, e.position, e.position,
                                                        e.polarity, e.polarity, 0.0)
        pair.edges.append(index)
        pair.positives += e.polarity == "positive"
        pair.negatives += e.polarity == "negative"
        pair.last, pair.last_polarity = e.position, e.polarity
        pair.score = round(max(-1.0, min(1.0, pair.score + e.score)), 3)
    return list(pairs.values())

