"""One chunk of documents, whatever runs it: the unit every batch path analyzes.

:func:`analyze_chunk` analyzes a chunk in order, pinning a failure on its document;
:func:`wire_chunk` gives the results in the plain-tuple form that crosses process boundaries;
:func:`split_chunks` and :func:`merge_results` cut an input stream into chunks and put the
results back in input order. The local pool (:mod:`presse.corpus.workers`) and Dask
(:mod:`presse.corpus.cluster`) both go through them, so they give the same articles.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from presse.errors import InputError, PresseError
from presse.model import Article, Document

if TYPE_CHECKING:
    from presse.analyze.pipeline import Analyzer


Item = Document | InputError
Result = Article | PresseError
# What crosses a process boundary for one document: ("ok", article JSON) or
# ("error", source, problem, hint). Plain tuples pickle fast and need no presse classes.
Wire = tuple[str, ...]

DEFAULT_CHUNK_SIZE = 32
# Chunks submitted or finished but not yet yielded, per worker. Results are yielded in input
# order, so a long chunk holds back the ones after it: with 2 per worker a free worker waited
# for it (1.6 % lost over the 500k-word benchmark input in a simulation from the articles'
# lengths), with 4 per worker 0.7 % (the unavoidable tail). Kept at 2: the gain is below what
# this machine can measure, and a worker that dies then loses at most two queued chunks.
IN_FLIGHT_PER_WORKER = 2


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
            results.append(failure(document, exc))
    return results


def failure(document: Document, exc: BaseException | str) -> InputError:
    return InputError(document.source or document.id or "<text>", f"analysis failed: {exc}")


def _to_wire(result: Result) -> Wire:
    if isinstance(result, Article):
        return ("ok", result.model_dump_json())
    if isinstance(result, InputError):
        return ("error", result.source, result.problem, result.hint)
    return ("error", "<document>", str(result), "")


def from_wire(wire: Wire, document: Document) -> Result:
    if wire[0] != "ok":
        return InputError(wire[1], wire[2], wire[3])
    try:
        return Article.model_validate_json(wire[1])
    except ValueError as exc:  # e.g. a worker running another version of presse.model
        return failure(document, f"invalid article from the worker: {exc}")


def wire_chunk(analyzer: Analyzer, documents: Sequence[Document]) -> list[Wire]:
    """:func:`analyze_chunk` with results in their transport form (for worker processes)."""
    return [_to_wire(result) for result in analyze_chunk(analyzer, documents)]


@dataclass
class Chunk:
    items: list[Item]
    documents: list[Document]
    attempts: int = 0
    results: list[Result] | None = None


def split_chunks(items: Iterable[Item], chunk_size: int) -> Iterator[Chunk]:
    """Consecutive chunks of ``items`` holding up to ``chunk_size`` documents each."""
    current: list[Item] = []
    documents: list[Document] = []
    for item in items:
        current.append(item)
        if isinstance(item, Document):
            documents.append(item)
            if len(documents) >= chunk_size:
                yield Chunk(current, documents)
                current, documents = [], []
    if current:
        yield Chunk(current, documents)


def merge_results(chunk: Chunk) -> Iterator[tuple[Item, Result]]:
    results = iter(chunk.results or [])
    for item in chunk.items:
        yield (item, item) if isinstance(item, InputError) else (item, next(results))
