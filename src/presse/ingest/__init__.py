"""Ingest: turn input files and streams into :class:`presse.model.Document` objects.

Entry points: :func:`read_source` (one input, strict), :func:`iter_sources` (several inputs and
folders, errors yielded as items), :func:`read_feed_entries` (all entries of a feed, link-only
ones included). Supported inputs: plain text, HTML pages, JSON/JSONL records, RSS/Atom feeds; see
the module of each reader for its details, and :func:`normalize_text` for the normalization
every text goes through. Problems raise (or yield) :class:`presse.errors.InputError`.

The names below are loaded on first use, so that importing a light module of this package (the
size limits, for a command's options) does not load trafilatura and feedparser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presse.ingest.feeds import FeedEntry
    from presse.ingest.language import SUPPORTED_LANGUAGES, settle_language
    from presse.ingest.limits import DEFAULT_LIMITS, Limits, configured_limits, use_max_bytes
    from presse.ingest.sources import (
        EXTENSIONS,
        iter_sources,
        read_feed_entries,
        read_source,
        sniff,
        supported_files,
    )
    from presse.ingest.text import decode_bytes, normalize_text

_HOMES = {
    "FeedEntry": "feeds",
    "SUPPORTED_LANGUAGES": "language",
    "settle_language": "language",
    "DEFAULT_LIMITS": "limits",
    "Limits": "limits",
    "configured_limits": "limits",
    "use_max_bytes": "limits",
    "EXTENSIONS": "sources",
    "iter_sources": "sources",
    "read_feed_entries": "sources",
    "read_source": "sources",
    "sniff": "sources",
    "supported_files": "sources",
    "decode_bytes": "text",
    "normalize_text": "text",
}

__all__ = [
    "DEFAULT_LIMITS",
    "EXTENSIONS",
    "SUPPORTED_LANGUAGES",
    "FeedEntry",
    "Limits",
    "configured_limits",
    "decode_bytes",
    "iter_sources",
    "normalize_text",
    "read_feed_entries",
    "read_source",
    "settle_language",
    "sniff",
    "supported_files",
    "use_max_bytes",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # an import on first use, then a plain attribute
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
