"""Dated knowledge: the dateline gives the article's date when the source gives none, office-holders
are looked up on that date, a name the text gives wins over the knowledge file, and a feminine
role rules out a man."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from presse.analyze.dateline import read_dateline
from presse.analyze.structure import detect_structure
from presse.knowledge import holder

TODAY = date(2025, 3, 1)
GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold"


@pytest.mark.parametrize(
    ("line", "day", "whole_line"),
    [
        ("18 janvier 2018. – Le ministre a déclaré", date(2018, 1, 18), False),
        ("12 mars 2017. –", date(2017, 3, 12), True),
        ("Lundi 3 juin 2019 – Le ministre a déclaré", date(2019, 6, 3), False),
        ("1er janvier 2017, 1 h 30 UTC+3. – Au moins 35 personnes", date(2017, 1, 1), False),
        ("26 juillet 2016, Normandie. –", date(2016, 7, 26), True),
        ("31 mars 2016, 15:37 (UTC). –", date(2016, 3, 31), True),
        ("25 août 2016, 16\u202fh\u202f38 UTC. –", date(2016, 8, 25), True),
        ("Page actualisée : 13 octobre 2016 — « Burundi : … »", date(2016, 10, 13), False),
        # no year: the most recent such day up to today
        ("PARIS, 12 mars (AFP) - Le ministre a déclaré", date(2024, 3, 12), False),
        ("PARIS, 12 février (AFP) - Le ministre a déclaré", date(2025, 2, 12), False),
    ],
)
def test_dateline_read(line: str, day: date, whole_line: bool) -> None:
    found = read_dateline(line, today=TODAY)
    assert found is not None and found.day == day and found.whole_line is whole_line


@pytest.mark.parametrize(
    "line",
    [
        "Le 12 mars 2017, le ministre a déclaré",  # a date inside a sentence
        "12 mars 2017 a été une journée de grève",  # a sentence that starts with a date
        "12 mars 2017 Le ministre",  # no dash, more than the date on the line
        "31 février 2017. – Le ministre",  # no such day
    ],
)
def test_dateline_not_a_dateline(line: str) -> None:
    assert read_dateline(line, today=TODAY) is None


@pytest.mark.parametrize(
    ("text", "day", "kinds"),
    [
        # the dateline on a line of its own: a dateline block, not a heading
        ("France : Bayrou se rallie à Macron\n\n22 février 2017. –\nFrançois Bayrou, président du "
         "MoDem, a annoncé mercredi qu'il ne serait pas candidat à l'élection présidentielle.",
         date(2017, 2, 22), ["title", "dateline", "paragraph"]),
        # after a photo caption
        ("Irak : deux mosquées visées\n\nLocalisation des villes de Hilla et d'Iskandariya.\n\n"
         "4 janvier 2016. – Deux mosquées sunnites ont été visées par des attentats dans la nuit.",
         date(2016, 1, 4), ["title", "paragraph", "paragraph"]),
    ],
)
def test_dateline_structure_reads_published(text: str, day: date, kinds: list[str]) -> None:
    structure = detect_structure(text)
    assert structure.published == day
    assert [b.kind for b in structure.blocks] == kinds
    assert structure.headings() == []


def test_dateline_dev_sets_all_dated() -> None:
    # every dev article of the Wikinews gold sets opens with a dateline of its own date
    found = []
    for part in "abcdefg":
        with (GOLD / f"wikinews-fr-dev-{part}.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                found.append((detect_structure(record["text"]).published, date.fromisoformat(record["date"])))
    assert len(found) > 150 and all(got == want for got, want in found)


def test_dateline_holder_of_feminine_role() -> None:
    assert holder("head_of_government", "Royaume-Uni", date(2015, 6, 3)).person == "David Cameron"
    assert holder("head_of_government", "Royaume-Uni", date(2015, 6, 3), gender="f") is None
    assert holder("head_of_government", "Royaume-Uni", date(2018, 6, 3), gender="f").person == "Theresa May"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "resolved_by"),
    [
        # the office-holder on the dateline's date, not today's
        ("Washington\n\n12 mars 2016. –\nLe président américain a affirmé que les négociations avançaient.",
         "Barack Obama", "knowledge"),
        ("Londres\n\nLundi 3 juin 2019 – La Première ministre britannique a affirmé que le Brexit aurait lieu.",
         "Theresa May", "knowledge"),
        # « la Première ministre »: not the man who held the office that day
        ("Londres\n\n3 juin 2015. – La Première ministre britannique a affirmé que le Brexit aurait lieu.",
         None, "collective"),
        # the name the text gives wins over the knowledge file, here and further on
        ("Washington\n\n18 janvier 2018. – Le président américain, Joe Biden, a affirmé que les "
         "négociations avançaient. Le président américain a ajouté qu'il restait optimiste.",
         "Joe Biden", "apposition"),
    ],
)
def test_dateline_office_holder_on_article_date(analyzer, text: str, speaker: str | None, resolved_by: str) -> None:
    from presse.model import Document

    article = analyzer.analyze(Document(text=text))
    assert article.quotes
    for quote in article.quotes:
        entity = article.entity(quote.speaker.entity) if quote.speaker.entity else None
        assert quote.speaker.resolved_by == resolved_by
        if speaker is None:
            assert entity is None or entity.collective
        else:
            assert entity is not None and entity.name == speaker


@pytest.mark.model
def test_dateline_title_is_no_speaker_source(analyzer) -> None:
    # a person named in the title does not speak a cue-less quotation of the body
    from presse.model import Document

    article = analyzer.analyze(Document(text=(
        "Emmanuel Macron en visite à Berlin\n\n12 mars 2019. – « Nous devons avancer ensemble sur la "
        "défense européenne. » La visite a duré deux jours."
    )))
    assert [q.speaker.entity for q in article.quotes] == [None]
