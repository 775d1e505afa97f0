"""The web app's JSON API and server-rendered pages, through FastAPI's TestClient, over a small
store of real French Wikinews articles plus one hostile article."""

from __future__ import annotations

import json
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from conftest import shared_path
from presse.corpus.ingest import ingest
from presse.errors import UsageError
from presse.web import render
from presse.web.app import create_app

pytestmark = pytest.mark.model

WIKINEWS_IDS = (
    "winer-fr-2017_02_01-004",
    "winer-fr-2017_02_04-001",
    "winer-fr-2017_02_10-002",
    "winer-fr-2017_03_01-001",
    "winer-fr-2017_03_12-001",
    "winer-fr-2017_05_07-003",
    "winer-fr-2018_12_10-001",
)

HOSTILE = {
    "id": "hostile-1",
    "title": "Alerte <script>window.__pwned = 'title'; alert('title')</script> au conseil municipal",
    "date": "2018-06-01",
    "url": "javascript:alert('url')",
    "text": (
        "Le maire Jean Dupont <img src=x onerror=\"window.__pwned='img'; alert('img')\"> a déclaré : "
        "« <script>window.__pwned = 'quote'; alert('quote')</script> nous ne céderons pas ».\n\n"
        "Voir <a href=\"javascript:alert('link')\">ce lien</a> et [la source](javascript:alert('md')).\n\n"
        "Le préfet Paul Martin a affirmé que « tout va bien <b onmouseover=\"alert('b')\">ici</b> »."
    ),
}


def build_store(directory: Path) -> Path:
    """A store of the WIKINEWS_IDS articles and the HOSTILE one, ingested by presse."""
    corpus = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    wanted = set(WIKINEWS_IDS)
    records = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                records.append(record)
    assert len(records) == len(WIKINEWS_IDS)
    source = directory / "articles.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*records, HOSTILE]),
        encoding="utf-8",
    )
    db = directory / "corpus.db"
    counts = ingest([source], db)
    assert (counts.new, counts.failed) == (len(WIKINEWS_IDS) + 1, 0)
    return db


