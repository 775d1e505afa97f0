"""Throughput of presse batch against raw spaCy, on the French Wikinews corpus repeated.

Measures, on the same input in one run: (a) raw ``fr_core_news_md`` ``nlp.pipe`` at its best
batch size, (b) ``presse batch --jobs 1``, (c) ``--jobs 2``, (d) ``--dask`` (LocalCluster, 2
workers), with the peak RSS of each process, then prints the ratios b/a, c/b, d/c and how many
700-word articles a day the machine handles at the best measured rate. For information: (a')
raw spaCy with the lemmatizer's word index as sets (presse's one change to the model's own
components), (a2) raw spaCy in two processes, half the input each (what this machine allows in
parallel), and (a-in) raw spaCy timed inside this process with the model loaded (the basis of
(a) before session 3).

    .venv/bin/python benchmarks/throughput.py                 # >= 500k words (~15 min)
    .venv/bin/python benchmarks/throughput.py --words 30000   # a quick run

Words are whitespace-separated tokens of the text presse analyzes (title + body).

Cost basis (docs/PERFORMANCE.md, "Session 3"): every run that enters a ratio is a subprocess
timed from start to exit — the raw ones included: ``python`` starts, imports spaCy, loads the
model, reads its texts (one JSON string a line, prepared beforehand as presse prepares them),
runs ``nlp.pipe`` over all of them and exits — so the ~7 s of start-up (spaCy's import and the
French tokenizer's regular expressions, the model) is in every figure. Each run's start-up is
also measured alone, as the same command over a 2-document input (``--startup-runs`` times,
median), and the **steady-state** rate is ``words / (wall - start-up)``; ratios are printed on
both bases. The CPU time of each run (all its processes) is printed too, and how many cores it
kept busy: on a shared machine the words per CPU-second move much less than the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
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
    from presse.analyze.compose import compose_text
    from presse.corpus.shards import word_count
    from presse.model import Document

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


def prepared_texts(path: Path) -> list[str]:
    """The texts the model reads for each document of ``path`` (title + body, with presse's
    same-length character mapping): what raw spaCy is given."""
    from presse.analyze.compose import compose_text
    from presse.analyze.pipeline import model_text
    from presse.ingest import iter_sources
    from presse.model import Document

    return [
        model_text(compose_text(d)[0]) for d in iter_sources([path]) if isinstance(d, Document)
    ]


def raw_worker(texts_path: Path, batch_size: int, lemma_sets: bool = False) -> None:
    """Body of a raw-spaCy subprocess (``--raw-worker``): import spaCy, load the stock model,
    read the texts, ``nlp.pipe`` over them, print its own timings as JSON, exit. Nothing of
    presse is imported. ``lemma_sets``: first make the lemmatizer's word index sets, the one
    change presse makes to the model's own components (``presse.analyze.pipeline._index_lemmas_as_sets``,
    same lemmas)."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    if lemma_sets:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        for key, words in list(table.items()):
            table[key] = frozenset(words)
    texts = [json.loads(line) for line in texts_path.read_text(encoding="utf-8").splitlines() if line]
    ready, cpu = time.time(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    done = time.time()
    print(json.dumps({"ready": ready, "done": done, "pipe_cpu": time.process_time() - cpu, "texts": len(texts)}), flush=True)


def _split_by_words(texts: list[str], parts: int) -> list[list[str]]:
    """Consecutive slices of ``texts`` with about the same number of words each."""
    from presse.corpus.shards import word_count

    total = sum(word_count(t) for t in texts)
    out: list[list[str]] = [[] for _ in range(parts)]
    seen = 0
    for text in texts:
        out[min(parts - 1, seen * parts // max(total, 1))].append(text)
        seen += word_count(text)
    return out


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished (waited-for) descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_tree(commands: list[list[str]]) -> tuple[float, float, dict[int, int], list[str], list[int]]:
    """Start ``commands`` together; wall time until the last exits, CPU time of all their
    processes, peak RSS of each process (and children), their stdouts and exit codes."""
    peaks: dict[int, int] = {}
    stop = threading.Event()
    cpu = _children_cpu()
    started = time.perf_counter()
    children = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    watchers = [
        threading.Thread(target=_watch, args=(psutil.Process(child.pid), peaks, stop))
        for child in children
    ]
    for w in watchers:
        w.start()
    outputs = []
    errors = []
    for child in children:
        out, err = child.communicate()
        outputs.append(out)
        errors.append(err)
    seconds = time.perf_counter() - started
    stop.set()
    for w in watchers:
        w.join()
    codes = [child.returncode for child in children]
    cpu = _children_cpu() - cpu
    return seconds, cpu, peaks, [o + "\n" + e for o, e in zip(outputs, errors, strict=True)], codes


def raw_subprocess(
    texts: list[str], work: Path, batch_size: int, processes: int, name: str, *, lemma_sets: bool = False
) -> dict[str, object]:
    """Raw spaCy in ``processes`` subprocesses over ``texts`` (split by words), timed from start
    to the last exit, as the presse runs are."""
    from presse.corpus.shards import word_count

    commands = []
    for n, part in enumerate(_split_by_words(texts, processes)):
        target = work / f"{name}-{n}.jsonl"
        target.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in part), encoding="utf-8")
        commands.append(
            [
                sys.executable, str(Path(__file__).resolve()), "--raw-worker", str(target),
                "--batch-size", str(batch_size), *(["--lemma-sets"] if lemma_sets else []),
            ]
        )
    before = time.time()
    seconds, cpu, peaks, outputs, codes = _timed_tree(commands)
    if any(codes):
        raise SystemExit(f"raw spaCy subprocess failed:\n{outputs}")
    reports = [json.loads(o.strip().splitlines()[0]) for o in outputs]
    words = sum(word_count(t) for t in texts)
    pipe = max(r["done"] for r in reports) - min(r["ready"] for r in reports)
    return {
        "processes": processes,
        "lemma_sets": lemma_sets,
        "batch_size": batch_size,
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "cpu_seconds": cpu,
        "pipe_cpu_seconds": sum(r["pipe_cpu"] for r in reports),
        # the subprocesses' own clocks: start to ready (model loaded, texts read), pipe alone
        "ready_after_s": max(r["ready"] for r in reports) - before,
        "pipe_seconds": pipe,
        "pipe_words_per_s": words / pipe if pipe else None,
        "peak_rss_mb_per_process": sorted((v / 2**20 for v in peaks.values() if v > 300 * 2**20), reverse=True),
    }


def raw_spacy(texts: list[str], batch_sizes: list[int], sample_words: int) -> dict[str, object]:
    """Raw nlp.pipe words/s in this process, model loaded beforehand (a-in): each batch size on
    a sample, then the best one on the whole input.

    The stock model (``spacy.load``), as the issue defines (a). Every timed run starts with an
    empty lemmatizer cache, like a fresh process: otherwise the first batch size of the sweep
    would fill the cache for the others and the whole-input run would start warm.
    """
    import spacy

    from presse.analyze.pipeline import MODEL
    from presse.corpus.shards import word_count

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

    def timed(batch: list[str], size: int) -> tuple[float, float]:
        lemma_cache.clear()
        started, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(batch, batch_size=size):
            pass
        return time.perf_counter() - started, time.process_time() - cpu

    # the best size by CPU time: less disturbed than wall time by other jobs on the machine
    sweep, sweep_cpu = {}, {}
    for size in batch_sizes:
        wall, cpu = timed(sample, size)
        sweep[size], sweep_cpu[size] = sample_count / wall, sample_count / cpu
        print(
            f"  raw nlp.pipe batch_size={size}: {sweep[size]:,.0f} words/s,"
            f" {sweep_cpu[size]:,.0f} words per CPU-second (sample)", flush=True,
        )
    best = max(sweep_cpu, key=lambda size: sweep_cpu[size])
    seconds, _cpu = timed(texts, best)
    rss = psutil.Process().memory_info().rss
    return {
        "batch_size": best,
        "sweep": sweep,
        "sweep_words_per_cpu_s": sweep_cpu,
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": rss / 2**20,
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
    cpu = _children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    watcher = threading.Thread(target=_watch, args=(psutil.Process(child.pid), peaks, stop))
    watcher.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
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
        "cpu_seconds": cpu,
        "articles": manifest["totals"].get("articles", 0),
        "errors": manifest["totals"].get("errors", 0),
        "peak_rss_mb_per_process": worker_peaks,
        "summary": stderr.strip().splitlines()[-1] if stderr.strip() else "",
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _with_startup(entry: dict[str, object], tiny_runs: list[dict[str, object]]) -> None:
    """Add the start-up (median of the tiny runs, wall and CPU) and the steady-state rates to a
    run's entry."""
    startups = [float(r["seconds"]) for r in tiny_runs]  # type: ignore[arg-type]
    startup = _median(startups)
    entry["startup_runs_s"] = startups
    entry["startup_s"] = startup
    busy = float(entry["seconds"]) - startup  # type: ignore[arg-type]
    entry["steady_words_per_s"] = float(entry["words"]) / busy if busy > 0 else None  # type: ignore[arg-type]
    startup_cpu = _median([float(r["cpu_seconds"]) for r in tiny_runs])  # type: ignore[arg-type]
    entry["startup_cpu_s"] = startup_cpu
    busy_cpu = float(entry["cpu_seconds"]) - startup_cpu  # type: ignore[arg-type]
    entry["steady_words_per_cpu_s"] = float(entry["words"]) / busy_cpu if busy_cpu > 0 else None  # type: ignore[arg-type]


RATIOS = (
    ("b/a", "b", "a", ">= 0.8"),
    ("c/b", "c", "b", ">= 1.7"),
    ("d/c", "d", "c", "0.85-1.15"),
    ("b/a'", "b", "a'", "information: against raw spaCy with the lemma index as sets, as presse has it"),
    ("a2/a", "a2", "a", "information: what two processes of raw spaCy get on this machine"),
    ("c/a2", "c", "a2", "information: presse --jobs 2 against raw spaCy in two processes"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=500_000, help="input size (default 500k)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--batch-sizes", default="16,32,64,256", help="raw spaCy sweep")
    parser.add_argument("--sweep-words", type=int, default=60_000, help="sample for the sweep")
    parser.add_argument("--batch-size", type=int, default=64, help="raw batch size when the sweep is skipped")
    parser.add_argument("--chunk-size", type=int, default=32)
    parser.add_argument("--startup-runs", type=int, default=3, help="tiny runs per setting for the start-up (median)")
    parser.add_argument(
        "--skip", default="",
        help="comma list of runs to skip: a-in (in-process sweep and a-in), a, a', a2, b, c, d, startup",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--raw-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--lemma-sets", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_worker:
        raw_worker(args.raw_worker, args.batch_size, args.lemma_sets)
        return
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
        tiny = work / "tiny.jsonl"
        tiny.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
        texts = prepared_texts(path)
        tiny_texts = prepared_texts(tiny)
        batch_size = args.batch_size
        if "a-in" not in skip:
            sizes = [int(s) for s in args.batch_sizes.split(",")]
            results["a-in"] = raw_spacy(texts, sizes, args.sweep_words)
            batch_size = int(results["a-in"]["batch_size"])  # type: ignore[call-overload]
            print(
                f"(a-in) raw spaCy in this process, model loaded, batch_size={batch_size}:"
                f" {results['a-in']['words_per_s']:,.0f} words/s (information)", flush=True,
            )
        chunk = ["--chunk-size", str(args.chunk_size)]
        presse_runs = {
            "b": ["--jobs", "1", *chunk],
            "c": ["--jobs", "2", *chunk],
            "d": ["--dask", "--jobs", "2", *chunk],
        }
        for key in ("a", "a'", "a2", "b", "c", "d"):
            if key in skip:
                continue
            if key in ("a", "a'", "a2"):
                processes = 2 if key == "a2" else 1
                sets = key == "a'"

                def run(inputs: list[str], name: str, processes: int = processes, sets: bool = sets) -> dict[str, object]:
                    return raw_subprocess(inputs, work, batch_size, processes, name, lemma_sets=sets)

                entry = run(texts, key)
                label = (
                    f"raw spaCy, {processes} process{'es' if processes > 1 else ''}, batch_size={batch_size}"
                    + (", lemma index as sets (information)" if sets else "")
                )
                tiny_runs = [] if "startup" in skip else [
                    run(tiny_texts[:processes], f"{key}-tiny") for _ in range(args.startup_runs)
                ]
            else:
                options = presse_runs[key]
                entry = presse_batch(path, work / f"out-{key}", words, options)
                label = f"presse batch {' '.join(options)}"
                # the tiny runs: one document per chunk, so that each worker loads its model
                tiny_options = [*options[: options.index("--chunk-size")], "--chunk-size", "1"]
                tiny_runs = [] if "startup" in skip else [
                    presse_batch(tiny, work / f"out-{key}-tiny", 1, tiny_options)
                    for _ in range(args.startup_runs)
                ]
            entry["words"] = words
            entry["words_per_cpu_s"] = words / float(entry["cpu_seconds"])  # type: ignore[arg-type]
            if tiny_runs:
                _with_startup(entry, tiny_runs)
            results[key] = entry
            steady = ""
            if tiny_runs:
                value = entry["steady_words_per_s"]
                steady = f"; start-up {entry['startup_s']:.1f} s, steady " + (
                    f"{value:,.0f} words/s" if value else "n/a (input too small)"
                )
            entry["cores_busy"] = float(entry["cpu_seconds"]) / float(entry["seconds"])  # type: ignore[arg-type]
            steady += (
                f"; CPU {entry['cpu_seconds']:.0f} s ({entry['cores_busy']:.2f} cores busy),"
                f" {entry['words_per_cpu_s']:,.0f} words per CPU-second"
            )
            if entry.get("steady_words_per_cpu_s"):
                steady += f" ({entry['steady_words_per_cpu_s']:,.0f} start-up CPU excluded)"
            pipe = (
                f" (its own clock, nlp.pipe alone: {entry['pipe_words_per_s']:,.0f} words/s)"
                if entry.get("pipe_words_per_s") else ""
            )
            print(
                f"({key}) {label}: {entry['words_per_s']:,.0f} words/s start→exit,"
                f" {entry['seconds']:.0f} s{steady}{pipe}, peak RSS/process MB"
                f" {[round(m) for m in entry['peak_rss_mb_per_process']]}; load {os.getloadavg()[0]:.2f}",  # type: ignore[union-attr]
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_after"] = os.getloadavg()  # type: ignore[index]

    def rate(key: str, basis: str = "words_per_s") -> float | None:
        entry = results.get(key)
        return entry.get(basis) if isinstance(entry, dict) else None  # type: ignore[return-value]

    ratios: dict[str, float] = {}
    steady_ratios: dict[str, float] = {}
    for name, top, bottom, target in RATIOS:
        high, low = rate(top), rate(bottom)
        if high and low:
            ratios[name] = high / low
            line = f"{name} = {high / low:.2f} start→exit"
            high_s, low_s = rate(top, "steady_words_per_s"), rate(bottom, "steady_words_per_s")
            if high_s and low_s:
                steady_ratios[name] = high_s / low_s
                line += f", {high_s / low_s:.2f} steady-state"
            print(f"{line} ({target if target.startswith('information') else 'target ' + target})")
    low = rate("a-in")
    if low and rate("b"):
        # information: the old basis (raw timed in this process, model loaded: a steady-state
        # figure, so compare it with (b) steady-state too)
        ratios["b/a-in"] = rate("b") / low  # type: ignore[operator]
        line = f"b/a-in = {ratios['b/a-in']:.2f} start→exit"
        if rate("b", "steady_words_per_s"):
            steady_ratios["b/a-in"] = rate("b", "steady_words_per_s") / low  # type: ignore[operator]
            line += f", {steady_ratios['b/a-in']:.2f} steady-state"
        print(f"{line} (information: the old basis, raw timed in this process with the model loaded)")
    results["ratios"] = ratios
    results["steady_ratios"] = steady_ratios
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
        best_steady = max(filter(None, (rate(k, "steady_words_per_s") for k in "bcd")), default=None)
        if best_steady:
            results["articles_per_day_steady"] = best_steady / ARTICLE_WORDS * SECONDS_PER_DAY
            print(
                f"  steady-state (a long-running process, start-up paid once): {best_steady:,.0f} words/s ="
                f" {results['articles_per_day_steady']:,.0f} articles per day"
            )
    print(f"load average before {results['machine']['load_before']}, after {results['machine']['load_after']}")  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
