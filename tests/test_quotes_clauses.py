"""Que-clauses and infinitives (presse.analyze.quotes.clauses), on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, quote_context
from presse.analyze.quotes.clauses import content_clause
from presse.analyze.quotes.cues import cue_of
from sentences import DECLARED

CLAUSES = {
    "que-clause": (
        *DECLARED,
        3, ("la situation était grave", "indirect: reporting verb + que-clause", "ministre"),
    ),
    "infinitive": (
        "Le ministre a promis de baisser les impôts.",
        """
        Le        1 det       DET   le        _
        ministre  3 nsubj     NOUN  ministre  _
        a         3 aux:tense AUX   avoir     VerbForm=Fin
        promis    3 ROOT      VERB  promettre Tense=Past|VerbForm=Part
        de        5 mark      ADP   de        _
        baisser   3 xcomp     VERB  baisser   VerbForm=Inf
        les       7 det       DET   le        _
        impôts    5 obj       NOUN  impôt     _
        .         3 punct     PUNCT .         _
        """,
        3, ("baisser les impôts", "indirect: reporting verb + infinitive", "ministre"),
    ),
    "intention and infinitive": (
        "Le club a annoncé sa volonté de quitter la ligue.",
        """
        Le       1 det       DET   le       _
        club     3 nsubj     NOUN  club     _
        a        3 aux:tense AUX   avoir    VerbForm=Fin
        annoncé  3 ROOT      VERB  annoncer Tense=Past|VerbForm=Part
        sa       5 det       DET   son      Poss=Yes
        volonté  3 obj       NOUN  volonté  _
        de       7 mark      ADP   de       _
        quitter  5 acl       VERB  quitter  VerbForm=Inf
        la       9 det       DET   le       _
        ligue    7 obj       NOUN  ligue    _
        .        3 punct     PUNCT .        _
        """,
        3, ("quitter la ligue", "indirect: reporting verb + intention + infinitive", "club"),
    ),
    "clause the parser hung on the addressee": (
        "Le ministre a déclaré à l'AFP avoir vu les images.",
        """
        Le        1 det       DET   le       _
        ministre  3 nsubj     NOUN  ministre _
        a         3 aux:tense AUX   avoir    VerbForm=Fin
        déclaré   3 ROOT      VERB  déclarer Tense=Past|VerbForm=Part
        à         6 case      ADP   à        _
        l'        6 det       DET   le       _
        AFP       3 obl:arg   PROPN AFP      _
        avoir     8 aux:tense AUX   avoir    VerbForm=Inf
        vu        6 acl       VERB  voir     Tense=Past|VerbForm=Part
        les      10 det       DET   le       _
        images    8 obj       NOUN  image    _
        .         3 punct     PUNCT .        _
        """,
        3, ("avoir vu les images", "indirect: reporting verb + infinitive (by position)", "ministre"),
    ),
    "a purpose is not what is said": (
        "Il l'avait appelée pour lui dire de venir.",
        """
        Il       3 nsubj     PRON  il      _
        l'       3 obj       PRON  le      _
        avait    3 aux:tense AUX   avoir   VerbForm=Fin
        appelée  3 ROOT      VERB  appeler Tense=Past|VerbForm=Part
        pour     6 mark      ADP   pour    _
        lui      6 iobj      PRON  lui     _
        dire     3 advcl     VERB  dire    VerbForm=Inf
        de       8 mark      ADP   de      _
        venir    6 xcomp     VERB  venir   VerbForm=Inf
        .        3 punct     PUNCT .       _
        """,
        3, None,
    ),
}


@pytest.mark.parametrize("name", list(CLAUSES))
def test_quotes_clauses_content_clause(name: str) -> None:
    text, table, verb, expected = CLAUSES[name]
    doc = built(text, table)
    cue = cue_of(doc[verb])
    assert cue is not None
    rec = content_clause(quote_context(doc), doc[verb], cue)
    found = (doc.text[rec.start : rec.end], rec.evidence, rec.speaker.text) if rec is not None else None
    assert found == expected
