"""Ingest: turn input files and streams into :class:`presse.model.Document` objects.

Entry points: :func:`read_source` (one input, strict), :func:`iter_sources` (several inputs and
folders, errors yielded as items), :func:`read_feed_entries` (all entries of a feed, link-only
ones included). Supported inputs: plain text, HTML pages, JSON/JSONL records, RSS/Atom feeds; see
the module of each reader for its details, and :func:`normalize_text` for the normalization
every text goes through. Problems raise (or yield) :class:`presse.errors.InputError`.
"""

from presse.ingest.feeds import FeedEntry
from presse.ingest.limits import DEFAULT_LIMITS, Limits
from presse.ingest.sources import (
    EXTENSIONS,
    iter_sources,
    read_feed_entries,
    read_source,
    sniff,
    supported_files,
)
from presse.ingest.text import decode_bytes, normalize_text

__all__ = [
    "DEFAULT_LIMITS",
    "EXTENSIONS",
    "FeedEntry",
    "Limits",
    "decode_bytes",
    "iter_sources",
    "normalize_text",
    "read_feed_entries",
    "read_source",
    "sniff",
    "supported_files",
]
