"""Benchmark: `presse ingest` of a corpus into a new store, with --jobs 1 and --jobs 2.

Runs the real command in a subprocess per setting and reports articles/s, words/s (words of the
analyzed texts, from the store), wall time and the peak resident memory of the whole process
tree (the CLI plus its worker processes), sampled every 0.2 s with psutil. The time includes
loading the spaCy model (once per process).

    .venv/bin/python benchmarks/ingest_bench.py                      # the French Wikinews corpus
    .venv/bin/python benchmarks/ingest_bench.py --jobs 1 --limit 200 # a quicker run
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr" / "articles.jsonl"


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        for p in [process, *process.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                continue
    except psutil.NoSuchProcess:
        pass
    return total


def run(corpus: Path, jobs: int, workdir: Path) -> dict[str, float]:
    """Ingest ``corpus`` into a new store with ``jobs`` processes; return the figures."""
    db = workdir / f"bench-jobs{jobs}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    presse = shutil.which("presse", path=str(Path(sys.executable).parent)) or "presse"
    command = [presse, "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    child = subprocess.Popen(command)
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    with sqlite3.connect(db) as conn:
        articles, words = conn.execute("SELECT COUNT(*), SUM(words) FROM articles").fetchone()
        errors = conn.execute("SELECT COUNT(*) FROM ingest_errors").fetchone()[0]
    return {
        "jobs": jobs,
        "articles": articles,
        "errors": errors,
        "words": words,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": peak / 1e6,
        "db_mb": db.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="Only the first N records.")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the stores in this folder.")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} is absent (the shared corpora live beside the repository)")
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="presse-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus
    if args.limit:
        corpus = workdir / "corpus.jsonl"
        with args.corpus.open(encoding="utf-8") as src, corpus.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= args.limit:
                    break
                dst.write(line)
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 1e9:.0f} GB RAM, Python {platform.python_version()}"
    )
    print("| jobs | articles | errors | words | seconds | articles/s | words/s | peak RSS (MB) | store (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for jobs in args.jobs:
        r = run(corpus, jobs, workdir)
        print(
            f"| {r['jobs']} | {r['articles']} | {r['errors']} | {r['words']:,} | {r['seconds']:.1f} "
            f"| {r['articles_per_s']:.1f} | {r['words_per_s']:,.0f} | {r['peak_rss_mb']:,.0f} "
            f"| {r['db_mb']:.1f} |",
            flush=True,
        )
    if args.keep is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
