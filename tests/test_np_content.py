"""Reported speech with noun-phrase content (presse.analyze.quotes.np_content, guidelines §3a).

The rule tests build the parse by hand (as spaCy's own tests do), so each shows the construction
it handles whatever the model makes of it; the pipeline tests run real sentences of the dev gold
and the command line as a user meets it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from parses import built, quote_context
from presse.analyze.actors import Actors
from presse.analyze.quotes.cues import cue_of
from presse.analyze.quotes.np_content import (
    EVIDENCE,
    content_prepositions,
    noun_phrase_content,
    noun_phrase_quote,
)
from presse.lexicons import reporting_verbs
from presse.model import Document

VOCAB = spacy.blank("fr").vocab
NO_ACTORS = Actors(entities=[], by_token={})
MORPHS = {"": "", "Fin": "VerbForm=Fin", "Part": "Tense=Past|VerbForm=Part"}
Row = tuple[str, int, str, str, str, str]


def _parse(spec: str) -> list[Row]:
    """Rows of (word, head, dependency, POS, lemma, morphology) from tokens written
    ``word/head/dep/POS/lemma[/Fin|Part]`` and separated by spaces."""
    rows = []
    for token in spec.split():
        word, head, dep, pos, lemma, *morph = token.split("/")
        rows.append((word, int(head), dep, pos, lemma, MORPHS[morph[0] if morph else ""]))
    return rows


def _doc(rows: list[Row]) -> Doc:
    """A parsed Doc from rows of (word, head index, dependency, POS, lemma, morphology)."""
    words, heads, deps, pos, lemmas, morphs = (list(column) for column in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)


def _content(rows: list[Row], verb_at: int) -> tuple[str | None, str | None]:
    """The content text the rule finds for the verb at `verb_at`, and the passive agent."""
    doc = _doc(rows)
    verb = doc[verb_at]
    found = noun_phrase_content(verb, reporting_verbs()[verb.lemma_], NO_ACTORS)
    if found is None:
        return None, None
    return doc[found.first : found.last + 1].text, found.agent.text if found.agent else None


# "Le syndicat a dénoncé la fermeture du site ."
DENOUNCED = _parse(
    "Le/1/det/DET/le syndicat/3/nsubj/NOUN/syndicat a/3/aux:tense/AUX/avoir/Fin "
    "dénoncé/3/ROOT/VERB/dénoncer/Part la/5/det/DET/le fermeture/3/obj/NOUN/fermeture "
    "du/7/case/ADP/de site/5/nmod/NOUN/site ./3/punct/PUNCT/."
)
# "La fermeture a été démentie par EDF ."
DENIED_BY = _parse(
    "La/1/det/DET/le fermeture/4/nsubj:pass/NOUN/fermeture a/4/aux:tense/AUX/avoir/Fin "
    "été/4/aux:pass/AUX/être/Part démentie/4/ROOT/VERB/démentir/Part par/6/case/ADP/par "
    "EDF/4/obl:agent/PROPN/EDF ./4/punct/PUNCT/."
)
# "La fermeture , dénoncée par le syndicat , inquiète ."
PARTICIPLE = _parse(
    "La/1/det/DET/le fermeture/8/nsubj/NOUN/fermeture ,/3/punct/PUNCT/, "
    "dénoncée/1/acl/VERB/dénoncer/Part par/6/case/ADP/par le/6/det/DET/le "
    "syndicat/3/obl:agent/NOUN/syndicat ,/3/punct/PUNCT/, inquiète/8/ROOT/VERB/inquiéter/Fin "
    "./8/punct/PUNCT/."
)
# "Le maire a appelé à la prudence ."
CALLED_FOR = _parse(
    "Le/1/det/DET/le maire/3/nsubj/NOUN/maire a/3/aux:tense/AUX/avoir/Fin "
    "appelé/3/ROOT/VERB/appeler/Part à/6/case/ADP/à la/6/det/DET/le "
    "prudence/3/obl:arg/NOUN/prudence ./3/punct/PUNCT/."
)
# "Elle l' a félicité pour sa victoire ."
CONGRATULATED = _parse(
    "Elle/3/nsubj/PRON/elle l'/3/obj/PRON/le a/3/aux:tense/AUX/avoir/Fin "
    "félicité/3/ROOT/VERB/féliciter/Part pour/6/case/ADP/pour sa/6/det/DET/son "
    "victoire/3/obl:arg/NOUN/victoire ./3/punct/PUNCT/."
)
# "Il a dénoncé la fermeture « brutale » du site ."
MIXED = _parse(
    "Il/2/nsubj/PRON/il a/2/aux:tense/AUX/avoir/Fin dénoncé/2/ROOT/VERB/dénoncer/Part "
    "la/4/det/DET/le fermeture/2/obj/NOUN/fermeture «/6/punct/PUNCT/« brutale/4/amod/ADJ/brutal "
    "»/6/punct/PUNCT/» du/9/case/ADP/de site/4/nmod/NOUN/site ./2/punct/PUNCT/."
)
# "Daesh a revendiqué l' attaque samedi ." (the time hung on the noun)
CLAIMED = _parse(
    "Daesh/2/nsubj/PROPN/Daesh a/2/aux:tense/AUX/avoir/Fin "
    "revendiqué/2/ROOT/VERB/revendiquer/Part l'/4/det/DET/le attaque/2/obj/NOUN/attaque "
    "samedi/4/nmod/NOUN/samedi ./2/punct/PUNCT/."
)
# "Le préfet a annoncé la suppression de 134 emplois en France ." (« en France » hung on the verb)
ANNOUNCED = _parse(
    "Le/1/det/DET/le préfet/3/nsubj/NOUN/préfet a/3/aux:tense/AUX/avoir/Fin "
    "annoncé/3/ROOT/VERB/annoncer/Part la/5/det/DET/le suppression/3/obj/NOUN/suppression "
    "de/8/case/ADP/de 134/8/nummod/NUM/134 emplois/5/nmod/NOUN/emploi en/10/case/ADP/en "
    "France/3/obl:mod/NOUN/France ./3/punct/PUNCT/."
)


@pytest.mark.parametrize(
    ("rows", "verb_at", "content", "agent"),
    [
        pytest.param(DENOUNCED, 3, "la fermeture du site", None, id="object"),
        pytest.param(DENIED_BY, 4, "La fermeture", "EDF", id="passive"),
        pytest.param(PARTICIPLE, 3, "La fermeture", "syndicat", id="participle-with-agent"),
        pytest.param(CALLED_FOR, 3, "la prudence", None, id="appeler-à"),
        pytest.param(CONGRATULATED, 3, "sa victoire", None, id="féliciter-pour"),
        pytest.param(MIXED, 2, "la fermeture « brutale » du site", None, id="words-in-marks"),
        pytest.param(CLAIMED, 2, "l' attaque", None, id="time-left-out"),
        pytest.param(ANNOUNCED, 3, "la suppression de 134 emplois en France", None, id="complement-hung-on-verb"),
    ],
)
def test_np_content_finds_the_noun_phrase(rows, verb_at, content, agent) -> None:
    assert _content(rows, verb_at) == (content, agent)


@pytest.mark.parametrize(
    ("spec", "verb_at"),
    [
        # a person or group object: « Le maire a salué la foule . »
        pytest.param("Le/1/det/DET/le maire/3/nsubj/NOUN/maire a/3/aux:tense/AUX/avoir/Fin "
                     "salué/3/ROOT/VERB/saluer/Part la/5/det/DET/le foule/3/obj/NOUN/foule ./3/punct/PUNCT/.", 3,
                     id="person-object"),
        # a pronoun object and no « pour » content: « Elle l' a félicité . »
        pytest.param("Elle/3/nsubj/PRON/elle l'/3/obj/PRON/le a/3/aux:tense/AUX/avoir/Fin "
                     "félicité/3/ROOT/VERB/féliciter/Part ./3/punct/PUNCT/.", 3, id="no-content"),
        # a named object: « Le syndicat a dénoncé Dupont . »
        pytest.param("Le/1/det/DET/le syndicat/3/nsubj/NOUN/syndicat a/3/aux:tense/AUX/avoir/Fin "
                     "dénoncé/3/ROOT/VERB/dénoncer/Part Dupont/3/obj/PROPN/Dupont ./3/punct/PUNCT/.", 3,
                     id="named-object"),
        # a passive with no agent: nobody is said to speak (« La fermeture a été démentie . »)
        pytest.param("La/1/det/DET/le fermeture/4/nsubj:pass/NOUN/fermeture a/4/aux:tense/AUX/avoir/Fin "
                     "été/4/aux:pass/AUX/être/Part démentie/4/ROOT/VERB/démentir/Part ./4/punct/PUNCT/.", 4,
                     id="passive-without-agent"),
        # only someone's words in marks with their article (« Il a dénoncé la « fermeture » . »): the
        # direct quotation says it all
        pytest.param("Il/2/nsubj/PRON/il a/2/aux:tense/AUX/avoir/Fin dénoncé/2/ROOT/VERB/dénoncer/Part "
                     "la/5/det/DET/le «/5/punct/PUNCT/« fermeture/2/obj/NOUN/fermeture »/5/punct/PUNCT/» "
                     "./2/punct/PUNCT/.", 2, id="only-quoted-words"),
        # negated: « Il n' a pas dénoncé la fermeture . »
        pytest.param("Il/4/nsubj/PRON/il n'/4/advmod/ADV/ne a/4/aux:tense/AUX/avoir/Fin pas/4/advmod/ADV/pas "
                     "dénoncé/4/ROOT/VERB/dénoncer/Part la/6/det/DET/le fermeture/4/obj/NOUN/fermeture "
                     "./4/punct/PUNCT/.", 4, id="negated"),
        # an incise whose inverted subject parses as the object: « « … » , a dénoncé la fermeture . »
        pytest.param("»/3/punct/PUNCT/» ,/3/punct/PUNCT/, a/3/aux:tense/AUX/avoir/Fin "
                     "dénoncé/3/ROOT/VERB/dénoncer/Part la/5/det/DET/le fermeture/3/obj/NOUN/fermeture "
                     "./3/punct/PUNCT/.", 3, id="incise"),
        # a fronted participle whose noun the parser made its object: « Annoncé hier , le sommet . »
        pytest.param("Annoncé/0/ROOT/VERB/annoncer/Part hier/0/advmod/ADV/hier ,/0/punct/PUNCT/, "
                     "le/4/det/DET/le sommet/0/obj/NOUN/sommet ./0/punct/PUNCT/.", 0, id="bare-participle"),
    ],
)
def test_np_content_refuses_what_is_not_said(spec, verb_at) -> None:
    assert _content(_parse(spec), verb_at) == (None, None)


@pytest.mark.parametrize(
    ("lemma", "prepositions"),
    [
        ("dénoncer", {""}), ("réclamer", {""}), ("démentir", {""}), ("annoncer", {""}), ("saluer", {"", "pour"}),
        ("revendiquer", {""}), ("condamner", {""}), ("appeler", {"à"}), ("féliciter", {"", "pour"}),
        ("faire part", {"de"}),
        # verbs of doing or deciding, and senses of showing rather than saying
        ("ordonner", set()), ("approuver", set()), ("dévoiler", set()), ("rendre public", set()),
    ],
)
def test_np_content_frames_come_from_the_lexicon(lemma, prepositions) -> None:
    assert content_prepositions(reporting_verbs()[lemma]) == prepositions


@pytest.mark.parametrize("lemma", ["publier", "signer", "adopter", "voter", "décider", "organiser", "interdire"])
def test_np_content_verbs_of_doing_are_not_cues(lemma) -> None:
    entry = reporting_verbs().get(lemma)
    assert entry is None or not content_prepositions(entry)


# -- the pipeline, on sentences of the dev gold ------------------------------------------------


def _quotes(analyzer, text: str) -> list[tuple[str, str, str | None]]:
    article = analyzer.analyze(Document(text=text))
    out = []
    for q in article.quotes:
        ent = article.entity(q.speaker.entity) if q.speaker.entity else None
        out.append((q.kind, q.text, ent.name if ent else q.speaker.name))
    return out


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Les forces rebelles ont nié ces deux accusations et prétendent que des milices associées au "
            "gouvernement ont mis en place des barrages routiers le long de leur route.",
            ("indirect", "ces deux accusations", "Les forces rebelles"), id="object-then-que-clause",
        ),
        pytest.param(
            "Cette information est confirmée par la suite par les autorités.",
            ("indirect", "Cette information", "les autorités"), id="passive",
        ),
        pytest.param(
            "La sécurité civile du département avait appelé à la prudence et demandé aux riverains de rester chez eux.",
            ("indirect", "la prudence", "La sécurité civile du département"), id="appeler-à",
        ),
        pytest.param(
            "Arnaud Montebourg annonce son soutien à Benoît Hamon et appelle à la fin de la « dérive » de la gauche.",
            ("mixed", "la fin de la « dérive » de la gauche", "Arnaud Montebourg"), id="mixed",
        ),
    ],
)
def test_np_content_in_the_pipeline(analyzer, text, expected) -> None:
    found = _quotes(analyzer, text)
    kind, span, speaker = expected
    assert any(k == kind and t == span and (s or "").lower() == speaker.lower() for k, t, s in found), found


@pytest.mark.model
def test_np_content_mixed_keeps_its_direct_stretch(analyzer) -> None:
    found = {(k, t) for k, t, _ in _quotes(analyzer, "Le syndicat a appelé à la fin de la « dérive » de la direction.")}
    assert {("mixed", "la fin de la « dérive » de la direction"), ("direct", "dérive")} <= found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a publié le décret mardi.",
        "Le président a salué la foule depuis le balcon.",
        "Raúl Castro n'a pas confirmé les causes de la mort de Fidel Castro.",
        "Le tribunal l'a condamné à deux ans de prison.",
    ],
)
def test_np_content_pipeline_refuses(analyzer, text) -> None:
    assert _quotes(analyzer, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Le ministre a dénoncé un « crime barbare ».", "crime barbare"),
        ("Le pape condamne ce « crime barbare ».", "crime barbare"),
        ("La ministre a fait part de sa « vive émotion ».", "vive émotion"),
    ],
)
def test_np_content_quoted_words_only_stay_one_direct_quote(analyzer, text, words) -> None:
    assert [(k, t) for k, t, _ in _quotes(analyzer, text)] == [("direct", words)]


@pytest.mark.model
def test_np_content_from_the_command_line(tmp_path: Path) -> None:
    article = tmp_path / "greve.txt"
    article.write_text(
        "Grève à l'usine\n\nLe syndicat CGT a dénoncé mardi la fermeture du site de Florange, "
        "qui emploie 600 salariés.\n",
        encoding="utf-8",
    )
    presse = Path(sys.executable).parent / "presse"
    result = subprocess.run([str(presse), "analyze", str(article), "--format", "json"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    quotes = json.loads(result.stdout)["quotes"]
    said = [q for q in quotes if q["evidence"].startswith(EVIDENCE)]
    assert [q["text"] for q in said] == ["la fermeture du site de Florange, qui emploie 600 salariés"]
    assert said[0]["kind"] == "indirect" and said[0]["cue"] == "a dénoncé"


NP_SENTENCES = {
    "the syndicate denounces": (
        "Le syndicat a dénoncé la fermeture du site.",
        """
        Le         1 det       DET   le        _
        syndicat   3 nsubj     NOUN  syndicat  _
        a          3 aux:tense AUX   avoir     VerbForm=Fin
        dénoncé    3 ROOT      VERB  dénoncer  Tense=Past|VerbForm=Part
        la         5 det       DET   le        _
        fermeture  3 obj       NOUN  fermeture _
        du         7 case      ADP   de        _
        site       5 nmod      NOUN  site      _
        .          3 punct     PUNCT .         _
        """,
        ("la fermeture du site", "syndicat"),
    ),
    "a report states facts": (
        "Le rapport a révélé la fermeture du site.",
        """
        Le         1 det       DET   le        _
        rapport    3 nsubj     NOUN  rapport   _
        a          3 aux:tense AUX   avoir     VerbForm=Fin
        révélé     3 ROOT      VERB  révéler   Tense=Past|VerbForm=Part
        la         5 det       DET   le        _
        fermeture  3 obj       NOUN  fermeture _
        du         7 case      ADP   de        _
        site       5 nmod      NOUN  site      _
        .          3 punct     PUNCT .         _
        """,
        None,
    ),
}


@pytest.mark.parametrize("name", list(NP_SENTENCES))
def test_np_content_quote_with_its_speaker(name: str) -> None:
    text, table, expected = NP_SENTENCES[name]
    doc = built(text, table)
    cue = cue_of(doc[3])
    assert cue is not None
    rec = noun_phrase_quote(quote_context(doc), doc[3], cue)
    assert ((doc.text[rec.start : rec.end], rec.speaker.text) if rec is not None else None) == expected
    if rec is not None:
        assert rec.evidence == EVIDENCE and rec.kind == "indirect"
