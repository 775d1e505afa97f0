"""End-to-end review in the browser: `presse serve --edit`'s app on a loopback port, driven in
Debian's headless Chromium through Playwright (every request leaving 127.0.0.1 blocked). A
reviewer changes a speaker, rejects and adds quotations, merges actors, undoes; the corrections
hold after a reload and a re-ingest, in the page, `/api/actors` and the gold export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from presse.corpus.ingest import ingest
from presse.store.export import export_gold
from presse.web.editing import EditMode
from test_web_api import build_store
from test_web_e2e import serve, watched_page

pytestmark = pytest.mark.model

TOKEN = "e2e-token-0123456789"
HOSTILE_NAME = "<img src=x onerror=\"window.__pwned='speaker'\"><script>window.__pwned='s'</script>"
SELECT_TEXT = """([blockId, words]) => {
  const block = document.getElementById(blockId);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.getElementById("article-text").dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
    return true;
  }
  return false;
}"""


@pytest.fixture
def store(analyzer, tmp_path: Path) -> Path:
    return build_store(tmp_path)


@pytest.fixture
def server(store: Path) -> Iterator[str]:
    with serve(store, edit=EditMode.new(TOKEN)) as url:
        yield url


@pytest.fixture
def page(browser, server: str):
    with watched_page(browser, server) as tab:
        tab.goto(f"{server}/edit?token={TOKEN}")
        yield tab
        assert tab.watch.dialogs == [], f"dialogs opened: {tab.watch.dialogs}"


def _api(page, server: str, path: str) -> dict:
    response = page.request.get(server + path)
    assert response.ok, path
    return response.json()


def _macron_article(page, server: str) -> tuple[int, dict]:
    """The article where Emmanuel Macron is quoted in a mixed quote, and its analysis."""
    for item in _api(page, server, "/api/articles?per_page=100")["items"]:
        article = _api(page, server, f"/api/articles/{item['id']}")["article"]
        if any(q["kind"] == "mixed" and q["speaker"]["name"] == "Emmanuel Macron" for q in article["quotes"]):
            return item["id"], article
    raise AssertionError("no article quoting Emmanuel Macron")


def _speaker_shown(page, quote_id: str) -> str:
    page.locator(f'mark.q[data-quote="{quote_id}"]').first.click()
    return page.locator('#quote-detail [data-field="speaker"]').inner_text()


def _actor_quotes(page, server: str, name: str) -> int | None:
    actors = _api(page, server, "/api/actors?per_page=100&sort=quotes")["items"]
    return next((a["quotes"] for a in actors if a["name"] == name), None)


def _free_words(article: dict) -> tuple[str, str]:
    """(block id, words) of a paragraph's first words that no quotation covers."""
    for block in article["blocks"]:
        if block["kind"] != "paragraph":
            continue
        start, end = block["start"], block["start"] + min(60, block["end"] - block["start"])
        if any(q["start"] < end and start < q["end"] for q in article["quotes"]):
            continue
        words = article["text"][start:end].rsplit(" ", 1)[0]
        if len(words) > 20:
            return f"b{block['start']}", words
    raise AssertionError("no paragraph free of quotations")


