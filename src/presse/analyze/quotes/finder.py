"""The quotation finder: runs the construction families over a Doc, in order, and resolves speakers.

1. quote marks are paired (presse.analyze.quotemarks);
2. reported clauses are found from their cues: frames (« selon X », « à en croire X », « pour X »,
   « comme l'a dit X »), que-clauses and infinitives, noun-phrase content, attributes (« s'est
   dite satisfaite », « jugée insuffisante par X »), an addressee told to act (« a appelé Y à
   … »), incises;
3. dash lines are read as dialogue or as signatures;
4. each marked span is read (marked quotes, cut by incises);
5. reported clauses holding marks become mixed quotations;
6. speakers are given (signatures, voices going on) and resolved to actors; a subject pronoun
   its actor cannot stand for takes the last voice it agrees with (the speaker chain).
"""

from __future__ import annotations

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.attributes import attribute_report
from presse.analyze.quotes.clauses import content_clause, spoken_purpose
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.control import object_control
from presse.analyze.quotes.cues import cue_of, verb_tagged_noun
from presse.analyze.quotes.dialogue import dialogue
from presse.analyze.quotes.frames import comme, is_source_frame, pour, selon
from presse.analyze.quotes.incises import bare_incise, final_incise, split_incises
from presse.analyze.quotes.marked import marked_quote
from presse.analyze.quotes.mixed import mixed_or_indirect, outside_quotations
from presse.analyze.quotes.np_content import done_infinitive, infinitive, noun_phrase_quote
from presse.analyze.quotes.records import QuoteRec, Quotes, doc_text
from presse.analyze.quotes.speaker_chain import chain_speakers
from presse.analyze.quotes.speakers import continue_voices, resolve, sign
from presse.analyze.quotes.speech_predicates import predicate_quote
from presse.analyze.verb_groups import finite_or_aux


class QuoteFinder:
    """Finds the quotations of a parsed Doc whose actors are resolved. Keeps no state between
    calls: each Doc gets its own :class:`~presse.analyze.quotes.context.QuoteContext`."""

    def __call__(self, doc: Doc, actors: Actors) -> Quotes:
        result = Quotes()
        text = doc_text(doc)
        marks = find_quote_marks(text)
        ctx = QuoteContext(
            doc, actors, text,
            quoted=[(m.open_at, m.close_at + 1 if m.close_at is not None else m.end) for m in marks.spans],
        )
        result.warnings.extend(marks.warnings)
        reported = reported_clauses(ctx)
        lines = dialogue(ctx, marks.spans)
        indirect = outside_quotations(reported, marks.spans, lines)
        direct: list[QuoteRec] = []
        for span in marks.spans:
            if span.end <= span.start:
                continue  # an unpaired mark with nothing after it on its line ("dit « \n")
            pieces, incise = split_incises(doc, span)
            if incise is not None:
                direct.extend(
                    QuoteRec(p.start, p.end, "direct", "direct: quotation cut by an incise", 0.9, cue=incise, incise=True)
                    for p in pieces
                )
                continue
            rec = marked_quote(ctx, span, indirect)
            if rec is not None:
                direct.append(rec)
        direct.extend(lines)
        sign(ctx, direct)
        continue_voices(ctx, direct)
        quotes = sorted(direct + mixed_or_indirect(doc, indirect, direct), key=lambda q: (q.start, -q.end))
        for q in quotes:
            resolve(ctx, q)
        chain_speakers(ctx, quotes)
        result.quotes = quotes
        return result


def reported_clauses(ctx: QuoteContext) -> list[QuoteRec]:
    """The indirect quotations of the Doc, one per clause, in text order: frames at their
    preposition, content clauses and noun phrases at their cue verb, incises."""
    doc = ctx.doc
    found: list[QuoteRec] = []
    for tok in doc:
        low = tok.lower_
        if is_source_frame(tok):
            rec = selon(ctx, tok)
            if rec is not None and ctx.plausible_speaker(rec.speaker):
                found.append(rec)
            continue
        if low == "pour":
            rec = pour(ctx, tok)
            if rec is not None:
                found.append(rec)
            continue
        if low == "comme":
            rec = comme(ctx, tok)
            if rec is not None and ctx.plausible_speaker(rec.speaker):
                found.append(rec)
            continue
        if tok.pos_ not in ("VERB", "AUX") and not verb_tagged_noun(tok):
            continue
        said = predicate_quote(ctx, tok)  # « a fait part de son indignation », « a présenté ses condoléances »
        if said is not None and ctx.plausible_speaker(said.speaker):
            found.append(said)
        cue = cue_of(tok)
        if cue is None:
            continue
        if infinitive(tok) and not done_infinitive(tok) and (tok.head == tok or cue_of(tok.head) is None) and not spoken_purpose(tok):
            continue  # "au point de laisser penser que": nobody is reported as saying it
        rec = content_clause(ctx, tok, cue)
        content = noun_phrase_quote(ctx, tok, cue)
        if content is not None and ctx.plausible_speaker(content.speaker) and (
            rec is None or rec.end <= content.start or content.end <= rec.start
        ):
            # "ont nié ces accusations et prétendent que …": the object is what this verb
            # reports, the que-clause belongs to the next one
            found.append(content)
        if rec is None and content is None:
            rec = attribute_report(ctx, tok) or object_control(ctx, tok)
        if rec is None and "incise" in cue.frames and finite_or_aux(tok):
            rec = bare_incise(ctx, tok)
        if rec is not None and ctx.plausible_speaker(rec.speaker):
            found.append(rec)
    for sent in doc.sents:
        rec = final_incise(ctx, sent)
        if rec is not None and not any(q.cue is not None and q.cue.i == rec.cue.i for q in found):
            found.append(rec)
    # one reading per clause: "laissent penser que …" is read from "laisser penser" and from
    # "penser"; the one with a speaker, then the first cue, stays
    by_span: dict[tuple[int, int], QuoteRec] = {}
    for rec in sorted(found, key=lambda q: (q.speaker is None, q.cue.i if q.cue is not None else len(doc))):
        by_span.setdefault((rec.start, rec.end), rec)
    return sorted(by_span.values(), key=lambda q: (q.start, -q.end))
