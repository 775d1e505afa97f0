"""Slow: analyze every French Wikinews article of ../shared without error, checking invariants.

Run with `make test-slow` (or `pytest -m slow`); `make test` leaves it out to stay within CI time.
"""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from presse.model import Document

pytestmark = [pytest.mark.slow, pytest.mark.model]


def test_corpus_wikinews_fr_invariants(analyzer) -> None:
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(text=r["text"], title=r.get("title"), id=r.get("id"), url=r.get("url")) for r in records]
    seen = 0
    for article in analyzer.pipe(docs):
        seen += 1
        text = article.text
        ids = {e.id for e in article.entities}
        for e in article.entities:
            for m in e.mentions:
                assert text[m.start : m.end] == m.text, (article.id, m)
        for q in article.quotes:
            assert text[q.start : q.end] == q.text, (article.id, q.id)
            assert q.speaker.entity is None or q.speaker.entity in ids, (article.id, q.id)
            if q.speaker.start is not None:
                assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    assert seen == len(records)
