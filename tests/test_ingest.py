"""Tests of presse.ingest: every input kind, the normalization, and the error for each bad input."""

from __future__ import annotations

import io
import json
import os
import random
import sys
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presse.errors import InputError
from presse.ingest import (
    FeedEntry,
    Limits,
    iter_sources,
    normalize_text,
    read_feed_entries,
    read_source,
    sniff,
    supported_files,
)
from presse.ingest.meta import parse_date, split_authors
from presse.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

BILLET = "Zone euro : la disparition du billet de 500 euros actée"
QUEBEC = "Québec : les chauffeurs de taxi obtiennent gain de cause contre UberX"
PANORAMA = "France : la liberté de panorama (partiellement) adoptée"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def one(path: str | Path, **kwargs: object) -> Document:
    documents = list(read_source(path, **kwargs))  # type: ignore[arg-type]
    assert len(documents) == 1
    return documents[0]


def error_of(path: str | Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        list(read_source(path, **kwargs))  # type: ignore[arg-type]
    return info.value


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


# --- normalize_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Le président\r\na déclaré\rhier.", "Le président\na déclaré\nhier."),
        ("Titre\u2028Paragraphe\u2029Suite\x0cFin", "Titre\nParagraphe\nSuite\nFin"),
        ("Emmanuel\u200b Macron\u200d a dit\ufeff non\u2060.", "Emmanuel Macron a dit non."),
        ("\u202bالعربية\u202c et \u2066Kiev\u2069", "العربية et Kiev"),
        ("Paris\x00\x07 et\tLyon\x1b\x7f\x85Nice", "Paris et\tLyon\nNice"),
        ("Une ligne   \nune autre\t \n\u00a0\n", "Une ligne\nune autre"),
        ("\n\n  \nPremière ligne\n\n\nDernière\n\n", "Première ligne\n\n\nDernière"),
        ("e\u0301le\u0300ve", "élève"),
        (
            "l’« élève » a dit\u00a0: « d’accord\u202f! »",
            "l’« élève » a dit\u00a0: « d’accord\u202f! »",
        ),
        ("    indentation gardée", "    indentation gardée"),
    ],
)
def test_text_normalize_cleans_invisible_and_keeps_typography(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_text_normalize_is_idempotent_and_leaves_no_control(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert all(c in "\n\t" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) for c in once)
    assert not set(once) & {"\r", "\u200b", "\u200d", "\ufeff", "\u2060", "\u202e", "\u2069"}
    assert once == once.strip("\n")
    assert all(line == line.rstrip() for line in once.split("\n"))


# --- text files and encodings -----------------------------------------------------------------


def test_text_cp1252_fixture_decodes_french_typography() -> None:
    document = one(fixture("cp1252.txt"))
    text = document.text
    assert document.source == fixture("cp1252.txt")
    assert text.startswith(BILLET + "\n4 mai 2016. – Ce mercredi")
    for expected in (
        "s'élève",
        "main d’œuvre",
        "500 €",
        "l’UE n’en",
        "“sa vie au travail”",
        "« Ben Laden »",
    ):
        assert expected in text
    assert "\r" not in text
    assert len(text.split("\n")) == 6


def test_text_utf16_bom_fixture_decodes() -> None:
    text = one(fixture("utf16-bom.txt")).text
    assert text.startswith(QUEBEC + "\n\nLe ministre des transports du Québec")
    assert "classe «T»" in text
    assert "\ufeff" not in text and "\r" not in text


FRENCH = "L’Œuvre de l’élève : « un chef-d’œuvre », a dit “Zoé” pour 12 € à Noël."


@pytest.mark.parametrize(
    ("encoding", "sample", "lines"),
    [
        ("utf-8", FRENCH, 1),
        ("utf-8-sig", FRENCH, 1),
        ("utf-16", FRENCH, 1),  # with BOM
        ("utf-16-le", FRENCH, 1),  # without BOM
        ("utf-16-be", FRENCH, 1),
        ("cp1252", FRENCH, 1),
        ("cp1252", "Un élève.", 1),
        ("latin-1", "L'élève a reçu « un prix » à Noël, déjà ; où ça ?", 1),
        ("iso8859-15", "L'élève paie 12 € pour l'œuvre à Noël.", 1),
        ("mac_roman", "Les élèves ont présenté leurs œuvres à l’exposition de Noël.", 5),
    ],
)
def test_text_decodes_french_in_legacy_encodings(
    tmp_path: Path, encoding: str, sample: str, lines: int
) -> None:
    path = write(tmp_path, "article.txt", ((sample + "\n") * lines).encode(encoding))
    assert one(path).text.split("\n") == [sample] * lines


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("vide.txt", b""),
        ("blancs.txt", b"  \n\t\r\n   \n"),
        ("invisible.txt", "\u200b\n\ufeff  \u2060\n".encode()),
        ("vide.html", b"   \n"),
        ("vide.jsonl", b"\n\n  \n"),
        ("vide.json", b" "),
        ("vide.rss", b""),
        ("vide", b"\n"),
    ],
)
def test_sources_empty_input_is_an_error(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    error = error_of(path)
    assert error.problem == "is empty"
    assert str(error).startswith(f"{path}: is empty")


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("nul.txt", b"Le ministre a dit\x00\x00\x01\x02 oui", "NUL"),
        ("random.txt", bytes(b or 1 for b in random.Random(7).randbytes(4000)), "control"),
        ("rapport.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("archive.json", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        ("archive.jsonl", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        ("image.rss", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_sources_binary_input_is_an_error(
    tmp_path: Path, name: str, data: bytes, hint: str
) -> None:
    path = write(tmp_path, name, data)
    error = error_of(path)
    assert error.problem == "looks like a binary file, not text"
    assert hint in error.hint
    assert str(error).startswith(path)


def test_text_undecodable_bytes_are_an_error(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(
        rng.choice([0x81, 0x8D, 0x8F, 0x90, 0x9D, *range(0xA0, 0x100)]) for _ in range(3000)
    )
    path = write(tmp_path, "inconnu.txt", data)
    error = error_of(path)
    assert error.problem.startswith("cannot be decoded as text: tried UTF-8")
    assert str(error).startswith(path)


def test_files_missing_file_is_an_error(tmp_path: Path) -> None:
    path = str(tmp_path / "absent.txt")
    error = error_of(path)
    assert error.problem == "no such file"
    assert str(error) == f"{path}: no such file (check the path)"


def test_files_directory_is_an_error_for_read_source(tmp_path: Path) -> None:
    error = error_of(tmp_path)
    assert error.problem == "is a directory, not a file"
    assert error.source == str(tmp_path)


def test_files_permission_denied_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "secret.txt", "Un texte.")
    if os.geteuid() != 0:
        os.chmod(path, 0)
    else:  # root reads anything: make the open fail as it would for a normal user

        def deny(self: Path, *args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", deny)
    error = error_of(path)
    assert error.problem == "permission denied"
    assert error.source == path


def test_limits_huge_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written
    tracemalloc.start()
    try:
        error = error_of(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.problem == "is too large (50.0 MB, the limit is 5.0 MB)"
    assert peak < 1_000_000  # the 50 MB were never read into memory


@pytest.mark.parametrize(
    ("limits", "size", "problem"),
    [
        (Limits(max_bytes=100), 101, "is too large (101 bytes, the limit is 100 bytes)"),
        (Limits(max_chars=50), 60, "is too large (60 characters of text, the limit is 50)"),
    ],
)
def test_limits_are_configurable(tmp_path: Path, limits: Limits, size: int, problem: str) -> None:
    path = write(tmp_path, "a.txt", ("é" * size).encode("latin-1"))
    assert len(one(path).text) == size  # the default limits accept it
    assert error_of(path, limits=limits).problem == problem


def test_sources_id_for_a_text_file_is_an_error() -> None:
    error = error_of(fixture("cp1252.txt"), record_id="3")
    assert "cannot select id '3'" in error.problem


# --- HTML ---------------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata() -> None:
    document = one(fixture("article.html"))
    assert document.source == fixture("article.html")
    assert document.title == BILLET
    assert document.authors == ["Camille Roux", "Louis Garnier"]
    assert document.published == date(2016, 5, 4)
    assert document.outlet == "Le Quotidien d'Exemple"
    assert document.url == (
        "https://fr.wikinews.org/wiki/Zone_euro_:_la_disparition_du_billet_de_500_euros_actée"
    )
    assert document.language == "fr"
    assert document.headings == [
        "Un billet accusé de servir les trafics",
        "Une disparition progressive",
    ]
    assert document.list_items == [
        "- Fin des nouvelles émissions du billet de 500 € à partir de 2018.",
        "- Récupération progressive des billets par les banques.",
        "- Pas de billet de 500 euros dans la série Europa.",
    ]


def test_html_page_layout_one_block_per_line() -> None:
    document = one(fixture("article.html"))
    lines = document.text.split("\n")
    assert lines[0].startswith("4 mai 2016. – Ce mercredi 4 mai la Banque centrale européenne")
    assert lines[1] == "Un billet accusé de servir les trafics"
    assert lines[4] == "Une disparition progressive"
    assert lines[-3:] == document.list_items
    assert "" not in lines
    assert "« Ben Laden »" in document.text and "l’UE n’en a jamais vu" in document.text


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",  # cookie banner
        "International",  # navigation menu
        "Accueil",  # breadcrumb
        "S'abonner",  # header link
        "À lire aussi",  # related links heading
        "taux négatifs",  # related link
        "Les plus lus",  # sidebar
        "Mentions légales",  # footer
        "Partager sur",  # share buttons
        BILLET,  # the title is Document.title, not text
        "Camille Roux",  # byline
    ],
)
def test_html_page_drops_boilerplate(boilerplate: str) -> None:
    document = one(fixture("article.html"))
    assert boilerplate not in document.text
    assert all(boilerplate not in h for h in document.headings)


def test_html_declared_cp1252_charset_decodes(tmp_path: Path) -> None:
    page = (
        (FIXTURES / "article.html")
        .read_text("utf-8")
        .replace(
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        )
    )
    path = write(tmp_path, "page.htm", page.encode("cp1252"))
    document = one(path)
    assert "billet de 500 € et elle a tranché" in document.text
    assert "l’UE n’en a jamais vu" in document.text
    assert document.headings[1] == "Une disparition progressive"


NAV_ONLY = (
    "<html><head><title>Le Quotidien</title></head><body>"
    "<nav><ul><li><a href='/a'>International</a></li><li><a href='/b'>Politique</a></li></ul></nav>"
    "<footer><a href='/c'>Mentions légales</a></footer></body></html>"
)
JS_ONLY = (
    "<html><head><title>Le Quotidien</title><script src='app.js'></script></head>"
    "<body><div id='root'></div><noscript>Activez JavaScript pour lire cet article.</noscript>"
    "</body></html>"
)


@pytest.mark.parametrize("page", [NAV_ONLY, JS_ONLY, "<html><body></body></html>"])
def test_html_without_article_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = write(tmp_path, "accueil.html", page)
    error = error_of(path)
    assert error.problem == "no article text found in the HTML"
    assert str(error).startswith(path)


def test_html_short_article_is_kept(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Brève</title></head><body><nav><a href='/'>Accueil</a></nav>"
        "<article><h1>Brève</h1><p>Le ministre des Finances, Michel Sapin, a annoncé mercredi "
        "la fin du billet de 500 euros.</p></article><footer>Mentions légales</footer></body></html>"
    )
    document = one(write(tmp_path, "breve.html", page))
    assert document.title == "Brève"
    assert document.text == (
        "Le ministre des Finances, Michel Sapin, a annoncé mercredi la fin du billet de 500 euros."
    )


@pytest.mark.parametrize(
    ("name", "markup"),
    [
        (
            "page.xml",
            "<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>"
            "<head><title>Brève</title></head><body><article><h1>Brève</h1>"
            "<p>Le ministre des Finances a annoncé <b>mercredi</b> la fin du billet de 500 euros."
            "</p></article></body></html>",
        ),
        (
            "page.html",
            "<html><head><meta charset='utf-16'><title>Brève</title></head><body><article>"
            "<h1>Brève</h1><p>Le ministre des Finances a annoncé <b>mercredi</b> la fin du billet "
            "de 500 euros.</p></article></body></html>",
        ),
    ],
)
def test_html_xhtml_and_wrong_declared_charset(tmp_path: Path, name: str, markup: str) -> None:
    document = one(write(tmp_path, name, markup))
    assert (
        document.text
        == "Le ministre des Finances a annoncé mercredi la fin du billet de 500 euros."
    )


# --- JSON / JSONL records ----------------------------------------------------------------------


def test_records_jsonl_fixture_goes_past_the_broken_line() -> None:
    path = fixture("records.jsonl")
    items = list(iter_sources([path]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    first, broken, third = items
    assert isinstance(first, Document) and isinstance(third, Document)
    assert isinstance(broken, InputError)
    assert first.source == f"{path}#winer-fr-2016_05_04-002"
    assert first.id == "winer-fr-2016_05_04-002"
    assert first.title == BILLET
    assert first.published == date(2016, 5, 4)
    assert first.text.startswith("Face recto d'un billet de 500 €\n\nFace verso du billet.")
    assert broken.source == f"{path}:2"
    assert broken.problem.startswith("invalid JSON at column ")
    # alternative field names: body, published (in words), author, source, language
    assert third.source == f"{path}#winer-fr-2016_05_12-002"
    assert third.text.startswith("Le ministre des transports du Québec, Jacques Daoust")
    assert third.published == date(2016, 5, 12)
    assert third.authors == ["Contributeurs de Wikinews"]
    assert third.outlet == "Wikinews"
    assert third.language == "fr"


def test_records_read_source_stops_at_the_first_bad_record() -> None:
    documents = read_source(fixture("records.jsonl"))
    assert next(documents).id == "winer-fr-2016_05_04-002"
    with pytest.raises(InputError) as info:
        next(documents)
    assert info.value.source == fixture("records.jsonl") + ":2"


@pytest.mark.parametrize(
    ("record_id", "title"),
    [("winer-fr-2016_05_12-002", QUEBEC), ("winer-fr-2016_05_04-002", BILLET)],
)
def test_records_id_selects_one_record_past_a_broken_line(record_id: str, title: str) -> None:
    document = one(fixture("records.jsonl"), record_id=record_id)
    assert document.title == title


def test_records_unknown_id_is_an_error() -> None:
    error = error_of(fixture("records.jsonl"), record_id="winer-fr-2016_01_21-002")
    assert error.problem == "no record with id 'winer-fr-2016_01_21-002'"
    assert "1 record(s) could not be read" in error.hint


@pytest.mark.parametrize(
    ("content", "sources", "titles"),
    [
        ({"text": "Un texte.", "title": "Un"}, ["{p}"], ["Un"]),
        ({"id": 42, "text": "Un texte."}, ["{p}#42"], [None]),
        ([{"text": "A."}, {"id": "b", "text": "B."}], ["{p}[0]", "{p}#b"], [None, None]),
        ('{"text": "A."}\n\n{"text": "B."}\n', ["{p}:1", "{p}:3"], [None, None]),
    ],
)
def test_records_json_object_array_and_lines(
    tmp_path: Path, content: object, sources: list[str], titles: list[str | None]
) -> None:
    data = content if isinstance(content, str) else json.dumps(content)
    path = write(tmp_path, "records.json", data)
    documents = list(read_source(path))
    assert [d.source for d in documents] == [s.format(p=path) for s in sources]
    assert [d.title for d in documents] == titles


def test_records_integer_id_compares_as_string(tmp_path: Path) -> None:
    path = write(
        tmp_path, "r.ndjson", '{"id": 7, "text": "Sept."}\n{"id": 42, "text": "Quarante-deux."}\n'
    )
    assert one(path, record_id="42").text == "Quarante-deux."


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"title": "Sans texte"}, "record has no text"),
        ({"text": "   \n ", "title": "Texte vide"}, "record has no text"),
        ({"text": "\u200b"}, "record has no text"),
        ({"text": ["un", "deux"]}, 'field "text" is a JSON array, not a string'),
        (["pas", "un", "objet"], "record is a JSON array, not an object"),
    ],
)
def test_records_without_usable_text_are_errors(
    tmp_path: Path, record: object, problem: str
) -> None:
    path = write(
        tmp_path, "r.jsonl", json.dumps({"text": "Bon."}) + "\n" + json.dumps(record) + "\n"
    )
    items = list(iter_sources([path]))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], InputError)
    assert items[1].problem == problem
    assert str(items[1]).startswith(f"{path}:2: ")


