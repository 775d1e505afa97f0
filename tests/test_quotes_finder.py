"""The quotation finder (presse.analyze.quotes.finder): the families in order, on a hand-built
parse, and no state kept between documents."""

from __future__ import annotations

from parses import actors, built
from presse.analyze.quotes import QuoteFinder

MIXED = (
    "Le maire a dit qu'il était « très inquiet » pour la ville.",
    """
    Le       1 det       DET   le      _
    maire    3 nsubj     NOUN  maire   _
    a        3 aux:tense AUX   avoir   VerbForm=Fin
    dit      3 ROOT      VERB  dire    Tense=Past|VerbForm=Part
    qu'      9 mark      SCONJ que     _
    il       9 nsubj     PRON  il      _
    était    9 cop       AUX   être    VerbForm=Fin
    «        9 punct     PUNCT «       _
    très     9 advmod    ADV   très    _
    inquiet  3 ccomp     ADJ   inquiet _
    »        9 punct     PUNCT »       _
    pour    13 case      ADP   pour    _
    la      13 det       DET   le      _
    ville    9 obl:mod   NOUN  ville   _
    .        3 punct     PUNCT .       _
    """,
)


def test_quotes_finder_a_reported_clause_with_marks_is_mixed_and_its_stretch_direct() -> None:
    doc = built(*MIXED)
    found = QuoteFinder()(doc, actors())
    assert [(q.kind, q.text, q.evidence, q.speaker_name) for q in found] == [
        ("mixed", "il était « très inquiet » pour la ville", "indirect: reporting verb + que-clause", "Le maire"),
        ("direct", "très inquiet", "direct: inside a reported clause", "Le maire"),
    ]


def test_quotes_finder_keeps_no_state_between_documents() -> None:
    finder = QuoteFinder()
    assert vars(finder) == {}
    first = [(q.start, q.end, q.evidence) for q in finder(built(*MIXED), actors())]
    again = [(q.start, q.end, q.evidence) for q in finder(built(*MIXED), actors())]
    assert first == again
