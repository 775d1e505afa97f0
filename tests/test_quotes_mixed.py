"""Mixed quotations (presse.analyze.quotes.mixed): a reported clause holding quote marks."""

from __future__ import annotations

import pytest

from parses import built
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.mixed import mixed_or_indirect, outside_quotations
from presse.analyze.quotes.records import QuoteRec
from sentences import CUT

TEXT = "Il a dit qu'il était « très inquiet » et que la ville « se relèverait vite »."


def _rec(words: str, kind: str = "indirect", evidence: str = "indirect: reporting verb + que-clause") -> QuoteRec:
    start = TEXT.index(words)
    return QuoteRec(start, start + len(words), kind, evidence, 0.85)


@pytest.mark.parametrize(
    ("clause", "kept"),
    [
        ("il était « très inquiet »", "mixed"),  # the journalist's words and the speaker's
        ("très inquiet", None),  # all in marks: the direct quotation is the report
        ("la ville « se relèverait vite »", "mixed"),
        ("Il a dit", "indirect"),  # no marks: an indirect quotation
    ],
)
def test_quotes_mixed_a_clause_with_marks_is_mixed(clause: str, kept: str | None) -> None:
    direct = [_rec("très inquiet", "direct", "direct: inside a reported clause"),
              _rec("se relèverait vite", "direct", "direct: inside a reported clause")]
    found = mixed_or_indirect([_rec(clause)], direct)
    assert [q.kind for q in found] == ([kept] if kept else [])


def test_quotes_mixed_an_incise_inside_marks_belongs_to_the_quotation() -> None:
    doc = built(*CUT)
    incise = QuoteRec(2, 40, "indirect", "indirect: incise", 0.75, cue=doc[7])
    clause = QuoteRec(2, 40, "indirect", "indirect: reporting verb + que-clause", 0.85, cue=doc[7])
    assert outside_quotations([incise, clause], find_quote_marks(doc.text).spans, []) == [clause]
    # nor an incise in a dialogue line
    line = QuoteRec(0, len(doc.text), "direct", "direct: dialogue line", 0.7)
    assert outside_quotations([incise], [], [line]) == []
