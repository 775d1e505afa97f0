"""The gender view on the web: ``/api/voices`` (JSON, in the OpenAPI schema) and the ``/voices``
page (figures, unknown shown, monthly share chart, bars per outlet, most quoted women and men),
over a small store of real text."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from presse.web.app import create_app
from test_store_voices import DOCUMENTS, write_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(analyzer, reference_article, tmp_path_factory: pytest.TempPathFactory) -> Path:
    analyzed = [analyzer.analyze(d) for d in DOCUMENTS]
    return write_store(tmp_path_factory.mktemp("voices") / "corpus.db", analyzed, reference_article)


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    return TestClient(create_app(store))


def test_web_voices_api_groups_by_gender_and_month(client: TestClient) -> None:
    body = client.get("/api/voices", params={"by": "gender,month", "top": 3}).json()
    assert body["by"] == ["gender", "month"]
    june = {r["gender"]: r for r in body["rows"] if r["month"] == "2017-06"}
    assert list(june) == ["f", "m", "x", "unknown"]
    assert (june["f"]["persons_quoted"], june["f"]["quoted_words"]) == (1, 7)
    assert [g["month"] for g in body["gaps"]] == ["2017-06", "2017-07", None]
    assert len(body["top_men"]) == 3 and body["top_women"][0]["gender"] == "f"
    outlets = client.get("/api/voices", params={"by": "outlet"}).json()
    assert {r["outlet"] for r in outlets["rows"]} == {"Le Monde", "Libération", "Grandes Lignes"}


@pytest.mark.parametrize(("params", "message"), [({"by": "section"}, "unknown grouping 'section'"),
                                                 ({"top": "-1"}, "top")])
def test_web_voices_api_bad_parameters_are_400(client: TestClient, params: dict, message: str) -> None:
    response = client.get("/api/voices", params=params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_web_voices_api_is_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/voices"]["get"]
    assert operation["summary"] == "Who gets a voice, by gender"
    assert {p["name"] for p in operation["parameters"]} == {"by", "top"}
    report = schema["components"]["schemas"]["VoicesReport"]
    assert set(report["properties"]) == {"by", "rows", "gaps", "top_women", "top_men"}
    assert "share_quoted_words" in schema["components"]["schemas"]["VoicesRow"]["properties"]


def test_web_voices_page_shows_figures_charts_and_people(client: TestClient) -> None:
    page = client.get("/voices")
    assert page.status_code == 200
    html = page.text
    assert 'href="/voices" aria-current="page"' in html
    assert 'data-gender="unknown"' in html and "Genre inconnu" in html
    assert html.count("<polyline") == 2 and "de 2017-06 à 2017-07" in html
    assert html.count('class="bar g-f"') == 2  # women quoted in two of the three outlets
    assert "Élisabeth Borne" in html and "Vladimir Poutine" in html
    assert "https://" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_web_voices_article_page_shows_the_gender_balance(client: TestClient, store: Path) -> None:
    with closing(sqlite3.connect(store)) as conn:
        (article_id,) = conn.execute("SELECT id FROM articles WHERE doc_id = 'macron-1'").fetchone()
    html = client.get(f"/articles/{article_id}").text
    table = html.split('id="article-genders"', 1)[1].split("</table>", 1)[0]
    rows = {
        gender: [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)]
        for gender, row in re.findall(r'<tr data-gender="(\w+)">(.*?)</tr>', table)
    }
    # quoted persons, quotations, persons mentioned: Camille Rivière's gender is unknown, shown
    assert rows == {"f": [1, 1, 1], "m": [1, 1, 1], "x": [0, 0, 0], "unknown": [1, 1, 1]}
    assert "Genre inconnu" in table