def test_records_invalid_json_file_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{\n  "title": "Un",\n  "text": "Deux"\n  "url": "x"\n}\n')
    error = error_of(path)
    assert error.problem == "invalid JSON at line 4, column 3: expecting ',' delimiter"
    assert str(error).startswith(path)


def test_records_overlong_jsonl_line_is_an_error_for_that_record(tmp_path: Path) -> None:
    long = json.dumps({"text": "x" * 500})
    path = write(tmp_path, "r.jsonl", f'{{"text": "Avant."}}\n{long}\n{{"text": "Après."}}\n')
    items = list(iter_sources([path], limits=Limits(max_bytes=100)))
    assert [getattr(i, "text", None) for i in items] == ["Avant.", None, "Après."]
    assert isinstance(items[1], InputError) and items[1].problem == "line is too long"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-05-04", date(2016, 5, 4)),
        ("2016-05-12T00:30:00+02:00", date(2016, 5, 12)),
        ("Thu, 21 Jan 2016 10:00:00 +0100", date(2016, 1, 21)),
        ("15 août 2025", date(2025, 8, 15)),
        ("mardi 3 mars 2020", date(2020, 3, 3)),
        ("1er janvier 2016", date(2016, 1, 1)),
        ("03/04/2020", date(2020, 4, 3)),
        ("March 3, 2020", date(2020, 3, 3)),
        ("pas une date", None),
        ("2016-13-45", None),
        (None, None),
    ],
)
def test_meta_date_parsing(value: str | None, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Camille Roux et Louis Garnier", ["Camille Roux", "Louis Garnier"]),
        ("Par Camille Roux; Louis Garnier", ["Camille Roux", "Louis Garnier"]),
        ("Anne Martin, Paul Lamier & Jean Dupont", ["Anne Martin", "Paul Lamier", "Jean Dupont"]),
        ("Jean Dupont, envoyé spécial à Kiev", ["Jean Dupont"]),
        (["Anne Martin", "Anne Martin", "Paul Lamier"], ["Anne Martin", "Paul Lamier"]),
        ("", []),
        (None, []),
    ],
)
def test_meta_author_splitting(value: str | list[str] | None, expected: list[str]) -> None:
    assert split_authors(value) == expected


