"""Batch analysis: inputs to a directory of Parquet shards plus ``manifest.json``.

:func:`run_batch` runs locally (:func:`presse.corpus.workers.analyze_parallel`) or on Dask
(:func:`presse.corpus.cluster.analyze_dask`); a rerun skips the shards already finished (resume).
Read a batch back with :mod:`presse.corpus.shards` (``read_shards``, ``read_errors``,
``read_batch``). Every path analyzes a chunk of documents with
:func:`presse.corpus.chunks.analyze_chunk`, so the local, the multi-process and the Dask paths
give the same articles for the same chunking.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presse.corpus.chunks import DEFAULT_CHUNK_SIZE, Item
from presse.corpus.cluster import analyze_dask, dask_client
from presse.corpus.manifest import (
    MANIFEST_VERSION,
    describe_change,
    digest,
    fingerprint,
    read_manifest,
    write_manifest,
)
from presse.corpus.shards import DEFAULT_SHARD_SIZE, ShardRows, shard_name, write_shard
from presse.corpus.workers import analyze_parallel
from presse.errors import InputError, UsageError
from presse.model import Article

if TYPE_CHECKING:
    from presse.ingest.limits import Limits


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

    - Local (``jobs`` processes, through :func:`presse.corpus.workers.analyze_parallel`) or Dask (``dask=True``: a
      LocalCluster of ``jobs`` workers, or the cluster at ``scheduler``, through
      :func:`presse.corpus.cluster.analyze_dask`).
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
            f"{out} holds a batch of other inputs ({describe_change(manifest.get('fingerprint'), print_)}):"
            " pass --restart to discard it, or choose another --out"
        )
    for stale in (out / "shards").glob(".*.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a run that was killed mid-write
    if manifest is None or restart:
        shutil.rmtree(out / "shards", ignore_errors=True)
        manifest = {
            "version": MANIFEST_VERSION,
            "fingerprint": print_,
            "fingerprint_digest": digest(print_),
            "shard_size": shard_size,
            "shards": {},
            "complete": False,
        }
        write_manifest(out, manifest)
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

    def write(shard: ShardRows) -> None:
        write_shard(out, shard)
        manifest["shards"][shard_name(shard.index)] = shard.counts()
        write_manifest(out, manifest)
        summary.shards_written += 1

    stopped = False
    with contextlib.ExitStack() as stack:
        if dask:
            client = stack.enter_context(dask_client(scheduler, jobs))
            results = analyze_dask(todo(), client=client, chunk_size=chunk_size)
        else:
            results = analyze_parallel(todo(), jobs=jobs, chunk_size=chunk_size)
        stack.callback(getattr(results, "close", lambda: None))
        shard: ShardRows | None = None
        for _item, result in results:
            position = positions.popleft()
            index = position // shard_size
            if shard is not None and shard.index != index:
                write(shard)
                shard = None
                if max_shards is not None and summary.shards_written >= max_shards:
                    stopped = True
                    break
            shard = shard or ShardRows(index)
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
    write_manifest(out, manifest)
    summary.errors_total = manifest["totals"].get("errors", 0)
    summary.seconds = time.perf_counter() - started
    return summary


def _totals(manifest: dict[str, Any]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in manifest["shards"].values():
        for name, value in counts.items():
            totals[name] = totals.get(name, 0) + value
    return totals
