"""Dask: :func:`analyze_dask` (the :func:`presse.corpus.workers.analyze_parallel` contract on a
Dask cluster) and :func:`dask_client` (a tuned LocalCluster, or an existing scheduler).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from presse.corpus.chunks import (
    DEFAULT_CHUNK_SIZE,
    IN_FLIGHT_PER_WORKER,
    Chunk,
    Item,
    Result,
    Wire,
    failure,
    from_wire,
    merge_results,
    split_chunks,
    wire_chunk,
)
from presse.model import Document

if TYPE_CHECKING:
    from distributed import Client, Future

    from presse.analyze.pipeline import Analyzer


WORKER_CACHE = "presse_analyzers"


def worker_analyzer(model: str) -> Analyzer:
    """The Analyzer for ``model`` cached on the current Dask worker, loaded on its first task.

    It is kept as an attribute of the ``distributed.Worker`` object (``presse_analyzers``: model
    name → Analyzer), so it lives and dies with the worker, not in a module global of whatever
    process happens to run the task.
    """
    from distributed import get_worker

    from presse.analyze.pipeline import Analyzer

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
    """:func:`presse.corpus.workers.analyze_parallel` on a Dask cluster: same contract, same results.

    One task per chunk of ``chunk_size`` documents (sent as dicts); each worker loads the
    pipeline once, on its first task (:func:`worker_analyzer`). At most ``in_flight`` chunks
    (default: four times the number of workers, at least 4) are submitted or waiting to be yielded,
    and results are gathered by this process only (as_completed). A chunk whose task fails (including a worker killed more often than Dask's ``allowed-failures``) yields an
    InputError "analysis failed: …" for each of its documents.
    """
    from distributed import as_completed

    from presse.analyze.pipeline import MODEL

    model = model or MODEL
    workers = len(client.scheduler_info().get("workers", {}))
    limit = in_flight or IN_FLIGHT_PER_WORKER * max(1, workers)
    pending = as_completed()
    by_key: dict[str, tuple[int, Chunk, Future]] = {}
    held: dict[int, Chunk] = {}
    source = iter(enumerate(split_chunks(items, chunk_size)))
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
                yield from merge_results(held.pop(next_out))
                next_out += 1
            if exhausted and not held and not by_key:
                return
            if by_key:
                future = next(pending)
                chunk_id, chunk, _ = by_key.pop(future.key)
                try:
                    chunk.results = [
                        from_wire(w, d)
                        for w, d in zip(future.result(), chunk.documents, strict=True)
                    ]
                except Exception as exc:
                    chunk.results = [failure(d, exc) for d in chunk.documents]
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
