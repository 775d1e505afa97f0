"""Fill an `Article`'s stance fields from ``doc._.presse_stance`` (see presse.analyze.stance).

``add_stance(article, doc)`` sets, in place: ``Quote.cue_class`` and ``Quote.targets`` (quotes
are matched by index: ``article.quotes[n]`` is ``doc._.presse_quotes.quotes[n]``),
``Article.relations`` (ids r1, r2… in text order), ``Article.stance`` (edges in article order,
``evidence_id`` naming the quote or relation, with their cue and evidence sentence),
``Article.stance_pairs`` (the per-pair aggregates), ``Article.tone``, and the prominence fields of
``Article.voices`` (in_standfirst, quoted_in_standfirst, first_quote). A Doc without the stance
extension (the component not in the pipeline) leaves the stance fields empty but still fills the
voice prominence, which needs only the article.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.polarity import label
from presse.analyze.stance import EXTENSION, EdgeRec, Stance
from presse.analyze.voices import add_prominence
from presse.model import Article, Relation, StanceEdge, StancePair, Target, Tone


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc[start:end]
    return span.start_char, span.end_char


def add_stance(article: Article, doc: Doc) -> Article:
    """Fill `article`'s stance, relations, tone, quote targets and voice prominence from `doc`.

    `article` must be the conversion of `doc` (same text, quotes in the same order). Returns the
    same object, for chaining.
    """
    add_prominence(article)
    stance: Stance | None = doc._.get(EXTENSION) if Doc.has_extension(EXTENSION) else None
    actors: Actors | None = doc._.presse_actors
    if stance is None or actors is None:
        return article
    text = article.text
    ids = [e.id for e in actors.entities]
    names = [e.name for e in actors.entities]

    for quote, qs in zip(article.quotes, stance.quotes, strict=False):
        quote.cue_class = qs.cue_class
        targets = []
        for t in qs.targets:
            s, e = _chars(doc, t.start, t.end)
            targets.append(
                Target(entity=ids[t.entity], name=names[t.entity], start=s, end=e, text=text[s:e],
                       polarity=t.polarity, score=t.score,
                       # "holder" (the noun a partial quote is said of) is reported as a mention
                       via="mention" if t.via == "holder" else t.via)  # type: ignore[arg-type]
            )
        quote.targets = targets

    relations = []
    for n, r in enumerate(stance.relations, start=1):
        ps, pe = _chars(doc, *r.predicate_span)
        ss, se = _chars(doc, *r.subject_span)
        os_, oe = _chars(doc, *r.object_span)
        relations.append(
            Relation(
                id=f"r{n}", subject=ids[r.subject], subject_text=text[ss:se], subject_start=ss, subject_end=se,
                predicate=r.predicate,
                predicate_text=text[ps:pe], predicate_start=ps, predicate_end=pe,
                object=ids[r.object], object_text=text[os_:oe], object_start=os_, object_end=oe, polarity=r.polarity,  # type: ignore[arg-type]
                score=r.score, position=ps, in_quote=r.in_quote,
                evidence_start=(sent := doc[r.predicate_span[0]].sent).start_char, evidence_end=sent.end_char,
            )
        )
    article.relations = relations
    article.stance = [_edge(doc, text, e, ids) for e in stance.edges]
    article.stance_pairs = [
        StancePair(
            source=ids[p.source], target=ids[p.target], polarity=label(p.score), score=p.score,  # type: ignore[arg-type]
            edges=len(p.edges), positive=p.positives, negative=p.negatives, first=p.first, last=p.last,
            first_polarity=p.first_polarity, last_polarity=p.last_polarity, swing=p.swing,  # type: ignore[arg-type]
        )
        for p in stance.pairs
    ]
    article.tone = [
        Tone(entity=ids[t.entity], polarity=t.polarity, score=t.score, mentions=t.mentions, words=t.words)  # type: ignore[arg-type]
        for t in sorted(stance.tone, key=lambda t: t.score)
    ]
    return article


def _edge(doc: Doc, text: str, e: EdgeRec, ids: list[str]) -> StanceEdge:
    cue = _chars(doc, *e.cue) if e.cue is not None else None
    sentence = _chars(doc, *e.sentence) if e.sentence is not None else (None, None)
    return StanceEdge(
        source=ids[e.source], target=ids[e.target], polarity=e.polarity, score=e.score,  # type: ignore[arg-type]
        via=e.via, evidence_id=(f"q{e.evidence + 1}" if e.via == "quote" else f"r{e.evidence + 1}"),  # type: ignore[arg-type]
        position=e.position, channel=e.channel,  # type: ignore[arg-type]
        cue=text[cue[0] : cue[1]] if cue else None, cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None,
        evidence_start=sentence[0], evidence_end=sentence[1], modality=list(e.modality),  # type: ignore[arg-type]
    )

