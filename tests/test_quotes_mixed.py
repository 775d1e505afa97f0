"""Mixed quotations (presse.analyze.quotes.mixed): a reported clause holding quote marks."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parses import built, parse
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.mixed import mixed_or_indirect, outside_quotations
from presse.analyze.quotes.records import QuoteRec
from sentences import CUT

# the parts of speech are what the rule reads; each word heads itself
POS = {
    "il": "PRON", "Il": "PRON", "a": "AUX", "dit": "VERB", "était": "AUX", "très": "ADV", "inquiet": "ADJ",
    "et": "CCONJ", "que": "SCONJ", "la": "DET", "ville": "NOUN", "se": "PRON", "relèverait": "VERB",
    "vite": "ADV", "à": "ADP", "s'": "PRON", "agit": "VERB", "les": "DET", "jeunes": "NOUN",
}


def _doc(text: str) -> Doc:
    """A Doc of the space-separated words of `text`, tagged from :data:`POS` (punctuation, or X)."""
    words = text.split()
    return parse(words, list(range(len(words))), ["ROOT"] * len(words), [POS.get(w, "PUNCT" if w in "«».,:" else "X") for w in words])


TEXT = "Il a dit qu' il était « très inquiet » et que la ville « se relèverait vite » ."
DOC = _doc(TEXT)


def _rec(words: str, kind: str = "indirect", evidence: str = "indirect: reporting verb + que-clause", text: str = TEXT) -> QuoteRec:
    start = text.index(words)
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
    found = mixed_or_indirect(DOC, [_rec(clause)], direct)
    assert [q.kind for q in found] == ([kept] if kept else [])


@pytest.mark.parametrize(
    ("text", "content", "quoted", "kept"),
    [
        # one word of the journalist's before the marks makes the content mixed, however long
        # the quotation (docs/annotation-guidelines.md §4)
        ("La gendarmerie a confirmé que la « situation est désamorcée et le suspect est en détention . »",
         "la « situation est désamorcée et le suspect est en détention . »",
         ["situation est désamorcée et le suspect est en détention ."], "mixed"),
        ("Il explique qu' il « n' avait peut-être pas les épaules pour être ministre » .",
         "il « n' avait peut-être pas les épaules pour être ministre »",
         ["n' avait peut-être pas les épaules pour être ministre"], "mixed"),
        ("Le député a affirmé qu' il y a « une rage qui traverse le pays , il faut que le président le comprenne » .",
         "il y a « une rage qui traverse le pays , il faut que le président le comprenne »",
         ["une rage qui traverse le pays , il faut que le président le comprenne"], "mixed"),
        # a preposition or a conjunction only links quoted stretches: the direct quotations say it all
        ("Le pape a exhorté les jeunes à « ne pas vivre repliés sur eux-mêmes » .",
         "à « ne pas vivre repliés sur eux-mêmes »", ["ne pas vivre repliés sur eux-mêmes"], None),
        ("Selon Greenpeace , « il s' agit du troisième incendie en dix jours » et « la sûreté est préoccupante » .",
         "« il s' agit du troisième incendie en dix jours » et « la sûreté est préoccupante »",
         ["il s' agit du troisième incendie en dix jours", "la sûreté est préoccupante"], None),
    ],
)
def test_quotes_mixed_a_word_outside_the_marks_makes_it_mixed(text: str, content: str, quoted: list[str], kept: str | None) -> None:
    direct = [_rec(q, "direct", "direct: inside a reported clause", text) for q in quoted]
    found = mixed_or_indirect(_doc(text), [_rec(content, text=text)], direct)
    assert [q.kind for q in found] == ([kept] if kept else [])


def test_quotes_mixed_an_incise_inside_marks_belongs_to_the_quotation() -> None:
    doc = built(*CUT)
    incise = QuoteRec(2, 40, "indirect", "indirect: incise", 0.75, cue=doc[7])
    clause = QuoteRec(2, 40, "indirect", "indirect: reporting verb + que-clause", 0.85, cue=doc[7])
    assert outside_quotations([incise, clause], find_quote_marks(doc.text).spans, []) == [clause]
    # nor an incise in a dialogue line
    line = QuoteRec(0, len(doc.text), "direct", "direct: dialogue line", 0.7)
    assert outside_quotations([incise], [], [line]) == []
