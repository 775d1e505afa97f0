"""End-to-end: the trail page in headless Chromium (Playwright), reached from a quotation as a
user does, over the built trail corpus; every request leaving 127.0.0.1 is blocked and
recorded (see tests/test_web_e2e.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import trail_corpus as tc
from test_web_e2e import _shot, serve, watched_page


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web-trails-e2e") / "corpus.db"
    tc.build(db)
    with serve(db) as url:
        yield url


@pytest.fixture
def page(browser, server: str):
    with watched_page(browser, server) as tab:
        yield tab


def test_web_trails_e2e_from_a_quotation_to_its_trail(page, server: str) -> None:
    page.goto(server + "/quotes?q=missions")
    page.locator("ol.quotes li.quote-row").first.locator("a.trail-link").click()
    page.wait_for_url("**/quotes/*/trail")
    assert tc.FILLON in page.locator("blockquote.trail-text").inner_text()
    assert page.locator("figure.trail-timeline svg circle").count() == 3
    dates = page.locator("ol.trail li.appearance p.when time").all_inner_texts()
    assert dates == ["2017-02-01", "2017-02-02", "2017-02-03"]
    variant = page.locator("ol.trail li.rel-variant blockquote")
    assert variant.locator("del").all_inner_texts() == ["leurs compétences"]
    assert variant.locator("ins").all_inner_texts() == ["leur compétence"]
    assert page.locator("ol.trail li.rel-fragment del").count() == 2
    _shot(page, "trail")


def test_web_trails_e2e_quote_panel_links_the_trail_and_copies_show_apart(page, server: str) -> None:
    page.goto(server + "/trails")
    page.locator("ol.trails li", has_text="préfecture").locator("a.trail-link").click()
    page.wait_for_url("**/quotes/*/trail")
    assert page.locator("ol.trail.copies li.appearance").count() == 1
    assert "Ouest-France" in page.locator("ol.trail.copies").inner_text()
    page.locator("ol.trail li.appearance").first.locator("p.when a").click()
    page.wait_for_url("**/articles/*")
    page.locator("mark.q").first.click()
    link = page.locator('#quote-detail a[data-field="trail"]')
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/quotes/*/trail")
    assert page.locator("ol.trail li.appearance").count() == 3
