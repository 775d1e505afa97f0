"""The one subject/speaker finder (presse.analyze.subjects), on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built, parse
from presse.analyze.subjects import (
    has_inverted_subject,
    is_main_clause_subject,
    person_noun,
    speaker_of,
    subject_of,
)
from sentences import DECLARED, SAID_HE

SPEAKERS = {
    "subject": (
        *DECLARED,
        3, "ministre",
    ),
    "coordination": (
        "Le syndicat a rejeté l'offre et affirme que la grève continue.",
        """
        Le           1 det        DET   le         _
        syndicat     3 nsubj      NOUN  syndicat   _
        a            3 aux:tense  AUX   avoir      VerbForm=Fin
        rejeté       3 ROOT       VERB  rejeter    Tense=Past|VerbForm=Part
        l'           5 det        DET   le         _
        offre        3 obj        NOUN  offre      _
        et           7 cc         CCONJ et         _
        affirme      3 conj       VERB  affirmer   VerbForm=Fin
        que         11 mark       SCONJ que        _
        la          10 det        DET   le         _
        grève       11 nsubj      NOUN  grève      _
        continue     7 ccomp      VERB  continuer  VerbForm=Fin
        .            3 punct      PUNCT .          _
        """,
        7, "syndicat",
    ),
    "passive agent": (
        "La fermeture a été annoncée par le préfet.",
        """
        La           1 det        DET   le         _
        fermeture    4 nsubj:pass NOUN  fermeture  _
        a            4 aux:tense  AUX   avoir      VerbForm=Fin
        été          4 aux:pass   AUX   être       VerbForm=Part
        annoncée     4 ROOT       VERB  annoncer   Tense=Past|VerbForm=Part
        par          7 case       ADP   par        _
        le           7 det        DET   le         _
        préfet       4 obl:agent  NOUN  préfet     _
        .            4 punct      PUNCT .          _
        """,
        4, "préfet",
    ),
    "relative clause": (
        "Le policier, qui affirme avoir vu la scène, a témoigné.",
        """
        Le           1 det        DET   le         _
        policier    11 nsubj      NOUN  policier   _
        ,            4 punct      PUNCT ,          _
        qui          4 nsubj      PRON  qui        _
        affirme      1 acl:relcl  VERB  affirmer   VerbForm=Fin
        avoir        6 aux:tense  AUX   avoir      VerbForm=Inf
        vu           4 xcomp      VERB  voir       Tense=Past|VerbForm=Part
        la           8 det        DET   le         _
        scène        6 obj        NOUN  scène      _
        ,            4 punct      PUNCT ,          _
        a           11 aux:tense  AUX   avoir      VerbForm=Fin
        témoigné    11 ROOT       VERB  témoigner  Tense=Past|VerbForm=Part
        .           11 punct      PUNCT .          _
        """,
        4, "policier",
    ),
    "object control": (
        "Cela a permis à la ministre de déclarer que tout allait bien.",
        """
        Cela         2 nsubj      PRON  cela       _
        a            2 aux:tense  AUX   avoir      VerbForm=Fin
        permis       2 ROOT       VERB  permettre  Tense=Past|VerbForm=Part
        à            5 case       ADP   à          _
        la           5 det        DET   le         _
        ministre     2 obl:arg    NOUN  ministre   _
        de           7 mark       ADP   de         _
        déclarer     2 xcomp      VERB  déclarer   VerbForm=Inf
        que         10 mark       SCONJ que        _
        tout        10 nsubj      PRON  tout       _
        allait       7 ccomp      VERB  aller      VerbForm=Fin
        bien        10 advmod     ADV   bien       _
        .            2 punct      PUNCT .          _
        """,
        7, "ministre",
    ),
    "inverted clitic": (
        *SAID_HE,
        # the euphonic « -t », parsed as a subject, is what the finder gives: speakers.resolve
        # reads the clitic after it
        9, "-t",
    ),
    "no speaker pronoun": (
        "Cela signifie que la loi change.",
        """
        Cela         1 nsubj      PRON  cela       _
        signifie     1 ROOT       VERB  signifier  VerbForm=Fin
        que          5 mark       SCONJ que        _
        la           4 det        DET   le         _
        loi          5 nsubj      NOUN  loi        _
        change       1 ccomp      VERB  changer    VerbForm=Fin
        .            1 punct      PUNCT .          _
        """,
        1, None,
    ),
}


@pytest.mark.parametrize("name", list(SPEAKERS))
def test_subjects_speaker_of(name: str) -> None:
    text, table, verb, speaker = SPEAKERS[name]
    doc = built(text, table)
    found = speaker_of(doc[verb])
    assert (found.text if found is not None else None) == speaker


@pytest.mark.parametrize(
    ("text", "table", "verb", "subject"),
    [
        (
            "Le maire a balayé les critiques et a remercié les habitants.",
            """
            Le          1 det       DET   le        _
            maire       3 nsubj     NOUN  maire     _
            a           3 aux:tense AUX   avoir     VerbForm=Fin
            balayé      3 ROOT      VERB  balayer   VerbForm=Part
            les         5 det       DET   le        _
            critiques   3 obj       NOUN  critique  _
            et          8 cc        CCONJ et        _
            a           8 aux:tense AUX   avoir     VerbForm=Fin
            remercié    3 conj      VERB  remercier VerbForm=Part
            les        10 det       DET   le        _
            habitants   8 obj       NOUN  habitant  _
            .           3 punct     PUNCT .         _
            """,
            8, "maire",
        ),
        (
            "Le maire est venu pour critiquer le projet.",
            """
            Le          1 det       DET   le        _
            maire       3 nsubj     NOUN  maire     _
            est         3 aux:tense AUX   être      VerbForm=Fin
            venu        3 ROOT      VERB  venir     VerbForm=Part
            pour        5 mark      ADP   pour      _
            critiquer   3 advcl     VERB  critiquer VerbForm=Inf
            le          7 det       DET   le        _
            projet      5 obj       NOUN  projet    _
            .           3 punct     PUNCT .         _
            """,
            5, "maire",
        ),
        (
            # subject_of stops at the relative pronoun; speaker_of goes on to its antecedent
            "Le policier, qui affirme avoir vu la scène, a témoigné.",
            SPEAKERS["relative clause"][1],
            6, "qui",
        ),
    ],
)
def test_subjects_subject_of_climbs_coordination_and_clauses(text: str, table: str, verb: int, subject: str | None) -> None:
    found = subject_of(built(text, table)[verb])
    assert (found.text if found is not None else None) == subject


@pytest.mark.parametrize(
    ("name", "verb", "inverted"),
    [("inverted clitic", 9, True), ("subject", 3, False), ("coordination", 7, False)],
)
def test_subjects_has_inverted_subject(name: str, verb: int, inverted: bool) -> None:
    text, table, *_ = SPEAKERS[name]
    assert has_inverted_subject(built(text, table)[verb]) is inverted


@pytest.mark.parametrize(
    ("word", "person"),
    [("ministre", True), ("travailleurs", True), ("chercheuse", True), ("situation", False), ("restaurant", False)],
)
def test_subjects_person_noun(word: str, person: bool) -> None:
    doc = built(word, f"{word} 0 ROOT NOUN {word} _")
    assert person_noun(doc[0]) is person


# Subjects as actor resolution reads them (a main clause's subject is the strongest antecedent)
# « Alain Juppé a annoncé qu' il part . »
MAIN = parse(
    ["Alain", "Juppé", "a", "annoncé", "qu'", "il", "part", "."],
    [3, 0, 3, 3, 6, 6, 3, 3],
    ["nsubj", "flat:name", "aux:tense", "ROOT", "mark", "nsubj", "ccomp", "punct"],
    ["PROPN", "PROPN", "AUX", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
)
# « Paul a rencontré Marie . »
OBJECT = parse(
    ["Paul", "a", "rencontré", "Marie", "."],
    [2, 2, 2, 2, 2],
    ["nsubj", "aux:tense", "ROOT", "obj", "punct"],
    ["PROPN", "AUX", "VERB", "PROPN", "PUNCT"],
)


@pytest.mark.parametrize(
    ("doc", "start", "end", "expected"),
    [
        (MAIN, 0, 2, True),  # the main clause's subject
        (MAIN, 5, 6, False),  # a subordinate clause's subject
        (OBJECT, 0, 1, True),
        (OBJECT, 3, 4, False),  # an object
    ],
)
def test_subjects_main_clause_subject(doc, start: int, end: int, expected: bool) -> None:
    assert is_main_clause_subject(doc[start:end]) is expected


@pytest.mark.parametrize(("doc", "verb", "subject"), [(MAIN, 3, 0), (MAIN, 6, 5), (OBJECT, 3, None)])
def test_subjects_subject_of_a_verb(doc, verb: int, subject: int | None) -> None:
    found = subject_of(doc[verb])
    assert (found.i if found is not None else None) == subject
