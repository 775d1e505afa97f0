"""An article with its reviewer's corrections applied: pure, no database.

Contracts of :func:`apply_corrections`:

* the analysis given is not modified: the corrected article is a copy;
* each article correction is anchored in the article's text: at its offsets when the text there
  is still its quoted text, else at the occurrence of that text nearest to its offsets (the text
  moved: a re-ingest of an edited article); the quotation it corrects is the one with exactly
  that span, else the one overlapping it most when the overlap covers at least half of both (a
  new presse version cut the quotation a little differently). A correction that finds no anchor
  or no quotation is ``orphaned`` and changes nothing; the others are ``applied``, in id order;
* ``speaker`` gives the quotation (and the quoted stretches that are part of it, when it is a
  mixed quotation) to the article entity with that name (or alias), else to a new entity of the
  article with that name and type (the store links it to the corpus actor of that name); ``kind`` sets the kind; ``reject`` removes the quotation and its stance edges;
  ``add`` adds a quotation (evidence ``added by a reviewer``) or, when the analysis already has
  one with that span, corrects its speaker and kind;
* afterwards the counts follow: ``part_of`` links, voices (one count per utterance), and the
  stance edges read from a quotation take its current speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from presse.analyze.names import fold_name
from presse.analyze.utterances import link_parts
from presse.analyze.voices import WORD_RE, add_prominence, voices
from presse.model import Article, Entity, Quote, Speaker
from presse.store.correction_log import ARTICLE_KINDS, Correction

MIN_OVERLAP = 0.5
"""Share of both spans a quotation must overlap to be the one a moved correction anchors to."""


def anchor(text: str, correction: Correction) -> tuple[int, int] | None:
    """Where the correction's quoted text is in ``text`` now (see the module docstring)."""
    start, end, quoted = correction.start, correction.end, correction.quoted
    if start is None or end is None or not quoted:
        return None
    if text[start:end] == quoted:
        return start, end
    best: int | None = None
    found = text.find(quoted)
    while found != -1:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(quoted, found + 1)
    return None if best is None else (best, best + len(quoted))


def quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quotation with span [start, end), else the one overlapping it most (see above)."""
    exact = next((q for q in quotes if q.start == start and q.end == end), None)
    if exact is not None:
        return exact
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap >= MIN_OVERLAP * max(end - start, quote.end - quote.start) and overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best


def _speaker(article: Article, name: str, type_: str, correction_id: int) -> Entity:
    folded = fold_name(name)
    for entity in article.entities:
        if fold_name(entity.name) == folded:
            return entity
    for entity in article.entities:
        if entity.type == type_ and folded in {fold_name(a) for a in entity.aliases}:
            return entity
    entity = Entity(id=f"r{correction_id}", name=name, type=type_)  # type: ignore[arg-type]
    article.entities.append(entity)
    return entity


def _say(quote: Quote, entity: Entity) -> None:
    quote.speaker = Speaker(entity=entity.id, name=entity.name)


def _apply_one(article: Article, correction: Correction) -> bool:
    span = anchor(article.text, correction)
    if span is None:
        return False
    quote = quote_at(article.quotes, *span)
    payload = correction.payload
    if correction.kind == "add" and (quote is None or (quote.start, quote.end) != span):
        quote = Quote(
            id=f"qr{correction.id}",
            text=article.text[span[0] : span[1]],
            start=span[0],
            end=span[1],
            kind=payload["kind"],
            confidence=1.0,
            evidence="added by a reviewer",
            quoted_words=len(WORD_RE.findall(article.text[span[0] : span[1]])),
        )
        article.quotes.append(quote)
    if quote is None:
        return False
    if correction.kind in ("speaker", "add"):
        entity = _speaker(article, payload["speaker"], payload["type"], correction.id)
        # the quoted stretches of a mixed quote are the same utterance: they follow it
        for part in [quote, *(q for q in article.quotes if q.part_of == quote.id)]:
            _say(part, entity)
    if correction.kind in ("kind", "add"):
        quote.kind = payload["kind"]
    if correction.kind == "reject":
        article.quotes.remove(quote)
    return True


def _recount(article: Article) -> None:
    article.quotes.sort(key=lambda q: (q.start, q.end))
    link_parts(article.quotes)
    by_id = {q.id: q for q in article.quotes}
    edges = []
    for edge in article.stance:
        if edge.via == "quote":
            quote = by_id.get(edge.evidence_id)
            if quote is None or quote.speaker.entity is None:
                continue
            edge.source = quote.speaker.entity
            if edge.source == edge.target:
                continue
        edges.append(edge)
    article.stance = edges
    article.voices = voices(article.entities, article.quotes, article.blocks, article.text)
    add_prominence(article)


def apply_corrections(
    article: Article, corrections: Sequence[Correction]
) -> tuple[Article | None, dict[int, str]]:
    """The corrected copy of ``article`` (None when no correction applies) and, per correction
    id, ``applied`` or ``orphaned``. Actor corrections in ``corrections`` are ignored."""
    mine = sorted((c for c in corrections if c.kind in ARTICLE_KINDS), key=lambda c: c.id)
    if not mine:
        return None, {}
    fixed = article.model_copy(deep=True)
    statuses = {c.id: "applied" if _apply_one(fixed, c) else "orphaned" for c in mine}
    if "applied" not in statuses.values():
        return None, statuses
    _recount(fixed)
    return fixed, statuses
