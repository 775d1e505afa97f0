"""The trails in the web app: `/api/trails`, `/api/quotes/{id}/trail`, the trail page and the
trail link of every quotation, over the built trail corpus (tests/trail_corpus.py)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import trail_corpus as tc
from presse.web.app import create_app
from test_trails import article_id, quote_id


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web-trails") / "corpus.db"
    tc.build(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def test_web_trails_api_lists_trails_most_repeated_first(client: TestClient) -> None:
    body = client.get("/api/trails").json()
    assert [(t["text"], t["independent"], t["copies"]) for t in body["items"]] == [
        (tc.FILLON, 3, 0), (tc.FESNEAU, 2, 1), (tc.SPICER, 2, 0)]
    assert body["has_next"] is False
    page = client.get("/api/trails", params={"per_page": 1, "page": 2}).json()
    assert [t["text"] for t in page["items"]] == [tc.FESNEAU] and page["has_next"] is True
    spicer = client.get("/api/trails", params={"speaker": "Sean Spicer"}).json()["items"]
    assert [t["speaker"] for t in spicer] == ["Sean Spicer"]
    assert len(client.get("/api/trails", params={"min_articles": 1}).json()["items"]) == 8


def test_web_trails_api_trail_of_a_quote(client: TestClient, db: Path) -> None:
    body = client.get(f"/api/quotes/{quote_id(db, 'a3', tc.SPICER)}/trail").json()
    assert body["first"]["speaker"] == "Sean Spicer" and body["first"]["published"] == "2017-02-02"
    (later,) = body["later"]
    assert (later["speaker"], later["relation"], later["suggestion"]["speaker"]) == (None, "identical", "Sean Spicer")
    fesneau = client.get(f"/api/quotes/{quote_id(db, 'a5', tc.FESNEAU)}/trail").json()
    assert [a["copy_of"] for a in fesneau["in_copies"]] == [article_id(db, "a4")]
    variant = client.get(f"/api/quotes/{quote_id(db, 'a1', tc.FILLON)}/trail").json()["later"][0]
    assert {"op": "replace", "text": "leur compétence", "was": "leurs compétences"} in variant["diff"]


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/quotes/999999/trail", 404, "no quote 999999"),
        ("/api/quotes/abc/trail", 400, "bad request"),
        ("/api/trails?since=hier", 400, "is not a date"),
        ("/api/trails?min_articles=0", 400, "bad request"),
        ("/quotes/999999/trail", 404, "no quote 999999"),
    ],
)
def test_web_trails_bad_requests(client: TestClient, path: str, status: int, message: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert message in response.text


def test_web_trails_store_without_trails_says_how_to_build_them(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    tc.build(db)
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("INSERT INTO metadata(key, value) VALUES ('trails_pending', 'yes')")
    client = TestClient(create_app(db))
    response = client.get("/api/trails")
    assert response.status_code == 400
    assert "presse trails --rebuild" in response.json()["message"]
    assert "presse trails --rebuild" in client.get("/trails").text


def test_web_trails_page_shows_timeline_outlets_and_differences(client: TestClient, db: Path) -> None:
    html = client.get(f"/quotes/{quote_id(db, 'a1', tc.FILLON)}/trail").text
    assert html.count('<circle') == 3
    assert "<del title=\"retiré\">leurs compétences</del>  <ins title=\"ajouté\">leur compétence</ins>" in html
    outlets = ['<span class="outlet">Le Monde', '<span class="outlet">Libération', '<span class="outlet">Le Figaro']
    assert html.index(outlets[0]) < html.index(outlets[1]) < html.index(outlets[2])
    fesneau = client.get(f"/quotes/{quote_id(db, 'a4', tc.FESNEAU)}/trail").text
    assert "Dans des copies (1, comptées une fois)" in fesneau
    spicer = client.get(f"/quotes/{quote_id(db, 'a3', tc.SPICER)}/trail").text
    assert "Locuteur suggéré" in spicer and "Sean Spicer" in spicer


def test_web_trails_every_quotation_links_to_its_trail(client: TestClient, db: Path) -> None:
    a2 = article_id(db, "a2")
    trail = f'href="/quotes/{quote_id(db, "a2", tc.SPICER)}/trail"'
    page = client.get(f"/articles/{a2}").text
    assert trail in page  # the article's list of quotations
    # and the quote panel, filled by the page script from the quotes' JSON
    assert f'"trail_href": "/quotes/{quote_id(db, "a2", tc.SPICER)}/trail"' in page
    assert trail in client.get("/quotes", params={"q": "photographes"}).text  # quote search
    actor = client.get("/api/quotes", params={"speaker": "Sean Spicer"}).json()["items"][0]["speaker_actor_id"]
    assert trail in client.get(f"/actors/{actor}").text  # the actor's quotations
    assert f'href="/quotes/{quote_id(db, "a1", tc.FILLON)}/trail"' in client.get("/trails").text
