"""A republication corpus for judging quote trails and article copies by hand.

The French Wikinews corpus is original reporting: it holds almost no repeated quotation and no
agency copy. This script writes, from its real articles, what a news feed holds and it lacks:

* ``--copies`` republications: an article with at least two direct quotations, republished a
  day later by another outlet, lightly edited (an agency credit in the dateline, its last
  paragraph cut, a word changed, « (Avec AFP) » added);
* ``--repeats`` independent repeats: one direct quotation of an article, said again by its
  speaker in another real article of the corpus (its body, then « X a déclaré : « … ». »),
  two days later, sometimes cut to its first two thirds.

The output is JSON Lines for `presse ingest`; ingest it into a store holding the corpus, then list
the trails and copies to judge (docs/EVALUATION.md):

    .venv/bin/python benchmarks/trails_republished.py --db corpus.db --out republished.jsonl
    .venv/bin/presse ingest republished.jsonl --db corpus.db
    .venv/bin/presse trails --db corpus.db -n 0 -f json
    .venv/bin/presse copies --db corpus.db -f json

``--db`` is a store of the corpus already ingested: the direct quotations and speakers come from
it (the analyzer's own), so the script needs no model.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr" / "articles.jsonl"
OUTLETS = ("AFP", "Reuters", "Ouest-France", "Le Parisien", "20 Minutes", "La Croix")
SWAPS = (("a déclaré", "a affirmé"), (" mais ", " cependant "), ("selon", "d'après"), (" très ", " fort "))


def _later(value: str, days: int) -> str:
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def republish(record: dict, outlet: str, rng: random.Random) -> dict:
    """``record`` republished a day later by ``outlet``, lightly edited."""
    paragraphs = [p for p in record["text"].split("\n\n") if p.strip()]
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    text = "\n\n".join(paragraphs)
    text = text.replace(". – ", f" ({outlet}). – ", 1)
    for old, new in rng.sample(SWAPS, len(SWAPS)):
        if old in text:
            text = text.replace(old, new, 1)
            break
    return {
        "id": f"{record['id']}-{outlet.lower().replace(' ', '-')}",
        "title": record["title"],
        "date": _later(record["date"], 1),
        "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{record['id']}",
        "outlet": outlet,
        "lang": "fr",
        "text": text + "\n\n(Avec AFP)",
    }


def repeat(quote: str, speaker: str, host: dict, source_date: str, rng: random.Random) -> dict:
    """``quote`` said again by ``speaker`` at the end of the real article ``host``."""
    words = quote.split()
    if len(words) >= 12 and rng.random() < 0.4:
        quote = " ".join(words[: 2 * len(words) // 3])
    return {
        "id": f"{host['id']}-repeat",
        "title": host["title"],
        "date": _later(source_date, 2),
        "url": f"https://example.org/repeat/{host['id']}",
        "outlet": rng.choice(OUTLETS),
        "lang": "fr",
        "text": f"{host['text']}\n\n{speaker} a déclaré : « {quote} ».",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="A store of the corpus, ingested.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records = {}
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            records[record["id"]] = record
    with closing(sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)) as conn:
        quoted = [
            (doc, text, speaker)
            for doc, text, speaker in conn.execute(
                """SELECT a.doc_id, q.text, COALESCE(x.name, q.speaker_name) FROM quotes q
                   JOIN articles a ON a.id = q.article_id
                   JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity
                   JOIN actors x ON x.id = e.actor_id
                   WHERE q.kind = 'direct' AND e.type = 'PER' AND q.part_of IS NULL
                     AND q.quoted_words BETWEEN 8 AND 40 ORDER BY a.id, q.start"""
            )
            if doc in records
        ]
    by_article: dict[str, list[tuple[str, str]]] = {}
    for doc, text, speaker in quoted:
        by_article.setdefault(doc, []).append((text, speaker))
    rich = sorted(doc for doc, found in by_article.items() if len(found) >= 2)
    copied = rng.sample(rich, args.copies)
    out = [republish(records[doc], rng.choice(OUTLETS), rng) for doc in copied]
    sources = rng.sample(sorted(set(by_article) - set(copied)), args.repeats)
    hosts = rng.sample(sorted(set(records) - set(by_article)), args.repeats)
    for doc, host in zip(sources, hosts, strict=True):
        text, speaker = rng.choice(by_article[doc])
        out.append(repeat(text, speaker, records[host], records[doc]["date"], rng))
    with args.out.open("w", encoding="utf-8") as fh:
        for record in out:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}: {args.copies} republications, {args.repeats} independent repeats")


if __name__ == "__main__":
    main()
