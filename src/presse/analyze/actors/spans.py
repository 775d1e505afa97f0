"""The edges of a mention: what a name or description span keeps and leaves out.

A name's span loses its determiners, punctuation and unpaired quote marks (« "En Marche » » is
« En Marche »), keeps a party's own article (« Les Républicains ») and a paired quote mark
closed just after it, and reaches over the hyphen the NER stops at (« Vallaud-Belkacem »). A
description is read as a noun phrase: « du président » is « le président ».
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span

from presse.lexicons import party, word_map, word_set

OPENING_QUOTES: Final = frozenset({"«", "“", "‹"})
CLOSING_QUOTES: Final = frozenset({"»", "”", "›"})
QUOTE_REACH: Final = 6  # tokens past a span its closing quote mark may be: « Les Républicains »
DETERMINERS: Final = word_set("determiners.description")
# a description is a noun phrase: "du président" is "le président" after its preposition
CONTRACTED_ARTICLES: Final = word_map("determiners.contracted")
SURNAME_PARTICLES: Final = word_set("name_words.surname_particle")


def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range without whitespace tokens at its ends ("le maire de Sevran\\n\\n") and with its
    quote marks paired: an opening mark closed just after the range takes the closing mark in
    ("le député du parti « Les Républicains »"), otherwise the range stops before an unpaired
    mark ("TMC « Quotidien" → "TMC", "En Marche » souhaite" → "En Marche"). None if nothing is
    left."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    opened: int | None = None
    for i in range(start, end):
        text = doc[i].text
        if text in OPENING_QUOTES and opened is None:
            opened = i
        elif text in CLOSING_QUOTES:
            if opened is not None:
                opened = None
            elif i == start:
                return trim_span(doc, start + 1, end)
            else:
                return trim_span(doc, start, i)
    if opened is not None:
        reach = min(len(doc), end + QUOTE_REACH)
        close = next((j for j in range(end, reach) if doc[j].text in CLOSING_QUOTES | OPENING_QUOTES or doc[j].is_sent_start), None)
        if close is not None and doc[close].text in CLOSING_QUOTES:
            return start, close + 1
        return trim_span(doc, opened + 1, end) if opened == start else trim_span(doc, start, opened)
    straight = [i for i in range(start, end) if doc[i].text == '"']
    if len(straight) % 2:
        last = straight[-1]
        return trim_span(doc, last + 1, end) if last == start else trim_span(doc, start, last)
    return (start, end) if start < end else None


def as_noun_phrase(description: str) -> str:
    """A description read after its preposition: "du président" → "le président"."""
    first, _, rest = description.partition(" ")
    article = CONTRACTED_ARTICLES.get(first.lower())
    if article is None or not rest:
        return description
    return f"{article.capitalize() if first[0].isupper() else article} {rest}"


def clean_name_span(span: Span) -> tuple[int, int] | None:
    """Trim determiners, punctuation and quote marks off a NER span; None if nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in DETERMINERS | {"les", "l", "'"}):
        if not doc[start].is_punct and party(doc[start:end].text) is not None:
            break  # "Les Républicains" is the party's name, article included
        start += 1
    while (end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ".")) or (
        end > start and doc[end - 1].text in {"'", "’", "-"}
    ):
        end -= 1
    if span.label_ == "PER":
        # "Emmanuel Macron lundi": a person's name does not end on a lowercase common word
        while end - start > 1 and doc[end - 1].text.islower() and doc[end - 1].lower_ not in SURNAME_PARTICLES:
            end -= 1
    trimmed = trim_span(doc, start, end) if start < end else None
    if trimmed is None:
        return None
    start, end = trimmed
    while start < end and doc[start].text in CONTRACTED_ARTICLES.keys() | {"à"}:
        start += 1  # "au Kremlin": a name does not start with a preposition ("de Villiers" may)
    if start >= end:
        return None
    text = doc[start:end].text
    if not any(c.isalpha() for c in text) or (not text[0].isupper() and not text[0].isdigit()):
        return None
    # the NER often stops at the hyphen of a compound surname: "Vallaud" "-" "Belkacem"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
        end += 2
    return start, end
