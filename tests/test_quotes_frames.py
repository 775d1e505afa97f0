"""Source frames « selon X », « pour X », « comme l'a dit X » (presse.analyze.quotes.frames),
on hand-built parses."""

from __future__ import annotations

import pytest

from conftest import quote_with_text, speaker_name
from parses import built, quote_context
from presse.analyze.quotes.frames import comme, pour, selon
from presse.model import Document

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


# a frame before, after or in the middle of the words it frames: (finder, text, table, index of
# the frame's key token, actor mentions, expected)
PLACED = {
    "middle, a verbless subject before it": (
        selon,
        "La hausse, selon l'Insee, atteindra 2 % l'an prochain.",
        """
        La          1 det         DET   le           Gender=Fem|Number=Sing
        hausse      1 ROOT        NOUN  hausse       Gender=Fem|Number=Sing
        ,           1 punct       PUNCT ,            _
        selon       5 case        ADP   selon        _
        l'          5 det         DET   le           Number=Sing
        Insee       1 nmod        PROPN Insee        Number=Sing
        ,           5 punct       PUNCT ,            _
        atteindra   5 acl         VERB  atteindre    Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        2           9 nummod      NUM   2            _
        %           7 obl:mod     NOUN  pourcent     Gender=Masc
        l'         11 det         DET   le           Number=Sing
        an          9 appos       NOUN  an           Gender=Masc|Number=Sing
        prochain   11 amod        ADJ   prochain     Gender=Masc|Number=Sing
        .           1 punct       PUNCT .            _
        """,
        3, (),
        ("La hausse, selon l'Insee, atteindra 2 % l'an prochain", "indirect: selon/d'après X", 'Insee'),
    ),
    "à en croire X, after the words": (
        selon,
        "La réforme sera adoptée avant l'été, à en croire le porte-parole.",
        """
        La             1 det         DET   le           Gender=Fem|Number=Sing
        réforme        3 nsubj:pass  NOUN  réforme      Gender=Fem|Number=Sing
        sera           3 aux:pass    AUX   être         Mood=Ind|Number=Sing|Tense=Fut|VerbForm=Fin
        adoptée        3 ROOT        VERB  adopter      Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass
        avant          6 case        ADP   avant        _
        l'             6 det         DET   le           Number=Sing
        été            3 obl:mod     NOUN  été          Gender=Masc|Number=Sing
        ,              3 punct       PUNCT ,            _
        à             10 mark        ADP   à            _
        en            10 expl:comp   PRON  en           _
        croire         3 advcl       VERB  croire       VerbForm=Inf
        le            12 det         DET   le           Gender=Masc|Number=Sing
        porte-parole  10 obj         NOUN  porte-parole Gender=Masc|Number=Sing
        .              3 punct       PUNCT .            _
        """,
        10, (),
        ("La réforme sera adoptée avant l'été", "indirect: selon/d'après X", 'porte-parole'),
    ),
    "a time phrase before it is not X's words": (
        selon,
        'Vers 16h45, selon le ministère, 33 500 manifestants défilaient à Paris.',
        """
        Vers           1 case        ADP   vers         _
        16h45         10 obl:mod     PROPN 16h45        _
        ,             10 punct       PUNCT ,            _
        selon          5 case        ADP   selon        _
        le             5 det         DET   le           Gender=Masc|Number=Sing
        ministère     10 obl:mod     NOUN  ministère    Gender=Masc|Number=Sing
        ,             10 punct       PUNCT ,            _
        33             9 nummod      DET   33           _
        500            9 nummod      DET   500          _
        manifestants  10 nsubj       NOUN  manifestant  Gender=Masc|Number=Plur
        défilaient    10 ROOT        VERB  défiler      Mood=Ind|Number=Plur|Tense=Imp|VerbForm=Fin
        à             12 case        ADP   à            _
        Paris         10 obl:arg     PROPN Paris        Gender=Masc|Number=Sing
        .             10 punct       PUNCT .            _
        """,
        3, (),
        ('33 500 manifestants défilaient à Paris', "indirect: selon/d'après X", 'ministère'),
    ),
    "the relative clause before it is what X vouches for": (
        selon,
        "L'attaque, qui serait terroriste, selon la police, a fait trois morts.",
        """
        L'           1 det         DET   le           Number=Sing
        attaque     12 nsubj       NOUN  attaque      Gender=Fem|Number=Sing
        ,            1 punct       PUNCT ,            _
        qui          5 nsubj       PRON  qui          _
        serait       5 cop         AUX   être         Mood=Cnd|Number=Sing|Tense=Pres|VerbForm=Fin
        terroriste   1 acl:relcl   ADJ   terroriste   Number=Sing
        ,            1 punct       PUNCT ,            _
        selon        9 case        ADP   selon        _
        la           9 det         DET   le           Gender=Fem|Number=Sing
        police       1 nmod        NOUN  police       Gender=Fem|Number=Sing
        ,           12 punct       PUNCT ,            _
        a           12 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        fait        12 ROOT        VERB  faire        Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        trois       14 nummod      NUM   trois        _
        morts       12 obj         NOUN  mort         Gender=Masc|Number=Plur
        .           12 punct       PUNCT .            _
        """,
        7, (),
        ('qui serait terroriste', "indirect: selon/d'après X", 'police'),
    ),
    "figures name their source": (
        selon,
        "Le chômage a baissé, selon les chiffres de l'Insee.",
        """
        Le         1 det         DET   le           Gender=Masc|Number=Sing
        chômage    3 nsubj       NOUN  chômage      Gender=Masc|Number=Sing
        a          3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        baissé     3 ROOT        VERB  baisser      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        ,          3 punct       PUNCT ,            _
        selon      7 case        ADP   selon        _
        les        7 det         DET   le           Number=Plur
        chiffres   3 obl:mod     NOUN  chiffre      Gender=Masc|Number=Plur
        de        10 case        ADP   de           _
        l'        10 det         DET   le           Number=Sing
        Insee      7 nmod        PROPN Insee        Number=Sing
        .          3 punct       PUNCT .            _
        """,
        5, (),
        ('Le chômage a baissé', "indirect: selon/d'après X", 'Insee'),
    ),
    "pour X after a conjunction": (
        pour,
        "Il a été exclu, car pour lui, la situation n'est pas à prendre à la légère.",
        """
        Il          3 nsubj:pass  PRON  il           Gender=Masc|Number=Sing
        a           3 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        été         3 aux:pass    AUX   être         Tense=Past|VerbForm=Part
        exclu       3 ROOT        VERB  exclure      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass
        ,           3 punct       PUNCT ,            _
        car         3 punct       CCONJ car          _
        pour        7 case        ADP   pour         _
        lui        12 obl:mod     PRON  luire        Gender=Masc|Number=Sing
        ,          12 punct       PUNCT ,            _
        la         10 det         DET   le           Gender=Fem|Number=Sing
        situation  12 nsubj       NOUN  situation    Gender=Fem|Number=Sing
        n'         12 advmod      ADV   ne           _
        est         3 conj        AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        pas        12 advmod      ADV   pas          _
        à          15 mark        ADP   à            _
        prendre    12 xcomp       VERB  prendre      VerbForm=Inf
        à          18 case        ADP   à            _
        la         18 det         DET   le           Gender=Fem|Number=Sing
        légère     15 obl:arg     NOUN  légère       Gender=Fem|Number=Sing
        .          12 punct       PUNCT .            _
        """,
        6, (),
        ("la situation n'est pas à prendre à la légère", 'indirect: pour X, (a stated view)', 'lui'),
    ),
    "pour X inside the view": (
        pour,
        'Cette réforme est, pour la CGT, une provocation inacceptable.',
        """
        Cette          1 det         DET   ce           Gender=Fem|Number=Sing
        réforme        9 nsubj       NOUN  réforme      Gender=Fem|Number=Sing
        est            9 cop         AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        ,              9 punct       PUNCT ,            _
        pour           6 case        ADP   pour         _
        la             6 det         DET   le           Gender=Fem|Number=Sing
        CGT            9 nmod        PROPN CGT          Gender=Fem|Number=Sing
        ,              9 punct       PUNCT ,            _
        une            9 det         DET   un           Gender=Fem|Number=Sing
        provocation    9 ROOT        NOUN  provocation  Gender=Fem|Number=Sing
        inacceptable   9 amod        ADJ   inacceptable Number=Sing
        .              9 punct       PUNCT .            _
        """,
        4, ((6, 7, 'CGT', 'ORG'),),
        ('Cette réforme est, pour la CGT, une provocation inacceptable', 'indirect: pour X, (a stated view)', 'CGT'),
    ),
    "pour a date inside a sentence holds no view": (
        pour,
        'Le budget, pour 2025, augmentera fortement.',
        """
        Le           1 det         DET   le           Gender=Masc|Number=Sing
        budget       6 nsubj       NOUN  budget       Gender=Masc|Number=Sing
        ,            6 punct       PUNCT ,            _
        pour         4 case        ADP   pour         _
        2025         6 obl:mod     NUM   2025         _
        ,            6 punct       PUNCT ,            _
        augmentera   6 ROOT        VERB  augmenter    Mood=Ind|Number=Sing|Tense=Fut|VerbForm=Fin
        fortement    6 advmod      ADV   fortement    _
        .            6 punct       PUNCT .            _
        """,
        3, (),
        None,
    ),
}


