"""Benchmark: what quote trails cost on ingest, and how fast they are read on a large store.

``ingest``: the ingest of a corpus into a new store in this process (one analysis process, so
every CPU second is counted), the trails work timed apart (``index_article``, called by the
writer for every article): its share of the ingest's CPU time, which contention from other jobs
on a shared machine does not inflate. With ``--ab``: the real `presse ingest` (a subprocess,
``--jobs`` processes) into new stores, alternately with trails kept and without (a new store
marked ``trails_pending``, which the writer leaves alone), ``--repeat`` times each: the wall
times and their ratio, and the time `presse trails --rebuild` takes on the store built without
them.

``query``: on a store with trails (e.g. the ~100k-article store of benchmarks/query_bench.py,
rebuilt with `presse trails --rebuild`), the median and 95th percentile of
``GET /api/quotes/{id}/trail`` (FastAPI TestClient, the whole request) over quotes drawn from
every trail size, and the wall time of the `presse trails` command (a subprocess: start-up
included) and of its library call.

    .venv/bin/python benchmarks/trails_bench.py ingest
    .venv/bin/python benchmarks/trails_bench.py ingest --ab --jobs 2 --repeat 2
    .venv/bin/python benchmarks/query_bench.py --base /tmp/base.db --scaled /tmp/scaled.db
    .venv/bin/presse trails --rebuild --db /tmp/scaled.db
    .venv/bin/python benchmarks/trails_bench.py query --db /tmp/scaled.db
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr" / "articles.jsonl"


def _presse() -> str:
    return shutil.which("presse", path=str(Path(sys.executable).parent)) or "presse"


def _ingest(corpus: Path, db: Path, jobs: int, trails: bool) -> float:
    from presse.store.writer import StoreWriter

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if not trails:
        StoreWriter(db).close()
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("INSERT INTO metadata(key, value) VALUES ('trails_pending', 'yes')")
    started = time.perf_counter()
    subprocess.run([_presse(), "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs), "--quiet"], check=True)
    return time.perf_counter() - started


def ingest_cpu(corpus: Path, workdir: Path) -> None:
    """Ingest ``corpus`` in this process, timing the trails work apart (see the module docstring)."""
    from presse.corpus import trails
    from presse.corpus.ingest import ingest
    from presse.store import writer

    spent = {"cpu": 0.0, "wall": 0.0, "calls": 0}
    index_article = trails.index_article

    def timed(conn: sqlite3.Connection, article_id: int) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        index_article(conn, article_id)
        spent["cpu"] += time.process_time() - cpu
        spent["wall"] += time.perf_counter() - wall
        spent["calls"] += 1

    writer.trails.index_article = timed  # type: ignore[attr-defined]
    db = workdir / "cpu.db"
    cpu, wall = time.process_time(), time.perf_counter()
    counts = ingest([corpus], db, jobs=1)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    writer.trails.index_article = index_article  # type: ignore[attr-defined]
    print(f"machine: {platform.platform()}, Python {platform.python_version()}")
    print(f"in-process ingest of {counts.new} articles ({spent['calls']} indexed in trails), one process:\n")
    print("| | CPU (s) | wall (s) |")
    print("|---|---:|---:|")
    print(f"| whole ingest (model load, analysis, store, trails) | {cpu:.1f} | {wall:.1f} |")
    print(f"| of which trails and copies (`index_article`) | {spent['cpu']:.2f} | {spent['wall']:.2f} |")
    print(f"| ingest without them | {cpu - spent['cpu']:.1f} | {wall - spent['wall']:.1f} |")
    print(f"\ntrails add {100 * spent['cpu'] / (cpu - spent['cpu']):.1f} % to the ingest's CPU time "
          f"({100 * spent['wall'] / (wall - spent['wall']):.1f} % of its wall time)")


def ingest(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="presse-trails-"))
    corpus = args.corpus
    if args.limit:
        corpus = workdir / "corpus.jsonl"
        with args.corpus.open(encoding="utf-8") as src, corpus.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= args.limit:
                    break
                dst.write(line)
    if not args.ab:
        ingest_cpu(corpus, workdir)
        shutil.rmtree(workdir, ignore_errors=True)
        return
    with_trails: list[float] = []
    without: list[float] = []
    for _ in range(args.repeat):
        without.append(_ingest(corpus, workdir / "without.db", args.jobs, trails=False))
        with_trails.append(_ingest(corpus, workdir / "with.db", args.jobs, trails=True))
    started = time.perf_counter()
    subprocess.run([_presse(), "trails", "--rebuild", "--db", str(workdir / "without.db"), "-n", "1"],
                   check=True, capture_output=True)
    rebuild = time.perf_counter() - started
    with closing(sqlite3.connect(workdir / "with.db")) as conn:
        articles, quotes = conn.execute("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quotes)").fetchone()
    a, b = statistics.median(without), statistics.median(with_trails)
    print(f"machine: {platform.platform()}, Python {platform.python_version()}; {articles} articles, {quotes} quotes, --jobs {args.jobs}")
    print("| ingest | runs (s) | median (s) |")
    print("|---|---|---:|")
    print(f"| without trails | {', '.join(f'{t:.1f}' for t in without)} | {a:.1f} |")
    print(f"| with trails | {', '.join(f'{t:.1f}' for t in with_trails)} | {b:.1f} |")
    print(f"\ntrails overhead on ingest: {100 * (b - a) / a:+.1f} % (median against median)")
    print(f"`presse trails --rebuild` of the store ingested without trails: {rebuild:.1f} s (start-up included)")
    shutil.rmtree(workdir, ignore_errors=True)


def _timed(call, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``repeat`` calls, each list sorted."""
    walls, cpus = [], []
    for _ in range(repeat):
        cpu, started = time.process_time(), time.perf_counter()
        call()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return sorted(walls), sorted(cpus)