def test_web_e2e_edit_correct_undo_reload_and_reingest(page, server: str, store: Path, tmp_path: Path) -> None:
    article_id, article = _macron_article(page, server)
    mixed = next(q for q in article["quotes"] if q["kind"] == "mixed" and q["speaker"]["name"] == "Emmanuel Macron")
    macron = _actor_quotes(page, server, "Emmanuel Macron")
    page.goto(f"{server}/articles/{article_id}")

    # change a speaker, with the keyboard
    mark = page.locator(f'mark.q[data-quote="{mixed["id"]}"]').first
    mark.focus()
    page.keyboard.press("Enter")
    form = page.locator("#edit-quote form").first
    form.locator('input[name="speaker"]').fill("Relectrice Exemple")
    with page.expect_navigation():
        form.locator('input[name="speaker"]').press("Enter")
    assert _speaker_shown(page, mixed["id"]) == "Relectrice Exemple"
    assert _actor_quotes(page, server, "Relectrice Exemple") == 1
    assert _actor_quotes(page, server, "Emmanuel Macron") == macron - 1
    assert page.locator(".undo-bar").is_visible()

    # reject another quotation
    other = next(q for q in article["quotes"] if q["id"] != mixed["id"] and q["part_of"] != mixed["id"])
    page.locator(f'mark.q[data-quote="{other["id"]}"]').first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Rejeter : ce n’est pas une citation").click()
    assert page.locator(f'mark.q[data-quote="{other["id"]}"]').count() == 0

    # undo the rejection from the bar it left
    with page.expect_navigation():
        page.locator(".undo-bar button[data-undo]").click()
    assert page.locator(f'mark.q[data-quote="{other["id"]}"]').count() > 0

    # add a missed quotation by selecting its words; its hostile speaker stays text
    block, words = _free_words(article)
    assert page.evaluate(SELECT_TEXT, [block, words])
    add = page.locator("#edit-add form")
    assert add.locator('textarea[name="text"]').input_value() == words
    add.locator('input[name="speaker"]').fill(HOSTILE_NAME)
    with page.expect_navigation():
        add.get_by_role("button", name="Ajouter la citation").click()
    added = page.locator('mark.q[data-quote^="qr"]')
    assert added.count() == 1 and added.first.inner_text() == words
    assert _speaker_shown(page, added.first.get_attribute("data-quote")) == HOSTILE_NAME
    assert page.evaluate("window.__pwned") is None

    # reload: everything holds
    page.reload()
    assert _speaker_shown(page, mixed["id"]) == "Relectrice Exemple"
    assert page.locator(f'mark.q[data-quote="{other["id"]}"]').count() > 0
    assert page.locator('mark.q[data-quote^="qr"]').count() == 1

    # re-ingest the article with its text moved: the corrections are re-anchored
    source = store.parent / "articles.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    for record in records:
        if record.get("title") == article["title"]:
            record["text"] = "Mise à jour de la rédaction.\n\n" + record["text"]
    moved = tmp_path / "moved.jsonl"
    moved.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert ingest([moved], store).replaced == 1
    new_id = next(
        a["id"] for a in _api(page, server, "/api/articles?per_page=100")["items"] if a["title"] == article["title"]
    )
    page.goto(f"{server}/articles/{new_id}")
    assert _speaker_shown(page, mixed["id"]) == "Relectrice Exemple"
    assert page.locator('mark.q[data-quote^="qr"]').first.inner_text() == words
    assert _actor_quotes(page, server, "Relectrice Exemple") == 1
    assert {c["status"] for c in _api(page, server, "/api/corrections")["items"]} == {"applied"}
    gold = tmp_path / "gold.jsonl"
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
        export_gold(conn, gold)
    exported = {
        q["text"]: q["speaker"]["name"] if q["speaker"] else None
        for line in gold.read_text(encoding="utf-8").splitlines()
        for q in json.loads(line)["quotes"]
    }
    assert exported[mixed["text"]] == "Relectrice Exemple" and exported[words] == HOSTILE_NAME


def test_web_e2e_edit_merge_actors_then_undo(page, server: str) -> None:
    actors = _api(page, server, "/api/actors?per_page=100&sort=quotes")["items"]
    short = next(a for a in actors if a["name"] == "E. Macron")
    full = next(a for a in actors if a["name"] == "Emmanuel Macron")
    page.goto(f"{server}/actors/{short['id']}")
    merge = page.locator("#edit-actor form").first
    merge.locator('input[name="value"]').fill("Emmanuel Macron")
    with page.expect_navigation():
        merge.get_by_role("button", name="Fusionner").click()
    page.wait_for_url(f"**/actors/{full['id']}")
    assert _actor_quotes(page, server, "E. Macron") is None
    assert _actor_quotes(page, server, "Emmanuel Macron") == full["quotes"] + short["quotes"]
    assert "E. Macron" in page.locator("ul.tags").first.inner_text()
    with page.expect_navigation():
        page.locator("#edit-actor button[data-undo]").first.click()
    assert _actor_quotes(page, server, "E. Macron") == short["quotes"]
    assert _actor_quotes(page, server, "Emmanuel Macron") == full["quotes"]


def test_web_e2e_edit_read_only_page_has_no_form(browser, store: Path) -> None:
    with serve(store) as url:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{url}/articles/1")
        assert tab.locator("form.edit-form").count() == 0 and tab.locator("meta[name=presse-csrf]").count() == 0
        context.close()
