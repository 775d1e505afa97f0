"""The whole stance layer of a Doc (what the ``presse_stance`` component computes)."""

from __future__ import annotations

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.quotes import Quotes
from presse.analyze.stance.acts import extract_relations, meeting_partners
from presse.analyze.stance.records import (
    DEFAULT_WEIGHTS,
    EdgeRec,
    QuoteStance,
    Stance,
    StanceWeights,
)
from presse.analyze.stance.syntax import mentions
from presse.analyze.stance.targets import quote_span, quote_targets
from presse.analyze.stance.tone import actor_tone


def analyze_stance(
    doc: Doc, actors: Actors, quotes: Quotes, weights: StanceWeights = DEFAULT_WEIGHTS
) -> Stance:
    """The stance layer of a Doc processed by presse_actors and presse_quotes."""
    spans = mentions(actors)
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
