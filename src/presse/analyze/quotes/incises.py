"""Incises: a reporting verb with its subject after it, set in or after the words it reports.

« A, a-t-il dit, B » cuts a quotation in two (:func:`split_incises`); « … », a déclaré X
follows it (:func:`incise_after`), or closes its sentence after more words
(:func:`sentence_incise`); outside marks, « La situation, a-t-il ajouté, est grave » and
« … était correcte précise la compagnie » report the rest of the sentence
(:func:`bare_incise`, :func:`final_incise`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from presse.analyze.quotemarks import MarkedSpan
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_label, cue_of, is_incise_verb, unsaid
from presse.analyze.quotes.records import QuoteRec, doc_text
from presse.analyze.quotes.tokens import (
    MONTHS_AND_DAYS,
    OBJECT_CLITICS,
    QUE,
    REFLEXIVES,
    RELATIVE_OPENERS,
    RELATIVES,
    is_word,
)
from presse.analyze.subjects import has_inverted_subject
from presse.analyze.verb_groups import (
    INVERTED_CLITIC_RE,
    PREVERBAL_CLITICS,
    comma_before_group,
    group_start,
    participle_after,
    verb_by_position,
)
from presse.lexicons import reporting_verbs

# a comma-led segment inside quote marks that may be an incise: up to the next comma, or to the end
# of its sentence when the quotation goes on after it (« A, a déclaré le maire. B »), not at the
# point of an initial (« M. Dupont »)
INCISE_SEGMENT_RE = re.compile(r",\s*([^,«»\n]{2,60}?)(?=,|(?<![\s.][A-ZÉ])[.!?…]\s+\S)")
BARE_INCISE = "indirect: incise"


def split_incises(doc: Doc, span: MarkedSpan) -> tuple[list[MarkedSpan], Token | None]:
    """A quotation cut by an incise (« A, a-t-il dit, B ») is two quotations: the pieces and
    the incise verb, or ``([span], None)`` when there is no incise."""
    text = doc_text(doc)
    pieces = []
    incise: Token | None = None
    start = span.start
    inner = text[span.start : span.end]
    for m in INCISE_SEGMENT_RE.finditer(inner):
        a = span.start + m.start()
        b = span.start + m.end() + 1
        segment = doc.char_span(span.start + m.start(1), span.start + m.end(1), alignment_mode="expand")
        verb = next((t for t in segment or () if is_incise_verb(t)), None)
        if verb is None:
            continue
        incise = incise or verb
        if a > start:
            pieces.append(MarkedSpan(start, a, span.open_at, span.close_at, span.mark, span.closed))
        start = b
        while start < span.end and (text[start].isspace() or text[start] in "«»"):
            start += 1  # and the mark reopening the quotation's next paragraph
    if incise is None:
        return [span], None
    pieces.append(MarkedSpan(start, span.end, span.open_at, span.close_at, span.mark, span.closed))
    return [p for p in pieces if p.end > p.start], incise


def incise_after(doc: Doc, span: MarkedSpan) -> Token | None:
    """The verb of an incise right after the closing mark: « … », a-t-il déclaré / dit X."""
    if span.close_at is None:
        return None
    after = doc.char_span(span.close_at + 1, min(len(doc_text(doc)), span.close_at + 60), alignment_mode="contract")
    if after is None:
        return None
    toks = [t for t in after if not t.is_space]
    if not toks or toks[0].text not in (",", "-", "–", "—"):
        # « … » dit-il. (no comma) is rarer but exists
        if not toks or not (toks[0].pos_ in ("VERB", "AUX") and len(toks) > 1):
            return None
    else:
        toks = toks[1:]
    # the clitics of the verb group (« s'est agacé », « lui a répondu ») come before the verb
    reflexive = False
    while len(toks) > 1 and toks[0].lower_ in PREVERBAL_CLITICS and toks[0].pos_ in ("PRON", "ADV"):
        reflexive = reflexive or toks[0].lower_ in REFLEXIVES
        toks = toks[1:]
    if (
        (reflexive or verb_by_position(toks[0])) and toks[0].pos_ not in ("VERB", "AUX")
        and is_incise_verb(toks[0], finite=True)
    ):
        return toks[0]  # « s'indigne X », « claironne-t-il » with the verb tagged as a noun or a name
    for t in toks[:3]:
        if t.text in (".", "«", ";") or t.pos_ in ("CCONJ", "SCONJ", "DET", "NOUN", "PROPN", "PRON"):
            return None
        if t.lower_ in ("selon", "d'après"):
            return t
        if t.pos_ in ("VERB", "AUX"):
            verb = t if t.pos_ == "VERB" else next((h for h in toks if h.pos_ == "VERB" and h.i > t.i), t)
            if t.lemma_ in ("avoir", "être") and not is_incise_verb(verb):
                # "a-t-elle ainsi concédé": the auxiliary (tagged as a verb), the clitic and
                # adverbs before the participle
                verb = participle_after(t) or verb
            if is_incise_verb(verb):
                return verb
            return None
    return None


def sentence_incise(doc: Doc, span: MarkedSpan) -> Token | None:
    """The incise closing the sentence of a quotation, after more of its words: "« A », bien
    que cela ne « B », estime pour sa part Neil Hyatt." — the last comma-led reporting verb
    with its subject after it, past every quote mark of the sentence."""
    if span.close_at is None:
        return None
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    sent = tokens[-1].sent
    after = [t for t in sent if t.idx > span.close_at]
    last_mark = max((t.i for t in after if t.text in ("«", "»", "“", "”", '"')), default=None)
    for t in after:
        if last_mark is not None and t.i <= last_mark:
            continue
        if t.pos_ in ("VERB", "AUX") and comma_before_group(t):
            verb = t if t.pos_ == "VERB" else next((h for h in after if h.pos_ == "VERB" and h.i > t.i), t)
            if is_incise_verb(verb):
                return verb
    return None


def bare_incise(ctx: QuoteContext, verb: Token) -> QuoteRec | None:
    """'La situation, a-t-il ajouté, est grave.' — reported speech cut by an incise."""
    doc = ctx.doc
    if not has_inverted_subject(verb) or verb.i == 0:
        return None
    lo = group_start(verb)
    prev = doc[lo - 1] if lo > 0 else None
    if prev is None or prev.text not in (",", "»", "”", '"'):
        return None
    # after a closing mark the words may all be quoted (one direct quotation: the clause is
    # dropped by the finder) or only in part (« X irait « bien », déclare Y »: a mixed one)
    sent = verb.sent
    # the incise runs from its comma to the next comma, or to the end of the sentence
    _, hi = cue_label(verb)[1]
    if hi < sent.end and doc[hi].text in ("«", "“"):
        return None  # "X, chef de …, a salué « … »": the verb governs the quotation after it
    tail_end = next((t.i for t in doc[hi : sent.end] if t.text in (",", ";", ":")), sent.end)
    if any(t.lower_ in QUE and t.dep_ == "mark" for t in doc[hi:tail_end]):
        return None  # "X, ministre …, a précisé pendant une conférence que …": a content clause follows
    if tail_end + 1 < sent.end and doc[tail_end + 1].lower_ in RELATIVE_OPENERS:
        tail_end = sent.end  # ", qui affirme …" describes the speaker: not part of the words
    incise_tokens = set(range(lo - 1 if prev.text == "," else lo, tail_end + 1))
    rest = doc[tail_end:sent.end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        # ", déclare X, médecin à Barcelone.": an apposition to the speaker, not the words
        incise_tokens.update(range(tail_end, sent.end))
    # "X a annoncé que … : « … », a-t-il déclaré": the incise reports what follows the colon
    colon = max((t.i for t in sent if t.text == ":" and t.i < lo), default=sent.start - 1)
    body = [t for t in sent if t.i > colon and t.i not in incise_tokens and not t.is_space]
    while body and body[-1].is_punct and body[-1].text not in ("»", ")"):
        body.pop()
    while body and body[0].is_punct and body[0].text not in ("«",):
        body.pop(0)
    if len([t for t in body if is_word(t)]) < 4:
        return None
    after_mark = any(t.text in ("»", "”", '"') for t in doc[max(0, lo - 3) : lo])
    if after_mark and (body[0].text in ("«", "“", '"') or ctx.in_quote(body[0]) or any(t.pos_ in ("VERB", "AUX") for t in rest)):
        return None  # after a closing mark, only words of the journalist's own before the marks make a mixed quotation
    speaker = next((t for t in doc[lo:hi] if INVERTED_CLITIC_RE.match(t.text)), None)
    if speaker is None:
        speaker = next((t for t in doc[hi:tail_end] if t.pos_ in ("PROPN", "NOUN") and not t.like_num and t.lower_ not in MONTHS_AND_DAYS), None)
    return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", BARE_INCISE, 0.75, cue=verb, speaker=speaker, incise=True)


def final_incise(ctx: QuoteContext, sent: Span) -> QuoteRec | None:
    """An incise closing a sentence with no comma before it: '… était correcte précise la
    compagnie.', '… aurait été écartée a fait savoir la police.' The words before it must
    be a clause of their own, and only the noun phrase after the verb may be a speaker."""
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    k = len(toks)
    while k > 0 and len(toks) - k < 10 and (
        toks[k - 1].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM") or toks[k - 1].text in ("(", ")")
    ):
        k -= 1  # "… a révélé le Comité international paralympique (IPC)."
    while k < len(toks) and toks[k].text in ("(", ")"):
        k += 1
    noun_phrase = toks[k:]
    head = next((t for t in noun_phrase if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or noun_phrase[0].pos_ == "ADP" or not ctx.plausible_speaker(head):
        return None
    j = k - 1
    if j < 1:
        return None
    particle = None
    if "Inf" in toks[j].morph.get("VerbForm") and toks[j - 1].pos_ in ("VERB", "AUX"):
        particle, j = toks[j], j - 1
    verb = toks[j]
    if verb.pos_ not in ("VERB", "AUX") or unsaid(verb):
        return None
    entry = reporting_verbs().get(f"{verb.lemma_.lower()} {particle.lemma_.lower()}") if particle is not None else cue_of(verb)
    if entry is None or not ({"incise", "que"} & entry.frames):
        return None
    first_of_group = j
    while first_of_group > 0 and toks[first_of_group - 1].pos_ == "AUX":
        first_of_group -= 1
    if not ("Fin" in verb.morph.get("VerbForm") or first_of_group < j):
        return None
    left = toks[:first_of_group]
    clitics = next((n for n in range(len(left), 0, -1) if left[n - 1].lower_ not in OBJECT_CLITICS), 0)
    if clitics and left[clitics - 1].lower_ in RELATIVES:
        return None  # "… où se trouvaient 900 élèves": a relative clause with its subject after the verb
    if len([t for t in left if is_word(t)]) < 4 or left[-1].is_punct or left[-1].lower_ in QUE | {"qui", "et", "ou", "mais"}:
        return None
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in left):
        return None
    # "… mais le ministre précise la loi": a speaker right before the verb is its subject
    before = left[-1]
    if before.pos_ in ("NOUN", "PROPN") and ctx.plausible_speaker(before):
        return None
    if before.pos_ == "ADJ" and before.head.pos_ in ("NOUN", "PROPN") and ctx.plausible_speaker(before.head):
        return None
    if any(ctx.in_quote(t) for t in (verb, head)):
        return None
    return QuoteRec(
        left[0].idx, left[-1].idx + len(left[-1]), "indirect", "indirect: incise closing the sentence, no comma",
        0.6, cue=verb, speaker=head, incise=True,
    )