# --- feeds --------------------------------------------------------------------------------------


def test_feeds_rss_entry_with_content() -> None:
    path = fixture("feed.rss")
    document = next(read_source(path))
    assert document.warnings == []
    assert document.source == f"{path}#winer-fr-2016_01_21-002"
    assert document.title == PANORAMA
    assert document.published == date(2016, 1, 21)
    assert document.outlet == "Wikinews"
    assert document.authors == ["Contributeurs de Wikinews"]
    assert document.url.endswith("la_liberté_de_panorama_(partiellement)_adoptée")
    assert document.headings == ["Une liberté restreinte"]
    lines = document.text.split("\n")
    assert lines[0].startswith("21 janvier 2016. – Dans le cadre des discussions")
    assert lines[2] == "Une liberté restreinte"
    assert "Illustration" not in document.text  # figure caption
    assert lines[-1].startswith("Cet amendement offre donc une liberté")


def test_feeds_atom_entry_keeps_local_date_and_lists() -> None:
    document = next(read_source(fixture("feed.atom")))
    assert document.title == QUEBEC
    # 00:30 in Paris on 12 May is still 11 May in UTC: the date as published is kept
    assert document.published == date(2016, 5, 12)
    assert document.outlet == "Wikinews – Économie et société"
    assert QUEBEC not in document.text  # the <h1> repeating the title is dropped
    assert document.text.split("\n")[:3] == [
        "Le ministre des transports du Québec, Jacques Daoust attaque de front le « modèle Uber » "
        "dans son projet de loi sur l'encadrement de l'industrie du taxi déposé ce matin.",
        "12 mai 2016. –",
        "Les chauffeurs d'Uber devront suivre les mêmes règles que n'importe quel chauffeur de "
        "taxi, sans quoi ils verront leur permis de conduire suspendu et leur véhicule saisi. Ils "
        "s'exposeront également à une amende de 2500 $ à 25 000 $. Quant aux entreprises qui "
        "contreviendront à la loi, elles pourront recevoir une amende de 50 000 $.",
    ]
    assert document.list_items == [
        "- permis de taxi obligatoire ;",
        "- immatriculation de classe «T» ;",
        "- cours de 110 heures.",
    ]


