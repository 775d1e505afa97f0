"""Speakers a reader takes from the text around a quotation when its cue names nobody.

:func:`reader_speaker` gives the named subject of the journalist's sentence holding the quote
(or of the sentence just before marks standing on their own); :func:`antecedent` the noun
phrase a subject pronoun stands for. Both return a token or None: never a guess.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from presse.analyze.quotemarks import WS
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import opens_clause
from presse.analyze.subjects import person_noun


def sentence_in_paragraph(tokens: Span) -> tuple[int, int]:
    """Token range of the sentence holding `tokens`, cut at paragraph breaks (the parser may run
    a sentence over a blank line: a heading, or a paragraph opened by quote marks)."""
    doc = tokens.doc
    sent = tokens[0].sent
    lo = next((t.i + 1 for t in reversed(doc[sent.start : tokens.start]) if "\n" in t.text), sent.start)
    hi = next((t.i for t in doc[tokens.end : max(sent.end, tokens.end)] if "\n" in t.text), max(sent.end, tokens.end))
    return lo, hi


def reader_speaker(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """The speaker a reader gives a quote whose cue names nobody, or None (never a guess):
    the named subject of the journalist's sentence holding it (« Hollande est arrivé et
    évoque un « … » »); for marks standing as a sentence of their own, the named subject of
    the sentence just before, in the same paragraph or closing with a colon (« X a brandi le
    drapeau. « … » »)."""
    doc, text = ctx.doc, ctx.text
    own = sentence_subject(ctx, q)
    if own is not None:
        return own
    tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0 or tokens.start == 0:
        return None
    mark_at = len(text[: q.start].rstrip(WS + "«“\"")) if q.kind == "direct" else q.start
    lo, _hi = sentence_in_paragraph(tokens)
    if q.cue is not None or lo == 0 or not opens_clause(text, mark_at):
        return None
    last = next((t for t in reversed(doc[:lo]) if not t.is_space), None)
    if last is None:
        return None
    if "\n" in text[last.idx : q.start] and last.text != ":":
        return None  # another paragraph: nothing ties the words to its subject
    return _named_subject(ctx, doc[last.sent.start : last.i + 1])


def sentence_subject(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """Who the journalist's sentence holding the quote is about, outside quote marks: its
    named subject (the last before the quote, else the first after it: « Soulignant leurs
    « canapés », le pape … »), else the one named person it mentions other than as an object
    or a complement (a parse may hang the subject on a fronted phrase)."""
    doc, actors = ctx.doc, ctx.actors
    tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    lo, hi = sentence_in_paragraph(tokens)
    before = _named_subject(ctx, doc[lo : tokens.start])
    after = _named_subject(ctx, doc[tokens.end : hi], last=False)
    if before is not None or after is not None:
        return before or after
    persons: dict[int, Token] = {}
    for t in doc[lo:hi]:
        idx = actors.by_token.get(t.i)
        if idx is None or tokens.start <= t.i < tokens.end or ctx.in_quote(t):
            continue
        ent = actors.entities[idx]
        head = t
        while head.dep_ in ("flat:name", "compound") and head.head != head:
            head = head.head
        if ent.named and ent.type == "PER" and not head.dep_.startswith(("obj", "obl", "iobj", "nmod")):
            persons.setdefault(idx, t)
    return next(iter(persons.values())) if len(persons) == 1 else None


def _named_subject(ctx: QuoteContext, span: Span, last: bool = True) -> Token | None:
    """The last (or first) subject in `span` that mentions a named actor, outside marks."""
    actors = ctx.actors
    subjects = [
        t for t in span
        if t.dep_.startswith("nsubj") and t.i in actors.by_token
        and actors.entities[actors.by_token[t.i]].named and not ctx.in_quote(t)
    ]
    if not subjects:
        return None
    return subjects[-1] if last else subjects[0]


def antecedent(ctx: QuoteContext, pronoun: Token, q: QuoteRec) -> Token | None:
    """The noun phrase a subject pronoun most likely stands for: a plausible speaker of the
    same number (and gender), outside quotation marks, in this or the previous sentence;
    subjects first, then the nearest."""
    doc = ctx.doc
    text = pronoun.text.lower().lstrip("-").removeprefix("t-")
    plural = text.endswith("s") or text == "eux"
    gender = "Fem" if text.startswith("elle") else "Masc"
    quote_tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
    end = min(pronoun.i, quote_tokens.start if quote_tokens is not None else pronoun.i)
    sent = doc[end].sent if end < len(doc) else pronoun.sent
    begin = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = _agreeing_speakers(ctx, doc[begin:end], q, plural, gender)
    if not found and begin > 0:
        # one sentence further back, when the sentence before says nothing of a speaker
        found = _agreeing_speakers(ctx, doc[doc[begin - 1].sent.start : begin], q, plural, gender)
    if not found:
        return None
    subjects = [t for t in found if t.dep_.startswith("nsubj")]
    return (subjects or found)[-1]


def _agreeing_speakers(ctx: QuoteContext, window: Span, q: QuoteRec, plural: bool, gender: str) -> list[Token]:
    """Plausible speakers in `window` outside quotes, agreeing in number (and gender)."""
    found = []
    for t in window:
        if t.pos_ not in ("NOUN", "PROPN") or ctx.in_quote(t) or q.start <= t.idx < q.end:
            continue
        number = t.morph.get("Number")
        if ("Plur" in number) != plural:
            continue  # a name without number is singular
        genders = t.morph.get("Gender")
        if not plural and genders and gender not in genders:
            continue
        if t.pos_ == "NOUN" and not person_noun(t):
            continue
        found.append(t)
    return found
