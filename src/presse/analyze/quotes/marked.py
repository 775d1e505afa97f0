"""Marked quotes: whether the words between a pair of quote marks are someone's, and whose cue.

:func:`marked_quote` reads one marked span through an ordered list of rules (:data:`RULES`).
Each rule looks at the facts of the span (:class:`Marked`) and either gives the quotation, says
the marks hold no one's words (a name, a term, a charge), or passes to the next rule. The order
is the evidence order: an incise or a colon frames the marks most surely, then the verb the
marks depend on, then the reported clause holding them, then the words alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from spacy.tokens import Span, Token

from presse.analyze.quotemarks import MarkedSpan
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_of
from presse.analyze.quotes.incises import incise_after, sentence_incise
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.terms import (
    names_charge,
    naming_context,
    noun_has_speaker,
    parenthesized,
    passive_without_agent,
    sentence_wording,
    shouted,
)
from presse.analyze.quotes.tokens import is_word, opens_clause
from presse.analyze.subjects import speaker_of
from presse.lexicons import speech_nouns

# a rule's verdict: the quotation, False (the marks hold no one's words), None (the rule says nothing)
Verdict = QuoteRec | Literal[False] | None


@dataclass
class Marked:
    """The facts one marked span offers the rules, each computed when a rule first asks."""

    ctx: QuoteContext
    span: MarkedSpan
    tokens: Span
    indirect: list[QuoteRec]  # the reported clauses of the Doc, found before the marks are read

    @cached_property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if is_word(t)]

    @cached_property
    def has_verb(self) -> bool:
        return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in self.tokens)

    @cached_property
    def naming(self) -> bool:
        """The marks stand where a name or a term stands (and no verb of shouting frames them)."""
        return naming_context(self.ctx.doc, self.span, self.tokens) and not shouted(self.ctx.doc, self.span)

    @cached_property
    def utterance_slot(self) -> bool:
        """Marks standing where a clause stands (the sentence starts with them, or a colon opens
        them) hold an utterance when a speaker's cue frames them, however short: « Non », a dit
        X; X a répondu : « Jamais ». A name or a term fills a noun's place inside a sentence."""
        return opens_clause(self.ctx.text, self.span.open_at)

    @cached_property
    def container(self) -> QuoteRec | None:
        """The reported clause holding the marks, or where they open (« … runs on past it)."""
        span = self.span
        return next((q for q in self.indirect if q.start <= span.open_at and span.end <= q.end), None) or next(
            (q for q in self.indirect if q.start <= span.open_at < q.end), None
        )

    @cached_property
    def cue(self) -> Token | None:
        """The reporting verb or speech noun the marks depend on; inside a reported clause, only
        one within that clause (a parse slip may hang the marks elsewhere)."""
        cue_tok = governing_cue(self.tokens)
        container = self.container
        if cue_tok is not None and container is not None and not container.start <= cue_tok.idx < container.end:
            return None
        return cue_tok

    @cached_property
    def subject(self) -> Token | None:
        """The speaker of the cue of verbless marks outside a reported clause."""
        if self.cue is None or self.has_verb or self.container is not None:
            return None
        return speaker_of(self.cue, self.ctx.in_quote)

    def quote(
        self, evidence: str, confidence: float, cue: Token | None = None, speaker: Token | None = None,
        speaker_tokens: tuple[int, int] | None = None, incise: bool = False,
    ) -> QuoteRec:
        """A direct quotation of the marked words, less sure when the marks are left open."""
        penalty = 0.0 if self.span.closed else 0.2
        return QuoteRec(
            self.span.start, self.span.end, "direct", evidence, confidence - penalty,
            cue=cue, speaker=speaker, speaker_tokens=speaker_tokens, incise=incise,
        )


def _gloss(m: Marked) -> Verdict:
    """« (« Le travail rend libre ») »: a gloss, a translation, an exam question."""
    return False if parenthesized(m.ctx.doc, m.span) else None


def _charge(m: Marked) -> Verdict:
    """« une enquête pour « homicide volontaire » », « condamné à « trois mois … » »: an offence's
    legal name or a court's wording (remembered, so that a list of charges reads as one)."""
    if m.has_verb or not ((len(m.words) <= 8 and names_charge(m.ctx, m.span)) or sentence_wording(m.ctx.doc, m.span)):
        return None
    m.ctx.charge_end = m.span.close_at + 1 if m.span.close_at is not None else m.span.end
    return False


def _incise_after_marks(m: Marked) -> Verdict:
    """« … », a-t-il déclaré."""
    if m.naming and not m.utterance_slot:
        return None
    incise = incise_after(m.ctx.doc, m.span)
    return m.quote("direct: incise after the quote", 0.95, cue=incise, incise=True) if incise is not None else None


def _incise_closing_sentence(m: Marked) -> Verdict:
    """« A », bien que cela ne « B », estime X."""
    incise = None if m.naming else sentence_incise(m.ctx.doc, m.span)
    return m.quote("direct: incise closing its sentence", 0.85, cue=incise, incise=True) if incise is not None else None


def _colon(m: Marked) -> Verdict:
    """X a déclaré : « … »; X : « … »."""
    colon = colon_before(m.ctx, m.span)
    if colon is None or (m.naming and colon[0] is None):
        return None
    cue_tok, speaker_tok = colon
    if cue_tok is not None:
        return m.quote("direct: reporting verb and colon", 0.9, cue=cue_tok)
    if speaker_tok is not None:
        return m.quote("direct: 'Speaker : « … »'", 0.85, speaker=speaker_tok)
    return None


