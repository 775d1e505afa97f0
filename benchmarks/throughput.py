"""Throughput of presse batch against raw spaCy, on the French Wikinews corpus repeated.

Measures, on the same input in one run: (a) raw ``fr_core_news_md`` ``nlp.pipe`` at its best
batch size, (b) ``presse batch --jobs 1``, (c) ``--jobs 2``, (d) ``--dask`` (LocalCluster, 2
workers), with the peak RSS of each process, then prints the ratios b/a, c/b, d/c and how many
700-word articles a day the machine handles at the best measured rate.

    .venv/bin/python benchmarks/throughput.py                 # >= 500k words (~15-25 min)
    .venv/bin/python benchmarks/throughput.py --words 30000   # a quick run

Words are whitespace-separated tokens of the text presse analyzes (title + body). The presse
runs are the ``presse batch`` command in a subprocess, timed from start to exit (interpreter
start and model loading included); raw spaCy is timed over ``nlp.pipe`` only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-fr" / "articles.jsonl"
ARTICLE_WORDS = 700
SECONDS_PER_DAY = 86_400


def build_input(corpus: Path, words: int, target: Path) -> tuple[int, int]:
    """Write the corpus repeated (ids made unique) until it holds at least ``words`` words."""
    from presse.batch import word_count
    from presse.model import Document
    from presse.pipeline import compose_text

    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    total = count = 0
    with target.open("w", encoding="utf-8") as fh:
        round_ = 0
        while total < words:
            for record in records:
                if total >= words:
                    break
                copy = dict(record, id=f"{record.get('id')}~{round_}")
                fh.write(json.dumps(copy, ensure_ascii=False) + "\n")
                document = Document(text=record["text"], title=record.get("title"))
                total += word_count(compose_text(document)[0])
                count += 1
            round_ += 1
    return count, total


def raw_spacy(path: Path, batch_sizes: list[int], sample_words: int) -> dict[str, object]:
    """Raw nlp.pipe words/s: each batch size on a sample, then the best one on the whole input.

    The stock model (``spacy.load``), as the issue defines (a). Every timed run starts with an
    empty lemmatizer cache, like a fresh process: otherwise the first batch size of the sweep
    would fill the cache for the others and the whole-input run would start warm. Then, for
    information, (a'): the whole input again at the best batch size with the lemma index as
    sets, the one change presse makes to the model's own components (``presse.pipeline``).
    """
    import spacy

    from presse.batch import word_count
    from presse.ingest import iter_sources
    from presse.model import Document
    from presse.pipeline import MODEL, _index_lemmas_as_sets, compose_text, model_text

    texts = [
        model_text(compose_text(d)[0]) for d in iter_sources([path]) if isinstance(d, Document)
    ]
    words = sum(word_count(t) for t in texts)
    nlp = spacy.load(MODEL)
    lemma_cache = getattr(nlp.get_pipe("lemmatizer"), "cache", {})
    sample: list[str] = []
    sample_count = 0
    for text in texts:
        if sample_count >= sample_words:
            break
        sample.append(text)
        sample_count += word_count(text)
    for _ in nlp.pipe(sample[:20]):
        pass  # warm-up

    def timed(batch: list[str], size: int) -> float:
        lemma_cache.clear()
        started = time.perf_counter()
        for _ in nlp.pipe(batch, batch_size=size):
            pass
        return time.perf_counter() - started

    sweep = {}
    for size in batch_sizes:
        sweep[size] = sample_count / timed(sample, size)
        print(f"  raw nlp.pipe batch_size={size}: {sweep[size]:,.0f} words/s (sample)", flush=True)
    best = max(sweep, key=lambda size: sweep[size])
    seconds = timed(texts, best)
    rss = psutil.Process().memory_info().rss
    _index_lemmas_as_sets(nlp)
    sets_seconds = timed(texts, best)
    print(
        f"  (a') raw nlp.pipe batch_size={best} with the lemma index as sets:"
        f" {words / sets_seconds:,.0f} words/s (whole input; information only)",
        flush=True,
    )
    return {
        "batch_size": best,
        "sweep": sweep,
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": rss / 2**20,
        "lemma_sets_seconds": sets_seconds,
        "lemma_sets_words_per_s": words / sets_seconds,
    }


def _watch(process: psutil.Process, peaks: dict[int, int], stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            tree = [process, *process.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for proc in tree:
            try:
                rss = proc.memory_info().rss
            except psutil.NoSuchProcess:
                continue
            peaks[proc.pid] = max(peaks.get(proc.pid, 0), rss)
        stop.wait(0.5)


def presse_batch(path: Path, out: Path, words: int, options: list[str]) -> dict[str, object]:
    """Run ``presse batch`` in a subprocess; wall time and peak RSS of each of its processes."""
    shutil.rmtree(out, ignore_errors=True)
    command = [
        str(Path(sys.executable).parent / "presse"), "batch", str(path), "--out", str(out), "-q",
        *options,
    ]
    peaks: dict[int, int] = {}
    stop = threading.Event()
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    watcher = threading.Thread(target=_watch, args=(psutil.Process(child.pid), peaks, stop))
    watcher.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    watcher.join()
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    worker_peaks = sorted((v / 2**20 for v in peaks.values() if v > 300 * 2**20), reverse=True)
    return {
        "command": " ".join(command[1:]),
        "seconds": seconds,
        "words_per_s": words / seconds,
        "articles": manifest["totals"].get("articles", 0),
        "errors": manifest["totals"].get("errors", 0),
        "peak_rss_mb_per_process": worker_peaks,
        "summary": stderr.strip().splitlines()[-1] if stderr.strip() else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=500_000, help="input size (default 500k)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--batch-sizes", default="16,32,64,256", help="raw spaCy sweep")
    parser.add_argument("--sweep-words", type=int, default=60_000, help="sample for the sweep")
    parser.add_argument("--chunk-size", type=int, default=32)
    parser.add_argument("--skip", default="", help="comma list of a,b,c,d to skip")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} is absent (the shared corpora live beside the repository)")
    skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="presse-throughput-"))
    results: dict[str, object] = {
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_before": os.getloadavg(),
        }
    }
    try:
        path = work / "input.jsonl"
        count, words = build_input(args.corpus, args.words, path)
        print(f"input: {count:,} articles, {words:,} words; load {os.getloadavg()}", flush=True)
        results["input"] = {"articles": count, "words": words}
        chunk = ["--chunk-size", str(args.chunk_size)]
        runs = {
            "b": ["--jobs", "1", *chunk],
            "c": ["--jobs", "2", *chunk],
            "d": ["--dask", "--jobs", "2", *chunk],
        }
        if "a" not in skip:
            sizes = [int(s) for s in args.batch_sizes.split(",")]
            results["a"] = raw_spacy(path, sizes, args.sweep_words)
            print(f"(a) raw spaCy: {results['a']['words_per_s']:,.0f} words/s", flush=True)
        for key, options in runs.items():
            if key in skip:
                continue
            results[key] = presse_batch(path, work / f"out-{key}", words, options)
            r = results[key]
            print(
                f"({key}) presse batch {' '.join(options)}: {r['words_per_s']:,.0f} words/s,"
                f" {r['seconds']:.0f} s, peak RSS/process MB {[round(m) for m in r['peak_rss_mb_per_process']]}",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_after"] = os.getloadavg()  # type: ignore[index]

    def rate(key: str) -> float | None:
        entry = results.get(key)
        return entry["words_per_s"] if isinstance(entry, dict) else None  # type: ignore[return-value]

    ratios = {}
    for name, top, bottom, target in (
        ("b/a", "b", "a", ">= 0.8"),
        ("c/b", "c", "b", ">= 1.7"),
        ("d/c", "d", "c", "0.85-1.15"),
    ):
        high, low = rate(top), rate(bottom)
        if high and low:
            ratios[name] = high / low
            print(f"{name} = {high / low:.2f} (target {target})")
    raw = results.get("a")
    if isinstance(raw, dict) and rate("b") and raw.get("lemma_sets_words_per_s"):
        # information only: against raw spaCy with the same lemma-index change as presse
        against_sets = rate("b") / raw["lemma_sets_words_per_s"]  # type: ignore[operator]
        ratios["b/a'"] = against_sets
        print(
            f"b/a' = {against_sets:.2f} (information: (a') is raw spaCy with presse's"
            " lemma index as sets)"
        )
    results["ratios"] = ratios
    peaks = [
        mb
        for key in "bcd"
        if isinstance(results.get(key), dict)
        for mb in results[key]["peak_rss_mb_per_process"]  # type: ignore[index]
    ]
    if peaks:
        print(f"peak RSS per process: max {max(peaks):,.0f} MB (target <= 1,536 MB)")
    best = max(filter(None, (rate(k) for k in "bcd")), default=None)
    if best:
        per_day = best / ARTICLE_WORDS * SECONDS_PER_DAY
        results["articles_per_day"] = per_day
        print(
            f"headline: {best:,.0f} words/s = {per_day:,.0f} articles of {ARTICLE_WORDS} words"
            " per day on this machine (goal: 1,000,000)"
        )
    print(f"load average before {results['machine']['load_before']}, after {results['machine']['load_after']}")  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
