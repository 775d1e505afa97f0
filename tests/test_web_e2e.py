"""End-to-end: `presse serve`'s app on a free loopback port, driven in Debian's headless Chromium
through Playwright. Every request leaving 127.0.0.1 is blocked and recorded (the UI must work
offline); screenshots go to tests/artifacts/."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web_api import HOSTILE, build_store

pytestmark = pytest.mark.model

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(db: Path, **options: object) -> Iterator[str]:
    """The app over `db` (``options`` go to create_app), served by uvicorn in a thread on a free
    loopback port; yields its URL."""
    import uvicorn

    from presse.web.app import create_app

    port = _free_port()
    app = create_app(db, **options)  # type: ignore[arg-type]
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a small store of real articles and the hostile one."""
    with serve(build_store(tmp_path_factory.mktemp("web-e2e"))) as url:
        yield url


class Watch:
    """What a page did that it must not: outside requests, dialogs, script errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []


@contextlib.contextmanager
def watched_page(browser, server: str, *, script_errors: bool = True) -> Iterator[object]:
    """A tab in a new browser context whose requests may reach only `server` (any other is
    aborted and recorded); dialogs are dismissed. On exit, fails if a request left the machine
    or (with `script_errors`) a script raised."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    watch = Watch()

    def route(route) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            watch.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    tab.on("pageerror", lambda e: watch.errors.append(str(e)))
    tab.watch = watch  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert watch.outside == [], f"requests left the machine: {watch.outside}"
    if script_errors:
        assert watch.errors == [], f"script errors: {watch.errors}"


@pytest.fixture
def page(browser, server: str):
    with watched_page(browser, server) as tab:
        yield tab


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def _api(page, server: str, path: str) -> dict:
    response = page.request.get(server + path)
    assert response.ok, path
    return response.json()


def test_web_e2e_overview_shows_counts_and_chart(page, server: str) -> None:
    page.goto(server + "/")
    stats = page.locator("dl.stats")
    assert "8" in stats.locator("div", has_text="Articles").inner_text()
    bars = page.locator("svg.chart.bars rect.bar.mentions")
    assert bars.count() >= 5
    assert float(bars.first.get_attribute("width")) > 0
    assert page.locator("ul.articles li a").count() == 8
    _shot(page, "overview")


def test_web_e2e_clicking_a_quote_shows_its_speaker(page, server: str) -> None:
    quotes = _api(page, server, "/api/quotes?per_page=100")["items"]
    quote = next(q for q in quotes if q["speaker_actor_id"] is not None and not q["article_title"].startswith("Alerte"))
    article = _api(page, server, f"/api/articles/{quote['article_id']}")["article"]
    stored = next(q for q in article["quotes"] if q["text"] == quote["text"])
    page.goto(f"{server}/articles/{quote['article_id']}")
    detail = page.locator("#quote-detail")
    assert detail.locator("dl").is_hidden()
    mark = page.locator(f'mark.q[data-quote="{stored["id"]}"]').first
    mark.click()
    assert detail.locator('[data-field="speaker"]').inner_text() == quote["speaker"]
    assert detail.locator('[data-field="kind"]').inner_text().endswith(f"({stored['kind']})")
    assert detail.locator('[data-field="evidence"]').inner_text() == stored["evidence"]
    assert detail.locator('[data-field="confidence"]').inner_text() == f"{round(stored['confidence'] * 100)} %"
    assert "selected" in (mark.get_attribute("class") or "")
    assert page.locator("span.m").count() >= sum(len(e["mentions"]) for e in article["entities"]) // 2
    _shot(page, "article")
    detail.locator('[data-field="speaker"] a').click()
    page.wait_for_url(f"**/actors/{quote['speaker_actor_id']}")
    assert quote["speaker"] in page.locator("h1").inner_text()
    assert page.locator("svg.chart.timeline rect.bar").count() > 0
    _shot(page, "actor")


def test_web_e2e_quote_search(page, server: str) -> None:
    page.goto(server + "/quotes")
    page.fill('input[name="q"]', "pas")
    page.select_option('select[name="kind"]', "direct")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url("**/quotes?*q=pas*")
    rows = page.locator("ol.quotes li.quote-row")
    assert rows.count() > 0
    for text in rows.locator("blockquote").all_inner_texts():
        assert "pas" in text.casefold()
    _shot(page, "quotes")
    page.fill('input[name="q"]', '"unterminated')
    page.click('form.filters button[type="submit"]')
    assert "invalid search query" in page.locator("p.error").inner_text()