@pytest.mark.parametrize(
    ("name", "title", "summary"),
    [
        ("feed.rss", QUEBEC, "Le ministre des transports du Québec, Jacques Daoust attaque de front le « modèle Uber »."),
        ("feed.atom", BILLET, "La Banque centrale européenne met fin à l'émission du billet de 500 €."),
    ],
)
def test_feeds_summary_only_entry_is_read_with_a_warning(name: str, title: str, summary: str) -> None:
    full, teaser = read_source(fixture(name))
    assert full.warnings == []
    assert (teaser.title, teaser.text) == (title, summary)
    assert teaser.warnings == [
        f"the feed gives only this entry's summary ({len(summary)} characters), not the "
        "article's text: the analysis covers the summary"
    ]
    entries = read_feed_entries(fixture(name))
    assert [e.document for e in entries] == [full, teaser]


def _without(markup: str, *elements: str) -> str:
    for element in elements:
        while f"<{element}>" in markup:
            start, end = markup.index(f"<{element}>"), markup.index(f"</{element}>")
            markup = markup[:start] + markup[end + len(f"</{element}>") :]
    return markup


def test_feeds_entries_report_link_only_entries(tmp_path: Path) -> None:
    rss = (FIXTURES / "feed.rss").read_text("utf-8")
    path = write(tmp_path, "flux.rss", rss.replace(
        "<description>Le ministre des transports du Québec, Jacques Daoust attaque de front le "
        "« modèle Uber ».</description>", ""))
    full, link_only = read_feed_entries(path)
    assert isinstance(full, FeedEntry) and full.document is not None and full.reason is None
    assert link_only.document is None
    assert link_only.link is not None and link_only.link.startswith("https://fr.wikinews.org/wiki/")
    assert link_only.title == QUEBEC
    assert link_only.reason == "only a link, no article text"
    assert [d.title for d in read_source(path)] == [PANORAMA]
    error = error_of(path, record_id="winer-fr-2016_05_12-002")
    assert error.problem.startswith("entry has no article text in the feed (only a link")
    assert "fetch https://fr.wikinews.org/wiki/Québec" in error.hint


