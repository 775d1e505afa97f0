"""Load test of `presse serve`: concurrent clients on loopback, bounded in count and time.

    python benchmarks/load_test.py --db corpus.db [--clients 50] [--seconds 60]

Starts the server in a subprocess on a free 127.0.0.1 port, then runs `--clients` asyncio httpx
clients that loop over quote searches, article pages and actor pages (ids and words drawn from the
store) until `--seconds` have passed. Prints requests, errors by status, 5xx count and latency
percentiles, as JSON with `--json`. Exits 1 when any 5xx or transport error occurred.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

WORDS = ["guerre", "président", "etats-unis", "élection", "gouvernement", "police", "accord", "ministre"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def targets(db: Path, rng: random.Random, n: int = 400) -> list[str]:
    """A shuffled list of page and API paths over real ids of the store."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 500")]
        actors = [r[0] for r in conn.execute("SELECT id FROM actors ORDER BY quotes DESC LIMIT 200")]
    paths = []
    for _ in range(n):
        kind = rng.choice(["search", "article", "actor", "api"])
        if kind == "search":
            paths.append(f"/quotes?q={rng.choice(WORDS)}")
        elif kind == "article":
            paths.append(f"/articles/{rng.choice(articles)}")
        elif kind == "actor":
            paths.append(f"/actors/{rng.choice(actors)}")
        else:
            paths.append(f"/api/quotes?q={rng.choice(WORDS)}&per_page=20")
    return paths


async def client_loop(base: str, paths: list[str], until: float, out: list[tuple[int, float]]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as client:
        i = 0
        while time.monotonic() < until:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                response = await client.get(path)
                status = response.status_code
            except httpx.HTTPError:
                status = -1  # transport error
            out.append((status, time.perf_counter() - started))


async def run(base: str, paths: list[str], clients: int, seconds: float) -> list[tuple[int, float]]:
    out: list[tuple[int, float]] = []
    until = time.monotonic() + seconds
    offsets = [paths[k:] + paths[:k] for k in range(0, len(paths), max(1, len(paths) // clients))][:clients]
    await asyncio.gather(*(client_loop(base, offsets[k % len(offsets)], until, out) for k in range(clients)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "presse.cli", "serve", "--db", str(args.db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/actors?per_page=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        results = asyncio.run(run(base, targets(args.db, random.Random(1)), args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(t for _, t in results)
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    server_errors = sum(n for s, n in statuses.items() if s.startswith("5") or s == "-1")
    report = {
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": len(results),
        "requests_per_s": round(len(results) / args.seconds, 1),
        "statuses": statuses,
        "server_errors": server_errors,
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p99_ms": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 1),
    }
    print(json.dumps(report) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))
    return 1 if server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
