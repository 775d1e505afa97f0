"""Ingest driver: sources → documents → analysis → corpus store.

:func:`ingest` reads inputs (files, directories recursively, JSONL corpora, RSS/Atom feeds,
``-`` for standard input), skips the documents already stored with the same content, analyzes
the others through :func:`presse.corpus.workers.analyze_parallel` (in this process for ``jobs=1``, else in
``jobs`` worker processes, the model loaded once in each) and writes each analysis in its own transaction through
the single :class:`presse.store.writer.StoreWriter`.

Contracts:

* idempotent: a document whose key and content hash are already stored is counted "unchanged"
  and neither analyzed nor written — unless its stored analysis was made by an older presse
  version (or ``reanalyze`` is set): then it is analyzed again, replaced, and counted
  "reanalyzed";
* resumable: killed at any moment, the store holds whole analyses only, and the next run
  analyzes exactly what is missing;
* a bad input or document (unreadable, empty, too large, failed analysis) never stops the run:
  it is counted "failed", recorded in ``ingest_errors`` with its source and reason, and listed
  in :attr:`IngestCounts.errors`;
* feed entries that carry only a link are recorded in ``feed_links`` (counted "links").
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from presse.corpus.shards import read_batch
from presse.corpus.workers import analyze_parallel
from presse.errors import InputError, PresseError, UsageError
from presse.ingest import (
    DEFAULT_LIMITS,
    EXTENSIONS,
    Limits,
    iter_sources,
    read_feed_entries,
    settle_language,
    supported_files,
)
from presse.model import Article, Document
from presse.store.writer import StoreWriter, analyzed_by_older, document_hash

Outcome = Literal["new", "replaced", "reanalyzed", "unchanged", "failed", "link"]


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One item done: what happened to it, its source and the words analyzed."""

    outcome: Outcome
    source: str
    words: int = 0
    reason: str | None = None


ProgressCallback = Callable[[IngestEvent], None]


@dataclass
class IngestCounts:
    """What an ingest run did."""

    new: int = 0
    replaced: int = 0
    reanalyzed: int = 0  # same text, analyzed again (older analyzer version, or forced)
    unchanged: int = 0
    failed: int = 0
    links: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def items(self) -> int:
        """Documents and inputs seen (link-only feed entries excluded)."""
        return self.new + self.replaced + self.reanalyzed + self.unchanged + self.failed

    def add(self, event: IngestEvent) -> None:
        """Count one event."""
        if event.outcome == "link":
            self.links += 1
        else:
            setattr(self, event.outcome, getattr(self, event.outcome) + 1)
        self.words += event.words
        if event.outcome == "failed":
            self.errors.append((event.source, event.reason or ""))


@dataclass(frozen=True, slots=True)
class _Link:
    source: str
    link: str
    title: str | None
    reason: str | None


def _is_feed_file(path: str) -> bool:
    return EXTENSIONS.get(Path(path).suffix.lower()) == "feed"


def _file_items(
    path: str, limits: Limits, language: str | None
) -> Iterator[Document | InputError | _Link]:
    if _is_feed_file(path):
        try:
            entries = read_feed_entries(path, limits=limits)
        except InputError:
            # not a feed after all (an XHTML page saved as .xml): read it as ingest would
            yield from iter_sources([path], limits=limits, language=language)
            return
        for index, entry in enumerate(entries):
            if entry.document is not None:
                try:
                    yield settle_language(entry.document, language)
                except InputError as error:
                    yield error
            else:
                yield _Link(
                    f"{path}#{entry.id}" if entry.id else f"{path}[{index}]",
                    entry.link or "",
                    entry.title,
                    entry.reason,
                )
        return
    yield from iter_sources([path], limits=limits, language=language)


def iter_items(
    sources: Iterable[str | Path],
    *,
    limits: Limits = DEFAULT_LIMITS,
    language: str | None = None,
) -> Iterator[Document | InputError | _Link]:
    """Documents, input errors and link-only feed entries of ``sources``, in order.

    Directories are read recursively (supported extensions, sorted paths); feed files give
    their link-only entries too, which :func:`presse.ingest.iter_sources` leaves out. Every
    document's language is settled as :func:`presse.ingest.iter_sources` does (``language``
    forces one).
    """
    for source in map(str, sources):
        if source != "-" and Path(source).is_dir():
            files = supported_files(source)
            if not files:
                yield from iter_sources([source], limits=limits)  # its "no supported files" error
            for file in files:
                yield from _file_items(file, limits, language)
        elif source != "-" and Path(source).is_file():
            yield from _file_items(source, limits, language)
        else:
            yield from iter_sources([source], limits=limits, language=language)


