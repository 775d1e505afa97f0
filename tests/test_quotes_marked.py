"""Marked quotes (presse.analyze.quotes.marked): whose words the marks hold, rule by rule, on
hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, quote_context
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.marked import RULES, marked_quote
from sentences import SAID_HE

SENTENCES = {
    "incise after the marks": (
        *SAID_HE,
        "direct: incise after the quote",
    ),
    "colon after a reporting verb": (
        "Il a déclaré : « Nous partirons demain. »",
        """
        Il         2 nsubj     PRON  il       _
        a          2 aux:tense AUX   avoir    VerbForm=Fin
        déclaré    2 ROOT      VERB  déclarer Tense=Past|VerbForm=Part
        :          2 punct     PUNCT :        _
        «          6 punct     PUNCT «        _
        Nous       6 nsubj     PRON  nous     _
        partirons  2 parataxis VERB  partir   VerbForm=Fin
        demain     6 advmod    ADV   demain   _
        .          6 punct     PUNCT .        _
        »          6 punct     PUNCT »        _
        """,
        "direct: reporting verb and colon",
    ),
    "governed by a reporting verb": (
        "Le ministre a dénoncé un « crime barbare ».",
        """
        Le        1 det       DET   le       _
        ministre  3 nsubj     NOUN  ministre _
        a         3 aux:tense AUX   avoir    VerbForm=Fin
        dénoncé   3 ROOT      VERB  dénoncer Tense=Past|VerbForm=Part
        un        6 det       DET   un       _
        «         6 punct     PUNCT «        _
        crime     3 obj       NOUN  crime    _
        barbare   6 amod      ADJ   barbare  _
        »         6 punct     PUNCT »        _
        .         3 punct     PUNCT .        _
        """,
        "direct: quote governed by a reporting verb",
    ),
    "a sentence of its own": (
        "« Nous ne céderons jamais face à cette menace. »",
        """
        «         3 punct  PUNCT «       _
        Nous      3 nsubj  PRON  nous    _
        ne        3 advmod ADV   ne      _
        céderons  3 ROOT   VERB  céder   VerbForm=Fin
        jamais    3 advmod ADV   jamais  _
        face      8 case   NOUN  face    _
        à         5 fixed  ADP   à       _
        cette     8 det    DET   ce      _
        menace    3 obl    NOUN  menace  _
        .         3 punct  PUNCT .       _
        »         3 punct  PUNCT »       _
        """,
        "direct: quoted sentence, speaker from context",
    ),
    "a name with its naming noun": (
        "L'« affaire Troadec » a fait grand bruit.",
        """
        L'       2 det       DET   le      _
        «        2 punct     PUNCT «       _
        affaire  6 nsubj     NOUN  affaire _
        Troadec  2 nmod      PROPN Troadec _
        »        2 punct     PUNCT »       _
        a        6 aux:tense AUX   avoir   VerbForm=Fin
        fait     6 ROOT      VERB  faire   Tense=Past|VerbForm=Part
        grand    8 amod      ADJ   grand   _
        bruit    6 obj       NOUN  bruit   _
        .        6 punct     PUNCT .       _
        """,
        None,
    ),
    "the legal name of a charge": (
        "Une enquête pour « homicide volontaire » a été ouverte.",
        """
        Une         1 det        DET   un         _
        enquête     9 nsubj:pass NOUN  enquête    _
        pour        4 case       ADP   pour       _
        «           4 punct      PUNCT «          _
        homicide    1 nmod       NOUN  homicide   _
        volontaire  4 amod       ADJ   volontaire _
        »           4 punct      PUNCT »          _
        a           9 aux:tense  AUX   avoir      VerbForm=Fin
        été         9 aux:pass   AUX   être       VerbForm=Part
        ouverte     9 ROOT       VERB  ouvrir     Tense=Past|VerbForm=Part
        .           9 punct      PUNCT .          _
        """,
        None,
    ),
    "a gloss in brackets": (
        "Le texte (« Le travail rend libre ») était affiché.",
        """
        Le       1 det       DET   le       _
        texte   11 nsubj:pass NOUN texte    _
        (        6 punct     PUNCT (        _
        «        6 punct     PUNCT «        _
        Le       5 det       DET   le       _
        travail  6 nsubj     NOUN  travail  _
        rend     1 appos     VERB  rendre   VerbForm=Fin
        libre    6 xcomp     ADJ   libre    _
        »        6 punct     PUNCT »        _
        )        6 punct     PUNCT )        _
        était   11 aux:pass  AUX   être     VerbForm=Fin
        affiché 11 ROOT      VERB  afficher Tense=Past|VerbForm=Part
        .       11 punct     PUNCT .        _
        """,
        None,
    ),
}


@pytest.mark.parametrize("name", list(SENTENCES))
def test_quotes_marked_rule_verdict(name: str) -> None:
    text, table, evidence = SENTENCES[name]
    doc = built(text, table)
    ctx = quote_context(doc)
    span = find_quote_marks(text).spans[0]
    rec = marked_quote(ctx, span, [])
    assert (rec.evidence if rec is not None else None) == evidence
    if rec is not None:
        assert (rec.start, rec.end) == (span.start, span.end) and rec.kind == "direct"


def test_quotes_marked_a_charge_is_remembered_for_the_list_that_follows() -> None:
    text, table, _ = SENTENCES["the legal name of a charge"]
    ctx = quote_context(built(text, table))
    marked_quote(ctx, find_quote_marks(text).spans[0], [])
    assert ctx.charge_end == text.index("»") + 1


def test_quotes_marked_rules_run_in_evidence_order() -> None:
    names = [rule.__name__ for rule in RULES]
    # what frames the marks (incise, colon) before what they depend on, the words alone last
    assert names.index("_incise_after_marks") < names.index("_colon") < names.index("_governed")
    assert names.index("_governed") < names.index("_in_reported_clause") < names.index("_quoted_sentence")
    # a name or a charge is refused before any cue can claim the marks
    assert names.index("_charge") < names.index("_incise_after_marks")
