"""Mixed quotations: a reported content that holds quote marks.

« X a dit qu'il était « très inquiet » » is one indirect report whose quoted stretch is also a
direct quotation: the clause is kept as ``mixed`` and the stretch as ``direct``
(docs/annotation-guidelines.md §4). A content with no word of the journalist's outside the
marks (« a déclaré que « … » ») is one direct quotation, and an incise inside marks or in a
dialogue line belongs to the quotation it cuts.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presse.analyze.quotemarks import MarkedSpan
from presse.analyze.quotes.incises import BARE_INCISE
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import is_word

# parts of speech that link quoted stretches without saying anything
LINKS = frozenset({"ADP", "CCONJ"})


def outside_quotations(indirect: list[QuoteRec], marked: list[MarkedSpan], dialogue: list[QuoteRec]) -> list[QuoteRec]:
    """The reported clauses less the incises inside quote marks or a dialogue line: those cut
    the quotation they stand in, which holds the words."""
    return [
        rec for rec in indirect
        if not (rec.evidence == BARE_INCISE and rec.cue is not None and any(
            m.open_at < rec.cue.idx < (m.close_at or m.end) for m in marked
        ))
        and not (rec.evidence == BARE_INCISE and any(d.start <= rec.end and rec.start <= d.end for d in dialogue))
    ]


def mixed_or_indirect(doc: Doc, indirect: list[QuoteRec], direct: list[QuoteRec]) -> list[QuoteRec]:
    """The reported contents to keep beside the direct quotations of `doc`: a content overlapping
    a direct quotation becomes ``mixed`` when it holds a word outside the quotations (« la
    « situation est désamorcée » », « il « n'avait pas les épaules » »), and is dropped when all
    its words are quoted (the direct quotation is the report)."""
    kept = []
    for rec in indirect:
        overlapping = [d for d in direct if d.start < rec.end and rec.start < d.end]
        if overlapping:
            if not own_words(doc, rec, overlapping):
                continue
            rec.kind = "mixed"
        kept.append(rec)
    return kept


def own_words(doc: Doc, rec: QuoteRec, quoted: list[QuoteRec]) -> bool:
    """True when the content `rec` holds a word outside the quotations `quoted`: the
    journalist's words around someone's. A preposition or a conjunction only links quoted
    stretches (« à « … » », « « … » et « … » ») and says nothing of its own."""
    span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
    return span is not None and any(
        is_word(t) and t.pos_ not in LINKS and not any(q.start <= t.idx < q.end for q in quoted) for t in span
    )