@pytest.mark.parametrize("name", list(PLACED))
def test_quotes_frames_frame_reads_its_place_in_the_sentence(name: str) -> None:
    finder, text, table, key, mentions, expected = PLACED[name]
    doc = built(text, table)
    rec = finder(quote_context(doc, *mentions), doc[key])
    found = (doc.text[rec.start : rec.end], rec.evidence, rec.speaker.text) if rec is not None else None
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("La hausse des prix, selon l'Insee, atteindra 2 % l'an prochain.", "La hausse des prix, selon l'Insee, atteindra 2 % l'an prochain", "Insee"),
        ("À en croire le porte-parole du gouvernement, la réforme sera adoptée avant l'été.", "la réforme sera adoptée avant l'été", "le porte-parole du gouvernement"),
        (
            "Vers 16h45, selon le ministère de l'Intérieur, 33 500 manifestants dans toute la France à la mi-journée, dont 2200 à Paris.",
            "33 500 manifestants dans toute la France à la mi-journée, dont 2200 à Paris",
            "le ministère de l'Intérieur",
        ),
        (
            "Samedi, le rassemblement avait réuni jusqu'à 287 710 manifestants d'après les chiffres du ministère de l'Intérieur.",
            "Samedi, le rassemblement avait réuni jusqu'à 287 710 manifestants",
            "ministère de l'Intérieur",
        ),
        (
            "L'attaque, qui serait de nature terroriste, selon la police, aura donc fait trois morts en plus de l'assaillant.",
            "qui serait de nature terroriste",
            "la police",
        ),
        # a verbless phrase after « à en croire X, » tells where X wrote, a verb goes on the words
        (
            "Le Système solaire compterait neuf planètes, à en croire les calculs d’astronomes du Caltech publiés mercredi, dans The Astronomical Journal.",
            "Le Système solaire compterait neuf planètes",
            "Caltech",
        ),
        (
            "Lucy, l'australopithèque aurait, selon des experts, fait une chute mortelle d'un arbre.",
            "Lucy, l'australopithèque aurait, selon des experts, fait une chute mortelle d'un arbre",
            "les experts",
        ),
        (
            "Pour l'ALN (Armée de Libération Nationale), cette journée fut la finalisation d'une victoire acquise depuis les accords d'Évian.",
            "cette journée fut la finalisation d'une victoire acquise depuis les accords d'Évian",
            "Armée de Libération Nationale",
        ),
    ],
)
def test_quotes_frames_real_sentences(analyzer, text: str, quote: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    found = quote_with_text(article, quote)
    assert speaker_name(article, found) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Pour 2025, le budget augmentera fortement.", "Pour la première fois, le budget a augmenté de 3 %.", "Le budget, pour 2025, augmentera fortement."],
)
def test_quotes_frames_pour_a_date_or_a_time_holds_no_view(analyzer, text: str) -> None:
    assert analyzer.analyze(Document(text=text)).quotes == []
