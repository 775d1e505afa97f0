"""Dispatch: which reader handles an input, and the two public entry points.

Kinds by extension: ``.txt`` ``.md`` → text; ``.html`` ``.htm`` ``.xhtml`` → HTML; ``.json`` →
JSON records; ``.jsonl`` ``.ndjson`` → JSON Lines records; ``.xml`` ``.rss`` ``.atom`` → feed
(an ``.xml`` file whose root element is ``<html>`` → HTML).
Standard input (``-``) and files with no or another extension are sniffed from their first bytes
(after a byte-order mark and whitespace): ``{`` or ``[`` → records, an XML/HTML document whose
first element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>`` → feed, another ``<`` → HTML, else text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from presse.errors import InputError
from presse.ingest.feeds import FeedEntry, feed_items, parse_feed
from presse.ingest.files import STDIN, directory_error, open_file, read_file, read_stdin
from presse.ingest.html import html_document
from presse.ingest.language import settle_language
from presse.ingest.limits import DEFAULT_LIMITS, Limits, too_large_bytes
from presse.ingest.records import json_items, jsonl_items
from presse.ingest.text import binary_error, binary_kind, empty_error, text_document
from presse.model import Document

Kind = Literal["text", "html", "json", "jsonl", "feed"]

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})


def sniff(data: bytes) -> Kind:
    """The kind of an input from its first bytes (see the module docstring)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        return "json"
    if text.startswith("<"):
        return "feed" if _root_element(text) in _FEED_ROOTS else "html"
    return "text"


def _root_element(markup: str) -> str | None:
    """The lowercased name of the first element of ``markup``, after the XML declaration,
    comments and doctype."""
    without_prolog = re.sub(r"<\?.*?\?>|<!--.*?-->|<![^>]*>", "", markup, flags=re.DOTALL)
    match = _FIRST_ELEMENT.search(without_prolog)
    return match[1].lower() if match else None


def _single(source: str, record_id: str | None) -> None:
    if record_id is not None:
        raise InputError(
            source,
            f"has no records, cannot select id {record_id!r}",
            "an id selects a record of a JSON/JSONL file or an entry of a feed",
        )


def _from_bytes(
    data: bytes, source: str, kind: Kind, record_id: str | None, limits: Limits
) -> Iterator[Document | InputError]:
    """Items of an input already read into memory (standard input, or a whole file)."""
    if kind in ("json", "jsonl"):
        return json_items(data, source, record_id=record_id, limits=limits)
    if kind == "feed":
        return feed_items(parse_feed(data, source, limits), source, record_id=record_id)
    _single(source, record_id)
    if kind == "html":
        if len(data) > limits.max_html_bytes:
            raise too_large_bytes(source, len(data), limits.max_html_bytes)
        return iter([html_document(data, source, limits)])
    if len(data) > limits.max_bytes:
        raise too_large_bytes(source, len(data), limits.max_bytes)
    return iter([text_document(data, source, limits)])


def _kind_of(source: str) -> Kind | None:
    return EXTENSIONS.get(os.path.splitext(source)[1].lower())


def _items(source: str, record_id: str | None, limits: Limits) -> Iterator[Document | InputError]:
    """Items of one input (not a directory). File-level problems raise InputError at once;
    per-record problems of JSON/JSONL files come as InputError items."""
    if source == STDIN:
        data = read_stdin(limits.max_container_bytes)
        return _from_bytes(data, source, sniff(data), record_id, limits)
    kind = _kind_of(source)
    if kind == "jsonl":
        return _jsonl(open_file(source, None), source, record_id, limits)
    if kind in ("json", "feed"):
        data = read_file(source, limits.max_container_bytes)
        if kind == "feed" and _root_element(data[:4096].decode("utf-8", errors="ignore")) == "html":
            kind = "html"  # an XHTML page saved as .xml
        return _from_bytes(data, source, kind, record_id, limits)
    if kind == "html":
        return _from_bytes(
            read_file(source, limits.max_html_bytes), source, kind, record_id, limits
        )
    if kind == "text":
        return _from_bytes(read_file(source, limits.max_bytes), source, kind, record_id, limits)
    with open_file(source, limits.max_container_bytes) as fh:
        head = fh.read(4096)
        kind = sniff(head)
        limit = {"text": limits.max_bytes, "html": limits.max_html_bytes}.get(
            kind, limits.max_container_bytes
        )
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise too_large_bytes(source, size, limit)
        data = head + fh.read(limit + 1 - len(head))
    if len(data) > limit:
        raise too_large_bytes(source, None, limit)
    return _from_bytes(data, source, kind, record_id, limits)


