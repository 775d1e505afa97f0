"""Benchmark: query latency of `actors`, `quotes --speaker` and `quotes --search` on a large store.

A store of ~100k articles is built from an ingested corpus store without re-analyzing: every
article (with its sections, entities, mentions, quotes, quote subjects, stance edges and gender
sums — every column the store's schema has) is copied in SQL under a new id and key (``<key>#copy<k>``), the FTS triggers index the copies, and the actor
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

# Per table: the columns a copy shifts (``{a}``: the article id offset, ``{q}``: the quote id
# offset, ``{k}``: the copy number; None: left to SQLite) and the rows of the base it copies.
_COPIED: dict[str, tuple[dict[str, str | None], str]] = {
    "articles": ({"id": "id + {a}", "key": "key || '#copy{k}'"}, "id <= {max_article}"),
    "sections": ({"article_id": "article_id + {a}"}, "article_id <= {max_article}"),
    "entities": ({"article_id": "article_id + {a}"}, "article_id <= {max_article}"),
    "mentions": ({"article_id": "article_id + {a}"}, "article_id <= {max_article}"),
    "quotes": ({"id": "id + {q}", "article_id": "article_id + {a}"}, "id <= {max_quote}"),
    "quote_about": (
        {"quote_id": "quote_id + {q}", "article_id": "article_id + {a}"}, "quote_id <= {max_quote}"
    ),
    "stance": ({"id": None, "article_id": "article_id + {a}"}, "article_id <= {max_article}"),
    "gender_voices": ({"article_id": "article_id + {a}"}, "article_id <= {max_article}"),
}


def _copy_sql(conn: sqlite3.Connection, table: str) -> str | None:
    """The INSERT … SELECT copying ``table``'s base rows (every column the store has, so the copy
    follows the schema's migrations); None when the store has no such table."""
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    if not columns:
        return None
    shifts, where = _COPIED[table]
    kept = [c for c in columns if c not in shifts or shifts[c] is not None]
    values = [shifts.get(c) or f'"{c}"' for c in kept]
    names = ", ".join(f'"{c}"' for c in kept)
    return f"INSERT INTO {table}({names}) SELECT {', '.join(values)} FROM {table} WHERE {where}"


def scale(base: Path, scaled: Path, target: int) -> int:
    """Copy ``base`` to ``scaled`` and replicate its articles up to ``target``; return the count."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scaled}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base, scaled)
    conn = connect_writer(scaled)
    n, max_article = conn.execute("SELECT COUNT(*), MAX(id) FROM articles").fetchone()
    max_quote = conn.execute("SELECT COALESCE(MAX(id), 0) FROM quotes").fetchone()[0]
    copies = max(0, -(-target // n) - 1)
    templates = [sql for sql in (_copy_sql(conn, t) for t in _COPIED) if sql is not None]
    started = time.perf_counter()
    for k in range(1, copies + 1):
        offsets = {"a": k * max_article, "q": k * max_quote, "k": k,
                   "max_article": max_article, "max_quote": max_quote}
        conn.execute("BEGIN")
        for template in templates:
            conn.execute(template.format(**offsets))
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
