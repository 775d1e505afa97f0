"""Labels both reports print: who said a quote, and the article's byline."""

from __future__ import annotations

from presse.model import Article, Quote


def speaker_label(article: Article, quote: Quote) -> str:
    """Who said `quote`: its speaker entity's name, else the speaker's text, else "?"."""
    ent = article.entity(quote.speaker.entity) if quote.speaker.entity else None
    if ent is not None:
        return ent.name
    return quote.speaker.name or "?"


def byline(article: Article) -> str:
    """Authors, outlet and date joined by " · ", or "no byline found"."""
    parts = []
    if article.authors:
        parts.append(", ".join(article.authors))
    if article.outlet:
        parts.append(article.outlet)
    if article.published:
        parts.append(article.published.isoformat())
    return " · ".join(parts) or "no byline found"
