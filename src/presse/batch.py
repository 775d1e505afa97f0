"""Batch analysis: many documents over several processes or a Dask cluster, written as shards.

Entry points:

- :func:`analyze_parallel`: documents in, ``(item, Article | PresseError)`` out in input order,
  over ``jobs`` local worker processes (``jobs=1``: in this process). The one local code path of
  ``presse ingest`` and ``presse batch``.
- :func:`run_batch`: inputs to a directory of Parquet shards plus ``manifest.json``, locally or
  on Dask (:func:`analyze_dask`); a rerun skips the shards already finished (resume).
- :func:`read_shards` / :func:`read_errors` / :func:`read_batch`: load a batch directory back.

Every path analyzes a chunk of documents with :func:`analyze_chunk`, so the local, the
multi-process and the Dask paths give the same articles for the same chunking.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import multiprocessing
import os
import shutil
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presse.errors import InputError, PresseError, UsageError
from presse.model import Article, Document

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client, Future

    from presse.ingest.limits import Limits
    from presse.pipeline import Analyzer

Item = Document | InputError
Result = Article | PresseError
# What crosses a process boundary for one document: ("ok", article JSON) or
# ("error", source, problem, hint). Plain tuples pickle fast and need no presse classes.
Wire = tuple[str, ...]

DEFAULT_CHUNK_SIZE = 32
DEFAULT_SHARD_SIZE = 256
# Chunks submitted or finished but not yet yielded, per worker. Results are yielded in input
# order, so a long chunk holds back the ones after it: with 2 per worker a free worker waited
# for it (1.6 % lost over the 500k-word benchmark input in a simulation from the articles'
# lengths), with 4 per worker 0.7 % (the unavoidable tail). Kept at 2: the gain is below what
# this machine can measure, and a worker that dies then loses at most two queued chunks.
IN_FLIGHT_PER_WORKER = 2
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
TABLES = ("articles", "quotes", "entities", "mentions", "errors")


# --------------------------------------------------------------------------------------------
# One chunk, whatever runs it


def analyze_chunk(analyzer: Analyzer, documents: Sequence[Document]) -> list[Result]:
    """Analyze documents in order; a document that fails becomes its error, the others go on.

    The chunk goes through ``Analyzer.pipe`` in one go. If that raises, the chunk is redone one
    document at a time so the failure is pinned on its document: a PresseError stays as it is,
    any other exception becomes ``InputError(source, "analysis failed: …")``. ModelNotInstalled
    and other non-input PresseErrors raised while loading are not caught here (they are fatal).
    """
    # a failure inside spaCy's batch loses the whole batch: redo it one by one to pin it down
    with contextlib.suppress(Exception):
        return list(analyzer.pipe(documents))
    results: list[Result] = []
    for document in documents:
        try:
            results.append(analyzer.analyze(document))
        except PresseError as exc:
            results.append(exc)
        except Exception as exc:
            results.append(_failure(document, exc))
    return results


def _failure(document: Document, exc: BaseException | str) -> InputError:
    return InputError(document.source or document.id or "<text>", f"analysis failed: {exc}")


def _to_wire(result: Result) -> Wire:
    if isinstance(result, Article):
        return ("ok", result.model_dump_json())
    if isinstance(result, InputError):
        return ("error", result.source, result.problem, result.hint)
    return ("error", "<document>", str(result), "")


def _from_wire(wire: Wire, document: Document) -> Result:
    if wire[0] != "ok":
        return InputError(wire[1], wire[2], wire[3])
    try:
        return Article.model_validate_json(wire[1])
    except ValueError as exc:  # e.g. a worker running another version of presse.model
        return _failure(document, f"invalid article from the worker: {exc}")


def wire_chunk(analyzer: Analyzer, documents: Sequence[Document]) -> list[Wire]:
    """:func:`analyze_chunk` with results in their transport form (for worker processes)."""
    return [_to_wire(result) for result in analyze_chunk(analyzer, documents)]


# --------------------------------------------------------------------------------------------
# Local worker processes


def _worker_main(conn: Connection, model: str) -> None:
    """Body of a worker process: load the pipeline once, then answer chunks until told to stop.

    Protocol: the worker sends ``("ready",)`` or ``("fatal", message)`` once; then for each
    ``(chunk_id, [Document…])`` received it sends ``(chunk_id, [Wire…])``; ``None`` stops it.
    """
    try:
        from presse.pipeline import get_analyzer

        analyzer = get_analyzer(model)
    except BaseException as exc:
        conn.send(("fatal", str(exc) or traceback.format_exc()))
        return
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        chunk_id, documents = message
        conn.send((chunk_id, wire_chunk(analyzer, documents)))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    chunk: int | None = None


@dataclass
class _Chunk:
    items: list[Item]
    documents: list[Document]
    attempts: int = 0
    results: list[Result] | None = None


class _Pool:
    """``jobs`` spawned worker processes, each holding at most one chunk.

    A worker that dies (killed, out of memory, crashed in native code) is replaced; its chunk is
    retried once on a fresh worker, then every document in it becomes an error. So a death never
    hangs the run and never costs more than its chunk.
    """

    def __init__(self, jobs: int, model: str, retries: int = 1) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.model = model
        self.retries = retries
        self.load_deaths = 0
        self.workers: list[_Worker] = [self._start() for _ in range(jobs)]
        self.chunks: dict[int, _Chunk] = {}
        self.waiting: deque[int] = deque()

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child, self.model), daemon=True, name="presse-worker"
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def submit(self, chunk_id: int, chunk: _Chunk) -> None:
        self.chunks[chunk_id] = chunk
        self.waiting.append(chunk_id)
        self._dispatch()

    def _dispatch(self) -> None:
        for worker in self.workers:
            if not self.waiting:
                return
            if worker.ready and worker.chunk is None:
                chunk_id = self.waiting.popleft()
                chunk = self.chunks[chunk_id]
                chunk.attempts += 1
                worker.chunk = chunk_id
                # a dead worker is noticed by poll() through its sentinel
                with contextlib.suppress(BrokenPipeError, ConnectionResetError, EOFError):
                    worker.conn.send((chunk_id, chunk.documents))

    def pending(self) -> int:
        return len(self.chunks)

    def poll(self, timeout: float | None = None) -> list[int]:
        """Wait for something to happen (at most ``timeout`` seconds; None: no limit); return
        the ids of the chunks finished meanwhile. Idle workers get their next chunk before the
        results are converted."""
        finished: list[int] = []
        received: list[tuple[int, list[Wire]]] = []
        by_handle: dict[Any, _Worker] = {}
        for worker in self.workers:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        for handle in wait(list(by_handle), timeout):
            worker = by_handle[handle]
            if worker not in self.workers:
                continue  # already replaced during this round
            if handle is worker.conn or worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(worker, finished)
                    continue
                if message[0] == "ready":
                    worker.ready = True
                elif message[0] == "fatal":
                    raise PresseError(f"a worker process could not start: {message[1]}")
                else:
                    chunk_id, wires = message
                    worker.chunk = None
                    received.append((chunk_id, wires))
            elif not worker.process.is_alive():
                self._replace(worker, finished)
        self._dispatch()
        for chunk_id, wires in received:
            chunk = self.chunks[chunk_id]
            chunk.results = [_from_wire(w, d) for w, d in zip(wires, chunk.documents, strict=True)]
            finished.append(chunk_id)
        return finished

    def _replace(self, worker: _Worker, finished: list[int]) -> None:
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._start()
        if worker.chunk is None:
            if not worker.ready:
                self.load_deaths += 1
                if self.load_deaths > len(self.workers):
                    raise PresseError(
                        f"worker processes keep dying while loading the model (exit code {code})"
                    )
            return
        chunk_id, chunk = worker.chunk, self.chunks[worker.chunk]
        if chunk.attempts <= self.retries:
            self.waiting.appendleft(chunk_id)
            return
        chunk.results = [
            _failure(d, f"the worker process died (exit code {code})") for d in chunk.documents
        ]
        finished.append(chunk_id)

    def take(self, chunk_id: int) -> _Chunk:
        return self.chunks.pop(chunk_id)

    def close(self) -> None:
        for worker in self.workers:
            if not worker.ready:
                worker.process.terminate()  # still loading the model: nothing to finish
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=5)
            worker.conn.close()


def _chunks(items: Iterable[Item], chunk_size: int) -> Iterator[_Chunk]:
    """Consecutive chunks of ``items`` holding up to ``chunk_size`` documents each."""
    current: list[Item] = []
    documents: list[Document] = []
    for item in items:
        current.append(item)
        if isinstance(item, Document):
            documents.append(item)
            if len(documents) >= chunk_size:
                yield _Chunk(current, documents)
                current, documents = [], []
    if current:
        yield _Chunk(current, documents)


def _merge(chunk: _Chunk) -> Iterator[tuple[Item, Result]]:
    results = iter(chunk.results or [])
    for item in chunk.items:
        yield (item, item) if isinstance(item, InputError) else (item, next(results))


def analyze_parallel(
    items: Iterable[Item],
    *,
    jobs: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    model: str | None = None,
    retries: int = 1,
) -> Iterator[tuple[Item, Result]]:
    """Analyze documents over ``jobs`` processes; yield ``(item, result)`` in input order.

    - ``items``: Documents and InputErrors (as :func:`presse.ingest.iter_sources` yields them),
      read lazily. An InputError item is passed straight through as its own result.
    - ``result``: the Article, or the PresseError of a document that failed (empty, too large,
      or ``InputError(source, "analysis failed: …")`` for an unexpected exception); the run goes
      on past it.
    - ``jobs=1``: in this process, with :func:`presse.pipeline.get_analyzer`. ``jobs>1``: that
      many spawned processes, each loading the pipeline once. Documents travel in chunks of
      ``chunk_size``; at most ``IN_FLIGHT_PER_WORKER * jobs`` chunks are in flight or waiting to
      be yielded, so memory stays bounded whatever the number of documents.
    - A worker process that dies is replaced; its chunk is retried ``retries`` times on fresh
      workers, then each of its documents becomes an InputError "the worker process died". The
      run never hangs on it. Worker processes are spawned: a script calling this must guard its
      entry point with ``if __name__ == "__main__":``.
    - Raises PresseError if the pipeline cannot be loaded (e.g. the model is not installed).
      Closing the generator early stops the worker processes.
    """
    if jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    from presse.pipeline import MODEL

    model = model or MODEL
    if jobs == 1:
        yield from _analyze_local(items, chunk_size, model)
        return
    pool: _Pool | None = None  # started on the first chunk with documents: a resume may have none
    try:
        limit = IN_FLIGHT_PER_WORKER * jobs
        source = iter(enumerate(_chunks(items, chunk_size)))
        held: dict[int, _Chunk] = {}
        next_out = 0
        exhausted = False
        while True:
            while not exhausted and (pool.pending() if pool else 0) + len(held) < limit:
                entry = next(source, None)
                if entry is None:
                    exhausted = True
                    break
                chunk_id, chunk = entry
                if chunk.documents:
                    pool = pool or _Pool(jobs, model, retries)
                    pool.submit(chunk_id, chunk)
                else:
                    held[chunk_id] = chunk
            while next_out in held:
                for pair in _merge(held.pop(next_out)):
                    yield pair
                    # while the caller works on the results (shard rows, Parquet), a worker
                    # that finished waits for its next chunk: look after each result
                    if pool is not None and pool.pending():
                        for chunk_id in pool.poll(timeout=0):
                            held[chunk_id] = pool.take(chunk_id)
                next_out += 1
            if pool is not None and pool.pending():
                for chunk_id in pool.poll():
                    held[chunk_id] = pool.take(chunk_id)
            elif exhausted and not held:
                return
    finally:
        if pool is not None:
            pool.close()


def _analyze_local(
    items: Iterable[Item], chunk_size: int, model: str
) -> Iterator[tuple[Item, Result]]:
    from presse.pipeline import get_analyzer

    analyzer = None
    for chunk in _chunks(items, chunk_size):
        if chunk.documents:
            analyzer = analyzer or get_analyzer(model)
            chunk.results = analyze_chunk(analyzer, chunk.documents)
        yield from _merge(chunk)


# --------------------------------------------------------------------------------------------
# Dask


WORKER_CACHE = "presse_analyzers"


def worker_analyzer(model: str) -> Analyzer:
    """The Analyzer for ``model`` cached on the current Dask worker, loaded on its first task.

    It is kept as an attribute of the ``distributed.Worker`` object (``presse_analyzers``: model
    name → Analyzer), so it lives and dies with the worker, not in a module global of whatever
    process happens to run the task.
    """
    from distributed import get_worker

    from presse.pipeline import Analyzer

    worker = get_worker()
    cache: dict[str, Analyzer] = worker.__dict__.setdefault(WORKER_CACHE, {})
    if model not in cache:
        cache[model] = Analyzer(model)
    return cache[model]


def _dask_chunk(records: list[dict[str, Any]], model: str) -> list[Wire]:
    """Dask task: analyze a chunk of Documents (as dicts) with the worker's cached Analyzer."""
    documents = [Document.model_validate(record) for record in records]
    return wire_chunk(worker_analyzer(model), documents)