def _p95(values: list[float]) -> float:
    return values[int(0.95 * (len(values) - 1))]


def query(args: argparse.Namespace) -> None:
    from fastapi.testclient import TestClient

    from presse.store import queries
    from presse.store import trails as store_trails
    from presse.web.app import create_app

    with closing(queries.connect_reader(args.db)) as conn:
        store_trails.require_trails(conn)
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        sizes = conn.execute(
            "SELECT MIN(quotes), MAX(quotes), COUNT(*) FROM trail_clusters"
        ).fetchone()
        ids = [r[0] for r in conn.execute("SELECT quote_id FROM trail_quotes")]
    rng = random.Random(7)
    sample = rng.sample(ids, min(args.samples, len(ids)))
    client = TestClient(create_app(args.db))
    durations, cpus = [], []
    for quote in sample:
        cpu, started = time.process_time(), time.perf_counter()
        response = client.get(f"/api/quotes/{quote}/trail")
        durations.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, response.text
    durations.sort()
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print(f"{args.db}: {articles:,} articles, {sizes[2]:,} trails of {sizes[0]}–{sizes[1]} appearances\n")
    print("| what | median wall (ms) | p95 wall (ms) | median CPU (ms) | runs |")
    print("|---|---:|---:|---:|---:|")
    print(f"| `GET /api/quotes/{{id}}/trail` (random traced quotes) | {statistics.median(durations):.1f} "
          f"| {_p95(durations):.1f} | {statistics.median(cpus):.1f} | {len(durations)} |")
    with closing(queries.connect_reader(args.db)) as conn:
        for label, kwargs in (("list_trails()", {}), ("list_trails(speaker='Macron')", {"speaker": "Macron"})):
            walls, cpu_runs = _timed(lambda kw=kwargs: store_trails.list_trails(conn, **kw), args.repeat)
            print(f"| library `{label}` | {statistics.median(walls):.1f} | {_p95(walls):.1f} "
                  f"| {statistics.median(cpu_runs):.1f} | {len(walls)} |")
    # the machine may be shared: CPU time (user + system) of the command is given beside its wall
    # time, and `presse --version` is the start-up floor of any command
    print("\n| command (subprocess) | median wall (ms) | median CPU (ms) | runs |")
    print("|---|---:|---:|---:|")
    for label, command in (
        ("presse --version", ["--version"]),
        ("presse trails", ["trails", "--db", str(args.db)]),
        ("presse trails --speaker Macron", ["trails", "--db", str(args.db), "--speaker", "Macron"]),
        ("presse trails -f json -n 0", ["trails", "--db", str(args.db), "-f", "json", "-n", "0"]),
    ):
        walls, cpus = [], []
        for _ in range(args.cli_repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([_presse(), *command], check=True, capture_output=True)
            walls.append((time.perf_counter() - started) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(1000 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
        print(f"| `{label}` | {statistics.median(walls):.0f} | {statistics.median(cpus):.0f} | {len(walls)} |")


def replicate(base: Path, scaled: Path, target: int) -> None:
    """Build ``scaled`` from ``base`` (a store whose trails are built) with
    benchmarks/query_bench.py, then give the copies the trails a rebuild gives them, in SQL:
    every copy of an article is an exact copy, so its quotations join the trails of the
    original's and it joins the original's copy group (its LSH keys are the original's)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import query_bench

    from presse.corpus.trails import refresh
    from presse.store.writer import connect_writer

    with closing(queries_reader(base)) as conn:
        max_article, max_quote = conn.execute(
            "SELECT MAX(id), (SELECT MAX(id) FROM quotes) FROM articles").fetchone()
    query_bench.scale(base, scaled, target)
    started = time.perf_counter()
    conn = connect_writer(scaled)
    copies = conn.execute("SELECT MAX(id) / ? FROM articles", (max_article,)).fetchone()[0] - 1
    conn.execute("BEGIN")
    grouped = {r[0] for r in conn.execute("SELECT article_id FROM article_copies")}
    # a lone original founds the group of its copies
    conn.execute(
        f"""INSERT INTO article_copies(article_id, group_id, matched_article, similarity)
            SELECT DISTINCT article_id, article_id, NULL, 1.0 FROM article_bands
            WHERE article_id <= {max_article} AND article_id NOT IN (SELECT article_id FROM article_copies)"""
    )
    for k in range(1, copies + 1):
        a, q = k * max_article, k * max_quote
        conn.execute(
            f"""INSERT INTO trail_quotes(quote_id, cluster_id, wording_id, article_id, relation,
                   matched_quote, score)
                SELECT quote_id + {q}, cluster_id, wording_id, article_id + {a}, 'identical',
                   quote_id, 1.0 FROM trail_quotes WHERE quote_id <= {max_quote}"""
        )
        conn.execute(
            f"INSERT INTO article_bands(key, article_id) SELECT key, article_id + {a} "
            f"FROM article_bands WHERE article_id <= {max_article}"
        )
        conn.execute(
            f"""INSERT INTO article_copies(article_id, group_id, matched_article, similarity)
                SELECT article_id + {a}, group_id, article_id, 1.0 FROM article_copies
                WHERE article_id <= {max_article}"""
        )
    refresh(conn, [r[0] for r in conn.execute("SELECT id FROM trail_clusters")])
    conn.execute("DELETE FROM metadata WHERE key = 'trails_pending'")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"trails of the {copies} copies of {len(grouped)} grouped and every other article "
          f"replicated in {time.perf_counter() - started:.0f} s")


def queries_reader(path: Path) -> sqlite3.Connection:
    from presse.store import queries

    return queries.connect_reader(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("ingest", help="Ingest with and without trails.")
    one.add_argument("--corpus", type=Path, default=CORPUS)
    one.add_argument("--jobs", type=int, default=2)
    one.add_argument("--repeat", type=int, default=2)
    one.add_argument("--limit", type=int, default=None, help="Only the first N records.")
    one.add_argument("--ab", action="store_true", help="Subprocess ingests with and without trails.")
    three = commands.add_parser("replicate", help="Scale a store with trails, trails included.")
    three.add_argument("--base", type=Path, required=True)
    three.add_argument("--scaled", type=Path, required=True)
    three.add_argument("--target", type=int, default=100_000)
    two = commands.add_parser("query", help="Read trails on a store that has them.")
    two.add_argument("--db", type=Path, required=True)
    two.add_argument("--samples", type=int, default=200)
    two.add_argument("--repeat", type=int, default=20)
    two.add_argument("--cli-repeat", type=int, default=5)
    args = parser.parse_args()
    if args.command == "ingest":
        ingest(args)
    elif args.command == "replicate":
        replicate(args.base, args.scaled, args.target)
    else:
        query(args)


if __name__ == "__main__":
    main()
