"""Stance in the web UI and API: who judges an actor or acts on them and how, whom they judge,
strongest first with the evidence sentence; the pair aggregates of /api/stance; the network's
stance and act edges by default (width by evidence, colour by label) and co-mentions behind a
toggle — over the Anchorage reference article ingested with a few French Wikinews articles
about Donald Trump and Vladimir Poutine."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

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


def test_web_stance_actor_api_strongest_first_with_evidence(client: TestClient) -> None:
    trump = _actor_id(client, "Donald Trump")
    body = client.get(f"/api/actors/{trump}").json()
    about = {r["name"]: r for r in body["stance_about"]}
    by = {r["name"]: r for r in body["stance_by"]}
    assert "Vladimir Poutine" in about and "Vladimir Poutine" in by
    moscou = by["Moscou"]["polarity"]
    assert moscou["label"] == "negative" and moscou["mean"] < 0 and moscou["negative"] == moscou["count"]
    # strongest first: the most judgments, then the strongest score
    strength = [(r["polarity"]["count"], r["polarity"]["strongest"]) for r in body["stance_by"]]
    assert strength == sorted(strength, reverse=True)
    anchorage = _anchorage_id(client)
    article = client.get(f"/api/articles/{anchorage}").json()["article"]
    quotes = {q["id"]: q["text"] for q in article["quotes"]}
    text = " ".join(article["text"].split())
    evidence = [e for r in body["stance_by"] for e in r["evidence"]]
    assert any(e["article_id"] == anchorage for e in evidence)
    for e in evidence:
        assert e["polarity"] in {"positive", "negative"} and e["text"] and "cue" in e
        if e["article_id"] == anchorage and e["via"] == "quote":  # the quote or its sentence
            assert e["text"] == quotes[e["evidence_id"]] or e["text"] in text
        assert e["position"] >= 0
    for row in body["stance_about"] + body["stance_by"]:
        p = row["polarity"]
        assert p["positive"] + p["negative"] == p["count"] >= len(row["evidence"]) >= 1
        assert p["label"] in {"negative", "positive", "mixed"} and row["actor_id"] != trump
        assert p["first_date"] is None or p["first_date"] <= p["last_date"]
        first, last = p["first_polarity"], p["last_polarity"]
        assert p["swing"] == (None if first == last else f"{first}→{last}")


def test_web_stance_api_pairs(client: TestClient) -> None:
    trump = _actor_id(client, "Donald Trump")
    everything = client.get("/api/stance", params={"per_page": 100}).json()
    assert everything["items"] and not everything["has_next"]
    strength = [(p["count"], p["strongest"]) for p in everything["items"]]
    assert strength == sorted(strength, reverse=True)
    by_trump = client.get("/api/stance", params={"source": trump, "per_page": 100}).json()["items"]
    assert by_trump == [p for p in everything["items"] if p["source_id"] == trump]
    to_poutine = next(p for p in by_trump if p["target_name"] == "Vladimir Poutine")
    assert to_poutine["source_name"] == "Donald Trump"
    first, last = to_poutine["first_polarity"], to_poutine["last_polarity"]
    assert to_poutine["swing"] == (None if first == last else f"{first}→{last}")
    first = client.get("/api/stance", params={"per_page": 1}).json()
    assert first["items"] == everything["items"][:1] and first["has_next"]
    assert client.get("/api/stance", params={"since": "2030-01-01"}).json()["items"] == []
    assert client.get("/api/stance", params={"since": "demain"}).status_code == 400


def test_web_stance_network_api_stance_and_acts_by_default(client: TestClient) -> None:
    body = client.get("/api/network", params={"min_weight": 1, "max_nodes": 300}).json()
    names = {n["id"]: n["name"] for n in body["nodes"]}
    assert {e["kind"] for e in body["edges"]} <= {"stance", "act"}
    stance_edges = {(names[e["source"]], names[e["target"]]): e for e in body["edges"] if e["kind"] == "stance"}
    assert stance_edges[("Donald Trump", "Moscou")]["label"] == "negative"
    assert stance_edges[("Vladimir Poutine", "Donald Trump")]["label"] == "positive"
    for edge in stance_edges.values():
        assert edge["weight"] == edge["polarity"]["count"] and edge["label"] == edge["polarity"]["label"]
    with_co = client.get("/api/network", params={"min_weight": 1, "max_nodes": 300, "co_mention": "true"}).json()
    co = [e for e in with_co["edges"] if e["kind"] == "co-mention"]
    assert co and all(e["polarity"] is None and e["label"] is None for e in co)
    assert len(with_co["edges"]) > len(body["edges"])
    # with few actors, co-mentions never crowd out a judgment
    few = {"min_weight": 1, "max_nodes": 6}
    plain = client.get("/api/network", params=few).json()["edges"]
    crowded = client.get("/api/network", params={**few, "co_mention": "true"}).json()["edges"]
    assert plain and all(edge in crowded for edge in plain)


def test_web_stance_actor_page_sections(client: TestClient) -> None:
    trump = _actor_id(client, "Donald Trump")
    poutine = _actor_id(client, "Vladimir Poutine")
    html = client.get(f"/actors/{trump}").text
    about = html[html.index('id="stance-about"') : html.index('id="stance-by"')]
    assert "Qui parle de lui, et comment" in about
    assert f'href="/actors/{poutine}"' in about
    assert 'class="pol-pos"' in about and "<svg class=\"polarity-bar\"" in about
    assert "neutre" not in about
    by = html[html.index('id="stance-by"') :]
    assert "De qui parle-t-il" in by and "Moscou" in by
    # Trump's own quotes judge Moscou and Poutine (what others say of him is acts: compliments)
    assert re.search(rf'href="/articles/{_anchorage_id(client)}#quote-q\d+"', by)
    # the strongest pair first, with its evidence sentence
    strongest = client.get(f"/api/actors/{trump}").json()["stance_by"][0]
    first_row = by.split('<li class="stance-row"')[1]
    assert first_row.startswith(f' data-actor="{strongest["actor_id"]}"')
    assert str(escape(strongest["evidence"][0]["text"]))[:80] in first_row


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
        for cls in ("pol-neg", "pol-pos", "pol-mix", "pol-neu"):
            assert legend.locator(f".key.{cls}").is_visible()
        assert "épaisseur : nombre de preuves" in legend.inner_text()
        # stance and act edges only, until the toggle asks for co-mentions
        assert page.locator("#network-svg line.edge.co-mention").count() == 0
        negative = page.locator("#network-svg line.edge.stance.pol-neg")
        positive = page.locator("#network-svg line.edge.stance.pol-pos")
        assert negative.count() >= 1 and positive.count() >= 1
        assert float(negative.first.get_attribute("data-polarity")) < 0
        assert negative.first.get_attribute("marker-end") == "url(#arrow-neg)"
        stroke = negative.first.evaluate("line => getComputedStyle(line).stroke")
        assert stroke == "rgb(217, 95, 2)"  # the orange of --pol-neg
        # wider with more evidence
        widths = sorted(
            (int(line.get_attribute("data-weight")), float(line.get_attribute("stroke-width")))
            for line in page.locator("#network-svg line.edge").all()
        )
        assert widths[0][0] < widths[-1][0] and widths[0][1] < widths[-1][1]
        assert [w for _, w in widths] == sorted(w for _, w in widths)
        page.screenshot(path=str(ARTIFACTS / "web-stance-network.png"), full_page=True)
        toggle = page.locator("#co-mention")
        assert toggle.is_visible() and not toggle.is_checked()
        toggle.check()
        page.wait_for_url("**co_mention=true**")
        page.locator("#network-svg line.edge.co-mention").first.wait_for()
        assert page.locator("#co-mention").is_checked()
        assert page.locator("#network-svg line.edge.stance").count() >= 1
        page.screenshot(path=str(ARTIFACTS / "web-stance-network-co-mention.png"), full_page=True)

        trump = _actor_id(client, "Donald Trump")
        strongest = client.get(f"/api/actors/{trump}").json()["stance_by"][0]
        page.goto(f"{server}/actors/{trump}")
        section = page.locator("#stance-about")
        assert section.locator("h2").inner_text() == "Qui parle de lui, et comment"
        assert section.locator("li.stance-row").count() >= 1
        assert section.locator("svg.polarity-bar rect.pol-pos").count() >= 1
        assert page.locator("#stance-by li.stance-row a.who").all_inner_texts().count("Moscou") == 1
        # the strongest edge first, with its evidence sentence
        first = page.locator("#stance-by li.stance-row").first
        assert first.get_attribute("data-actor") == str(strongest["actor_id"])
        assert first.locator("a.who").inner_text() == strongest["name"]
        sentence = first.locator("ol.evidence li .ev-text").first.inner_text()
        assert sentence.startswith(strongest["evidence"][0]["text"][:80])
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
