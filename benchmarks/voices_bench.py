"""Benchmark: the corpus gender view (`presse voices`, `/api/voices`) on an ingested store and on
a ~100k-article store.

1. On ``--base`` (an ingested store): :func:`presse.store.voices.gender_voices` by gender, by
   month, by outlet and by outlet and month, each ``--repeat`` times on a read-only connection
   (median, p95), then the whole `presse voices --db BASE --by gender --by month -f json`
   command in a subprocess (interpreter start-up included), 5 times.
2. On ``--scaled`` (built from ``--base`` by :func:`query_bench.scale`, no re-analysis, or reused
   with ``--reuse``): `presse serve` in a subprocess on a free 127.0.0.1 port, and
   ``GET /api/voices?by=gender,month`` (then ``by=gender`` and ``by=gender,outlet,month``)
   ``--repeat`` times over HTTP, one request at a time (median, p95), and the ``/voices`` page.

    .venv/bin/presse ingest ../shared/corpus/wikinews-fr/articles.jsonl --db /tmp/voices-bench/base.db
    .venv/bin/python benchmarks/voices_bench.py --base /tmp/voices-bench/base.db \\
        --scaled /tmp/voices-bench/scaled.db
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import free_port
from query_bench import scale

from presse.store import queries
from presse.store.voices import gender_voices

GROUPINGS = {
    "gender": (),
    "gender, month": ("month",),
    "gender, outlet": ("outlet",),
    "gender, outlet, month": ("outlet", "month"),
}
API_PATHS = (
    "/api/voices?by=gender,month", "/api/voices?by=gender", "/api/voices?by=gender,outlet,month",
    "/voices",
)


def _stats(durations: list[float]) -> tuple[float, float]:
    durations = sorted(durations)
    return statistics.median(durations), durations[int(0.95 * (len(durations) - 1))]


def _timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        durations.append((time.perf_counter() - started) * 1000)
    return _stats(durations)


def base_figures(base: Path, repeat: int) -> None:
    """The library calls and the CLI command on the ingested store."""
    with closing(queries.connect_reader(base)) as conn:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        print(f"\n{base}: {articles:,} articles; each call {repeat} times\n")
        print("| gender_voices(by) | median (ms) | p95 (ms) | rows |")
        print("|---|---:|---:|---:|")
        for label, by in GROUPINGS.items():
            median, p95 = _timed(lambda by=by: gender_voices(conn, by), repeat)
            rows = len(gender_voices(conn, by).rows)
            print(f"| {label} | {median:.1f} | {p95:.1f} | {rows} |", flush=True)
    command = [sys.executable, "-m", "presse.cli", "voices", "--db", str(base), "--by", "gender",
               "--by", "month", "-f", "json"]
    walls = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
    print(f"\n`presse voices --db BASE --by gender --by month -f json` (whole process, 5 runs): "
          f"median {statistics.median(walls):.2f} s, max {max(walls):.2f} s")


def api_figures(scaled: Path, repeat: int) -> None:
    """``/api/voices`` over HTTP from `presse serve` on the large store."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "presse.cli", "serve", "--db", str(scaled), "--host", "127.0.0.1",
         "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30.0) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/voices")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            total = sqlite3.connect(f"file:{scaled}?mode=ro", uri=True).execute(
                "SELECT COUNT(*) FROM articles"
            ).fetchone()[0]
            print(f"\n{scaled}: {total:,} articles; each request {repeat} times over HTTP\n")
            print("| request | median (ms) | p95 (ms) | bytes |")
            print("|---|---:|---:|---:|")
            for path in API_PATHS:
                size = len(client.get(path).content)
                median, p95 = _timed(lambda path=path: client.get(path).raise_for_status(), repeat)
                print(f"| `GET {path}` | {median:.1f} | {p95:.1f} | {size:,} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="An ingested store.")
    parser.add_argument("--scaled", type=Path, required=True, help="Where to build the large store.")
    parser.add_argument("--target", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="Use --scaled as it is.")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    base_figures(args.base, args.repeat)
    if not args.reuse:
        scale(args.base, args.scaled, args.target)
    api_figures(args.scaled, args.repeat)


if __name__ == "__main__":
    main()