def test_web_e2e_network_opens_an_actor(page, server: str) -> None:
    page.goto(server + "/network?min_weight=1")
    nodes = page.locator("#network-svg g.node")
    nodes.first.wait_for()
    assert nodes.count() > 2
    assert page.locator("#network-svg line.edge").count() > 0
    _shot(page, "network")
    target = nodes.nth(0)
    actor_id = target.get_attribute("data-actor")
    target.locator("circle").click()
    page.wait_for_url(f"**/actors/{actor_id}")
    name = _api(page, server, f"/api/actors/{actor_id}")["actor"]["name"]
    assert name in page.locator("h1").inner_text()


def test_web_e2e_analyze_a_pasted_article(page, server: str) -> None:
    page.goto(server + "/analyze")
    page.fill("#title", "Santé : pas de fermeture")
    page.fill(
        "#text",
        "La ministre de la Santé, Agnès Buzyn, a déclaré jeudi : « Nous ne fermerons aucun "
        "hôpital cette année. »\n\nLes syndicats ont jugé la promesse vague.",
    )
    page.click("form.analyze button[type=submit]")
    page.locator("mark.q").first.click()
    assert "Buzyn" in page.locator('#quote-detail [data-field="speaker"]').inner_text()
    assert "non enregistrée" in page.locator("p.notice").inner_text()
    _shot(page, "analyze")
    assert _api(page, server, "/api/articles")["total"] == 8


def test_web_e2e_hostile_article_runs_nothing(page, server: str) -> None:
    found = _api(page, server, "/api/articles?q=conseil%20municipal")["items"]
    article_id = next(a["id"] for a in found if a["title"].startswith("Alerte"))
    page.goto(f"{server}/articles/{article_id}")
    for mark in page.locator("mark.q").all():
        mark.click()
    page.locator("span.m").first.hover()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.watch.dialogs == []
    body = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 'quote'" in body
    assert "<img src=x onerror=" in body
    assert "<script>" in page.locator("h1").inner_text()
    assert page.locator("#article-text img, #article-text script, #article-text a, #article-text b").count() == 0
    assert page.locator('a[href^="javascript" i]').count() == 0
    _shot(page, "hostile")
    # the same text pasted into the analyzer is just as inert
    page.goto(server + "/analyze")
    page.fill("#title", HOSTILE["title"])
    page.fill("#text", HOSTILE["text"])
    page.click("form.analyze button[type=submit]")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.watch.dialogs == []
    assert "<img src=x" in page.locator("#article-text").inner_text()


def test_web_e2e_docs_render_offline(page, server: str) -> None:
    page.goto(server + "/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 7
    assert "/api/analyze" in page.locator("#swagger-ui").inner_text()
    _shot(page, "docs")


def test_web_e2e_voices_page_draws_its_charts_offline(page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_role("navigation").get_by_role("link", name="Voix").click()
    page.wait_for_url("**/voices")
    overall = _api(page, server, "/api/voices")
    figures = page.locator("#voices-figures tbody tr")
    assert figures.count() == 4
    for row, expected in zip(figures.all(), overall["rows"], strict=True):
        assert row.get_attribute("data-gender") == expected["gender"]
        assert row.locator("td").nth(1).inner_text() == str(expected["persons_quoted"])
    assert figures.last.locator("th").inner_text() == "Genre inconnu"
    monthly = _api(page, server, "/api/voices?by=gender,month")
    months = {r["month"] for r in monthly["rows"] if r["month"]}
    chart = page.get_by_role("img", name="Part des femmes parmi les personnes citées")
    assert chart.is_visible() and chart.bounding_box()["width"] > 300
    assert chart.locator("polyline").count() == 2
    assert 0 < chart.locator("g.line-persons circle").count() <= len(months)
    bars = page.locator("svg.chart.outlets rect.bar")
    assert bars.count() >= 2 and all(b.bounding_box()["width"] > 0 for b in bars.all())
    page.locator("#voices-months").evaluate("t => t.closest('details').open = true")
    assert page.locator("#voices-months tbody tr").count() == len(months)
    _shot(page, "voices")
    top = page.locator("#top-men a").first
    name = top.inner_text()
    top.click()
    page.wait_for_url("**/actors/*")
    assert name in page.locator("h1").inner_text()
