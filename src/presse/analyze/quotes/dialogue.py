"""Dialogue lines and signatures: lines opened by a dash.

'— Mon Dieu ! dit-il.' is a line of dialogue (a direct quotation, cut by its incise if it has
one); '— Barack Obama, président des États-Unis' signs the quotation block above it (the line is
recorded in ``QuoteContext.signatures``; presse.analyze.quotes.speakers gives the block its
signer).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from presse.analyze.quotemarks import MarkedSpan
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.incises import split_incises
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import is_word

_DASH_LINE_RE = re.compile(r"(?m)^[ \t]*—[ \t]*(?P<body>[^\n]+)")


def dialogue(ctx: QuoteContext, marked: list[MarkedSpan]) -> list[QuoteRec]:
    """Dialogue lines opened by a dash: '— Mon Dieu ! dit-il.' A dash line that only names
    someone ('— Barack Obama, président des États-Unis') signs the quotation above it: it is
    added to ``ctx.signatures`` instead."""
    found = []
    ctx.signatures = []
    inside = [(s.open_at, s.close_at or s.end) for s in marked]
    for m in _DASH_LINE_RE.finditer(ctx.text):
        start, end = m.start("body"), m.end("body")
        if any(a <= end and start <= b for a, b in inside):
            continue  # the line holds quote marks: those quotations are taken as such
        signer_tok = signer(ctx, start, end)
        if signer_tok is not None:  # it signs the quotation block above it, if there is one
            ctx.signatures.append((m.start(), signer_tok))
            continue
        span = MarkedSpan(start, end, m.start(), None, "—", True)
        pieces, incise = split_incises(ctx.doc, span)
        for piece in pieces:
            text = ctx.text[piece.start : piece.end].rstrip()
            if not any(c.isalnum() for c in text):
                continue
            evidence = "direct: dialogue line, cut by an incise" if incise is not None else "direct: dialogue line"
            found.append(QuoteRec(
                piece.start, piece.start + len(text), "direct", evidence, 0.7, cue=incise, incise=incise is not None,
            ))
    return found


def signer(ctx: QuoteContext, start: int, end: int) -> Token | None:
    """The person or body a short verbless dash line names, or None when it is speech."""
    actors = ctx.actors
    line = ctx.doc.char_span(start, end, alignment_mode="expand")
    if line is None or len([t for t in line if is_word(t)]) > 14:
        return None
    # a capitalised "verb" inside the line is a misparsed name ("propriétaire de The Independent")
    if any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not (t.is_title and t.i > line.start + 1)
        for t in line
    ):
        return None
    first = next((t for t in line if t.text[:1].isalpha()), None)
    idx = actors.by_token.get(first.i) if first is not None else None
    if idx is not None and actors.entities[idx].named and line.text.rstrip()[-1:] == ".":
        # "— Jean-Michel Aulas, président de l'Olympique lyonnais.": a name and its title
        after = next((t for t in line if t.i > first.i and actors.by_token.get(t.i) != idx), None)
        if after is not None and after.text == ",":
            return first
    if line.text.rstrip()[-1:] in "!?….»”\"":
        return None  # a line of dialogue ends like a sentence; a signature does not
    if first is None or not first.text[:1].isupper() or first.pos_ in ("VERB", "AUX", "PRON", "DET", "INTJ", "ADV", "SCONJ", "CCONJ"):
        return None
    named = next((t for t in line if t.i in actors.by_token), None)
    if named is not None:
        return named
    return first if first.pos_ in ("NOUN", "PROPN", "ADJ") else None
