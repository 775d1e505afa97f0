"""Mixed quotations: a reported clause that holds quote marks.

« X a dit qu'il était « très inquiet » » is one indirect report whose quoted stretch is also a
direct quotation: the clause is kept as ``mixed`` and the stretch as ``direct``. A clause almost
wholly in marks is one direct quotation, and an incise inside marks or in a dialogue line
belongs to the quotation it cuts.
"""

from __future__ import annotations

from presse.analyze.quotemarks import MarkedSpan
from presse.analyze.quotes.incises import BARE_INCISE
from presse.analyze.quotes.records import QuoteRec

# share of a reported clause in quote marks from which it is one direct quotation
WHOLLY_QUOTED = 0.8


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


def mixed_or_indirect(indirect: list[QuoteRec], direct: list[QuoteRec]) -> list[QuoteRec]:
    """The reported clauses to keep beside the direct quotations: a clause overlapping a direct
    quotation becomes ``mixed``, one that is almost all in marks is dropped (the direct
    quotation is the report)."""
    kept = []
    for rec in indirect:
        overlapping = [d for d in direct if d.start < rec.end and rec.start < d.end]
        if overlapping:
            covered = sum(min(d.end, rec.end) - max(d.start, rec.start) for d in overlapping)
            if covered >= WHOLLY_QUOTED * (rec.end - rec.start):
                continue
            rec.kind = "mixed"
        kept.append(rec)
    return kept
