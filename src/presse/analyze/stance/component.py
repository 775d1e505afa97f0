"""The whole stance layer of a Doc (what the ``presse_stance`` component computes)."""

from __future__ import annotations

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.quotes import Quotes
from presse.analyze.stance.acts import extract_relations, meeting_partners
from presse.analyze.stance.aggregation import (
    aggregate_pairs,
    one_per_evidence,
    quote_edges,
    relation_edges,
)
from presse.analyze.stance.records import (
    DEFAULT_WEIGHTS,
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
    relations = extract_relations(doc, actors, quoted, inside_quotes=True)
    meetings = meeting_partners(relations)
    stance = Stance(relations=relations, tone=actor_tone(doc, actors, quoted))
    for q, span in zip(quotes.quotes, qspans, strict=True):
        if span is None:
            stance.quotes.append(QuoteStance(None, 0.0))
            continue
        stance.quotes.append(
            quote_targets(doc, span, q.cue, q.speaker_entity, actors, meetings, spans, weights, direct=q.kind != "indirect")
        )
    edges = quote_edges(doc, actors, quotes, stance.quotes) + relation_edges(doc, actors, relations)
    stance.edges = one_per_evidence(edges)
    stance.pairs = aggregate_pairs(stance.edges)
    return stance
