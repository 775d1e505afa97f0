"""Benchmark: query latency of `actors`, `quotes --speaker` and `quotes --search` on a large store.

A store of ~100k articles is built from an ingested corpus store without re-analyzing: every
article (with its sections, entities, mentions, quotes and quote subjects) is copied in SQL
under a new id and key (``<key>#copy<k>``), the FTS triggers index the copies, and the actor
statistics are recomputed once at the end (the quote trails are left to be rebuilt:
benchmarks/trails_bench.py does it). Then each query runs ``--repeat`` times through the
library functions on a read-only connection (what the CLI commands call) and the median and
95th percentile are reported.

    .venv/bin/presse ingest ../shared/corpus/wikinews-fr/articles.jsonl --db /tmp/base.db
    .venv/bin/python benchmarks/query_bench.py --base /tmp/base.db --scaled /tmp/scaled.db
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from presse.store import queries
from presse.store.actors import refresh_actor_stats
from presse.store.writer import connect_writer


def scale(base: Path, scaled: Path, target: int) -> int:
    """Copy ``base`` to ``scaled`` and replicate its articles up to ``target``; return the count."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scaled}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base, scaled)
    conn = connect_writer(scaled)
    n, max_article = conn.execute("SELECT COUNT(*), MAX(id) FROM articles").fetchone()
    max_quote = conn.execute("SELECT COALESCE(MAX(id), 0) FROM quotes").fetchone()[0]
    copies = max(0, -(-target // n) - 1)
    started = time.perf_counter()
    for k in range(1, copies + 1):
        a, q = k * max_article, k * max_quote
        conn.execute("BEGIN")
        conn.execute(
            f"""INSERT INTO articles(id, key, content_hash, source, doc_id, url, title, standfirst,
                   outlet, authors, published, language, text, words, presse_version, model,
                   schema_version, analysis, ingested_at)
                SELECT id + {a}, key || '#copy{k}', content_hash, source, doc_id, url, title,
                   standfirst, outlet, authors, published, language, text, words, presse_version,
                   model, schema_version, analysis, ingested_at
                FROM articles WHERE id <= {max_article}"""
        )
        conn.execute(
            f'INSERT INTO sections SELECT article_id + {a}, position, heading, start, "end" '
            f"FROM sections WHERE article_id <= {max_article}"
        )
        conn.execute(
            f"INSERT INTO entities SELECT article_id + {a}, entity_id, actor_id, name, type, link, "
            f"surname_key, mentions, quotes, quoted_words FROM entities WHERE article_id <= {max_article}"
        )
        conn.execute(
            f'INSERT INTO mentions SELECT article_id + {a}, entity_id, start, "end", text, kind, '
            f"resolved_by FROM mentions WHERE article_id <= {max_article}"
        )
        conn.execute(
            f'INSERT INTO quotes SELECT id + {q}, article_id + {a}, quote_id, text, start, "end", '
            f"kind, cue, cue_lemma, speaker_entity, speaker_name, confidence, evidence, "
            f"quoted_words, published, part_of FROM quotes WHERE id <= {max_quote}"
        )
        conn.execute(
            f"INSERT INTO quote_about(quote_id, entity_id, article_id) SELECT quote_id + {q}, "
            f"entity_id, article_id + {a} FROM quote_about WHERE quote_id <= {max_quote}"
        )
        conn.execute("COMMIT")
    conn.execute("BEGIN")
    refresh_actor_stats(conn)
    # the copies are in no trail yet: readers refuse the trails until `presse trails --rebuild`
    conn.execute("INSERT OR REPLACE INTO metadata(key, value) VALUES ('trails_pending', 'yes')")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    print(f"built {scaled}: {total:,} articles in {time.perf_counter() - started:.0f} s, "
          f"{scaled.stat().st_size / 1e9:.2f} GB")
    return int(total)


def _time(call: Callable[[], object], repeat: int) -> tuple[float, float, int]:
    durations = []
    rows = 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        durations.append((time.perf_counter() - started) * 1000)
        rows = len(result) if isinstance(result, list) else 0
    durations.sort()
    return statistics.median(durations), durations[int(0.95 * (len(durations) - 1))], rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="An ingested store to replicate.")
    parser.add_argument("--scaled", type=Path, required=True, help="Where to build the large store.")
    parser.add_argument("--target", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="Use --scaled as it is.")
    args = parser.parse_args()
    total = (
        scale(args.base, args.scaled, args.target)
        if not args.reuse
        else sqlite3.connect(args.scaled).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    )
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    with closing(queries.connect_reader(args.scaled)) as conn:
        cases: list[tuple[str, Callable[[], object]]] = [
            ("actors (mentions, limit 50)", lambda: queries.actors(conn)),
            ("actors --type PER --sort voice", lambda: queries.actors(conn, type_="PER", sort="voice")),
            ("quotes --speaker Macron", lambda: queries.quotes(conn, speaker="Macron")),
            ("quotes --speaker 'Donald Trump'", lambda: queries.quotes(conn, speaker="Donald Trump")),
            ("quotes --about Macron", lambda: queries.quotes(conn, about="Macron")),
            ("quotes --search 'etats-unis'", lambda: queries.quotes(conn, search="etats-unis")),
            ("quotes --search 'gouvernement'", lambda: queries.quotes(conn, search="gouvernement")),
            ("stats", lambda: queries.stats(conn)),
        ]
        print(f"\n{total:,} articles; each query {args.repeat} times, limit 50 rows\n")
        print("| query | median (ms) | p95 (ms) | rows |")
        print("|---|---:|---:|---:|")
        for label, call in cases:
            median, p95, rows = _time(call, args.repeat)
            print(f"| `{label}` | {median:.1f} | {p95:.1f} | {rows} |", flush=True)


if __name__ == "__main__":
    main()