def analyze_dask(
    items: Iterable[Item],
    *,
    client: Client,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    model: str | None = None,
    in_flight: int | None = None,
) -> Iterator[tuple[Item, Result]]:
    """:func:`analyze_parallel` on a Dask cluster: same contract, same results.

    One task per chunk of ``chunk_size`` documents (sent as dicts); each worker loads the
    pipeline once, on its first task (:func:`worker_analyzer`). At most ``in_flight`` chunks
    (default: four times the number of workers, at least 4) are submitted or waiting to be yielded,
    and results are gathered by this process only (as_completed). A chunk whose task fails (including a worker killed more often than Dask's ``allowed-failures``) yields an
    InputError "analysis failed: …" for each of its documents.
    """
    from distributed import as_completed

    from presse.pipeline import MODEL

    model = model or MODEL
    workers = len(client.scheduler_info().get("workers", {}))
    limit = in_flight or IN_FLIGHT_PER_WORKER * max(1, workers)
    pending = as_completed()
    by_key: dict[str, tuple[int, _Chunk, Future]] = {}
    held: dict[int, _Chunk] = {}
    source = iter(enumerate(_chunks(items, chunk_size)))
    next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(by_key) + len(held) < limit:
                entry = next(source, None)
                if entry is None:
                    exhausted = True
                    break
                chunk_id, chunk = entry
                if not chunk.documents:
                    held[chunk_id] = chunk
                    continue
                records = [d.model_dump(mode="json") for d in chunk.documents]
                future = client.submit(_dask_chunk, records, model, pure=False)
                by_key[future.key] = (chunk_id, chunk, future)
                pending.add(future)
            while next_out in held:
                yield from _merge(held.pop(next_out))
                next_out += 1
            if exhausted and not held and not by_key:
                return
            if by_key:
                future = next(pending)
                chunk_id, chunk, _ = by_key.pop(future.key)
                try:
                    chunk.results = [
                        _from_wire(w, d)
                        for w, d in zip(future.result(), chunk.documents, strict=True)
                    ]
                except Exception as exc:
                    chunk.results = [_failure(d, exc) for d in chunk.documents]
                future.release()
                held[chunk_id] = chunk
    finally:
        if by_key:  # closed early: do not leave the cluster busy with unwanted chunks
            with contextlib.suppress(Exception):
                client.cancel([future for _, _, future in by_key.values()])


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new LocalCluster of ``workers``
    single-threaded worker processes (closed on exit), started with
    :data:`LOCAL_CLUSTER_CONFIG`."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


# Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand freed
# memory back to the system at once: spaCy allocates and frees many arrays per batch, so a
# worker then page-faults about 8 times as often (1.5M vs 175k minor faults over 300 articles)
# and analyzes slower. Unset it (None) so workers allocate like the `--jobs` processes do.
# (Workers of an external cluster, --scheduler, are configured where they are started.)
#
# The event loops of the scheduler, the nannies and the workers share the two cores with the
# analysis, and a worker's loop takes the GIL from its task thread each time it wakes. Two of
# their periodic jobs serve only a dashboard, which this cluster does not have: the workers'
# statistical profiler (the task thread's stack sampled every 10 ms) and the 20 ms event-loop
# tick (a health metric; the "unresponsive event loop" warning after 3 s still works at 200 ms).
# The system monitor (CPU, network and disk counters for the dashboard) runs every 5 s instead of
# 0.5 s. An idle LocalCluster of 2 workers used 10.6-12.6 % of a core with the defaults, 3.1 %
# with these; the memory monitors (pause, spill, restart by the nanny) keep their 100 ms.
# Worker saturation 1.0: the scheduler hands a single-threaded worker one task at a time and
# keeps the others queued, so a worker that finishes takes the next chunk instead of waiting
# while a second chunk sits queued behind a long one on the other worker (the default, 1.1,
# assigns two per worker: 2-3 % of the workers' time idle mid-run over the 1,191 Wikinews
# articles, 0.5 % with 1.0). (docs/PERFORMANCE.md, "Session 4")
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.scheduler.worker-saturation": 1.0,
}


