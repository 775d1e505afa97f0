"""Labels both reports print: who said a quote, the article's byline, counted nouns, what was
said — verbatim only when it was quoted verbatim — and the genders of the persons quoted."""

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


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun`` agreeing with it: "1 mention", "0 mentions", "3 stance edges"
    (``plural`` when the plural is not ``noun`` + "s")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


GENDER_LABELS = {"f": "women", "m": "men", "x": "groups of both", "unknown": "unknown"}
"""How the reports name each gender of presse.model.PERSON_GENDERS."""
GENDER_COLUMNS = ("gender", "quoted persons", "quotes", "quoted words", "persons mentioned")


def gender_rows(article: Article) -> list[tuple[str, int, int, int, int]]:
    """The gender balance of the article's quoted persons, one row per gender (unknown
    included): label, persons quoted, their quotes, their quoted words, persons mentioned."""
    return [
        (GENDER_LABELS[c.gender], c.quoted_persons, c.quotes, c.quoted_words, c.persons)
        for c in article.gender_balance()
    ]


def is_verbatim(quote: Quote) -> bool:
    """Whether the quote's text is the speaker's own words, to print between « »: a direct quote.
    Indirect and mixed quotes are reported speech (a mixed one keeps its own inner « »)."""
    return quote.kind == "direct"


def markdown_said(quote: Quote, text: str | None = None) -> str:
    """What was said in Markdown: « text » when verbatim, else *text* (reported speech, italic)."""
    text = (quote.text if text is None else text).strip()
    if is_verbatim(quote):
        return f"« {text} »"
    return "*" + text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_") + "*"
