"""Quotation records (presse.analyze.quotes.records): offsets read back as text and spans."""

from __future__ import annotations

from parses import built
from presse.analyze.quotes.records import QuoteRec, Quotes, doc_text

DOC = (
    "Il a dit : « Non ».",
    """
    Il   2 nsubj     PRON  il    _
    a    2 aux:tense AUX   avoir VerbForm=Fin
    dit  2 ROOT      VERB  dire  VerbForm=Part
    :    2 punct     PUNCT :     _
    «    5 punct     PUNCT «     _
    Non  2 parataxis ADV   non   _
    »    5 punct     PUNCT »     _
    .    2 punct     PUNCT .     _
    """,
)


def test_quotes_records_quote_reads_its_words_cue_and_speaker() -> None:
    doc = built(*DOC)
    q = QuoteRec(13, 16, "direct", "direct: reporting verb and colon", 0.9, cue=doc[2],
                 cue_tokens=(1, 3), speaker=doc[0], speaker_tokens=(0, 1))
    assert (q.text, q.span, q.cue_span, q.speaker_span) == ("", None, None, None)  # not resolved yet
    q.doc = doc
    assert (q.text, q.span.text, q.cue_span.text, q.speaker_span.text) == ("Non", "Non", "a dit", "Il")
    quotes = Quotes([q])
    assert (len(quotes), quotes[0], list(quotes)) == (1, q, [q])


def test_quotes_records_doc_text_is_read_once_per_doc() -> None:
    doc = built(*DOC)
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
