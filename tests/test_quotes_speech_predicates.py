"""Reported speech through support-verb constructions (presse.analyze.quotes.speech_predicates,
lexicons/fr/speech_predicates.tsv): « faire part de », « pointer le doigt sur », « présenter ses
condoléances »."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parses import built, quote_context
from presse.analyze.quotes.np_content import EVIDENCE
from presse.analyze.quotes.speech_predicates import predicate_quote, predicates_of
from presse.lexicons import LexiconFormatError, parse_speech_predicates, speech_predicates
from presse.model import Document

SENTENCES = {
    # content after the preposition, hung on the day (wnkp-fr-44999)
    "faire part de": (
        "Les Verts faisaient part dimanche de leur étonnement.",
        """
        Les        1 det       DET   le         _
        Verts      2 nsubj     PROPN Verts      _
        faisaient  2 ROOT      VERB  faire      VerbForm=Fin
        part       2 obj       NOUN  part       _
        dimanche   2 obl:mod   NOUN  dimanche   _
        de         7 case      ADP   de         _
        leur       7 det       DET   leur       _
        étonnement 4 nmod      NOUN  étonnement _
        .          2 punct     PUNCT .          _
        """,
        2, ("leur étonnement", "Verts"),
    ),
    # content after « sur », the noun in between (wnkp-fr-44635)
    "pointer le doigt sur": (
        "La droite pointe le doigt sur le manque de compétitivité.",
        """
        La           1 det       DET   le           _
        droite       2 nsubj     NOUN  droite       _
        pointe       2 ROOT      VERB  pointer      VerbForm=Fin
        le           4 det       DET   le           _
        doigt        2 obj       NOUN  doigt        _
        sur          7 case      ADP   sur          _
        le           7 det       DET   le           _
        manque       2 obl:arg   NOUN  manque       _
        de           9 case      ADP   de           _
        compétitivité 7 nmod     NOUN  compétitivité _
        .            2 punct     PUNCT .            _
        """,
        2, ("le manque de compétitivité", "droite"),
    ),
    # the speech noun's own phrase; a verb form the lemmatizer keeps (« dresse ») (wikinews-fr-test-d)
    "dresser un tableau": (
        "Jean-Claude Juncker dresse un sombre tableau de la situation.",
        """
        Jean-Claude 2 nsubj     PROPN Jean-Claude _
        Juncker     0 flat:name PROPN Juncker     _
        dresse      2 ROOT      VERB  dresse      VerbForm=Fin
        un          5 det       DET   un          _
        sombre      5 amod      ADJ   sombre      _
        tableau     2 obj       NOUN  tableau     _
        de          8 case      ADP   de          _
        la          8 det       DET   le          _
        situation   5 nmod      NOUN  situation   _
        .           2 punct     PUNCT .           _
        """,
        2, ("un sombre tableau de la situation", "Jean-Claude"),
    ),
    # the plural noun the lemmatizer keeps (« condoléances »)
    "présenter ses condoléances": (
        "Le ministre a présenté ses condoléances aux familles.",
        """
        Le           1 det       DET   le           _
        ministre     3 nsubj     NOUN  ministre     _
        a            3 aux:tense AUX   avoir        VerbForm=Fin
        présenté     3 ROOT      VERB  présenter    Tense=Past|VerbForm=Part
        ses          5 det       DET   son          _
        condoléances 3 obj       NOUN  condoléances _
        aux          7 case      ADP   à            _
        familles     5 nmod      NOUN  famille      _
        .            3 punct     PUNCT .            _
        """,
        3, ("ses condoléances aux familles", "ministre"),
    ),
    # a noun the tagger calls an adjective (« demandé pardon »)
    "demander pardon": (
        "Le policier lui a demandé pardon.",
        """
        Le       1 det       DET   le       _
        policier 4 nsubj     NOUN  policier _
        lui      4 iobj      PRON  lui      _
        a        4 aux:tense AUX   avoir    VerbForm=Fin
        demandé  4 ROOT      VERB  demander Tense=Past|VerbForm=Part
        pardon   4 xcomp     ADJ   pardon   _
        .        4 punct     PUNCT .        _
        """,
        4, ("pardon", "policier"),
    ),
    # negated: nothing was said
    "negated": (
        "Le ministre n'a pas présenté ses excuses.",
        """
        Le       1 det       DET   le        _
        ministre 5 nsubj     NOUN  ministre  _
        n'       5 advmod    ADV   ne        _
        a        5 aux:tense AUX   avoir     VerbForm=Fin
        pas      5 advmod    ADV   pas       _
        présenté 5 ROOT      VERB  présenter Tense=Past|VerbForm=Part
        ses      7 det       DET   son       _
        excuses  5 obj       NOUN  excuse    _
        .        5 punct     PUNCT .         _
        """,
        5, None,
    ),
    # « présenter » without a speech noun is no cue (« a présenté le projet »)
    "no speech noun": (
        "Le ministre a présenté le projet.",
        """
        Le       1 det       DET   le        _
        ministre 3 nsubj     NOUN  ministre  _
        a        3 aux:tense AUX   avoir     VerbForm=Fin
        présenté 3 ROOT      VERB  présenter Tense=Past|VerbForm=Part
        le       5 det       DET   le        _
        projet   3 obj       NOUN  projet    _
        .        3 punct     PUNCT .         _
        """,
        3, None,
    ),
}


@pytest.mark.parametrize("name", list(SENTENCES))
def test_speech_predicates_content_and_speaker(name: str) -> None:
    text, table, verb_at, expected = SENTENCES[name]
    doc = built(text, table)
    rec = predicate_quote(quote_context(doc), doc[verb_at])
    found = (text[rec.start : rec.end], rec.speaker.text) if rec is not None and rec.speaker is not None else None
    assert found == expected
    if rec is not None:
        assert (rec.kind, rec.evidence) == ("indirect", EVIDENCE)


def test_speech_predicates_read_from_the_lexicon() -> None:
    text, table, verb_at, _ = SENTENCES["pointer le doigt sur"]
    doc = built(text, table)
    [(predicate, noun)] = predicates_of(doc[verb_at])
    assert (predicate.verb, predicate.noun, predicate.preposition, noun.text) == ("pointer", "doigt", "sur", "doigt")
    assert [p.preposition for p in speech_predicates()[("prendre", "position")]] == ["pour", "contre"]
    assert [p.preposition for p in speech_predicates()[("présenter", "condoléance")]] == [""]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("faire\tde\tneutral\tcurated\n", "not « verb noun »"),
        ("faire état\tavec\tneutral\tcurated\n", "preposition 'avec'"),
        ("faire état\tde\tcalm\tcurated\n", "class 'calm'"),
    ],
)
def test_speech_predicates_bad_rows_name_the_problem(tmp_path: Path, row: str, problem: str) -> None:
    table = tmp_path / "speech_predicates.tsv"
    table.write_text("# columns: predicate\tprepositions\tclass\tsource\n" + row, encoding="utf-8")
    with pytest.raises(LexiconFormatError, match=problem):
        parse_speech_predicates(table)


# -- the pipeline, on sentences of the dev gold sets --------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Europe Écologie Les Verts faisait part dimanche soir de son étonnement à la suite de ces déclarations.",
            "son étonnement", "Europe Écologie", id="faire-part-de",
        ),
        pytest.param(
            "Dans son entretien, Jean-Claude Juncker dresse un sombre tableau de la situation européenne.",
            "un sombre tableau de la situation européenne", "Jean-Claude Juncker", id="dresser-un-tableau",
        ),
        pytest.param(
            "Le Premier ministre Prayut Chan-o-cha a présenté ses condoléances aux parents des victimes.",
            "ses condoléances aux parents des victimes", "Prayut", id="présenter-ses-condoléances",
        ),
        pytest.param(
            "Le syndicat a tiré la sonnette d'alarme sur la situation des urgences.",
            "la situation des urgences", "syndicat", id="tirer-la-sonnette-d-alarme-sur",
        ),
    ],
)
def test_speech_predicates_in_the_pipeline(analyzer, text: str, content: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    found = [(q.kind, q.text, q.speaker.name) for q in article.quotes]
    assert any(k == "indirect" and t == content and speaker.lower() in (s or "").lower() for k, t, s in found), found


@pytest.mark.model
def test_speech_predicates_from_the_command_line(tmp_path: Path) -> None:
    article = tmp_path / "urgences.txt"
    article.write_text(
        "Urgences saturées\n\nLe syndicat SUD Santé a tiré mardi la sonnette d'alarme sur la situation des "
        "urgences de l'hôpital de Brest.\n",
        encoding="utf-8",
    )
    presse = Path(sys.executable).parent / "presse"
    result = subprocess.run([str(presse), "analyze", str(article), "--format", "json"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    said = [q for q in json.loads(result.stdout)["quotes"] if q["evidence"].startswith(EVIDENCE)]
    assert [(q["kind"], q["text"]) for q in said] == [("indirect", "la situation des urgences de l'hôpital de Brest")]