def test_feeds_id_selects_entry() -> None:
    assert one(fixture("feed.rss"), record_id="winer-fr-2016_01_21-002").title == PANORAMA
    assert one(fixture("feed.rss"), record_id="winer-fr-2016_05_12-002").title == QUEBEC


def test_feeds_with_only_links_is_an_error(tmp_path: Path) -> None:
    rss = (FIXTURES / "feed.rss").read_text("utf-8")
    path = write(tmp_path, "liens.xml", _without(rss, "content:encoded", "description"))
    error = error_of(path)
    assert error.problem == "no entry with text: the 2 entries have only a title and a link"
    assert len(read_feed_entries(path)) == 2


def test_feeds_long_summary_counts_as_content(tmp_path: Path) -> None:
    paragraphs = json.loads((FIXTURES / "records.jsonl").read_text("utf-8").split("\n")[0])["text"]
    item = (
        "<rss version='2.0'><channel><title>Wikinews</title><item><title>T</title>"
        f"<link>https://exemple.fr/a</link><description><![CDATA[<p>{paragraphs}</p>]]></description>"
        "</item></channel></rss>"
    )
    document = one(write(tmp_path, "résumés.rss", item))
    assert document.source.endswith("résumés.rss[0]")
    assert "Face recto d'un billet de 500 €" in document.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</tit", "malformed feed XML"),
        (
            b"<?xml version='1.0'?><catalogue><livre>Un</livre></catalogue>",
            "is not an RSS or Atom feed",
        ),
        (b"<rss version='2.0'><channel><title>Vide</title></channel></rss>", "feed has no entries"),
    ],
)
def test_feeds_malformed_or_not_a_feed_is_an_error(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    path = write(tmp_path, "flux.xml", data)
    error = error_of(path)
    assert error.problem.startswith(problem)
    assert str(error).startswith(path)


# --- standard input and sniffing ----------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("name", "sources", "title"),
    [
        ("cp1252.txt", ["-"], None),
        ("utf16-bom.txt", ["-"], None),
        ("article.html", ["-"], BILLET),
        ("feed.rss", ["-#winer-fr-2016_01_21-002", "-#winer-fr-2016_05_12-002"], PANORAMA),
        (
            "feed.atom",
            [f"-#https://fr.wikinews.org/wiki/{t.replace(' ', '_')}" for t in (QUEBEC, BILLET)],
            QUEBEC,
        ),
    ],
)
def test_sources_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, name: str, sources: list[str], title: str | None
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin((FIXTURES / name).read_bytes()))
    documents = list(read_source("-"))
    assert [d.source for d in documents] == sources
    assert documents[0].title == title
    assert documents[0].text


