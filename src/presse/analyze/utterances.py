"""One count per utterance: the direct stretch of a mixed quotation is part of it, not a second quote.

A mixed quotation (« X a dit que la réunion était « extrêmement productive » ») and the direct
quotation of the words in quote marks inside it are two spans of one utterance: both are kept for
display and evaluation, but every count (voices, corpus counts, voice ratios) counts the utterance
once. :func:`link_parts` writes the link (:attr:`presse.model.Quote.part_of`), :func:`utterances`
is what is counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from presse.model import Quote


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker.entity is not None or b.speaker.entity is not None:
        return a.speaker.entity == b.speaker.entity
    return a.speaker.name == b.speaker.name


def link_parts(quotes: list[Quote]) -> None:
    """Set ``part_of`` on each direct quote that overlaps a mixed quote of the same speaker (to
    the id of the first such mixed quote in text order); every other quote gets None.

    Overlap rather than containment: a mixed quote is a reported clause that holds quote marks,
    and the marked words may run past the clause the parse delimited; they are still the same
    words said once.
    """
    mixed = [q for q in quotes if q.kind == "mixed"]
    for quote in quotes:
        quote.part_of = None
        if quote.kind != "direct":
            continue
        quote.part_of = next(
            (
                m.id for m in mixed
                if m.start < quote.end and quote.start < m.end and _same_speaker(m, quote)
            ),
            None,
        )


def utterances(quotes: Iterable[Quote]) -> list[Quote]:
    """The quotes that count: every quote but the direct parts of a mixed quotation."""
    return [q for q in quotes if q.part_of is None]
