"""Actor names are clean noun phrases and actor types agree with the lexicons (issue 22, defects
9 and 10), on sentences and articles of the French Wikinews corpus and the reference article."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import EXAMPLE, shared_path
from presse.ingest import read_source
from presse.model import Article, Document, Entity

QUOTE_PAIRS = (("«", "»"), ("“", "”"))
LEADING_PREPOSITION = re.compile(r"^(?:à|au|aux|du|des|de|d['’])\s")


def _phrases(entity: Entity) -> list[str]:
    return [entity.name, *entity.aliases, *entity.descriptions]


def _corpus_article(analyzer, record_id: str) -> Article:
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    return analyzer.analyze(next(read_source(path, record_id=record_id)))


def _entity(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name]
    assert found, [(e.name, e.type) for e in article.entities]
    return found[0]


@pytest.mark.parametrize(
    ("record_id", "junk"),
    [
        ("winer-fr-2016_03_08-002", "le maire de Sevran\n\n"),  # a collective ending on the title's line break
        ("winer-fr-2016_11_01-002", "Deutsche Welle\n\n"),  # a NER span ending on a line break
        ("winer-fr-2017_04_04-001", "porte-parole de la diplomatie européenne\n\n"),
    ],
)
def test_actor_hygiene_no_whitespace_in_names(analyzer, record_id: str, junk: str) -> None:
    article = _corpus_article(analyzer, record_id)
    phrases = [p for e in article.entities for p in _phrases(e)]
    assert junk.strip() in {" ".join(p.split()) for p in phrases}  # the actor is still there
    assert [p for p in phrases if re.search(r"\s{2,}|\n", p) or p != p.strip()] == []


@pytest.mark.parametrize(
    ("record_id", "junk"),
    [
        ("winer-fr-2016_03_08-002", "les tous les parents » de Sevran"),
        ("winer-fr-2017_03_22-001", "TMC « Quotidien"),
        ("winer-fr-2017_03_25-003", "Sapin 2 » relative à la transparence"),
    ],
)
def test_actor_hygiene_quote_marks_paired(analyzer, record_id: str, junk: str) -> None:
    article = _corpus_article(analyzer, record_id)
    unpaired = [p for e in article.entities for p in _phrases(e) if any(p.count(a) != p.count(b) for a, b in QUOTE_PAIRS)]
    assert unpaired == [], f"was {junk!r}"


def test_actor_hygiene_party_in_quote_marks_keeps_them(analyzer) -> None:
    # winer-fr-2016_03_08-001
    article = analyzer.analyze(Document(text=(
        "La député du parti « Les Républicains » officialise aujourd'hui sa candidature pour la "
        "primaire de la droite et du centre."
    )))
    names = [e.name for e in article.entities]
    assert "le député du parti « Les Républicains »" in names, names


@pytest.mark.parametrize(
    ("person", "description"),
    [
        ("Vladimir Poutine", "le président russe"),  # « elle a offert au président russe une scène »
        ("Donald Trump", "le président des États-Unis"),  # « aux côtés du président des États-Unis »
    ],
)
def test_actor_hygiene_descriptions_without_preposition(reference_article: Article, person: str, description: str) -> None:
    entity = _entity(reference_article, person)
    assert description in entity.descriptions
    assert [d for d in entity.descriptions if LEADING_PREPOSITION.match(d)] == []


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        # the tagger reads « spectatrice » as plural; a bare predicate noun is nobody
        ("L’Ukraine, principale concernée par la guerre, reste spectatrice. Trump a promis un appel à Zelensky.", "les spectatrice"),
        # winer-fr-2017_02_10-002: an all-capitals word the tagger reads as plural
        ("Le président des États-Unis Donald Trump a immédiatement réagi sur Twitter : « ON SE VOIT AU "
         "TRIBUNAL, LA SÉCURITÉ DE NOTRE NATION EST EN JEU! », a-t-il écrit.", "les TRIBUNAL"),
        # winer-fr-2016_10_24-004: a year after the noun is not a plural numeral
        ("La seconde place revient à la Britannique Lesley Paterson, championne 2011 et 2012, auteure "
         "d'une belle remontée.", "les championne"),
    ],
)
def test_actor_hygiene_number_agreement(analyzer, text: str, junk: str) -> None:
    names = [e.name for e in analyzer.analyze(Document(text=text)).entities]
    assert junk not in names, names
    assert [n for n in names if re.match(r"les [^\W\d]+[^sxz\W]\b", n)] == [], names


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # demonyms and gentilés are groups of people, never places
        ("La rencontre en Alaska a offert au président russe un tête-à-tête direct avec Washington, "
         "au détriment de Kiev et des Européens.", "Européens", "MISC"),
        ("Selon Guy Chevrette, cette annonce est « une victoire pour la société québécoise et les "
         "Québécois en général. »", "Québécois", "MISC"),
        # parties are organisations
        ("La Ligue du Nord, similaire au Front national français, est en tête de cette coalition et "
         "base sa campagne sur l'euroscepticisme.", "Ligue du Nord", "ORG"),
        ("Le RN a remporté les élections européennes, a déclaré Marine Le Pen.", "RN", "ORG"),
        # … but « la RN 79 » is a road
        ("Un accident est survenu ce matin sur la RN 79, à proximité du viaduc de Charolles.", "RN 79", "LOC"),
        # a disease is not a person
        ("Le représentant de l'OMS a annoncé que « la transmission du virus Ebola » était terminée. "
         "Ebola n'est pas éradiqué.", "Ebola", "MISC"),
        # persons: a first name and a surname, a role noun before the name
        ("Après l'avoir promis dans sa campagne électorale, la nouvelle maire de la ville, Virginia "
         "Raggi, a officialisé la fin de la candidature de Rome.", "Virginia Raggi", "PER"),
        ("La guerre oppose les partisans du président Salva Kiir à ceux de l’ex vice-président Riek "
         "Machar, appartenant aux Nuers.", "Riek Machar", "PER"),
        # the NER makes one ORG span of the party and the person
        ("La candidate du Rassemblement national Marine Le Pen était à Lille.", "Marine Le Pen", "PER"),
    ],
)
def test_actor_hygiene_types_follow_lexicons(analyzer, text: str, name: str, type_: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert _entity(article, name).type == type_


def test_actor_hygiene_demonyms_never_sidelined() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", "analyze", str(EXAMPLE)], capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr.decode()
    report = result.stdout.decode()
    assert "Sidelined" in report
    sidelined = report.split("Sidelined", 1)[1]
    assert "Européens" not in sidelined
    assert "Occidentaux" not in sidelined