@pytest.fixture(scope="module")
def store(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    return TestClient(create_app(store))


def _hostile_id(client: TestClient) -> int:
    found = client.get("/api/articles", params={"q": "conseil municipal"}).json()["items"]
    return next(a["id"] for a in found if a["title"].startswith("Alerte"))


def _attributed_quote(client: TestClient) -> dict:
    items = client.get("/api/quotes", params={"per_page": 100}).json()["items"]
    return next(q for q in items if q["speaker_actor_id"] is not None and q["article_title"] and not q["article_title"].startswith("Alerte"))


def test_web_api_articles_paginate_newest_first(client: TestClient) -> None:
    first = client.get("/api/articles", params={"per_page": 3}).json()
    assert first["total"] == len(WIKINEWS_IDS) + 1
    assert len(first["items"]) == 3 and first["has_next"]
    last = client.get("/api/articles", params={"per_page": 3, "page": 3}).json()
    assert len(last["items"]) == 2 and not last["has_next"]
    dates = [a["published"] for a in first["items"]]
    assert dates == sorted(dates, reverse=True)
    window = client.get("/api/articles", params={"since": "2017-02-01", "until": "2017-02-28"}).json()
    assert window["total"] == 3
    assert all("2017-02-01" <= a["published"] <= "2017-02-28" for a in window["items"])


def test_web_api_article_offsets_match_its_text(client: TestClient) -> None:
    quote = _attributed_quote(client)
    body = client.get(f"/api/articles/{quote['article_id']}").json()
    article = body["article"]
    assert article["quotes"]
    for q in article["quotes"]:
        assert article["text"][q["start"] : q["end"]] == q["text"]
    for entity in article["entities"]:
        for m in entity["mentions"]:
            assert article["text"][m["start"] : m["end"]] == m["text"]
    speakers = {q["speaker"]["entity"] for q in article["quotes"] if q["speaker"]["entity"]}
    assert speakers <= set(body["actors"])
    assert quote["speaker_actor_id"] in {a["id"] for a in body["actors"].values()}


def test_web_api_unknown_ids_are_404_json(client: TestClient) -> None:
    for path in ("/api/articles/999999", "/api/actors/999999"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/json")
        assert "999999" in response.json()["message"]
    page = client.get("/articles/999999")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_web_api_bad_queries_are_400_with_a_message(client: TestClient) -> None:
    cases = {
        "/api/quotes?q=%22unterminated": "invalid search query",
        "/api/articles?q=AND": "invalid search query",
        "/api/quotes?since=yesterday": "not a date",
        "/api/quotes?kind=rumour": "kind",
        "/api/quotes?per_page=1000": "per_page",
        "/api/actors?sort=fame": "sort",
        "/api/network?min_weight=0": "min_weight",
    }
    for path, fragment in cases.items():
        response = client.get(path)
        assert response.status_code == 400, path
        assert fragment in response.json()["message"], (path, response.json())
    assert client.get("/quotes?q=%22unterminated").status_code == 400


def test_web_api_quote_search_filters(client: TestClient) -> None:
    quote = _attributed_quote(client)
    word = max(re.findall(r"\w{6,}", quote["text"]), key=len)
    found = client.get("/api/quotes", params={"q": word, "per_page": 100}).json()["items"]
    assert quote["id"] in {q["id"] for q in found}
    assert all(word.casefold() in q["text"].casefold() for q in found)
    by_speaker = client.get("/api/quotes", params={"speaker": quote["speaker"], "per_page": 100}).json()
    assert quote["id"] in {q["id"] for q in by_speaker["items"]}
    assert all(q["speaker"] == quote["speaker"] for q in by_speaker["items"])
    for kind in ("direct", "indirect"):
        page = client.get("/api/quotes", params={"kind": kind, "per_page": 100}).json()
        assert page["total"] == len(page["items"]) and all(q["kind"] == kind for q in page["items"])
    one_day = client.get("/api/quotes", params={"since": quote["published"], "until": quote["published"]}).json()
    assert one_day["items"] and all(q["published"] == quote["published"] for q in one_day["items"])
    assert client.get("/api/quotes", params={"since": "2030-01-01"}).json()["items"] == []


def test_web_api_quotes_paginate_without_overlap(client: TestClient) -> None:
    everything = client.get("/api/quotes", params={"per_page": 100}).json()["items"]
    assert len(everything) > 4
    pages = [client.get("/api/quotes", params={"per_page": 2, "page": n}).json() for n in (1, 2, 3)]
    ids = [q["id"] for p in pages for q in p["items"]]
    assert ids == [q["id"] for q in everything[:6]]
    assert all(p["has_next"] for p in pages[:2])


def test_web_api_actor_detail_adds_up(client: TestClient) -> None:
    quote = _attributed_quote(client)
    detail = client.get(f"/api/actors/{quote['speaker_actor_id']}").json()
    actor = detail["actor"]
    assert actor["name"] == quote["speaker"]
    assert quote["id"] in {q["id"] for q in detail["quotes"]}
    assert all(q["speaker_actor_id"] == actor["id"] for q in detail["quotes"])
    # every Wikinews article is dated: the weekly timeline holds every mention and quote
    assert sum(w["mentions"] for w in detail["weeks"]) == actor["mentions"]
    assert sum(w["quotes"] for w in detail["weeks"]) == actor["quotes"]
    assert len(detail["articles"]) == actor["articles"]
    listed = client.get("/api/actors", params={"sort": "quotes", "per_page": 100}).json()
    assert actor["id"] in {a["id"] for a in listed["items"]}
    quotes = [a["quotes"] for a in listed["items"]]
    assert quotes == sorted(quotes, reverse=True)


def test_web_api_network_respects_filters(client: TestClient) -> None:
    full = client.get("/api/network", params={"min_weight": 1, "max_nodes": 300}).json()
    assert full["nodes"] and full["edges"]
    kinds = {e["kind"] for e in full["edges"]}
    assert kinds <= {"stance", "act"} and "stance" in kinds  # co-mentions only when asked
    ids = {n["id"] for n in full["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in full["edges"])
    # co-mentions are the heavy edges of a few articles: they show the weight filter at work
    with_co = client.get("/api/network", params={"min_weight": 1, "max_nodes": 300, "co_mention": True}).json()
    assert "co-mention" in {e["kind"] for e in with_co["edges"]}
    heavy = client.get("/api/network", params={"min_weight": 2, "max_nodes": 300, "co_mention": True}).json()
    assert heavy["edges"] and all(e["weight"] >= 2 for e in heavy["edges"])
    assert len(heavy["edges"]) < len(with_co["edges"])
    small = client.get("/api/network", params={"min_weight": 1, "max_nodes": 5}).json()
    assert 2 <= len(small["nodes"]) <= 5
    linked = {e["source"] for e in small["edges"]} | {e["target"] for e in small["edges"]}
    assert linked == {n["id"] for n in small["nodes"]}
    later = client.get("/api/network", params={"min_weight": 1, "since": "2030-01-01"}).json()
    assert later == {"nodes": [], "edges": []}


def test_web_api_analyze_returns_an_article_and_stores_nothing(client: TestClient, store: Path) -> None:
    before = store.read_bytes()
    text = (
        "La ministre de la Santé, Agnès Buzyn, a déclaré jeudi : « Nous ne fermerons aucun "
        "hôpital cette année. »\n\nLes syndicats ont estimé que cette promesse restait vague."
    )
    response = client.post("/api/analyze", json={"text": text, "title": "Santé : pas de fermeture"})
    assert response.status_code == 200
    article = response.json()
    assert article["title"] == "Santé : pas de fermeture"
    assert any(q["kind"] == "direct" and "aucun hôpital" in q["text"] for q in article["quotes"])
    for q in article["quotes"]:
        assert article["text"][q["start"] : q["end"]] == q["text"]
    upload = client.post("/api/analyze", files={"file": ("article.txt", text.encode("utf-8"), "text/plain")})
    assert upload.status_code == 200 and upload.json()["quotes"]
    assert store.read_bytes() == before
    assert client.get("/api/articles").json()["total"] == len(WIKINEWS_IDS) + 1


def test_web_api_analyze_rejects_bad_bodies(client: TestClient, store: Path) -> None:
    assert client.post("/api/analyze", json={"text": "   "}).status_code == 422
    malformed = client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert malformed.status_code == 400 and "JSON" in malformed.json()["message"]
    assert client.post("/api/analyze", json={"title": "no text"}).status_code == 400
    small = TestClient(create_app(store, max_body=2_000))
    big = small.post("/api/analyze", json={"text": "Il a dit « oui ». " * 500})
    assert big.status_code == 413 and "too large" in big.json()["message"]
    chunked = small.post(
        "/api/analyze",
        content=iter([b'{"text": "', b"x" * 3_000, b'"}']),
        headers={"content-type": "application/json"},
    )
    assert chunked.status_code == 413
    assert small.post("/analyze", data={"text": "x" * 3_000}).status_code == 413
    empty_form = client.post("/analyze", data={"text": "  "})
    assert empty_form.status_code == 422 and 'role="alert"' in empty_form.text


def test_web_api_has_no_write_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        methods = set(operations) - {"parameters"}
        assert methods == ({"post"} if path == "/api/analyze" else {"get"}), path
    assert client.delete("/api/articles/1").status_code == 405
    assert client.put("/api/actors/1", json={}).status_code == 405


def test_web_api_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    expected = {"/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}", "/api/quotes", "/api/network", "/api/stance", "/api/analyze"}
    assert expected <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/quotes"]["get"]["parameters"]}
    assert {"q", "speaker", "about", "since", "until", "kind", "page", "per_page"} <= params
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "http" not in re.sub(r'<a href="/[^"]*"', "", docs).replace("http-equiv", "")
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_web_api_pages_render_with_security_headers(client: TestClient) -> None:
    quote = _attributed_quote(client)
    for path in ("/", "/articles", f"/articles/{quote['article_id']}", "/actors", f"/actors/{quote['speaker_actor_id']}", "/quotes?q=pas", "/network", "/analyze"):
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"<script(?![^>]*\b(src=\"/static/|type=\"application/json\"))", response.text), path
    assert client.get("/api/articles").headers["content-security-policy"]


def test_web_api_hostile_article_is_escaped(client: TestClient) -> None:
    article_id = _hostile_id(client)
    html = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;window.__pwned" in html
    assert "&lt;img src=x onerror=" in html
    assert "<img" not in html and "<b " not in html
    assert "<script>window" not in html and "onerror=\"window" not in html
    assert 'href="javascript' not in html.lower()
    # the JSON handed to the page script cannot close its <script> block
    data = re.search(r'<script type="application/json" id="quotes-data">(.*?)</script>', html, re.S)
    assert data and "<" not in data.group(1)
    assert json.loads(data.group(1))
    api = client.get(f"/api/articles/{article_id}").json()["article"]
    assert "<script>" in api["title"] and api["url"] == HOSTILE["url"]


class _Text(HTMLParser):
    """Collects the text of an HTML fragment and, per data-quote id, the text of each mark."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[tuple[str, int] | None] = []
        self.marks: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        quote = dict(attrs).get("data-quote") if tag == "mark" else None
        if quote:
            self.marks.setdefault(quote, []).append("")
            self.stack.append((quote, len(self.marks[quote]) - 1))
        else:
            self.stack.append(None)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        mark = next((m for m in reversed(self.stack) if m), None)
        if mark:
            self.marks[mark[0]][mark[1]] += data


def test_web_render_highlights_cover_exact_offsets(client: TestClient) -> None:
    from presse.model import Article

    quote = _attributed_quote(client)
    body = client.get(f"/api/articles/{quote['article_id']}").json()
    article = Article.model_validate(body["article"])
    view = render.article_view(article, {e: a["id"] for e, a in body["actors"].items()})
    pieces = [view.title_html or "", *(b.html for b in view.blocks)]
    for block, html in zip(
        [b for b in article.blocks if b.text.strip()], pieces, strict=False
    ):
        parser = _Text()
        parser.feed(str(html))
        assert "".join(parser.text) == article.text[block.start : block.end]
    parser = _Text()
    parser.feed("".join(str(p) for p in pieces))
    for q in article.quotes:
        # a quote holding another one is cut around it: each of its marks is a piece of it
        assert parser.marks[q.id] and all(piece in q.text for piece in parser.marks[q.id])
    assert any(parser.marks[q.id] == [q.text] for q in article.quotes)


def test_web_render_colours_are_deterministic() -> None:
    assert render.colour_index("actor:12") == render.colour_index("actor:12")
    assert len({render.colour_index(f"actor:{i}") for i in range(200)}) == render.PALETTE_SIZE
    assert render.safe_href("https://fr.wikinews.org/wiki/X") == "https://fr.wikinews.org/wiki/X"
    assert render.safe_href(" JavaScript:alert(1)") is None
    assert render.safe_href("data:text/html,<script>") is None


def test_web_app_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="presse ingest"):
        create_app(tmp_path / "missing.db")
    not_a_store = tmp_path / "other.db"
    sqlite3.connect(not_a_store).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(UsageError, match="not a presse database"):
        create_app(not_a_store)


def test_web_api_article_page_marks_only_direct_words_as_verbatim(client: TestClient) -> None:
    items = client.get("/api/quotes", params={"per_page": 100}).json()["items"]
    reported = next(q for q in items if q["kind"] == "indirect" and len(q["text"]) < 150)
    direct = next(q for q in items if q["kind"] == "direct" and len(q["text"]) < 150)
    for quote, verbatim in ((reported, False), (direct, True)):
        html = client.get(f"/articles/{quote['article_id']}").text
        words = str(escape(quote["text"]))
        # reported speech is the journalist's wording: in italics, never between « »
        assert (f"« {words} »" in html) is verbatim
        assert (f"<em>{words}</em>" in html) is not verbatim
