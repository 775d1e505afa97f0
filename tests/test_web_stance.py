"""Stance in the web UI and API: who talks about an actor and how, whom they talk about, and the
network's speaker → actor edges coloured by mean polarity — over the Anchorage reference article
ingested with a few French Wikinews articles about Donald Trump and Vladimir Poutine."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import EXAMPLE, shared_path
from presse.corpus.ingest import ingest
from presse.web.app import create_app
from test_web_e2e import ARTIFACTS, Watch, serve

pytestmark = pytest.mark.model

WIKINEWS_IDS = (
    "winer-fr-2016_12_23-001",  # Trump wants more nuclear capacity; Poutine answers
    "winer-fr-2017_06_01-001",  # Trump leaves the Paris climate agreement
    "winer-fr-2017_11_23-002",  # North Korea supports terrorism, says Trump
)


@pytest.fixture(scope="module")
def store(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("web-stance")
    corpus = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    with corpus.open(encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r["id"] in WIKINEWS_IDS]
    assert len(records) == len(WIKINEWS_IDS)
    source = directory / "articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = directory / "corpus.db"
    counts = ingest([source, EXAMPLE], db)
    assert (counts.new, counts.failed) == (len(WIKINEWS_IDS) + 1, 0)
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    return TestClient(create_app(store))


def _actor_id(client: TestClient, name: str) -> int:
    items = client.get("/api/actors", params={"per_page": 100}).json()["items"]
    return next(a["id"] for a in items if a["name"] == name)


def _anchorage_id(client: TestClient) -> int:
    items = client.get("/api/articles", params={"q": "Anchorage"}).json()["items"]
    assert len(items) == 1
    return items[0]["id"]


def test_web_stance_actor_api(client: TestClient) -> None:
    trump = _actor_id(client, "Donald Trump")
    body = client.get(f"/api/actors/{trump}").json()
    about = {r["name"]: r for r in body["stance_about"]}
    by = {r["name"]: r for r in body["stance_by"]}
    assert "Vladimir Poutine" in about and "Vladimir Poutine" in by
    moscou = by["Moscou"]["polarity"]
    assert moscou["label"] == "negative" and moscou["mean"] < 0 and moscou["negative"] == moscou["count"]
    anchorage = _anchorage_id(client)
    article = client.get(f"/api/articles/{anchorage}").json()["article"]
    quotes = {q["id"]: q["text"] for q in article["quotes"]}
    evidence = [e for r in body["stance_by"] for e in r["evidence"]]
    assert any(e["article_id"] == anchorage for e in evidence)
    for e in evidence:
        if e["article_id"] == anchorage and e["via"] == "quote":
            assert e["text"] == quotes[e["evidence_id"]]
        assert e["position"] >= 0
    for row in body["stance_about"] + body["stance_by"]:
        p = row["polarity"]
        assert p["positive"] + p["negative"] + p["neutral"] == p["count"] >= len(row["evidence"]) >= 1
        assert -1 <= p["mean"] <= 1 and row["actor_id"] != trump


def test_web_stance_network_api_edges_carry_polarity(client: TestClient) -> None:
    body = client.get("/api/network", params={"min_weight": 1, "max_nodes": 300}).json()
    names = {n["id"]: n["name"] for n in body["nodes"]}
    quote_edges = {(names[e["source"]], names[e["target"]]): e for e in body["edges"] if e["kind"] == "quote"}
    assert quote_edges[("Donald Trump", "Moscou")]["polarity"]["label"] == "negative"
    assert quote_edges[("Vladimir Poutine", "Donald Trump")]["polarity"]["mean"] > 0
    assert all(e["polarity"] is None for e in body["edges"] if e["kind"] == "co-mention")
    labels = {e["polarity"]["label"] for e in quote_edges.values() if e["polarity"]}
    assert {"negative", "positive"} <= labels


def test_web_stance_actor_page_sections(client: TestClient) -> None:
    trump = _actor_id(client, "Donald Trump")
    poutine = _actor_id(client, "Vladimir Poutine")
    html = client.get(f"/actors/{trump}").text
    about = html[html.index('id="stance-about"') : html.index('id="stance-by"')]
    assert "Qui parle de lui, et comment" in about
    assert f'href="/actors/{poutine}"' in about
    assert 'class="pol-pos"' in about and "<svg class=\"polarity-bar\"" in about
    by = html[html.index('id="stance-by"') :]
    assert "De qui parle-t-il" in by and "Moscou" in by
    # Trump's own quotes judge Moscou and Poutine (what others say of him is acts: compliments)
    assert re.search(rf'href="/articles/{_anchorage_id(client)}#quote-q\d+"', by)


# --- in the browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    with serve(store) as url:
        yield url


def test_web_stance_in_the_browser(browser, server: str, client: TestClient) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    watch = Watch()
    context.route(
        "**/*",
        lambda route: route.continue_()
        if route.request.url.startswith(server)
        else (watch.outside.append(route.request.url), route.abort()),
    )
    page = context.new_page()
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        page.goto(server + "/network?min_weight=1")
        page.locator("#network-svg g.node").first.wait_for()
        legend = page.locator("#network-legend")
        for cls in ("pol-neg", "pol-neu", "pol-pos"):
            assert legend.locator(f".key.{cls}").is_visible()
        negative = page.locator("#network-svg line.edge.quote.pol-neg")
        positive = page.locator("#network-svg line.edge.quote.pol-pos")
        assert negative.count() >= 1 and positive.count() >= 1
        assert float(negative.first.get_attribute("data-polarity")) < 0
        assert negative.first.get_attribute("marker-end") == "url(#arrow-neg)"
        stroke = negative.first.evaluate("line => getComputedStyle(line).stroke")
        assert stroke == "rgb(217, 95, 2)"  # the orange of --pol-neg
        page.screenshot(path=str(ARTIFACTS / "web-stance-network.png"), full_page=True)

        trump = _actor_id(client, "Donald Trump")
        page.goto(f"{server}/actors/{trump}")
        section = page.locator("#stance-about")
        assert section.locator("h2").inner_text() == "Qui parle de lui, et comment"
        assert section.locator("li.stance-row").count() >= 1
        assert section.locator("svg.polarity-bar rect.pol-pos").count() >= 1
        assert page.locator("#stance-by li.stance-row", has_text="Moscou").count() == 1
        page.screenshot(path=str(ARTIFACTS / "web-stance-actor.png"), full_page=True)
        # an evidence link opens the article on that quote
        link = page.locator('#stance-by ol.evidence a[href*="#quote-"]').first
        quote_id = link.get_attribute("href").split("#quote-")[1]
        link.click()
        page.wait_for_url(f"**#quote-{quote_id}")
        assert page.locator(f'mark.q.selected[data-quote="{quote_id}"]').count() >= 1
        assert page.locator("#quote-detail dl").is_visible()
    finally:
        context.close()
    assert watch.outside == [] and watch.errors == []
