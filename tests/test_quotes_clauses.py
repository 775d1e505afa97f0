"""Que-clauses and infinitives (presse.analyze.quotes.clauses), on hand-built parses."""

from __future__ import annotations

import pytest

from conftest import quote_with_text, speaker_name
from parses import built, quote_context
from presse.analyze.quotes.clauses import content_clause, spoken_purpose
from presse.analyze.quotes.cues import cue_of
from presse.model import Document
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
    'a que-clause the parser read as a relative after a day': (
        "Il a réaffirmé lundi qu'il irait au bout de sa campagne.",
        """
        Il          2 nsubj       PRON  il           Gender=Masc|Number=Sing
        a           2 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        réaffirmé   2 ROOT        VERB  réaffirmer   Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        lundi       2 obj         NOUN  lundi        Gender=Masc|Number=Sing
        qu'         6 obj         PRON  que          _
        il          6 nsubj       PRON  il           Gender=Masc|Number=Sing
        irait       2 ccomp       VERB  aller        Mood=Ind|Number=Sing|Tense=Imp|VerbForm=Fin
        au          8 case        ADP   au           Gender=Masc|Number=Sing
        bout        6 obl:mod     NOUN  bout         Gender=Masc|Number=Sing
        de         11 case        ADP   de           _
        sa         11 det         DET   son          Gender=Fem|Number=Sing
        campagne    8 nmod        NOUN  campagne     Gender=Fem|Number=Sing
        .           2 punct       PUNCT .            _
        """,
        2, ('il irait au bout de sa campagne', 'indirect: reporting verb + que-clause (by position)', 'Il'),
    ),
    'a pronominal verb of feeling with de + infinitive': (
        "Le ministre s'est félicité d'avoir obtenu un accord.",
        """
        Le         1 det         DET   le           Gender=Masc|Number=Sing
        ministre   4 nsubj       NOUN  ministre     Gender=Masc|Number=Sing
        s'         4 expl:comp   PRON  se           Reflex=Yes
        est        4 aux:tense   AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        félicité   4 ROOT        VERB  féliciter    Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        d'         7 mark        ADP   de           _
        avoir      7 aux:tense   AUX   avoir        VerbForm=Inf
        obtenu     4 xcomp       VERB  obtenir      Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        un         9 det         DET   un           Gender=Masc|Number=Sing
        accord     7 obj         NOUN  accord       Gender=Masc|Number=Sing
        .          4 punct       PUNCT .            _
        """,
        4, ('avoir obtenu un accord', 'indirect: reporting verb + infinitive', 'ministre'),
    ),
    'an infinitive ends before a participle set off by a comma': (
        'Jean Dupont appelle les manifestants à se diriger vers la place, suivis par des camions.',
        """
        Jean           2 nsubj       PROPN Jean         Gender=Fem|Number=Sing
        Dupont         0 flat:name   PROPN Dupont       _
        appelle        2 ROOT        VERB  appeler      Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        les            4 det         DET   le           Number=Plur
        manifestants   2 obj         NOUN  manifestant  Gender=Masc|Number=Plur
        à              7 mark        ADP   à            _
        se             7 expl:comp   PRON  se           Reflex=Yes
        diriger        2 xcomp       VERB  diriger      VerbForm=Inf
        vers          10 case        ADP   vers         _
        la            10 det         DET   le           Gender=Fem|Number=Sing
        place          7 obl:arg     NOUN  place        Gender=Fem|Number=Sing
        ,              2 punct       PUNCT ,            _
        suivis         7 advcl       VERB  suivre       Gender=Masc|Number=Plur|Tense=Past|VerbForm=Part
        par           15 case        ADP   par          _
        des           15 det         DET   un           Number=Plur
        camions       12 obl:agent   NOUN  camion       Gender=Masc|Number=Plur
        .              2 punct       PUNCT .            _
        """,
        2, ('se diriger vers la place', 'indirect: reporting verb + infinitive', 'Jean'),
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


# « pour » + reporting infinitive: said when the main verb is an occasion of speech
OCCASIONS = {
    "profiter pour rappeler": (
        "Le ministre en a profité pour rappeler qu'une enquête était en cours.",
        """
        Le         1 det         DET   le           Gender=Masc|Number=Sing
        ministre   4 nsubj       NOUN  ministre     Gender=Masc|Number=Sing
        en         4 iobj        PRON  en           _
        a          4 aux:tense   AUX   avoir        Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        profité    4 ROOT        VERB  profiter     Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        pour       6 mark        ADP   pour         _
        rappeler   4 xcomp       VERB  rappeler     VerbForm=Inf
        qu'       12 mark        SCONJ que          _
        une        9 det         DET   un           Gender=Fem|Number=Sing
        enquête   12 nsubj       NOUN  enquête      Gender=Fem|Number=Sing
        était     12 cop         AUX   être         Mood=Ind|Number=Sing|Tense=Imp|VerbForm=Fin
        en        12 case        ADP   en           _
        cours      6 ccomp       NOUN  cours        Gender=Masc
        .          4 punct       PUNCT .            _
        """,
        6, True,
    ),
    "venir pour dire is a plan": (
        'Le ministre est venu pour dire que tout allait bien.',
        """
        Le         1 det         DET   le           Gender=Masc|Number=Sing
        ministre   3 nsubj       NOUN  ministre     Gender=Masc|Number=Sing
        est        3 aux:tense   AUX   être         Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
        venu       3 ROOT        VERB  venir        Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
        pour       5 mark        ADP   pour         _
        dire       3 xcomp       VERB  dire         VerbForm=Inf
        que        8 mark        SCONJ que          _
        tout       8 nsubj       PRON  tout         Gender=Masc|Number=Sing
        allait     5 ccomp       VERB  aller        Mood=Ind|Number=Sing|Tense=Imp|VerbForm=Fin
        bien       8 advmod      ADV   bien         _
        .          3 punct       PUNCT .            _
        """,
        5, False,
    ),
}


@pytest.mark.parametrize("name", list(OCCASIONS))
def test_quotes_clauses_spoken_purpose(name: str) -> None:
    text, table, verb, said = OCCASIONS[name]
    doc = built(text, table)
    assert spoken_purpose(doc[verb]) is said


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Jean Dupont a été réélu. Il a réaffirmé lundi qu'il irait au bout de son mandat.", "il irait au bout de son mandat", "Jean Dupont"),
        ("Le ministre Jean Dupont s'est félicité d'avoir obtenu un accord.", "avoir obtenu un accord", "Jean Dupont"),
        (
            "Le ministre Jean Dupont en a profité pour rappeler dans un communiqué qu'une enquête était en cours.",
            "une enquête était en cours",
            "Jean Dupont",
        ),
    ],
)
def test_quotes_clauses_real_sentences(analyzer, text: str, quote: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    found = quote_with_text(article, quote)
    assert speaker_name(article, found) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Le ministre viendra demain pour dire que tout va bien.", "Le ministre devrait venir pour dire que tout va bien."]
)
def test_quotes_clauses_a_plan_to_speak_is_not_speech(analyzer, text: str) -> None:
    # a purpose after a done act is said (« est venu pour dire que » : np_content.done_infinitive);
    # after an act to come it is only a plan
    article = analyzer.analyze(Document(text=text))
    assert article.quotes == []