# --------------------------------------------------------------------------------------------
# Shards


def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    s, i32, i64 = pa.string(), pa.int32(), pa.int64()
    return {
        "articles": pa.schema(
            [
                ("position", i64), ("id", s), ("source", s), ("url", s), ("title", s),
                ("published", pa.date32()), ("language", s), ("outlet", s),
                ("n_chars", i32), ("n_words", i32), ("n_blocks", i32), ("n_sections", i32),
                ("n_entities", i32), ("n_mentions", i32), ("n_quotes", i32),
                ("warnings", pa.list_(s)), ("article_json", s),
            ]
        ),
        "quotes": pa.schema(
            [
                ("position", i64), ("article_id", s), ("quote_id", s), ("kind", s),
                ("text", s), ("start", i32), ("end", i32), ("cue", s), ("cue_lemma", s),
                ("speaker_entity", s), ("speaker_name", s), ("speaker_text", s),
                ("speaker_resolved_by", s), ("confidence", pa.float64()), ("evidence", s),
                ("quoted_words", i32),
            ]
        ),
        "entities": pa.schema(
            [
                ("position", i64), ("article_id", s), ("entity_id", s), ("name", s),
                ("type", s), ("gender", s), ("knowledge", s), ("aliases", pa.list_(s)),
                ("descriptions", pa.list_(s)), ("n_mentions", i32), ("n_quotes", i32),
                ("quoted_words", i32),
            ]
        ),
        "mentions": pa.schema(
            [
                ("position", i64), ("article_id", s), ("entity_id", s), ("start", i32),
                ("end", i32), ("text", s), ("kind", s), ("resolved_by", s),
            ]
        ),
        "errors": pa.schema([("position", i64), ("source", s), ("problem", s), ("hint", s)]),
    }