def _jsonl(
    fh: BinaryIO, source: str, record_id: str | None, limits: Limits
) -> Iterator[Document | InputError]:
    # checked before the generator starts, so that read_source raises at the call
    head = fh.peek(4096)[:4096] if hasattr(fh, "peek") else b""
    kind = binary_kind(head)
    if kind is not None or not head.strip():
        fh.close()
        raise binary_error(source, kind) if kind is not None else empty_error(source)
    return _closing(fh, jsonl_items(fh, source, record_id=record_id, limits=limits))


def _closing(
    fh: BinaryIO, items: Iterator[Document | InputError]
) -> Iterator[Document | InputError]:
    with fh:
        yield from items


def _settled(
    items: Iterator[Document | InputError], language: str | None
) -> Iterator[Document | InputError]:
    """The items with each Document's language settled (see :func:`settle_language`): a
    document in a language presse does not analyze becomes its InputError."""
    for item in items:
        if isinstance(item, Document):
            try:
                item = settle_language(item, language)
            except InputError as error:
                item = error
        yield item


def _strict(items: Iterator[Document | InputError]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputError):
            raise item
        yield item


def read_source(
    path: str | Path,
    *,
    record_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    language: str | None = None,
) -> Iterator[Document]:
    """The documents of one input: a file, or standard input when ``path`` is ``"-"``.

    Each Document's ``source`` is the path as given (``"-"`` for standard input); for a record or
    a feed entry it is ``path#id``, ``path:line`` or ``path[index]``.

    - ``record_id``: yield only the record (JSON/JSONL) or feed entry with that id (compared as
      strings; for feeds, the guid or the link); InputError "no record with id …" if there is
      none. Giving it for a text or HTML input is an InputError.
    - File-level problems (missing, directory, permission, empty, binary, undecodable, too large,
      invalid JSON, malformed feed) raise InputError when ``read_source`` is called.
    - Strict about records: reading stops with InputError at the first bad record (invalid JSON
      line, record without text…), after the good records before it were yielded. To go past bad
      records, use :func:`iter_sources`, which yields them as errors and continues.
    - A feed yields only its entries that carry text, content or summary (see
      :func:`read_feed_entries` for the others); InputError if none does.
    - Each Document's ``language`` is settled by :func:`presse.ingest.settle_language`
      (``language`` forces one); a document in a language presse does not analyze is an
      InputError, like a bad record.
    """
    source = str(path)
    if source != STDIN and Path(source).is_dir():
        raise directory_error(source)
    return _strict(_settled(_items(source, record_id, limits), language))


def supported_files(directory: str) -> list[str]:
    """The files under ``directory`` with a supported extension, recursively, sorted by path.

    Hidden files and folders (name starting with ".") are skipped; symbolic links to folders
    are not followed (no cycles). Markdown files are skipped too: in a corpus folder they are
    its README, changelog or licence, not articles (a ``.md`` given by name is still read).
    """
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name.lower().endswith(".md") or _kind_of(name) is None:
                continue
            path = os.path.join(root, name)
            found.append((Path(os.path.relpath(path, directory)).parts, path))
    return [path for _, path in sorted(found)]


def iter_sources(
    paths: Iterable[str | Path],
    *,
    record_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    language: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents of several inputs in order, with an InputError item for each bad input or
    record (a document in a language presse does not analyze included) instead of stopping, so
    a caller can report them all at the end.

    A directory is read recursively: its files with a supported extension (see
    :func:`supported_files`), in sorted path order; a directory without any is an InputError.
    Records and feeds behave as in :func:`read_source`, except that a bad record is yielded as an
    InputError and the following records still come through.
    """
    for path in paths:
        source = str(path)
        if source != STDIN and Path(source).is_dir():
            files = supported_files(source)
            if not files:
                yield InputError(
                    source,
                    "contains no supported files",
                    "supported: " + " ".join(sorted(EXTENSIONS)),
                )
            for file in files:
                yield from _settled(_lenient(file, record_id, limits), language)
        else:
            yield from _settled(_lenient(source, record_id, limits), language)


def _lenient(source: str, record_id: str | None, limits: Limits) -> Iterator[Document | InputError]:
    try:
        yield from _items(source, record_id, limits)
    except InputError as error:
        yield error


def read_feed_entries(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> list[FeedEntry]:
    """All entries of an RSS/Atom feed file (or standard input for ``"-"``), with or without
    article text: link-only entries have ``document=None`` and a ``reason``. The documents'
    language is the one the feed declares, not yet settled (see :func:`settle_language`).

    Raises InputError if the input cannot be read, is not a feed, or is malformed.
    """
    source = str(path)
    if source == STDIN:
        data = read_stdin(limits.max_container_bytes)
    else:
        data = read_file(source, limits.max_container_bytes)
    return parse_feed(data, source, limits)
