"""Cues (presse.analyze.quotes.cues): the reporting-verb lexicon as it stands in a parse."""

from __future__ import annotations

import pytest

from parses import built
from presse.analyze.quotes.cues import cue_label, cue_of, is_incise_verb, restrictive_ne, unsaid
from sentences import SAID_HE

MULTIWORD = (
    "La police a fait savoir que la route était coupée.",
    """
    La       1 det       DET   le      _
    police   3 nsubj     NOUN  police  _
    a        3 aux:tense AUX   avoir   VerbForm=Fin
    fait     3 ROOT      VERB  faire   Tense=Past|VerbForm=Part
    savoir   3 xcomp     VERB  savoir  VerbForm=Inf
    que      9 mark      SCONJ que     _
    la       7 det       DET   le      _
    route    9 nsubj     NOUN  route   _
    était    9 aux:pass  AUX   être    VerbForm=Fin
    coupée   3 ccomp     VERB  couper  Tense=Past|VerbForm=Part
    .        3 punct     PUNCT .       _
    """,
)
REFLEXIVE = (
    "Le ministre s'est agacé de ces critiques.",
    """
    Le         1 det       DET   le        _
    ministre   4 nsubj     NOUN  ministre  _
    s'         4 expl:comp PRON  se        Reflex=Yes
    est        4 aux:tense AUX   être      VerbForm=Fin
    agacé      4 ROOT      VERB  agacer    Tense=Past|VerbForm=Part
    de         7 case      ADP   de        _
    ces        7 det       DET   ce        _
    critiques  4 obl:arg   NOUN  critique  _
    .          4 punct     PUNCT .         _
    """,
)
UNLEMMATIZED = (
    "Elle estime que tout va bien.",
    """
    Elle     1 nsubj  PRON  elle    _
    estime   1 ROOT   VERB  estime  VerbForm=Fin
    que      4 mark   SCONJ que     _
    tout     4 nsubj  PRON  tout    _
    va       1 ccomp  VERB  aller   VerbForm=Fin
    bien     4 advmod ADV   bien    _
    .        1 punct  PUNCT .       _
    """,
)
RESTRICTIVE = (
    "Ils n'ont été prévenus que mardi.",
    """
    Ils       4 nsubj:pass PRON  il        _
    n'        4 advmod     ADV   ne        _
    ont       4 aux:tense  AUX   avoir     VerbForm=Fin
    été       4 aux:pass   AUX   être      VerbForm=Part
    prévenus  4 ROOT       VERB  prévenir  Tense=Past|VerbForm=Part
    que       6 mark       SCONJ que       _
    mardi     4 obl:mod    NOUN  mardi     _
    .         4 punct      PUNCT .         _
    """,
)
IMPERSONAL = (
    "Il est estimé que le coût sera élevé.",
    """
    Il      2 expl:subj PRON  il      _
    est     2 aux:pass  AUX   être    VerbForm=Fin
    estimé  2 ROOT      VERB  estimer Tense=Past|VerbForm=Part
    que     7 mark      SCONJ que     _
    le      5 det       DET   le      _
    coût    7 nsubj     NOUN  coût    _
    sera    7 cop       AUX   être    VerbForm=Fin
    élevé   2 ccomp     ADJ   élevé   _
    .       2 punct     PUNCT .       _
    """,
)


@pytest.mark.parametrize(
    ("parse", "verb", "lemma"),
    [
        (MULTIWORD, 3, "faire savoir"),  # a multiword cue, read from the verb and its particle
        (REFLEXIVE, 4, "s'agacer"),  # a pronominal verb, read with its reflexive
        (UNLEMMATIZED, 1, "estimer"),  # a form the lemmatizer left as it is
        (SAID_HE, 9, "dire"),
        (MULTIWORD, 9, None),  # « couper » reports no speech
    ],
)
def test_quotes_cues_cue_of(parse: tuple[str, str], verb: int, lemma: str | None) -> None:
    entry = cue_of(built(*parse)[verb])
    assert (entry.lemma if entry is not None else None) == lemma


@pytest.mark.parametrize(
    ("parse", "verb", "label"),
    [(SAID_HE, 9, "a-t-il dit"), (REFLEXIVE, 4, "s'est agacé"), (MULTIWORD, 3, "a fait savoir")],
)
def test_quotes_cues_cue_label_is_the_verb_group_as_written(parse: tuple[str, str], verb: int, label: str) -> None:
    assert cue_label(built(*parse)[verb])[0] == label


@pytest.mark.parametrize(("parse", "verb", "incise"), [(SAID_HE, 9, True), (UNLEMMATIZED, 1, False)])
def test_quotes_cues_incise_verb_has_its_subject_after_it(parse: tuple[str, str], verb: int, incise: bool) -> None:
    assert is_incise_verb(built(*parse)[verb]) is incise


@pytest.mark.parametrize(("parse", "verb", "expected"), [(RESTRICTIVE, 4, True), (UNLEMMATIZED, 1, False)])
def test_quotes_cues_restrictive_ne_opens_no_clause(parse: tuple[str, str], verb: int, expected: bool) -> None:
    assert restrictive_ne(built(*parse)[verb]) is expected


@pytest.mark.parametrize(("parse", "verb", "expected"), [(IMPERSONAL, 2, True), (MULTIWORD, 3, False)])
def test_quotes_cues_impersonal_passive_is_unsaid(parse: tuple[str, str], verb: int, expected: bool) -> None:
    assert unsaid(built(*parse)[verb]) is expected