def word_count(text: str) -> int:
    """Words as the throughput figures count them: whitespace-separated tokens."""
    return len(text.split())


@dataclass
class _ShardRows:
    index: int
    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )
    items: int = 0
    words: int = 0

    def add(self, position: int, result: Result) -> None:
        self.items += 1
        if not isinstance(result, Article):
            source = result.source if isinstance(result, InputError) else "<document>"
            problem = result.problem if isinstance(result, InputError) else str(result)
            hint = result.hint if isinstance(result, InputError) else ""
            self.rows["errors"].append(
                {"position": position, "source": source, "problem": problem, "hint": hint}
            )
            return
        article = result
        words = word_count(article.text)
        self.words += words
        voices = {v.entity: v for v in article.voices}
        key = {"position": position, "article_id": article.id}
        self.rows["articles"].append(
            {
                "position": position, "id": article.id, "source": article.source,
                "url": article.url, "title": article.title, "published": article.published,
                "language": article.language, "outlet": article.outlet,
                "n_chars": len(article.text), "n_words": words,
                "n_blocks": len(article.blocks), "n_sections": len(article.sections),
                "n_entities": len(article.entities),
                "n_mentions": sum(len(e.mentions) for e in article.entities),
                "n_quotes": len(article.quotes), "warnings": article.warnings,
                "article_json": article.model_dump_json(),
            }
        )
        for q in article.quotes:
            self.rows["quotes"].append(
                key | {
                    "quote_id": q.id, "kind": q.kind, "text": q.text, "start": q.start,
                    "end": q.end, "cue": q.cue, "cue_lemma": q.cue_lemma,
                    "speaker_entity": q.speaker.entity, "speaker_name": q.speaker.name,
                    "speaker_text": q.speaker.text, "speaker_resolved_by": q.speaker.resolved_by,
                    "confidence": q.confidence, "evidence": q.evidence,
                    "quoted_words": q.quoted_words,
                }
            )
        for e in article.entities:
            voice = voices.get(e.id)
            self.rows["entities"].append(
                key | {
                    "entity_id": e.id, "name": e.name, "type": e.type, "gender": e.gender,
                    "knowledge": e.knowledge, "aliases": e.aliases,
                    "descriptions": e.descriptions, "n_mentions": len(e.mentions),
                    "n_quotes": voice.quotes if voice else 0,
                    "quoted_words": voice.quoted_words if voice else 0,
                }
            )
            for m in e.mentions:
                self.rows["mentions"].append(
                    key | {
                        "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text,
                        "kind": m.kind, "resolved_by": m.resolved_by,
                    }
                )

    def counts(self) -> dict[str, int]:
        return {"items": self.items, "words": self.words} | {
            name: len(rows) for name, rows in self.rows.items()
        }


