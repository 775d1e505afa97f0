"""`presse serve --edit`: the write routes exist only in edit mode, need the token (and a
browser's CSRF value), validate every field with a clear 400, keep hostile text inert, and never
lose a correction when 20 clients post at once."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from presse.web.app import create_app
from presse.web.editing import EditMode
from test_web_api import build_store
from test_web_e2e import _free_port, serve

pytestmark = pytest.mark.model

TOKEN = "test-token-0123456789"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE_NAME = "<img src=x onerror=\"window.__pwned='speaker'\"><script>alert('speaker')</script>"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web-edit"))


@pytest.fixture
def db(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "corpus.db"
    with closing(sqlite3.connect(pristine)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, edit=EditMode.new(TOKEN)))


def _attributed(client: TestClient) -> tuple[int, str, str]:
    """(article id, quote id, speaker) of a quote with a speaker, outside the hostile article."""
    for item in client.get("/api/articles", params={"per_page": 100}).json()["items"]:
        if item["title"].startswith("Alerte"):
            continue
        article = client.get(f"/api/articles/{item['id']}").json()["article"]
        for quote in article["quotes"]:
            if quote["speaker"]["entity"] and quote["part_of"] is None:
                return item["id"], quote["id"], quote["speaker"]["name"]
    raise AssertionError("no attributed quote in the store")


def _count(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0])


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/api/corrections"), ("DELETE", "/api/corrections/1"), ("PUT", "/api/articles/1/reviewed"),
     ("DELETE", "/api/articles/1/reviewed")],
)
def test_web_edit_write_without_token_is_403(client: TestClient, db: Path, method: str, path: str) -> None:
    article, quote, _ = _attributed(client)
    body = {"kind": "reject", "article": article, "quote": quote}
    response = client.request(method, path, json=body)
    assert response.status_code == 403 and "token" in response.json()["message"]
    wrong = client.request(method, path, json=body, headers={"Authorization": "Bearer wrong-token-0123456789"})
    assert wrong.status_code == 403
    assert _count(db) == 0


def test_web_edit_browser_needs_the_csrf_value(client: TestClient, db: Path) -> None:
    article, quote, _ = _attributed(client)
    assert client.get("/edit", params={"token": "wrong"}).status_code == 403
    client.get("/edit", params={"token": TOKEN})  # the cookie
    body = {"kind": "reject", "article": article, "quote": quote}
    refused = client.post("/api/corrections", json=body)
    assert refused.status_code == 403 and "CSRF" in refused.json()["message"]
    page = client.get(f"/articles/{article}").text
    csrf = re.search(r'<meta name="presse-csrf" content="([0-9a-f]+)">', page)[1]
    form = client.post("/api/corrections", data={**body, "csrf": "0" * 64}, follow_redirects=False)
    assert form.status_code == 403 and _count(db) == 0
    form = client.post(
        "/api/corrections", data={**body, "csrf": csrf, "next": f"/articles/{article}"}, follow_redirects=False
    )
    assert form.status_code == 303 and form.headers["location"] == f"/articles/{article}"
    assert _count(db) == 1
    actor = client.get("/api/actors").json()["items"][0]["id"]
    elsewhere = client.post(
        "/api/corrections", data={"kind": "gender", "actor": actor, "value": "x", "csrf": csrf, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert elsewhere.status_code == 303 and elsewhere.headers["location"] == "/"


def test_web_edit_read_only_app_has_no_write_route(db: Path) -> None:
    client = TestClient(create_app(db))
    for method, path in [("POST", "/api/corrections"), ("DELETE", "/api/corrections/1"),
                         ("PUT", "/api/articles/1/reviewed"), ("GET", "/edit?token=" + TOKEN)]:
        assert client.request(method, path, json={}, headers=BEARER).status_code in (404, 405)
    paths = client.get("/openapi.json").json()["paths"]
    assert not any("corrections" in p or "reviewed" in p for p in paths)
    writes = {m for p in paths.values() for m in p} - {"get"}
    assert writes == {"post"} and list(p for p, ms in paths.items() if "post" in ms) == ["/api/analyze"]


def test_web_edit_correction_counts_in_api_and_undo_restores(client: TestClient) -> None:
    article, quote, speaker = _attributed(client)
    def quotes_of(name: str) -> int:
        found = client.get("/api/actors", params={"per_page": 100, "sort": "quotes"}).json()["items"]
        return next((a["quotes"] for a in found if a["name"] == name), 0)
    before = quotes_of(speaker)
    done = client.post(
        "/api/corrections", json={"kind": "speaker", "article": article, "quote": quote, "speaker": "Relectrice Exemple"},
        headers=BEARER,
    )
    assert done.status_code == 201 and done.json()["status"] == "applied"
    assert quotes_of("Relectrice Exemple") == 1 and quotes_of(speaker) == before - 1
    shown = client.get(f"/api/articles/{article}").json()["article"]
    assert {q["id"]: q["speaker"]["name"] for q in shown["quotes"]}[quote] == "Relectrice Exemple"
    listed = client.get("/api/corrections").json()
    assert listed["total"] == 1
    assert client.delete(f"/api/corrections/{done.json()['id']}", headers=BEARER).status_code == 200
    assert quotes_of("Relectrice Exemple") == 0 and quotes_of(speaker) == before
    assert client.delete(f"/api/corrections/{done.json()['id']}", headers=BEARER).status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "kind: required"),
        ({"kind": "shout"}, "kind 'shout'"),
        ({"kind": "reject", "article": 999999, "quote": "q1"}, "no article"),
        ({"kind": "speaker", "article": "{article}", "quote": "{quote}"}, "speaker: give a non-empty text"),
        ({"kind": "speaker", "article": "{article}", "quote": "{quote}", "speaker": "x" * 401}, "at most 400"),
        ({"kind": "speaker", "article": "{article}", "quote": "{quote}", "speaker": "a\x00b"}, "control characters"),
        ({"kind": "kind", "article": "{article}", "quote": "{quote}", "quote_kind": "loud"}, "quote kind 'loud'"),
        ({"kind": "add", "article": "{article}", "text": "mots absents du texte", "speaker": "X"}, "is not in its text"),
        ({"kind": "add", "article": "{article}", "start": "a", "end": 3, "speaker": "X"}, "start: give a whole number"),
        ({"kind": "gender", "actor": 1, "value": "q"}, "gender 'q'"),
        ({"kind": "merge", "actor": 1, "value": 1}, "cannot be merged into itself"),
        (["not", "an", "object"], "must be a JSON object"),
    ],
)
def test_web_edit_bad_input_is_a_clear_400(client: TestClient, db: Path, body, message: str) -> None:
    article, quote, _ = _attributed(client)
    if isinstance(body, dict):
        body = {k: (v.format(article=article, quote=quote) if isinstance(v, str) else v) for k, v in body.items()}
    response = client.post("/api/corrections", json=body, headers=BEARER)
    assert response.status_code == 400 and message in response.json()["message"], response.text
    assert _count(db) == 0


def test_web_edit_hostile_speaker_stays_inert(client: TestClient) -> None:
    article, quote, _ = _attributed(client)
    done = client.post(
        "/api/corrections", json={"kind": "speaker", "article": article, "quote": quote, "speaker": HOSTILE_NAME},
        headers=BEARER,
    )
    assert done.status_code == 201
    client.get("/edit", params={"token": TOKEN})
    actors = client.get("/api/actors", params={"per_page": 100, "sort": "quotes"}).json()["items"]
    actor = next(a["id"] for a in actors if a["name"] == HOSTILE_NAME)
    for page in (f"/articles/{article}", "/actors?sort=quotes", f"/actors/{actor}", "/quotes"):
        html = client.get(page).text
        assert "<script>alert('speaker')" not in html and "<img src=x onerror" not in html
    html = client.get(f"/articles/{article}").text
    assert "&lt;img src=x onerror=" in html  # shown, escaped, in the corrections list


def test_web_edit_twenty_parallel_clients_lose_no_correction(db: Path) -> None:
    with serve(db, edit=EditMode.new(TOKEN)) as url:
        article, quote, _ = _attributed(TestClient(create_app(db)))

        def post(n: int) -> int:
            with httpx.Client(base_url=url, headers=BEARER, timeout=120) as http:
                response = http.post(
                    "/api/corrections",
                    json={"kind": "speaker", "article": article, "quote": quote, "speaker": f"Relecteur Numéro {n}"},
                )
                assert response.status_code == 201, response.text
                return int(response.json()["id"])

        start = threading.Barrier(20)

        def ready(n: int) -> int:
            start.wait()
            return post(n)

        with ThreadPoolExecutor(20) as pool:
            ids = list(pool.map(ready, range(20)))
        assert len(set(ids)) == 20
        listed = httpx.get(f"{url}/api/corrections", headers=BEARER).json()
        assert listed["total"] == 20 and {c["status"] for c in listed["items"]} == {"applied"}
        last = max(listed["items"], key=lambda c: c["id"])["payload"]["speaker"]
        shown = httpx.get(f"{url}/api/articles/{article}").json()["article"]
        assert {q["id"]: q["speaker"]["name"] for q in shown["quotes"]}[quote] == last


def test_web_edit_serve_binds_loopback_and_prints_the_token(db: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "presse.cli", "serve", "--edit", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        lines = [process.stderr.readline() for _ in range(2)]
        token = re.search(r"/edit\?token=(\S+)", lines[1])[1]
        assert f"http://127.0.0.1:{port}/" in lines[0]
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.post(f"http://127.0.0.1:{port}/api/corrections", json={"kind": "x"})
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert response.status_code == 403
        ok = httpx.post(
            f"http://127.0.0.1:{port}/api/corrections", json={"kind": "x"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert ok.status_code == 400 and json.loads(ok.text)["message"].startswith("kind 'x'")
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--token", "short"), "--token goes with --edit"), (("--edit", "--token", "short"), "at least 16")],
)
def test_web_edit_serve_rejects_bad_token_options(db: Path, args: tuple[str, ...], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", "serve", "--db", str(db), *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
