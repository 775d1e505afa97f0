"""Local worker processes: :func:`analyze_parallel`, the one local code path of
``presse ingest`` and ``presse batch`` (``jobs`` spawned processes, or this one for ``jobs=1``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from presse.corpus.chunks import (
    DEFAULT_CHUNK_SIZE,
    IN_FLIGHT_PER_WORKER,
    Chunk,
    Item,
    Result,
    Wire,
    analyze_chunk,
    failure,
    from_wire,
    merge_results,
    split_chunks,
    wire_chunk,
)
from presse.errors import PresseError, UsageError


def _worker_main(conn: Connection, model: str) -> None:
    """Body of a worker process: load the pipeline once, then answer chunks until told to stop.

    Protocol: the worker sends ``("ready",)`` or ``("fatal", message)`` once; then for each
    ``(chunk_id, [Document…])`` received it sends ``(chunk_id, [Wire…])``; ``None`` stops it.
    """
    try:
        from presse.analyze.pipeline import get_analyzer

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
        self.chunks: dict[int, Chunk] = {}
        self.waiting: deque[int] = deque()

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child, self.model), daemon=True, name="presse-worker"
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def submit(self, chunk_id: int, chunk: Chunk) -> None:
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
            chunk.results = [from_wire(w, d) for w, d in zip(wires, chunk.documents, strict=True)]
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
            failure(d, f"the worker process died (exit code {code})") for d in chunk.documents
        ]
        finished.append(chunk_id)

    def take(self, chunk_id: int) -> Chunk:
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
    - ``jobs=1``: in this process, with :func:`presse.analyze.pipeline.get_analyzer`. ``jobs>1``: that
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
    from presse.analyze.pipeline import MODEL

    model = model or MODEL
    if jobs == 1:
        yield from _analyze_local(items, chunk_size, model)
        return
    pool: _Pool | None = None  # started on the first chunk with documents: a resume may have none
    try:
        limit = IN_FLIGHT_PER_WORKER * jobs
        source = iter(enumerate(split_chunks(items, chunk_size)))
        held: dict[int, Chunk] = {}
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
                for pair in merge_results(held.pop(next_out)):
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
    from presse.analyze.pipeline import get_analyzer

    analyzer = None
    for chunk in split_chunks(items, chunk_size):
        if chunk.documents:
            analyzer = analyzer or get_analyzer(model)
            chunk.results = analyze_chunk(analyzer, chunk.documents)
        yield from merge_results(chunk)
