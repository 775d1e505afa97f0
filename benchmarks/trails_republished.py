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
    .venv/bin/python benchmarks/trails_republished.py --sheet --db corpus.db > sheet.txt

``--sheet`` prints what to judge: every trail with two independent articles or more, then
``--others`` trails drawn at random (``--seed``) among the rest (repeats inside copies), each
with all its appearances, then every copy link with the first words of both texts.

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


def sheet(db: Path, others: int, seed: int) -> None:
    """Print the judging sheet (see the module docstring)."""
    from presse.store import queries, trails

    with closing(queries.connect_reader(db)) as conn:
        listed = trails.list_trails(conn, limit=None)
        independent = [t for t in listed if t.independent >= 2]
        rest = [t for t in listed if t.independent < 2]
        chosen = independent + random.Random(seed).sample(rest, min(others, len(rest)))
        print(f"{len(listed)} trails of 2 articles or more, {len(independent)} of them in 2 "
              f"independent articles or more; judged: all of those and {len(chosen) - len(independent)} others\n")
        for n, summary in enumerate(chosen, 1):
            found = trails.trail(conn, summary.first_quote_id)
            print(f"#{n} trail {found.id}: {found.articles} articles, {found.independent} independent")
            for a in (found.first, *found.later, *found.in_copies):
                hint = f" (suggested: {a.suggestion.speaker})" if a.suggestion else ""
                print(f"   {a.published} {a.outlet or '?':14.14} article {a.article_id:<5} {a.kind:8} "
                      f"{a.speaker or '—'}{hint} · {a.relation} · copy of {a.copy_of} | {a.text}")
        links = trails.copies(conn)
        print(f"\n{len(links)} copy links")
        for link in links:
            texts = {
                i: t for i, t in conn.execute(
                    "SELECT id, text FROM articles WHERE id IN (?, ?)", (link.article_id, link.copy_of))
            }
            print(f"- {link.article_id} ({link.outlet}, {link.published}) copies {link.copy_of} "
                  f"({link.copy_of_outlet}, {link.copy_of_published}), similarity {link.similarity}: "
                  f"{link.title}\n    {' '.join(texts[link.article_id].split()[:40])}\n"
                  f"    {' '.join(texts[link.copy_of].split()[:40])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="A store of the corpus, ingested.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, help="The republication corpus to write.")
    parser.add_argument("--sheet", action="store_true", help="Print the judging sheet of --db.")
    parser.add_argument("--others", type=int, default=30)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    if args.sheet:
        sheet(args.db, args.others, args.seed)
        return
    if args.out is None:
        parser.error("give --out (or --sheet)")
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
