"""Source frames « selon X », « pour X », « comme l'a dit X » (presse.analyze.quotes.frames),
on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, quote_context
from presse.analyze.quotes.frames import comme, pour, selon

FRAMES = {
    "selon": (
        selon,
        "Selon la préfecture, le bilan s'est encore alourdi.",
        """
        Selon       2 case      ADP   selon      _
        la          2 det       DET   le         _
        préfecture  9 obl:mod   NOUN  préfecture _
        ,           9 punct     PUNCT ,          _
        le          5 det       DET   le         _
        bilan       9 nsubj     NOUN  bilan      _
        s'          9 expl:comp PRON  se         _
        est         9 aux:tense AUX   être       VerbForm=Fin
        encore      9 advmod    ADV   encore     _
        alourdi     9 ROOT      VERB  alourdir   Tense=Past|VerbForm=Part
        .           9 punct     PUNCT .          _
        """,
        ("le bilan s'est encore alourdi", "indirect: selon/d'après X", "préfecture"),
    ),
    "pour": (
        pour,
        "Pour le procureur, l'affaire est désormais close.",
        """
        Pour       2 case       ADP   pour      _
        le         2 det        DET   le        _
        procureur  8 obl:mod    NOUN  procureur _
        ,          8 punct      PUNCT ,         _
        l'         5 det        DET   le        _
        affaire    8 nsubj:pass NOUN  affaire   _
        est        8 aux:pass   AUX   être      VerbForm=Fin
        désormais  8 advmod     ADV   désormais _
        close      8 ROOT       VERB  clore     Tense=Past|VerbForm=Part
        .          8 punct      PUNCT .         _
        """,
        ("l'affaire est désormais close", "indirect: pour X, (a stated view)", "procureur"),
    ),
    "pour a date holds no view": (
        pour,
        "Pour 2025, le budget augmentera fortement.",
        """
        Pour        1 case    ADP   pour      _
        2025        5 obl:mod NUM   2025      _
        ,           5 punct   PUNCT ,         _
        le          4 det     DET   le        _
        budget      5 nsubj   NOUN  budget    _
        augmentera  5 ROOT    VERB  augmenter VerbForm=Fin
        fortement   5 advmod  ADV   fortement _
        .           5 punct   PUNCT .         _
        """,
        None,
    ),
    "comme": (
        comme,
        "Comme l'a annoncé le ministre, les écoles fermeront lundi.",
        """
        Comme      3 mark      SCONJ comme    _
        l'         3 obj       PRON  le       _
        a          3 aux:tense AUX   avoir    VerbForm=Fin
        annoncé    9 advcl     VERB  annoncer Tense=Past|VerbForm=Part
        le         5 det       DET   le       _
        ministre   3 nsubj     NOUN  ministre _
        ,          9 punct     PUNCT ,        _
        les        8 det       DET   le       _
        écoles     9 nsubj     NOUN  école    _
        fermeront  9 ROOT      VERB  fermer   VerbForm=Fin
        lundi      9 obl:mod   NOUN  lundi    _
        .          9 punct     PUNCT .        _
        """,
        ("les écoles fermeront lundi", "indirect: comme l'a dit X", "ministre"),
    ),
}


@pytest.mark.parametrize("name", list(FRAMES))
def test_quotes_frames_frame_names_the_source_of_its_sentence(name: str) -> None:
    finder, text, table, expected = FRAMES[name]
    doc = built(text, table)
    rec = finder(quote_context(doc), doc[0])
    found = (doc.text[rec.start : rec.end], rec.evidence, rec.speaker.text) if rec is not None else None
    assert found == expected
