"""RSS and Atom feeds: entries that carry the article text become Documents.

An entry's text is its ``content`` element (RSS ``content:encoded``, Atom ``<content>``). When it
has none, its summary (RSS ``<description>``, Atom ``<summary>``) is analyzed instead, whatever
its length, and the Document says so in its ``warnings`` (most news feeds give only a link and a
teaser: the analysis then covers the teaser, not the article). An entry with neither (a title
and a link) is returned by :func:`read_feed_entries` with ``document=None`` and a ``reason``, so
a corpus builder can record (or fetch) the link; :func:`feed_items` skips it.

HTML content is turned into lines as for HTML pages (see :mod:`presse.ingest.html`); a first
heading repeating the entry title is dropped. Source names: ``path#<entry id>``, or ``path[i]``
(entry i, from 0) for an entry without id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import feedparser

from presse.errors import InputError
from presse.ingest.html import lines_from_fragment
from presse.ingest.limits import Limits, check_chars
from presse.ingest.meta import language_code, parse_date, split_authors
from presse.ingest.text import binary_error, binary_kind, normalize_text
from presse.model import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FeedEntry:
    """One feed entry: its Document when the feed carries its text, otherwise why not."""

    document: Document | None
    link: str | None
    title: str | None
    reason: str | None = None
    id: str | None = None


def _one_line(s: Any) -> str | None:
    if not isinstance(s, str):
        return None
    return " ".join(normalize_text(s).split()) or None


def _entry_text(detail: Any, title: str | None) -> tuple[str, list[str], list[str]]:
    value = detail.get("value") or ""
    if detail.get("type", "text/html") in _HTML_TYPES:
        extracted = lines_from_fragment(value, title)
        return extracted.text, extracted.headings, extracted.list_items
    return normalize_text(value), [], []


def _published(entry: Any) -> date | None:
    for name in ("published", "updated", "created"):
        parsed = parse_date(entry.get(name))
        if parsed is not None:
            return parsed
    struct = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(struct.tm_year, struct.tm_mon, struct.tm_mday) if struct else None


def _authors(entry: Any) -> list[str]:
    names = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [n for n in names if isinstance(n, str)]
    return split_authors(names or entry.get("author"))


def parse_feed(data: bytes, source: str, limits: Limits) -> list[FeedEntry]:
    """The entries of an RSS/Atom feed given as bytes, in feed order.

    Raises InputError for an empty or binary input, malformed XML that yields no entry, XML that
    is not a feed, or a feed without entries. An entry whose text exceeds ``limits.max_chars`` is
    returned without document, with the reason.
    """
    if not data.strip():
        raise InputError(source, "is empty", "there is no feed in it")
    kind = binary_kind(data)
    if kind is not None:
        raise binary_error(source, kind)
    # bytes, never a str: feedparser would treat a str that looks like a URL as one to fetch
    feed = feedparser.parse(data)
    entries = feed.get("entries", [])
    if not entries:
        if feed.get("bozo"):
            raise InputError(
                source,
                f"malformed feed XML: {feed.get('bozo_exception')}",
                "check that it is a complete RSS or Atom document",
            )
        if not feed.get("version"):
            raise InputError(source, "is not an RSS or Atom feed", "no <rss> or <feed> element")
        raise InputError(source, "feed has no entries")
    outlet = _one_line(feed.feed.get("title"))
    language = language_code(feed.feed.get("language"))
    return [_entry(e, i, source, outlet, language, limits) for i, e in enumerate(entries)]


def _entry(
    entry: Any, index: int, source: str, outlet: str | None, language: str | None, limits: Limits
) -> FeedEntry:
    title = _one_line(entry.get("title"))
    link = entry.get("link") or None
    entry_id = entry.get("id") or None
    name = f"{source}#{entry_id}" if entry_id else f"{source}[{index}]"
    text, headings, list_items = "", [], []
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        text, headings, list_items = _entry_text(best, title)
    warnings: list[str] = []
    if not text.strip() and entry.get("summary_detail"):
        text, headings, list_items = _entry_text(entry["summary_detail"], title)
        warnings.append(summary_warning(len(text)))
    if not text.strip():
        return FeedEntry(None, link, title, "only a link, no article text", entry_id)
    try:
        check_chars(name, text, limits)
    except InputError as error:
        return FeedEntry(None, link, title, error.problem, entry_id)
    document = Document(
        text=text,
        source=name,
        id=entry_id,
        url=link,
        title=title,
        authors=_authors(entry),
        outlet=outlet,
        published=_published(entry),
        language=language_code(_entry_language(entry), language),
        headings=headings,
        list_items=list_items,
        warnings=warnings,
    )
    return FeedEntry(document, link, title, None, entry_id)


def summary_warning(length: int) -> str:
    """The warning of a Document read from a feed entry's summary of ``length`` characters."""
    return (
        f"the feed gives only this entry's summary ({length:,} characters), not the article's "
        "text: the analysis covers the summary"
    )


def _entry_language(entry: Any) -> str | None:
    for content in entry.get("content", []):
        if content.get("language"):
            return content["language"]
    return None


def feed_items(
    entries: list[FeedEntry], source: str, *, record_id: str | None
) -> Iterator[Document | InputError]:
    """The Documents of ``entries`` (link-only entries skipped), or the one selected by
    ``record_id`` (matched against the entry id, or its link).

    Yields an InputError when ``record_id`` matches nothing or an entry without text, and when no
    entry at all has article text.
    """
    if record_id is not None:
        for entry in entries:
            if record_id in (entry.id, entry.link):
                if entry.document is not None:
                    yield entry.document
                else:
                    yield InputError(
                        f"{source}#{record_id}",
                        f"entry has no article text in the feed ({entry.reason})",
                        f"fetch {entry.link} and ingest the page as HTML" if entry.link else "",
                    )
                return
        yield InputError(
            source,
            f"no record with id {record_id!r}",
            "in a feed, ids are the entries' guid or link",
        )
        return
    documents = [e.document for e in entries if e.document is not None]
    if not documents:
        yield InputError(
            source,
            f"no entry with text: the {len(entries)} entries have only a title and a link",
            "fetch the linked pages and ingest them as HTML",
        )
    yield from documents
