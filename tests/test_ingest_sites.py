"""A record's outlet: named by the record, else the site of its URL — never where it came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from presse.ingest import read_source
from presse.ingest.sites import site_name
from presse.model import Document


def test_ingest_sites_gum_records_are_wikinews_not_a_repository() -> None:
    path = shared_path("corpus", "wikinews-en-gum", "articles.jsonl")
    # English records are refused unless the language is forced; their metadata reads the same
    documents = [d for d in read_source(str(path), language="fr") if isinstance(d, Document)]
    assert documents
    assert {d.outlet for d in documents} == {"Wikinews"}
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["source"].startswith("amir-zeldes/gum@")


def test_ingest_sites_wikinews_fr_records_get_their_outlet_from_the_url() -> None:
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    first = next(d for d in read_source(str(path)) if isinstance(d, Document))
    assert first.outlet == "Wikinews"


@pytest.mark.parametrize(
    ("record", "outlet"),
    [
        ({"source": "Le Monde", "url": "https://www.lemonde.fr/a"}, "Le Monde"),
        ({"outlet": "Libération", "source": "corpus/2024.jsonl"}, "Libération"),
        ({"source": "owner/repo@0123abcd", "url": "https://www.lemonde.fr/a"}, "lemonde.fr"),
        ({"source": "https://example.org/feed.xml"}, None),
        ({"sitename": {"name": "Ouest-France"}}, "Ouest-France"),
        ({"url": "https://m.lefigaro.fr/politique/x"}, "lefigaro.fr"),
        ({"url": "/local/path.html"}, None),
    ],
)
def test_ingest_sites_record_outlet(tmp_path: Path, record: dict, outlet: str | None) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "Un texte.", **record}) + "\n", encoding="utf-8")
    (document,) = list(read_source(str(path)))
    assert isinstance(document, Document) and document.outlet == outlet


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://en.wikinews.org/wiki/Biologist_Nick_Bos", "Wikinews"),
        ("https://fr.wikinews.org/wiki/France_:_attaque", "Wikinews"),
        ("https://fr.wikipedia.org/wiki/Anchorage", "Wikipedia"),
        ("https://www.bbc.co.uk/news/x", "bbc.co.uk"),
        ("http://localhost:8000/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_ingest_sites_site_name(url: str | None, site: str | None) -> None:
    assert site_name(url) == site
