"""Structure detection from plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from presse.analyze.structure import detect_structure, parse_french_date, split_byline

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "anchorage-summit.fr.txt"


def test_structure_reference_article_headings_and_byline() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    s = detect_structure(text)
    headings = [text[b.start : b.end] for b in s.headings()]
    assert headings == [
        "Un sommet attendu, mais qui laisse perplexe",
        "Poutine, le grand bénéficiaire de la rencontre",
        "Trump, entre menaces et admiration retrouvée",
        "Un statu quo diplomatique qui profite au Kremlin",
        "Kiev reléguée au second plan",
        "Un sommet sans percée, mais riche en enseignements",
    ]
    assert s.authors == ["Paul Lamier"]
    assert s.outlet == "Grandes Lignes"
    assert s.title is None
    assert s.standfirst is not None and s.standfirst.startswith("La rencontre en Alaska")
    assert sum(1 for b in s.blocks if b.kind == "list_item") == 4


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("Paul Lamier Grandes Lignes", ["Paul Lamier"], "Grandes Lignes"),
        ("Par Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"], None),
        ("Par Sophie Martin / Le Quotidien", ["Sophie Martin"], "Le Quotidien"),
        ("Jean-Yves Le Drian", ["Jean-Yves Le Drian"], None),
    ],
)
def test_structure_splits_bylines(line: str, authors: list[str], outlet: str | None) -> None:
    assert split_byline(line) == (authors, outlet)


@pytest.mark.parametrize("line", ["La guerre continue en Ukraine.", "Les combats se poursuivent", "lundi 3 mars"])
def test_structure_rejects_non_bylines(line: str) -> None:
    assert split_byline(line) is None


def test_structure_title_and_dateline_from_record_text() -> None:
    text = (
        "Ebola : l'OMS déclare que l'épidémie est terminée\n\n"
        "1er janvier 2016. – Lors d'un discours prononcé en Guinée, le représentant de l'OMS a annoncé la fin."
    )
    s = detect_structure(text, has_title=True)
    assert s.title == "Ebola : l'OMS déclare que l'épidémie est terminée"
    assert s.published is not None and s.published.isoformat() == "2016-01-01"


@pytest.mark.parametrize(("text", "iso"), [("15 août 2025", "2025-08-15"), ("le 1er mars 2017", "2017-03-01"), ("rien", None)])
def test_structure_parses_french_dates(text: str, iso: str | None) -> None:
    d = parse_french_date(text)
    assert (d.isoformat() if d else None) == iso


def test_structure_bullets_are_list_items() -> None:
    text = "Titre court\n\nUn paragraphe assez long pour être un paragraphe et pas un titre de section.\n- premier point ;\n- second point."
    s = detect_structure(text)
    assert [b.kind for b in s.blocks][-2:] == ["list_item", "list_item"]


def test_structure_standfirst_known_from_markup() -> None:
    text = (
        "Zone euro : la disparition du billet de 500 euros actée\n\n"
        "La BCE a tranché : plus de nouvelle émission de la plus grosse coupure européenne.\n"
        "4 mai 2016. – Ce mercredi 4 mai la Banque centrale européenne devait se prononcer.\n"
        "La disparition des coupures de 500 € se fera progressivement."
    )
    standfirst = text.split("\n")[2]
    structure = detect_structure(text, has_title=True, standfirst=standfirst)
    assert structure.standfirst == standfirst
    assert [b.kind for b in structure.blocks] == ["title", "standfirst", "paragraph", "paragraph"]
    assert structure.published is not None and structure.published.isoformat() == "2016-05-04"
