"""The verb group around a verb (presse.analyze.verb_groups), on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built
from presse.analyze.verb_groups import (
    comma_before_group,
    finite_or_aux,
    group_start,
    participle_after,
)

QUESTION = (
    "Lui a-t-il dit la vérité ?",
    """
    Lui       4 iobj      PRON  lui     _
    a         4 aux:tense AUX   avoir   VerbForm=Fin
    -t        4 expl:subj PRON  -t      _
    -il       4 nsubj     PRON  il      _
    dit       4 ROOT      VERB  dire    Tense=Past|VerbForm=Part
    la        6 det       DET   le      _
    vérité    4 obj       NOUN  vérité  _
    ?         4 punct     PUNCT ?       _
    """,
)
INCISE = (
    "« C'est fini », a-t-elle ainsi concédé.",
    """
    «         3 punct     PUNCT «        _
    C'        3 nsubj     PRON  ce       _
    est       3 cop       AUX   être     VerbForm=Fin
    fini      3 ROOT      ADJ   fini     _
    »         3 punct     PUNCT »        _
    ,         6 punct     PUNCT ,        _
    a         3 parataxis VERB  avoir    VerbForm=Fin
    -t        6 expl:subj PRON  -t       _
    -elle     6 nsubj     PRON  elle     _
    ainsi    10 advmod    ADV   ainsi    _
    concédé   6 xcomp     VERB  concéder Tense=Past|VerbForm=Part
    .         3 punct     PUNCT .        _
    """,
)
SHARED_AUXILIARY = (
    "Il avait appelé à la prudence et demandé aux riverains de partir.",
    """
    Il         2 nsubj     PRON  il        _
    avait      2 aux:tense AUX   avoir     VerbForm=Fin
    appelé     2 ROOT      VERB  appeler   Tense=Past|VerbForm=Part
    à          5 case      ADP   à         _
    la         5 det       DET   le        _
    prudence   2 obl:arg   NOUN  prudence  _
    et         7 cc        CCONJ et        _
    demandé    2 conj      VERB  demander  Tense=Past|VerbForm=Part
    aux        9 case      ADP   à         _
    riverains  7 obl:arg   NOUN  riverain  _
    de        11 mark      ADP   de        _
    partir     7 xcomp     VERB  partir    VerbForm=Inf
    .          2 punct     PUNCT .         _
    """,
)
PARTICIPLE = (
    "Croyant voir un ours, il a fui.",
    """
    Croyant   7 advcl     VERB  croire    Tense=Pres|VerbForm=Part
    voir      0 xcomp     VERB  voir      VerbForm=Inf
    un        3 det       DET   un        _
    ours      1 obj       NOUN  ours      _
    ,         7 punct     PUNCT ,         _
    il        7 nsubj     PRON  il        _
    a         7 aux:tense AUX   avoir     VerbForm=Fin
    fui       7 ROOT      VERB  fuir      Tense=Past|VerbForm=Part
    .         7 punct     PUNCT .         _
    """,
)


def test_verb_groups_group_start_takes_clitics_and_inversion() -> None:
    doc = built(*QUESTION)
    assert group_start(doc[4]) == 0  # « Lui a-t-il dit »


@pytest.mark.parametrize(
    ("parse", "verb", "finite"),
    [
        (QUESTION, 4, True),  # its own auxiliary
        (INCISE, 10, True),  # the auxiliary hung elsewhere, past the clitic and an adverb
        (SHARED_AUXILIARY, 7, True),  # the auxiliary of the verb it is coordinated to
        (PARTICIPLE, 0, False),  # a present participle reports no one
        (PARTICIPLE, 1, False),  # nor does an infinitive
    ],
)
def test_verb_groups_finite_or_aux(parse: tuple[str, str], verb: int, finite: bool) -> None:
    assert finite_or_aux(built(*parse)[verb]) is finite


def test_verb_groups_participle_after_an_incise_auxiliary() -> None:
    doc = built(*INCISE)
    found = participle_after(doc[6])
    assert found is not None and found.text == "concédé"


@pytest.mark.parametrize(("parse", "verb", "comma"), [(INCISE, 6, True), (QUESTION, 4, False), (PARTICIPLE, 7, False)])
def test_verb_groups_comma_before_group(parse: tuple[str, str], verb: int, comma: bool) -> None:
    assert comma_before_group(built(*parse)[verb]) is comma
