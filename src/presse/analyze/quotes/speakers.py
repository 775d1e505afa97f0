"""Speakers: the one place that gives each quotation its speaker and the speaker's actor.

The finders leave evidence on a quotation (its cue, sometimes a speaker token: the object of
« selon », the name before a colon, the subject of an incise). :func:`resolve` turns that
evidence into the speaker by an ordered list of strategies (:data:`STRATEGIES`: the first that
names someone wins), checks the speaker is not one of the quoted words, falls back on what a
reader takes from the context, and resolves the mention to the article's canonical actor.
Before it, :func:`sign` and :func:`continue_voices` carry a speaker to quotes without a cue:
from the signature line below a block, from the previous quotation of the same voice.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from presse.analyze.actors import apposed_name
from presse.analyze.actors.roles import is_role_noun
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_label, cue_of
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.speaker_context import antecedent, reader_speaker, sentence_subject
from presse.analyze.quotes.tokens import (
    DE,
    PERSONAL_SUBJECTS,
    SELON,
    STRESSED_THIRD_PERSON,
    addressee,
    noun_phrase,
)
from presse.analyze.subjects import speaker_of
from presse.analyze.verb_groups import INVERTED_CLITIC_RE, comma_before_group
from presse.lexicons import speaker_nouns, speech_nouns

# a quotation block and the signature line below it, or two quotations of one voice, are at most
# this many line breaks apart (a blank line between paragraphs)
NEAR_LINES = 2


def sign(ctx: QuoteContext, quotes: list[QuoteRec]) -> None:
    """Give each unattributed quotation the signer of the dash line right after it."""
    for line_start, signer in ctx.signatures:
        before = [q for q in quotes if q.end <= line_start]
        if not before:
            continue
        q = max(before, key=lambda r: r.end)
        gap = ctx.text[q.end : line_start]
        if q.cue is None and q.speaker is None and gap.count("\n") <= NEAR_LINES:
            q.speaker = signer
            q.evidence += "; speaker from the signature line below it"
            q.confidence = max(q.confidence, 0.8)


def continue_voices(ctx: QuoteContext, quotes: list[QuoteRec]) -> None:
    """Quotes without a cue take the speaker of the previous quote nearby (same or previous
    paragraph): a reader reads them as the same voice going on — unless the journalist's
    sentence holding the marks names its subject (« L'imam, X, est « effaré » »)."""
    quotes.sort(key=lambda q: q.start)
    prev: QuoteRec | None = None
    for q in quotes:
        if q.cue is None and q.speaker is None and prev is not None and sentence_subject(ctx, q) is None:
            gap = ctx.text[prev.end : q.start]
            if gap.count("\n") <= NEAR_LINES and len(gap) < 600:
                q.cue, q.speaker, q.speaker_tokens, q.continues = prev.cue, prev.speaker, prev.speaker_tokens, prev
                q.evidence += "; speaker of the previous quotation"
                q.confidence = min(q.confidence, 0.6)
        if q.cue is not None or q.speaker is not None:
            prev = q


# -- the speaker the evidence names -------------------------------------------------------------


def _given(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """The speaker the finder read (the object of « selon », the name before a colon…)."""
    return q.speaker


def _incise_subject(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """An incise's subject follows its verb: « a-t-il dit », « estime le ministre »."""
    if q.cue is None or q.cue_tokens is None or not q.incise:
        return None
    lo, hi = q.cue_tokens
    clitic = next((t for t in ctx.doc[lo:hi] if INVERTED_CLITIC_RE.match(t.text)), None)
    inverted = next((c for c in q.cue.children if c.dep_ == "nsubj" and c.i >= hi and c.pos_ in ("NOUN", "PROPN")), None)
    return clitic or inverted or _after_cue(ctx, hi)


def _verb_subject(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """The subject (or passive agent) of the cue verb (presse.analyze.subjects)."""
    if q.cue is None or q.cue.lower_ in SELON:
        return None
    return speaker_of(q.cue, ctx.in_quote)


def _speech_noun_agent(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """A speech noun's agent is its « de » complement: « l'appel d'Éric Drouet à « … » » (also
    hung on a time word: « l'appel mercredi d'Éric Drouet »)."""
    if q.cue is None or q.cue.pos_ != "NOUN":
        return None
    return next((
        c for c in q.cue.subtree
        if c.dep_ == "nmod" and q.cue.i < c.i and c.idx < q.start and not ctx.in_quote(c)
        and ctx.actor_type(c) in ("PER", "ORG")  # not « une conférence de presse »
        and any(g.dep_ == "case" and g.lower_ in DE | {"du", "des"} for g in c.children)
    ), None)


STRATEGIES: tuple[Callable[[QuoteContext, QuoteRec], Token | None], ...] = (
    _given,
    _incise_subject,
    _verb_subject,
    _speech_noun_agent,
)


def _after_cue(ctx: QuoteContext, at: int) -> Token | None:
    """The inverted subject of an incise the parser missed: '…, a déclaré Bob Ferguson, …'."""
    doc = ctx.doc
    for t in doc[at : min(len(doc), at + 8)]:
        if t.text in (".", "«", "»", ";", "!", "?"):
            return None
        if addressee(t):
            continue  # "a indiqué au Monde le substitut": whom it was told to, not who told it
        if t.i in ctx.actors.by_token or t.pos_ == "PROPN" or INVERTED_CLITIC_RE.match(t.text):
            return t
        if t.pos_ == "NOUN" and (t.lemma_.lower() in speaker_nouns() or t.lower_ in speaker_nouns()):
            return t
    return None


def _one_of_the_words(ctx: QuoteContext, q: QuoteRec, tok: Token) -> bool:
    """True when `tok` is one of the quoted words (« nous … » names no speaker), unless it is the
    source a frame or an incise running over the words names: the object of a « selon » inside
    the span (« Le bilan, selon la préfecture, fait état … »), the subject of « La situation,
    estime X, est grave »."""
    if not q.start <= tok.idx < q.end:
        return False
    cue = q.cue
    in_phrase = cue is not None and cue.lower_ in SELON | {"d'", "d’", "pour"} and 0 < tok.i - cue.i <= 8
    if q.cue_tokens is not None and q.incise and q.cue_tokens[0] <= tok.i:
        in_phrase = in_phrase or not any(t.text in (",", ";", ":") for t in ctx.doc[q.cue_tokens[1] : tok.i])
    return not in_phrase


def _stated_speaker(ctx: QuoteContext, q: QuoteRec) -> Token | None:
    """The speaker the quotation's evidence names: the first strategy's answer, outside the
    quoted words."""
    tok = next((found for strategy in STRATEGIES if (found := strategy(ctx, q)) is not None), None)
    if tok is not None and tok.lower_ == "-t" and tok.i + 1 < len(ctx.doc):
        tok = ctx.doc[tok.i + 1]  # « a-t-il »: the clitic after the euphonic t
    if tok is not None and _one_of_the_words(ctx, q, tok):
        # « Chacun … » a déclaré le ministre, X: the subject the parse took from the words is
        # theirs; the speaker is the one after the cue
        after_quote = q.cue is not None and q.cue.idx >= q.end and q.cue_tokens is not None
        tok = _after_cue(ctx, q.cue_tokens[1]) if after_quote and q.cue_tokens is not None else None
    return tok


# -- from the speaker's mention to its actor ----------------------------------------------------


def _pronoun(tok: Token) -> bool:
    return tok.lower_ in PERSONAL_SUBJECTS | STRESSED_THIRD_PERSON or bool(INVERTED_CLITIC_RE.match(tok.text))


def _mention_head(ctx: QuoteContext, q: QuoteRec, tok: Token) -> tuple[Token, int | None]:
    """The head of the actor mention holding `tok` (« une » → its noun), after a pronoun the
    actor layer left open (« ont-ils écrit », « selon eux ») is taken to its antecedent."""
    actors = ctx.actors
    idx = actors.by_token.get(tok.i)
    if idx is None and _pronoun(tok):
        found = antecedent(ctx, tok, q)
        if found is not None:
            tok, idx = found, actors.by_token.get(found.i)
    if idx is not None:
        mention = next((m for m in actors.entities[idx].mentions if m.start <= tok.i < m.end), None)
        if mention is not None:
            tok = ctx.doc[mention.start : mention.end].root
    return tok, idx


def _named_in_phrase(ctx: QuoteContext, q: QuoteRec, tok: Token, idx: int | None) -> tuple[Token, int | None]:
    """For an unnamed speaker, the actor its noun phrase names: « la ministre de l'Éducation
    Najat Vallaud-Belkacem », « le représentant de l'OMS, Mohammed Belhocine » (the person in
    apposition), « la chaîne américaine NBC » (the name is the source); else (tok, idx)."""
    doc, actors = ctx.doc, ctx.actors
    if idx is not None and actors.entities[idx].named:
        return tok, idx
    clauses = {t.i for c in tok.children if c.dep_ in ("acl:relcl", "acl") for t in c.subtree}
    phrase = [
        t for t in tok.subtree
        if t.i not in clauses and abs(t.i - tok.i) <= 15 and not q.start <= t.idx < q.end
    ]
    # "le porte-parole de Barrow, Halifa Sannah": the apposition names the speaker, the
    # complement names someone else
    phrase.sort(key=lambda t: (0 if t.head == tok and (t.dep_ in ("appos", "flat:name") or comma_before_group(t)) else 1, t.i))
    people = [actors.by_token[t.i] for t in phrase if t.i in actors.by_token and actors.entities[actors.by_token[t.i]].named]
    others = [actors.by_token[t.i] for t in phrase if t.i in actors.by_token and abs(t.i - tok.i) <= 3]
    lo, hi = noun_phrase(tok)
    name_at = apposed_name(doc, actors.entities, actors.by_token, lo, hi)
    appositive = doc[name_at] if name_at is not None else None
    named_by = next((
        c for c in tok.children
        if c.dep_ in ("nmod", "appos", "flat:name") and c.i in actors.by_token
        and not actors.entities[actors.by_token[c.i]].collective
        and (not any(g.dep_ == "case" for g in c.children) or tok.lemma_.lower() in speech_nouns())
        # a role noun is named by the person(s) in apposition, not by an organisation
        and (not is_role_noun(tok) or actors.entities[actors.by_token[c.i]].type == "PER"
             or bool(actors.entities[actors.by_token[c.i]].members))
    ), None)
    if appositive is None and not people and named_by is not None:
        appositive = named_by
    if appositive is not None:
        return appositive, actors.by_token[appositive.i]
    if people:
        return next(t for t in phrase if actors.by_token.get(t.i) == people[0]), people[0]
    if idx is None and others and not is_role_noun(tok):
        return tok, others[0]  # « le rapport de la CIA »; « le porte-parole du ministère » is not it
    return tok, idx


def resolve(ctx: QuoteContext, q: QuoteRec) -> None:
    """Fill the quotation's cue label, speaker mention and actor from its evidence."""
    doc, actors = ctx.doc, ctx.actors
    q.doc = doc
    if q.cue is not None:
        _label, q.cue_tokens = cue_label(q.cue)
        entry = cue_of(q.cue)
        q.cue_lemma = entry.lemma if entry else q.cue.lemma_.lower()
    source = q.continues
    if source is not None and source.speaker is not None:
        # the same voice going on: the speaker its quotation was given (resolved before it)
        q.speaker, q.speaker_tokens = source.speaker, source.speaker_tokens
        q.speaker_name, q.speaker_entity, q.entity = source.speaker_name, source.speaker_entity, source.entity
        return
    tok = _stated_speaker(ctx, q)
    if tok is None:
        tok = reader_speaker(ctx, q)
        if tok is None:
            q.speaker = None
            q.confidence = min(q.confidence, 0.4)
            return  # the text does not say who speaks: the speaker stays unknown
        q.evidence += "; speaker from context (most salient person)"
        q.confidence = min(q.confidence, 0.5)
    tok, idx = _mention_head(ctx, q, tok)
    q.speaker = tok
    tok, idx = _named_in_phrase(ctx, q, tok, idx)
    if idx is not None:
        ent = actors.entities[idx]
        mention = next((m for m in ent.mentions if m.start <= tok.i < m.end), None)
        if mention is None:
            mention = next((m for m in ent.mentions if abs(m.start - tok.i) <= 3), None)
        q.speaker_entity = idx
        q.speaker_name = ent.name
        q.entity = ent
        q.speaker_tokens = (mention.start, mention.end) if mention else (tok.i, tok.i + 1)
        return
    lo, hi = noun_phrase(tok)
    q.speaker_tokens = (lo, hi)
    q.speaker_name = doc[lo:hi].text
    if tok.lower_ in PERSONAL_SUBJECTS or INVERTED_CLITIC_RE.match(tok.text):
        q.confidence = min(q.confidence, 0.5)