def test_sources_stdin_jsonl_goes_past_the_broken_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin((FIXTURES / "records.jsonl").read_bytes()))
    items = list(iter_sources(["-"]))
    assert [getattr(i, "source", None) for i in items] == [
        "-#winer-fr-2016_05_04-002",
        "-:2",
        "-#winer-fr-2016_05_12-002",
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'  {"text": "x"}', "json"),
        (b'\xef\xbb\xbf[{"text": "x"}]', "json"),
        (b"\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
        (b"<?xml version='1.0'?>\n<!-- flux -->\n<rss version='2.0'></rss>", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'></html>", "html"),
        ("\ufeff<rss/>".encode("utf-16"), "feed"),
        ("Le président a déclaré : « non ».".encode(), "text"),
    ],
)
def test_sources_sniff_kinds(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


def test_sources_sniff_file_without_extension(tmp_path: Path) -> None:
    page = write(tmp_path, "page", (FIXTURES / "article.html").read_bytes())
    assert one(page).headings == [
        "Un billet accusé de servir les trafics",
        "Une disparition progressive",
    ]
    text = write(tmp_path, "LISEZMOI", "Un texte simple.\n")
    assert one(text).text == "Un texte simple."


# --- several inputs and folders -----------------------------------------------------------------


def test_sources_iter_sources_goes_past_bad_inputs_in_order(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.txt")
    empty = write(tmp_path, "vide.txt", b"")
    items = list(iter_sources([missing, fixture("cp1252.txt"), empty, fixture("feed.atom")]))
    assert [type(i).__name__ for i in items] == [
        "InputError", "Document", "InputError", "Document", "Document"
    ]
    assert [getattr(i, "source", None).split("#")[0] for i in items] == [
        missing,
        fixture("cp1252.txt"),
        empty,
        fixture("feed.atom"),
        fixture("feed.atom"),
    ]


def test_sources_iter_sources_recurses_into_folders_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    write(tmp_path, "b/2.txt", "Deux.")
    write(tmp_path, "a/z/3.txt", "Trois.")
    write(tmp_path, "a/z/README.md", "Un fichier de documentation, pas un article.")
    write(tmp_path, "a/1.txt", "Un.")
    write(tmp_path, "c.jsonl", '{"id": "q", "text": "Quatre."}\n')
    write(tmp_path, ".cache/cache.txt", "Caché.")
    write(tmp_path, "a/.cache.txt", "Caché.")
    write(tmp_path, "a/photo.jpg", b"\xff\xd8\xff")
    write(tmp_path, "a/LISEZMOI", "Sans extension.")
    expected = ["a/1.txt", "a/z/3.txt", "b/2.txt", "c.jsonl"]
    assert supported_files(str(tmp_path)) == [str(tmp_path / p) for p in expected]
    documents = list(iter_sources([tmp_path]))
    assert [d.text for d in documents] == ["Un.", "Trois.", "Deux.", "Quatre."]
    assert documents[-1].source == f"{tmp_path / 'c.jsonl'}#q"


def test_sources_iter_sources_folder_without_supported_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    (error,) = iter_sources([tmp_path])
    assert isinstance(error, InputError)
    assert error.problem == "contains no supported files"


def test_ingest_folder_walk_skips_markdown_but_reads_it_by_name(tmp_path) -> None:
    from presse.ingest import iter_sources
    from presse.ingest.sources import supported_files

    (tmp_path / "readme.md").write_text("# Corpus\n\nCe dossier contient des articles.", encoding="utf-8")
    (tmp_path / "article.txt").write_text("Le ministre a déclaré que la réforme attendrait.", encoding="utf-8")
    assert [p.rsplit("/", 1)[-1] for p in supported_files(str(tmp_path))] == ["article.txt"]
    by_name = list(iter_sources([str(tmp_path / "readme.md")]))
    assert len(by_name) == 1 and "Corpus" in by_name[0].text


# --- HTML standfirst and blockquotes --------------------------------------------------------------

CHAPO = (
    "Ce mercredi 4 mai la Banque centrale européenne devait se prononcer sur l'avenir du billet de "
    "500 € et elle a tranché, il n'y aura plus de nouvelle émission de la plus grosse coupe "
    "européenne à partir de 2018."
)
PARAGRAPH = (
    "La disparition des coupures de 500 € se fera progressivement. Les banques vont être chargées "
    "de récupérer les billets au fur et à mesure de leur utilisation."
)


def test_html_standfirst_and_blockquotes_of_a_news_page() -> None:
    document = one(fixture("quotations.html"))
    lines = document.text.split("\n")
    assert document.standfirst == CHAPO == lines[0]
    assert lines[2] == "« Ce billet de 500 euros est plus utilisé pour dissimuler que pour acheter. »"
    assert lines[4].startswith("« Pourquoi y a-t-il") and lines[4].endswith("une anomalie. »")
    assert lines[5] == "— Igor Angelini, responsable des institutions financières d'Europol"
    assert lines[7].startswith("« Les terroristes internationaux") and lines[8] == PARAGRAPH


@pytest.mark.parametrize(
    "element",
    [
        f'<p class="chapo">{CHAPO}</p>',
        f'<div class="article__chapeau"><p>{CHAPO}</p></div>',
        f'<p class="lead">{CHAPO}</p>',
        f'<h2 class="standfirst">{CHAPO}</h2>',
        f'<p class="article-intro">{CHAPO}</p>',
    ],
)
def test_html_standfirst_classes(tmp_path: Path, element: str) -> None:
    page = (
        "<html lang='fr'><head><title>Zone euro</title></head><body><article><h1>Zone euro</h1>"
        f"{element}<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace('500', 'cinq cents')}</p></article></body></html>"
    )
    document = one(write(tmp_path, "page.html", page))
    assert document.standfirst == CHAPO
    assert document.text.split("\n")[0] == CHAPO


@pytest.mark.parametrize(
    ("description", "standfirst"),
    [
        (CHAPO, CHAPO),  # not in the text: the standfirst, first line
        (PARAGRAPH[:60] + "…", None),  # a teaser cut from the first paragraph: not repeated
    ],
)
def test_html_og_description_standfirst(tmp_path: Path, description: str, standfirst: str | None) -> None:
    page = (
        "<html lang='fr'><head><title>Zone euro</title>"
        f"<meta property='og:description' content=\"{description}\"></head><body><article>"
        f"<h1>Zone euro</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH.replace('500', 'cinq cents')}</p>"
        "</article></body></html>"
    )
    document = one(write(tmp_path, "page.html", page))
    assert document.standfirst == standfirst
    assert document.text.split("\n")[0] == (standfirst or PARAGRAPH)