def estimate_total(sources: Sequence[str | Path]) -> int | None:
    """A cheap estimate of the number of documents (lines of JSONL files, one per other file);
    None when standard input is among the sources."""
    total = 0
    for source in map(str, sources):
        if source == "-":
            return None
        path = Path(source)
        files = supported_files(source) if path.is_dir() else [source]
        for file in files:
            if EXTENSIONS.get(Path(file).suffix.lower()) == "jsonl":
                try:
                    with open(file, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def ingest(
    sources: Sequence[str | Path],
    db: str | Path,
    *,
    jobs: int = 1,
    chunk_size: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    language: str | None = None,
    progress: ProgressCallback | None = None,
    reanalyze: bool = False,
) -> IngestCounts:
    """Ingest ``sources`` into the store ``db`` (created when missing); return the counts.

    ``language`` forces the language of every document (see :func:`presse.ingest.settle_language`);
    by default a document in a language presse does not analyze is a failed item.

    ``jobs``: analysis processes (1: this process). ``chunk_size``: documents sent to the
    analyzer at a time (default 8 in this process, so that articles reach the store soon,
    32 with worker processes). ``progress`` is called once per item, as it is done.
    ``reanalyze``: analyze stored articles again even when their text and analyzer version are
    unchanged.
    """
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    chunk = chunk_size or (8 if jobs == 1 else 32)
    with _counting(progress) as (counts, emit), StoreWriter(db) as writer:
        keys: deque[tuple[str, str, bool] | None] = deque()  # key, digest, re-analysis

        def to_analyze() -> Iterator[Document | InputError]:
            for item in iter_items(sources, limits=limits, language=language):
                if isinstance(item, _Link):
                    writer.record_link(item.source, item.link, item.title, item.reason)
                    emit(IngestEvent("link", item.source))
                    continue
                if isinstance(item, InputError):
                    keys.append(None)
                    yield item
                    continue
                key, digest = document_hash(item)
                same = writer.stored_hash(key) == digest
                if same and not reanalyze and not analyzed_by_older(writer.stored_version(key)):
                    emit(IngestEvent("unchanged", item.source or key))
                    continue
                keys.append((key, digest, same))
                yield item

        for item, result in analyze_parallel(to_analyze(), jobs=jobs, chunk_size=chunk):
            identity = keys.popleft()
            if isinstance(result, Article) and identity is not None:
                _store_article(writer, result, identity, emit)
                continue
            error = result if isinstance(result, PresseError) else InputError("<item>", "failed")
            _store_error(writer, error, _source_of(item), emit)
    return counts


def ingest_batch(
    directory: str | Path, db: str | Path, *, progress: ProgressCallback | None = None
) -> IngestCounts:
    """Load the analyses of a `presse batch` output folder into the store ``db``.

    The same store as `ingest` over the same inputs: articles keyed and hashed alike (so an
    article ingested one way is "unchanged" the other way, unless the batch was analyzed by a
    newer presse than the stored analysis: then it replaces it, "reanalyzed"), failures
    recorded as ingest errors.
    """
    with _counting(progress) as (counts, emit), StoreWriter(db) as writer:
        for item in read_batch(directory):
            if isinstance(item, InputError):
                _store_error(writer, item, item.source, emit)
                continue
            document = Document(text=item.text, url=item.url, id=item.id, source=item.source)
            key, digest = document_hash(document)
            same = writer.stored_hash(key) == digest
            newer = item.presse_version is not None and analyzed_by_older(
                writer.stored_version(key), item.presse_version
            )
            if same and not newer:
                emit(IngestEvent("unchanged", item.source or key))
                continue
            _store_article(writer, item, (key, digest, same), emit)
    return counts


@contextlib.contextmanager
def _counting(progress: ProgressCallback | None) -> Iterator[tuple[IngestCounts, ProgressCallback]]:
    """Counts of an ingest and the callback that adds to them (and reports progress); the
    elapsed time is set when the block ends."""
    counts = IngestCounts()
    started = time.perf_counter()

    def emit(event: IngestEvent) -> None:
        counts.add(event)
        if progress is not None:
            progress(event)

    try:
        yield counts, emit
    finally:
        counts.seconds = time.perf_counter() - started


def _store_article(
    writer: StoreWriter, article: Article, identity: tuple[str, str, bool], emit: ProgressCallback
) -> None:
    key, digest, again = identity
    outcome: Outcome = writer.write_article(article, key=key, digest=digest, force=again)
    words = len(article.text.split()) if outcome != "unchanged" else 0
    emit(IngestEvent("reanalyzed" if again and outcome == "replaced" else outcome, article.source or key, words))


def _store_error(
    writer: StoreWriter, error: PresseError, fallback_source: str, emit: ProgressCallback
) -> None:
    source = error.source if isinstance(error, InputError) else fallback_source
    if isinstance(error, InputError):
        reason = f"{error.problem} ({error.hint})" if error.hint else error.problem
    else:
        reason = str(error)
    writer.record_error(source, reason)
    emit(IngestEvent("failed", source, reason=reason))


def _source_of(item: Document | InputError) -> str:
    if isinstance(item, InputError):
        return item.source
    return item.source or item.id or "<text>"