def _charge_by_passive(m: Marked) -> Verdict:
    """« ils sont accusés de « rébellion » »: the name of a charge, nobody's words."""
    if m.cue is not None and passive_without_agent(m.cue) and not m.has_verb and len(m.words) <= 6:
        return False
    return None


def _unspoken_noun(m: Marked) -> Verdict:
    """« lors d'une manifestation contre la « haine anti-flics » »: a speech noun nobody utters."""
    cue_tok = m.cue
    if (
        cue_tok is not None and cue_tok.pos_ == "NOUN" and not m.has_verb and len(m.words) <= 6
        and m.container is None and not noun_has_speaker(m.ctx, cue_tok)
    ):
        return False
    return None


def _describes_speaker(m: Marked) -> Verdict:
    """« X, membre des « gilets jaunes libres », affirme … »: a noun describing the speaker."""
    subject, cue_tok, tokens, doc = m.subject, m.cue, m.tokens, m.ctx.doc
    if (
        subject is not None and cue_tok is not None and subject.i < tokens.start < tokens.end < cue_tok.i
        and tokens.root.dep_ == "nmod"
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[tokens.end : cue_tok.i])
    ):
        return False
    return None


def _term(m: Marked) -> Verdict:
    """« le bloc qualifié de « réformiste » »: a term, no one speaks."""
    if len(m.words) <= 5 and m.subject is not None and not m.ctx.plausible_speaker(m.subject):
        return False
    return None


def _governed(m: Marked) -> Verdict:
    """« il a dénoncé un « scandale » »: the marks depend on a reporting verb or speech noun."""
    if m.cue is not None and not (m.naming and len(m.words) <= 4):
        return m.quote("direct: quote governed by a reporting verb", 0.9, cue=m.cue)
    return None


def _in_reported_clause(m: Marked) -> Verdict:
    """« X a dit qu'il était « très inquiet » »: the clause's cue and speaker hold."""
    container = m.container
    if container is None or m.naming:
        return None
    return m.quote(
        "direct: inside a reported clause", 0.85,
        cue=container.cue, speaker=container.speaker, speaker_tokens=container.speaker_tokens,
    )


def _name_or_term(m: Marked) -> Verdict:
    """Marks where a name or a term stands, with no cue: nobody's words."""
    return False if m.naming else None


def _quoted_sentence(m: Marked) -> Verdict:
    """A sentence of five words or more in marks: someone's, the speaker read from the context."""
    text = m.tokens.text
    sentence_like = bool(m.words) and (text[-1:] in ".!?…" or (m.has_verb and len(m.words) >= 4))
    if sentence_like and len(m.words) >= 5:
        return m.quote("direct: quoted sentence, speaker from context", 0.6)
    return None


def _adapted_words(m: Marked) -> Verdict:
    """« audition[né] par les CRS », « [...] a été maîtrisé »: words adapted by the journalist
    with editorial brackets are someone's words, even with no cue."""
    if re.search(r"\[[^\]]*\]", m.tokens.text):
        return m.quote("direct: adapted words in brackets, speaker from context", 0.6)
    return None


RULES: tuple[Callable[[Marked], Verdict], ...] = (
    _gloss,
    _charge,
    _incise_after_marks,
    _incise_closing_sentence,
    _colon,
    _charge_by_passive,
    _unspoken_noun,
    _describes_speaker,
    _term,
    _governed,
    _in_reported_clause,
    _name_or_term,
    _quoted_sentence,
    _adapted_words,
)


def marked_quote(ctx: QuoteContext, span: MarkedSpan, indirect: list[QuoteRec]) -> QuoteRec | None:
    """A quotation for a marked span, or None when the marks hold a name, a term or a title: the
    verdict of the first rule of :data:`RULES` that gives one."""
    tokens = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    facts = Marked(ctx, span, tokens, indirect)
    for rule in RULES:
        verdict = rule(facts)
        if verdict is not None:
            return verdict or None
    return None


def colon_before(ctx: QuoteContext, span: MarkedSpan) -> tuple[Token | None, Token | None] | None:
    """(cue verb, speaker) when a colon introduces the quote: 'X a déclaré : « … »'."""
    text = ctx.text
    i = span.open_at - 1
    while i >= 0 and text[i] in " \u00a0\u202f\t":
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    colon = ctx.doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    before = [t for t in sent if t.i < colon[0].i]
    if not before:
        return None
    verbs = [t for t in before if t.pos_ == "VERB" and cue_of(t) is not None]
    if verbs:
        return verbs[-1], None
    verbs = [t for t in before if t.pos_ == "VERB"]
    if not verbs:
        nouns = [t for t in before if t.pos_ in ("PROPN", "NOUN")]
        return (None, nouns[-1]) if nouns else None
    return None


def governing_cue(tokens: Span) -> Token | None:
    """The reporting verb (or speech noun) a partial quote depends on, climbing the tree."""
    heads = [t.head for t in tokens if (t.head.i < tokens.start or t.head.i >= tokens.end)]
    heads += [t for t in tokens if t.head == t]
    seen: set[int] = set()
    for head in heads:
        tok = head
        for _ in range(4):
            if tok.i in seen:
                break
            seen.add(tok.i)
            if tokens.start <= tok.i < tokens.end:
                if tok.head == tok:
                    break
                tok = tok.head
                continue
            if tok.pos_ in ("VERB", "AUX") and cue_of(tok) is not None:
                return tok
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in speech_nouns():
                return tok
            if tok.head == tok:
                break
            tok = tok.head
    return None