def shard_name(index: int) -> str:
    """The directory name of shard ``index`` under ``DIR/shards``."""
    return f"{index:06d}"


def _write_shard(out: Path, shard: _ShardRows) -> None:
    """Write the shard's tables into a temporary directory, then rename it into place, so a
    shard directory is either complete or absent."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    shards = out / "shards"
    shards.mkdir(parents=True, exist_ok=True)
    final = shards / shard_name(shard.index)
    tmp = shards / f".{shard_name(shard.index)}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for name, schema in _schemas().items():
        table = pa.Table.from_pylist(shard.rows[name], schema=schema)
        pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
    if final.exists():
        shutil.rmtree(final)  # left by a run that died before recording it in the manifest
    os.rename(tmp, final)


# --------------------------------------------------------------------------------------------
# Manifest and fingerprint


def fingerprint(
    paths: Sequence[str | Path],
    *,
    shard_size: int,
    record_id: str | None = None,
    limits: Limits | None = None,
    language: str | None = None,
) -> dict[str, Any] | None:
    """What a batch's shards depend on: each input file (directories expanded) with its size and
    modification time, the shard size, the record id, and the size limits and forced language
    when they are not the defaults. None when an input is standard input (which cannot be resumed)."""
    from presse.ingest import DEFAULT_LIMITS, supported_files

    files: list[dict[str, Any]] = []
    for path in map(str, paths):
        if path == "-":
            return None
        expanded = supported_files(path) if Path(path).is_dir() else [path]
        for file in expanded:
            try:
                stat = os.stat(file)
            except OSError:
                files.append({"path": file, "size": None, "mtime_ns": None})
                continue
            files.append({"path": file, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
    print_: dict[str, Any] = {"inputs": files, "shard_size": shard_size, "record_id": record_id}
    if limits is not None and limits != DEFAULT_LIMITS:
        print_["limits"] = dataclasses.asdict(limits)
    if language is not None:
        print_["language"] = language
    return print_


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]


def read_manifest(out: str | Path) -> dict[str, Any] | None:
    """The manifest of batch directory ``out``, or None if there is none yet."""
    path = Path(out) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot be read as a batch manifest: {exc}") from exc


def _write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    tmp = out / f".{MANIFEST}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def _describe_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    if old is None or new is None:
        return "its inputs were read from standard input"
    if old.get("shard_size") != new.get("shard_size"):
        return f"shard size {old.get('shard_size')} → {new.get('shard_size')}"
    if old.get("record_id") != new.get("record_id"):
        return "the record id differs"
    if old.get("limits") != new.get("limits"):
        return "the size limits differ"
    if old.get("language") != new.get("language"):
        return "the forced language (--lang) differs"
    before = {f["path"]: f for f in old.get("inputs", [])}
    after = {f["path"]: f for f in new.get("inputs", [])}
    changed = sorted(set(before) ^ set(after)) or sorted(
        p for p in after if before[p] != after[p]
    )
    return "changed inputs: " + ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")


# --------------------------------------------------------------------------------------------
# Running a batch


@dataclass
class BatchSummary:
    """What a :func:`run_batch` call did."""

    out: Path
    items: int = 0
    articles: int = 0
    errors: list[InputError] = field(default_factory=list)
    words: int = 0
    shards_written: int = 0
    shards_skipped: int = 0
    seconds: float = 0.0
    errors_total: int = 0  # in every finished shard, earlier runs included

    @property
    def docs_per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


ProgressCallback = Callable[[int, int], None]


def run_batch(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    jobs: int = 1,
    dask: bool = False,
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    shard_size: int = DEFAULT_SHARD_SIZE,
    record_id: str | None = None,
    restart: bool = False,
    max_shards: int | None = None,
    limits: Limits | None = None,
    language: str | None = None,
    progress: ProgressCallback | None = None,
) -> BatchSummary:
    """Analyze ``paths`` (as :func:`presse.ingest.iter_sources` reads them) into shards in ``out``.

    Layout: ``out/shards/NNNNNN/{articles,quotes,entities,mentions,errors}.parquet`` (shard ``k``
    holds input items ``k*shard_size`` to ``(k+1)*shard_size - 1``, errors included, with their
    input ``position``) and ``out/manifest.json`` (the input fingerprint, then each finished
    shard with its counts). Shards are written by this process only, each atomically, and the
    manifest is updated after each one.

    - Local (``jobs`` processes, through :func:`analyze_parallel`) or Dask (``dask=True``: a
      LocalCluster of ``jobs`` workers, or the cluster at ``scheduler``, through
      :func:`analyze_dask`).
    - Resume: shards already in the manifest are skipped (their items are read, not analyzed).
      If the inputs changed since (paths, sizes, mtimes, shard size, record id), UsageError names
      the change, unless ``restart`` discards the old shards. Standard input is never resumed.
    - A bad input or document is recorded in its shard's ``errors`` table and in
      ``summary.errors``; the others go on.
    - ``max_shards``: stop after writing that many shards (a partial run, resumable).
    - ``limits``: size limits for reading the inputs (default: :func:`presse.ingest.configured_limits`);
      other limits than the defaults are part of the fingerprint, so a rerun with a raised limit
      asks for ``restart``.
    - ``language``: force every document's language (see :func:`presse.ingest.settle_language`;
      by default a document in a language presse does not analyze is an error); part of the
      fingerprint when given.
    - ``progress(documents, words)`` is called as results arrive.
    """
    from presse.ingest import configured_limits, iter_sources

    limits = limits or configured_limits()
    if shard_size < 1 or chunk_size < 1:
        raise UsageError("shard size and chunk size must be at least 1")
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    print_ = fingerprint(
        paths, shard_size=shard_size, record_id=record_id, limits=limits, language=language
    )
    manifest = read_manifest(out)
    if manifest is not None and not restart and (
        print_ is None or manifest.get("fingerprint") != print_
    ):
        raise UsageError(
            f"{out} holds a batch of other inputs ({_describe_change(manifest.get('fingerprint'), print_)}):"
            " pass --restart to discard it, or choose another --out"
        )
    for stale in (out / "shards").glob(".*.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a run that was killed mid-write
    if manifest is None or restart:
        shutil.rmtree(out / "shards", ignore_errors=True)
        manifest = {
            "version": MANIFEST_VERSION,
            "fingerprint": print_,
            "fingerprint_digest": _digest(print_),
            "shard_size": shard_size,
            "shards": {},
            "complete": False,
        }
        _write_manifest(out, manifest)
    done = {
        int(name) for name in manifest["shards"] if (out / "shards" / name).is_dir()
    }
    summary = BatchSummary(out=out, shards_skipped=len(done))

    positions: deque[int] = deque()

    def todo() -> Iterator[Item]:
        for position, item in enumerate(
            iter_sources(paths, record_id=record_id, limits=limits, language=language)
        ):
            if position // shard_size in done:
                continue
            positions.append(position)
            yield item

    def write(shard: _ShardRows) -> None:
        _write_shard(out, shard)
        manifest["shards"][shard_name(shard.index)] = shard.counts()
        _write_manifest(out, manifest)
        summary.shards_written += 1

    stopped = False
    with contextlib.ExitStack() as stack:
        if dask:
            client = stack.enter_context(dask_client(scheduler, jobs))
            results = analyze_dask(todo(), client=client, chunk_size=chunk_size)
        else:
            results = analyze_parallel(todo(), jobs=jobs, chunk_size=chunk_size)
        stack.callback(getattr(results, "close", lambda: None))
        shard: _ShardRows | None = None
        for _item, result in results:
            position = positions.popleft()
            index = position // shard_size
            if shard is not None and shard.index != index:
                write(shard)
                shard = None
                if max_shards is not None and summary.shards_written >= max_shards:
                    stopped = True
                    break
            shard = shard or _ShardRows(index)
            words_before = shard.words
            shard.add(position, result)
            summary.items += 1
            if isinstance(result, Article):
                summary.articles += 1
            else:
                summary.errors.append(
                    result if isinstance(result, InputError) else InputError("<document>", str(result))
                )
            summary.words += shard.words - words_before
            if progress is not None:
                progress(1, shard.words - words_before)
        if shard is not None and not stopped:
            write(shard)
    manifest["complete"] = not stopped
    manifest["totals"] = _totals(manifest)
    _write_manifest(out, manifest)
    summary.errors_total = manifest["totals"].get("errors", 0)
    summary.seconds = time.perf_counter() - started
    return summary


def _totals(manifest: dict[str, Any]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in manifest["shards"].values():
        for name, value in counts.items():
            totals[name] = totals.get(name, 0) + value
    return totals


# --------------------------------------------------------------------------------------------
# Reading a batch back


def _finished_shards(out: Path) -> list[Path]:
    manifest = read_manifest(out)
    if manifest is None:
        raise InputError(str(out), "is not a presse batch directory (no manifest.json)")
    return [out / "shards" / name for name in sorted(manifest["shards"])]


def read_shards(out: str | Path, *, table: str = "articles") -> Iterator[Article]:
    """The Articles of the finished shards of batch directory ``out``, in input order.

    This is how a store loads a batch (``presse ingest --from-batch DIR``): only shards listed in
    the manifest are read (a shard being written or left by a killed run is not), one shard at a
    time, each Article rebuilt from its full JSON. Failed documents are not yielded; see
    :func:`read_errors` or :func:`read_batch`. The manifest's ``totals`` give the expected counts
    (``articles``, ``quotes``, ``entities``, ``mentions``, ``errors``) and ``complete`` says
    whether the run finished. Raises InputError if ``out`` has no manifest.
    """
    import pyarrow.parquet as pq

    for shard in _finished_shards(Path(out)):
        column = pq.read_table(shard / f"{table}.parquet", columns=["position", "article_json"])
        for _, text in sorted(
            zip(column["position"].to_pylist(), column["article_json"].to_pylist(), strict=True)
        ):
            yield Article.model_validate_json(text)


def read_errors(out: str | Path) -> Iterator[InputError]:
    """The recorded failures (bad inputs, records and documents) of batch ``out``, in input
    order."""
    for _, error in _read_error_rows(Path(out)):
        yield error


def _read_error_rows(out: Path) -> Iterator[tuple[int, InputError]]:
    import pyarrow.parquet as pq

    for shard in _finished_shards(out):
        rows = pq.read_table(shard / "errors.parquet").to_pylist()
        for row in sorted(rows, key=lambda r: r["position"]):
            yield row["position"], InputError(row["source"], row["problem"], row["hint"] or "")


def read_batch(out: str | Path) -> Iterator[Article | InputError]:
    """Articles and errors of batch ``out`` together, in input order."""
    import pyarrow.parquet as pq

    out = Path(out)
    for shard in _finished_shards(out):
        articles = pq.read_table(shard / "articles.parquet", columns=["position", "article_json"])
        merged: list[tuple[int, Article | InputError]] = [
            (position, Article.model_validate_json(text))
            for position, text in zip(
                articles["position"].to_pylist(), articles["article_json"].to_pylist(), strict=True
            )
        ]
        for row in pq.read_table(shard / "errors.parquet").to_pylist():
            merged.append(
                (row["position"], InputError(row["source"], row["problem"], row["hint"] or ""))
            )
        merged.sort(key=lambda pair: pair[0])
        for _, value in merged:
            yield value
